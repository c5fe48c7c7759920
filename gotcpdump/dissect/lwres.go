package dissect

// BIND 9's lightweight resolver protocol (tcpdump's print-lwres.c), on
// UDP port 921: the packet header, the opcode's request or response
// body, and a note when the declared length disagrees.

func init() {
	registerUDPPort("lwres", lwresPrint, 921)
}

// lwres opcodes.
const (
	lwresNoop           = 0x00000000
	lwresGetAddrsByName = 0x00010001
	lwresGetNameByAddr  = 0x00010002
	lwresGetRdataByName = 0x00010003
	lwresHdrLen         = 28
	lwresAddrLen        = 6
)

var lwresOpcodes = []tok{
	{lwresNoop, "noop"}, {lwresGetAddrsByName, "getaddrsbyname"},
	{lwresGetNameByAddr, "getnamebyaddr"}, {lwresGetRdataByName, "getrdatabyname"},
}

// lwresInvalid unwinds a body whose address record is malformed.
type lwresInvalid struct{}

func lwresPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("lwres")
	tcheck(b, 0, lwresHdrLen)
	nd.Print(" lwres")
	v := getBE16(b, 4)
	if nd.Verbose > 0 || v != 0 {
		nd.Printf(" v%d", v)
	}
	pktLen := getBE32(b, 0)
	end := uint64(pktLen)
	unsupported := false
	if v == 0 {
		flags := getBE16(b, 6)
		response := flags&1 != 0
		op := getBE32(b, 12)
		nd.Printf(" %s%s", tok2str(lwresOpcodes, "#0x%x", op), pick(response, "", "?"))
		if flags&^1 != 0 {
			nd.Printf("[0x%x]", flags)
		}
		if nd.Verbose > 1 {
			nd.Printf(" (serial:0x%x result:0x%x recvlen:%d", getBE32(b, 8), getBE32(b, 16), getBE32(b, 20))
			if nd.Verbose > 2 {
				nd.Printf(" authtype:0x%x authlen:%d", getBE16(b, 24), getBE16(b, 26))
			}
			nd.Print(")")
		}
		s, ok, invalid := lwresBody(nd, b, op, response)
		if invalid {
			nd.PrintInvalid()
			return
		}
		end, unsupported = uint64(s), !ok
	}
	if uint64(pktLen) != uint64(length) {
		nd.Printf(" [len: %d != %d]", pktLen, length)
	}
	if !unsupported && end < uint64(pktLen) {
		nd.Print("[extra]")
	}
}

// lwresBody prints the request or response body and returns the offset
// past it; ok is false for an opcode it does not decode, invalid true
// for a malformed address.
func lwresBody(nd *ND, b []byte, op uint32, response bool) (s int, ok, invalid bool) {
	defer func() {
		if r := recover(); r != nil {
			if _, is := r.(lwresInvalid); !is {
				panic(r)
			}
			invalid = true
		}
	}()
	p := lwresHdrLen
	flags := func() {
		if nd.Verbose > 2 {
			nd.Printf(" flags:0x%x", getBE32(b, p))
		}
	}
	if !response {
		switch op {
		case lwresNoop:
			return p, true, false
		case lwresGetAddrsByName:
			tcheck(b, p, 10)
			flags()
			at := getBE32(b, p+4)
			switch at & 3 {
			case 1:
				nd.Print(" IPv4")
			case 2:
				nd.Print(" IPv6")
			case 3:
				nd.Print(" IPv4/6")
			}
			if at&^3 != 0 {
				nd.Printf("[0x%x]", at)
			}
			s = p + 10
			s += lwresName(nd, b, int(getBE16(b, p+8)), s)
			return s, true, false
		case lwresGetNameByAddr:
			tcheck(b, p, 4)
			flags()
			s = p + 4
			return s + lwresAddr(nd, b, s), true, false
		case lwresGetRdataByName:
			tcheck(b, p, 10)
			flags()
			lwresTypeClass(nd, b, p+6, p+4)
			s = p + 10
			return s + lwresName(nd, b, int(getBE16(b, p+8)), s), true, false
		}
		return p, false, false
	}
	switch op {
	case lwresNoop:
		return p, true, false
	case lwresGetAddrsByName:
		tcheck(b, p, 10)
		flags()
		naliases, naddrs := int(getBE16(b, p+4)), int(getBE16(b, p+6))
		nd.Printf(" %d/%d", naliases, naddrs)
		s = p + 10
		s += lwresName(nd, b, int(getBE16(b, p+8)), s)
		for i := 0; i < naliases; i++ {
			s += lwresNameLen(nd, b, s)
		}
		for i := 0; i < naddrs; i++ {
			s += lwresAddr(nd, b, s)
		}
		return s, true, false
	case lwresGetNameByAddr:
		tcheck(b, p, 8)
		flags()
		naliases := int(getBE16(b, p+4))
		nd.Printf(" %d", naliases)
		s = p + 8
		s += lwresName(nd, b, int(getBE16(b, p+6)), s)
		for i := 0; i < naliases; i++ {
			s += lwresNameLen(nd, b, s)
		}
		return s, true, false
	case lwresGetRdataByName:
		tcheck(b, p, 16)
		flags()
		lwresTypeClass(nd, b, p+6, p+4)
		nd.Print(" TTL ")
		nd.printRelts(getBE32(b, p+8))
		nrdatas, nsigs := int(getBE16(b, p+12)), int(getBE16(b, p+14))
		nd.Printf(" %d/%d", nrdatas, nsigs)
		s = p + 16
		s += lwresNameLen(nd, b, s)
		for i := 0; i < nrdatas+nsigs; i++ {
			s += lwresBinLen(nd, b, s)
		}
		return s, true, false
	}
	return p, false, false
}

func lwresTypeClass(nd *ND, b []byte, typOff, classOff int) {
	nd.Print(" " + tok2str(dnsTypeNames, "Type%d", uint32(getBE16(b, typOff))))
	if c := getBE16(b, classOff); c != 1 {
		nd.Print(" " + tok2str(dnsClassNames, "Class%d", uint32(c)))
	}
}

// lwresName prints a name of l bytes at off followed by its NUL and
// returns l+1.
func lwresName(nd *ND, b []byte, l, off int) int {
	nd.Print(" ")
	nd.printn(b, off, l)
	if getU8(b, off+l) != 0 {
		nd.Print(" (not NUL-terminated!)")
	}
	return l + 1
}

func lwresNameLen(nd *ND, b []byte, off int) int {
	return 2 + lwresName(nd, b, int(getBE16(b, off)), off+2)
}

func lwresBinLen(nd *ND, b []byte, off int) int {
	l := int(getBE16(b, off))
	for i := 0; i < l; i++ {
		nd.Printf("%02x", getU8(b, off+2+i))
	}
	return 2 + l
}

// lwresAddr prints an address record (family, length, address) and
// returns its length.
func lwresAddr(nd *ND, b []byte, off int) int {
	l := int(getBE16(b, off+4))
	p := off + lwresAddrLen
	tcheck(b, p, l)
	switch fam := getBE32(b, off); fam {
	case 1:
		if l < 4 {
			panic(lwresInvalid{})
		}
		nd.Print(" ")
		nd.PrintIPAddr(b, p)
		p += 4
	case 2:
		if l < 16 {
			panic(lwresInvalid{})
		}
		nd.Print(" ")
		nd.PrintIP6Addr(b, p)
		p += 16
	default:
		nd.Printf(" %d/", fam)
		for i := 0; i < l; i++ {
			nd.Printf("%02x", getU8(b, p))
			p++
		}
	}
	return p - off
}
