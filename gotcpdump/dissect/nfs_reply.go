package dissect

// NFS reply decoding (the reply half of print-nfs.c). A reply is only
// decoded past "reply ok" when the call it answers was seen.

var rpcAuthStats = []tok{
	{0, "OK"},
	{1, "Bogus Credentials (seal broken)"},
	{2, "Rejected Credentials (client should begin new session)"},
	{3, "Bogus Verifier (seal broken)"},
	{4, "Verifier expired or was replayed"},
	{5, "Credentials are too weak"},
	{6, "Bogus response verifier"},
	{7, "Unknown failure"},
}

var rpcAcceptStats = []tok{
	{1, "PROG_UNAVAIL"}, {2, "PROG_MISMATCH"}, {3, "PROC_UNAVAIL"},
	{4, "GARBAGE_ARGS"}, {5, "SYSTEM_ERR"},
}

var nfsStatus = []tok{
	{1, "Operation not permitted"}, {2, "No such file or directory"},
	{5, "Input/output error"}, {6, "Device not configured"},
	{11, "Resource deadlock avoided"}, {12, "Cannot allocate memory"},
	{13, "Permission denied"}, {17, "File exists"}, {18, "Cross-device link"},
	{19, "Operation not supported by device"}, {20, "Not a directory"},
	{21, "Is a directory"}, {22, "Invalid argument"}, {26, "Text file busy"},
	{27, "File too large"}, {28, "No space left on device"},
	{30, "Read-only file system"}, {31, "Too many links"},
	{45, "Operation not supported"}, {62, "Too many levels of symbolic links"},
	{63, "File name too long"}, {66, "Directory not empty"},
	{69, "Disc quota exceeded"}, {70, "Stale NFS file handle"},
	{71, "Too many levels of remote in path"}, {99, "Write cache flushed to disk"},
	{10001, "Illegal NFS file handle"}, {10002, "Update synchronization mismatch"},
	{10003, "READDIR/READDIRPLUS cookie is stale"}, {10004, "Operation not supported"},
	{10005, "Buffer or request is too small"}, {10006, "Unspecified error on server"},
	{10007, "Object of that type not supported"},
	{10008, "Request couldn't be completed in time"},
}

// Sizes of fixed XDR structures.
const (
	nfsV2FattrSize = 68
	nfsV3FattrSize = 84
	nfsV2StatfsLen = 20
	nfsV3StatfsLen = 52
	nfsV3FsinfoLen = 48
	nfsV3PathconfL = 24
)

// nfsReplyPrint prints an RPC reply from the NFS port
// (nfsreply_noaddr_print).
func nfsReplyPrint(nd *ND, rp []byte, length uint32, ip *ipInfo) {
	nd.SetProto("nfs")
	tcheck(rp, rpcReplyStat, 4)
	switch stat := getBE32(rp, rpcReplyStat); stat {
	case 0:
		nd.Print("reply ok ")
		nd.PrintUint(uint64(length))
		if proc, vers, ok := nd.nfsXIDs().find(rp, ip); ok {
			r := nfsReply{nd: nd, b: rp}
			r.interpret(proc, vers, length)
		}
	case 1:
		nd.Print("reply ERR ")
		nd.PrintUint(uint64(length))
		nd.Print(": ")
		tcheck(rp, 12, 4)
		switch rstat := getBE32(rp, 12); rstat {
		case 0:
			tcheck(rp, 20, 4)
			nd.Printf("RPC Version mismatch (%d-%d)", getBE32(rp, 16), getBE32(rp, 20))
		case 1:
			tcheck(rp, 16, 4)
			nd.Printf("Auth %s", tok2str(rpcAuthStats, "Invalid failure code %d", getBE32(rp, 16)))
		default:
			nd.Print("Unknown reason for rejecting rpc message ")
			nd.PrintUint(uint64(rstat))
		}
	default:
		nd.Printf("reply Unknown rpc response code=%d %d", stat, length)
	}
}

// nfsReply walks the results of an accepted reply. Parse steps return
// the offset past what they consumed, or -1 when a structure was not all
// captured; nfsErr records that an error status was printed, which
// suppresses the truncation marker for such a stop.
type nfsReply struct {
	nd     *ND
	b      []byte
	nfsErr bool
}

// results returns the offset of the procedure results, past the verifier
// and an accept status of success (parserep).
func (r *nfsReply) results(length uint32) int {
	dp := 12
	n := getBE32(r.b, dp+4)
	if n >= length {
		return -1
	}
	dp += rpcOpaqueSkip(n)
	if astat := getBE32(r.b, dp); astat != 0 {
		r.nd.Printf(" %s", tok2str(rpcAcceptStats, "ar_stat %d", astat))
		r.nfsErr = true
		return -1
	}
	return dp + 4
}

// status reads an NFS status, printing it when it is an error.
func (r *nfsReply) status(dp int) (int, uint32) {
	st := getBE32(r.b, dp)
	if st != 0 {
		if !r.nd.Quick {
			r.nd.Printf(" ERROR: %s", tok2str(nfsStatus, "unk %d", st))
		}
		r.nfsErr = true
	}
	return dp + 4, st
}

// fattr prints file attributes as verbosity asks (parsefattr).
func (r *nfsReply) fattr(dp int, verbose int, v3 bool) int {
	nd, b := r.nd, r.b
	if !ttest(b, dp+16, 4) {
		return -1
	}
	if verbose > 0 {
		nd.Printf(" %s %o ids %d/%d", tok2str(nfsFileTypes, "unk-ft %d ", getBE32(b, dp)),
			getBE32(b, dp+4), int32(getBE32(b, dp+12)), int32(getBE32(b, dp+16)))
		if v3 {
			nd.Printf(" sz %d", getBE64(b, dp+20))
		} else {
			nd.Printf(" sz %d", getBE32(b, dp+20))
		}
	}
	if verbose > 1 {
		if v3 {
			if !ttest(b, dp+76, 8) {
				return -1
			}
			nd.Printf(" nlink %d rdev %d/%d", getBE32(b, dp+8), getBE32(b, dp+36), getBE32(b, dp+40))
			nd.Printf(" fsid %x", getBE64(b, dp+44))
			nd.Printf(" fileid %x", getBE64(b, dp+52))
			nd.Printf(" a/m/ctime %d.%06d", getBE32(b, dp+60), getBE32(b, dp+64))
			nd.Printf(" %d.%06d", getBE32(b, dp+68), getBE32(b, dp+72))
			nd.Printf(" %d.%06d", getBE32(b, dp+76), getBE32(b, dp+80))
		} else {
			if !ttest(b, dp+60, 8) {
				return -1
			}
			nd.Printf(" nlink %d rdev 0x%x fsid 0x%x nodeid 0x%x a/m/ctime",
				getBE32(b, dp+8), getBE32(b, dp+28), getBE32(b, dp+36), getBE32(b, dp+40))
			nd.Printf(" %d.%06d", getBE32(b, dp+44), getBE32(b, dp+48))
			nd.Printf(" %d.%06d", getBE32(b, dp+52), getBE32(b, dp+56))
			nd.Printf(" %d.%06d", getBE32(b, dp+60), getBE32(b, dp+64))
		}
	}
	if v3 {
		return dp + nfsV3FattrSize
	}
	return dp + nfsV2FattrSize
}

// attrStat is a status followed, on success, by attributes.
func (r *nfsReply) attrStat(dp int, verbose int, v3 bool) int {
	dp, st := r.status(dp)
	if st != 0 {
		return dp
	}
	return r.fattr(dp, verbose, v3)
}

// dirOpRes is a version 2 status, file handle and attributes.
func (r *nfsReply) dirOpRes(dp int) int {
	dp, st := r.status(dp)
	if st != 0 {
		return dp
	}
	dp = nfsParseFH(r.nd, r.b, dp, false)
	return r.fattr(dp, r.nd.Verbose, false)
}

func (r *nfsReply) linkRes(dp int, v3 bool) int {
	dp, st := r.status(dp)
	if st != 0 {
		return dp
	}
	if v3 {
		if dp = r.postOpAttr(dp, r.nd.Verbose); dp < 0 {
			return -1
		}
	}
	r.nd.Print(" ")
	return nfsParseName(r.nd, r.b, dp)
}

func (r *nfsReply) statfs(dp int, v3 bool) int {
	nd, b := r.nd, r.b
	dp, st := r.status(dp)
	if !v3 && st != 0 {
		return dp
	}
	if nd.Quick {
		return dp
	}
	if v3 {
		if nd.Verbose > 0 {
			nd.Print(" POST:")
		}
		if dp = r.postOpAttr(dp, nd.Verbose); dp < 0 {
			return -1
		}
		if !ttest(b, dp, nfsV3StatfsLen) {
			return -1
		}
		nd.Printf(" tbytes %d fbytes %d abytes %d", getBE64(b, dp), getBE64(b, dp+8), getBE64(b, dp+16))
		if nd.Verbose > 0 {
			nd.Printf(" tfiles %d ffiles %d afiles %d invar %d",
				getBE64(b, dp+24), getBE64(b, dp+32), getBE64(b, dp+40), getBE32(b, dp+48))
		}
		return dp
	}
	if !ttest(b, dp, nfsV2StatfsLen) {
		return -1
	}
	nd.Printf(" tsize %d bsize %d blocks %d bfree %d bavail %d",
		getBE32(b, dp), getBE32(b, dp+4), getBE32(b, dp+8), getBE32(b, dp+12), getBE32(b, dp+16))
	return dp
}

func (r *nfsReply) readdirRes(dp int) int {
	dp, st := r.status(dp)
	if st != 0 || r.nd.Quick {
		return dp
	}
	r.nd.Printf(" offset 0x%x size %d ", getBE32(r.b, dp), getBE32(r.b, dp+4))
	if getBE32(r.b, dp+8) != 0 {
		r.nd.Print(" eof")
	}
	return dp
}

// wccAttr prints size, mtime and ctime before an operation.
func (r *nfsReply) wccAttr(dp int) int {
	nd, b := r.nd, r.b
	nd.Printf(" sz %d", getBE64(b, dp))
	nd.Printf(" mtime %d.%06d ctime %d.%06d", getBE32(b, dp+8), getBE32(b, dp+12), getBE32(b, dp+16), getBE32(b, dp+20))
	return dp + 24
}

// preOpAttr is optional wcc attributes, printed from -vv on.
func (r *nfsReply) preOpAttr(dp int, verbose int) int {
	if getBE32(r.b, dp) == 0 {
		return dp + 4
	}
	dp += 4
	if !ttest(r.b, dp, 24) {
		return -1
	}
	if verbose > 1 {
		return r.wccAttr(dp)
	}
	return dp + 24
}

// postOpAttr is optional file attributes, printed from -v on.
func (r *nfsReply) postOpAttr(dp int, verbose int) int {
	if getBE32(r.b, dp) == 0 {
		return dp + 4
	}
	dp += 4
	if verbose > 0 {
		return r.fattr(dp, verbose, true)
	}
	return dp + nfsV3FattrSize
}

func (r *nfsReply) wccData(dp int, verbose int) int {
	if verbose > 1 {
		r.nd.Print(" PRE:")
	}
	if dp = r.preOpAttr(dp, verbose); dp < 0 {
		return -1
	}
	if verbose > 0 {
		r.nd.Print(" POST:")
	}
	return r.postOpAttr(dp, verbose)
}

func (r *nfsReply) createOpRes(dp int, verbose int) int {
	dp, st := r.status(dp)
	if st != 0 {
		return r.wccData(dp, verbose)
	}
	if getBE32(r.b, dp) == 0 {
		return dp + 4
	}
	dp = nfsParseFH(r.nd, r.b, dp+4, true)
	if verbose > 0 {
		if dp = r.postOpAttr(dp, verbose); dp < 0 {
			return -1
		}
		if r.nd.Verbose > 1 {
			r.nd.Print(" dir attr:")
			dp = r.wccData(dp, verbose)
		}
	}
	return dp
}

func (r *nfsReply) wccRes(dp int, verbose int) int {
	dp, _ = r.status(dp)
	return r.wccData(dp, verbose)
}

func (r *nfsReply) v3ReaddirRes(dp int, verbose int) int {
	dp, st := r.status(dp)
	if r.nd.Verbose > 0 {
		r.nd.Print(" POST:")
	}
	if dp = r.postOpAttr(dp, verbose); dp < 0 || st != 0 {
		return dp
	}
	if r.nd.Verbose > 0 {
		r.nd.Printf(" verf %08x%08x", getBE32(r.b, dp), getBE32(r.b, dp+4))
		dp += 8
	}
	return dp
}

func (r *nfsReply) fsinfo(dp int) int {
	nd, b := r.nd, r.b
	dp, st := r.status(dp)
	if nd.Verbose > 0 {
		nd.Print(" POST:")
	}
	if dp = r.postOpAttr(dp, nd.Verbose); dp < 0 || st != 0 {
		return dp
	}
	if !ttest(b, dp, nfsV3FsinfoLen) {
		return -1
	}
	nd.Printf(" rtmax %d rtpref %d wtmax %d wtpref %d dtpref %d",
		getBE32(b, dp), getBE32(b, dp+4), getBE32(b, dp+12), getBE32(b, dp+16), getBE32(b, dp+24))
	if nd.Verbose > 0 {
		nd.Printf(" rtmult %d wtmult %d maxfsz %d", getBE32(b, dp+8), getBE32(b, dp+20), getBE64(b, dp+28))
		nd.Printf(" delta %d.%06d ", getBE32(b, dp+36), getBE32(b, dp+40))
	}
	return dp
}

func (r *nfsReply) pathconf(dp int) int {
	nd, b := r.nd, r.b
	dp, st := r.status(dp)
	if nd.Verbose > 0 {
		nd.Print(" POST:")
	}
	if dp = r.postOpAttr(dp, nd.Verbose); dp < 0 || st != 0 {
		return dp
	}
	if !ttest(b, dp, nfsV3PathconfL) {
		return -1
	}
	flag := func(i int, name string) string {
		if getBE32(b, dp+8+4*i) != 0 {
			return name
		}
		return ""
	}
	nd.Printf(" linkmax %d namemax %d %s %s %s %s", getBE32(b, dp), getBE32(b, dp+4),
		flag(0, "notrunc"), flag(1, "chownres"), flag(2, "igncase"), flag(3, "keepcase"))
	return dp
}

// interpret decodes the results of procedure proc of NFS version vers
// (interp_reply).
func (r *nfsReply) interpret(proc, vers, length uint32) {
	nd := r.nd
	v3, proc := nfsVersionProc(vers, proc)
	nd.Print(" ")
	nd.Print(tok2str(nfsProcNames, "proc-%d", proc))
	if proc == nfsProcNull || proc > nfsProcCommit {
		return
	}
	dp := r.results(length)
	if dp >= 0 {
		dp = r.procResults(proc, v3, dp)
	}
	if dp < 0 && !r.nfsErr {
		nd.PrintTrunc()
	}
}

// procResults decodes the results of one procedure from dp.
func (r *nfsReply) procResults(proc uint32, v3 bool, dp int) int {
	nd, b := r.nd, r.b
	verbose := nd.Verbose
	quiet := 1
	if nd.Quick {
		quiet = 0
	}
	switch proc {
	case nfsProcGetattr:
		return r.attrStat(dp, quiet, v3)
	case nfsProcSetattr:
		if v3 {
			return r.wccRes(dp, verbose)
		}
		return r.attrStat(dp, quiet, false)
	case nfsProcLookup:
		if !v3 {
			return r.dirOpRes(dp)
		}
		dp, st := r.status(dp)
		if st == 0 {
			dp = nfsParseFH(nd, b, dp, true)
			if dp = r.postOpAttr(dp, verbose); dp < 0 {
				return -1
			}
		}
		if verbose > 1 {
			nd.Print(" post dattr:")
			dp = r.postOpAttr(dp, verbose)
		}
		return dp
	case nfsProcAccess:
		dp, st := r.status(dp)
		if verbose > 0 {
			nd.Print(" attr:")
		}
		if dp = r.postOpAttr(dp, verbose); dp < 0 {
			return -1
		}
		if st == 0 {
			nd.Printf(" c %04x", getBE32(b, dp))
		}
		return dp
	case nfsProcReadlink:
		return r.linkRes(dp, v3)
	case nfsProcRead:
		if !v3 {
			return r.attrStat(dp, verbose, false)
		}
		dp, st := r.status(dp)
		if dp = r.postOpAttr(dp, verbose); dp < 0 {
			return -1
		}
		if st == 0 && verbose > 0 {
			nd.Printf(" %d bytes", getBE32(b, dp))
			if getBE32(b, dp+4) != 0 {
				nd.Print(" EOF")
			}
		}
		return dp
	case nfsProcWrite:
		if !v3 {
			return r.attrStat(dp, verbose, false)
		}
		dp, st := r.status(dp)
		if dp = r.wccData(dp, verbose); dp < 0 {
			return -1
		}
		if st == 0 && verbose > 0 {
			nd.Printf(" %d bytes", getBE32(b, dp))
			if verbose > 1 {
				nd.Printf(" <%s>", nfsWriteMode(getBE32(b, dp+4)))
				nd.Printf(" verf %x", getBE64(b, dp+8))
			}
		}
		return dp
	case nfsProcCreate, nfsProcMkdir:
		if v3 {
			return r.createOpRes(dp, verbose)
		}
		return r.dirOpRes(dp)
	case nfsProcSymlink:
		if v3 {
			return r.createOpRes(dp, verbose)
		}
		dp, _ = r.status(dp)
		return dp
	case nfsProcMknod:
		return r.createOpRes(dp, verbose)
	case nfsProcRemove, nfsProcRmdir:
		if v3 {
			return r.wccRes(dp, verbose)
		}
		dp, _ = r.status(dp)
		return dp
	case nfsProcRename:
		dp, _ = r.status(dp)
		if v3 && verbose > 0 {
			nd.Print(" from:")
			if dp = r.wccData(dp, verbose); dp < 0 {
				return -1
			}
			nd.Print(" to:")
			dp = r.wccData(dp, verbose)
		}
		return dp
	case nfsProcLink:
		dp, _ = r.status(dp)
		if v3 && verbose > 0 {
			nd.Print(" file POST:")
			if dp = r.postOpAttr(dp, verbose); dp < 0 {
				return -1
			}
			nd.Print(" dir:")
			if dp = r.wccData(dp, verbose); dp < 0 {
				return -1
			}
		}
		return dp
	case nfsProcReaddir:
		if v3 {
			return r.v3ReaddirRes(dp, verbose)
		}
		return r.readdirRes(dp)
	case nfsProcReaddirplus:
		return r.v3ReaddirRes(dp, verbose)
	case nfsProcFsstat:
		return r.statfs(dp, v3)
	case nfsProcFsinfo:
		return r.fsinfo(dp)
	case nfsProcPathconf:
		return r.pathconf(dp)
	case nfsProcCommit:
		if dp = r.wccRes(dp, verbose); dp < 0 {
			return -1
		}
		if verbose > 1 {
			nd.Printf(" verf %x", getBE64(b, dp))
		}
		return dp
	}
	return dp
}
