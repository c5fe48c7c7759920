package decode

import "encoding/binary"

// struct termios as TCGETS/TCSETS* carry it, and struct ifreq for the
// network interface ioctls.

var termiosIflags = &Xlat{Vals: []Const{
	bit(1, "IGNBRK"), bit(2, "BRKINT"), bit(4, "IGNPAR"), bit(8, "PARMRK"), bit(0x10, "INPCK"),
	bit(0x20, "ISTRIP"), bit(0x40, "INLCR"), bit(0x80, "IGNCR"), bit(0x100, "ICRNL"), bit(0x200, "IUCLC"),
	bit(0x400, "IXON"), bit(0x800, "IXANY"), bit(0x1000, "IXOFF"), bit(0x2000, "IMAXBEL"), bit(0x4000, "IUTF8"),
}}

var termiosOflags = &Xlat{Vals: []Const{
	bit(1, "OPOST"), bit(2, "OLCUC"), bit(4, "ONLCR"), bit(8, "OCRNL"), bit(0x10, "ONOCR"),
	bit(0x20, "ONLRET"), bit(0x40, "OFILL"), bit(0x80, "OFDEL"),
}}

var termiosCflags = &Xlat{Vals: []Const{
	bit(0x40, "CSTOPB"), bit(0x80, "CREAD"), bit(0x100, "PARENB"), bit(0x200, "PARODD"), bit(0x400, "HUPCL"),
	bit(0x800, "CLOCAL"), bit(0x40000000, "CMSPAR"), bit(0x80000000, "CRTSCTS"),
}}

// termiosLflags is in strace's order (IEXTEN before ECHOCTL, TOSTOP
// late), which decides how a combination prints.
var termiosLflags = &Xlat{Vals: []Const{
	bit(1, "ISIG"), bit(2, "ICANON"), bit(4, "XCASE"), bit(8, "ECHO"), bit(0x10, "ECHOE"), bit(0x20, "ECHOK"),
	bit(0x40, "ECHONL"), bit(0x80, "NOFLSH"), bit(0x8000, "IEXTEN"), bit(0x200, "ECHOCTL"), bit(0x400, "ECHOPRT"),
	bit(0x800, "ECHOKE"), bit(0x1000, "FLUSHO"), bit(0x4000, "PENDIN"), bit(0x100, "TOSTOP"), bit(0x10000, "EXTPROC"),
}}

// termiosField is one multi-bit field of a mode word: its mask and the
// names of its values.
type termiosField struct {
	mask uint64
	vals *Xlat
}

var oflagFields = []termiosField{
	{0x100, &Xlat{Vals: []Const{{0, "NL0"}, {0x100, "NL1"}}}},
	{0x600, &Xlat{Vals: []Const{{0, "CR0"}, {0x200, "CR1"}, {0x400, "CR2"}, {0x600, "CR3"}}}},
	{0x1800, &Xlat{Vals: []Const{{0, "TAB0"}, {0x800, "TAB1"}, {0x1000, "TAB2"}, {0x1800, "TAB3"}}}},
	{0x2000, &Xlat{Vals: []Const{{0, "BS0"}, {0x2000, "BS1"}}}},
	{0x4000, &Xlat{Vals: []Const{{0, "VT0"}, {0x4000, "VT1"}}}},
	{0x8000, &Xlat{Vals: []Const{{0, "FF0"}, {0x8000, "FF1"}}}},
}

var baudRates = &Xlat{Vals: []Const{
	{0, "B0"}, {1, "B50"}, {2, "B75"}, {3, "B110"}, {4, "B134"}, {5, "B150"}, {6, "B200"}, {7, "B300"},
	{8, "B600"}, {9, "B1200"}, {10, "B1800"}, {11, "B2400"}, {12, "B4800"}, {13, "B9600"}, {14, "B19200"},
	{15, "B38400"}, {0x1000, "BOTHER"}, {0x1001, "B57600"}, {0x1002, "B115200"}, {0x1003, "B230400"},
	{0x1004, "B460800"}, {0x1005, "B500000"}, {0x1006, "B576000"}, {0x1007, "B921600"}, {0x1008, "B1000000"},
	{0x1009, "B1152000"}, {0x100a, "B1500000"}, {0x100b, "B2000000"}, {0x100c, "B2500000"},
	{0x100d, "B3000000"}, {0x100e, "B3500000"}, {0x100f, "B4000000"},
}, Unknown: "B???"}

var cflagFields = []termiosField{
	{0x100f, baudRates},
	{0x30, &Xlat{Vals: []Const{{0, "CS5"}, {0x10, "CS6"}, {0x20, "CS7"}, {0x30, "CS8"}}}},
}

var lineDisciplines = &Xlat{Vals: seq("N_TTY", "N_SLIP", "N_MOUSE", "N_PPP", "N_STRIP", "N_AX25",
	"N_X25", "N_6PACK", "N_MASC", "N_R3964", "N_PROFIBUS_FDL", "N_IRDA", "N_SMSBLOCK", "N_HDLC",
	"N_SYNC_PPP", "N_HCI", "N_GIGASET_M101", "N_SLCAN", "N_PPS", "N_V253", "N_CAIF", "N_GSM0710",
	"N_TI_WL", "N_TRACESINK", "N_TRACEROUTER", "N_NCI", "N_SPEAKUP", "N_NULL", "N_MCTP", "N_DEVELOPMENT"),
	Unknown: "N_???"}

var controlChars = [...]string{"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN", "VSWTC",
	"VSTART", "VSTOP", "VSUSP", "VEOL", "VREPRINT", "VDISCARD", "VWERASE", "VLNEXT", "VEOL2"}

// modeWord prints a mode word made of named multi-bit fields and flags:
// NL0|CR0|TAB0|…|OPOST|ONLCR.
func (c *Ctx) modeWord(v uint64, fields []termiosField, flags *Xlat) {
	for k, f := range fields {
		if k > 0 {
			c.Out = append(c.Out, '|')
		}
		c.Value(f.vals, v&f.mask)
		v &^= f.mask
	}
	if v != 0 {
		c.Out = append(c.Out, '|')
		c.Flags(flags, v)
	}
}

// termios prints the kernel's struct termios.
func (c *Ctx) termios(addr uint64) {
	var b [36]byte
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	u := func(k int) uint64 { return uint64(binary.LittleEndian.Uint32(b[4*k:])) }
	c.Str("{c_iflag=")
	c.Flags(termiosIflags, u(0))
	c.Str(", c_oflag=")
	c.modeWord(u(1), oflagFields, termiosOflags)
	c.Str(", c_cflag=")
	cflag := u(2)
	c.modeWord(cflag&^(0x100f<<16), cflagFields, termiosCflags)
	if ibaud := cflag >> 16 & 0x100f; ibaud != 0 {
		c.Out = append(c.Out, '|')
		c.Value(baudRates, ibaud)
		c.Str("<<IBSHIFT")
	}
	c.Str(", c_lflag=")
	c.Flags(termiosLflags, u(3))
	if !c.Verbose {
		c.Str(", ...}")
		return
	}
	c.Str(", c_line=")
	c.Value(lineDisciplines, uint64(b[16]))
	c.Str(", c_cc=[")
	for k, v := range b[17:36] {
		if k > 0 {
			c.Str(", ")
		}
		c.Out = append(c.Out, '[')
		if k < len(controlChars) {
			c.Str(controlChars[k])
		} else {
			c.Int(int64(k))
		}
		c.Str("]=")
		c.Hex(uint64(v))
	}
	c.Str("]}")
}

// ifreqName prints SIOCGIFNAME's ifreq: the index asked about and, on
// success, the name found.
func (c *Ctx) ifreqName(addr uint64) {
	var b [40]byte
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	c.Str("{ifr_ifindex=")
	c.Int(int64(int32(binary.LittleEndian.Uint32(b[16:]))))
	if !c.Failed {
		c.Str(", ifr_name=")
		c.quoted(cutNUL(b[:16]))
	}
	c.Out = append(c.Out, '}')
}

// ifreqField prints an ifreq as its name and, unless the call failed,
// the union member the request is about.
func ifreqField(name string, show func(c *Ctx, b []byte)) func(c *Ctx, addr uint64) {
	return func(c *Ctx, addr uint64) {
		var b [40]byte
		if !c.readInto(addr, b[:]) {
			c.Hex(addr)
			return
		}
		c.Str("{ifr_name=")
		c.quoted(cutNUL(b[:16]))
		if !c.Failed || !c.Exiting {
			c.Str(", ")
			c.Str(name)
			c.Out = append(c.Out, '=')
			show(c, b[16:])
		}
		c.Out = append(c.Out, '}')
	}
}

func cutNUL(b []byte) []byte {
	for i, ch := range b {
		if ch == 0 {
			return b[:i]
		}
	}
	return b
}

func (c *Ctx) ifrInt(b []byte) { c.Int(int64(int32(binary.LittleEndian.Uint32(b)))) }

func (c *Ctx) ifrFlags(b []byte) {
	c.Flags(ifFlags, uint64(binary.LittleEndian.Uint16(b)))
}

// ifrSockaddr prints the struct sockaddr in the ifreq union.
func (c *Ctx) ifrSockaddr(b []byte) { c.sockaddrBytes(b[:16]) }

// ifrHwaddr prints {sa_family=ARPHRD_…, sa_data=xx:xx:…}.
func (c *Ctx) ifrHwaddr(b []byte) {
	c.Str("{sa_family=")
	c.Value(arphrdTypes, uint64(binary.LittleEndian.Uint16(b)))
	c.Str(", sa_data=")
	c.rawOr(b[2:16], func() { nlaHwaddr(c, b[2:8], 0) })
	c.Out = append(c.Out, '}')
}

// ifreqSize is sizeof(struct ifreq).
const ifreqSize = 40

// ifcLen appends an ifc_len, counted in ifreqs when it divides.
func (c *Ctx) ifcLen(n int64) {
	c.Int(n)
	if n >= 0 && n%ifreqSize == 0 {
		c.Str(" /* ")
		c.Int(n / ifreqSize)
		c.Str(" * sizeof(struct ifreq) */")
	}
}

// ifconf prints SIOCGIFCONF's struct ifconf: the length asked for and
// returned, and the interface addresses the kernel wrote.
func (c *Ctx) ifconf(addr uint64) {
	var b [16]byte
	if !c.readInto(addr, b[:]) {
		c.Hex(addr)
		return
	}
	n := int64(int32(binary.LittleEndian.Uint32(b[:])))
	buf := binary.LittleEndian.Uint64(b[8:])
	c.Str("{ifc_len=")
	if buf != 0 && c.savedOK[0] && c.saved[0] != n && !c.Failed {
		c.ifcLen(c.saved[0])
		c.Str(" => ")
	}
	c.ifcLen(n)
	c.Str(", ifc_buf=")
	if buf == 0 || c.Failed {
		c.Addr(buf)
		c.Out = append(c.Out, '}')
		return
	}
	var r [ifreqSize]byte
	c.Out = append(c.Out, '[')
	for k := int64(0); k < n/ifreqSize; k++ {
		if k > 0 {
			c.Str(", ")
		}
		if !c.Verbose && k >= int64(c.Cfg.StrLen) || k >= maxArray {
			c.Str("...")
			break
		}
		if !c.readInto(buf+uint64(k)*ifreqSize, r[:]) {
			c.Str("...")
			break
		}
		c.Str("{ifr_name=")
		c.quoted(cutNUL(r[:16]))
		c.Str(", ifr_addr=")
		c.sockaddrBytes(r[16:32])
		c.Out = append(c.Out, '}')
	}
	c.Str("]}")
}
