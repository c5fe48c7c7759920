package gencap

import "fmt"

var (
	macA = MAC{0x02, 0x00, 0x00, 0x00, 0x00, 0x01}
	macB = MAC{0x02, 0x00, 0x00, 0x00, 0x00, 0x02}
)

// tsOpt is a SYN's options: mss 1460, sackOK, TS, nop, wscale 7.
func tsOpt(val, ecr uint32) []byte {
	return []byte{2, 4, 0x05, 0xb4, 4, 2, 8, 10,
		byte(val >> 24), byte(val >> 16), byte(val >> 8), byte(val),
		byte(ecr >> 24), byte(ecr >> 16), byte(ecr >> 8), byte(ecr),
		1, 3, 3, 7}
}

// nopTS is the options of an established segment: nop, nop, TS.
func nopTS(val, ecr uint32) []byte {
	return []byte{1, 1, 8, 10,
		byte(val >> 24), byte(val >> 16), byte(val >> 8), byte(val),
		byte(ecr >> 24), byte(ecr >> 16), byte(ecr >> 8), byte(ecr)}
}

// conv emits the packets of one TCP conversation over IPv4 or IPv6.
type conv struct {
	w            *Writer
	v6           bool
	c4, s4       IPv4
	c6, s6       IPv6
	cport, sport uint16
	cseq, sseq   uint32
	ts           uint32
}

func (c *conv) send(fromClient bool, flags uint8, opts, payload []byte, dt int64) error {
	o := TCPOpts{Flags: flags, Win: 502, Options: opts}
	var src, dst []byte
	if fromClient {
		o.SrcPort, o.DstPort, o.Seq, o.Ack = c.cport, c.sport, c.cseq, c.sseq
	} else {
		o.SrcPort, o.DstPort, o.Seq, o.Ack = c.sport, c.cport, c.sseq, c.cseq
	}
	if flags&ACK == 0 {
		o.Ack = 0
	}
	if c.v6 {
		src, dst = c.c6[:], c.s6[:]
		if !fromClient {
			src, dst = dst, src
		}
		seg := TCP(src, dst, o, payload)
		var s, d IPv6
		copy(s[:], src)
		copy(d[:], dst)
		if err := c.w.Write(dt, Ether(macA, macB, 0x86dd, IP6(s, d, 6, 64, 0x12345, seg))); err != nil {
			return err
		}
	} else {
		src, dst = c.c4[:], c.s4[:]
		if !fromClient {
			src, dst = dst, src
		}
		seg := TCP(src, dst, o, payload)
		var s, d IPv4
		copy(s[:], src)
		copy(d[:], dst)
		ip := IP4(IPv4Opts{Src: s, Dst: d, Proto: 6, TTL: 64, ID: uint16(c.ts), DF: true}, seg)
		if err := c.w.Write(dt, Ether(macA, macB, 0x0800, ip)); err != nil {
			return err
		}
	}
	n := uint32(len(payload))
	if flags&(SYN|FIN) != 0 {
		n++
	}
	if fromClient {
		c.cseq += n
	} else {
		c.sseq += n
	}
	c.ts++
	return nil
}

// handshake, request/response exchange and close.
func (c *conv) exchange(req, resp []byte, bulk int) error {
	steps := []func() error{
		func() error { return c.send(true, SYN, tsOpt(c.ts, 0), nil, 120) },
		func() error { return c.send(false, SYN|ACK, tsOpt(c.ts, c.ts-1), nil, 80) },
		func() error { return c.send(true, ACK, nopTS(c.ts, c.ts), nil, 40) },
		func() error { return c.send(true, PSH|ACK, nopTS(c.ts, c.ts), req, 30) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	chunk := make([]byte, 1448)
	for i := range chunk {
		chunk[i] = byte('a' + i%26)
	}
	for i := 0; i < bulk; i++ {
		if err := c.send(false, ACK, nopTS(c.ts, c.ts), chunk, 12); err != nil {
			return err
		}
		if i%2 == 1 {
			if err := c.send(true, ACK, nopTS(c.ts, c.ts), nil, 5); err != nil {
				return err
			}
		}
	}
	for _, s := range []func() error{
		func() error { return c.send(false, PSH|ACK, nopTS(c.ts, c.ts), resp, 20) },
		func() error { return c.send(true, ACK, nopTS(c.ts, c.ts), nil, 10) },
		func() error { return c.send(true, FIN|ACK, nopTS(c.ts, c.ts), nil, 50) },
		func() error { return c.send(false, FIN|ACK, nopTS(c.ts, c.ts), nil, 40) },
		func() error { return c.send(true, ACK, nopTS(c.ts, c.ts), nil, 30) },
	} {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}

// Mixed writes at least n packets of mixed traffic: short HTTP
// exchanges and bulk transfers over IPv4 and IPv6, DNS queries and
// answers, ICMP and ICMPv6 echoes, ARP. Addresses and ports vary so that
// name caches and TCP conversation tables see many distinct entries.
func Mixed(w *Writer, n int) error {
	server4 := IPv4{192, 0, 2, 80}
	server6 := IPv6{0x20, 0x01, 0x0d, 0xb8, 15: 0x80}
	resolver := IPv4{192, 0, 2, 53}
	req := []byte("GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: gencap\r\nAccept: */*\r\n\r\n")
	resp := []byte("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
	written := 0
	for round := 0; written < n; round++ {
		before := w.count
		client := IPv4{10, byte(round >> 16), byte(round >> 8), byte(round)}
		client6 := IPv6{0x20, 0x01, 0x0d, 0xb8, 1, 2, 12: byte(round >> 24), byte(round >> 16), byte(round >> 8), byte(round)}
		port := uint16(32768 + round%28000)
		c := &conv{w: w, c4: client, s4: server4, cport: port, sport: 80,
			cseq: uint32(round) * 7919, sseq: uint32(round) * 104729, ts: uint32(round)}
		if err := c.exchange(req, resp, 0); err != nil {
			return err
		}
		name := fmt.Sprintf("host%d.example.com", round%1000)
		q := UDP(client[:], resolver[:], port+1, 53, DNSQuery(uint16(round), name, 1))
		if err := w.Write(15, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: client, Dst: resolver, Proto: 17, TTL: 64, ID: uint16(round)}, q))); err != nil {
			return err
		}
		a := UDP(resolver[:], client[:], 53, port+1, DNSAnswerA(uint16(round), name, IPv4{198, 51, 100, byte(round)}, 300))
		if err := w.Write(900, Ether(macB, macA, 0x0800, IP4(IPv4Opts{Src: resolver, Dst: client, Proto: 17, TTL: 64, ID: uint16(round + 1)}, a))); err != nil {
			return err
		}
		ping := ICMPEcho(8, uint16(round), 1, []byte("0123456789abcdefghijklmnopqrstuvwxyz012345678901"))
		pong := ICMPEcho(0, uint16(round), 1, []byte("0123456789abcdefghijklmnopqrstuvwxyz012345678901"))
		if err := w.Write(200, Ether(macA, macB, 0x0800, IP4(IPv4Opts{Src: client, Dst: server4, Proto: 1, TTL: 64, ID: 7}, ping))); err != nil {
			return err
		}
		if err := w.Write(300, Ether(macB, macA, 0x0800, IP4(IPv4Opts{Src: server4, Dst: client, Proto: 1, TTL: 64, ID: 8}, pong))); err != nil {
			return err
		}
		if round%4 == 0 {
			c6 := &conv{w: w, v6: true, c6: client6, s6: server6, cport: port, sport: 443,
				cseq: uint32(round) * 31, sseq: uint32(round) * 17, ts: uint32(round)}
			if err := c6.exchange(req, resp, 16); err != nil {
				return err
			}
			e := ICMP6Echo(client6, server6, 128, uint16(round), 1, []byte("ping6"))
			if err := w.Write(100, Ether(macA, macB, 0x86dd, IP6(client6, server6, 58, 64, 0, e))); err != nil {
				return err
			}
		}
		if round%16 == 0 {
			if err := w.Write(1000, Ether(macA, MAC{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, 0x0806, ARPRequest(macA, client, server4))); err != nil {
				return err
			}
		}
		written += w.count - before
	}
	return nil
}
