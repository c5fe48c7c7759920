package dissect

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
