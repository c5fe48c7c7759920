package dissect

import "time"

// radiusHdrLen is the fixed header: code, id, length, authenticator.
const radiusHdrLen = 20

func radiusPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("radius")
	tcheck(b, 0, radiusHdrLen)
	n := int(getBE16(b, 2))
	if n < radiusHdrLen {
		nd.PrintTrunc()
		return
	}
	if n > length {
		n = length
	}
	code := uint32(getU8(b, 0))
	cmd := tok2str(radiusCommands, "Unknown Command", code)
	if nd.Verbose < 1 {
		nd.Printf("RADIUS, %s (%d), id: 0x%02x length: %d", cmd, code, getU8(b, 1), n)
		return
	}
	nd.Printf("RADIUS, length: %d\n\t%s (%d), id: 0x%02x, Authenticator: ", n, cmd, code, getU8(b, 1))
	for i := 4; i < radiusHdrLen; i++ {
		nd.PrintHex(uint64(b[i]), 2)
	}
	if n > radiusHdrLen {
		radiusAttrsPrint(nd, b, radiusHdrLen, n-radiusHdrLen)
	}
}

func radiusAttrsPrint(nd *ND, b []byte, off, length int) {
	for length > 0 {
		if length < 2 || !ttest(b, off, 2) {
			nd.PrintTrunc()
			return
		}
		typ := getU8(b, off)
		alen := int(getU8(b, off+1))
		name := "Unknown"
		if typ != 0 && int(typ) < len(radiusAttrs) {
			name = radiusAttrs[typ].name
		}
		nd.Printf("\n\t  %s Attribute (%d), length: %d", name, typ, alen)
		if alen < 2 {
			nd.Print(" (bogus, must be >= 2)")
			return
		}
		if alen > length {
			nd.Print(" (bogus, goes past end of packet)")
			return
		}
		nd.Print(", Value: ")
		if int(typ) < len(radiusAttrs) && alen > 2 {
			if a := &radiusAttrs[typ]; a.print != nil {
				a.print(nd, b, off+2, alen-2, typ, a)
			}
		}
		if nd.Verbose > 1 {
			unknownDataPrint(nd, b, off+2, "\n\t    ", alen-2)
		}
		length -= alen
		off += alen
	}
}

// radiusPrintTag prints the tag octet of a tunnel attribute.
func radiusPrintTag(nd *ND, tag uint8) {
	if tag == 0 {
		nd.Print("Tag[Unused] ")
	} else {
		nd.Printf("Tag[%d] ", tag)
	}
}

// radiusPrintable prints bytes as ASCII, others as '.'.
func radiusPrintable(nd *ND, c uint8) {
	if c < 0x20 || c > 0x7e {
		c = '.'
	}
	nd.PrintByte(c)
}

func radiusString(nd *ND, b []byte, off, n int, code uint8, _ *radiusAttr) {
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	switch code {
	case radTunnelPass:
		if n < 3 {
			nd.PrintTrunc()
			return
		}
		if t := getU8(b, off); t != 0 && t <= 0x1f {
			nd.Printf("Tag[%d] ", t)
		} else {
			nd.Print("Tag[Unused] ")
		}
		nd.Printf("Salt %d ", getBE16(b, off+1))
		off += 3
		n -= 3
	case radTunnelClientEnd, radTunnelServerEnd, radTunnelPrivGroup, radTunnelAssignID,
		radTunnelClientAuth, radTunnelServerAuth:
		if t := getU8(b, off); t <= 0x1f {
			radiusPrintTag(nd, t)
			off++
			n--
		}
	case radEgressVLANName:
		t := getU8(b, off)
		nd.Printf("%s (0x%02x) ", tok2str(radiusTagged, "Unknown tag", uint32(t)), t)
		off++
		n--
	case radEAPMessage:
		if int(getBE16(b, off+2)) != n {
			nd.Print("EAP fragment?")
			return
		}
		eapBodyPrint(nd, b[off:])
		return
	}
	for i := 0; i < n; i++ {
		c := getU8(b, off+i)
		if c == 0 {
			break
		}
		radiusPrintable(nd, c)
	}
}

func radiusVendor(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if n < 4 {
		nd.PrintTrunc()
		return
	}
	vendor := getBE32(b, off)
	off += 4
	n -= 4
	nd.Printf("Vendor: %s (%d)", tok2str(smiEnterprises, "Unknown", vendor), vendor)
	for n >= 2 {
		vtype := getU8(b, off)
		vlen := int(getU8(b, off+1))
		if vlen < 2 {
			nd.Printf("\n\t    Vendor Attribute: %d, Length: %d (bogus, must be >= 2)", vtype, vlen)
			return
		}
		if vlen > n {
			nd.Printf("\n\t    Vendor Attribute: %d, Length: %d (bogus, goes past end of vendor-specific attribute)", vtype, vlen)
			return
		}
		off += 2
		vlen -= 2
		n -= 2
		if !ttest(b, off, vlen) {
			nd.PrintTrunc()
			return
		}
		nd.Printf("\n\t    Vendor Attribute: %d, Length: %d, Value: ", vtype, vlen)
		for i := 0; i < vlen; i++ {
			radiusPrintable(nd, b[off+i])
		}
		off += vlen
		n -= vlen
	}
}

func radiusNum(nd *ND, b []byte, off, n int, code uint8, a *radiusAttr) {
	if n != 4 {
		nd.Printf("ERROR: length %d != 4", n)
		return
	}
	if a.values != nil {
		var v uint32
		if code == radTunnelType || code == radTunnelMedium {
			radiusPrintTag(nd, getU8(b, off))
			v = getBE24(b, off+1)
		} else {
			v = getBE32(b, off)
		}
		if v >= a.first && v < uint32(len(a.values)) {
			nd.Print(a.values[v])
		} else {
			nd.Printf("#%d", v)
		}
		return
	}
	v := getBE32(b, off)
	switch code {
	case radFramedIPX:
		if v == 0xfffffffe {
			nd.Print("NAS Select")
		} else {
			nd.PrintUint(uint64(v))
		}
	case radSessionTimeout, radIdleTimeout, radAcctDelay, radAcctSessionTime, radAcctInterim:
		switch {
		case v < 60:
			nd.Printf("%02d secs", v)
		case v < 3600:
			nd.Printf("%02d:%02d min", v/60, v%60)
		default:
			nd.Printf("%02d:%02d:%02d hours", v/3600, (v%3600)/60, v%60)
		}
	case radAtalkLink:
		if v != 0 {
			nd.PrintUint(uint64(v))
		} else {
			nd.Print("Unnumbered")
		}
	case radAtalkNetwork:
		if v != 0 {
			nd.PrintUint(uint64(v))
		} else {
			nd.Print("NAS assigned")
		}
	case radTunnelPreference:
		radiusPrintTag(nd, getU8(b, off))
		nd.PrintUint(uint64(getBE24(b, off+1)))
	case radEgressVLANID:
		t := getU8(b, off)
		nd.Printf("%s (0x%02x) ", tok2str(radiusTagged, "Unknown tag", uint32(t)), t)
		nd.PrintUint(uint64(getBE24(b, off+1)))
	default:
		nd.PrintUint(uint64(v))
	}
}

func radiusAddr(nd *ND, b []byte, off, n int, code uint8, _ *radiusAttr) {
	if n != 4 {
		nd.Printf("ERROR: length %d != 4", n)
		return
	}
	v := getBE32(b, off)
	switch {
	case (code == radFramedIPAddr || code == radLoginIPHost) && v == 0xffffffff:
		nd.Print("User Selected")
	case (code == radFramedIPAddr || code == radLoginIPHost) && v == 0xfffffffe:
		nd.Print("NAS Select")
	default:
		nd.PrintIPAddr(b, off)
	}
}

func radiusAddr6(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if n != 16 {
		nd.Printf("ERROR: length %d != 16", n)
		return
	}
	tcheck(b, off, 16)
	nd.PrintIP6Addr(b, off)
}

func radiusNetmask6(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if n < 2 || n > 18 {
		nd.Printf("ERROR: length %d not in range (2..18)", n)
		return
	}
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	plen := int(getU8(b, off+1))
	if plen > 128 {
		nd.Printf("ERROR: netmask %d not in range (0..128)", plen)
		return
	}
	var prefix [16]byte
	copy(prefix[:], b[off+2:off+n])
	nd.PrintIP6Addr(prefix[:], 0)
	nd.Printf("/%d", plen)
	if plen > 8*(n-2) {
		nd.Print(" (inconsistent prefix length)")
	}
}

func radiusMIP6Prefix(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if n != 17 {
		nd.Printf("ERROR: length %d != 17", n)
		return
	}
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	plen := getU8(b, off)
	if plen > 128 {
		nd.Printf("ERROR: netmask %d not in range (0..128)", plen)
		return
	}
	nd.PrintIP6Addr(b, off+1)
	nd.Printf("/%d", plen)
}

func radiusOperatorName(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	if n < 2 {
		nd.Printf("ERROR: length %d < 2", n)
		return
	}
	nd.Printf("[%s] ", tok2str(radiusOperatorNamespaces, "unknown namespace %d", uint32(getU8(b, off))))
	nd.printjn(b, off+1, n-1)
}

func radiusLocationInfo(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	if n < 21 {
		nd.Printf("ERROR: length %d < 21", n)
		return
	}
	nd.Printf("index %d, code %s, entity %s, ", getBE16(b, off),
		tok2str(radiusLocationCodes, "Unknown (%d)", uint32(getU8(b, off+2))),
		tok2str(radiusLocationEntities, "Unknown (%d)", uint32(getU8(b, off+3))))
	nd.Print("sighting time ")
	ntpTimestamp(nd, b, off+4)
	nd.Print(", time to live ")
	ntpTimestamp(nd, b, off+12)
	nd.Print(", method \"")
	nd.printjn(b, off+20, n-20)
	nd.Print("\"")
}

func radiusLocationData(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	if n < 3 {
		nd.Printf("ERROR: length %d < 3", n)
		return
	}
	nd.Printf("index %d, location", getBE16(b, off))
	nd.HexASCIIPrint("\n\t    ", b[off+2:off+n])
}

func radiusPolicyRules(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if !ttest(b, off, n) {
		nd.PrintTrunc()
		return
	}
	if n < 10 {
		nd.Printf("ERROR: length %d < 10", n)
		return
	}
	nd.Printf("flags [%s], ", bittok2str(radiusPolicyFlags, "none", uint32(getBE16(b, off))))
	nd.Print("retention expires ")
	ntpTimestamp(nd, b, off+2)
	if n > 10 {
		nd.Print(", note well \"")
		nd.printjn(b, off+10, n-10)
		nd.Print("\"")
	}
}

func radiusTime(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if n != 4 {
		nd.Printf("ERROR: length %d != 4", n)
		return
	}
	t := time.Unix(int64(getBE32(b, off)), 0)
	nd.out = t.AppendFormat(nd.out, "Mon Jan _2 15:04:05 2006")
}

func radiusVector64(nd *ND, b []byte, off, n int, _ uint8, _ *radiusAttr) {
	if n != 8 {
		nd.Printf("ERROR: length %d != 8", n)
		return
	}
	nd.Print("[")
	v := getBE64(b, off)
	sep := ""
	for _, f := range radiusMIP6Features {
		if v&f.bit != 0 {
			nd.Print(sep)
			nd.Print(f.name)
			sep = ", "
		}
	}
	nd.Print("]")
}

// radiusHexUpper prints n bytes as uppercase hex (PRINT_HEX).
func radiusHexUpper(nd *ND, b []byte, off, n int) {
	for i := 0; i < n; i++ {
		nd.Printf("%02X", getU8(b, off+i))
	}
}

func radiusStrange(nd *ND, b []byte, off, n int, code uint8, _ *radiusAttr) {
	switch code {
	case radARAPPass:
		if n != 16 {
			nd.Printf("ERROR: length %d != 16", n)
			return
		}
		nd.Print("User_challenge (")
		radiusHexUpper(nd, b, off, 8)
		nd.Print(") User_resp(")
		radiusHexUpper(nd, b, off+8, 8)
		nd.Print(")")
	case radARAPFeatures:
		if n != 14 {
			nd.Printf("ERROR: length %d != 14", n)
			return
		}
		if getU8(b, off) != 0 {
			nd.Print("User can change password")
		} else {
			nd.Print("User cannot change password")
		}
		nd.Printf(", Min password length: %d", getU8(b, off+1))
		nd.Print(", created at: ")
		radiusHexUpper(nd, b, off+2, 4)
		nd.Print(", expires in: ")
		radiusHexUpper(nd, b, off+6, 4)
		nd.Print(", Current Time: ")
		radiusHexUpper(nd, b, off+10, 4)
	case radARAPChallenge:
		if n < 8 {
			nd.Printf("ERROR: length %d != 8", n)
			return
		}
		radiusHexUpper(nd, b, off, 8)
	case radErrorCause:
		if n != 4 {
			nd.Printf("Error: length %d != 4", n)
			return
		}
		v := getBE32(b, off)
		nd.Printf("Error cause %d: %s", v, tok2str(radiusErrorCauses, "Error-Cause %d not known", v))
	}
}
