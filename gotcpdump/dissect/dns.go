package dissect

// The DNS and mDNS printer (tcpdump's print-domain.c): one line per
// message with the header summary, the question, and — with -v and -vv —
// the answer, authority and additional records.
//
// Offsets into the message are ints; -1 plays the part of tcpdump's NULL
// "could not continue" pointer. msg runs from the DNS header to the
// captured end, so len(msg) is tcpdump's snapend.

func init() {
	registerUDPPort("domain", dnsUDPPrint, 53)
	registerUDPPort("mdns", mdnsUDPPrint, 5353)
	registerUDPType("domain", dnsUDPPrint)
	registerTCPPort("domain", dnsTCPPrint, 53)
	registerTCPType("domain", dnsTCPPrint)
}

const (
	dnsHeaderLen = 12
	dnsMaxName   = 255 // MAXCDNAME: longest name printed in full

	dnsLabelMask    = 0xc0
	dnsLabelPointer = 0xc0
	dnsLabelExt     = 0x40 // EDNS0 extended label type (RFC 2671)
	dnsLabelRsvd    = 0x80
	dnsExtBitlabel  = 0x01
)

func dnsUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	domainPrint(nd, b, length, false, false)
}

func mdnsUDPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	domainPrint(nd, b, length, false, true)
}

// dnsTCPPrint prints DNS over TCP: the message follows a two-byte length.
func dnsTCPPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	domainPrint(nd, b, length, true, false)
}

// domainPrint prints one DNS message (domain_print).
func domainPrint(nd *ND, b []byte, length int, overTCP, mdns bool) {
	nd.SetProto("domain")
	if overTCP {
		if length < 2 {
			nd.Printf(" [DNS over TCP: length %d < 2]", length)
			nd.PrintInvalid()
			return
		}
		length -= 2
		if prefix := int(getBE16(b, 0)); prefix != length {
			nd.Printf(" [prefix length(%d) != length(%d)]", prefix, length)
			nd.PrintInvalid()
			return
		}
		b = b[2:]
		nd.PrintByte(' ')
	}
	if length < dnsHeaderLen {
		nd.Printf("domain [length %d < %d]", length, dnsHeaderLen)
		nd.PrintInvalid()
		return
	}
	if !ttest(b, 0, dnsHeaderLen) {
		nd.PrintTrunc()
		return
	}
	d := dnsMsg{nd: nd, b: b, mdns: mdns}
	flags := getBE16(b, 2)
	qd, an, ns, ar := int(getBE16(b, 4)), int(getBE16(b, 6)), int(getBE16(b, 8)), int(getBE16(b, 10))
	rcode := uint32(flags&0xf) | d.extendedRcode(qd, an+ns, ar)

	var ok bool
	if flags&0x8000 != 0 {
		ok = d.printResponse(flags, rcode, qd, an, ns, ar)
	} else {
		ok = d.printQuery(flags, qd, an, ns, ar)
	}
	if !ok {
		nd.PrintTrunc()
		return
	}
	nd.Print(" (")
	nd.PrintUint(uint64(length))
	nd.PrintByte(')')
}

// dnsCount prints an unusual section count: " [2q]", " [1au]".
func dnsCount(nd *ND, n int, what string) {
	nd.Print(" [")
	nd.PrintUint(uint64(n))
	nd.Print(what)
	nd.PrintByte(']')
}

// dnsMsg is one message being printed.
type dnsMsg struct {
	nd   *ND
	b    []byte
	mdns bool
}

// has reports whether the byte at off is captured (ND_TTEST_1).
func (d *dnsMsg) has(off int) bool { return off >= 0 && off < len(d.b) }

// extendedRcode finds the OPT record and returns the upper bits of the
// response code it carries (0 when there is none).
func (d *dnsMsg) extendedRcode(qd, anns, ar int) uint32 {
	end := len(d.b)
	cp := dnsHeaderLen
	for i := 0; i < qd; i++ {
		if cp = d.skipName(cp); cp < 0 {
			return 0
		}
		if cp += 4; cp >= end {
			return 0
		}
	}
	for i := 0; i < anns; i++ {
		if cp = d.skipName(cp); cp < 0 {
			return 0
		}
		if cp += 8; cp+2 > end {
			return 0
		}
		if cp += 2 + int(getBE16(d.b, cp)); cp >= end {
			return 0
		}
	}
	for i := 0; i < ar; i++ {
		if cp = d.skipName(cp); cp < 0 || cp+2 > end {
			return 0
		}
		typ := getBE16(d.b, cp)
		if cp += 4; cp+1 > end {
			return 0
		}
		if typ == dnsTypeOPT {
			return uint32(getU8(d.b, cp)) << 4
		}
		if cp += 4; cp+2 > end {
			return 0
		}
		if cp += 2 + int(getBE16(d.b, cp)); cp >= end {
			return 0
		}
	}
	return 0
}

func (d *dnsMsg) printResponse(flags uint16, rcode uint32, qd, an, ns, ar int) bool {
	nd := d.nd
	nd.PrintUint(uint64(getBE16(d.b, 0)))
	nd.Print(dnsOpcodes[flags>>11&0xf])
	if rcode < uint32(len(dnsRcodes)) {
		nd.Print(dnsRcodes[rcode])
	} else {
		nd.Print(" Resp")
		nd.PrintUint(uint64(rcode & 0xfff))
	}
	if flags&0x0400 != 0 {
		nd.PrintByte('*')
	}
	if flags&0x0080 == 0 {
		nd.PrintByte('-')
	}
	if flags&0x0200 != 0 {
		nd.PrintByte('|')
	}
	if flags&0x0020 != 0 {
		nd.PrintByte('$')
	}
	if qd != 1 {
		dnsCount(nd, qd, "q")
	}
	cp := dnsHeaderLen
	for i := 0; i < qd; i++ {
		if i != 0 {
			nd.PrintByte(',')
		}
		if nd.Verbose > 1 {
			nd.Print(" q:")
			if cp = d.printQuestion(cp); cp < 0 {
				return false
			}
		} else {
			if cp = d.skipName(cp); cp < 0 {
				return false
			}
			cp += 4
		}
	}
	nd.PrintByte(' ')
	nd.PrintUint(uint64(an))
	nd.PrintByte('/')
	nd.PrintUint(uint64(ns))
	nd.PrintByte('/')
	nd.PrintUint(uint64(ar))
	if cp = d.printRecords(cp, an, "", true); cp < 0 {
		return false
	}
	if nd.Verbose > 1 {
		if !d.printAuthorityAdditional(cp, ns, ar) {
			return false
		}
	}
	return true
}

func (d *dnsMsg) printQuery(flags uint16, qd, an, ns, ar int) bool {
	nd := d.nd
	nd.PrintUint(uint64(getBE16(d.b, 0)))
	opcode := flags >> 11 & 0xf
	nd.Print(dnsOpcodes[opcode])
	if flags&0x0100 != 0 {
		nd.PrintByte('+')
	}
	if flags&0x0010 != 0 {
		nd.PrintByte('%')
	}
	if flags&0x6cf != 0 {
		nd.Printf(" [b2&3=0x%x]", flags)
	}
	if opcode == 1 { // IQUERY
		if qd != 0 {
			dnsCount(nd, qd, "q")
		}
		if an != 1 {
			dnsCount(nd, an, "a")
		}
	} else {
		if an != 0 {
			dnsCount(nd, an, "a")
		}
		if qd != 1 {
			dnsCount(nd, qd, "q")
		}
	}
	if ns != 0 {
		dnsCount(nd, ns, "n")
	}
	if ar != 0 {
		dnsCount(nd, ar, "au")
	}
	cp := dnsHeaderLen
	if qd != 0 {
		if cp = d.printQuestion(cp); cp < 0 {
			return false
		}
		qd--
		for cp < len(d.b) && qd != 0 {
			if cp = d.printQuestion(cp); cp < 0 {
				return false
			}
			qd--
		}
	}
	if qd != 0 {
		return false
	}
	if nd.Verbose > 1 {
		if cp = d.printRecords(cp, an, "", true); cp < 0 {
			return false
		}
		if !d.printAuthorityAdditional(cp, ns, ar) {
			return false
		}
	}
	return true
}

// printAuthorityAdditional prints the authority (ns records) and
// additional (ar records) sections that follow cp, as -vv does; false
// means one could not be printed in full.
func (d *dnsMsg) printAuthorityAdditional(cp, ns, ar int) bool {
	if cp = d.printRecords(cp, ns, " ns:", false); cp < 0 {
		return false
	}
	return d.printRecords(cp, ar, " ar:", false) >= 0
}

// printRecords prints a section of n records separated by commas, after
// label. The answer section (always) starts with its first record even
// past the captured end; the others only when something is left. It
// returns -1 when the section could not be printed in full.
func (d *dnsMsg) printRecords(cp, n int, label string, always bool) int {
	if n == 0 || !always && cp >= len(d.b) {
		if n != 0 {
			return -1
		}
		return cp
	}
	d.nd.Print(label)
	if cp = d.printRecord(cp); cp < 0 {
		return -1
	}
	n--
	for cp < len(d.b) && n != 0 {
		d.nd.PrintByte(',')
		if cp = d.printRecord(cp); cp < 0 {
			return -1
		}
		n--
	}
	if n != 0 {
		return -1
	}
	return cp
}

// skipName returns the offset after the name at cp (ns_nskip).
func (d *dnsMsg) skipName(cp int) int {
	if !d.has(cp) {
		return -1
	}
	i := d.b[cp]
	cp++
	for i != 0 {
		switch i & dnsLabelMask {
		case dnsLabelPointer:
			return cp + 1
		case dnsLabelExt:
			if i&^dnsLabelMask != dnsExtBitlabel || !d.has(cp) {
				return -1
			}
			bitlen := int(d.b[cp])
			if bitlen == 0 {
				bitlen = 256
			}
			cp += 1 + (bitlen+7)/8
		case dnsLabelRsvd:
			return -1
		default:
			cp += int(i)
		}
		if !d.has(cp) {
			return -1
		}
		i = d.b[cp]
		cp++
	}
	return cp
}

// labelLen returns the length of the label at cp, printing why when it
// cannot be used (labellen).
func (d *dnsMsg) labelLen(cp int) int {
	if !d.has(cp) {
		return -1
	}
	i := d.b[cp]
	switch i & dnsLabelMask {
	case dnsLabelExt:
		if elt := i &^ dnsLabelMask; elt != dnsExtBitlabel {
			d.nd.Printf("<ELT %d>", elt)
			return -1
		}
		if !d.has(cp + 1) {
			return -1
		}
		bitlen := int(d.b[cp+1])
		if bitlen == 0 {
			bitlen = 256
		}
		return (bitlen+7)/8 + 1
	case dnsLabelRsvd:
		d.nd.Print("<BAD LABEL TYPE>")
		return -1
	}
	return int(i)
}

// printBitLabel prints an RFC 2673 bit-string label (blabel_print).
func (d *dnsMsg) printBitLabel(cp int) {
	nd := d.nd
	bitlen := int(getU8(d.b, cp))
	if bitlen == 0 {
		bitlen = 256
	}
	lim := cp + 1 + (bitlen+3)/4
	nd.Print("\\[x")
	bitp, bits := cp+1, bitlen
	for ; bitp < lim && bits > 7; bits, bitp = bits-8, bitp+1 {
		nd.PrintHex(uint64(getU8(d.b, bitp)), 2)
	}
	if bits > 4 {
		nd.PrintHex(uint64(getU8(d.b, bitp)&byte(0xff<<(8-bits))), 2)
	} else if bits > 0 {
		nd.PrintHex(uint64((getU8(d.b, bitp)>>4)&byte(0x0f<<(4-bits))), 1)
	}
	nd.PrintByte('/')
	nd.PrintUint(uint64(bitlen))
	nd.PrintByte(']')
}

// printName prints the domain name at cp, following compression pointers
// relative to base, and returns the offset after the name as stored at
// cp (fqdn_print). Pointers must point backwards, which also stops loops.
func (d *dnsMsg) printName(cp, base int) int {
	nd := d.nd
	l := d.labelLen(cp)
	if l < 0 {
		return -1
	}
	maxOffset := uint32(cp - base)
	i := d.b[cp]
	cp++
	rp := -1
	compressed := false
	if i&dnsLabelMask != dnsLabelPointer {
		rp = cp + l
	}
	if i == 0 {
		nd.PrintByte('.')
		return rp
	}
	nameChars := 0
	for i != 0 && cp < len(d.b) {
		switch i & dnsLabelMask {
		case dnsLabelPointer:
			if !compressed {
				rp = cp + 1
				compressed = true
			}
			if !d.has(cp) {
				return -1
			}
			offset := (uint32(i)<<8 | uint32(d.b[cp])) & 0x3fff
			if offset >= maxOffset {
				nd.Print("<BAD PTR>")
				return -1
			}
			maxOffset = offset
			cp = base + int(offset)
			if !d.has(cp) {
				return -1
			}
			i = d.b[cp]
			if l = d.labelLen(cp); l < 0 {
				return -1
			}
			cp++
			continue
		case dnsLabelExt:
			if elt := i &^ dnsLabelMask; elt != dnsExtBitlabel {
				nd.Printf("<ELT %d>", elt)
				return -1
			}
			d.printBitLabel(cp)
		case dnsLabelRsvd:
			nd.Print("<BAD LABEL TYPE>")
			return -1
		default:
			if nameChars+l <= dnsMaxName {
				if nd.printn(d.b, cp, l) {
					return -1
				}
			} else if nameChars < dnsMaxName {
				if nd.printn(d.b, cp, dnsMaxName-nameChars) {
					return -1
				}
			}
			nameChars += l
		}
		cp += l
		if nameChars <= dnsMaxName {
			nd.PrintByte('.')
		}
		nameChars++
		if !d.has(cp) {
			return -1
		}
		i = d.b[cp]
		if l = d.labelLen(cp); l < 0 {
			return -1
		}
		cp++
		if !compressed {
			rp += l + 1
		}
	}
	if nameChars > dnsMaxName {
		nd.Print("<DOMAIN NAME TOO LONG>")
	}
	return rp
}

// printCharString prints a <character-string> (ns_cprint).
func (d *dnsMsg) printCharString(cp int) int {
	if !d.has(cp) {
		return -1
	}
	n := int(d.b[cp])
	cp++
	if d.nd.printn(d.b, cp, n) {
		return -1
	}
	return cp + n
}

// printQuestion prints one question (ns_qprint).
func (d *dnsMsg) printQuestion(cp int) int {
	nd := d.nd
	name := cp
	cp = d.skipName(cp)
	if cp < 0 || !ttest(d.b, cp, 4) {
		return -1
	}
	typ := getBE16(d.b, cp)
	class := getBE16(d.b, cp+2)
	nd.PrintByte(' ')
	nd.Print(tok2str(dnsTypeNames, "Type%d", uint32(typ)))
	c := class
	if d.mdns {
		c &^= dnsClassTopBit
	}
	if c != dnsClassIN {
		nd.PrintByte(' ')
		nd.Print(tok2str(dnsClassNames, "(Class %d)", uint32(c)))
	}
	if d.mdns {
		if class&dnsClassTopBit != 0 {
			nd.Print(" (QU)")
		} else {
			nd.Print(" (QM)")
		}
	}
	nd.Print("? ")
	if cp = d.printName(name, 0); cp < 0 {
		return -1
	}
	return cp + 4
}

// printRecord prints one resource record (ns_rprint). When the fixed
// part of the record is missing it returns the captured end, which ends
// the section.
func (d *dnsMsg) printRecord(cp int) int {
	nd := d.nd
	if nd.Verbose > 0 {
		nd.PrintByte(' ')
		if cp = d.printName(cp, 0); cp < 0 {
			return -1
		}
	} else {
		cp = d.skipName(cp)
	}
	if cp < 0 || !ttest(d.b, cp, 10) {
		return len(d.b)
	}
	typ := getBE16(d.b, cp)
	rawClass := getBE16(d.b, cp+2)
	cp += 4
	class := rawClass
	if d.mdns {
		class &^= dnsClassTopBit
	}
	if class != dnsClassIN && typ != dnsTypeOPT {
		nd.PrintByte(' ')
		nd.Print(tok2str(dnsClassNames, "(Class %d)", uint32(class)))
	}
	if d.mdns && rawClass&dnsClassTopBit != 0 {
		nd.Print(" (Cache flush)")
	}
	var optFlags uint16
	switch {
	case typ == dnsTypeOPT:
		optFlags = getBE16(d.b, cp+2)
	case nd.Verbose > 2:
		nd.Print(" [")
		nd.printRelts(getBE32(d.b, cp))
		nd.PrintByte(']')
	}
	cp += 4
	rdlen := int(getBE16(d.b, cp))
	cp += 2
	rp := cp + rdlen

	nd.PrintByte(' ')
	nd.Print(tok2str(dnsTypeNames, "Type%d", uint32(typ)))
	if rp > len(d.b) {
		return -1
	}
	if !d.printRData(typ, class, optFlags, cp, rdlen, rp) {
		return -1
	}
	return rp
}

// printRData prints the data of a record of type typ at cp (the switch
// of ns_rprint); false means tcpdump gave up on the message.
func (d *dnsMsg) printRData(typ, class, optFlags uint16, cp, rdlen, rp int) bool {
	nd := d.nd
	switch typ {
	case dnsTypeA:
		if !ttest(d.b, cp, 4) {
			return false
		}
		nd.PrintByte(' ')
		nd.out = appendIPv4(nd.out, d.b[cp:cp+4])
	case dnsTypeNS, dnsTypeCNAME, dnsTypePTR, dnsTypeDNAME:
		nd.PrintByte(' ')
		return d.printName(cp, 0) >= 0
	case dnsTypeSOA:
		if nd.Verbose == 0 {
			return true
		}
		nd.PrintByte(' ')
		if cp = d.printName(cp, 0); cp < 0 {
			return false
		}
		nd.PrintByte(' ')
		if cp = d.printName(cp, 0); cp < 0 {
			return false
		}
		if !ttest(d.b, cp, 20) {
			return false
		}
		for i := 0; i < 5; i++ {
			nd.PrintByte(' ')
			nd.PrintUint(uint64(getBE32(d.b, cp+4*i)))
		}
	case dnsTypeMX:
		nd.PrintByte(' ')
		if !ttest(d.b, cp, 2) || d.printName(cp+2, 0) < 0 {
			return false
		}
		nd.PrintByte(' ')
		nd.PrintUint(uint64(getBE16(d.b, cp)))
	case dnsTypeTXT:
		for cp < rp {
			nd.Print(" \"")
			if cp = d.printCharString(cp); cp < 0 {
				return false
			}
			nd.PrintByte('"')
		}
	case dnsTypeSRV:
		nd.PrintByte(' ')
		if !ttest(d.b, cp, 6) || d.printName(cp+6, 0) < 0 {
			return false
		}
		nd.PrintByte(':')
		nd.PrintUint(uint64(getBE16(d.b, cp+4)))
		nd.PrintByte(' ')
		nd.PrintUint(uint64(getBE16(d.b, cp)))
		nd.PrintByte(' ')
		nd.PrintUint(uint64(getBE16(d.b, cp+2)))
	case dnsTypeAAAA:
		if !ttest(d.b, cp, 16) {
			return false
		}
		nd.PrintByte(' ')
		nd.out = appendIPv6(nd.out, d.b[cp:cp+16])
	case dnsTypeA6:
		return d.printA6(cp)
	case dnsTypeURI:
		if !ttest(d.b, cp, rdlen) {
			return false
		}
		priority, weight := getBE16(d.b, cp), getBE16(d.b, cp+2)
		nd.PrintByte(' ')
		nd.PrintUint(uint64(priority))
		nd.PrintByte(' ')
		nd.PrintUint(uint64(weight))
		nd.PrintByte(' ')
		n := rdlen - 4
		if n < 0 {
			n = int(^uint32(0)) // tcpdump's unsigned wrap-around
		}
		return !nd.printn(d.b, cp+4, n)
	case dnsTypeOPT:
		nd.Print(" UDPsize=")
		nd.PrintUint(uint64(class))
		if optFlags&0x8000 != 0 {
			nd.Print(" DO")
		}
		if cp < rp {
			nd.Print(" [")
			for cp < rp {
				if cp = d.printEDNSOption(cp); cp < 0 {
					return false
				}
				if cp < rp {
					nd.PrintByte(',')
				}
			}
			nd.PrintByte(']')
		}
	case dnsTypeUNSPECA:
		if !ttest(d.b, cp, rdlen) {
			return false
		}
		return !nd.printn(d.b, cp, rdlen)
	case dnsTypeTSIG:
		return d.printTSIG(cp, rdlen)
	}
	return true
}

// printA6 prints an A6 record: prefix length, address suffix, prefix name.
func (d *dnsMsg) printA6(cp int) bool {
	nd := d.nd
	if !d.has(cp) {
		return false
	}
	pbit := int(d.b[cp])
	pbyte := (pbit &^ 7) / 8
	if pbit > 128 {
		nd.PrintByte(' ')
		nd.PrintUint(uint64(pbit))
		nd.Print("(bad plen)")
		return true
	}
	if pbit < 128 {
		var a [16]byte
		tcheck(d.b, cp+1, 16-pbyte)
		copy(a[pbyte:], d.b[cp+1:cp+1+16-pbyte])
		nd.PrintByte(' ')
		nd.PrintUint(uint64(pbit))
		nd.PrintByte(' ')
		nd.out = appendIPv6(nd.out, a[:])
	}
	if pbit > 0 {
		nd.PrintByte(' ')
		if d.printName(cp+1+16-pbyte, 0) < 0 {
			return false
		}
	}
	return true
}

// printTSIG prints a TSIG record's fields with -v.
func (d *dnsMsg) printTSIG(cp, rdlen int) bool {
	nd := d.nd
	if cp+rdlen > len(d.b) {
		return false
	}
	if nd.Verbose == 0 {
		return true
	}
	nd.PrintByte(' ')
	if cp = d.printName(cp, 0); cp < 0 {
		return false
	}
	cp += 6 // time signed
	for _, field := range [...]string{" fudge=", " maclen=", " origid=", " error=", " otherlen="} {
		if !ttest(d.b, cp, 2) {
			return false
		}
		v := getBE16(d.b, cp)
		nd.Print(field)
		nd.PrintUint(uint64(v))
		cp += 2
		if field == " maclen=" {
			cp += int(v)
		}
	}
	return true
}

// printEDNSOption prints one EDNS0 option of an OPT record (eopt_print).
func (d *dnsMsg) printEDNSOption(cp int) int {
	nd := d.nd
	if !ttest(d.b, cp, 2) {
		return -1
	}
	opt := getBE16(d.b, cp)
	nd.Print(tok2str(ednsOptNames, "Opt%d", uint32(opt)))
	if !ttest(d.b, cp+2, 2) {
		return -1
	}
	n := int(getBE16(d.b, cp+2))
	cp += 4
	if !ttest(d.b, cp, n) {
		return -1
	}
	if n == 0 {
		return cp
	}
	data := d.b[cp : cp+n]
	nd.PrintByte(' ')
	switch opt {
	case ednsECS:
		printECS(nd, data)
	case ednsCookie:
		if n < 8 || n > 8 && n < 16 || n > 40 {
			nd.PrintInvalid()
			break
		}
		for i, c := range data {
			if i == 8 {
				nd.PrintByte(' ')
			}
			nd.PrintHex(uint64(c), 2)
		}
	case ednsKeepalive:
		if n != 2 {
			nd.PrintInvalid()
		} else {
			nd.Printf("%0.1f sec", float64(getBE16(data, 0))/10.0)
		}
	case ednsExpire:
		if n != 4 {
			nd.PrintInvalid()
		} else {
			nd.PrintUint(uint64(getBE32(data, 0)))
			nd.Print(" sec")
		}
	case ednsPadding:
		nd.PrintByte('(')
		nd.PrintUint(uint64(n))
		nd.PrintByte(')')
	case ednsKeyTag:
		if n%2 != 0 {
			nd.PrintInvalid()
			break
		}
		for i := 0; i < n; i += 2 {
			if i > 0 {
				nd.PrintByte(' ')
			}
			nd.PrintUint(uint64(getBE16(data, i)))
		}
	case ednsDAU, ednsDHU, ednsN3U:
		names := nsec3HashNames
		switch opt {
		case ednsDAU:
			names = dnssecAlgNames
		case ednsDHU:
			names = dsHashNames
		}
		for i, c := range data {
			if i > 0 {
				nd.PrintByte(' ')
			}
			nd.Print(tok2str(names, "Alg_%d", uint32(c)))
		}
	case ednsChain:
		d.printName(cp, cp+n)
	default:
		for _, c := range data {
			nd.PrintHex(uint64(c), 2)
		}
	}
	return cp + n
}

// printECS prints an EDNS Client Subnet option: address/source/scope.
func printECS(nd *ND, data []byte) {
	if len(data) < 4 {
		nd.PrintInvalid()
		return
	}
	family := getBE16(data, 0)
	srcLen, scopeLen := int(data[2]), int(data[3])
	var addrBits int
	switch family {
	case 1:
		addrBits = 32
	case 2:
		addrBits = 128
	default:
		nd.PrintInvalid()
		return
	}
	addrLen := len(data) - 4
	if addrLen > addrBits/8 || srcLen > addrBits || scopeLen > addrBits || (srcLen+7)/8 != addrLen {
		nd.PrintInvalid()
		return
	}
	var padded [16]byte
	copy(padded[:], data[4:])
	if family == 1 {
		nd.out = appendIPv4(nd.out, padded[:4])
	} else {
		nd.out = appendIPv6(nd.out, padded[:])
	}
	nd.PrintByte('/')
	nd.PrintUint(uint64(srcLen))
	nd.PrintByte('/')
	nd.PrintUint(uint64(scopeLen))
}
