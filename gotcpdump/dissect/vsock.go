package dissect

import "github.com/goclues/goclues/common/capture"

// Linux vsock monitor captures (tcpdump's print-vsock.c): the
// little-endian af_vsockmon header, then the transport's own header
// (virtio's) and the payload.

func init() {
	registerLinkType(dltVSOCK, vsockIfPrint)
}

const (
	dltVSOCK = 271

	vsockMonHdrLen    = 32
	vsockVirtioHdrLen = 44

	vsockTransportVirtio = 2
	vsockOpPayload       = 4
)

var vsockTransportNames = []tok{
	{0, "UNKNOWN"},
	{1, "NO_INFO"},
	{vsockTransportVirtio, "VIRTIO"},
}

var vsockOpNames = []tok{
	{0, "UNKNOWN"},
	{1, "CONNECT"},
	{2, "DISCONNECT"},
	{3, "CONTROL"},
	{vsockOpPayload, "PAYLOAD"},
}

var virtioVsockTypeNames = []tok{
	{1, "STREAM"},
}

var virtioVsockOpNames = []tok{
	{0, "INVALID"},
	{1, "REQUEST"},
	{2, "RESPONSE"},
	{3, "RST"},
	{4, "SHUTDOWN"},
	{5, "RW"},
	{6, "CREDIT UPDATE"},
	{7, "CREDIT REQUEST"},
}

func vsockTransportHdrLen(transport uint16) int {
	if transport == vsockTransportVirtio {
		return vsockVirtioHdrLen
	}
	return 0
}

// vsockVirtioHdrPrint prints the virtio transport header at off.
func vsockVirtioHdrPrint(nd *ND, b []byte, off int) {
	nd.Print("len ")
	nd.PrintUint(uint64(getLE32(b, off+24)))
	nd.Print(", type ")
	nd.Print(tok2str(virtioVsockTypeNames, "Invalid type (%d)", uint32(getLE16(b, off+28))))
	nd.Print(", op ")
	nd.Print(tok2str(virtioVsockOpNames, "Invalid op (%d)", uint32(getLE16(b, off+30))))
	nd.Print(", flags ")
	nd.PrintHex(uint64(getLE32(b, off+32)), 0)
	nd.Print(", buf_alloc ")
	nd.PrintUint(uint64(getLE32(b, off+36)))
	nd.Print(", fwd_cnt ")
	nd.PrintUint(uint64(getLE32(b, off+40)))
}

func vsockIfPrint(nd *ND, p *capture.Packet, b []byte) {
	nd.SetProto("vsock")
	caplen := len(b)
	if caplen < vsockMonHdrLen {
		nd.PrintTrunc()
		nd.llHdrLen += caplen
		return
	}
	nd.llHdrLen += vsockMonHdrLen

	transport := getLE16(b, 26)
	nd.Print(tok2str(vsockTransportNames, "Invalid transport (%d)", uint32(transport)))
	hdrLen := vsockMonHdrLen + vsockTransportHdrLen(transport)
	// tcpdump checks the transport header's length only with -v.
	short := nd.Verbose > 0 && caplen < hdrLen
	if nd.Verbose > 0 {
		if !short {
			if transport == vsockTransportVirtio {
				nd.Print(" (")
				vsockVirtioHdrPrint(nd, b, vsockMonHdrLen)
				nd.Print(")")
			}
			nd.Print("\n\t")
		}
	} else {
		nd.Print(" ")
	}
	op := getLE16(b, 24)
	nd.PrintUint(getLE64(b, 0))
	nd.PrintByte('.')
	nd.PrintUint(uint64(getLE32(b, 16)))
	nd.Print(" > ")
	nd.PrintUint(getLE64(b, 8))
	nd.PrintByte('.')
	nd.PrintUint(uint64(getLE32(b, 20)))
	nd.PrintByte(' ')
	nd.Print(tok2str(vsockOpNames, " invalid op (%d)", uint32(op)))
	nd.Print(", length ")
	nd.PrintUint(uint64(caplen))
	if short {
		nd.PrintTrunc()
		return
	}
	if nd.Verbose > 1 && op == vsockOpPayload {
		if caplen <= hdrLen {
			nd.PrintTrunc()
			return
		}
		nd.Print("\n")
		unknownDataPrint(nd, b, hdrLen, "\t", caplen-hdrLen)
	}
}

func getLE64(b []byte, off int) uint64 {
	return uint64(getLE32(b, off)) | uint64(getLE32(b, off+4))<<32
}
