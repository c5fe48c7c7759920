package main

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"github.com/goclues/goclues/common/capture"
)

// dumpFiles is -w on a live capture: pcap (byte-compatible with
// tcpdump's) or, for a name ending in .pcapng, pcapng with interface
// names and packet directions; rotated by size (-C) and time (-G) over
// at most -W files as tcpdump rotates them, each closed file handed to
// the -z command.
type dumpFiles struct {
	template  string
	linkType  int
	snaplen   int
	prec      capture.Precision
	pcapng    bool
	device    string
	meta      func() capture.Meta // the live source's view of the last packet
	fileSize  int64
	rotate    int64
	count     int
	width     int
	post      string
	pktBuf    bool
	onLimit   func() // called when -G -W has made its last file
	name      string
	f         *os.File
	pcapBytes int64 // bytes written to the current pcap file
	pw        *capture.PcapWriter
	ngw       *capture.PcapngWriter
	ifIDs     map[int]int // ifindex -> pcapng interface ID
	sizeCount int
	timeCount int
	rotatedAt int64
}

func newDumpFiles(c *config, src *capture.Live, onLimit func()) (*dumpFiles, error) {
	prec := capture.Micro
	if c.nano {
		prec = capture.Nano
	}
	d := &dumpFiles{
		template: c.writeFile,
		linkType: src.LinkType(),
		snaplen:  src.Snaplen(),
		prec:     prec,
		pcapng:   strings.HasSuffix(c.writeFile, ".pcapng"),
		device:   src.Device(),
		meta:     src.Meta,
		fileSize: c.live.fileSize,
		rotate:   c.live.rotateSecs,
		count:    c.live.fileCount,
		post:     c.live.postRotate,
		pktBuf:   c.pktBuf,
		onLimit:  onLimit,
	}
	if d.fileSize != 0 {
		d.width = capture.CountWidth(d.count)
	}
	now := time.Now()
	d.rotatedAt = now.Unix()
	name := capture.RotationName(d.template, now, d.rotate != 0, 0, d.width)
	if d.fileSize == 0 && d.rotate == 0 {
		name = d.template
	}
	if err := d.open(name); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *dumpFiles) open(name string) error {
	f := os.Stdout
	if name != "-" {
		var err error
		f, err = os.Create(name)
		if err != nil {
			return fmt.Errorf("%s: %s", name, capitalize(errnoText(err)))
		}
	}
	d.name, d.f = name, f
	var err error
	if d.pcapng {
		d.ifIDs = map[int]int{}
		d.ngw, err = capture.NewPcapngWriter(f, "gotcpdump "+version, d.prec)
	} else {
		d.pw, err = capture.NewPcapWriter(f, d.linkType, d.snaplen, d.prec)
		d.pcapBytes = pcapFileHeaderLen
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// Lengths of the pcap file header and of a record header.
const (
	pcapFileHeaderLen   = 24
	pcapRecordHeaderLen = 16
)

// size is the file's length including what is still buffered
// (pcap_dump_ftell).
func (d *dumpFiles) size() int64 {
	if d.pcapng {
		return d.ngw.Size()
	}
	return d.pcapBytes
}

func (d *dumpFiles) WritePacket(p *capture.Packet) error {
	if d.rotate != 0 {
		if now := time.Now(); now.Unix()-d.rotatedAt >= d.rotate {
			if err := d.rotateByTime(now); err != nil {
				return err
			}
		}
	}
	if d.fileSize != 0 && d.size() > d.fileSize {
		if err := d.closeFile(); err != nil {
			return err
		}
		d.sizeCount++
		if d.count > 0 && d.sizeCount >= d.count {
			d.sizeCount = 0
		}
		if err := d.open(capture.RotationName(d.template, time.Unix(d.rotatedAt, 0), d.rotate != 0, d.sizeCount, d.width)); err != nil {
			return err
		}
	}
	var err error
	if d.pcapng {
		err = d.writeNG(p)
	} else {
		err = d.pw.WritePacket(p)
		d.pcapBytes += pcapRecordHeaderLen + int64(len(p.Data))
	}
	if err == nil && d.pktBuf {
		err = d.Flush()
	}
	return err
}

func (d *dumpFiles) rotateByTime(now time.Time) error {
	d.rotatedAt = now.Unix()
	d.timeCount++
	if err := d.closeFile(); err != nil {
		return err
	}
	if d.fileSize == 0 && d.count > 0 && d.timeCount >= d.count {
		fmt.Fprintf(os.Stderr, "Maximum file limit reached: %d\n", d.count)
		d.onLimit()
	}
	d.sizeCount = 0
	width := 0
	if d.fileSize != 0 {
		width = d.width
	}
	return d.open(capture.RotationName(d.template, now, true, 0, width))
}

// writeNG writes an Enhanced Packet Block on the packet's interface,
// describing the interface the first time it is seen.
func (d *dumpFiles) writeNG(p *capture.Packet) error {
	m := d.meta()
	id, ok := d.ifIDs[m.Ifindex]
	if !ok {
		name := d.device
		if name == capture.AnyDevice {
			if ifc, err := net.InterfaceByIndex(m.Ifindex); err == nil {
				name = ifc.Name
			}
		}
		var err error
		if id, err = d.ngw.AddInterface(name, d.linkType, d.snaplen); err != nil {
			return err
		}
		d.ifIDs[m.Ifindex] = id
	}
	return d.ngw.WritePacket(id, p, epbFlags(m))
}

// epbFlags maps the kernel's packet type to pcapng's direction and
// reception type.
func epbFlags(m capture.Meta) uint32 {
	switch m.PktType {
	case unix.PACKET_OUTGOING:
		return capture.EPBOutbound
	case unix.PACKET_BROADCAST:
		return capture.EPBInbound | capture.EPBBroadcast
	case unix.PACKET_MULTICAST:
		return capture.EPBInbound | capture.EPBMulticast
	case unix.PACKET_OTHERHOST:
		return capture.EPBInbound | capture.EPBPromisc
	}
	return capture.EPBInbound | capture.EPBUnicast
}

func (d *dumpFiles) Flush() error {
	if d.pcapng {
		return d.ngw.Flush()
	}
	return d.pw.Flush()
}

// closeFile closes the current file and runs -z on it.
func (d *dumpFiles) closeFile() error {
	if err := d.Flush(); err != nil {
		return err
	}
	if d.f != os.Stdout {
		if err := d.f.Close(); err != nil {
			return err
		}
	}
	if d.post != "" {
		runPostRotate(d.post, d.name)
	}
	return nil
}

// Close closes the last file; as tcpdump, it is not handed to -z.
func (d *dumpFiles) Close() error {
	if d.f == os.Stdout {
		return nil
	}
	return d.f.Close()
}

// runPostRotate starts "command file" at the lowest priority and lets
// it run on its own, as tcpdump's -z does.
func runPostRotate(command, file string) {
	cmd := exec.Command(command, file)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "compress_savefile: execlp(%s, %s) failed: %s\n", command, file, capitalize(errnoText(err)))
		return
	}
	unix.Setpriority(unix.PRIO_PROCESS, cmd.Process.Pid, 19)
	go cmd.Wait()
}
