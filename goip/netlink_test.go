package main

import (
	"encoding/binary"
	"errors"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

func nlmsg(typ, flags uint16, seq uint32, data []byte) syscall.NetlinkMessage {
	return syscall.NetlinkMessage{
		Header: syscall.NlMsghdr{Len: uint32(16 + len(data)), Type: typ, Flags: flags, Seq: seq},
		Data:   data,
	}
}

func errnoPayload(errno int32, extack string) []byte {
	b := make([]byte, 4+16)
	binary.NativeEndian.PutUint32(b, uint32(errno))
	binary.NativeEndian.PutUint32(b[4:], 16) // echoed header: length only
	if extack != "" {
		a := make([]byte, 4, 4+len(extack)+4)
		a = append(a, extack...)
		a = append(a, 0)
		binary.NativeEndian.PutUint16(a, uint16(len(a)))
		binary.NativeEndian.PutUint16(a[2:], unix.NLMSGERR_ATTR_MSG)
		for len(a)%4 != 0 {
			a = append(a, 0)
		}
		b = append(b, a...)
	}
	return b
}

func TestCollectDump(t *testing.T) {
	batches := [][]syscall.NetlinkMessage{
		{nlmsg(unix.RTM_NEWROUTE, unix.NLM_F_MULTI, 7, []byte("a")), nlmsg(unix.RTM_NEWROUTE, 0, 99, []byte("other seq"))},
		{nlmsg(unix.RTM_NEWROUTE, unix.NLM_F_MULTI|unix.NLM_F_DUMP_INTR, 7, []byte("b")),
			nlmsg(unix.NLMSG_DONE, unix.NLM_F_MULTI, 7, []byte{0, 0, 0, 0})},
	}
	recv := func() ([]syscall.NetlinkMessage, error) {
		b := batches[0]
		batches = batches[1:]
		return b, nil
	}
	msgs, intr, err := collectDump(recv, 7)
	if err != nil || !intr || len(msgs) != 2 || string(msgs[1].data) != "b" {
		t.Fatalf("msgs %v intr %v err %v", msgs, intr, err)
	}
}

func TestCollectDumpErrors(t *testing.T) {
	for _, c := range []struct {
		m    syscall.NetlinkMessage
		want string
	}{
		{nlmsg(unix.NLMSG_ERROR, unix.NLM_F_ACK_TLVS|unix.NLM_F_CAPPED, 1, errnoPayload(-int32(unix.ENOENT), "ipv4: FIB table does not exist")),
			"Error: ipv4: FIB table does not exist"},
		{nlmsg(unix.NLMSG_ERROR, 0, 1, errnoPayload(-int32(unix.EEXIST), "")), "RTNETLINK answers: File exists"},
		{nlmsg(unix.NLMSG_DONE, unix.NLM_F_ACK_TLVS, 1, errnoPayload(-int32(unix.EINVAL), "")[:4]), "RTNETLINK answers: Invalid argument"},
	} {
		_, _, err := collectDump(func() ([]syscall.NetlinkMessage, error) { return []syscall.NetlinkMessage{c.m}, nil }, 1)
		var ne *nlError
		if !errors.As(err, &ne) || ne.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}

// TestDumpRetriesWhenInterrupted: an interrupted dump is thrown away and
// asked for again; only the consistent one is returned.
func TestDumpRetriesWhenInterrupted(t *testing.T) {
	saved := runDump
	defer func() { runDump = saved }()
	calls := 0
	runDump = func(*nlRequest) ([]msg, bool, error) {
		calls++
		if calls < 3 {
			return []msg{{data: []byte("partial")}}, true, nil
		}
		return []msg{{data: []byte("whole")}}, false, nil
	}
	msgs, err := dump(func() *nlRequest { return newRequest(unix.RTM_GETROUTE, unix.NLM_F_DUMP, make([]byte, 12)) })
	if err != nil || calls != 3 || len(msgs) != 1 || string(msgs[0].data) != "whole" {
		t.Fatalf("calls %d msgs %v err %v", calls, msgs, err)
	}
}
