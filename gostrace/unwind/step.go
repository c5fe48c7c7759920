package unwind

import (
	"encoding/binary"
	"errors"

	"github.com/goclues/goclues/common/ptrace"
	"golang.org/x/sys/unix"
)

var errUnreadable = errors.New("tracee memory unreadable")

// locKind says where a register value of the current frame lives.
type locKind uint8

const (
	locNull locKind = iota // unknown: the chain ends when it is needed
	locVal                 // the value itself
	locMem                 // the word at the address
)

type loc struct {
	kind locKind
	v    uint64
}

// cursor is the frame being unwound.
type cursor struct {
	u       *Unwinder
	t       *Thread
	pid     int
	ip, cfa uint64
	loc     [numRegs]loc
	regs0   [numRegs]uint64 // registers of the innermost frame
	usePrev bool            // ip is a return address: look up ip-1
}

// init loads the innermost frame from the stopped thread's registers.
func (c *cursor) init(r *unix.PtraceRegs) {
	c.regs0 = [numRegs]uint64{r.Rax, r.Rdx, r.Rcx, r.Rbx, r.Rsi, r.Rdi, r.Rbp, r.Rsp,
		r.R8, r.R9, r.R10, r.R11, r.R12, r.R13, r.R14, r.R15, r.Rip}
	for i, v := range c.regs0 {
		c.loc[i] = loc{locVal, v}
	}
	c.ip, c.cfa = r.Rip, r.Rsp
}

func (c *cursor) get(l loc) (uint64, error) {
	switch l.kind {
	case locVal:
		return l.v, nil
	case locMem:
		return c.u.mem.read(l.v)
	}
	return 0, errUnreadable
}

// reg reads register n of the current frame for an expression; the
// stack pointer of a frame is its canonical frame address.
func (c *cursor) reg(n int) (uint64, error) {
	switch n {
	case regRSP:
		return c.cfa, nil
	case regRIP:
		return c.ip, nil
	}
	return c.get(c.loc[n])
}

func (c *cursor) mem(addr uint64) (uint64, error) { return c.u.mem.read(addr) }

// step moves to the caller: >0 on success, 0 at the end of the chain,
// <0 when unwinding fails.
func (c *cursor) step() int {
	prevIP, prevCFA := c.ip, c.cfa
	ret, err := c.dwarfStep()
	if err == nil {
		if c.loc[regRBP].kind == locNull {
			c.ip = 0
			return 0
		}
		return ret
	}
	if err != errNoInfo {
		return -1
	}
	return c.frameChain(prevIP, prevCFA)
}

// dwarfStep applies the CFI row of the current ip.
func (c *cursor) dwarfStep() (int, error) {
	lookup := c.ip
	if c.usePrev {
		lookup--
	}
	f, bias, err := c.findFDE(lookup)
	if err != nil {
		return 0, err
	}
	m := &c.u.mach
	err = m.run(f, c.ip-bias)
	c.usePrev = !f.signal
	if err != nil {
		return 0, err
	}
	return c.apply(&m.cur, f.retCol)
}

// findFDE locates the FDE covering run-time address ip and returns it
// with the load bias of its file.
func (c *cursor) findFDE(ip uint64) (*fde, uint64, error) {
	m := find(c.t.maps, ip)
	if m == nil {
		return nil, 0, errNoInfo
	}
	im := c.u.image(m, c.pid)
	if im == nil {
		return nil, 0, errNoInfo
	}
	bias, seg := im.loadBias(m.Start, m.Offset)
	if seg == nil || ip-bias < seg.vaddr || ip-bias-seg.vaddr >= seg.memsz {
		return nil, 0, errNoInfo
	}
	addr, ok := im.lookupFDE(ip - bias)
	if !ok {
		return nil, 0, errNoInfo
	}
	f := im.fde(addr)
	if f == nil {
		return nil, 0, errCFI
	}
	if ip-bias < f.start || ip-bias >= f.end {
		return nil, 0, errNoInfo
	}
	return f, bias, nil
}

// fde returns the parsed FDE at addr, parsing it once.
func (im *image) fde(addr uint64) *fde {
	if f, ok := im.fdes[addr]; ok {
		return f
	}
	if im.fdes == nil {
		im.fdes = make(map[uint64]*fde)
	}
	f, err := parseFDE(im, addr)
	if err != nil {
		f = nil
	}
	im.fdes[addr] = f
	return f
}

// apply computes the caller's frame from a row of rules.
func (c *cursor) apply(rs *regRules, retCol uint64) (int, error) {
	prevIP, prevCFA := c.ip, c.cfa
	var cfa uint64
	if rs.cfaExpr != nil {
		v, err := evalExpr(rs.cfaExpr, c, 0)
		if err != nil {
			return 0, err
		}
		cfa = v
	} else {
		v, err := c.reg(int(rs.cfaReg))
		if err != nil {
			return 0, err
		}
		cfa = v + uint64(rs.cfaOff)
	}
	next := c.loc
	for i := range rs.regs {
		r := &rs.regs[i]
		switch r.kind {
		case ruleUndef:
			next[i] = loc{}
		case ruleOffset:
			next[i] = loc{locMem, cfa + uint64(r.off)}
		case ruleValOffset:
			next[i] = loc{locVal, cfa + uint64(r.off)}
		case ruleRegister:
			next[i] = loc{locVal, c.regs0[r.reg]}
		case ruleExpr, ruleValExpr:
			v, err := evalExpr(r.expr, c, cfa)
			if err != nil {
				return 0, err
			}
			next[i] = loc{locMem, v}
			if r.kind == ruleValExpr {
				next[i].kind = locVal
			}
		}
	}
	c.loc = next
	c.cfa = cfa
	ret := 1
	if c.loc[retCol].kind == locNull {
		c.ip = 0
		ret = 0
	} else {
		ip, err := c.get(c.loc[retCol])
		if err != nil {
			return 0, err
		}
		c.ip = ip
	}
	if c.ip == prevIP && c.cfa == prevCFA {
		return 0, errBadFrame
	}
	return ret, nil
}

var errBadFrame = errors.New("frame does not move")

// sigreturnCode is "mov $15, %rax; syscall", the body of a signal
// trampoline.
const sigreturnCode = 0x0f0000000fc0c748

// frameChain is the fallback for code without unwind information: a
// PLT stub pops only its return address, otherwise the saved frame
// pointer chain is followed. As in the reference, the canonical frame
// address only moves by the size of the frame record, whatever %rbp is.
func (c *cursor) frameChain(prevIP, prevCFA uint64) int {
	mem := &c.u.mem
	w0, err0 := mem.read(c.ip)
	w1, err1 := mem.read(c.ip + 8)
	switch {
	case err0 == nil && err1 == nil && w0 == sigreturnCode && w1&0xff == 0x05:
		// A signal trampoline without CFI: the walk ends here.
		return 0
	case err0 == nil && err1 == nil && w0&0xffff == 0x25ff && (w0>>48)&0xff == 0x68 && (w1>>24)&0xff == 0xe9:
		c.loc[regRIP] = loc{locMem, c.cfa}
		c.cfa += 8
	case c.loc[regRBP].kind == locNull:
		c.loc = [numRegs]loc{}
	default:
		rbp, err := c.get(c.loc[regRBP])
		if err != nil {
			return -1
		}
		_, prevErr := mem.read(prevIP)
		var rbpLoc, rspLoc, ripLoc loc
		if rbp != 0 || prevErr != nil {
			fixed := false
			if prevErr != nil {
				// A call through a bad pointer: the return address is
				// still on top of the stack.
				rsp, _ := c.get(c.loc[regRSP])
				if ip, err := mem.read(rsp); err == nil {
					if _, err := mem.read(ip); err == nil {
						fixed = true
						c.cfa += 8
						rbpLoc, rspLoc, ripLoc = loc{locMem, rbp}, loc{locMem, rsp}, loc{locMem, rsp}
					}
				}
			}
			if !fixed {
				rbpLoc, ripLoc = loc{locMem, rbp}, loc{locMem, rbp + 8}
				if _, err := mem.read(rbp); err != nil || rbp < c.cfa || rbp-c.cfa > 0x4000 {
					rbpLoc, ripLoc = loc{}, loc{}
				}
				c.cfa += 16
			}
		}
		c.loc = [numRegs]loc{}
		c.loc[regRBP], c.loc[regRSP], c.loc[regRIP] = rbpLoc, rspLoc, ripLoc
		c.usePrev = true
	}
	if c.loc[regRBP].kind == locNull {
		return 0
	}
	ret := -1
	if c.loc[regRIP].kind != locNull {
		ip, err := c.get(c.loc[regRIP])
		if err != nil {
			return -1
		}
		c.ip = ip
		ret = 1
	} else {
		c.ip = 0
	}
	if c.ip == prevIP && c.cfa == prevCFA {
		return -1
	}
	return ret
}

// memCache keeps the few tracee pages a walk reads (mostly the stack),
// so that a frame costs no system call once its page is in.
type memCache struct {
	pid   int
	pages [4]struct {
		addr  uint64
		valid bool
		data  [pageSize]byte
	}
	next int
}

const pageSize = 4096

func (m *memCache) reset(pid int) {
	m.pid = pid
	for i := range m.pages {
		m.pages[i].valid = false
	}
}

// read returns the 8-byte word at addr.
func (m *memCache) read(addr uint64) (uint64, error) {
	page := addr &^ (pageSize - 1)
	if addr-page <= pageSize-8 {
		for i := range m.pages {
			p := &m.pages[i]
			if p.valid && p.addr == page {
				return binary.LittleEndian.Uint64(p.data[addr-page:]), nil
			}
		}
		p := &m.pages[m.next]
		if _, err := ptrace.ReadMem(m.pid, page, p.data[:]); err == nil {
			m.next = (m.next + 1) % len(m.pages)
			p.addr, p.valid = page, true
			return binary.LittleEndian.Uint64(p.data[addr-page:]), nil
		}
		p.valid = false
	}
	var w [8]byte
	if _, err := ptrace.ReadMem(m.pid, addr, w[:]); err != nil {
		return 0, errUnreadable
	}
	return binary.LittleEndian.Uint64(w[:]), nil
}
