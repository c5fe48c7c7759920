package dissect

// Name tables of the ISAKMP/IKE printer (isakmp.go).

// Payload types with special handling.
const (
	ikeNPNone  = 0
	ikeNPSA    = 1
	ikeNPP     = 2
	ikeNPT     = 3
	ikeNPKE    = 4
	ikeNPID    = 5
	ikeNPCert  = 6
	ikeNPCR    = 7
	ikeNPHash  = 8
	ikeNPSig   = 9
	ikeNPNonce = 10
	ikeNPN     = 11
	ikeNPD     = 12
	ikeNPVID   = 13
	ikeNPv2E   = 46
)

var ikeProtoIDs = []string{"", "isakmp", "ipsec-ah", "ipsec-esp", "ipcomp"}

var ikeNPNames = []string{
	"none", "sa", "p", "t", "ke", "id", "cert", "cr", "hash",
	"sig", "nonce", "n", "d", "vid",
	"pay14", "pay15", "pay16", "pay17", "pay18",
	"pay19", "pay20", "pay21", "pay22", "pay23",
	"pay24", "pay25", "pay26", "pay27", "pay28",
	"pay29", "pay30", "pay31", "pay32",
	"v2sa", "v2ke", "v2IDi", "v2IDr", "v2cert",
	"v2cr", "v2auth", "v2nonce", "v2n", "v2d",
	"v2vid", "v2TSi", "v2TSr", "v2e", "v2cp",
	"v2eap",
}

var ikeExchangeTypes = func() []string {
	t := make([]string, 38)
	copy(t, []string{"none", "base", "ident", "auth", "agg", "inf"})
	t[32], t[33] = "oakley-quick", "oakley-newgroup"
	t[34], t[35], t[36], t[37] = "ikev2_init", "ikev2_auth", "child_sa", "inf2"
	return t
}()

var (
	ikev1PMap       = []string{"", "ike"}
	ikev2TTypeMap   = []string{"", "encr", "prf", "integ", "dh", "esn"}
	ikeAHPMap       = []string{"", "(reserved)", "md5", "sha", "1des", "sha2-256", "sha2-384", "sha2-512"}
	ikePRFPMap      = []string{"", "hmac-md5", "hmac-sha", "hmac-tiger", "aes128_xcbc"}
	ikeIntegPMap    = []string{"", "hmac-md5", "hmac-sha", "dec-mac", "kpdk-md5", "aes-xcbc"}
	ikeESNPMap      = []string{"no-esn", "esn"}
	ikeDHGroups     = []string{"", "modp768", "modp1024", "EC2N 2^155", "EC2N 2^185", "modp1536", "iana-grp06", "iana-grp07", "iana-grp08", "iana-grp09", "iana-grp10", "iana-grp11", "iana-grp12", "iana-grp13", "modp2048", "modp3072", "modp4096", "modp6144", "modp8192"}
	ikeESPPMap      = []string{"", "1des-iv64", "1des", "3des", "rc5", "idea", "cast", "blowfish", "3idea", "1des-iv32", "rc4", "null", "aes"}
	ikeIPCompPMap   = []string{"", "oui", "deflate", "lzs"}
	ikeCertTypes    = []string{"none", "pkcs7", "pgp", "dns", "x509sign", "x509ke", "kerberos", "crl", "arl", "spki", "x509attr"}
	ikeIDTypes      = []string{"IPv4", "IPv4net", "IPv6", "IPv6net"}
	ikeIPsecIDTypes = []string{"", "IPv4", "FQDN", "user FQDN", "IPv4net", "IPv6", "IPv6net", "IPv4range", "IPv6range", "ASN1 DN", "ASN1 GN", "keyid"}
	ikev2AuthMethod = []string{"invalid", "rsasig", "shared-secret", "dsssig"}
)

var ikeNotifyErrors = []string{
	"", "INVALID-PAYLOAD-TYPE", "DOI-NOT-SUPPORTED", "SITUATION-NOT-SUPPORTED",
	"INVALID-COOKIE", "INVALID-MAJOR-VERSION", "INVALID-MINOR-VERSION", "INVALID-EXCHANGE-TYPE",
	"INVALID-FLAGS", "INVALID-MESSAGE-ID", "INVALID-PROTOCOL-ID", "INVALID-SPI",
	"INVALID-TRANSFORM-ID", "ATTRIBUTES-NOT-SUPPORTED", "NO-PROPOSAL-CHOSEN", "BAD-PROPOSAL-SYNTAX",
	"PAYLOAD-MALFORMED", "INVALID-KEY-INFORMATION", "INVALID-ID-INFORMATION", "INVALID-CERT-ENCODING",
	"INVALID-CERTIFICATE", "CERT-TYPE-UNSUPPORTED", "INVALID-CERT-AUTHORITY", "INVALID-HASH-INFORMATION",
	"AUTHENTICATION-FAILED", "INVALID-SIGNATURE", "ADDRESS-NOTIFICATION", "NOTIFY-SA-LIFETIME",
	"CERTIFICATE-UNAVAILABLE", "UNSUPPORTED-EXCHANGE-TYPE", "UNEQUAL-PAYLOAD-LENGTHS",
}

var (
	ikeIPsecNotifyErrors = []string{"RESERVED"}
	ikeNotifyStatus      = []string{"CONNECTED"}
	ikeIPsecNotifyStatus = []string{"RESPONDER-LIFETIME", "REPLAY-STATUS", "INITIAL-CONTACT"}
)

// ikeAttrMap names an attribute type and its enumerated values.
type ikeAttrMap struct {
	name   string
	values []string
}

var ikeIPsecTMap = []ikeAttrMap{
	{}, {"lifetype", []string{"", "sec", "kb"}}, {"life", nil},
	{"group desc", ikeDHGroups}, {"enc mode", []string{"", "tunnel", "transport"}},
	{"auth", []string{"", "hmac-md5", "hmac-sha1", "1des-mac", "keyed"}},
	{"keylen", nil}, {"rounds", nil}, {"dictsize", nil}, {"privalg", nil},
}

var ikeEncrTMap = func() []ikeAttrMap {
	m := make([]ikeAttrMap, 15)
	m[14] = ikeAttrMap{"keylen", make([]string, 14)}
	return m
}()

var ikeOakleyTMap = []ikeAttrMap{
	{}, {"enc", []string{"", "1des", "idea", "blowfish", "rc5", "3des", "cast", "aes"}},
	{"hash", []string{"", "md5", "sha1", "tiger", "sha2-256", "sha2-384", "sha2-512"}},
	{"auth", []string{"", "preshared", "dss", "rsa sig", "rsa enc", "rsa enc revised"}},
	{"group desc", ikeDHGroups}, {"group type", []string{"", "MODP", "ECP", "EC2N"}},
	{"group prime", nil}, {"group gen1", nil}, {"group gen2", nil},
	{"group curve A", nil}, {"group curve B", nil},
	{"lifetype", []string{"", "sec", "kb"}}, {"lifeduration", nil}, {"prf", nil},
	{"keylen", nil}, {"field", nil}, {"order", nil},
}

// ikev2Notifies names IKEv2 notify types and whether their SPI prints.
var ikev2Notifies = map[uint16]struct {
	name    string
	showSPI bool
}{
	1: {"unsupported_critical_payload", false}, 4: {"invalid_ike_spi", true},
	5: {"invalid_major_version", false}, 7: {"invalid_syntax", true},
	9: {"invalid_message_id", true}, 11: {"invalid_spi", true},
	14: {"no_protocol_chosen", true}, 17: {"invalid_ke_payload", true},
	24: {"authentication_failed", true}, 34: {"single_pair_required", true},
	35: {"no_additional_sas", false}, 36: {"internal_address_failure", false},
	37: {"failed:cp_required", false}, 39: {"invalid_selectors", false},
	16384: {"initial_contact", false}, 16385: {"set_window_size", false},
	16386: {"additional_ts_possible", false}, 16387: {"ipcomp_supported", false},
	16388: {"nat_detection_source_ip", true}, 16389: {"nat_detection_destination_ip", true},
	16390: {"cookie", true}, 16391: {"use_transport_mode", false},
	16392: {"http_cert_lookup_supported", false}, 16393: {"rekey_sa", true},
	16394: {"tfc_padding_not_supported", false}, 16395: {"non_first_fragment_also", false},
}
