package unwind

// appendDemangled appends name, demangled when it is a C++ symbol the
// demangler understands.
func appendDemangled(out []byte, name string) []byte {
	return append(out, name...)
}
