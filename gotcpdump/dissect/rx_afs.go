package dissect

// AFS service calls carried by RX (print-rx.c's per-service printers),
// keyed by the server's UDP port. Implemented: the protection server (pt)
// and the Ubik calls any replicated database server answers.

import "time"

// rxCallPrinters prints the arguments of a call (the RX data packet with
// sequence 1 and the client-initiated flag) to the service on a port.
var rxCallPrinters = map[uint16]func(nd *ND, b []byte, length int){
	7002: rxPTCallPrint,
}

const (
	rxPRNameMax = 64
)

var (
	rxPTOps = []tok{
		{500, "new-user"}, {501, "where-is-it"}, {502, "dump-entry"}, {503, "add-to-group"},
		{504, "name-to-id"}, {505, "id-to-name"}, {506, "delete"}, {507, "remove-from-group"},
		{508, "get-cps"}, {509, "new-entry"}, {510, "list-max"}, {511, "set-max"},
		{512, "list-entry"}, {513, "change-entry"}, {514, "list-elements"}, {515, "same-mbr-of"},
		{516, "set-fld-sentry"}, {517, "list-owned"}, {518, "get-cps2"}, {519, "get-host-cps"},
		{520, "update-entry"}, {521, "list-entries"}, {530, "list-super-groups"},
	}
	rxUbikOps = []tok{
		{10000, "vote-beacon"}, {10001, "vote-debug-old"}, {10002, "vote-sdebug-old"},
		{10003, "vote-getsyncsite"}, {10004, "vote-debug"}, {10005, "vote-sdebug"},
		{10006, "vote-xdebug"}, {10007, "vote-xsdebug"}, {20000, "disk-begin"},
		{20001, "disk-commit"}, {20002, "disk-lock"}, {20003, "disk-write"},
		{20004, "disk-getversion"}, {20005, "disk-getfile"}, {20006, "disk-sendfile"},
		{20007, "disk-abort"}, {20008, "disk-releaselocks"}, {20009, "disk-truncate"},
		{20010, "disk-probe"}, {20011, "disk-writev"}, {20012, "disk-interfaceaddr"},
		{20013, "disk-setversion"},
	}
)

// rxArgs walks the XDR arguments of a call: reads past the captured bytes
// stop the packet (" [|rx]"), while the helpers returning false mark
// tcpdump's explicit checks, after which the caller prints its service's
// own truncation marker.
type rxArgs struct {
	nd  *ND
	b   []byte
	off int
}

func (a *rxArgs) u32() uint32 {
	v := getBE32(a.b, a.off)
	a.off += 4
	return v
}

// int prints label and then, once it is read, the next word as a signed
// integer (INTOUT).
func (a *rxArgs) int(label string) {
	a.nd.Print(label)
	v := int32(a.u32())
	a.nd.Print(" ")
	a.nd.PrintInt(int64(v))
}

// version prints label and a Ubik version "epoch.counter".
func (a *rxArgs) version(label string) bool {
	a.nd.Print(label)
	if !ttest(a.b, a.off, 8) {
		return false
	}
	a.nd.Print(" ")
	a.nd.PrintUint(uint64(a.u32()))
	a.nd.Print(".")
	a.nd.PrintUint(uint64(a.u32()))
	return true
}

// date prints label and a time_t in local time (DATEOUT).
func (a *rxArgs) date(label string) {
	a.nd.Print(label)
	t := time.Unix(int64(int32(a.u32())), 0)
	a.nd.Print(t.Format(" 2006/01/02 15:04:05"))
}

// str prints a counted string of at most max bytes (STROUT).
func (a *rxArgs) str(max uint32) bool {
	n := a.u32()
	if n > max {
		return false
	}
	a.nd.Print(" \"")
	if a.nd.printn(a.b, a.off, int(n)) {
		return false
	}
	a.nd.Print("\"")
	a.off += int((n + 3) / 4 * 4)
	return true
}

// vec prints a string sent as max words of one character each (VECOUT).
func (a *rxArgs) vec(max int) bool {
	if !ttest(a.b, a.off, max*4) {
		return false
	}
	a.nd.Print(" \"")
	for i := range max {
		c := byte(a.u32())
		if c == 0 {
			a.off += (max - i - 1) * 4
			break
		}
		a.nd.printChar(c)
	}
	a.nd.Print("\"")
	return true
}

func rxIsUbik(op uint32) bool { return op >= 10000 && op <= 10007 || op >= 20000 && op <= 20013 }

func rxPTCallPrint(nd *ND, b []byte, length int) {
	if length <= rxHdrLen {
		return
	}
	op := getBE32(b, rxHdrLen)
	nd.Print(" pt")
	if rxIsUbik(op) {
		rxUbikCallPrint(nd, b, op)
		return
	}
	nd.Print(" call ")
	nd.Print(tok2str(rxPTOps, "op#%u", op))
	a := &rxArgs{nd: nd, b: b, off: rxHdrLen + 4}
	ok := true
	switch op {
	case 500:
		if ok = a.str(rxPRNameMax); ok {
			a.int(" id")
			a.int(" oldid")
		}
	case 501, 506, 508, 512, 514, 517, 518, 519, 530:
		a.int(" id")
	case 502:
		a.int(" pos")
	case 503, 507, 515:
		a.int(" uid")
		a.int(" gid")
	case 504:
		n := a.u32()
		for i := uint32(0); i < n && ok; i++ {
			ok = a.vec(rxPRNameMax)
		}
		if n == 0 {
			nd.Print(" <none!>")
		}
	case 505:
		nd.Print(" ids:")
		n := a.u32()
		for range n {
			a.int("")
		}
		if n == 0 {
			nd.Print(" <none!>")
		}
	case 509:
		if ok = a.str(rxPRNameMax); ok {
			a.int(" flag")
			a.int(" oid")
		}
	case 511:
		a.int(" id")
		a.int(" gflag")
	case 513:
		a.int(" id")
		if ok = a.str(rxPRNameMax); ok {
			a.int(" oldid")
			a.int(" newid")
		}
	case 520:
		a.int(" id")
		ok = a.str(rxPRNameMax)
	}
	if !ok {
		nd.Print(" [|pt]")
	}
}

// rxUbikCallPrint prints a Ubik vote or disk call to any database server.
func rxUbikCallPrint(nd *ND, b []byte, op uint32) {
	nd.Print(" ubik call ")
	nd.Print(tok2str(rxUbikOps, "op#%u", op))
	a := &rxArgs{nd: nd, b: b, off: rxHdrLen + 4}
	ok := true
	switch op {
	case 10000:
		if a.u32() != 0 {
			nd.Print(" syncsite yes")
		} else {
			nd.Print(" syncsite no")
		}
		a.date(" votestart")
		ok = a.version(" dbversion") && a.version(" tid")
	case 10003:
		nd.Print(" site")
		v := a.u32()
		nd.Print(" ")
		nd.PrintUint(uint64(v))
	case 20000, 20001, 20007, 20008, 20010:
		ok = a.version(" tid")
	case 20002:
		if ok = a.version(" tid"); ok {
			a.int(" file")
			a.int(" pos")
			a.int(" length")
			a.u32() // the lock type, which tcpdump reads but does not print
		}
	case 20003:
		if ok = a.version(" tid"); ok {
			a.int(" file")
			a.int(" pos")
		}
	case 20005:
		a.int(" file")
	case 20006:
		a.int(" file")
		a.int(" length")
		ok = a.version(" dbversion")
	case 20009:
		if ok = a.version(" tid"); ok {
			a.int(" file")
			a.int(" length")
		}
	case 20012:
		ok = a.version(" tid") && a.version(" oldversion") && a.version(" newversion")
	}
	if !ok {
		nd.Print(" [|ubik]")
	}
}
