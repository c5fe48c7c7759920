package main

import (
	"encoding/binary"
	"strings"

	"github.com/goclues/goclues/goip/rtnames"

	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// Lightweight tunnel encapsulation types and attributes (linux/lwtunnel.h).
const (
	lwtEncapMPLS = 1
	lwtEncapIP   = 2
	lwtEncapIP6  = 4

	lwtIPID    = 1
	lwtIPDst   = 2
	lwtIPSrc   = 3
	lwtIPTTL   = 4
	lwtIPTos   = 5
	lwtIPFlags = 6

	tunnelCsum = 0x01
	tunnelKey  = 0x04
	tunnelSeq  = 0x08
)

var encapTypeNames = []string{"none", "mpls", "ip", "ila", "ip6", "seg6", "bpf", "seg6local", "rpl", "ioam6", "xfrm"}

// printEncap is lwt_print_encap for the ip and ip6 encapsulations; other
// types print their name only.
func printEncap(typ []byte, encap []byte) {
	if len(typ) < 2 {
		return
	}
	et := int(binary.NativeEndian.Uint16(typ))
	name := "unknown"
	if et < len(encapTypeNames) {
		name = encapTypeNames[et]
	}
	pr.str("encap", " encap ", name, " ")
	if et != lwtEncapIP && et != lwtEncapIP6 {
		return
	}
	family, ttlWord, tosWord := unix.AF_INET, "ttl", "tos"
	if et == lwtEncapIP6 {
		family, ttlWord, tosWord = unix.AF_INET6, "hoplimit", "tc"
	}
	var tb rtnl.Table
	if tb.Parse(encap) != nil {
		return
	}
	if b, ok := tb.Get(lwtIPID); ok && len(b) >= 8 {
		pr.uint("id", "id ", binary.BigEndian.Uint64(b), " ")
	}
	// Here the colour covers the word as well as the address.
	for _, f := range []struct {
		attr int
		word string
	}{{lwtIPSrc, "src"}, {lwtIPDst, "dst"}} {
		b, ok := tb.Get(f.attr)
		if !ok {
			continue
		}
		if pr.json() {
			pr.strBytes(f.word, "", appendAddr(pr.buf[:0], family, b), "")
			continue
		}
		pr.buf = append(append(pr.buf[:0], f.word...), ' ')
		pr.cstrBytes(familyColor(family), "", "", appendAddr(pr.buf, family, b), " ")
	}
	if tb.Has(lwtIPTTL) {
		pr.uint(ttlWord, ttlWord+" ", uint64(tb.Uint8(lwtIPTTL)), " ")
	}
	if tb.Has(lwtIPTos) {
		pr.uint(tosWord, tosWord+" ", uint64(tb.Uint8(lwtIPTos)), " ")
	}
	if b, ok := tb.Get(lwtIPFlags); ok && len(b) >= 2 {
		flags := binary.BigEndian.Uint16(b)
		for _, f := range []struct {
			bit  uint16
			name string
		}{{tunnelKey, "key"}, {tunnelCsum, "csum"}, {tunnelSeq, "seq"}} {
			if flags&f.bit != 0 {
				pr.jsonBool(f.name, true)
				pr.text(f.name + " ")
			}
		}
	}
}

// parseEncap is lwt_parse_encap for "encap ip|ip6 …": it returns the
// RTA_ENCAP and RTA_ENCAP_TYPE attributes and leaves v on the last word used.
func parseEncap(v *argv) []*nlRtAttr {
	t := v.next()
	et := 0
	for i, n := range encapTypeNames {
		if n == t && i > 0 {
			et = i
		}
	}
	if et == 0 {
		invarg("\"encap type\" value is invalid\n", t)
	}
	v.next()
	if len(v.a) <= 1 {
		errorf("Error: unexpected end of line after \"encap\"\n")
		fail(255)
	}
	typ := make([]byte, 2)
	binary.NativeEndian.PutUint16(typ, uint16(et))
	if et == lwtEncapMPLS {
		return []*nlRtAttr{parseEncapMPLS(v), rtAttr(rtnl.RTA_ENCAP_TYPE, typ)}
	}
	if et != lwtEncapIP && et != lwtEncapIP6 {
		errorf("goip: \"encap %s\" is not implemented\n", t)
		fail(1)
	}
	family, ttlWord, tosWord := unix.AF_INET, "ttl", "tos"
	if et == lwtEncapIP6 {
		family, ttlWord, tosWord = unix.AF_INET6, "hoplimit", "tc"
	}
	encap := rtAttr(rtnl.RTA_ENCAP|unix.NLA_F_NESTED, nil)
	var flags uint16
	for ; v.more(); v.skip() {
		a := v.cur()
		switch a {
		case "id":
			s := v.next()
			id, ok := parseU64(s)
			if !ok {
				invarg("\"id\" value is invalid\n", s)
			}
			b := make([]byte, 8)
			binary.BigEndian.PutUint64(b, id)
			encap.AddRtAttr(lwtIPID, b)
		case "dst", "src":
			addr := getAddr(v.next(), family)
			attr := lwtIPDst
			if a == "src" {
				attr = lwtIPSrc
			}
			encap.AddRtAttr(attr, addr.bytes())
		case tosWord:
			s := v.next()
			tos, ok := dsfieldID(s)
			if !ok {
				invarg("\""+tosWord+"\" value is invalid\n", s)
			}
			encap.AddRtAttr(lwtIPTos, []byte{byte(tos)})
		case ttlWord:
			s := v.next()
			ttl, ok := parseU8(s)
			if !ok {
				invarg("\""+ttlWord+"\" value is invalid\n", s)
			}
			encap.AddRtAttr(lwtIPTTL, []byte{ttl})
		case "key":
			flags |= tunnelKey
		case "csum":
			flags |= tunnelCsum
		case "seq":
			flags |= tunnelSeq
		default:
			goto done
		}
	}
done:
	if flags != 0 {
		b := make([]byte, 2)
		binary.BigEndian.PutUint16(b, flags)
		encap.AddRtAttr(lwtIPFlags, b)
	}
	// Leave v on the last word this parser used, as the caller advances.
	v.a = append([]string{""}, v.a...)
	return []*nlRtAttr{encap, rtAttr(rtnl.RTA_ENCAP_TYPE, typ)}
}

// parseEncapMPLS reads "LABEL[/LABEL…] [ttl N]" into RTA_ENCAP.
func parseEncapMPLS(v *argv) *nlRtAttr {
	encap := rtAttr(rtnl.RTA_ENCAP|unix.NLA_F_NESTED, nil)
	labels := strings.Split(v.cur(), "/")
	stack := make([]byte, 0, 4*len(labels))
	for i, l := range labels {
		n, ok := rtnames.ParseUint(l, 0xfffff)
		if !ok {
			errorf("Error: %s address is expected rather than \"%s\".\n", familyNameVerbose(unix.AF_MPLS), v.cur())
			fail(1)
		}
		e := uint32(n) << 12
		if i == len(labels)-1 {
			e |= 0x100 // bottom of stack
		}
		stack = binary.BigEndian.AppendUint32(stack, e)
	}
	encap.AddRtAttr(1, stack) // MPLS_IPTUNNEL_DST
	v.skip()
	if v.more() && v.cur() == "ttl" {
		s := v.next()
		ttl, ok := parseU8(s)
		if !ok {
			invarg("\"ttl\" value is invalid\n", s)
		}
		encap.AddRtAttr(2, []byte{ttl}) // MPLS_IPTUNNEL_TTL
		v.skip()
	}
	v.a = append([]string{""}, v.a...)
	return encap
}

// parseU64 is get_u64(…, 0).
func parseU64(s string) (uint64, bool) {
	return rtnames.ParseUint(s, ^uint64(0))
}
