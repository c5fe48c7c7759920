package capture

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// enterNewNetns moves the calling goroutine's locked thread into a new
// network namespace with loopback up, for the rest of the test.
func enterNewNetns(t *testing.T) {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("live capture tests need root (network namespaces, AF_PACKET)")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		t.Skip("ip is not installed")
	}
	name := fmt.Sprintf("gtcap%d%d", os.Getpid(), time.Now().UnixNano()%1000)
	if out, err := exec.Command("ip", "netns", "add", name).CombinedOutput(); err != nil {
		t.Fatalf("ip netns add: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("ip", "netns", "del", name).Run() })
	if out, err := exec.Command("ip", "-n", name, "link", "set", "lo", "up").CombinedOutput(); err != nil {
		t.Fatalf("ip link set lo up: %v\n%s", err, out)
	}
	runtime.LockOSThread()
	orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := unix.Open("/run/netns/"+name, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(ns)
	if err := unix.Setns(ns, unix.CLONE_NEWNET); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := unix.Setns(orig, unix.CLONE_NEWNET); err != nil {
			panic(err)
		}
		unix.Close(orig)
		runtime.UnlockOSThread()
	})
}

func sendLoopback(t *testing.T, count int) {
	t.Helper()
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Close(fd)
	to := &unix.SockaddrInet4{Port: 9, Addr: [4]byte{127, 0, 0, 1}}
	for i := 0; i < count; i++ {
		if err := unix.Sendto(fd, []byte("hello"), 0, to); err != nil {
			t.Fatal(err)
		}
	}
}

// Taking packets from the ring does not allocate, and every packet the
// kernel counted is delivered once Break is called.
func TestLiveNextNoAllocsAndDrain(t *testing.T) {
	enterNewNetns(t)
	l, err := OpenLive("lo", LiveOptions{Snaplen: 128})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if err := l.Start(nil); err != nil {
		t.Fatal(err)
	}
	sendLoopback(t, 300)
	allocs := testing.AllocsPerRun(100, func() {
		p, err := l.Next()
		if err != nil || len(p.Data) == 0 {
			t.Fatalf("Next: %v", err)
		}
	})
	if allocs != 0 {
		t.Errorf("Next allocates %.1f times per packet", allocs)
	}
	l.Break()
	got := uint64(101)
	for {
		p, err := l.Next()
		if err != nil {
			break
		}
		if p.Caplen > 128 || l.Meta().Ifindex == 0 {
			t.Fatalf("packet %+v meta %+v", p, l.Meta())
		}
		got++
	}
	st, err := l.Stats()
	if err != nil {
		t.Fatal(err)
	}
	if st.Received-st.Dropped != got || got < 300 {
		t.Errorf("delivered %d, kernel counted %d received, %d dropped", got, st.Received, st.Dropped)
	}
}
