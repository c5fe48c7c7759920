// Command gotcpdump is a drop-in reimplementation of tcpdump 4.99.3 in pure
// Go: the same options, the same output bytes and the same exit codes.
package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/goclues/goclues/common/capture"
	"github.com/goclues/goclues/common/filter"
	"github.com/goclues/goclues/common/format"
)

// Exit statuses tcpdump uses.
const (
	exitOK         = 0
	exitError      = 1
	exitWriteError = 14 // S_ERR_ND_WRITE_FILE: stdout went away
)

// stdout is buffered as glibc buffers a pipe or file (st_blksize, 4 KiB),
// so a reader that goes away is noticed after the same amount of output
// as tcpdump notices it.
var stdout = bufio.NewWriterSize(os.Stdout, 4096)

func flushStdout() {
	if err := stdout.Flush(); err != nil {
		writeFailed(err)
	}
}

// writeFailed reports a failed write to standard output as tcpdump does
// (a closed pipe ends the program quietly apart from this line).
func writeFailed(err error) {
	msg := err.Error()
	var errno syscall.Errno
	if errors.As(err, &errno) {
		msg = capitalize(errno.Error())
	}
	fmt.Fprintf(os.Stderr, "%s: Unable to write output: %s\n", progName, msg)
	os.Exit(exitWriteError)
}

func capitalize(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

func formatTimeStyle(t int) format.TimeStyle { return format.TimeStyle(t) }

func main() {
	// A closed pipe must give EPIPE, not kill us, so that we can say what
	// tcpdump says.
	signal.Ignore(syscall.SIGPIPE)
	c := parseArgs(os.Args)
	if c.version {
		fmt.Print(versionText())
		os.Exit(exitOK)
	}
	if c.help {
		usage(os.Stdout)
		os.Exit(exitOK)
	}
	if c.listIfs {
		os.Exit(listInterfaces())
	}
	os.Exit(run(c))
}

// filterText returns the filter expression from -F or the operands.
func filterText(c *config) string {
	if c.filterFile != "" {
		data, err := os.ReadFile(c.filterFile)
		if err != nil {
			fatalf("can't open %s: %s", c.filterFile, capitalize(errnoText(err)))
		}
		// tcpdump's read_infile drops '#' comments to the end of line.
		lines := strings.Split(string(data), "\n")
		for i, l := range lines {
			if j := strings.IndexByte(l, '#'); j >= 0 {
				lines[i] = l[:j]
			}
		}
		return strings.Join(lines, "\n")
	}
	return filter.JoinArgs(c.filterArg)
}

func errnoText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func run(c *config) int {
	if c.readFile == "" {
		if c.dump > 0 {
			return dumpWithoutFile(c)
		}
		return liveCapture(c)
	}
	prec := capture.Micro
	if c.nano {
		prec = capture.Nano
	}
	src, closer, err := capture.OpenFile(c.readFile, prec)
	if err != nil {
		fatalf("%s", err)
	}
	defer closer.Close()

	fmt.Fprintf(os.Stderr, "reading from file %s, link-type %s, snapshot length %d\n",
		c.readFile, capture.LinkTypeBanner(src.LinkType()), src.Snaplen())

	swapped := false
	if sw, ok := src.(capture.Swapper); ok {
		swapped = sw.Swapped()
	}
	if c.dump > 0 {
		return dumpFilter(c, filter.Config{LinkType: src.LinkType(), Snaplen: src.Snaplen(), ReadingFile: true, SwappedFile: swapped})
	}
	var prog *filter.Program
	if expr := filterText(c); expr != "" || c.filterFile != "" {
		// tcpdump passes netmask 0 when reading a file.
		prog, err = filter.CompileConfig(filter.Config{Expr: expr, LinkType: src.LinkType(),
			Snaplen: src.Snaplen(), Optimize: c.optimize, ReadingFile: true, SwappedFile: swapped})
		if err != nil {
			fatalf("%s", err)
		}
	}

	var out packetWriter
	if c.writeFile != "" {
		wprec := capture.Micro
		if c.nano {
			wprec = capture.Nano
		}
		out, err = createPcapOut(c.writeFile, src.LinkType(), src.Snaplen(), wprec, c.pktBuf)
		if err != nil {
			fatalf("%s: %s", c.writeFile, capitalize(errnoText(err)))
		}
	}
	s := newSink(c, src.LinkType(), out)
	var captured uint64
	status := exitOK
	for c.count < 0 || int64(captured) < c.count {
		p, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			flushStdout()
			fmt.Fprintf(os.Stderr, "%s: pcap_loop: %s\n", progName, err)
			status = exitError
			break
		}
		if prog != nil && prog.Match(p.Data, int(p.Len)) == 0 {
			continue
		}
		captured++
		s.handle(p)
	}
	s.close()
	if c.countOnly {
		fmt.Fprintf(stdout, "%d packet%s\n", captured, plural(captured))
	}
	flushStdout()
	return status
}

func plural(n uint64) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// dumpWithoutFile is -d without -r: with -i, for the device's link type
// as a live socket would run it; else for -y's link type, or Ethernet
// with tcpdump's warning.
func dumpWithoutFile(c *config) int {
	if c.iface != "" {
		device, types := chooseDevice(c)
		dlt, announce := wantedLinkType(c, device, types)
		if announce {
			fmt.Fprintf(os.Stderr, "%s: data link type %s\n", progName, capture.LinkTypeName(dlt))
		}
		return dumpFilter(c, filter.Config{LinkType: dlt, VLANExtensions: true})
	}
	if c.linkName == "" {
		fmt.Fprintln(os.Stderr, "Warning: assuming Ethernet")
		return dumpFilter(c, filter.Config{LinkType: capture.DLTEN10MB})
	}
	dlt, ok := capture.LinkTypeByName(c.linkName)
	if !ok {
		fatalf("invalid data link type %s", c.linkName)
	}
	return dumpFilter(c, filter.Config{LinkType: dlt})
}

// dumpFilter prints the compiled filter (-d, -dd, -ddd) and exits. cfg
// says what it is compiled for; tcpdump passes netmask 0.
func dumpFilter(c *config, cfg filter.Config) int {
	cfg.Expr, cfg.Optimize = filterText(c), c.optimize
	if cfg.Snaplen == 0 {
		cfg.Snaplen = c.snaplen
	}
	prog, err := filter.CompileConfig(cfg)
	if err != nil {
		fatalf("%s", err)
	}
	if err := prog.Dump(stdout, c.dump); err != nil {
		writeFailed(err)
	}
	flushStdout()
	return exitOK
}
