package dissect

// Helpers shared by many printers: flag names printed from a bit mask
// (bittok2str) and the soft truncation stop (ND_TCHECK + "goto trunc").

// printBitNames prints the names of the tokens whose bits are all set in
// v, separated by sep, or none when there is no such token: bittok2str
// (sep ", ") and bittok2str_nosep (sep "") with a fixed fallback,
// appended in place so that the common path does not allocate.
func printBitNames(nd *ND, toks []tok, v uint32, sep, none string) {
	first := true
	for _, t := range toks {
		if t.v != 0 && v&t.v == t.v {
			if !first {
				nd.Print(sep)
			}
			nd.Print(t.s)
			first = false
		}
	}
	if first {
		nd.Print(none)
	}
}

// softStop is what softCheck panics with: a stop that tcpdump makes with
// "ND_TCHECK…; goto trunc" rather than by a GET_ macro's longjmp. The
// printer catches it (defer catchSoftStop(nd)), prints the marker and
// returns normally, so the link-layer header length survives for -x,
// where a longjmp would have discarded it.
type softStop struct{}

var errSoftStop = &softStop{}

// softCheck stops the printer as tcpdump's ND_TCHECK_LEN + "goto trunc"
// does unless n bytes from off are captured.
func softCheck(b []byte, off, n int) {
	if !ttest(b, off, n) {
		panic(errSoftStop)
	}
}

// catchSoftStop, deferred by a printer that uses softCheck, turns a soft
// stop into the " [|proto]" marker and a normal return.
func catchSoftStop(nd *ND) {
	if r := recover(); r != nil {
		if r != errSoftStop {
			panic(r)
		}
		nd.PrintTrunc()
	}
}
