package decode

// Loading a new kernel: kexec_load with its segments and
// architecture-tagged flags, kexec_file_load.

var kexecArchs = &Xlat{Vals: []Const{
	{0, "KEXEC_ARCH_DEFAULT"}, {3 << 16, "KEXEC_ARCH_386"}, {4 << 16, "KEXEC_ARCH_68K"},
	{15 << 16, "KEXEC_ARCH_PARISC"}, {62 << 16, "KEXEC_ARCH_X86_64"}, {20 << 16, "KEXEC_ARCH_PPC"},
	{21 << 16, "KEXEC_ARCH_PPC64"}, {50 << 16, "KEXEC_ARCH_IA_64"}, {40 << 16, "KEXEC_ARCH_ARM"},
	{22 << 16, "KEXEC_ARCH_S390"}, {42 << 16, "KEXEC_ARCH_SH"}, {10 << 16, "KEXEC_ARCH_MIPS_LE"},
	{8 << 16, "KEXEC_ARCH_MIPS"}, {183 << 16, "KEXEC_ARCH_AARCH64"}, {243 << 16, "KEXEC_ARCH_RISCV"},
	{258 << 16, "KEXEC_ARCH_LOONGARCH"},
}, Unknown: "KEXEC_ARCH_???"}

var kexecLoadFlags = &Xlat{Vals: []Const{bit(1, "KEXEC_ON_CRASH"), bit(2, "KEXEC_PRESERVE_CONTEXT")}, Unknown: "KEXEC_???"}

var kexecFileFlags = &Xlat{Vals: []Const{
	bit(1, "KEXEC_FILE_UNLOAD"), bit(2, "KEXEC_FILE_ON_CRASH"), bit(4, "KEXEC_FILE_NO_INITRAMFS"),
}, Unknown: "KEXEC_FILE_???"}

const (
	kexecSegmentMax = 16
	kexecArchMask   = 0xffff0000
)

// kexecSegments prints the segment array, or its address past the
// kernel's limit.
var kexecSegments Printer = func(c *Ctx, i int) {
	n := c.Args[1]
	if n > kexecSegmentMax {
		c.Addr(c.Args[i])
		return
	}
	c.array(c.Args[i], n, 32, func(b []byte) {
		c.Str("{buf=")
		c.Addr(le64(b))
		c.Str(", bufsz=")
		c.Uint(le64(b[8:]))
		c.Str(", mem=")
		c.Addr(le64(b[16:]))
		c.Str(", memsz=")
		c.Uint(le64(b[24:]))
		c.Out = append(c.Out, '}')
	})
}

// kexecFlags prints the architecture, then the other flags, each in
// its -X style.
var kexecFlags Printer = func(c *Ctx, i int) {
	v := c.Args[i]
	c.Value(kexecArchs, v&kexecArchMask)
	if rest := v &^ kexecArchMask; rest != 0 {
		c.Out = append(c.Out, '|')
		c.xflags(kexecLoadFlags, rest)
	}
}

func init() {
	register(map[string]*Spec{
		"kexec_load": {Args: []Arg{In(Ptr), In(Ulong), In(kexecSegments), In(kexecFlags)}},
		"kexec_file_load": {Args: []Arg{FDArg, FDArg, In(Ulong), In(Buf(2)),
			In(func(c *Ctx, i int) { c.xflags(kexecFileFlags, c.Args[i]) })}},
	})
}
