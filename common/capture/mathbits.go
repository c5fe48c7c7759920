package capture

import "math/bits"

func mul64(a, b uint64) (hi, lo uint64) { return bits.Mul64(a, b) }

// div128 divides the 128-bit value hi:lo by d; the callers guarantee the
// quotient fits (hi < d).
func div128(hi, lo, d uint64) uint64 {
	q, _ := bits.Div64(hi%d, lo, d)
	return q
}
