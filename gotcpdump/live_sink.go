package main

import (
	"os"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/gotcpdump/dissect"
)

// packetWriter is a -w destination: one pcap file, or a rotating set of
// pcap or pcapng files.
type packetWriter interface {
	WritePacket(p *capture.Packet) error
	Flush() error
	Close() error
}

// sink is where every accepted packet goes, whether read from a file or
// captured live: the -w file and, unless -w is given without --print,
// the printer.
type sink struct {
	nd       *dissect.ND
	printing bool
	lineBuf  bool
	out      packetWriter
	outName  string
}

func newSink(c *config, linkType int, out packetWriter) *sink {
	printing := c.writeFile == "" || c.printToo
	if c.countOnly {
		printing = false
	}
	return &sink{
		nd:       dissect.New(c.print, linkType),
		printing: printing,
		lineBuf:  c.lineBuf,
		out:      out,
		outName:  c.writeFile,
	}
}

// handle writes and prints one packet.
func (s *sink) handle(p *capture.Packet) {
	if s.out != nil {
		if err := s.out.WritePacket(p); err != nil {
			fatalf("%s: %s", s.outName, err)
		}
	}
	if s.printing {
		s.nd.PrintPacket(p)
		if _, err := stdout.Write(s.nd.Output()); err != nil {
			writeFailed(err)
		}
		s.nd.Reset()
		if s.lineBuf {
			flushStdout()
		}
	}
}

// close flushes and closes the -w destination.
func (s *sink) close() {
	if s.out == nil {
		return
	}
	if err := s.out.Flush(); err != nil {
		fatalf("%s: %s", s.outName, err)
	}
	s.out.Close()
}

// pcapOut is a single pcap file (or standard output), flushed after
// every packet with -U.
type pcapOut struct {
	pw     *capture.PcapWriter
	f      *os.File
	pktBuf bool
}

// createPcapOut opens name ("-" is standard output) and writes the pcap
// file header.
func createPcapOut(name string, linkType, snaplen int, prec capture.Precision, pktBuf bool) (*pcapOut, error) {
	f := os.Stdout
	if name != "-" {
		var err error
		f, err = os.Create(name)
		if err != nil {
			return nil, err
		}
	}
	pw, err := capture.NewPcapWriter(f, linkType, snaplen, prec)
	if err != nil {
		return nil, err
	}
	return &pcapOut{pw: pw, f: f, pktBuf: pktBuf}, nil
}

func (o *pcapOut) WritePacket(p *capture.Packet) error {
	if err := o.pw.WritePacket(p); err != nil {
		return err
	}
	if o.pktBuf {
		return o.pw.Flush()
	}
	return nil
}

func (o *pcapOut) Flush() error { return o.pw.Flush() }

func (o *pcapOut) Close() error {
	if o.f == os.Stdout {
		return nil
	}
	return o.f.Close()
}
