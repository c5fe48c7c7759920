package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/sysent"
	"github.com/goclues/goclues/gongrep/internal/frame"
)

// linkLayouts are the link types ngrep 1.47 reads, by DLT_ number, with the
// header size it skips. clearsVLAN marks those for which it turns its VLAN
// hack off up front.
var linkLayouts = map[int]struct {
	offset     int
	radiotap   bool
	clearsVLAN bool
}{
	capture.DLTEN10MB:    {offset: 14},
	capture.DLTIEEE802:   {offset: 22},
	capture.DLTFDDI:      {offset: 21},
	8:                    {offset: 16}, // DLT_SLIP
	capture.DLTPPP:       {offset: 4},
	capture.DLTLoop:      {offset: 4},
	capture.DLTNull:      {offset: 4},
	capture.DLTRaw:       {offset: 0},
	capture.DLTLinuxSLL:  {offset: 16, clearsVLAN: true},
	127:                  {offset: 32, radiotap: true}, // DLT_IEEE802_11_RADIO
	capture.DLTIEEE80211: {offset: 32},
	117:                  {offset: 48},                   // DLT_PFLOG
	226:                  {offset: 24, clearsVLAN: true}, // DLT_IPNET
}

// setupError is a failure of ngrep's setup stage: its message goes to
// stderr and the command ends through clean_exit.
type setupError struct{ msg string }

func (e *setupError) Error() string { return e.msg }

// openFile opens -I's file as pcap_open_offline does and reports failures
// as ngrep's perror(pc_err) prints them.
func openFile(name string) (capture.Source, io.Closer, error) {
	src, closer, err := capture.OpenFile(name, capture.Micro)
	if err == nil {
		return src, closer, nil
	}
	return nil, nil, &setupError{msg: err.Error() + ": " + errnoAfter(name) + "\n"}
}

// errnoAfter is the errno libpcap leaves after failing to open name: the
// open's or the first read's when one failed, else the stale one.
func errnoAfter(name string) string {
	if name == "-" {
		return staleErrno
	}
	f, err := os.Open(name)
	if err != nil {
		return errnoText(err)
	}
	defer f.Close()
	var b [1]byte
	if _, err := f.Read(b[:]); err != nil {
		var errno syscall.Errno
		if errors.As(err, &errno) {
			return sysent.ErrnoText(int(errno))
		}
	}
	return staleErrno
}

// layoutFor returns the decoding layout for a link type, or ngrep's fatal
// error for one it does not read.
func layoutFor(dlt int, c *config) (frame.Layout, error) {
	l, ok := linkLayouts[dlt]
	if !ok {
		return frame.Layout{}, &setupError{msg: fmt.Sprintf("fatal: unsupported interface type %d\n", dlt)}
	}
	if l.clearsVLAN {
		c.includeVLAN = false
	}
	return frame.Layout{LinkOffset: l.offset, Radiotap: l.radiotap}, nil
}

// errnoText is strerror's text for the errno in err, or the stale errno
// ngrep would print when err carries none.
func errnoText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return sysent.ErrnoText(int(errno))
	}
	return staleErrno
}
