package main

import (
	"fmt"
	"os"
)

// liveCapture captures from an interface. Live capture (AF_PACKET) is
// not implemented yet: say so rather than pretend.
func liveCapture(c *config) int {
	fmt.Fprintf(os.Stderr, "%s: live capture is not implemented yet; use -r FILE\n", progName)
	return exitError
}

// listInterfaces is -D.
func listInterfaces() int {
	fmt.Fprintf(os.Stderr, "%s: -D is not implemented yet\n", progName)
	return exitError
}
