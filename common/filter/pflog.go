package filter

// OpenBSD/FreeBSD pflog: a variable-length header naming the interface,
// ruleset, rule, reason and action of a packet-filter decision.

const dltPFLOG = 117

// Offsets in struct pfloghdr.
const (
	pflogAF        = 1
	pflogAction    = 2
	pflogReason    = 3
	pflogIfname    = 4
	pflogRuleset   = 20
	pflogRulenr    = 36
	pflogSubrulenr = 40
	pflogDir       = 60
	pflogNameSize  = 16

	pfIn  = 1
	pfOut = 2
)

var pfReasons = []nameVal{
	{"match", 0}, {"bad-offset", 1}, {"fragment", 2}, {"short", 3}, {"normalize", 4},
	{"memory", 5}, {"bad-timestamp", 6}, {"congestion", 7}, {"ip-option", 8},
	{"proto-cksum", 9}, {"state-mismatch", 10}, {"state-insert", 11},
	{"state-limit", 12}, {"src-limit", 13}, {"synproxy", 14},
}

var pfActions = []nameVal{
	{"pass", 0}, {"accept", 0}, {"drop", 1}, {"block", 1}, {"scrub", 2},
	{"noscrub", 3}, {"nat", 4}, {"nonat", 5}, {"binat", 6}, {"nobinat", 7},
	{"rdr", 8}, {"nordr", 9}, {"synproxy-drop", 10},
}

func init() {
	linkInfos[dltPFLOG] = linkInfo{0, 0, 0, 0}
}

// pflogPrefixLen computes the pflog header length (its first byte,
// rounded up to a multiple of 4) into the payload register.
func (c *compiler) pflogPrefixLen() *stmt {
	if c.offLinkPl.reg == -1 {
		return nil
	}
	return chain(newStmt(clsLD|szB|modeABS, 0), newStmt(clsALU|aluADD|srcK, 3),
		newStmt(clsALU|aluAND|srcK, 0xfffffffc), newStmt(clsST, uint32(c.offLinkPl.reg)),
		newStmt(clsMISC|miscTAX, 0))
}

func (c *compiler) pflogLinktype(proto uint32) *block {
	switch proto {
	case ethertypeIP:
		return c.cmp(orLinkHdr, pflogAF, szB, 2)
	case ethertypeIPV6:
		return c.cmp(orLinkHdr, pflogAF, szB, 10)
	}
	return genFalse()
}

// pfKeywords maps each pf primitive keyword to its field name.
var pfKeywords = map[string]string{
	"on": "ifname", "ifname": "ifname", "rset": "ruleset", "ruleset": "ruleset",
	"rnr": "rnr", "rulenum": "rnr", "srnr": "srnr", "subrulenum": "srnr",
	"reason": "reason", "action": "action",
}

// pfPrimitive parses and generates a pf primitive; ok is false for other
// words.
func (p *parser) pfPrimitive() (*block, bool) {
	field, ok := pfKeywords[p.cur.text]
	if !ok {
		return nil, false
	}
	p.advance()
	c := p.c
	check := func() {
		if c.linktype != dltPFLOG {
			fail("%s supported only on PF linktype", field)
		}
	}
	switch field {
	case "ifname", "ruleset":
		if p.cur.kind != tID {
			p.syntax()
		}
		name := p.cur.text
		p.advance()
		check()
		if len(name) >= pflogNameSize {
			if field == "ifname" {
				fail("ifname interface names can only be %d characters", pflogNameSize-1)
			}
			fail("ruleset names can only be %d characters", pflogNameSize-1)
		}
		off := uint32(pflogIfname)
		if field == "ruleset" {
			off = pflogRuleset
		}
		return c.bcmp(orLinkHdr, off, []byte(name)), true
	case "rnr", "srnr":
		v := p.expectNum()
		check()
		off := uint32(pflogRulenr)
		if field == "srnr" {
			off = pflogSubrulenr
		}
		return c.cmp(orLinkHdr, off, szW, v), true
	case "reason":
		var v uint32
		switch p.cur.kind {
		case tNUM:
			v = p.expectNum()
		case tID:
			var ok bool
			if v, ok = lookupName(pfReasons, p.cur.text); !ok {
				fail("unknown PF reason \"%s\"", p.cur.text)
			}
			p.advance()
		default:
			p.syntax()
		}
		check()
		return c.cmp(orLinkHdr, pflogReason, szB, v), true
	}
	if p.cur.kind != tID {
		p.syntax()
	}
	v, ok := lookupName(pfActions, p.cur.text)
	if !ok {
		fail("unknown PF action \"%s\"", p.cur.text)
	}
	p.advance()
	check()
	return c.cmp(orLinkHdr, pflogAction, szB, v), true
}
