package dissect

import "strings"

// Zephyr, MIT's instant messaging notice protocol (tcpdump's
// print-zephyr.c), on UDP ports 2103 and 2104: a notice is a series of
// NUL-terminated text fields.

func init() {
	registerUDPPort("zephyr", zephyrPrint, 2103, 2104)
}

var zephyrKinds = []tok{
	{0, "unsafe"}, {1, "unacked"}, {2, "acked"}, {3, "hm-ack"}, {4, "hm-ctl"},
	{5, "serv-ack"}, {6, "serv-nak"}, {7, "client-ack"}, {8, "stat"},
}

const zephyrServAck = 5

// zephyrParser reads the NUL-terminated fields of a notice; lost is set
// once a field runs past the notice's length.
type zephyrParser struct {
	b    []byte
	off  int
	left int
	lost bool
}

// field returns the next field ("" once lost); running past the captured
// bytes stops the packet as truncated.
func (z *zephyrParser) field() string {
	start := z.off
	for {
		if z.left == 0 {
			z.lost = true
			return ""
		}
		c := getU8(z.b, z.off)
		if c == 0 {
			break
		}
		z.off++
		z.left--
	}
	s := string(z.b[start:z.off])
	z.off++
	z.left--
	if z.lost {
		return ""
	}
	return s
}

// intField parses the next field as C's strtol(s, 0, 16) does.
func (z *zephyrParser) intField() int {
	s := strings.TrimLeft(z.field(), " \t\n\v\f\r")
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && isHexDigit(s[2]) {
		s = s[2:]
	}
	v := int64(0)
	for i := 0; i < len(s) && isHexDigit(s[i]); i++ {
		v = v*16 + int64(hexVal(s[i]))
		if v > 1<<40 {
			v = 1 << 40
		}
	}
	if neg {
		v = -v
	}
	return int(int32(v))
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func hexVal(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func zephyrTriple(class, inst, recipient string) string {
	if recipient == "" {
		recipient = "*"
	}
	return "<" + class + "," + inst + "," + recipient + ">"
}

func zephyrPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("zephyr")
	z := &zephyrParser{b: b, left: length}
	version := z.field()
	if z.lost {
		nd.PrintInvalid()
		return
	}
	if !strings.HasPrefix(version, "ZEPH") {
		return
	}
	z.intField() // number of fields
	kind := z.intField()
	z.field() // uid
	z.intField()
	z.intField()
	z.intField()
	z.field() // authentication data
	class, inst, opcode := z.field(), z.field(), z.field()
	sender, recipient := z.field(), z.field()
	z.field() // format
	z.intField()
	z.intField()
	z.field() // multi uid
	if z.lost {
		nd.PrintInvalid()
		return
	}
	nd.Print(" zephyr")
	if !strings.HasPrefix(version[4:], "0.2") {
		nd.Print(" v")
		nd.Print(version[4:])
		return
	}
	nd.Print(" ")
	nd.Print(tok2str(zephyrKinds, "type %d", uint32(kind)))
	if kind == zephyrServAck {
		ack := z.field()
		if !z.lost && ack != "SENT" {
			nd.Print("/" + strings.ToLower(ack))
		}
	}
	if sender != "" {
		nd.Print(" " + sender)
	}
	lower := strings.ToLower
	switch class {
	case "USER_LOCATE":
		switch opcode {
		case "USER_HIDE":
			nd.Print(" hide")
		case "USER_UNHIDE":
			nd.Print(" unhide")
		default:
			nd.Print(" locate " + inst)
		}
		return
	case "ZEPHYR_ADMIN":
		nd.Print(" zephyr-admin " + lower(opcode))
		return
	case "ZEPHYR_CTL":
		switch inst {
		case "CLIENT":
			switch opcode {
			case "SUBSCRIBE", "SUBSCRIBE_NODEFS", "UNSUBSCRIBE":
				nd.Print(" " + pick(opcode != "SUBSCRIBE", "un", "") + "sub" + pick(opcode == "SUBSCRIBE_NODEFS", "-nodefs", ""))
				if kind != zephyrServAck {
					c, i, r := z.field(), z.field(), z.field()
					if !z.lost {
						nd.Print(" " + zephyrTriple(c, i, r))
					}
				}
			case "GIMME":
				nd.Print(" ret")
			case "GIMMEDEFS":
				nd.Print(" gimme-defs")
			case "CLEARSUB":
				nd.Print(" clear-subs")
			default:
				nd.Print(" " + lower(opcode))
			}
			return
		case "HM":
			nd.Print(" " + lower(opcode))
			return
		case "REALM":
			switch opcode {
			case "ADD_SUBSCRIBE":
				nd.Print(" realm add-subs")
			case "REQ_SUBSCRIBE":
				nd.Print(" realm req-subs")
			case "RLM_SUBSCRIBE":
				nd.Print(" realm rlm-sub")
			case "RLM_UNSUBSCRIBE":
				nd.Print(" realm rlm-unsub")
			}
			return
		}
	case "HM_CTL":
		nd.Print(" hm_ctl " + lower(inst) + " " + lower(opcode))
		return
	case "HM_STAT":
		if inst == "HMST_CLIENT" && opcode == "GIMMESTATS" {
			nd.Print(" get-client-stats")
			return
		}
	case "WG_CTL":
		nd.Print(" wg_ctl " + lower(inst) + " " + lower(opcode))
		return
	case "LOGIN":
		switch opcode {
		case "USER_FLUSH":
			nd.Print(" flush_locs")
			return
		case "NONE", "OPSTAFF", "REALM-VISIBLE", "REALM-ANNOUNCED", "NET-VISIBLE", "NET-ANNOUNCED":
			nd.Print(" set-exposure " + lower(opcode))
			return
		}
	}
	nd.Print(" to " + zephyrTriple(class, inst, recipient))
	if opcode != "" {
		nd.Print(" op " + opcode)
	}
}
