package dissect

// TCP conversation state: the port ladder that picks the printer of a
// segment's payload, and the per-connection initial sequence numbers
// behind tcpdump's relative sequence and acknowledgement numbers.

// tcpOrder is the order of tcpdump's tcp_print port ladder: when the two
// ports of a segment belong to different protocols, the one listed first
// here wins. Printers register under these names (registerTCPPort); the
// ones that tcpdump prefixes with ": " (smtp, whois, ftp, http, rtsp)
// print that prefix themselves.
var tcpOrder = []string{
	"telnet", "smtp", "whois", "bgp", "pptp", "resp", "ssh", "nbt", "smb",
	"beep", "openflow", "ftp", "http", "rtsp", "domain", "msdp", "rpki-rtr",
	"ldp", "nfs",
}

// tcpTypes are the printers -T selects for TCP payloads (tcpdump knows
// zmtp1, resp and domain there), by -T name.
var tcpTypes = map[string]portPrinter{}

// registerTCPType makes fn what "-T name" prints TCP payloads with.
func registerTCPType(name string, fn portPrinter) { tcpTypes[name] = fn }

// tcpSeqBase is what tcpdump's tcp_seq_hash entry records for one
// conversation: the initial sequence numbers that later segments are
// printed relative to. seq belongs to the side the key calls src.
type tcpSeqBase struct {
	seq, ack uint32
}

// tcpKey4 and tcpKey6 identify a conversation the way tcpdump's struct
// tha does: addresses and ports ordered so that both directions share
// one entry (the lower port, or on equal ports the lower address, is the
// source).
type tcpKey4 struct {
	src, dst [4]byte
	port     uint32
}

type tcpKey6 struct {
	src, dst [16]byte
	port     uint32
}

// tcpConversations holds the relative-sequence state of every TCP
// conversation seen with ACK set, for IPv4 and IPv6 separately as
// tcpdump does (tcp_seq_hash4 / tcp_seq_hash6).
type tcpConversations struct {
	v4 map[tcpKey4]tcpSeqBase
	v6 map[tcpKey6]tcpSeqBase
}

// tcpRelSeq is the outcome of looking a segment up: the sequence and
// acknowledgement numbers to print, whether the segment travels in the
// key's reverse direction, and the base values SACK blocks are printed
// relative to.
type tcpRelSeq struct {
	seq, ack uint32
	rev      bool
	baseSeq  uint32
	baseAck  uint32
}

// relative finds (or records) the conversation of a segment carrying an
// ACK and returns its sequence numbers relative to the conversation's
// initial ones. A SYN restarts the conversation; the first segment seen
// of a conversation is printed with absolute numbers, as tcpdump does.
func (c *tcpConversations) relative(ip *ipInfo, sport, dport uint16, seq, ack uint32, syn bool) tcpRelSeq {
	var src, dst []byte
	if ip.ver == 6 {
		src, dst = ip.hdr[8:24], ip.hdr[24:40]
	} else {
		src, dst = ip.hdr[12:16], ip.hdr[16:20]
	}
	rev := sport > dport || sport == dport && compareBytes(src, dst) > 0
	var port uint32
	if rev {
		src, dst = dst, src
		port = uint32(dport)<<16 | uint32(sport)
	} else {
		port = uint32(sport)<<16 | uint32(dport)
	}

	var base tcpSeqBase
	var found bool
	if ip.ver == 6 {
		key := tcpKey6{src: [16]byte(src), dst: [16]byte(dst), port: port}
		base, found = c.v6[key]
		if !found || syn {
			base = newSeqBase(seq, ack, rev)
			if c.v6 == nil {
				c.v6 = map[tcpKey6]tcpSeqBase{}
			}
			c.v6[key] = base
		}
	} else {
		key := tcpKey4{src: [4]byte(src), dst: [4]byte(dst), port: port}
		base, found = c.v4[key]
		if !found || syn {
			base = newSeqBase(seq, ack, rev)
			if c.v4 == nil {
				c.v4 = map[tcpKey4]tcpSeqBase{}
			}
			c.v4[key] = base
		}
	}
	r := tcpRelSeq{seq: seq, ack: ack, rev: rev, baseSeq: base.seq, baseAck: base.ack}
	switch {
	case !found || syn:
	case rev:
		r.seq -= base.ack
		r.ack -= base.seq
	default:
		r.seq -= base.seq
		r.ack -= base.ack
	}
	return r
}

func newSeqBase(seq, ack uint32, rev bool) tcpSeqBase {
	if rev {
		return tcpSeqBase{seq: ack - 1, ack: seq}
	}
	return tcpSeqBase{seq: seq, ack: ack - 1}
}

// compareBytes is memcmp's sign for equal-length byte strings.
func compareBytes(a, b []byte) int {
	for i := range a {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}
