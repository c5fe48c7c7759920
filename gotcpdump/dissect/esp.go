package dissect

// ESP, the IP Encapsulating Security Payload (RFC 4303; tcpdump's
// print-esp.c), IP protocol 50, and its UDP encapsulation on port 4500
// (RFC 3948). With -E the payload is decrypted with the given security
// associations and printed as the protocol its trailer names.

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

func init() {
	registerIPProto(50, espPrint)
	registerUDPPort("isakmp-natt", isakmpNATTPrint, 4500)
}

// espSA is one security association from -E.
type espSA struct {
	daddr     netip.Addr // zero for the default SA and IKEv2 entries
	spi       uint32     // 0 for IKEv2 entries
	initiator bool       // IKEv2: the initiator's keys
	spii      [8]byte    // IKEv2 SPIs
	spir      [8]byte
	cipher    *espCipher // nil when the algorithm is unknown
	ivLen     int
	authLen   int
	secret    []byte
}

// espSAs is the parsed -E list; newer entries come first, as tcpdump
// prepends them.
type espSAs struct {
	list []*espSA
	def  *espSA
}

// espCipher is a CBC block cipher known by an OpenSSL name.
type espCipher struct {
	keyLen, ivLen int
	newBlock      func(key []byte) (cipher.Block, error)
}

// espCiphers are the ciphers -E accepts, by the names tcpdump resolves
// through OpenSSL (after it strips "-hmac96" and "-cbc").
var espCiphers = map[string]*espCipher{
	"3des":     {24, 8, des.NewTripleDESCipher},
	"des-ede3": {24, 8, des.NewTripleDESCipher},
	"des":      {8, 8, des.NewCipher},
	"aes128":   {16, 16, aes.NewCipher},
	"aes192":   {24, 16, aes.NewCipher},
	"aes256":   {32, 16, aes.NewCipher},
	"aes-128":  {16, 16, aes.NewCipher},
	"aes-192":  {24, 16, aes.NewCipher},
	"aes-256":  {32, 16, aes.NewCipher},
}

// espWarn reports a problem with the -E secrets on stderr, as tcpdump's
// ndo_warning does.
func espWarn(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "%s: %s\n", filepath.Base(os.Args[0]), fmt.Sprintf(format, args...))
}

// sas parses the -E secrets the first time they are needed.
func (nd *ND) sas() *espSAs {
	if nd.esp == nil {
		nd.esp = &espSAs{}
		for _, line := range strings.FieldsFunc(nd.ESPSecret, func(r rune) bool { return r == '\n' || r == ',' }) {
			nd.esp.addSecret(line)
		}
	}
	return nd.esp
}

func (s *espSAs) add(sa *espSA, isDefault bool) {
	if isDefault {
		s.def = sa
	}
	s.list = append([]*espSA{sa}, s.list...)
}

// addSecret parses one "[spi@addr] algo:key", "file NAME" or "ikev2 ..."
// entry.
func (s *espSAs) addSecret(line string) {
	spikey, decode, found := strings.Cut(line, " ")
	if !found {
		spikey, decode, found = strings.Cut(line, "\t")
	}
	sa := &espSA{}
	isDefault := false
	if !found {
		decode, spikey = spikey, ""
		isDefault = true
	}
	switch {
	case strings.EqualFold(spikey, "file"):
		s.addFile(decode)
		return
	case strings.EqualFold(spikey, "ikev2"):
		s.addIKEv2(decode)
		return
	case spikey != "":
		spiStr, addr, ok := strings.Cut(spikey, "@")
		spi, err := strconv.ParseUint(spiStr, 0, 32)
		if !ok || err != nil {
			espWarn("print_esp: failed to decode spi# %s", spiStr)
			return
		}
		sa.spi = uint32(spi)
		a, err := netip.ParseAddr(addr)
		if err != nil {
			espWarn("print_esp: can not decode IP# %s", addr)
			return
		}
		sa.daddr = a
	}
	if !sa.setCipher(strings.TrimLeft(decode, " \t\r\n")) {
		return
	}
	s.add(sa, isDefault)
}

func (s *espSAs) addFile(name string) {
	data, err := os.ReadFile(name)
	if err != nil {
		espWarn("esp_print_decode_onesecret: can't open %s: %v", name, err)
		return
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		s.addSecret(line)
	}
}

// addIKEv2 parses "I|R 0xSPII 0xSPIR authalgo:key encalgo:key".
func (s *espSAs) addIKEv2(line string) {
	f := strings.FieldsFunc(line, func(r rune) bool { return r == ' ' || r == '\t' })
	if len(f) < 5 {
		espWarn("print_esp: failed to find all fields for ikev2")
		return
	}
	init, icookie, rcookie, authkey, enckey := f[0], f[1], f[2], f[3], f[4]
	if (init[0] != 'I' && init[0] != 'R') || len(icookie) != 18 || len(rcookie) != 18 ||
		!strings.HasPrefix(icookie, "0x") || !strings.HasPrefix(rcookie, "0x") {
		espWarn("print_esp: line improperly formatted.")
		return
	}
	sa := &espSA{initiator: init[0] == 'I'}
	if n, err := hex.Decode(sa.spii[:], []byte(icookie[2:])); err != nil || n != 8 {
		return
	}
	if n, err := hex.Decode(sa.spir[:], []byte(rcookie[2:])); err != nil || n != 8 {
		return
	}
	if !sa.setCipher(enckey) {
		return
	}
	algo, _, ok := strings.Cut(authkey, ":")
	if !ok {
		espWarn("failed to decode espsecret: %s", authkey)
		return
	}
	if strings.EqualFold(algo, "sha1") || strings.EqualFold(algo, "md5") {
		sa.authLen = 12
	}
	s.add(sa, false)
}

// setCipher parses "algo[-cbc][-hmac96]:key" (the key in hex after "0x",
// else literal). Unknown algorithms leave the SA without a cipher.
func (sa *espSA) setCipher(decode string) bool {
	algo, key, ok := strings.Cut(decode, ":")
	if !ok {
		espWarn("failed to decode espsecret: %s", decode)
		return false
	}
	authLen := 0
	if len(algo) > len("-hmac96") && strings.HasSuffix(algo, "-hmac96") {
		algo = strings.TrimSuffix(algo, "-hmac96")
		authLen = 12
	}
	if len(algo) > len("-cbc") && strings.HasSuffix(algo, "-cbc") {
		algo = strings.TrimSuffix(algo, "-cbc")
	}
	c := espCiphers[strings.ToLower(algo)]
	if c == nil {
		espWarn("failed to find cipher algo %s", algo)
		return false
	}
	sa.cipher = c
	sa.authLen = authLen
	sa.ivLen = c.ivLen
	if strings.HasPrefix(key, "0x") {
		h := key[2:]
		b := make([]byte, len(h)/2)
		if _, err := hex.Decode(b, []byte(h[:len(b)*2])); err != nil {
			espWarn("invalid hex digit in espsecret")
			return false
		}
		if len(b) == 0 {
			return false
		}
		sa.secret = b
	} else {
		sa.secret = []byte(key)
	}
	return true
}

// decrypt deciphers ct with iv (CBC, no padding), or returns nil.
func (sa *espSA) decrypt(iv, ct []byte) []byte {
	key := make([]byte, sa.cipher.keyLen)
	copy(key, sa.secret)
	block, err := sa.cipher.newBlock(key)
	if err != nil {
		espWarn("espkey init failed")
		return nil
	}
	if len(ct)%block.BlockSize() != 0 {
		espWarn("ciphertext size %d is not a multiple of the cipher block size %d", len(ct), block.BlockSize())
		return nil
	}
	if len(iv) < block.BlockSize() {
		return nil
	}
	pt := make([]byte, len(ct))
	cipher.NewCBCDecrypter(block, iv[:block.BlockSize()]).CryptBlocks(pt, ct)
	return pt
}

// espHdrLen is the SPI and sequence number.
const espHdrLen = 8

func espPrint(nd *ND, b []byte, length int, ip *ipInfo) {
	nd.SetProto("esp")
	if len(b) <= espHdrLen {
		nd.PrintTrunc()
		return
	}
	spi := getBE32(b, 0)
	nd.Print("ESP(spi=")
	nd.Printf("0x%08x,seq=0x%x), length %d", spi, getBE32(b, 4), length)
	if nd.ESPSecret == "" {
		return
	}
	s := nd.sas()
	if len(s.list) == 0 {
		return
	}
	var sa *espSA
	switch ip.ver {
	case 6:
		if getBE16(ip.hdr, 4) == 0 {
			return
		}
	case 4:
		if ip.fragmented {
			return
		}
	default:
		return
	}
	dst, _ := netip.AddrFromSlice(ip.dst)
	for _, e := range s.list {
		if e.spi == spi && e.daddr.IsValid() && e.daddr.Unmap() == dst.Unmap() {
			sa = e
			break
		}
	}
	if sa == nil {
		sa = s.def
	}
	if sa == nil {
		return
	}
	ct := espHdrLen + sa.ivLen
	end := len(b)
	if end-ct < sa.authLen {
		nd.PrintTrunc()
		return
	}
	end -= sa.authLen
	if sa.cipher == nil {
		return
	}
	if end < 1 || end-1 < 0 || ct > end {
		nd.PrintTrunc()
		return
	}
	pt := sa.decrypt(b[espHdrLen:ct], b[ct:end])
	if pt == nil {
		return
	}
	padLen := int(getU8(pt, len(pt)-2))
	if padLen+2 > len(pt) {
		nd.PrintTrunc()
		return
	}
	nh := getU8(pt, len(pt)-1)
	nd.Print(": ")
	inner := nd.newIPInfo()
	*inner = *ip
	inner.nextHdr = nh
	n := len(pt) - (padLen + 2)
	ipDemuxPrint(nd, pt[:n], n, inner)
}

// isakmpNATTPrint prints UDP port 4500 traffic (isakmp_rfc3948_print):
// NAT keepalives, IKE behind a zero non-ESP marker, and ESP.
func isakmpNATTPrint(nd *ND, b []byte, length int, ip *ipInfo, _, _ uint16) {
	nd.SetProto("isakmp_rfc3948")
	if length == 1 && getU8(b, 0) == 0xff {
		nd.Print("isakmp-nat-keep-alive")
		return
	}
	if length < 4 {
		nd.PrintTrunc()
		return
	}
	if getBE32(b, 0) == 0 {
		nd.Print("NONESP-encap: ")
		isakmpPrint(nd, b[4:], length-4, ip)
		return
	}
	nd.Print("UDP-encap: ")
	espPrint(nd, b, length, ip)
}
