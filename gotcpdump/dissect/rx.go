package dissect

// RX, the RPC transport of AFS (UDP ports 7000-7009), as tcpdump 4.99.3's
// print-rx.c prints it: the packet type, with -v the sequence and serial
// numbers (and more with -vv and -vvv), and the body of ACK packets.
//
// AFS calls are decoded by the printers of rx_afs.go. Not implemented
// yet: the calls of the fs, cb, vldb, kauth, vol and bos services, and
// the replies of all services (tcpdump matches them to calls through a
// cache of recent calls). Those data packets print here without the
// service part that tcpdump adds ("fs call fetch-status …").

func init() {
	ports := make([]uint16, 0, 10)
	for p := uint16(7000); p <= 7009; p++ {
		ports = append(ports, p)
	}
	registerUDPPort("rx", func(nd *ND, b []byte, length int, _ *ipInfo, _, dport uint16) { rxPrint(nd, b, length, dport) }, ports...)
}

const (
	rxHdrLen    = 28
	rxAckLen    = 18
	rxTypeData  = 1
	rxTypeAck   = 2
	rxAckTypeOK = 1
	rxAckNack   = 0

	rxClientInitiated = 1
)

var rxTypes = []tok{
	{1, "data"}, {2, "ack"}, {3, "busy"}, {4, "abort"}, {5, "ackall"}, {6, "challenge"},
	{7, "response"}, {8, "debug"}, {9, "params"}, {13, "version"},
}

// rxFlags lists the header flags printed with -vv; a non-zero packetType
// limits a flag to that packet type (one bit means two things).
var rxFlags = []struct {
	flag       uint8
	packetType uint8
	name       string
}{
	{1, 0, "client-init"}, {2, 0, "req-ack"}, {4, 0, "last-pckt"}, {8, 0, "more-pckts"},
	{16, 0, "free-pckt"}, {32, rxTypeAck, "slow-start"}, {32, rxTypeData, "jumbogram"},
}

var rxAckReasons = []tok{
	{1, "ack requested"}, {2, "duplicate packet"}, {3, "out of sequence"}, {4, "exceeds window"},
	{5, "no buffer space"}, {6, "ping"}, {7, "ping response"}, {8, "delay"}, {9, "idle"},
}

func rxPrint(nd *ND, b []byte, length int, dport uint16) {
	nd.SetProto("rx")
	if !ttest(b, 0, rxHdrLen) {
		nd.Printf(" [|rx] (%d)", length)
		return
	}
	typ, flags := b[20], b[21]
	nd.Print(" rx ")
	nd.Print(tok2str(rxTypes, "type %u", uint32(typ)))
	if nd.Verbose > 0 {
		if nd.Verbose > 1 {
			nd.Print(" cid ")
			nd.PrintHex(uint64(getBE32(b, 4)), 8)
			nd.Print(" call# ")
			nd.PrintUint(uint64(getBE32(b, 8)))
		}
		nd.Print(" seq ")
		nd.PrintUint(uint64(getBE32(b, 12)))
		nd.Print(" ser ")
		nd.PrintUint(uint64(getBE32(b, 16)))
		if nd.Verbose > 2 {
			nd.Print(" secindex ")
			nd.PrintUint(uint64(b[23]))
			nd.Print(" serviceid ")
			nd.PrintUint(uint64(getBE16(b, 26)))
		}
		if nd.Verbose > 1 {
			sep := " "
			for _, f := range rxFlags {
				if flags&f.flag != 0 && (f.packetType == 0 || f.packetType == typ) {
					nd.Print(sep)
					nd.Print("<")
					nd.Print(f.name)
					nd.Print(">")
					sep = ","
				}
			}
		}
	}
	switch {
	case typ == rxTypeData && getBE32(b, 12) == 1 && flags&rxClientInitiated != 0:
		if call := rxCallPrinters[dport]; call != nil {
			call(nd, b, length)
		}
	case typ == rxTypeAck:
		rxAckPrint(nd, b, length)
	}
	nd.Print(" (")
	nd.PrintUint(uint64(length))
	nd.Print(")")
}

// rxAckPrint prints an ACK body: the first packet, the reason, the ranges
// of acknowledged and not acknowledged packets and, with -vv, the
// trailing MTU and window words while they are captured.
func rxAckPrint(nd *ND, b []byte, length int) {
	if length < rxHdrLen {
		return
	}
	off := rxHdrLen
	if !ttest(b, off, rxAckLen) {
		nd.Print(" [|ack]")
		return
	}
	if nd.Verbose > 2 {
		nd.Printf(" bufspace %d maxskew %d", getBE16(b, off), getBE16(b, off+2))
	}
	first := getBE32(b, off+4)
	nd.Printf(" first %d serial %d reason %s", first, getBE32(b, off+12),
		tok2str(rxAckReasons, "#%u", uint32(b[off+16])))
	nAcks := int(b[off+17])
	off += rxAckLen
	if nAcks != 0 {
		if !ttest(b, off, nAcks) {
			nd.Print(" [|ack]")
			return
		}
		acks := b[off : off+nAcks]
		rxAckRanges(nd, acks, first, rxAckTypeOK, " acked ")
		rxAckRanges(nd, acks, first, rxAckNack, " nacked ")
		off += nAcks
	}
	off += 3
	if nd.Verbose > 1 {
		for _, name := range []string{" ifmtu ", " maxmtu ", " rwind ", " maxpackets "} {
			// Each word is printed only when it is fully captured.
			if len(b)-off+1 <= 4 {
				return
			}
			nd.Print(name)
			nd.PrintUint(uint64(getBE32(b, off)))
			off += 4
		}
	}
}

// rxAckRanges prints the packets whose ack byte is want as a list of
// ranges ("acked 2,5-7") after label.
func rxAckRanges(nd *ND, acks []byte, first uint32, want byte, label string) {
	start, last := -2, -2
	for i, a := range acks {
		switch {
		case a == want && last == -2:
			nd.Print(label)
			nd.PrintUint(uint64(first + uint32(i)))
			start = i
		case a == want && last != i-1:
			nd.Print(",")
			nd.PrintUint(uint64(first + uint32(i)))
			start = i
		case a != want && last == i-1 && start != last:
			nd.Print("-")
			nd.PrintUint(uint64(first + uint32(i) - 1))
		}
		if a == want {
			last = i
		}
	}
	if n := len(acks); last == n-1 && start != last {
		nd.Print("-")
		nd.PrintUint(uint64(first + uint32(n) - 1))
	}
}
