package dissect

// TFTP, the Trivial File Transfer Protocol (RFC 1350, options RFC 2347;
// tcpdump's print-tftp.c), on UDP port 69 and with -T tftp.

func init() {
	registerUDPPort("tftp", tftpPrint, 69)
	registerUDPType("tftp", tftpPrint)
}

// TFTP opcodes.
const (
	tftpRRQ   = 1
	tftpWRQ   = 2
	tftpDATA  = 3
	tftpACK   = 4
	tftpERROR = 5
	tftpOACK  = 6
)

var tftpOpcodes = []tok{
	{tftpRRQ, "RRQ"}, {tftpWRQ, "WRQ"}, {tftpDATA, "DATA"},
	{tftpACK, "ACK"}, {tftpERROR, "ERROR"}, {tftpOACK, "OACK"},
}

var tftpErrors = []tok{
	{0, "EUNDEF"}, {1, "ENOTFOUND"}, {2, "EACCESS"}, {3, "ENOSPACE"},
	{4, "EBADOP"}, {5, "EBADID"}, {6, "EEXISTS"}, {7, "ENOUSER"},
}

func tftpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("tftp")
	nd.Print("TFTP, length ")
	nd.PrintUint(uint64(length))
	if !tftpBody(nd, b, length) {
		nd.PrintTrunc()
	}
}

// tftpBody prints the message after the length; false means tcpdump's
// "goto trunc".
func tftpBody(nd *ND, b []byte, length int) bool {
	if length < 2 {
		return false
	}
	opcode := uint32(getBE16(b, 0))
	nd.Print(", ")
	name, known := tftpOpName(opcode)
	if !known {
		nd.Printf("tftp-#%d", opcode)
		return true
	}
	nd.Print(name)
	off := 2
	length -= 2
	switch opcode {
	case tftpRRQ, tftpWRQ:
		if length == 0 {
			return false
		}
		nd.Print(" \"")
		ui := nd.printztn(b, off, length)
		nd.Print("\"")
		if ui == 0 {
			return false
		}
		off += ui
		length -= ui
		if length == 0 {
			return false
		}
		nd.Print(" ")
		ui = nd.printztn(b, off, length)
		if ui == 0 {
			return false
		}
		return tftpOptions(nd, b, off+ui, length-ui)
	case tftpOACK:
		return tftpOptions(nd, b, off, length)
	case tftpACK, tftpDATA:
		if length < 2 {
			return false
		}
		nd.Print(" block ")
		nd.PrintUint(uint64(getBE16(b, off)))
	case tftpERROR:
		if length < 2 {
			return false
		}
		nd.Print(" ")
		nd.Print(tok2str(tftpErrors, "tftp-err-#%d \"", uint32(getBE16(b, off))))
		off += 2
		length -= 2
		if length == 0 {
			return false
		}
		nd.Print(" \"")
		ui := nd.printztn(b, off, length)
		nd.Print("\"")
		return ui != 0
	}
	return true
}

func tftpOpName(op uint32) (string, bool) {
	for _, t := range tftpOpcodes {
		if t.v == op {
			return t.s, true
		}
	}
	return "", false
}

// tftpOptions prints the NUL-terminated option strings that fill the
// remaining length bytes.
func tftpOptions(nd *ND, b []byte, off, length int) bool {
	for length != 0 {
		if getU8(b, off) != 0 {
			nd.Print(" ")
		}
		ui := nd.printztn(b, off, length)
		if ui == 0 {
			return false
		}
		off += ui
		length -= ui
	}
	return true
}
