package filter

// SS7 link types (MTP2, MTP2 with pseudo-header, ERF): signal-unit types
// from the length indicator, and MTP3 routing-label fields.

const (
	dltMTP2WithPHdr = 139
	dltMTP2         = 140
	dltERF          = 197
)

// ss7Offsets are where the length indicator (plain and high-speed) and
// the MTP3 fields are.
type ss7Offsets struct{ li, liHSL, sio, opc, dpc, sls uint32 }

var ss7Links = map[int]ss7Offsets{
	dltMTP2:         {2, 4, 3, 4, 4, 7},
	dltMTP2WithPHdr: {6, 8, 7, 8, 8, 11},
	dltERF:          {22, 24, 23, 24, 24, 27},
}

func init() {
	for dlt := range ss7Links {
		linkInfos[dlt] = linkInfo{offsetNotSet, offsetNotSet, offsetNotSet, offsetNotSet}
	}
}

func (c *compiler) ss7() (ss7Offsets, bool) {
	o, ok := ss7Links[c.linktype]
	return o, ok
}

// mtp2Type generates fisu/lssu/msu and their high-speed variants; ok is
// false for other words.
func (c *compiler) mtp2Type(word string) (*block, bool) {
	type liTest struct {
		hsl           bool
		lowGT, lowRev bool // first comparison: jgt (else jeq), reversed
		low           uint32
		high          bool // a second "greater than 0" test
	}
	tests := map[string]liTest{
		"fisu": {false, false, false, 0, false}, "lssu": {false, true, true, 2, true},
		"lsu": {false, true, true, 2, true}, "msu": {false, true, false, 2, false},
		"hfisu": {true, false, false, 0, false}, "hlssu": {true, true, true, 0x0100, true},
		"hmsu": {true, true, false, 0x0100, false},
	}
	tc, ok := tests[word]
	if !ok {
		return nil, false
	}
	o, isSS7 := c.ss7()
	if !isSS7 {
		fail("%s", linkOnlyKeywords[word])
	}
	off, size, mask := o.li, uint16(szB), uint32(0x3f)
	if tc.hsl {
		off, size, mask = o.liHSL, szH, 0xff80
	}
	jtype := uint16(jmpJEQ)
	if tc.lowGT {
		jtype = jmpJGT
	}
	b0 := c.ncmp(orPacket, off, size, mask, jtype, tc.lowRev, tc.low)
	if tc.high {
		b1 := c.ncmp(orPacket, off, size, mask, jmpJGT, false, 0)
		and(b1, b0)
	}
	return b0, true
}

// mtp3Field compares sio, opc, dpc or sls (h-prefixed: the high-speed
// layout, 3 bytes further).
func (c *compiler) mtp3Field(word string, v uint32, jtype uint16, reverse bool) *block {
	o, _ := c.ss7()
	high := word[0] == 'h'
	name := word
	if high {
		name = word[1:]
	}
	shift := func(off uint32) uint32 {
		if high {
			return off + 3
		}
		return off
	}
	switch name {
	case "sio":
		if v > 255 {
			fail("sio value %d too big; max value = 255", v)
		}
		return c.ncmp(orPacket, shift(o.sio), szB, 0xffffffff, jtype, reverse, v)
	case "opc":
		if v > 16383 {
			fail("opc value %d too big; max value = 16383", v)
		}
		v = (v&0x3c00)>>10 + (v&0x03fc)<<6 + (v&0x0003)<<22
		return c.ncmp(orPacket, shift(o.opc), szW, 0x00c0ff0f, jtype, reverse, v)
	case "dpc":
		if v > 16383 {
			fail("dpc value %d too big; max value = 16383", v)
		}
		v = (v&0xff)<<24 + (v&0x3f00)<<8
		return c.ncmp(orPacket, shift(o.dpc), szW, 0xff3f0000, jtype, reverse, v)
	}
	if v > 15 {
		fail("sls value %d too big; max value = 15", v)
	}
	return c.ncmp(orPacket, shift(o.sls), szB, 0xf0, jtype, reverse, v<<4)
}
