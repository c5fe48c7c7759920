package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"syscall"

	"github.com/goclues/goclues/goip/rtnl"
	"github.com/vishvananda/netlink/nl"
	"github.com/vishvananda/netns"
	"golang.org/x/sys/unix"
)

// nlError is a netlink error answer: the errno and the kernel's extended-ack
// message, when it sent one.
type nlError struct {
	errno unix.Errno
	msg   string
	done  bool // carried by the NLMSG_DONE that ended a dump
}

func (e *nlError) Error() string {
	if e.msg != "" {
		return "Error: " + e.msg
	}
	return "RTNETLINK answers: " + strerror(e.errno)
}

// report prints the error as iproute2's rtnl_talk/rtnl_dump_filter do.
func (e *nlError) report() {
	if e.msg != "" {
		dot := ""
		if e.msg[len(e.msg)-1] != '.' {
			dot = "."
		}
		errorf("Error: %s%s\n", e.msg, dot)
		return
	}
	errorf("RTNETLINK answers: %s\n", strerror(e.errno))
}

// msg is one received netlink message.
type msg struct {
	typ   uint16
	flags uint16
	data  []byte
}

var rtnlSock *nl.NetlinkSocket

// sock opens (once) the NETLINK_ROUTE socket with extended acks and strict
// dump checking, as iproute2 does.
func sock() *nl.NetlinkSocket {
	if rtnlSock != nil {
		return rtnlSock
	}
	s, err := nl.GetNetlinkSocketAt(netns.None(), netns.None(), unix.NETLINK_ROUTE)
	if err != nil {
		errorf("Cannot open netlink socket: %s\n", errText(err))
		fail(1)
	}
	_ = s.SetExtAck(true)
	_ = unix.SetsockoptInt(s.GetFd(), unix.SOL_NETLINK, unix.NETLINK_GET_STRICT_CHK, 1)
	_ = s.SetReceiveBufferSize(1<<20, false)
	rtnlSock = s
	return s
}

// maxDumpRetries bounds how often an interrupted dump is restarted.
const maxDumpRetries = 10

// dump sends a dump request built by mk and returns every answer. A dump
// the kernel flags as interrupted (NLM_F_DUMP_INTR) is restarted, so callers
// always print one consistent snapshot.
func dump(mk func() *nlRequest) ([]msg, error) {
	for try := 0; ; try++ {
		msgs, intr, err := runDump(mk())
		if err != nil || !intr || try == maxDumpRetries {
			if intr && err == nil {
				errorf("Dump was interrupted and may be inconsistent.\n")
			}
			return msgs, err
		}
	}
}

// runDump performs one dump; tests replace it to simulate the kernel.
var runDump = dumpOnce

func dumpOnce(req *nlRequest) ([]msg, bool, error) {
	s := sock()
	if err := s.Send(req); err != nil {
		return nil, false, fmt.Errorf("sending dump request: %w", err)
	}
	return collectDump(func() ([]syscall.NetlinkMessage, error) {
		ms, _, err := s.Receive()
		return ms, err
	}, req.Seq)
}

// collectDump gathers the answers to dump seq until NLMSG_DONE, reporting
// whether any carried NLM_F_DUMP_INTR.
func collectDump(recv func() ([]syscall.NetlinkMessage, error), seq uint32) ([]msg, bool, error) {
	var out []msg
	intr := false
	for {
		ms, err := recv()
		if err != nil {
			return out, intr, fmt.Errorf("receiving dump: %w", err)
		}
		for i := range ms {
			m := &ms[i]
			if m.Header.Seq != seq {
				continue
			}
			if m.Header.Flags&unix.NLM_F_DUMP_INTR != 0 {
				intr = true
			}
			switch m.Header.Type {
			case unix.NLMSG_DONE:
				return out, intr, doneError(m)
			case unix.NLMSG_ERROR:
				return out, intr, ackError(m)
			}
			out = append(out, msg{typ: m.Header.Type, flags: m.Header.Flags, data: m.Data})
		}
	}
}

// talk sends one request and returns the answer message (for requests that
// echo one, like RTM_GETROUTE) or nil after a positive ack.
func talk(req *nl.NetlinkRequest) (*msg, error) {
	s := sock()
	if err := s.Send(req); err != nil {
		return nil, fmt.Errorf("sending request: %w", err)
	}
	for {
		ms, _, err := s.Receive()
		if err != nil {
			return nil, fmt.Errorf("receiving answer: %w", err)
		}
		for i := range ms {
			m := &ms[i]
			if m.Header.Seq != req.Seq {
				continue
			}
			if m.Header.Type == unix.NLMSG_ERROR {
				return nil, ackError(m)
			}
			return &msg{typ: m.Header.Type, flags: m.Header.Flags, data: m.Data}, nil
		}
	}
}

// ackError decodes struct nlmsgerr and its extended-ack attributes.
func ackError(m *syscall.NetlinkMessage) error {
	if len(m.Data) < 4 {
		return errors.New("ERROR truncated")
	}
	errno := int32(binary.NativeEndian.Uint32(m.Data))
	if errno == 0 {
		return nil
	}
	e := &nlError{errno: unix.Errno(-errno)}
	if m.Header.Flags&unix.NLM_F_ACK_TLVS == 0 || len(m.Data) < 4+unix.SizeofNlMsghdr {
		return e
	}
	skip := unix.SizeofNlMsghdr
	if m.Header.Flags&unix.NLM_F_CAPPED == 0 {
		skip = int(binary.NativeEndian.Uint32(m.Data[4:]))
	}
	if 4+skip > len(m.Data) {
		return e
	}
	e.msg = extackMsg(m.Data[4+((skip+3)&^3):])
	return e
}

// doneError decodes the errno a dump may end with.
func doneError(m *syscall.NetlinkMessage) error {
	if len(m.Data) < 4 {
		return nil
	}
	errno := int32(binary.NativeEndian.Uint32(m.Data))
	if errno >= 0 {
		return nil
	}
	e := &nlError{errno: unix.Errno(-errno), done: true}
	if m.Header.Flags&unix.NLM_F_ACK_TLVS != 0 {
		e.msg = extackMsg(m.Data[4:])
	}
	return e
}

func extackMsg(b []byte) string {
	var t rtnl.Table
	if t.Parse(b) != nil {
		return ""
	}
	return t.String(unix.NLMSGERR_ATTR_MSG)
}

// newRequest wraps nl.NewNetlinkRequest with a fixed header payload.
func newRequest(typ, flags int, hdr []byte) *nl.NetlinkRequest {
	req := nl.NewNetlinkRequest(typ, flags)
	req.AddData(rawData(hdr))
	return req
}

// rawData is a fixed message header (rtmsg, ndmsg, …) placed before the
// attributes of a request.
type rawData []byte

func (r rawData) Len() int          { return len(r) }
func (r rawData) Serialize() []byte { return r }

// rtAttr builds one attribute for a request.
func rtAttr(typ int, data []byte) *nl.RtAttr { return nl.NewRtAttr(typ, data) }

func u32b(v uint32) []byte {
	b := make([]byte, 4)
	binary.NativeEndian.PutUint32(b, v)
	return b
}

// nlRtAttr abbreviates the attribute builder type.
type nlRtAttr = nl.RtAttr

// nlRequest abbreviates the request type used throughout.
type nlRequest = nl.NetlinkRequest
