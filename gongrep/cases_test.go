package main

// ngrepCase is one command line, run in testdata/gongrep with TZ=GMT0,
// standard input from /dev/null and argv[0] "ngrep".
type ngrepCase struct {
	args []string
}

// inputs are the captures every flag set in flagSets runs on.
var inputs = []string{
	"protos.pcap",
	"text.pcap",
	"times.pcap",
	"../gotcpdump/mixed.pcap",
	"../gotcpdump/ipv4.pcap",
	"../gotcpdump/vlan.pcap",
	"../gotcpdump/sll.pcap",
	"../gotcpdump/null.pcap",
	"../gotcpdump/raw.pcap",
}

// flagSets are run on every input.
var flagSets = [][]string{
	{},
	{"-e"},
	{"-q", "-e", "-N"},
	{"-e", "-x"},
	{"-e", "-W", "byline"},
	{"-e", "-W", "single"},
	{"-e", "-W", "none"},
	{"-t"},
	{"-TT", "-q"},
	{"-S", "5", "-e"},
	{"-v", "-e"},
	{"-c", "40", "-P", "~"},
	{"-c", "120", "-x", "-q"},
	{"-qq", "-n", "3"},
	{"-qqq", "-e"},
	{"-i", "http"},
	{"-C", "-e", "e"},
	{"-X", "0d0a"},
	{"-A", "1", "-q", "HTTP|hello"},
	{"-q", "-e", "port", "80", "or", "udp"},
}

// singleCases are flag sets for one input each: the matcher's corners,
// the filter's fallbacks and the error paths.
var singleCases = [][]string{
	{"-I", "text.pcap", "-w", "index"},
	{"-I", "text.pcap", "-i", "password"},
	{"-I", "text.pcap", "-M", "line.two"},
	{"-I", "text.pcap", "line.two"},
	{"-I", "text.pcap", "-i", "^line$"},
	{"-I", "text.pcap", "end$"},
	{"-I", "text.pcap", "-q", `\Z`},
	{"-I", "text.pcap", "caf."},
	{"-I", "text.pcap", "é"},
	{"-I", "text.pcap", `\xe9`},
	{"-I", "text.pcap", "-i", "ÀÉ"},
	{"-I", "text.pcap", "-i", "àé"},
	{"-I", "text.pcap", `\s`},
	{"-I", "text.pcap", "-q", `vtab\shere`},
	{"-I", "text.pcap", "[[:upper:]]{3}"},
	{"-I", "text.pcap", "-q", `vtab\vhere`},
	{"-I", "text.pcap", "-q", `[\h]here`},
	{"-I", "text.pcap", "-q", `\Nhere`},
	{"-I", "text.pcap", "-q", `line\Rline`},
	{"-I", "text.pcap", "-q", `\cI`},
	{"-I", "text.pcap", "-q", `\G\x00`},
	{"-I", "text.pcap", "-q", `\bindex\b`},
	{"-I", "text.pcap", "-q", `(?m)^Host`},
	{"-I", "text.pcap", "-q", "(?ix) L I N E # a comment\n \\ one"},
	{"-I", "text.pcap", "-q", "a(?x: b b )b"},
	{"-I", "text.pcap", "-C", "<tag>.*</tag>"},
	{"-I", "text.pcap", "-C", "-M", "a.*b"},
	{"-I", "text.pcap", "-C", "-x", "-i", "html"},
	{"-I", "text.pcap", "-C", "-W", "byline", "o"},
	{"-I", "text.pcap", "-C", "-W", "single", "line"},
	{"-I", "text.pcap", "-X", "deadbeef"},
	{"-I", "text.pcap", "-X", "0xC3A9"},
	{"-I", "text.pcap", "-X", "12x4865"},
	{"-I", "text.pcap", "-v", "-X", "0d0a"},
	{"-I", "text.pcap", "-vv", "zzz"},
	{"-I", "text.pcap", "-q", `\Qdollar$\E`},
	{"-I", "text.pcap", "-q", "[$^]"},
	{"-I", "text.pcap", "-q", `\$`},
	{"-I", "text.pcap", ""},
	{"-I", "text.pcap", "-X", ""},
	{"-I", "text.pcap", "-n", "2", "-A", "3", "line"},
	{"-I", "text.pcap", "-W", "BYLINE", "-l", "html"},
	{"-I", "text.pcap", "-D", "-n", "1", "GET"},
	{"-I", "text.pcap", "-P", "", "-q", "nul"},
	{"-I", "text.pcap", "-O", "/dev/null", "HTTP"},
	{"-I", "text.pcap", "-O", "/nonexistent/dir/out.pcap", "HTTP"},
	{"-I", "protos.pcap", "hello", "udp"},
	{"-I", "protos.pcap", "hello", "port", "53", "or", "port", "80"},
	{"-I", "protos.pcap", "port", "80"},
	{"-I", "protos.pcap", "-q", "-s", "10", "-p", "-R", "hello"},
	{"-I", "protos.pcap", "tcp", "and"},
	{"-I", "protos.pcap", "-F", "filter-port80.txt"},
	{"-I", "protos.pcap", "-F", "filter-nonl.txt", "hello", "ignored", "words"},
	{"-I", "protos.pcap", "-F", "filter-empty.txt"},
	{"-I", "protos.pcap", "-F", "/nonexistent"},
	{"-I", "protos.pcap", "-X", "zz"},
	{"-I", "protos.pcap", "-X", "414"},
	{"-I", "protos.pcap", "-X", "-i", "41"},
	{"-I", "protos.pcap", "("},
	{"-I", "protos.pcap", "a)"},
	{"-I", "protos.pcap", "[b-a]"},
	{"-I", "protos.pcap", "*a"},
	{"-I", "protos.pcap", "[a"},
	{"-I", "protos.pcap", `\`},
	{"-I", "protos.pcap", "a{2,1}"},
	{"-I", "protos.pcap", "-L"},
	{"-q", "-L"},
	{"-L"},
	{"-I", "/nonexistent.pcap"},
	{"-I", "filter-port80.txt"},
	{"-I", "."},
	{"-W", "bogus"},
	{"-x", "-W", "none"},
	{"-h"},
	{"-V"},
	{"-z"},
	{"-I"},
	{"-I", "times.pcap", "-t", "-T", "-T", "-q"},
	{"-I", "times.pcap", "-t", "-D", "-n", "2"},
	{"-I", "times.pcap", "-c", "3"},
	{"-I", "times.pcap", "-c", "-20"},
	{"-I", "times.pcap", "-c", "300"},
	{"-I", "times.pcap", "-S", "-1", "-A", "4294967295", "packet.[13]"},
	{"-I", "times.pcap", "-n", "99999999999999999999", "packet"},
}

// rootCases send packets (-K's RST segments go out of a raw socket), so
// only the differential test runs them, as root.
var rootCases = [][]string{
	{"-I", "protos.pcap", "-q", "-K", "2", "hello", "port", "80"},
}

// allCases is every case the golden and differential tests run.
func allCases() []ngrepCase {
	var cs []ngrepCase
	for _, in := range inputs {
		for _, fs := range flagSets {
			args := append([]string{"-I", in}, fs...)
			cs = append(cs, ngrepCase{args: args})
		}
	}
	for _, a := range singleCases {
		cs = append(cs, ngrepCase{args: a})
	}
	return cs
}
