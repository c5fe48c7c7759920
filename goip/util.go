package main

import (
	"strconv"
	"strings"

	"github.com/goclues/goclues/goip/rtnames"
	"golang.org/x/sys/unix"
)

// inetPrefix is iproute2's inet_prefix: an address with its family, length
// in bytes and prefix length in bits (-1: none given, -2: default/any).
type inetPrefix struct {
	family  int
	bytelen int
	bitlen  int
	data    [16]byte
	lenSet  bool
}

func (p *inetPrefix) bytes() []byte { return p.data[:p.bytelen] }

func afByteLen(f int) int {
	switch f {
	case unix.AF_INET:
		return 4
	case unix.AF_INET6:
		return 16
	}
	return 0
}

func afBitLen(f int) int { return afByteLen(f) * 8 }

// parseUnsigned is get_unsigned(…, 0): a C strtoul of the whole string.
func parseUnsigned(s string) (uint32, bool) {
	v, ok := rtnames.ParseUint(strings.TrimLeft(s, " \t\n"), 0xffffffff)
	return uint32(v), ok
}

// parseU8 is get_u8(…, 0).
func parseU8(s string) (uint8, bool) {
	v, ok := rtnames.ParseUint(s, 255)
	return uint8(v), ok
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// parseIPv4 is iproute2's get_addr_ipv4: one to four dot-separated numbers
// in C notation, each at most 255.
func parseIPv4(s string, out []byte) bool {
	for i := 0; i < 4; i++ {
		j := 0
		for j < len(s) && s[j] != '.' {
			j++
		}
		v, ok := rtnames.ParseUint(s[:j], 255)
		if !ok {
			return false
		}
		out[i] = byte(v)
		if j == len(s) {
			return true
		}
		if i == 3 {
			return false
		}
		s = s[j+1:]
	}
	return true
}

// parseIPv6 accepts what inet_pton(AF_INET6) accepts.
func parseIPv6(s string, out []byte) bool {
	var words [8]uint16
	n := 0
	gap := -1
	if strings.HasPrefix(s, "::") {
		gap = 0
		s = s[2:]
		if s == "" {
			copy(out, make([]byte, 16))
			return true
		}
	} else if strings.HasPrefix(s, ":") {
		return false
	}
	for s != "" {
		if n == 8 {
			return false
		}
		j := 0
		for j < len(s) && s[j] != ':' && s[j] != '.' {
			j++
		}
		if j < len(s) && s[j] == '.' {
			if n > 6 {
				return false
			}
			var v4 [4]byte
			if !strictIPv4(s, v4[:]) {
				return false
			}
			words[n] = uint16(v4[0])<<8 | uint16(v4[1])
			words[n+1] = uint16(v4[2])<<8 | uint16(v4[3])
			n += 2
			s = ""
			break
		}
		if j == 0 || j > 4 {
			return false
		}
		v, err := strconv.ParseUint(s[:j], 16, 16)
		if err != nil {
			return false
		}
		words[n] = uint16(v)
		n++
		s = s[j:]
		if s == "" {
			break
		}
		s = s[1:]
		if strings.HasPrefix(s, ":") {
			if gap >= 0 {
				return false
			}
			gap = n
			s = s[1:]
		} else if s == "" {
			return false
		}
	}
	if gap < 0 && n != 8 || gap >= 0 && n == 8 {
		return false
	}
	var full [8]uint16
	if gap >= 0 {
		copy(full[:], words[:gap])
		copy(full[8-(n-gap):], words[gap:n])
	} else {
		full = words
	}
	for i, w := range full {
		out[2*i] = byte(w >> 8)
		out[2*i+1] = byte(w)
	}
	return true
}

// strictIPv4 accepts exactly four decimal parts (inet_pton AF_INET).
func strictIPv4(s string, out []byte) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return false
	}
	for i, p := range parts {
		if p == "" || len(p) > 3 || (len(p) > 1 && p[0] == '0') {
			return false
		}
		v, err := strconv.ParseUint(p, 10, 8)
		if err != nil {
			return false
		}
		out[i] = byte(v)
	}
	return true
}

// getAddr1 is iproute2's get_addr_1.
func getAddr1(name string, family int) (inetPrefix, bool) {
	var a inetPrefix
	switch name {
	case "default":
		if family == unix.AF_MPLS {
			return a, false
		}
		a.family, a.bytelen, a.bitlen, a.lenSet = family, afByteLen(family), -2, true
		return a, true
	case "all", "any":
		if family == unix.AF_MPLS {
			return a, false
		}
		a.family, a.bitlen = family, -2
		return a, true
	}
	if family == unix.AF_PACKET || family == unix.AF_MPLS {
		return a, false
	}
	if strings.Contains(name, ":") {
		a.family = unix.AF_INET6
		if family != unix.AF_UNSPEC && family != unix.AF_INET6 {
			return a, false
		}
		if !parseIPv6(name, a.data[:]) {
			return a, false
		}
		a.bytelen, a.bitlen = 16, -1
		return a, true
	}
	a.family = unix.AF_INET
	if family != unix.AF_UNSPEC && family != unix.AF_INET {
		return a, false
	}
	if !parseIPv4(name, a.data[:]) {
		return a, false
	}
	a.bytelen, a.bitlen = 4, -1
	return a, true
}

// getNetmask is get_netmask: a number or a dotted mask.
func getNetmask(s string) (int, bool) {
	if v, ok := parseUnsigned(s); ok {
		return int(v), true
	}
	a, ok := getAddr1(s, unix.AF_INET)
	if !ok || a.family != unix.AF_INET {
		return 0, false
	}
	m := uint32(a.data[0])<<24 | uint32(a.data[1])<<16 | uint32(a.data[2])<<8 | uint32(a.data[3])
	bits := 0
	for m&0x80000000 != 0 {
		bits++
		m <<= 1
	}
	if m != 0 {
		return 0, false
	}
	return bits, true
}

// getPrefix1 is get_prefix_1.
func getPrefix1(arg string, family int) (inetPrefix, bool) {
	addr, plen, slash := strings.Cut(arg, "/")
	a, ok := getAddr1(addr, family)
	if !ok {
		return a, false
	}
	bitlen := afBitLen(a.family)
	if slash {
		if a.bitlen == -2 {
			return a, false
		}
		n, ok := getNetmask(plen)
		if !ok || n > bitlen {
			return a, false
		}
		a.lenSet = true
		bitlen = n
	} else if a.bitlen == -2 {
		bitlen = 0
	}
	a.bitlen = bitlen
	return a, true
}

// getPrefix parses a prefix or exits 1 with iproute2's message.
func getPrefix(arg string, family int) inetPrefix {
	if family == unix.AF_PACKET {
		errorf("Error: \"%s\" may be inet prefix, but it is not allowed in this context.\n", arg)
		fail(1)
	}
	a, ok := getPrefix1(arg, family)
	if !ok {
		errorf("Error: %s prefix is expected rather than \"%s\".\n", familyNameVerbose(family), arg)
		fail(1)
	}
	return a
}

// getAddr parses an address or exits 1 with iproute2's message.
func getAddr(arg string, family int) inetPrefix {
	if family == unix.AF_PACKET {
		errorf("Error: \"%s\" may be inet address, but it is not allowed in this context.\n", arg)
		fail(1)
	}
	a, ok := getAddr1(arg, family)
	if !ok {
		errorf("Error: %s address is expected rather than \"%s\".\n", familyNameVerbose(family), arg)
		fail(1)
	}
	return a
}

// addrMatch is inet_addr_match: do the first bits of a and b agree?
func addrMatch(a []byte, b *inetPrefix, bits int) bool {
	if bits < 0 {
		return true
	}
	n := bits / 8
	if n > len(a) || n > 16 {
		return false
	}
	for i := 0; i < n; i++ {
		if a[i] != b.data[i] {
			return false
		}
	}
	if r := bits % 8; r != 0 {
		if n >= len(a) {
			return false
		}
		mask := byte(0xff << (8 - r))
		if (a[n]^b.data[n])&mask != 0 {
			return false
		}
	}
	return true
}

const hexd = "0123456789abcdef"

// appendAddr formats an address as inet_ntop does (rt_addr_n2a).
func appendAddr(b []byte, family int, a []byte) []byte {
	switch {
	case family == unix.AF_INET && len(a) >= 4 || family != unix.AF_INET6 && len(a) == 4:
		b = strconv.AppendUint(b, uint64(a[0]), 10)
		for _, c := range a[1:4] {
			b = append(b, '.')
			b = strconv.AppendUint(b, uint64(c), 10)
		}
		return b
	case len(a) >= 16:
		return appendIPv6(b, a)
	case family == unix.AF_PACKET:
		return appendLLAddr(b, a)
	}
	return append(b, "???"...)
}

func appendIPv6(b []byte, a []byte) []byte {
	var w [8]int
	for i := range w {
		w[i] = int(a[2*i])<<8 | int(a[2*i+1])
	}
	best, bestLen, cur, curLen := -1, 0, -1, 0
	for i := 0; i < 8; i++ {
		if w[i] == 0 {
			if cur < 0 {
				cur, curLen = i, 1
			} else {
				curLen++
			}
			if curLen > bestLen {
				best, bestLen = cur, curLen
			}
		} else {
			cur = -1
		}
	}
	if bestLen < 2 {
		best = -1
	}
	for i := 0; i < 8; i++ {
		if best >= 0 && i >= best && i < best+bestLen {
			if i == best {
				b = append(b, ':')
			}
			continue
		}
		if i != 0 {
			b = append(b, ':')
		}
		if i == 6 && best == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff) {
			b = strconv.AppendUint(b, uint64(a[12]), 10)
			for _, c := range a[13:16] {
				b = append(b, '.')
				b = strconv.AppendUint(b, uint64(c), 10)
			}
			return b
		}
		b = strconv.AppendUint(b, uint64(w[i]), 16)
	}
	if best >= 0 && best+bestLen == 8 {
		b = append(b, ':')
	}
	return b
}

// appendLLAddr formats a link-layer address as colon-separated hex.
func appendLLAddr(b []byte, a []byte) []byte {
	for i, c := range a {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hexd[c>>4], hexd[c&15])
	}
	return b
}
