// Command goltrace is a drop-in reimplementation of ltrace 0.7.3 in pure
// Go.
//
// Only the version and help texts exist so far; tracing library calls is
// not implemented yet, and the command says so instead of printing
// anything that could be mistaken for ltrace's output.
package main

import (
	"fmt"
	"os"
)

const versionText = `ltrace version 0.7.3.
Copyright (C) 1997-2009 Juan Cespedes <cespedes@debian.org>.
This is free software; see the GNU General Public Licence
version 2 or later for copying conditions.  There is NO warranty.
`

func main() {
	os.Exit(run(os.Args))
}

func run(args []string) int {
	for _, a := range args[1:] {
		switch a {
		case "-V", "--version":
			fmt.Print(versionText)
			return 0
		case "-h", "--help":
			fmt.Print(usageText)
			return 0
		}
		if len(a) == 0 || a[0] != '-' {
			break
		}
	}
	fmt.Fprintln(os.Stderr, "goltrace: tracing library calls is not implemented yet")
	return 1
}
