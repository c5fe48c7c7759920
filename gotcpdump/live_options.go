package main

import (
	"strconv"
	"strings"

	"github.com/goclues/goclues/common/capture"
)

// liveConfig holds the options that only matter when capturing from an
// interface or writing capture files (-B -C -G -W -z -Z -I -j -J -L -p -Q
// --immediate-mode).
type liveConfig struct {
	bufferKiB   int
	fileSize    int64 // -C, in bytes
	rotateSecs  int64 // -G
	fileCount   int   // -W
	postRotate  string
	user        string // -Z
	monitor     bool
	tstampType  string
	listTstamps bool
	listDLTs    bool
	noPromisc   bool
	direction   capture.Direction
	immediate   bool
}

// tstampTypes are the names -j accepts (pcap_tstamp_type_name_to_val).
var tstampTypes = map[string]string{
	"host":                 "Host",
	"host_lowprec":         "Host, low precision",
	"host_hiprec":          "Host, high precision",
	"adapter":              "Adapter",
	"adapter_unsynced":     "Adapter, not synced with system time",
	"host_hiprec_unsynced": "Host, high precision, not synced with system time",
}

// option takes one live-capture option from the command line; it
// reports false for an option it does not know.
func (lc *liveConfig) option(opt int, arg string) bool {
	switch opt {
	case 'B':
		n, ok := parseInt(arg)
		if !ok || n <= 0 || n > 1<<31-1 {
			fatalf("invalid packet buffer size %s", arg)
		}
		lc.bufferKiB = int(n)
	case 'C':
		n, ok := parseInt(arg)
		if !ok || n <= 0 || n > (1<<63-1)/1000000 {
			fatalf("invalid file size %s", arg)
		}
		lc.fileSize = n * 1000000
	case 'G':
		lc.rotateSecs = atoi(arg)
		if lc.rotateSecs < 0 {
			fatalf("invalid number of seconds %s", arg)
		}
	case 'W':
		n := atoi(arg)
		if n <= 0 {
			fatalf("invalid number of output files %s", arg)
		}
		lc.fileCount = int(n)
	case 'z':
		lc.postRotate = arg
	case 'Z':
		lc.user = arg
	case 'I':
		lc.monitor = true
	case 'j':
		if _, ok := tstampTypes[arg]; !ok {
			fatalf("invalid time stamp type %s", arg)
		}
		lc.tstampType = arg
	case 'J':
		lc.listTstamps = true
	case 'L':
		lc.listDLTs = true
	case 'p':
		lc.noPromisc = true
	case 'Q':
		switch strings.ToLower(arg) {
		case "in":
			lc.direction = capture.DirIn
		case "out":
			lc.direction = capture.DirOut
		case "inout":
			lc.direction = capture.DirInOut
		default:
			fatalf("unknown capture direction `%s'", arg)
		}
	case optImmediate:
		lc.immediate = true
	default:
		return false
	}
	return true
}

// atoi is C's atoi: leading blanks and sign, digits up to the first
// non-digit, 0 when there are none.
func atoi(s string) int64 {
	s = strings.TrimLeft(s, " \t\n\v\f\r")
	end := 0
	if end < len(s) && (s[end] == '-' || s[end] == '+') {
		end++
	}
	for end < len(s) && '0' <= s[end] && s[end] <= '9' {
		end++
	}
	n, _ := strconv.ParseInt(s[:end], 10, 64)
	return n
}
