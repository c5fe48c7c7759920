package decode

// The kernel key retention service: add_key, request_key, keyctl.

var keySpecials = &Xlat{Vals: []Const{
	{neg(1), "KEY_SPEC_THREAD_KEYRING"}, {neg(2), "KEY_SPEC_PROCESS_KEYRING"},
	{neg(3), "KEY_SPEC_SESSION_KEYRING"}, {neg(4), "KEY_SPEC_USER_KEYRING"},
	{neg(5), "KEY_SPEC_USER_SESSION_KEYRING"}, {neg(6), "KEY_SPEC_GROUP_KEYRING"},
	{neg(7), "KEY_SPEC_REQKEY_AUTH_KEY"}, {neg(8), "KEY_SPEC_REQUESTOR_KEYRING"},
}}

// neg is -n as a table value, for constants strace prints signed.
func neg(n int64) uint64 { return uint64(-n) }

// keySerial prints a key id: a KEY_SPEC_* name or the signed number.
func (c *Ctx) keySerial(v uint64) {
	c.DecValue(keySpecials, uint64(int64(int32(v))))
}

var keySerialArg Printer = func(c *Ctx, i int) { c.keySerial(c.Args[i]) }

var keyctlCmds = &Xlat{Vals: seq("KEYCTL_GET_KEYRING_ID", "KEYCTL_JOIN_SESSION_KEYRING", "KEYCTL_UPDATE",
	"KEYCTL_REVOKE", "KEYCTL_CHOWN", "KEYCTL_SETPERM", "KEYCTL_DESCRIBE", "KEYCTL_CLEAR", "KEYCTL_LINK",
	"KEYCTL_UNLINK", "KEYCTL_SEARCH", "KEYCTL_READ", "KEYCTL_INSTANTIATE", "KEYCTL_NEGATE",
	"KEYCTL_SET_REQKEY_KEYRING", "KEYCTL_SET_TIMEOUT", "KEYCTL_ASSUME_AUTHORITY", "KEYCTL_GET_SECURITY",
	"KEYCTL_SESSION_TO_PARENT", "KEYCTL_REJECT", "KEYCTL_INSTANTIATE_IOV", "KEYCTL_INVALIDATE",
	"KEYCTL_GET_PERSISTENT", "KEYCTL_DH_COMPUTE", "KEYCTL_PKEY_QUERY", "KEYCTL_PKEY_ENCRYPT",
	"KEYCTL_PKEY_DECRYPT", "KEYCTL_PKEY_SIGN", "KEYCTL_PKEY_VERIFY", "KEYCTL_RESTRICT_KEYRING",
	"KEYCTL_MOVE", "KEYCTL_CAPABILITIES"), Unknown: "KEYCTL_???"}

var keyPerms = func() *Xlat {
	x := &Xlat{Unknown: "KEY_???"}
	for k, who := range [...]string{"POS", "USR", "GRP", "OTH"} {
		for b, what := range [...]string{"VIEW", "READ", "WRITE", "SEARCH", "LINK", "SETATTR"} {
			x.Vals = append(x.Vals, Const{uint64(1) << (24 - 8*k + b), "KEY_" + who + "_" + what})
		}
	}
	return x
}()

var keyReqkeyDefaults = &Xlat{Vals: []Const{
	{neg(1), "KEY_REQKEY_DEFL_NO_CHANGE"}, {0, "KEY_REQKEY_DEFL_DEFAULT"},
	{1, "KEY_REQKEY_DEFL_THREAD_KEYRING"}, {2, "KEY_REQKEY_DEFL_PROCESS_KEYRING"},
	{3, "KEY_REQKEY_DEFL_SESSION_KEYRING"}, {4, "KEY_REQKEY_DEFL_USER_KEYRING"},
	{5, "KEY_REQKEY_DEFL_USER_SESSION_KEYRING"}, {6, "KEY_REQKEY_DEFL_GROUP_KEYRING"},
	{7, "KEY_REQKEY_DEFL_REQUESTOR_KEYRING"},
}, Unknown: "KEY_REQKEY_DEFL_???"}

// keyctlBuf prints a buffer the call filled: as many bytes as it
// returned, at most the buffer's size.
func (c *Ctx) keyctlBuf(addr, size uint64) {
	if addr == 0 || c.Failed {
		c.Addr(addr)
		return
	}
	n := uint64(c.Ret)
	if n > size {
		n = size
	}
	c.Buf(addr, n)
}

// keyctlForms prints the arguments after the command.
var keyctlForms = map[uint64]func(c *Ctx){
	0: func(c *Ctx) { c.keySerial(c.Args[1]); c.Str(", "); c.Int(int64(int32(c.Args[2]))) },
	1: func(c *Ctx) { c.CStr(c.Args[1], c.Cfg.StrLen) },
	2: func(c *Ctx) {
		c.keySerial(c.Args[1])
		c.Str(", ")
		c.Buf(c.Args[2], c.Args[3])
		c.Str(", ")
		c.Uint(c.Args[3])
	},
	3:  func(c *Ctx) { c.keySerial(c.Args[1]) },
	4:  func(c *Ctx) { c.keySerial(c.Args[1]); c.Str(", "); c.uints32(c.Args[2:4]) },
	5:  func(c *Ctx) { c.keySerial(c.Args[1]); c.Str(", "); c.Flags(keyPerms, c.Args[2]&0xffffffff) },
	7:  func(c *Ctx) { c.keySerial(c.Args[1]) },
	8:  func(c *Ctx) { c.keySerial(c.Args[1]); c.Str(", "); c.keySerial(c.Args[2]) },
	9:  func(c *Ctx) { c.keySerial(c.Args[1]); c.Str(", "); c.keySerial(c.Args[2]) },
	14: func(c *Ctx) { c.DecValue(keyReqkeyDefaults, uint64(int64(int32(c.Args[1])))) },
	15: func(c *Ctx) { c.keySerial(c.Args[1]); c.Str(", "); c.Uint(c.Args[2] & 0xffffffff) },
	16: func(c *Ctx) { c.keySerial(c.Args[1]) },
	21: func(c *Ctx) { c.keySerial(c.Args[1]) },
	22: func(c *Ctx) { c.Int(int64(int32(c.Args[1]))); c.Str(", "); c.keySerial(c.Args[2]) },
}

// keyctlExitForms print commands whose buffer the call fills.
var keyctlExitForms = map[uint64]func(c *Ctx){
	6: func(c *Ctx) {
		c.keySerial(c.Args[1])
		c.Str(", ")
		c.keyctlBuf(c.Args[2], c.Args[3])
		c.Str(", ")
		c.Uint(c.Args[3])
	},
	10: func(c *Ctx) {
		c.keySerial(c.Args[1])
		c.Str(", ")
		c.CStr(c.Args[2], c.Cfg.StrLen)
		c.Str(", ")
		c.CStr(c.Args[3], c.Cfg.StrLen)
		c.Str(", ")
		c.keySerial(c.Args[4])
	},
	11: func(c *Ctx) {
		c.keySerial(c.Args[1])
		c.Str(", ")
		c.keyctlBuf(c.Args[2], c.Args[3])
		c.Str(", ")
		c.Uint(c.Args[3])
	},
	17: func(c *Ctx) {
		c.keySerial(c.Args[1])
		c.Str(", ")
		c.keyctlBuf(c.Args[2], c.Args[3])
		c.Str(", ")
		c.Uint(c.Args[3])
	},
}

// uints32 appends 32-bit values as ", "-separated signed numbers
// (uids and gids, -1 meaning unchanged).
func (c *Ctx) uints32(v []uint64) {
	for k, x := range v {
		if k > 0 {
			c.Str(", ")
		}
		c.Int(int64(int32(x)))
	}
}

func keyctlCmd(c *Ctx) uint64 { return c.Args[0] & 0xffffffff }

func init() {
	register(map[string]*Spec{
		"add_key": {Args: []Arg{In(Str), In(Str), In(Buf(3)), In(Ulong), In(keySerialArg)}},
		"request_key": {Args: []Arg{In(Str), In(Str),
			In(func(c *Ctx, i int) {
				if c.Args[i] == 0 {
					c.Str("NULL")
					return
				}
				c.CStr(c.Args[i], c.Cfg.StrLen)
			}), In(keySerialArg)}},
		"keyctl": {Args: []Arg{
			In(func(c *Ctx, i int) { c.Value(keyctlCmds, keyctlCmd(c)) }),
			{P: func(c *Ctx, i int) { keyctlForms[keyctlCmd(c)](c) },
				If: func(c *Ctx) bool { _, ok := keyctlForms[keyctlCmd(c)]; return ok }},
			{P: func(c *Ctx, i int) { keyctlExitForms[keyctlCmd(c)](c) }, Exit: true,
				If: func(c *Ctx) bool { _, ok := keyctlExitForms[keyctlCmd(c)]; return ok }},
			{P: func(c *Ctx, i int) {
				for k := 1; k < 5; k++ {
					if k > 1 {
						c.Str(", ")
					}
					c.Hex(c.Args[k])
				}
			}, If: func(c *Ctx) bool {
				_, in := keyctlForms[keyctlCmd(c)]
				_, out := keyctlExitForms[keyctlCmd(c)]
				return !in && !out && keyctlCmd(c) != 18 // KEYCTL_SESSION_TO_PARENT has none
			}},
		}},
	})
}
