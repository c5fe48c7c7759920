package decode

// capabilities names the capability numbers strace 6.1 knows.
var capabilities = &Xlat{Vals: seq(
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
	"CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
	"CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE",
	"CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT",
	"CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
	"CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN",
	"CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
), Unknown: "CAP_???"}

var capVersions = &Xlat{Vals: []Const{
	{0x19980330, "_LINUX_CAPABILITY_VERSION_1"}, {0x20071026, "_LINUX_CAPABILITY_VERSION_2"},
	{0x20080522, "_LINUX_CAPABILITY_VERSION_3"},
}, Unknown: "_LINUX_CAPABILITY_VERSION_???"}

// capHeader prints struct __user_cap_header_struct.
var capHeader Printer = func(c *Ctx, i int) {
	var b [8]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[i], b[:]) {
		c.Addr(c.Args[i])
		return
	}
	c.Str("{version=")
	c.Value(capVersions, uint64(le32(b[:])))
	c.Str(", pid=")
	c.Int(int64(int32(le32(b[4:]))))
	c.Out = append(c.Out, '}')
}

var capabilitiesHigh = func() *Xlat {
	x := &Xlat{Unknown: "CAP_???"}
	for _, k := range capabilities.Vals {
		if k.Val >= 32 {
			x.Vals = append(x.Vals, Const{1 << (k.Val - 32), "1<<" + k.Name})
		}
	}
	return x
}()

var capabilitiesLow = func() *Xlat {
	x := &Xlat{Unknown: "CAP_???"}
	for _, k := range capabilities.Vals {
		if k.Val < 32 {
			x.Vals = append(x.Vals, Const{1 << k.Val, "1<<" + k.Name})
		}
	}
	return x
}()

// capSet appends a capability set as its two 32-bit words, each as
// flags: 1<<CAP_CHOWN|1<<CAP_KILL|1<<CAP_MAC_ADMIN.
func (c *Ctx) capSet(v uint64) {
	lo, hi := v&0xffffffff, v>>32
	if lo != 0 || hi == 0 {
		c.Flags(capabilitiesLow, lo)
	}
	if hi != 0 {
		if lo != 0 {
			c.Out = append(c.Out, '|')
		}
		c.Flags(capabilitiesHigh, hi)
	}
}

// capData prints the capability sets: one 32-bit struct for version 1,
// two halves of 64-bit sets for versions 2 and 3.
var capData Printer = func(c *Ctx, i int) {
	var h [4]byte
	var b [24]byte
	if c.Args[i] == 0 || !c.readInto(c.Args[0], h[:]) {
		c.Addr(c.Args[i])
		return
	}
	n := 24
	if le32(h[:]) == 0x19980330 {
		n = 12
	}
	if !c.readInto(c.Args[i], b[:n]) {
		c.Hex(c.Args[i])
		return
	}
	set := func(k int) uint64 {
		v := uint64(le32(b[4*k:]))
		if n == 24 {
			v |= uint64(le32(b[12+4*k:])) << 32
		}
		return v
	}
	c.Str("{effective=")
	c.capSet(set(0))
	c.Str(", permitted=")
	c.capSet(set(1))
	c.Str(", inheritable=")
	c.capSet(set(2))
	c.Out = append(c.Out, '}')
}

func init() {
	register(map[string]*Spec{
		"capget": {Args: []Arg{In(capHeader), Out(capData)}},
		"capset": {Args: []Arg{In(capHeader), In(capData)}},
	})
}
