package main

import "golang.org/x/sys/unix"

// matches reports whether prefix is a non-empty prefix of word: iproute2's
// matches() (which returns 0 in that case).
func matches(prefix, word string) bool {
	return prefix != "" && len(prefix) <= len(word) && word[:len(prefix)] == prefix
}

// readFamily maps a family keyword to its AF_ constant (AF_UNSPEC if unknown).
func readFamily(name string) int {
	switch name {
	case "inet":
		return unix.AF_INET
	case "inet6":
		return unix.AF_INET6
	case "link":
		return unix.AF_PACKET
	case "ipx":
		return unix.AF_IPX
	case "mpls":
		return unix.AF_MPLS
	case "bridge":
		return unix.AF_BRIDGE
	}
	return unix.AF_UNSPEC
}

// familyName is iproute2's family_name().
func familyName(f int) string {
	switch f {
	case unix.AF_INET:
		return "inet"
	case unix.AF_INET6:
		return "inet6"
	case unix.AF_PACKET:
		return "link"
	case unix.AF_IPX:
		return "ipx"
	case unix.AF_MPLS:
		return "mpls"
	case unix.AF_BRIDGE:
		return "bridge"
	}
	return "???"
}

// familyNameVerbose is iproute2's family_name_verbose().
func familyNameVerbose(f int) string {
	if f == unix.AF_UNSPEC {
		return "any valid"
	}
	return familyName(f)
}
