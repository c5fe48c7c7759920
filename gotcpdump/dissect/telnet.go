package dissect

// Telnet (tcpdump's print-telnet.c): the IAC command sequences a
// segment starts with, " [telnet WILL ECHO, DO NAWS, …]".

func init() {
	registerTCPPort("telnet", telnetPrint, 23)
}

// Telnet command bytes.
const (
	telnetIAC  = 255
	telnetDONT = 254
	telnetDO   = 253
	telnetWONT = 252
	telnetWILL = 251
	telnetSB   = 250
	telnetSE   = 240
	telnetEOF  = 236 // the first command with a name
)

// telnetCmds names the commands from EOF (236) to IAC (255).
var telnetCmds = []string{
	"EOF", "SUSP", "ABORT", "EOR", "SE", "NOP", "DMARK", "BRK", "IP", "AO",
	"AYT", "EC", "EL", "GA", "SB", "WILL", "WONT", "DO", "DONT", "IAC",
}

// telnetOpts names the options 0 to 39 (arpa/telnet.h).
var telnetOpts = []string{
	"BINARY", "ECHO", "RCP", "SUPPRESS GO AHEAD", "NAME",
	"STATUS", "TIMING MARK", "RCTE", "NAOL", "NAOP",
	"NAOCRD", "NAOHTS", "NAOHTD", "NAOFFD", "NAOVTS",
	"NAOVTD", "NAOLFD", "EXTEND ASCII", "LOGOUT", "BYTE MACRO",
	"DATA ENTRY TERMINAL", "SUPDUP", "SUPDUP OUTPUT",
	"SEND LOCATION", "TERMINAL TYPE", "END OF RECORD",
	"TACACS UID", "OUTPUT MARKING", "TTYLOC",
	"3270 REGIME", "X.3 PAD", "NAWS", "TSPEED", "LFLOW",
	"LINEMODE", "XDISPLOC", "OLD-ENVIRON", "AUTHENTICATION",
	"ENCRYPT", "NEW-ENVIRON",
}

const (
	telnetOptAuth    = 37
	telnetOptEncrypt = 38
)

// telnetSubCmds names the first byte of most subnegotiations.
var telnetSubCmds = []string{"IS", "SEND", "INFO"}

// telnetSubNames names the leading bytes of the subnegotiations of
// AUTHENTICATION and ENCRYPT (a command, then a type). Bytes past a
// table or on a "" entry print in hex.
var telnetSubNames = map[byte][][]string{
	telnetOptAuth: {
		{"IS", "SEND", "REPLY", "NAME"},
		{"NULL", "KERBEROS_V4", "KERBEROS_V5", "SPX", "MINK", "SRP", "RSA", "SSL", "", "", "LOKI", "SSA", "KEA_SJ", "KEA_SJ_INTEG", "DSS", "NTLM"},
	},
	telnetOptEncrypt: {
		{"IS", "SUPPORT", "REPLY", "START", "END", "REQUEST-START", "REQUEST-END", "END_KEYID", "DEC_KEYID"},
		{"NULL", "DES_CFB64", "DES_OFB64", "DES3_CFB64", "DES3_OFB64", "", "CAST5_40_CFB64", "CAST5_40_OFB64", "CAST128_CFB64", "CAST128_OFB64"},
	},
}

// telnetPrint prints the commands at the start of a Telnet segment.
func telnetPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("telnet")
	first := true
	xdump := nd.HexASCII > 0 && nd.Verbose > 2
	off := 0
	// length is unsigned in tcpdump: a command that claims more than is
	// left makes it wrap, and the next read stops the packet.
	for length != 0 && getU8(b, off) == telnetIAC {
		l := telnetParse(nd, b, off, length, false)
		if l < 0 {
			break
		}
		if xdump {
			if first {
				nd.Print("\nTelnet:")
			}
			hexPrintAvail(nd, "\n", b, off, l, uint32(off))
			if l > 8 {
				nd.Print("\n\t\t\t\t")
			} else {
				for i := 0; i < (8-l)*3; i++ {
					nd.PrintByte(' ')
				}
				nd.PrintByte('\t')
			}
		} else if first {
			nd.Print(" [telnet ")
		} else {
			nd.Print(", ")
		}
		telnetParse(nd, b, off, length, true)
		first = false
		off += l
		length -= l
	}
	if !first {
		if xdump {
			nd.PrintByte('\n')
		} else {
			nd.PrintByte(']')
		}
	}
}

// telnetParse measures (and with print, prints) the command at b[off:],
// returning its length or -1 when it is not a complete command.
func telnetParse(nd *ND, b []byte, off, length int, print bool) int {
	start := off
	// fetch reads the next byte of the command, false at its end.
	fetch := func() (byte, bool) {
		if length < 1 {
			return 0, false
		}
		c := getU8(b, off)
		off++
		length--
		return c, true
	}
	c, ok := fetch()
	if !ok || c != telnetIAC {
		return -1
	}
	if c, ok = fetch(); !ok {
		return -1
	}
	if c == telnetIAC {
		if print {
			nd.Print("IAC IAC")
		}
		return off - start
	}
	if c < telnetEOF {
		return -1
	}
	name := telnetCmds[c-telnetEOF]
	switch c {
	case telnetDONT, telnetDO, telnetWONT, telnetWILL, telnetSB:
	default:
		if print {
			nd.Print(name)
		}
		return off - start
	}
	x, ok := fetch()
	if !ok {
		return -1
	}
	if print {
		nd.Print(name)
		nd.PrintByte(' ')
		if int(x) < len(telnetOpts) {
			nd.Print(telnetOpts[x])
		} else {
			telnetHexPrint(nd, x)
		}
	}
	if c != telnetSB {
		return off - start
	}

	// IAC SB option ... IAC SE: find the end first.
	p := off
	for length > p+1-off {
		if getU8(b, p) == telnetIAC && getU8(b, p+1) == telnetSE {
			break
		}
		p++
	}
	if getU8(b, p) != telnetIAC {
		return -1
	}
	tables, ok := telnetSubNames[x]
	if !ok {
		tables = [][]string{telnetSubCmds}
	}
	for _, table := range tables {
		if p <= off {
			break
		}
		v, ok := fetch()
		if !ok {
			return -1
		}
		if print {
			nd.PrintByte(' ')
			if int(v) < len(table) && table[v] != "" {
				nd.Print(table[v])
			} else {
				telnetHexPrint(nd, v)
			}
		}
	}
	for p > off {
		v, ok := fetch()
		if !ok {
			return -1
		}
		if print {
			nd.PrintByte(' ')
			telnetHexPrint(nd, v)
		}
	}
	if print {
		nd.Print(" SE")
	}
	off += 2
	return off - start
}

// telnetHexPrint prints v as C's "%#x": "0" for zero, else "0x…".
func telnetHexPrint(nd *ND, v byte) {
	if v == 0 {
		nd.PrintByte('0')
		return
	}
	nd.Print("0x")
	nd.PrintHex(uint64(v), 0)
}
