package dissect

import (
	"encoding/binary"
	"math/rand"
	"testing"

	"github.com/goclues/goclues/common/capture"
)

// TestRXAgainstTcpdump prints RX packets of every type, ACKs with random
// ack/nack runs and cut trailers, and truncated headers, at -v levels 0
// to 3, and compares the output with tcpdump's.
func TestRXAgainstTcpdump(t *testing.T) {
	tcpdump := ip6LookTcpdump(t)
	r := rand.New(rand.NewSource(7))
	var frames [][]byte
	var wire []int
	for i := range 400 {
		rx := make([]byte, rxHdrLen)
		r.Read(rx)
		rx[20] = byte([]int{1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9, 13, 44}[i%13])
		isCall := i%3 == 0
		if isCall {
			rx[20] = rxTypeData
		}
		if rx[20] == rxTypeAck {
			ack := make([]byte, rxAckLen)
			r.Read(ack)
			n := r.Intn(12)
			ack[17] = byte(n)
			ack[16] = byte(r.Intn(11))
			rx = append(rx, ack...)
			for range n {
				rx = append(rx, byte(r.Intn(3)))
			}
			tail := make([]byte, r.Intn(20))
			r.Read(tail)
			rx = append(rx, tail...)
		}
		if isCall {
			// A pt or Ubik call: sequence 1, client-initiated, to 7002.
			binary.BigEndian.PutUint32(rx[12:], 1)
			rx[21] |= rxClientInitiated
			// No vote-beacon (10000): its date prints in local time,
			// which this process and tcpdump (TZ=GMT0) may not share.
			ops := []uint32{500, 501, 502, 503, 504, 505, 509, 511, 513, 520, 599,
				10003, 20000, 20002, 20003, 20005, 20006, 20009, 20012}
			rx = binary.BigEndian.AppendUint32(rx, ops[r.Intn(len(ops))])
			for range 8 {
				rx = binary.BigEndian.AppendUint32(rx, uint32(r.Intn(3)))
			}
			for range r.Intn(80) {
				rx = binary.BigEndian.AppendUint32(rx, uint32(0x41+r.Intn(26)))
			}
		}
		if i%17 == 0 {
			rx = rx[:r.Intn(len(rx))]
		}
		n := 28 + len(rx)
		pkt := []byte{0x45, 0, byte(n >> 8), byte(n), 0, 1, 0, 0, 64, 17, 0, 0, 10, 1, 1, 1, 10, 2, 2, 2}
		binary.BigEndian.PutUint16(pkt[10:], inCksum(pkt))
		pkt = binary.BigEndian.AppendUint16(pkt, 7001)
		dport := uint16(7000 + i%10)
		if isCall {
			dport = 7002
		}
		pkt = binary.BigEndian.AppendUint16(pkt, dport)
		pkt = binary.BigEndian.AppendUint16(pkt, uint16(8+len(rx)))
		pkt = append(pkt, 0, 0)
		frames = append(frames, append(pkt, rx...))
		wire = append(wire, n)
	}
	path, pkts := ip6WritePcap(t, capture.DLTRaw, frames, wire)
	for v, args := range [][]string{nil, {"-v"}, {"-vv"}, {"-vvv"}} {
		ip6DiffTcpdump(t, tcpdump, path, pkts, capture.DLTRaw, args, Options{Verbose: v})
	}
}
