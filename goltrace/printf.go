package main

import (
	"github.com/goclues/goclues/common/ptrace"
	"github.com/goclues/goclues/goltrace/proto"
)

// Types of printf arguments, by conversion and length modifier.
var (
	fmtInt    = &proto.Type{Kind: proto.Int}
	fmtUint   = &proto.Type{Kind: proto.Uint}
	fmtLong   = &proto.Type{Kind: proto.Long}
	fmtUlong  = &proto.Type{Kind: proto.Ulong}
	fmtShort  = &proto.Type{Kind: proto.Short}
	fmtUshort = &proto.Type{Kind: proto.Ushort}
	fmtChar   = &proto.Type{Kind: proto.Char}
	fmtDouble = &proto.Type{Kind: proto.Double}
	fmtString = &proto.Type{Kind: proto.String}
	fmtAddr   = &proto.Type{Kind: proto.Addr}
	fmtHex    = &proto.Type{Kind: proto.Uint, Lens: proto.Hex}
	fmtHexL   = &proto.Type{Kind: proto.Ulong, Lens: proto.Hex}
	fmtOct    = &proto.Type{Kind: proto.Uint, Lens: proto.Octal}
	fmtOctL   = &proto.Type{Kind: proto.Ulong, Lens: proto.Octal}
)

// maxFormat bounds how much of a format string is read to find the
// conversions.
const maxFormat = 4096

// argFetcher hands out a call's arguments in ABI order.
type argFetcher interface {
	nextInt() uint64
	nextFloat() uint64
}

// appendFormatArgs appends ", value" for every conversion of the printf
// format at addr, fetching the values from f.
func (c *valueCtx) appendFormatArgs(dst []byte, addr uint64, f argFetcher) []byte {
	if addr == 0 {
		return dst
	}
	s, _, _ := ptrace.ReadString(c.pid, addr, maxFormat, c.fmtBuf)
	c.fmtBuf = s[:0]
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			continue
		}
		i++
		length := 0 // -2 hh, -1 h, 1 l, 2 ll
	spec:
		for ; i < len(s); i++ {
			ch := s[i]
			var t *proto.Type
			switch ch {
			case '%':
				break spec
			case '*':
				dst = append(dst, ", "...)
				dst = c.appendValue(dst, fmtInt, f.nextInt(), 0)
				continue
			case 'h':
				length--
				continue
			case 'l', 'q', 'j', 'z', 't', 'L':
				length++
				continue
			case 'd', 'i':
				t = [...]*proto.Type{fmtChar, fmtShort, fmtInt, fmtLong, fmtUlong}[clampLen(length)]
			case 'u':
				t = [...]*proto.Type{fmtUint, fmtUshort, fmtUint, fmtUlong, fmtUlong}[clampLen(length)]
			case 'x', 'X':
				t = fmtHex
				if length > 0 {
					t = fmtHexL
				}
			case 'o':
				t = fmtOct
				if length > 0 {
					t = fmtOctL
				}
			case 'c':
				t = fmtChar
			case 's':
				t = fmtString
			case 'p', 'n':
				t = fmtAddr
			case 'e', 'E', 'f', 'F', 'g', 'G', 'a', 'A':
				dst = append(dst, ", "...)
				dst = c.appendValue(dst, fmtDouble, f.nextFloat(), 0)
				break spec
			default:
				if ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '+' || ch == ' ' || ch == '#' || ch == '\'' {
					continue
				}
				break spec
			}
			dst = append(dst, ", "...)
			dst = c.appendValue(dst, t, f.nextInt(), 0)
			break
		}
	}
	return dst
}

// clampLen maps a length count to an index: hh, h, none, l, ll.
func clampLen(n int) int {
	switch {
	case n <= -2:
		return 0
	case n == -1:
		return 1
	case n == 0:
		return 2
	case n == 1:
		return 3
	}
	return 4
}
