package dissect

// The audio/video conferencing payloads tcpdump knows only by -T or a
// fixed port (print-udp.c): vat/vt audio (-T vat, port 3456), RTP v1
// and v2 (-T rtp) and RTCP (-T rtcp).

func init() {
	registerUDPDstPort("vat", vatPrint, 3456)
	registerUDPType("vat", vatPrint)
	registerUDPType("rtp", rtpPrint)
	registerUDPType("rtcp", rtcpPrintAll)
}

func vatPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("vat")
	if length < 2 {
		nd.Printf("udp/va/vat, length %d < 2", length)
		return
	}
	ts := uint32(getBE16(b, 0))
	if ts&0xf060 != 0 {
		nd.Printf("udp/vt %d %d / %d", length, ts&0x3ff, ts>>10)
		return
	}
	if length < 8 {
		nd.Printf("udp/vat, length %d < 8", length)
		return
	}
	i0, i1 := getBE32(b, 0), getBE32(b, 4)
	star := ""
	if i0&0x800000 != 0 {
		star = "*"
	}
	nd.Printf("udp/vat %d c%d %d%s", length-8, i0&0xffff, i1, star)
	if i0&0x1f0000 != 0 {
		nd.Printf(" f%d", (i0>>16)&0x1f)
	}
	if i0&0x3f000000 != 0 {
		nd.Printf(" s%d", (i0>>24)&0x3f)
	}
}

func rtpPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("rtp")
	if length < 8 {
		nd.Printf("udp/rtp, length %d < 8", length)
		return
	}
	i0, i1 := getBE32(b, 0), getBE32(b, 4)
	dlen := length - 8
	off := 8
	words := length>>2 - 2 // 32-bit words left after off
	var hasOpt, hasExt, hasMarker bool
	var contype uint32
	ptype := "rtp"
	if i0>>30 == 1 {
		hasOpt = i0&0x800000 != 0
		contype = (i0 >> 16) & 0x3f
		hasMarker = i0&0x400000 != 0
		ptype = "rtpv1"
	} else {
		if dlen < 4 {
			nd.Printf("udp/rtp, length %d < 12", dlen+8)
			return
		}
		hasExt = i0&0x10000000 != 0
		contype = (i0 >> 16) & 0x7f
		hasMarker = i0&0x800000 != 0
		dlen -= 4
		off += 4
		words--
	}
	plus, star := "", ""
	if hasOpt || hasExt {
		plus = "+"
	}
	if hasMarker {
		star = "*"
	}
	nd.Printf("udp/%s %d c%d %s%s %d %d", ptype, dlen, contype, plus, star, i0&0xffff, i1)
	if nd.Verbose == 0 {
		return
	}
	nd.Print(" ")
	nd.PrintUint(uint64(getBE32(b, 8)))
	if hasOpt {
		for {
			i2 := getBE32(b, off)
			optlen := int((i2 >> 16) & 0xff)
			if optlen == 0 || optlen > words {
				nd.Print(" !opt")
				return
			}
			off += optlen * 4
			words -= optlen
			if int32(i2) < 0 {
				break
			}
		}
	}
	if hasExt {
		i2 := getBE32(b, off)
		extlen := int(i2&0xffff) + 1
		if extlen > words {
			nd.Print(" !ext")
			return
		}
		off += extlen * 4
	}
	if contype == 0x1f {
		nd.Printf(" 0x%04x", getBE32(b, off)>>16)
	}
}

// RTCP packet types.
const (
	rtcpSR   = 200
	rtcpRR   = 201
	rtcpSDES = 202
	rtcpBYE  = 203
)

// Sizes of the RTCP header, sender info and report block.
const (
	rtcpHdrLen = 8
	rtcpSRLen  = 20
	rtcpRRLen  = 24
)

// rtcpPrintAll prints the compound RTCP packets that fill the captured
// bytes.
func rtcpPrintAll(nd *ND, b []byte, _ int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("rtcp")
	for off := 0; off < len(b); {
		n, ok := rtcpPrint(nd, b[off:])
		if !ok {
			nd.PrintTrunc()
			return
		}
		off += n
	}
}

// rtcpPrint prints one RTCP packet and returns its declared length;
// false means it was cut short.
func rtcpPrint(nd *ND, b []byte) (int, bool) {
	if !ttest(b, 0, rtcpHdrLen) {
		return 0, false
	}
	length := (int(getBE16(b, 2)) + 1) * 4
	flags := getBE16(b, 0)
	cnt := int(flags>>8) & 0x1f
	ssrc := getBE32(b, 4)
	rr := 0
	switch flags & 0xff {
	case rtcpSR:
		nd.Print(" sr")
		if length != cnt*rtcpRRLen+rtcpSRLen+rtcpHdrLen {
			nd.Printf(" [%d]", length)
		}
		if nd.Verbose > 0 {
			nd.Printf(" %d", ssrc)
		}
		if !ttest(b, rtcpHdrLen, rtcpSRLen) {
			return 0, false
		}
		ts := float64(getBE32(b, 8)) + float64(getBE32(b, 12))/4294967296.0
		nd.Printf(" @%.2f %d %dp %db", ts, getBE32(b, 16), getBE32(b, 20), getBE32(b, 24))
		rr = rtcpHdrLen + rtcpSRLen
	case rtcpRR:
		nd.Print(" rr")
		if length != cnt*rtcpRRLen+rtcpHdrLen {
			nd.Printf(" [%d]", length)
		}
		rr = rtcpHdrLen
		if nd.Verbose > 0 {
			nd.Printf(" %d", ssrc)
		}
	case rtcpSDES, rtcpBYE:
		if flags&0xff == rtcpSDES {
			nd.Printf(" sdes %d", length)
		} else {
			nd.Printf(" bye %d", length)
		}
		if nd.Verbose > 0 {
			nd.Printf(" %d", ssrc)
		}
		cnt = 0
	default:
		nd.Printf(" type-0x%x %d", flags&0xff, length)
		cnt = 0
	}
	if cnt > 1 {
		nd.Printf(" c%d", cnt)
	}
	for ; cnt != 0; cnt-- {
		if !ttest(b, rr, rtcpRRLen) {
			return 0, false
		}
		if nd.Verbose > 0 {
			nd.Printf(" %d", getBE32(b, rr))
		}
		ts := float64(getBE32(b, rr+16)) / 65536.
		dts := float64(getBE32(b, rr+20)) / 65536.
		nd.Printf(" %dl %ds %dj @%.2f+%.2f", getBE32(b, rr+4)&0x00ffffff,
			getBE32(b, rr+8), getBE32(b, rr+12), ts, dts)
		rr += rtcpRRLen
	}
	return length, true
}
