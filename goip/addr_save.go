package main

import (
	"encoding/binary"
	"os"

	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// addrDumpMagic starts a saved address dump.
const addrDumpMagic = 0x47361222

// addrSave writes the raw address dump after the magic, as ip address save.
func addrSave(args []string) int {
	af = addrFilter{family: opt.family, group: -1}
	v := &argv{args}
	for ; v.more(); v.skip() {
		t := v.cur()
		if t == "dev" {
			t = v.next()
		}
		if af.ifindex = nameToIndex(t); af.ifindex == 0 {
			errorf("Device \"%s\" does not exist.\n", t)
			return 1
		}
	}
	if isatty(1) {
		errorf("Not sending a binary stream to stdout\n")
		return 1
	}
	family := af.family
	msgs, err := dump(func() *nlRequest {
		hdr := make([]byte, rtnl.SizeofIfAddrMsg)
		hdr[0] = byte(family)
		binary.NativeEndian.PutUint32(hdr[4:], uint32(af.ifindex))
		return newRequest(unix.RTM_GETADDR, unix.NLM_F_DUMP, hdr)
	})
	var magic [4]byte
	binary.NativeEndian.PutUint32(magic[:], addrDumpMagic)
	stdout.Write(magic[:])
	for _, m := range msgs {
		writeNlmsg(m)
	}
	if err != nil {
		reportDumpError(err)
		return 1
	}
	return 0
}

// writeNlmsg writes one message with its netlink header.
func writeNlmsg(m msg) {
	var h [unix.NLMSG_HDRLEN]byte
	binary.NativeEndian.PutUint32(h[0:], uint32(unix.NLMSG_HDRLEN+len(m.data)))
	binary.NativeEndian.PutUint16(h[4:], m.typ)
	binary.NativeEndian.PutUint16(h[6:], m.flags)
	stdout.Write(h[:])
	stdout.Write(m.data)
}

// readAddrDump checks the address dump magic on f and returns the messages.
func readAddrDump(f *os.File) ([]msg, bool) {
	if isatty(int(f.Fd())) {
		errorf("Can't restore address dump from a terminal\n")
		return nil, false
	}
	return readDump(f, addrDumpMagic, func(n int, m uint32) {
		elems := 0
		if n == 4 {
			elems = 1
		}
		errorf("Magic mismatch (%d elems, %x magic)\n", elems, m)
	})
}

// addrShowdump prints a saved address dump as ip address showdump does.
func addrShowdump(f *os.File) int {
	msgs, ok := readAddrDump(f)
	if !ok {
		return 255
	}
	af = addrFilter{group: -1}
	pr.begin()
	pr.openObj("")
	pr.openArr("addr_info")
	var a rtnl.AddrMsg
	for _, m := range msgs {
		if a.Decode(m.data) != nil {
			continue
		}
		pr.openObj("")
		pr.int("index", "if", int64(a.Index), ":")
		pr.text(sl)
		printAddr(m.typ, &a)
		pr.closeObj()
	}
	pr.closeArr()
	pr.closeObj()
	pr.end()
	return 0
}

// addrRestore adds the saved addresses back; existing ones are no error.
func addrRestore(f *os.File) int {
	msgs, ok := readAddrDump(f)
	if !ok {
		return 255
	}
	for _, m := range msgs {
		req := newRequest(int(m.typ), int(m.flags)|unix.NLM_F_CREATE|unix.NLM_F_ACK, m.data)
		if _, err := talk(req); err != nil {
			reportTalkError(err)
			if e, ok := err.(*nlError); ok && e.errno == unix.EEXIST {
				continue
			}
			return 255
		}
	}
	return 0
}
