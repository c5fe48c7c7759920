package filter

import "github.com/goclues/goclues/common/capture"

// Juniper link types carry a "MGC" magic cookie; libpcap's protocol
// tests on them only check the cookie. Solaris ipnet carries an address
// family byte.

const (
	dltIPNET = 226

	junMagic     = 0x4d474300
	junMagicMask = 0xffffff00
)

// juniperLinks gives each Juniper link type's offsets, by DLT name:
// protocol field, payload, network header with and without SNAP.
var juniperLinks = map[string]linkInfo{
	"JUNIPER_MFR": {4, 4, 0, offsetNotSet}, "JUNIPER_MLFR": {4, 4, 0, offsetNotSet},
	"JUNIPER_MLPPP": {4, 4, 0, offsetNotSet}, "JUNIPER_PPP": {4, 4, 0, offsetNotSet},
	"JUNIPER_CHDLC": {4, 4, 0, offsetNotSet}, "JUNIPER_FRELAY": {4, 4, 0, offsetNotSet},
	"JUNIPER_ATM1": {4, 4, 0, 10}, "JUNIPER_ATM2": {8, 8, 0, 10},
	"JUNIPER_PPPOE": {16, 14, 18, 21}, "JUNIPER_ETHER": {16, 14, 18, 21},
	"JUNIPER_PPPOE_ATM": {4, 6, 0, offsetNotSet}, "JUNIPER_GGSN": {6, 12, 0, offsetNotSet},
	"JUNIPER_ES":           {6, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_MONITOR":      {12, 12, 0, offsetNotSet},
	"JUNIPER_SERVICES":     {12, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_VP":           {18, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_ST":           {18, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_ISM":          {8, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_VS":           {8, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_SRX_E2E":      {8, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_FIBRECHANNEL": {8, offsetNotSet, offsetNotSet, offsetNotSet},
	"JUNIPER_ATM_CEMIC":    {8, offsetNotSet, offsetNotSet, offsetNotSet},
}

func init() {
	for name, info := range juniperLinks {
		if dlt, ok := capture.LinkTypeByName(name); ok {
			linkInfos[dlt] = info
		}
	}
	linkInfos[dltIPNET] = linkInfo{1, 24, 0, offsetNotSet}
}

func isJuniper(lt int) bool {
	_, ok := juniperLinks[capture.LinkTypeName(lt)]
	return ok
}

// juniperMagic is every protocol test on a Juniper link type.
func (c *compiler) juniperMagic() *block {
	return c.mcmp(orLinkHdr, 0, szW, junMagic, junMagicMask)
}

// ipnetLinktype tests the address family of a Solaris ipnet header.
func (c *compiler) ipnetLinktype(proto uint32) *block {
	switch proto {
	case ethertypeIP:
		return c.cmp(orLinkType, 0, szB, 2)
	case ethertypeIPV6:
		return c.cmp(orLinkType, 0, szB, 26)
	}
	return genFalse()
}
