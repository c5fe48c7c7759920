package main

// ngrep reads its numeric options with C's strtoul and atoi; these give
// the same values for the same strings, junk and overflow included.

// strtoul parses like strtoul(s, NULL, 10) and cuts the result to 32 bits
// as ngrep's _atoui32 does: leading blanks, an optional sign (a minus
// negates the unsigned value), digits up to the first other byte;
// overflow gives ULONG_MAX.
func strtoul32(s string) uint32 {
	i := skipSpace(s)
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var v uint64
	overflow := false
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		d := uint64(s[i] - '0')
		if v > (^uint64(0)-d)/10 {
			overflow = true
		}
		v = v*10 + d
	}
	if overflow {
		return ^uint32(0)
	}
	if neg {
		v = -v
	}
	return uint32(v)
}

// atoi parses like glibc's atoi: strtol clamped to the long range, then
// cut to int.
func atoi(s string) int32 {
	i := skipSpace(s)
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	const maxLong = 1<<63 - 1
	var v uint64
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		// Saturate just past the long range; the sign decides the clamp.
		if v > (maxLong+1)/10 {
			v = maxLong + 1
			continue
		}
		v = min(v*10+uint64(s[i]-'0'), maxLong+1)
	}
	var l int64
	switch {
	case neg && v > maxLong:
		l = -maxLong - 1
	case neg:
		l = -int64(v)
	case v > maxLong:
		l = maxLong
	default:
		l = int64(v)
	}
	return int32(l)
}

func skipSpace(s string) int {
	i := 0
	for i < len(s) && (s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r')) {
		i++
	}
	return i
}
