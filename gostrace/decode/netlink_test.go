package decode

import (
	"encoding/binary"
	"testing"
)

// nlMsg builds a netlink message: header fields then body.
func nlMsg(typ, flags uint16, seq uint32, body []byte) []byte {
	b := make([]byte, 16, 16+len(body))
	binary.LittleEndian.PutUint32(b, uint32(16+len(body)))
	binary.LittleEndian.PutUint16(b[4:], typ)
	binary.LittleEndian.PutUint16(b[6:], flags)
	binary.LittleEndian.PutUint32(b[8:], seq)
	return append(b, body...)
}

// nlAttr builds an attribute padded to four bytes.
func nlAttr(typ uint16, data []byte) []byte {
	b := make([]byte, 4, 8+len(data))
	binary.LittleEndian.PutUint16(b, uint16(4+len(data)))
	binary.LittleEndian.PutUint16(b[2:], typ)
	b = append(b, data...)
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

func le32b(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func TestNetlink(t *testing.T) {
	getRoute := nlMsg(26, 0x301, 1795649831, append([]byte{2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, nlAttr(15, le32b(254))...))
	addrBody := append([]byte{2, 8, 0x80, 254, 0, 0, 0, 0}, nlAttr(1, []byte{127, 0, 0, 1})...)
	addrBody = append(addrBody, nlAttr(3, []byte("lo\x00"))...)
	addrBody = append(addrBody, nlAttr(8, le32b(0x80))...)
	errBody := append(le32b(uint32(0xffffffed)), nlMsg(18, 5, 7, nil)...) // -ENODEV
	tests := []struct {
		name   string
		family int
		in     []byte
		want   string
	}{
		{"request with trailing zeros", 0, append(getRoute, make([]byte, 120)...),
			`[[{nlmsg_len=36, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1795649831, nlmsg_pid=0}, ` +
				`{rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNSPEC, rtm_flags=0}, ` +
				`[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN]], {nlmsg_len=0, nlmsg_type=0 /* NLMSG_??? */, nlmsg_flags=0, nlmsg_seq=0, nlmsg_pid=0}]`},
		{"address", 0, nlMsg(20, 2, 1, addrBody),
			`[{nlmsg_len=48, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, ` +
				`{ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=0}, ` +
				`[[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr("127.0.0.1")], [{nla_len=7, nla_type=IFA_LABEL}, "lo"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT]]]`},
		{"done", 0, nlMsg(3, 2, 9, le32b(0)),
			`[{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=9, nlmsg_pid=0}, 0]`},
		{"error", 0, nlMsg(2, 0, 7, errBody),
			`[{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, nlmsg_flags=0, nlmsg_seq=7, nlmsg_pid=0}, {error=-ENODEV, msg={nlmsg_len=16, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=7, nlmsg_pid=0}}]`},
		{"short", 0, []byte{1, 2, 3}, `"\x01\x02\x03"`},
		{"sock_diag request", 4, nlMsg(20, 0x301, 123456, append([]byte{2, 6, 0, 0, 0xff, 0x0f, 0, 0}, make([]byte, 48)...)),
			`[{nlmsg_len=72, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=123456, nlmsg_pid=0}, ` +
				`{sdiag_family=AF_INET, sdiag_protocol=IPPROTO_TCP, idiag_ext=0, idiag_states=1<<TCP_ESTABLISHED|1<<TCP_SYN_SENT|1<<TCP_SYN_RECV|1<<TCP_FIN_WAIT1|1<<TCP_FIN_WAIT2|1<<TCP_TIME_WAIT|1<<TCP_CLOSE|1<<TCP_CLOSE_WAIT|1<<TCP_LAST_ACK|1<<TCP_LISTEN|1<<TCP_CLOSING|0x1, ` +
				`id={idiag_sport=htons(0), idiag_dport=htons(0), idiag_src=inet_addr("0.0.0.0"), idiag_dst=inet_addr("0.0.0.0"), idiag_if=0, idiag_cookie=[0, 0]}}]`},
		{"unix_diag request", 4, nlMsg(20, 0x301, 5, []byte{1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}),
			`[{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=5, nlmsg_pid=0}, ` +
				`{sdiag_family=AF_UNIX, sdiag_protocol=0, udiag_states=1<<TCP_ESTABLISHED, udiag_ino=0, udiag_show=UDIAG_SHOW_NAME|UDIAG_SHOW_PEER|UDIAG_SHOW_RQLEN, udiag_cookie=[0, 0]}]`},
		{"unix_diag reply", 4, nlMsg(20, 2, 5, append([]byte{1, 1, 10, 0, 0x85, 4, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0}, nlAttr(0, []byte("\x00abs"))...)),
			`[{nlmsg_len=40, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=5, nlmsg_pid=0}, ` +
				`{udiag_family=AF_UNIX, udiag_type=SOCK_STREAM, udiag_state=TCP_LISTEN, udiag_ino=1157, udiag_cookie=[7, 0]}, ` +
				`[{nla_len=8, nla_type=UNIX_DIAG_NAME}, "\0abs"...]]`},
		{"sock_diag reply", 4, nlMsg(20, 2, 1, append(append(append([]byte{10, 10, 0, 0, 0x07, 0xe8, 0, 0}, make([]byte, 44)...),
			0, 0, 0, 0, 0, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0, 0x89, 4, 0, 0), append(nlAttr(8, []byte{0}), nlAttr(22, []byte{0x52, 0})...)...)),
			`[{nlmsg_len=104, nlmsg_type=SOCK_DIAG_BY_FAMILY, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, ` +
				`{idiag_family=AF_INET6, idiag_state=TCP_LISTEN, idiag_timer=0, idiag_retrans=0, id={idiag_sport=htons(2024), idiag_dport=htons(0), ` +
				`inet_pton(AF_INET6, "::", &idiag_src), inet_pton(AF_INET6, "::", &idiag_dst), idiag_if=0, idiag_cookie=[0, 0]}, ` +
				`idiag_expires=0, idiag_rqueue=0, idiag_wqueue=128, idiag_uid=0, idiag_inode=1161}, ` +
				`[[{nla_len=5, nla_type=INET_DIAG_SHUTDOWN}, 0], [{nla_len=6, nla_type=INET_DIAG_SOCKOPT}, {is_icsk=1, mc_loop=1, mc_all=1}]]]`},
		{"unknown protocol", -1, nlMsg(0x20, 1, 0, []byte{1}),
			`[{nlmsg_len=17, nlmsg_type=0x20 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, "\x01"]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := &Ctx{Cfg: &Config{StrLen: 32}}
			c.netlink(tt.in, tt.family)
			if got := string(c.Out); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// FuzzNetlink feeds arbitrary buffers to the message decoder of each
// protocol: it must never panic or read out of bounds.
func FuzzNetlink(f *testing.F) {
	link := append([]byte{0, 0, 1, 0, 1, 0, 0, 0, 0x43, 0x10, 1, 0, 0, 0, 0, 0}, nlAttr(3, []byte("eth0\x00"))...)
	link = append(link, nlAttr(23, make([]byte, 200))...)
	link = append(link, nlAttr(0x8000|26, nlAttr(2, nlAttr(1, make([]byte, 8))))...)
	f.Add(nlMsg(16, 2, 1, link), 0)
	f.Add(nlMsg(24, 2, 1, append(make([]byte, 12), nlAttr(8, nlAttr(2, le32b(1500)))...)), 0)
	f.Add(nlMsg(2, 0x100, 1, append(le32b(0), nlMsg(18, 1, 1, nil)...)), 0)
	f.Add(nlMsg(20, 0x301, 1, append([]byte{2, 6, 0, 0, 0xff, 0x0f, 0, 0}, make([]byte, 48)...)), 5)
	f.Add(nlMsg(20, 2, 1, append([]byte{10, 10, 0, 0}, make([]byte, 80)...)), 5)
	f.Add(nlMsg(20, 2, 1, append([]byte{1, 1, 10, 0}, make([]byte, 40)...)), 5)
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0)
	f.Fuzz(func(t *testing.T, b []byte, family int) {
		for _, verbose := range []bool{false, true} {
			c := &Ctx{Cfg: &Config{StrLen: 4}, Verbose: verbose}
			c.netlink(b, family%8-1)
		}
	})
}
