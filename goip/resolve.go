package main

import (
	"context"
	"net"
	"strings"
)

// resolved caches -r answers: numeric address -> name (or itself).
var resolved = map[string]string{}

// formatHost is iproute2's format_host: the address, or with -r the name
// the resolver (files, then DNS) gives for it.
func formatHost(family int, a []byte) []byte {
	pr.buf = appendAddr(pr.buf[:0], family, a)
	if opt.resolve == 0 || (len(a) != 4 && len(a) != 16) {
		return pr.buf
	}
	num := string(pr.buf)
	name, ok := resolved[num]
	if !ok {
		name = num
		if names, err := net.DefaultResolver.LookupAddr(context.Background(), num); err == nil && len(names) > 0 {
			name = strings.TrimSuffix(names[0], ".")
		}
		resolved[num] = name
	}
	pr.buf = append(pr.buf[:0], name...)
	return pr.buf
}
