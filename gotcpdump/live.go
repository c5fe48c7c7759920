package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/filter"
)

// liveCapture captures from an interface as tcpdump does on Linux: open
// the device, attach the filter, give up root, print the banner, then
// print or write every packet until -c is reached or a signal stops it,
// and report the kernel's counters.
func liveCapture(c *config) int {
	// Catch the stop signals before anything is opened, as tcpdump
	// does; a SIGHUP the parent ignores stays ignored.
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGUSR1, syscall.SIGUSR2)
	if !signal.Ignored(syscall.SIGHUP) {
		signal.Notify(sigs, syscall.SIGHUP)
	}
	device, types := chooseDevice(c)
	if c.live.monitor {
		fatalf("%s: That device doesn't support monitor mode", device)
	}
	if c.live.listTstamps {
		fmt.Fprintf(os.Stderr, "Time stamp types for %s (use option -j to set):\n  host (Host)\n", device)
		return exitOK
	}
	if c.live.tstampType != "" && c.live.tstampType != "host" {
		fmt.Fprintf(os.Stderr, "%s: WARNING: When trying to set timestamp type '%s' on %s: That type of time stamp is not supported by that device\n",
			progName, c.live.tstampType, device)
	}
	if c.live.listDLTs {
		listLinkTypes(device, types)
		return exitOK
	}
	src := openCapture(c, device, types)
	defer src.Close()
	if err := dropPrivileges(c.live.user); err != nil {
		fatalf("%s", err)
	}

	r := &liveRun{c: c, src: src, sigs: sigs}
	var out packetWriter
	if c.writeFile != "" {
		d, err := newDumpFiles(c, src, r.limitReached)
		if err != nil {
			fatalf("%s", err)
		}
		out = d
	}
	r.sink = newSink(c, src.LinkType(), out)
	r.banner(device)
	return r.loop()
}

// chooseDevice is -i's device (by name, or by number in -D's list) or
// tcpdump's default, the first in that list, with its link types.
func chooseDevice(c *config) (string, []int) {
	device := c.iface
	if device == "" {
		devs, err := capture.Devices()
		if err != nil {
			fatalf("%s", err)
		}
		if len(devs) == 0 {
			fatalf("no interfaces available for capture")
		}
		device = devs[0].Name
	}
	types, err := capture.LinkTypes(device)
	if err != nil {
		device = deviceByNumber(device)
		if types, err = capture.LinkTypes(device); err != nil {
			noSuchDevice(device)
		}
	}
	return device, types
}

// openCapture opens the device, compiles the filter for its link type
// and starts the capture; errors end the program with tcpdump's words.
func openCapture(c *config, device string, types []int) *capture.Live {
	dlt, announce := wantedLinkType(c, device, types)
	if !capture.DeviceUp(device) {
		fatalf("%s: %s", device, capture.ErrNotUp)
	}
	prec := capture.Micro
	if c.nano {
		prec = capture.Nano
	}
	src, err := capture.OpenLive(device, capture.LiveOptions{
		Snaplen:   c.snaplen,
		Promisc:   !c.live.noPromisc && device != capture.AnyDevice,
		Buffer:    c.live.bufferKiB * 1024,
		Immediate: c.live.immediate,
		Direction: c.live.direction,
		LinkType:  dlt,
		Precision: prec,
	})
	if err != nil {
		switch {
		case errors.Is(err, capture.ErrNoSuchDevice):
			noSuchDevice(device)
		case errors.Is(err, capture.ErrNotUp):
			fatalf("%s: %s", device, err)
		}
		fatalf("%s", err)
	}
	if announce {
		fmt.Fprintf(os.Stderr, "%s: data link type %s\n", progName, capture.LinkTypeName(dlt))
	}
	prog, err := filter.CompileConfig(filter.Config{
		Expr: filterText(c), LinkType: dlt, Snaplen: c.snaplen, Optimize: c.optimize, Netmask: netmaskOf(device),
		VLANExtensions: true,
	})
	if err != nil {
		fatalf("%s", err)
	}
	if err := src.Start(prog); err != nil {
		if errors.Is(err, capture.ErrNotUp) {
			fatalf("%s: %s", device, err)
		}
		fatalf("%s", err)
	}
	return src
}

// liveRun is one running capture.
type liveRun struct {
	c           *config
	src         *capture.Live
	sink        *sink
	mu          sync.Mutex // orders statistics lines with packet output
	captured    uint64
	interrupted bool
	sigs        chan os.Signal
}

func (r *liveRun) banner(device string) {
	if r.c.print.Verbose == 0 && r.c.writeFile == "" {
		fmt.Fprintf(os.Stderr, "%s: verbose output suppressed, use -v[v]... for full protocol decode\n", progName)
	} else {
		fmt.Fprintf(os.Stderr, "%s: ", progName)
	}
	fmt.Fprintf(os.Stderr, "listening on %s, link-type %s, snapshot length %d bytes\n",
		device, capture.LinkTypeBanner(r.src.LinkType()), r.src.Snaplen())
}

// loop reads packets until -c, a stop signal or an error.
func (r *liveRun) loop() int {
	sigs := r.sigs
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case s := <-sigs:
				r.signal(s)
			case <-done:
				return
			}
		}
	}()

	status := exitOK
	for r.c.count < 0 || int64(r.captured) < r.c.count {
		p, err := r.src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			flushStdout()
			fmt.Fprintf(os.Stderr, "%s: pcap_loop: %s\n", progName, err)
			status = exitError
			break
		}
		r.mu.Lock()
		r.captured++
		r.sink.handle(p)
		r.mu.Unlock()
	}
	signal.Stop(sigs)
	r.finish()
	return status
}

// signal acts on a signal as tcpdump does: SIGUSR1 prints the counters,
// SIGUSR2 flushes the -w file, the others stop the capture.
func (r *liveRun) signal(s os.Signal) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch s {
	case syscall.SIGUSR1:
		r.printStats(r.captured, false)
	case syscall.SIGUSR2:
		if r.sink.out != nil {
			if err := r.sink.out.Flush(); err != nil {
				fatalf("%s: %s", r.c.writeFile, err)
			}
		}
	default:
		r.interrupted = true
		r.src.Break()
	}
}

// finish ends the capture as tcpdump does: a newline after output a
// signal may have cut, the -w file complete, then the statistics.
func (r *liveRun) finish() {
	r.mu.Lock()
	if r.c.writeFile == "" && r.interrupted {
		stdout.WriteByte('\n')
	}
	r.mu.Unlock()
	flushStdout()
	r.sink.close()
	r.printStats(r.captured, true)
}

// limitReached ends the capture when -G -W has made its last file.
func (r *liveRun) limitReached() {
	flushStdout()
	r.printStats(r.captured, true)
	os.Exit(exitOK)
}

// printStats prints tcpdump's three counters: one line each at the end,
// or all on one line for SIGUSR1.
func (r *liveRun) printStats(captured uint64, final bool) {
	st, err := r.src.Stats()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: pcap_stats: %s\n", progName, err)
		return
	}
	sep := "\n"
	var b strings.Builder
	if !final {
		b.WriteString(progName + ": ")
		sep = ", "
	}
	fmt.Fprintf(&b, "%d packet%s captured%s", captured, plural(captured), sep)
	fmt.Fprintf(&b, "%d packet%s received by filter%s", st.Received, plural(st.Received), sep)
	fmt.Fprintf(&b, "%d packet%s dropped by kernel", st.Dropped, plural(st.Dropped))
	if st.IfDropped != 0 {
		fmt.Fprintf(&b, "%s%d packet%s dropped by interface", sep, st.IfDropped, plural(st.IfDropped))
	}
	b.WriteByte('\n')
	os.Stderr.WriteString(b.String())
}

// wantedLinkType is -y's link type, or the device's default; "any"
// defaults to LINUX_SLL2 as tcpdump 4.99 asks. announce says tcpdump
// names the type it set, once the device is open.
func wantedLinkType(c *config, device string, types []int) (dlt int, announce bool) {
	if c.linkName != "" {
		dlt, ok := capture.LinkTypeByName(c.linkName)
		if !ok {
			fatalf("invalid data link type %s", c.linkName)
		}
		return dlt, true
	}
	if device == capture.AnyDevice {
		return capture.DLTLinuxSLL2, true
	}
	return types[0], false
}

// deviceByNumber maps -i N to the Nth entry of -D's list, as tcpdump
// does once opening a device of that name has failed.
func deviceByNumber(device string) string {
	n, err := strconv.Atoi(device)
	if err != nil {
		noSuchDevice(device)
	}
	devs, lerr := capture.Devices()
	if n <= 0 || lerr != nil || n > len(devs) {
		fatalf("Invalid adapter index")
	}
	return devs[n-1].Name
}

func noSuchDevice(device string) {
	fatalf("%s: %s\n(%s)", device, capture.ErrNoSuchDevice, capture.ErrNoSuchDevice)
}

// netmaskOf is the device's IPv4 netmask, which "ip broadcast" needs
// (pcap_lookupnet); unknown for "any" or a device without IPv4.
func netmaskOf(device string) uint32 {
	if device == capture.AnyDevice {
		return 0
	}
	ifc, err := net.InterfaceByName(device)
	if err != nil {
		return filter.NetmaskUnknown
	}
	addrs, _ := ifc.Addrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && len(ipn.Mask) == net.IPv4len {
			m := ipn.Mask
			return uint32(m[0])<<24 | uint32(m[1])<<16 | uint32(m[2])<<8 | uint32(m[3])
		}
	}
	// tcpdump says nothing when the device has no IPv4 address.
	return 0
}

// listInterfaces is -D: libpcap's device list, numbered, with
// descriptions and flags as tcpdump prints them.
func listInterfaces() int {
	devs, err := capture.Devices()
	if err != nil {
		fatalf("%s", err)
	}
	for i, d := range devs {
		fmt.Fprintf(stdout, "%d.%s", i+1, d.Name)
		if d.Description != "" {
			fmt.Fprintf(stdout, " (%s)", d.Description)
		}
		if d.Flags != 0 {
			fmt.Fprintf(stdout, " [%s]", deviceFlagsText(d.Flags))
		}
		stdout.WriteByte('\n')
	}
	flushStdout()
	return exitOK
}

// deviceFlagsText renders flags as tcpdump's -D does: the set flags by
// name ("none" without any), then the connection status.
func deviceFlagsText(f capture.DeviceFlags) string {
	var parts []string
	for _, fl := range []struct {
		bit  capture.DeviceFlags
		name string
	}{
		{capture.DevUp, "Up"},
		{capture.DevRunning, "Running"},
		{capture.DevLoopback, "Loopback"},
		{capture.DevWireless, "Wireless"},
	} {
		if f&fl.bit != 0 {
			parts = append(parts, fl.name)
		}
	}
	s := strings.Join(parts, ", ")
	if s == "" {
		s = "none"
	}
	status := f & capture.DevStatusMask
	if f&capture.DevWireless != 0 {
		switch status {
		case capture.DevStatusUnknown:
			s += ", Association status unknown"
		case capture.DevStatusConnected:
			s += ", Associated"
		case capture.DevStatusDisconnected:
			s += ", Not associated"
		}
		return s
	}
	switch status {
	case capture.DevStatusUnknown:
		s += ", Connection status unknown"
	case capture.DevStatusConnected:
		s += ", Connected"
	case capture.DevStatusDisconnected:
		s += ", Disconnected"
	}
	return s
}

// listLinkTypes is -L, on stderr as tcpdump prints it.
func listLinkTypes(device string, types []int) {
	var b strings.Builder
	fmt.Fprintf(&b, "Data link types for %s (use option -y to set):\n", device)
	for _, t := range types {
		fmt.Fprintf(&b, "  %s (%s)", capture.LinkTypeName(t), capture.LinkTypeDescription(t))
		if noPrinter[t] {
			b.WriteString(" (printing not supported)")
		}
		b.WriteByte('\n')
	}
	os.Stderr.WriteString(b.String())
}

// noPrinter are the link types -L can offer that tcpdump 4.99.3 has no
// printer for.
var noPrinter = map[int]bool{
	143: true, // DOCSIS, offered on every Ethernet device
}
