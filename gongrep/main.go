// Command gongrep is a drop-in reimplementation of ngrep 1.47 in pure Go.
//
// Only the version and help texts exist so far; matching packets is not
// implemented yet, and the command says so instead of printing anything
// that could be mistaken for ngrep's output.
package main

import (
	"fmt"
	"os"
)

func main() {
	os.Exit(run(os.Args))
}

func run(args []string) int {
	for _, a := range args[1:] {
		switch a {
		case "-V":
			fmt.Println("ngrep: V1.47.1-git, libpcap version 1.10.3 (with TPACKET_V3)")
			return 0
		case "-h":
			fmt.Print(usageText)
			return 2
		}
	}
	fmt.Fprintln(os.Stderr, "gongrep: matching packets is not implemented yet")
	return 1
}
