package rtnl

import (
	"encoding/binary"
	"fmt"
)

// Fixed header sizes of the rtnetlink family messages.
const (
	SizeofRtMsg     = 12
	SizeofNdMsg     = 12
	SizeofIfInfoMsg = 16
	SizeofIfAddrMsg = 8
	SizeofRtNexthop = 8
)

// RouteMsg is a decoded struct rtmsg with its attributes.
type RouteMsg struct {
	Family, DstLen, SrcLen, Tos  uint8
	Table, Protocol, Scope, Type uint8
	Flags                        uint32
	Attrs                        Table
}

// Decode parses the payload of an RTM_NEWROUTE/RTM_DELROUTE message.
func (m *RouteMsg) Decode(b []byte) error {
	if len(b) < SizeofRtMsg {
		return fmt.Errorf("rtnl: rtmsg of %d bytes: %w", len(b), ErrTruncated)
	}
	m.Family, m.DstLen, m.SrcLen, m.Tos = b[0], b[1], b[2], b[3]
	m.Table, m.Protocol, m.Scope, m.Type = b[4], b[5], b[6], b[7]
	m.Flags = binary.NativeEndian.Uint32(b[8:])
	return m.Attrs.Parse(b[SizeofRtMsg:])
}

// TableID is the route's table: RTA_TABLE when present, else rtm_table.
func (m *RouteMsg) TableID() uint32 {
	if b, ok := m.Attrs.Get(RTA_TABLE); ok {
		return U32(b)
	}
	return uint32(m.Table)
}

// NeighMsg is a decoded struct ndmsg with its attributes.
type NeighMsg struct {
	Family  uint8
	Ifindex int32
	State   uint16
	Flags   uint8
	Type    uint8
	Attrs   Table
}

// Decode parses the payload of an RTM_NEWNEIGH/RTM_DELNEIGH message.
func (m *NeighMsg) Decode(b []byte) error {
	if len(b) < SizeofNdMsg {
		return fmt.Errorf("rtnl: ndmsg of %d bytes: %w", len(b), ErrTruncated)
	}
	m.Family = b[0]
	m.Ifindex = int32(binary.NativeEndian.Uint32(b[4:]))
	m.State = binary.NativeEndian.Uint16(b[8:])
	m.Flags = b[10]
	m.Type = b[11]
	return m.Attrs.Parse(b[SizeofNdMsg:])
}

// LinkMsg is a decoded struct ifinfomsg with its attributes.
type LinkMsg struct {
	Family uint8
	Type   uint16
	Index  int32
	Flags  uint32
	Change uint32
	Attrs  Table
}

// Decode parses the payload of an RTM_NEWLINK message.
func (m *LinkMsg) Decode(b []byte) error {
	if len(b) < SizeofIfInfoMsg {
		return fmt.Errorf("rtnl: ifinfomsg of %d bytes: %w", len(b), ErrTruncated)
	}
	m.Family = b[0]
	m.Type = binary.NativeEndian.Uint16(b[2:])
	m.Index = int32(binary.NativeEndian.Uint32(b[4:]))
	m.Flags = binary.NativeEndian.Uint32(b[8:])
	m.Change = binary.NativeEndian.Uint32(b[12:])
	return m.Attrs.Parse(b[SizeofIfInfoMsg:])
}

// AddrMsg is a decoded struct ifaddrmsg with its attributes.
type AddrMsg struct {
	Family    uint8
	PrefixLen uint8
	Flags     uint8
	Scope     uint8
	Index     int32
	Attrs     Table
	Raw       []byte // the message payload, for requests that echo it back
}

// Decode parses the payload of an RTM_NEWADDR message.
func (m *AddrMsg) Decode(b []byte) error {
	if len(b) < SizeofIfAddrMsg {
		return fmt.Errorf("rtnl: ifaddrmsg of %d bytes: %w", len(b), ErrTruncated)
	}
	m.Family, m.PrefixLen, m.Flags, m.Scope = b[0], b[1], b[2], b[3]
	m.Index = int32(binary.NativeEndian.Uint32(b[4:]))
	m.Raw = b
	return m.Attrs.Parse(b[SizeofIfAddrMsg:])
}

// Nexthop is one struct rtnexthop from an RTA_MULTIPATH payload.
type Nexthop struct {
	Flags   uint8
	Hops    uint8
	Ifindex int32
	Attrs   Table
}

// NexthopDecoder iterates over an RTA_MULTIPATH payload with a sticky error.
type NexthopDecoder struct {
	b   []byte
	err error
}

// NewNexthopDecoder returns a decoder over an RTA_MULTIPATH payload.
func NewNexthopDecoder(b []byte) NexthopDecoder { return NexthopDecoder{b: b} }

// Next decodes the next nexthop into nh.
func (d *NexthopDecoder) Next(nh *Nexthop) bool {
	if d.err != nil || len(d.b) < SizeofRtNexthop {
		return false
	}
	l := int(binary.NativeEndian.Uint16(d.b))
	if l < SizeofRtNexthop || l > len(d.b) {
		// iproute2 stops quietly at a nexthop longer than what is left.
		return false
	}
	nh.Flags = d.b[2]
	nh.Hops = d.b[3]
	nh.Ifindex = int32(binary.NativeEndian.Uint32(d.b[4:]))
	if err := nh.Attrs.Parse(d.b[SizeofRtNexthop:l]); err != nil {
		d.err = err
		return false
	}
	adv := align4(l)
	if adv > len(d.b) {
		adv = len(d.b)
	}
	d.b = d.b[adv:]
	return true
}

// Err reports the first decoding error.
func (d *NexthopDecoder) Err() error { return d.err }
