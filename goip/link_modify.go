package main

import (
	"encoding/binary"
	"strings"

	"github.com/goclues/goclues/goip/rtnl"
	"golang.org/x/sys/unix"
)

// linkRequest is what iplink_parse collects.
type linkRequest struct {
	flags, change uint32
	attrs         attrList
	dev, name     string
	kind          string
	kindArgs      []string
	link          string
}

// validIfname is check_ifname: 1-15 bytes, no '/', ':' or whitespace.
func validIfname(s string) bool {
	if s == "" || len(s) >= unix.IFNAMSIZ {
		return false
	}
	return !strings.ContainsAny(s, "/: \t\n\r\f\v")
}

// parseOnOff parses iproute2's on/off switches; -1 after printing the error.
func parseOnOff(what, arg string) int {
	switch arg {
	case "on":
		return 1
	case "off":
		return 0
	}
	errorf("Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"\n", what, arg)
	return -1
}

// flagSwitches are iplink_parse's "WORD on|off" link flags.
var flagSwitches = []struct {
	word    string
	bit     uint32
	inverse bool
}{
	{"multicast", unix.IFF_MULTICAST, false}, {"allmulticast", unix.IFF_ALLMULTI, false},
	{"promisc", unix.IFF_PROMISC, false}, {"trailers", unix.IFF_NOTRAILERS, true},
	{"arp", unix.IFF_NOARP, true}, {"dynamic", unix.IFF_DYNAMIC, false},
}

// parseLink is iplink_parse for the options goip supports. It returns false
// when an error was already reported (exit 1).
func parseLink(v *argv, r *linkRequest) bool {
	mtu, qlen, group := false, false, false
	for ; v.more(); v.skip() {
		a := v.cur()
		switch {
		case a == "up":
			r.change |= unix.IFF_UP
			r.flags |= unix.IFF_UP
		case a == "down":
			r.change |= unix.IFF_UP
			r.flags &^= unix.IFF_UP
		case a == "name":
			t := v.next()
			if r.name != "" {
				duparg("name", t)
			}
			if !validIfname(t) {
				invarg("\"name\" not a valid ifname", t)
			}
			r.name = t
			if r.dev == "" {
				r.dev = t
			}
		case matches(a, "link"):
			r.link = v.next()
		case matches(a, "address"):
			b, ok := llAddrParse(v.next())
			if !ok {
				return false
			}
			r.attrs.add(unix.IFLA_ADDRESS, b)
		case matches(a, "broadcast"), a == "brd":
			b, ok := llAddrParse(v.next())
			if !ok {
				return false
			}
			r.attrs.add(unix.IFLA_BROADCAST, b)
		case matches(a, "txqueuelen"), a == "qlen", matches(a, "txqlen"):
			t := v.next()
			if qlen {
				duparg("txqueuelen", t)
			}
			n, ok := parseInteger(t)
			if !ok {
				invarg("Invalid \"txqueuelen\" value\n", t)
			}
			qlen = true
			r.attrs.u32(unix.IFLA_TXQLEN, uint32(n))
		case a == "mtu":
			t := v.next()
			if mtu {
				duparg("mtu", t)
			}
			n, ok := parseInteger(t)
			if !ok {
				invarg("Invalid \"mtu\" value\n", t)
			}
			mtu = true
			r.attrs.u32(unix.IFLA_MTU, uint32(n))
		case a == "netns":
			t := v.next()
			if fd, err := unix.Open("/var/run/netns/"+t, unix.O_RDONLY|unix.O_CLOEXEC, 0); err == nil {
				r.attrs.u32(unix.IFLA_NET_NS_FD, uint32(fd))
			} else if pid, ok := parseInteger(t); ok {
				r.attrs.u32(unix.IFLA_NET_NS_PID, uint32(pid))
			} else {
				invarg("Invalid \"netns\" value\n", t)
			}
		case matches(a, "master"):
			t := v.next()
			idx := nameToIndex(t)
			if idx == 0 {
				invarg("Device does not exist\n", t)
			}
			r.attrs.u32(unix.IFLA_MASTER, uint32(idx))
		case matches(a, "nomaster"):
			r.attrs.u32(unix.IFLA_MASTER, 0)
		case matches(a, "type"):
			r.kind = v.next()
			v.skip()
			r.kindArgs = v.a
			v.a = nil
			return true
		case matches(a, "alias"):
			t := v.next()
			if len(t) >= 256 {
				invarg("alias too long\n", t)
			}
			r.attrs.add(unix.IFLA_IFALIAS, []byte(t))
		case a == "group":
			t := v.next()
			if group {
				duparg("group", t)
			}
			g, ok := groupNames.ID(t)
			if !ok {
				invarg("Invalid \"group\" value\n", t)
			}
			group = true
			r.attrs.u32(unix.IFLA_GROUP, g)
		case a == "mode":
			t := v.next()
			var m byte
			switch strings.ToUpper(t) {
			case "DEFAULT":
			case "DORMANT":
				m = 1
			default:
				invarg("Invalid link mode\n", t)
			}
			r.attrs.add(unix.IFLA_LINKMODE, []byte{m})
		case a == "state":
			t := v.next()
			st := -1
			for i, s := range operStates {
				if strings.EqualFold(t, s) {
					st = i
				}
			}
			if st < 0 {
				invarg("Invalid operstate\n", t)
			}
			r.attrs.add(unix.IFLA_OPERSTATE, []byte{byte(st)})
		default:
			handled := false
			for _, f := range flagSwitches {
				if a != f.word {
					continue
				}
				on := parseOnOff(f.word, v.next())
				if on < 0 {
					return false
				}
				r.change |= f.bit
				if (on == 1) != f.inverse {
					r.flags |= f.bit
				} else {
					r.flags &^= f.bit
				}
				handled = true
			}
			if handled {
				continue
			}
			t := a
			if matches(t, "help") {
				usageExit(usageLink)
			}
			if t == "dev" {
				t = v.next()
			}
			if r.dev != r.name {
				duparg2("dev", t)
			}
			if t == "" || len(t) >= 128 || strings.ContainsAny(t, "/ \t\n") {
				invarg("\"dev\" not a valid ifname", t)
			}
			r.dev = t
		}
	}
	return true
}

// parseInteger is get_integer(…, 0): a C long in int range.
func parseInteger(s string) (int32, bool) {
	neg := strings.HasPrefix(s, "-")
	v, ok := parseUnsigned(strings.TrimPrefix(s, "-"))
	if !ok || v > 0x7fffffff {
		return 0, false
	}
	if neg {
		return -int32(v), true
	}
	return int32(v), true
}

// linkModify is iplink_modify: ip link add/set/change/replace/delete.
func linkModify(cmd, flags int, args []string) int {
	var r linkRequest
	v := &argv{args}
	if !parseLink(v, &r) {
		return 1
	}
	var ifindex int32
	if flags&unix.NLM_F_CREATE == 0 {
		if r.dev == "" {
			errorf("Not enough information: \"dev\" argument is required.\n")
			return 255
		}
		ifindex = linkIndex(r.dev)
		if r.name == r.dev {
			r.name = ""
		}
	} else {
		if r.kind == "" && r.name == "" && r.dev == "" {
			errorf("Not enough information: \"dev\" argument is required.\n")
			return 255
		}
		if r.name == "" {
			r.name = r.dev
		}
		if r.kind == "" {
			errorf("Not enough information: \"type\" argument is required\n")
			return 1
		}
		if r.link != "" {
			r.attrs.u32(unix.IFLA_LINK, uint32(linkIndex(r.link)))
		}
	}
	if r.name != "" {
		r.attrs.add(unix.IFLA_IFNAME, append([]byte(r.name), 0))
	}
	if r.kind != "" {
		info, ok := linkInfoAttr(r.kind, r.kindArgs)
		if !ok {
			return 1
		}
		r.attrs = append(r.attrs, info)
	}
	hdr := make([]byte, rtnl.SizeofIfInfoMsg)
	binary.NativeEndian.PutUint32(hdr[4:], uint32(ifindex))
	binary.NativeEndian.PutUint32(hdr[8:], r.flags)
	binary.NativeEndian.PutUint32(hdr[12:], r.change)
	req := newRequest(cmd, flags|unix.NLM_F_ACK, hdr)
	for _, a := range r.attrs {
		req.AddData(a)
	}
	if _, err := talk(req); err != nil {
		return reportTalkError(err)
	}
	return 0
}

// linkInfoAttr builds IFLA_LINKINFO for "type KIND [ARGS]". Only veth's
// "peer" and argument-less kinds are understood.
func linkInfoAttr(kind string, args []string) (*nlRtAttr, bool) {
	info := rtAttr(unix.IFLA_LINKINFO, nil)
	info.AddRtAttr(unix.IFLA_INFO_KIND, []byte(kind))
	if len(args) == 0 {
		return info, true
	}
	if kind != "veth" || args[0] != "peer" {
		errorf("goip: options for \"type %s\" are not implemented\n", kind)
		return nil, false
	}
	var peer linkRequest
	v := &argv{args[1:]}
	if !parseLink(v, &peer) {
		return nil, false
	}
	if peer.name == "" {
		peer.name = peer.dev
	}
	data := info.AddRtAttr(unix.IFLA_INFO_DATA, nil)
	hdr := make([]byte, rtnl.SizeofIfInfoMsg)
	binary.NativeEndian.PutUint32(hdr[8:], peer.flags)
	binary.NativeEndian.PutUint32(hdr[12:], peer.change)
	p := data.AddRtAttr(1 /* VETH_INFO_PEER */, hdr)
	if peer.name != "" {
		p.AddRtAttr(unix.IFLA_IFNAME, append([]byte(peer.name), 0))
	}
	for _, a := range peer.attrs {
		p.AddChild(a)
	}
	return info, true
}
