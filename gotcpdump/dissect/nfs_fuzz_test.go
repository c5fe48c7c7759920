package dissect

import (
	"encoding/binary"
	"testing"
	"time"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/format"
)

// nfsTestFrame wraps an RPC message in Ethernet, IPv4 and UDP (or TCP with
// an RPC record mark) between a client port and the NFS port.
func nfsTestFrame(rpc []byte, toServer, tcp bool) []byte {
	sport, dport := uint16(800), uint16(nfsPort)
	src, dst := []byte{10, 0, 0, 1}, []byte{10, 0, 0, 2}
	if !toServer {
		sport, dport = dport, sport
		src, dst = dst, src
	}
	var l4 []byte
	proto := byte(17)
	if tcp {
		proto = 6
		l4 = make([]byte, 20, 24+len(rpc))
		l4[12], l4[13] = 0x50, 0x18
		binary.BigEndian.PutUint16(l4[14:], 1000)
		l4 = binary.BigEndian.AppendUint32(l4, 0x80000000|uint32(len(rpc)))
	} else {
		l4 = make([]byte, 8, 8+len(rpc))
		binary.BigEndian.PutUint16(l4[4:], uint16(8+len(rpc)))
	}
	binary.BigEndian.PutUint16(l4[0:], sport)
	binary.BigEndian.PutUint16(l4[2:], dport)
	l4 = append(l4, rpc...)
	ip := []byte{0x45, 0, 0, 0, 0, 1, 0, 0, 64, proto, 0, 0}
	binary.BigEndian.PutUint16(ip[2:], uint16(20+len(l4)))
	ip = append(append(append(ip, src...), dst...), l4...)
	eth := []byte{0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 6, 8, 0}
	return append(eth, ip...)
}

// FuzzNFS prints an arbitrary NFS call and then an arbitrary reply on the
// same stream, so the reply is decoded as the call's procedure whenever
// their XIDs match.
func FuzzNFS(f *testing.F) {
	call := []byte{
		0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1, 0x86, 0xa3, 0, 0, 0, 3, 0, 0, 0, 7, // write v3
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // null cred and verifier
		0, 0, 0, 8, 1, 2, 0, 0, 5, 6, 0, 0, // 8-byte handle
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 2, 0, 0, 0, 3,
	}
	reply := []byte{
		0, 0, 0, 7, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // accepted, success
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, // ok, no pre-op, post-op follows
	}
	f.Add(call, reply, false)
	f.Add(call, reply, true)
	f.Fuzz(func(t *testing.T, call, reply []byte, tcp bool) {
		for _, o := range optionSets {
			o.Time = format.Timestamper{Style: 2, Loc: time.UTC}
			nd := New(o, capture.DLTEN10MB)
			for i, rpc := range [][]byte{call, reply} {
				data := nfsTestFrame(rpc, i == 0, tcp)
				nd.PrintPacket(&capture.Packet{Sec: 1, Caplen: uint32(len(data)), Len: uint32(len(data)), Data: data})
			}
		}
	})
}
