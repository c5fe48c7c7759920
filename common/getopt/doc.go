// Package getopt parses command lines exactly as glibc's getopt, getopt_long
// and getopt_long_only do (glibc 2.36, the version in Debian 12).
//
// The tools in this module are drop-in replacements: a user's command line
// must mean the same thing to them as to tcpdump, ngrep, strace or ltrace, and
// a bad command line must print the same bytes. The usual Go flag packages
// (flag, pflag) cannot give that. They do not accept unique prefixes of long
// options (tcpdump --vers), do not know glibc's error texts ("invalid option
// -- 'k'", "option '--n' is ambiguous; possibilities: ..."), treat optional
// arguments differently (glibc takes them only attached: -xVALUE or
// --opt=VALUE), and do not permute operands the way glibc does, which decides
// what "tcpdump -i lo port 80 -n" means.
//
// A Parser walks argv one option at a time, like the C loop around
// getopt_long:
//
//	p := getopt.New(os.Args, "c:nvX", longopts)
//	for {
//		opt, arg, _, err := p.Next()
//		if opt == -1 {
//			break
//		}
//		if err != nil {
//			fmt.Fprintln(os.Stderr, err)
//			usage()
//		}
//		switch opt { ... }
//	}
//	operands := p.Operands()
//
// Differences from the C interface, all deliberate: the caller's argv slice
// is never modified (the parser permutes its own copy); messages are returned
// as errors instead of being printed; there is no opterr or flag pointer; and
// Next keeps returning -1 once it has returned -1. An option byte >= 0x80
// comes back from Next and Optopt as its unsigned value where glibc's signed
// char gives a negative number.
package getopt
