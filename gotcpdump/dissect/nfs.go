package dissect

// NFS over ONC RPC (tcpdump's print-nfs.c): calls to port 2049 and the
// replies from it, over UDP and over TCP with RPC record marking. Calls
// are remembered by XID so a reply can be decoded as the procedure it
// answers.

import (
	"fmt"
	"strconv"
)

const nfsPort = 2049

// ONC RPC message offsets and values used here.
const (
	rpcXID       = 0
	rpcDirection = 4
	rpcCallVers  = 16 // program version of a call
	rpcCallProc  = 20
	rpcCallCred  = 24
	rpcReplyStat = 8

	rpcCall  = 0
	rpcReply = 1
)

// NFS procedure numbers (version 3 numbering; version 2 ones are mapped).
const (
	nfsProcNull        = 0
	nfsProcGetattr     = 1
	nfsProcSetattr     = 2
	nfsProcLookup      = 3
	nfsProcAccess      = 4
	nfsProcReadlink    = 5
	nfsProcRead        = 6
	nfsProcWrite       = 7
	nfsProcCreate      = 8
	nfsProcMkdir       = 9
	nfsProcSymlink     = 10
	nfsProcMknod       = 11
	nfsProcRemove      = 12
	nfsProcRmdir       = 13
	nfsProcRename      = 14
	nfsProcLink        = 15
	nfsProcReaddir     = 16
	nfsProcReaddirplus = 17
	nfsProcFsstat      = 18
	nfsProcFsinfo      = 19
	nfsProcPathconf    = 20
	nfsProcCommit      = 21
	nfsProcNoop        = 25
)

// nfsV2Procs maps NFS version 2 procedure numbers to the version 3 ones.
var nfsV2Procs = [...]uint32{
	nfsProcNull, nfsProcGetattr, nfsProcSetattr, nfsProcNoop,
	nfsProcLookup, nfsProcReadlink, nfsProcRead, nfsProcNoop,
	nfsProcWrite, nfsProcCreate, nfsProcRemove, nfsProcRename,
	nfsProcLink, nfsProcSymlink, nfsProcMkdir, nfsProcRmdir,
	nfsProcReaddir, nfsProcFsstat, nfsProcNoop, nfsProcNoop,
	nfsProcNoop, nfsProcNoop, nfsProcNoop, nfsProcNoop,
	nfsProcNoop, nfsProcNoop,
}

var nfsProcNames = []tok{
	{nfsProcNoop, "nop"}, {nfsProcNull, "null"}, {nfsProcGetattr, "getattr"},
	{nfsProcSetattr, "setattr"}, {nfsProcLookup, "lookup"}, {nfsProcAccess, "access"},
	{nfsProcReadlink, "readlink"}, {nfsProcRead, "read"}, {nfsProcWrite, "write"},
	{nfsProcCreate, "create"}, {nfsProcMkdir, "mkdir"}, {nfsProcSymlink, "symlink"},
	{nfsProcMknod, "mknod"}, {nfsProcRemove, "remove"}, {nfsProcRmdir, "rmdir"},
	{nfsProcRename, "rename"}, {nfsProcLink, "link"}, {nfsProcReaddir, "readdir"},
	{nfsProcReaddirplus, "readdirplus"}, {nfsProcFsstat, "fsstat"},
	{nfsProcFsinfo, "fsinfo"}, {nfsProcPathconf, "pathconf"}, {nfsProcCommit, "commit"},
}

var nfsWriteModes = []tok{{0, "unstable"}, {1, "datasync"}, {2, "filesync"}}

var nfsFileTypes = []tok{
	{0, "NON"}, {1, "REG"}, {2, "DIR"}, {3, "BLK"}, {4, "CHR"}, {5, "LNK"}, {7, "FIFO"},
}

// nfsAccessBits are the ACCESS request bits, in print order.
var nfsAccessBits = []tok{
	{0x01, "NFS_ACCESS_READ"}, {0x02, "NFS_ACCESS_LOOKUP"}, {0x04, "NFS_ACCESS_MODIFY"},
	{0x08, "NFS_ACCESS_EXTEND"}, {0x10, "NFS_ACCESS_DELETE"}, {0x20, "NFS_ACCESS_EXECUTE"},
}

const nfsAccessFull = 0x3f

func init() {
	registerUDPPort("nfs", nfsUDPPrint, nfsPort)
	registerTCPPort("nfs", nfsTCPPrint, nfsPort)
}

// nfsVersionProc returns whether a call is NFS version 3 and its
// procedure in version 3 numbering.
func nfsVersionProc(vers, proc uint32) (bool, uint32) {
	v3 := vers == 3
	if !v3 && proc < uint32(len(nfsV2Procs)) {
		proc = nfsV2Procs[proc]
	}
	return v3, proc
}

// nfsUDPPrint is called by udpPrint for datagrams to or from port 2049
// whose RPC direction field is captured.
func nfsUDPPrint(nd *ND, b []byte, length int, ip *ipInfo, sport, dport uint16) {
	nfsDispatch(nd, "NFS request xid ", "NFS reply xid ", b, length, ip, sport, dport)
}

// nfsIsRPC reports whether the captured RPC message b to or from the NFS
// port is one tcpdump prints as NFS: a call to the port or a reply from it.
func nfsIsRPC(b []byte, sport, dport uint16) bool {
	if !ttest(b, rpcDirection, 4) {
		return false
	}
	dir := getBE32(b, rpcDirection)
	return (dport == nfsPort && dir == rpcCall) || (sport == nfsPort && dir == rpcReply)
}

// nfsTCPPrint prints a TCP segment to or from port 2049: an RPC record
// mark followed by the call or reply.
func nfsTCPPrint(nd *ND, b []byte, length int, ip *ipInfo, sport, dport uint16) {
	if length < 4 || !ttest(b, 0, 4) {
		return
	}
	fraglen := int(getBE32(b, 0) & 0x7fffffff)
	fraglen = min(fraglen, length-4)
	nfsDispatch(nd, ": NFS request xid ", ": NFS reply xid ", b[4:], fraglen, ip, sport, dport)
}

func nfsDispatch(nd *ND, reqLabel, repLabel string, rp []byte, length int, ip *ipInfo, sport, dport uint16) {
	if !ttest(rp, rpcDirection, 4) {
		return
	}
	dir := getBE32(rp, rpcDirection)
	switch {
	case dport == nfsPort && dir == rpcCall:
		nd.Print(reqLabel)
		nd.PrintUint(uint64(getBE32(rp, rpcXID)))
		nd.PrintByte(' ')
		nfsRequestPrint(nd, rp, uint32(length), ip)
	case sport == nfsPort && dir == rpcReply:
		nd.Print(repLabel)
		nd.PrintUint(uint64(getBE32(rp, rpcXID)))
		nd.PrintByte(' ')
		nfsReplyPrint(nd, rp, uint32(length), ip)
	}
}

// nfsRequestPrint prints an NFS call (nfsreq_noaddr_print). A short
// capture anywhere stops the packet with " [|nfs]", as all of tcpdump's
// exits from this printer do.
func nfsRequestPrint(nd *ND, rp []byte, length uint32, ip *ipInfo) {
	nd.SetProto("nfs")
	nd.PrintUint(uint64(length))
	if !nd.nfsXIDs().enter(rp, ip) {
		trunc()
	}
	v3, proc := nfsVersionProc(getBE32(rp, rpcCallVers), getBE32(rp, rpcCallProc))
	nd.Printf(" %s", tok2str(nfsProcNames, "proc-%d", proc))

	args := func() int { return rpcCallArgs(rp, length) }
	switch proc {
	case nfsProcGetattr, nfsProcSetattr, nfsProcReadlink, nfsProcFsstat, nfsProcFsinfo, nfsProcPathconf:
		nfsParseFH(nd, rp, args(), v3)
	case nfsProcLookup, nfsProcCreate, nfsProcMkdir, nfsProcRemove, nfsProcRmdir:
		nfsMust(nfsParseFHName(nd, rp, args(), v3))
	case nfsProcAccess:
		dp := nfsParseFH(nd, rp, args(), v3)
		nfsAccessPrint(nd, getBE32(rp, dp))
	case nfsProcRead:
		dp := nfsParseFH(nd, rp, args(), v3)
		if v3 {
			nd.Printf(" %d bytes @ %d", getBE32(rp, dp+8), getBE64(rp, dp))
		} else {
			nd.Printf(" %d bytes @ %d", getBE32(rp, dp+4), getBE32(rp, dp))
		}
	case nfsProcWrite:
		dp := nfsParseFH(nd, rp, args(), v3)
		if v3 {
			nd.Printf(" %d (%d) bytes @ %d", getBE32(rp, dp+16), getBE32(rp, dp+8), getBE64(rp, dp))
			if nd.Verbose > 0 {
				nd.Printf(" <%s>", nfsWriteMode(getBE32(rp, dp+12)))
			}
		} else {
			nd.Printf(" %d (%d) bytes @ %d (%d)", getBE32(rp, dp+12), getBE32(rp, dp+8), getBE32(rp, dp+4), getBE32(rp, dp))
		}
	case nfsProcSymlink:
		dp := nfsMust(nfsParseFHName(nd, rp, args(), v3))
		nd.Print(" ->")
		var sa nfsSattr3
		if v3 {
			dp = sa.parse(rp, dp)
		}
		nfsMust(nfsParseName(nd, rp, dp))
		if v3 && nd.Verbose > 0 {
			sa.print(nd)
		}
	case nfsProcMknod:
		dp := nfsMust(nfsParseFHName(nd, rp, args(), v3))
		ftype := getBE32(rp, dp)
		var sa nfsSattr3
		dp = sa.parse(rp, dp+4)
		nd.Print(" ")
		nd.Print(tok2str(nfsFileTypes, "unk-ft %d", ftype))
		if nd.Verbose > 0 && (ftype == 4 || ftype == 3) {
			nd.Printf(" %d/%d", getBE32(rp, dp), getBE32(rp, dp+4))
		}
		if nd.Verbose > 0 {
			sa.print(nd)
		}
	case nfsProcRename:
		dp := nfsMust(nfsParseFHName(nd, rp, args(), v3))
		nd.Print(" ->")
		nfsMust(nfsParseFHName(nd, rp, dp, v3))
	case nfsProcLink:
		dp := nfsParseFH(nd, rp, args(), v3)
		nd.Print(" ->")
		nfsMust(nfsParseFHName(nd, rp, dp, v3))
	case nfsProcReaddir:
		dp := nfsParseFH(nd, rp, args(), v3)
		if v3 {
			nd.Printf(" %d bytes @ %d", getBE32(rp, dp+16), int64(getBE64(rp, dp)))
			if nd.Verbose > 0 {
				nd.Printf(" verf %08x%08x", getBE32(rp, dp+8), getBE32(rp, dp+12))
			}
		} else {
			nd.Printf(" %d bytes @ %d", getBE32(rp, dp+4), getBE32(rp, dp))
		}
	case nfsProcReaddirplus:
		dp := nfsParseFH(nd, rp, args(), v3)
		nd.Printf(" %d bytes @ %d", getBE32(rp, dp+16), int64(getBE64(rp, dp)))
		if nd.Verbose > 0 {
			nd.Printf(" max %d verf %08x%08x", getBE32(rp, dp+20), getBE32(rp, dp+8), getBE32(rp, dp+12))
		}
	case nfsProcCommit:
		dp := nfsParseFH(nd, rp, args(), v3)
		nd.Printf(" %d bytes @ %d", getBE32(rp, dp+8), getBE64(rp, dp))
	}
}

// nfsMust stops the packet as truncated when a parse step failed (-1).
func nfsMust(off int) int {
	if off < 0 {
		trunc()
	}
	return off
}

func nfsAccessPrint(nd *ND, flags uint32) {
	switch {
	case flags&^nfsAccessFull != 0:
		nd.Print(" ")
		nd.PrintHex(uint64(flags), 4)
	case flags == nfsAccessFull:
		nd.Print(" NFS_ACCESS_FULL")
	default:
		sep := byte(' ')
		for _, t := range nfsAccessBits {
			if flags&t.v != 0 {
				nd.PrintByte(sep)
				nd.Print(t.s)
				sep = '|'
			}
		}
	}
}

// rpcCallArgs returns the offset of a call's arguments, past the
// credentials and verifier (parsereq), stopping the packet as truncated
// when they are not all there. The arithmetic is 32-bit as in tcpdump,
// so absurd lengths round the same way.
func rpcCallArgs(rp []byte, length uint32) int {
	dp := rpcCallCred
	if length < 8 {
		trunc()
	}
	n := getBE32(rp, dp+4)
	rounded := (n + 3) &^ 3
	tcheck(rp, dp+8, int(rounded))
	if 8+uint64(rounded) > uint64(length) {
		trunc()
	}
	dp += rpcOpaqueSkip(n)
	length -= 8 + rounded
	if length < 8 {
		trunc()
	}
	n = getBE32(rp, dp+4)
	rounded = (n + 3) &^ 3
	tcheck(rp, dp+8, int(rounded))
	if 8+uint64(rounded) >= uint64(length) {
		trunc()
	}
	return dp + rpcOpaqueSkip(n)
}

// rpcOpaqueSkip is the size of an RPC opaque_auth (flavor, length and the
// padded body) whose body is n bytes long, computed without wrapping.
func rpcOpaqueSkip(n uint32) int { return 4 * int((uint64(n)+11)/4) }

// nfsParseFH prints the file handle at dp (length-prefixed in version 3,
// 32 bytes in version 2) and returns the offset past it (parsefh).
func nfsParseFH(nd *ND, rp []byte, dp int, v3 bool) int {
	words := uint32(32 / 4)
	if v3 {
		words = getBE32(rp, dp) / 4
		dp += 4
	}
	if !ttest(rp, dp, int(words)*4) {
		trunc()
	}
	nfsPrintFH(nd, rp, dp, words)
	return dp + int(words)*4
}

// nfsParseName prints the quoted file name at dp and returns the offset
// past its padding, or -1 when it is not all captured or cannot be padded
// (parsefn).
func nfsParseName(nd *ND, rp []byte, dp int) int {
	n := getBE32(rp, dp)
	dp += 4
	if ^uint32(0)-n < 3 {
		nd.Print("[cannot pad to 32-bit boundaries]")
		nd.PrintInvalid()
		return -1
	}
	rounded := int((n + 3) &^ 3)
	if !ttest(rp, dp, rounded) {
		return -1
	}
	nd.PrintByte('"')
	short := nd.printn(rp, dp, int(n))
	nd.PrintByte('"')
	if short {
		return -1
	}
	return dp + rounded
}

// nfsParseFHName prints a file handle and a name (parsefhn).
func nfsParseFHName(nd *ND, rp []byte, dp int, v3 bool) int {
	dp = nfsParseFH(nd, rp, dp, v3)
	nd.Print(" ")
	return nfsParseName(nd, rp, dp)
}

// nfsSattr3 is an NFSv3 sattr3: attributes to set, each optional.
type nfsSattr3 struct {
	modeSet, uidSet, gidSet bool
	mode, uid, gid          uint32
	atimeSet, mtimeSet      bool
	atime, mtime            [2]uint32
}

// setToClientTime is the sattr3 time_how value that carries a time.
const setToClientTime = 2

func (sa *nfsSattr3) parse(b []byte, dp int) int {
	opt := func(set *bool, v *uint32) {
		*set = getBE32(b, dp) != 0
		dp += 4
		if *set {
			*v = getBE32(b, dp)
			dp += 4
		}
	}
	var sizeSet bool
	var size uint32
	opt(&sa.modeSet, &sa.mode)
	opt(&sa.uidSet, &sa.uid)
	opt(&sa.gidSet, &sa.gid)
	opt(&sizeSet, &size)
	tm := func(set *bool, t *[2]uint32) {
		*set = getBE32(b, dp) == setToClientTime
		dp += 4
		if *set {
			t[0] = getBE32(b, dp)
			t[1] = getBE32(b, dp+4)
			dp += 8
		}
	}
	tm(&sa.atimeSet, &sa.atime)
	tm(&sa.mtimeSet, &sa.mtime)
	return dp
}

func (sa *nfsSattr3) print(nd *ND) {
	if sa.modeSet {
		nd.Printf(" mode %o", sa.mode)
	}
	if sa.uidSet {
		nd.Print(" uid ")
		nd.PrintUint(uint64(sa.uid))
	}
	if sa.gidSet {
		nd.Print(" gid ")
		nd.PrintUint(uint64(sa.gid))
	}
	if nd.Verbose > 1 {
		if sa.atimeSet {
			nd.Print(" atime ")
			nfsTimePrint(nd, sa.atime[0], sa.atime[1])
		}
		if sa.mtimeSet {
			nd.Print(" mtime ")
			nfsTimePrint(nd, sa.mtime[0], sa.mtime[1])
		}
	}
}

// nfsTimePrint prints seconds and a fraction as tcpdump's "%u.%06u".
func nfsTimePrint(nd *ND, sec, frac uint32) {
	nd.PrintUint(uint64(sec))
	nd.PrintByte('.')
	var buf [10]byte
	digits := strconv.AppendUint(buf[:0], uint64(frac), 10)
	for n := len(digits); n < 6; n++ {
		nd.PrintByte('0')
	}
	nd.out = append(nd.out, digits...)
}

// nfsWriteMode names a WRITE stable_how value; tcpdump prints an unknown
// one as a signed number ("#%d").
func nfsWriteMode(v uint32) string {
	for _, t := range nfsWriteModes {
		if t.v == v {
			return t.s
		}
	}
	return fmt.Sprintf("#%d", int32(v))
}
