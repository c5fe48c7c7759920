package dissect

// BFD, Bidirectional Forwarding Detection (tcpdump's print-bfd.c):
// version 0 (draft-ietf-bfd-base-01) and version 1 (RFC 5880) control
// packets on the single-hop, multihop and LAG ports, with their optional
// authentication section; echo packets are dumped.

func init() {
	registerUDPDstPort("bfd", bfdPortPrint, bfdControlPort, bfdEchoPort, bfdMultihopPort, bfdLagPort)
}

const (
	bfdControlPort  = 3784 // RFC 5881
	bfdEchoPort     = 3785 // RFC 5881
	bfdMultihopPort = 4784 // RFC 5883
	bfdLagPort      = 6784 // RFC 7130

	bfdHdrLen   = 24
	bfdFlagAuth = 0x04
)

var (
	bfdPortNames = []tok{{bfdControlPort, "Control"}, {bfdMultihopPort, "Multihop"}, {bfdLagPort, "Lag"}}
	bfdDiagNames = []tok{
		{0, "No Diagnostic"}, {1, "Control Detection Time Expired"}, {2, "Echo Function Failed"},
		{3, "Neighbor Signaled Session Down"}, {4, "Forwarding Plane Reset"}, {5, "Path Down"},
		{6, "Concatenated Path Down"}, {7, "Administratively Down"}, {8, "Reverse Concatenated Path Down"},
	}
	bfdV0Flags = []tok{
		{0x80, "I Hear You"}, {0x40, "Demand"}, {0x20, "Poll"}, {0x10, "Final"},
		{0x08, "Control Plane Independent"}, {bfdFlagAuth, "Authentication Present"},
		{0x02, "Reserved"}, {0x01, "Reserved"},
	}
	bfdV1Flags = []tok{
		{0x20, "Poll"}, {0x10, "Final"}, {0x08, "Control Plane Independent"},
		{bfdFlagAuth, "Authentication Present"}, {0x02, "Demand"}, {0x01, "Multipoint"},
	}
	bfdV1States  = []tok{{0, "AdminDown"}, {1, "Down"}, {2, "Init"}, {3, "Up"}}
	bfdAuthNames = []tok{
		{1, "Simple Password"}, {2, "Keyed MD5"}, {3, "Meticulous Keyed MD5"},
		{4, "Keyed SHA1"}, {5, "Meticulous Keyed SHA1"},
	}
)

// bfdAuthDigest describes the keyed authentication types: the length the
// section must have, the digest's label and its length.
type bfdAuthDigest struct {
	fieldLen int
	label    string
	hashLen  int
}

var bfdAuthDigests = map[uint8]bfdAuthDigest{
	2: {24, "Digest", 16}, 3: {24, "Digest", 16},
	4: {28, "Hash", 20}, 5: {28, "Hash", 20},
}

func bfdPortPrint(nd *ND, b []byte, length int, _ *ipInfo, _, dport uint16) {
	bfdPrint(nd, b, length, dport)
}

// bfdPrint prints a BFD packet sent to port.
func bfdPrint(nd *ND, b []byte, length int, port uint16) {
	nd.SetProto("bfd")
	switch port {
	case bfdControlPort, bfdMultihopPort, bfdLagPort:
	case bfdEchoPort:
		nd.Printf("BFD, Echo, length: %d", uint32(length))
		if nd.Verbose > 0 {
			unknownDataPrint(nd, b, 0, "\n\t", length)
		}
		return
	default:
		nd.Printf("BFD, unknown (%d), length: %d", port, uint32(length))
		if nd.Verbose > 0 {
			unknownDataPrint(nd, b, 0, "\n\t", length)
		}
		return
	}

	tcheck(b, 0, bfdHdrLen)
	versionDiag := getU8(b, 0)
	version := versionDiag >> 5
	diag := uint32(versionDiag & 0x1f)
	flags := getU8(b, 1)

	var flagText, state string
	switch version {
	case 0:
		flagText = bittok2str(bfdV0Flags, "none", uint32(flags))
	case 1:
		flagText = bittok2str(bfdV1Flags, "none", uint32(flags&0x3f))
		state = tok2str(bfdV1States, "unknown (%d)", uint32(flags>>6))
	default:
		nd.Printf("BFDv%d, Control, length: %d", version, uint32(length))
		if nd.Verbose > 0 {
			unknownDataPrint(nd, b, 0, "\n\t", length)
		}
		return
	}
	portName := "Control"
	if version == 1 {
		portName = tok2str(bfdPortNames, "unknown (%d)", uint32(port))
	}

	if nd.Verbose < 1 {
		nd.Printf("BFDv%d, %s", version, portName)
		if version == 1 {
			nd.Printf(", State %s", state)
		}
		nd.Printf(", Flags: [%s], length: %d", flagText, uint32(length))
		return
	}
	nd.Printf("BFDv%d, length: %d\n\t%s", version, uint32(length), portName)
	if version == 1 {
		nd.Printf(", State %s", state)
	}
	nd.Printf(", Flags: [%s], Diagnostic: %s (0x%02x)", flagText, tok2str(bfdDiagNames, "unknown", diag), diag)

	mult := uint32(getU8(b, 2))
	txInterval := getBE32(b, 12)
	nd.Printf("\n\tDetection Timer Multiplier: %d (%d ms Detection time), BFD Length: %d",
		mult, mult*txInterval/1000, getU8(b, 3))
	nd.Printf("\n\tMy Discriminator: 0x%08x, Your Discriminator: 0x%08x", getBE32(b, 4), getBE32(b, 8))
	nd.Printf("\n\t  Desired min Tx Interval:    %4d ms", txInterval/1000)
	nd.Printf("\n\t  Required min Rx Interval:   %4d ms", getBE32(b, 16)/1000)
	nd.Printf("\n\t  Required min Echo Interval: %4d ms", getBE32(b, 20)/1000)
	if flags&bfdFlagAuth != 0 {
		bfdAuthPrint(nd, b, bfdHdrLen)
	}
}

// bfdAuthPrint prints the authentication section at b[off:].
func bfdAuthPrint(nd *ND, b []byte, off int) {
	tcheck(b, off, 4)
	typ, authLen := getU8(b, off), int(getU8(b, off+1))
	nd.Printf("\n\tAuthentication: %s (%d), length: %d", tok2str(bfdAuthNames, "Unknown", uint32(typ)), typ, authLen)
	nd.Printf("\n\t  Auth Key ID: %d", getU8(b, off+2))
	if typ == 1 {
		// Header plus a password of 1 to 16 bytes.
		if authLen < 4 || authLen > 19 {
			nd.Printf("[invalid length %d]", authLen)
			return
		}
		nd.Print(", Password: ")
		nd.printjn(b, off+3, authLen-3)
		return
	}
	d, ok := bfdAuthDigests[typ]
	if !ok {
		return
	}
	if authLen != d.fieldLen {
		nd.Printf("[invalid length %d]", authLen)
		return
	}
	nd.Printf(", Sequence Number: 0x%08x", getBE32(b, off+4))
	tcheck(b, off+8, d.hashLen)
	nd.Printf("\n\t  %s: ", d.label)
	for i := 0; i < d.hashLen; i++ {
		nd.PrintHex(uint64(getU8(b, off+8+i)), 2)
	}
}
