package dissect

// SSH (tcpdump's print-ssh.c): only the version banner that opens each
// direction of a connection is printed.

func init() {
	registerTCPPort("ssh", sshPrint, 22)
}

// sshPrint prints ": SSH: SSH-2.0-…" when the payload starts with a
// complete, printable "SSH-" line, and nothing otherwise.
func sshPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("ssh")
	for i := 0; i < 4; i++ {
		if getU8(b, i) != "SSH-"[i] {
			return
		}
	}
	for idx := 4; idx < length; idx++ {
		c := getU8(b, idx)
		switch {
		case c == '\n':
		case c == '\r':
			if idx+1 >= length || getU8(b, idx+1) != '\n' {
				return
			}
		case !isPrintASCII(c):
			return
		default:
			continue
		}
		nd.Print(": SSH: ")
		nd.out = append(nd.out, b[:idx]...)
		return
	}
}
