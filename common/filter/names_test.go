package filter

import (
	"os"
	"path/filepath"
	"testing"
)

// withFile points *path at a temporary file holding content.
func withFile(t *testing.T, path *string, content string) {
	t.Helper()
	name := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	old := *path
	*path = name
	t.Cleanup(func() { *path = old })
}

func TestNameLookups(t *testing.T) {
	withFile(t, &servicesFile, "ftp\t21/tcp\nfoo\t99/udp\tbar # alias\ndomain 53/tcp\ndomain 53/udp\n")
	withFile(t, &protocolsFile, "tcp\t6\tTCP\n")
	withFile(t, &hostsFile, "10.1.2.3 dual\nfe80::5 dual\n::1 dual\n")
	withFile(t, &ethersFile, "0:1:2:3:4:5 box\n")
	withFile(t, &networksFile, "lab 10.20\n")

	for _, tc := range []struct {
		name        string
		port, proto int
	}{{"ftp", 21, protoTCP}, {"bar", 99, protoUDP}, {"domain", 53, protoUndef}, {"nfs", 2049, protoUndef}} {
		port, proto, ok := nameToPort(tc.name)
		if !ok || port != tc.port || proto != tc.proto {
			t.Errorf("nameToPort(%q) = %d, %d, %v", tc.name, port, proto, ok)
		}
	}
	if v := nameToProto("TCP"); v != 6 {
		t.Errorf("nameToProto = %d", v)
	}
	addrs := hostAddrs("dual")
	if len(addrs) != 3 || addrs[0].String() != "::1" || addrs[1].String() != "10.1.2.3" {
		t.Errorf("hostAddrs = %v", addrs)
	}
	if ea := etherHostAddr("box"); len(ea) != 6 || ea[5] != 5 {
		t.Errorf("etherHostAddr = %v", ea)
	}
	if v := netAddr("lab"); v != 10<<8|20 {
		t.Errorf("netAddr = %#x", v)
	}
	p, err := Compile("ether host box", 1, 100, false, 0)
	if err != nil || len(p.Instructions()) == 0 {
		t.Errorf("ether host box: %v", err)
	}
}
