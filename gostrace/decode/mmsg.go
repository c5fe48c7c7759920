package decode

import "encoding/binary"

// Ancillary data (struct cmsghdr lists) and the message vectors of
// sendmmsg and recvmmsg.

var scmTypes = &Xlat{Vals: []Const{
	{1, "SCM_RIGHTS"}, {2, "SCM_CREDENTIALS"}, {3, "SCM_SECURITY"}, {29, "SO_TIMESTAMP_OLD"},
	{35, "SO_TIMESTAMPNS_OLD"}, {37, "SO_TIMESTAMPING_OLD"},
}, Unknown: "SCM_???"}

var ipCmsgTypes = &Xlat{Vals: []Const{
	{1, "IP_TOS"}, {2, "IP_TTL"}, {4, "IP_OPTIONS"}, {6, "IP_RECVOPTS"}, {7, "IP_RETOPTS"}, {8, "IP_PKTINFO"},
	{11, "IP_RECVERR"}, {20, "IP_ORIGDSTADDR"}, {23, "IP_CHECKSUM"},
}, Unknown: "IP_???"}

// cmsgMax bounds how much ancillary data is read.
const cmsgMax = 1 << 16

// cmsgs prints the control buffer of a msghdr: a list of cmsghdr.
func (c *Ctx) cmsgs(addr, n uint64) {
	if n > cmsgMax {
		n = cmsgMax
	}
	b, ok := c.read(addr, int(n))
	if !ok {
		c.Hex(addr)
		return
	}
	b = append(c.nlbuf[:0], b...) // the printers below reuse scratch
	c.nlbuf = b
	c.cmsgList(b, addr)
}

// cmsgList prints the control messages in b, read from addr.
func (c *Ctx) cmsgList(b []byte, addr uint64) {
	n := uint64(len(b))
	c.Out = append(c.Out, '[')
	for k := 0; len(b) > 0; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if len(b) < 16 {
			c.Hex(addr + n - uint64(len(b)))
			break
		}
		if !c.Verbose && k >= c.Cfg.StrLen {
			c.Str("...")
			break
		}
		clen := binary.LittleEndian.Uint64(b)
		level := uint64(binary.LittleEndian.Uint32(b[8:]))
		typ := uint64(binary.LittleEndian.Uint32(b[12:]))
		c.Str("{cmsg_len=")
		c.Uint(clen)
		c.Str(", cmsg_level=")
		c.Value(sockLevels, level)
		c.Str(", cmsg_type=")
		switch level {
		case 1:
			c.Value(scmTypes, typ)
		case 0:
			c.Value(ipCmsgTypes, typ)
		default:
			c.Hex(typ)
		}
		if clen > uint64(len(b)) {
			clen = uint64(len(b))
		}
		if clen > 16 {
			c.Str(", cmsg_data=")
			c.cmsgData(level, typ, b[16:clen])
		}
		c.Out = append(c.Out, '}')
		next := (clen + 7) &^ 7
		if clen < 16 || next >= uint64(len(b)) {
			break
		}
		b = b[next:]
	}
	c.Out = append(c.Out, ']')
}

// cmsgData prints the payload of one control message.
func (c *Ctx) cmsgData(level, typ uint64, d []byte) {
	switch {
	case level == 1 && typ == 1: // SCM_RIGHTS
		c.Out = append(c.Out, '[')
		for k := 0; k+4 <= len(d); k += 4 {
			if k > 0 {
				c.Str(", ")
			}
			if !c.Verbose && k/4 >= c.Cfg.StrLen {
				c.Str("...")
				break
			}
			c.FD(int32(binary.LittleEndian.Uint32(d[k:])))
		}
		c.Out = append(c.Out, ']')
	case level == 1 && typ == 2 && len(d) >= 12: // SCM_CREDENTIALS
		c.Str("{pid=")
		c.Int(int64(int32(binary.LittleEndian.Uint32(d))))
		c.Str(", uid=")
		c.Uint(uint64(binary.LittleEndian.Uint32(d[4:])))
		c.Str(", gid=")
		c.Uint(uint64(binary.LittleEndian.Uint32(d[8:])))
		c.Out = append(c.Out, '}')
	default:
		c.quotedCut(d)
	}
}

// quotedCut prints bytes as a string cut at -s.
func (c *Ctx) quotedCut(d []byte) {
	cut := len(d) > c.Cfg.StrLen
	if cut {
		d = d[:c.Cfg.StrLen]
	}
	c.quoted(d)
	if cut {
		c.Str("...")
	}
}

// mmsgvec prints n struct mmsghdr entries; the first lens of them show
// msg_len, and received data is limited to each msg_len.
func (c *Ctx) mmsgvec(addr uint64, n, lens int, recv bool) {
	var b [64]byte
	c.Out = append(c.Out, '[')
	for k := 0; k < n; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= c.Cfg.StrLen || k >= maxArray {
			c.Str("...")
			break
		}
		elem := addr + uint64(k)*64
		if !c.readInto(elem, b[:]) {
			c.Str("...")
			break
		}
		msgLen := int64(binary.LittleEndian.Uint32(b[56:]))
		total := int64(-1)
		if recv {
			total = msgLen
		}
		c.Str("{msg_hdr=")
		c.msghdr(elem, total)
		if k < lens {
			c.Str(", msg_len=")
			c.Int(msgLen)
		}
		c.Out = append(c.Out, '}')
	}
	c.Out = append(c.Out, ']')
}

var sendmmsgVec = Arg{Exit: true, P: func(c *Ctx, i int) {
	lens := 0
	if !c.Failed {
		lens = int(c.Ret)
	}
	c.mmsgvec(c.Args[i], int(uint32(c.Args[2])), lens, false)
}}

var recvmmsgVec Printer = func(c *Ctx, i int) {
	c.mmsgvec(c.Args[i], int(c.Ret), int(c.Ret), true)
}

func init() {
	register(map[string]*Spec{
		"sendmmsg": {Args: []Arg{FDArg, sendmmsgVec, In(Uint), In(MsgFlags)}},
		"recvmmsg": {Args: []Arg{FDArg, Out(recvmmsgVec), In(Uint), In(MsgFlags), In(Timespec)}},
	})
}
