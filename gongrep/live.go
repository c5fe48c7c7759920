package main

import (
	"errors"
	"fmt"
	"math/bits"
	"net"
	"os"

	"github.com/goclues/goclues/common/capture"
)

// openLive opens -d's device (or libpcap's default one) as ngrep's
// pcap_open_live and pcap_lookupnet calls do, printing the "interface:"
// line.
func (s *session) openLive() (*capture.Live, compileTarget, error) {
	c := s.c
	dev := c.device
	if dev == "" {
		d, err := defaultDevice()
		if err != nil {
			return nil, compileTarget{}, err
		}
		dev = d
	}
	opts := capture.LiveOptions{
		Snaplen:   int(c.snaplen),
		Promisc:   c.promisc && dev != capture.AnyDevice,
		Immediate: false,
	}
	if dev == capture.AnyDevice {
		opts.LinkType = capture.DLTLinuxSLL
	}

	live, err := capture.OpenLive(dev, opts)
	if err != nil {
		if errors.Is(err, capture.ErrNoSuchDevice) {
			return nil, compileTarget{}, &setupError{msg: fmt.Sprintf("%s: %s (%s): No such device\n", dev, err, err)}
		}
		errno := errnoText(err)
		if errors.Is(err, capture.ErrNotUp) {
			// libpcap's failed activation leaves EINVAL behind.
			errno = "Invalid argument"
		}
		return nil, compileTarget{}, &setupError{msg: fmt.Sprintf("%s: %s: %s\n", dev, err, errno)}
	}
	netAddr, mask, lerr := lookupNet(dev)
	if lerr != nil {
		s.flushErr(lerr.Error() + "\n")
	}
	if c.quiet < 2 {
		s.w.WriteString("interface: " + dev)
		if netAddr != nil && mask != nil {
			s.w.WriteString(" (" + netAddr.String() + "/" + net.IP(mask).String() + ")")
		}
		s.w.WriteString("\n")
	}
	var netmask uint32
	if mask != nil {
		// ngrep hands pcap_compile the mask as stored (network byte
		// order), which a little-endian host reads byte-swapped.
		netmask = bits.ReverseBytes32(uint32(mask[0])<<24 | uint32(mask[1])<<16 | uint32(mask[2])<<8 | uint32(mask[3]))
	}
	return live, compileTarget{linkType: live.LinkType(), snaplen: live.Snaplen(), netmask: netmask, live: true}, nil
}

// flushErr writes a diagnostic to stderr after what stdout holds so far,
// in the order ngrep's unbuffered stderr would show on a terminal.
func (s *session) flushErr(msg string) {
	s.w.Flush()
	os.Stderr.WriteString(msg)
}

// startLive attaches the filter and starts the capture; a signal ends it.
func (s *session) startLive() error {
	if err := s.live.Start(s.eng.filter); err != nil {
		return &setupError{msg: "pcap set: " + err.Error() + "\n"}
	}
	// The header is out once packets are being captured, as ngrep's is.
	s.w.Flush()
	go func() {
		sig := <-s.sigs
		s.live.Break()
		s.sigs <- sig
	}()
	return nil
}

// defaultDevice is pcap_lookupdev's choice: the first device libpcap
// lists (often "any"), unless that is a loopback device.
func defaultDevice() (string, error) {
	devs, err := capture.Devices()
	if err != nil || len(devs) == 0 || devs[0].Flags&capture.DevLoopback != 0 {
		return "", &setupError{msg: "no suitable device found: " + staleErrno + "\n"}
	}
	return devs[0].Name, nil
}

// lookupNet is pcap_lookupnet: the network and mask of the device's
// first IPv4 address; "any" has none and no error.
func lookupNet(dev string) (net.IP, net.IPMask, error) {
	if dev == capture.AnyDevice {
		return nil, nil, nil
	}
	ifc, err := net.InterfaceByName(dev)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: no IPv4 address assigned: No such device", dev)
	}
	addrs, _ := ifc.Addrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil {
			m := net.IPMask(ipn.Mask)
			if len(m) == net.IPv6len {
				m = m[12:]
			}
			return ipn.IP.To4().Mask(m), m, nil
		}
	}
	return nil, nil, fmt.Errorf("%s: no IPv4 address assigned: Cannot assign requested address", dev)
}
