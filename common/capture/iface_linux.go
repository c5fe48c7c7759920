package capture

import (
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"golang.org/x/sys/unix"
)

// DeviceFlags are libpcap's PCAP_IF_* bits for a capture device.
type DeviceFlags uint32

// The flags and the connection-status field libpcap reports.
const (
	DevLoopback DeviceFlags = 0x01
	DevUp       DeviceFlags = 0x02
	DevRunning  DeviceFlags = 0x04
	DevWireless DeviceFlags = 0x08

	DevStatusMask          DeviceFlags = 0x30
	DevStatusUnknown       DeviceFlags = 0x00
	DevStatusConnected     DeviceFlags = 0x10
	DevStatusDisconnected  DeviceFlags = 0x20
	DevStatusNotApplicable DeviceFlags = 0x30
)

// Device is one entry of the capture-device list (pcap_findalldevs).
type Device struct {
	Name        string
	Description string
	Flags       DeviceFlags
}

// AnyDevice is the pseudo-device that captures on every interface.
const AnyDevice = "any"

// ErrNoSuchDevice is libpcap's PCAP_ERROR_NO_SUCH_DEVICE.
var ErrNoSuchDevice error = &FormatError{msg: "No such device exists"}

// ErrNotUp is libpcap's PCAP_ERROR_IFACE_NOT_UP.
var ErrNotUp error = &FormatError{msg: "That device is not up"}

// DeviceUp reports whether a network interface is up; "any" always is.
func DeviceUp(name string) bool {
	if name == AnyDevice {
		return true
	}
	ifc, err := net.InterfaceByName(name)
	return err == nil && ifc.Flags&net.FlagUp != 0
}

// merit orders devices as libpcap's get_figure_of_merit does: lower is
// listed first; equal merits keep discovery order.
func (d *Device) merit() uint32 {
	var n uint32
	if d.Flags&DevRunning == 0 {
		n |= 0x80000000
	}
	if d.Flags&DevUp == 0 {
		n |= 0x40000000
	}
	if d.Flags&DevWireless == 0 && d.Flags&DevStatusMask == DevStatusDisconnected {
		n |= 0x20000000
	}
	if d.Flags&DevLoopback != 0 {
		n |= 0x10000000
	}
	if d.Name == AnyDevice {
		n |= 0x08000000
	}
	return n
}

// Devices lists the capture devices as libpcap 1.10 on Linux does: the
// network interfaces in index order, the "any" pseudo-device, then the
// non-network sources libpcap offers (Bluetooth, netfilter, D-Bus), sorted
// by libpcap's figure of merit.
func Devices() ([]Device, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("listing interfaces: %w", err)
	}
	var devs []Device
	for _, ifc := range ifs {
		devs = append(devs, Device{Name: ifc.Name, Flags: interfaceFlags(ifc)})
	}
	devs = append(devs, Device{
		Name:        AnyDevice,
		Description: "Pseudo-device that captures on all interfaces",
		Flags:       DevUp | DevRunning | DevStatusNotApplicable,
	})
	devs = append(devs, pluginDevices()...)
	sort.SliceStable(devs, func(i, j int) bool { return devs[i].merit() < devs[j].merit() })
	return devs, nil
}

// pluginDevices are the capture sources that are not network interfaces,
// in the order libpcap's capture-source table asks for them.
func pluginDevices() []Device {
	var devs []Device
	if entries, err := os.ReadDir("/sys/class/bluetooth"); err == nil {
		for _, e := range entries {
			if n, ok := strings.CutPrefix(e.Name(), "hci"); ok {
				if _, err := strconv.Atoi(n); err == nil {
					devs = append(devs, Device{
						Name:        "bluetooth" + n,
						Description: "Bluetooth adapter number " + n,
						Flags:       DevWireless | DevStatusUnknown,
					})
				}
			}
		}
	}
	devs = append(devs, Device{Name: "bluetooth-monitor", Description: "Bluetooth Linux Monitor", Flags: DevWireless | DevStatusNotApplicable})
	if netfilterAvailable() {
		devs = append(devs,
			Device{Name: "nflog", Description: "Linux netfilter log (NFLOG) interface", Flags: DevStatusNotApplicable},
			Device{Name: "nfqueue", Description: "Linux netfilter queue (NFQUEUE) interface", Flags: DevStatusNotApplicable})
	}
	devs = append(devs,
		Device{Name: "dbus-system", Description: "D-Bus system bus", Flags: DevStatusNotApplicable},
		Device{Name: "dbus-session", Description: "D-Bus session bus", Flags: DevStatusNotApplicable})
	return devs
}

// netfilterAvailable reports whether a NETLINK_NETFILTER socket can be
// made, the condition under which libpcap lists nflog and nfqueue.
func netfilterAvailable() bool {
	fd, err := unix.Socket(unix.AF_NETLINK, unix.SOCK_RAW|unix.SOCK_CLOEXEC, unix.NETLINK_NETFILTER)
	if err != nil {
		return !errors.Is(err, unix.EAFNOSUPPORT) && !errors.Is(err, unix.EPROTONOSUPPORT)
	}
	unix.Close(fd)
	return true
}

// interfaceFlags computes libpcap's flags for a network interface.
func interfaceFlags(ifc net.Interface) DeviceFlags {
	var f DeviceFlags
	if ifc.Flags&net.FlagUp != 0 {
		f |= DevUp
	}
	if ifc.Flags&net.FlagRunning != 0 {
		f |= DevRunning
	}
	if ifc.Flags&net.FlagLoopback != 0 {
		return f | DevLoopback | DevStatusNotApplicable
	}
	if isWireless(ifc.Name) {
		f |= DevWireless
	}
	return f | linkStatus(ifc.Name)
}

func isWireless(name string) bool {
	for _, p := range []string{"/wireless", "/phy80211"} {
		if _, err := os.Stat("/sys/class/net/" + name + p); err == nil {
			return true
		}
	}
	return false
}

// linkStatus asks the driver for its link state (ETHTOOL_GLINK); a
// driver that has no link state is "not applicable", as libpcap says.
func linkStatus(name string) DeviceFlags {
	up, err := ethtoolLink(name)
	switch {
	case err != nil:
		return DevStatusNotApplicable
	case up:
		return DevStatusConnected
	default:
		return DevStatusDisconnected
	}
}

func ethtoolLink(name string) (bool, error) {
	fd, err := unix.Socket(unix.AF_INET, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, 0)
	if err != nil {
		return false, err
	}
	defer unix.Close(fd)
	// struct ethtool_value { __u32 cmd; __u32 data; }
	val := [2]uint32{unix.ETHTOOL_GLINK, 0}
	var ifr [40]byte
	copy(ifr[:unix.IFNAMSIZ-1], name)
	*(*uintptr)(unsafe.Pointer(&ifr[unix.IFNAMSIZ])) = uintptr(unsafe.Pointer(&val))
	_, _, errno := unix.Syscall(unix.SYS_IOCTL, uintptr(fd), unix.SIOCETHTOOL, uintptr(unsafe.Pointer(&ifr)))
	runtime.KeepAlive(&val)
	if errno != 0 {
		return false, errno
	}
	return val[1] != 0, nil
}

func readSysUint(path string) (uint64, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	s := strings.TrimSpace(string(b))
	return strconv.ParseUint(s, 0, 64)
}

// arphrdToDLT maps an interface's hardware type to the link type libpcap
// captures it with; cooked is true when libpcap falls back to a Linux
// cooked header (SOCK_DGRAM) for it.
func arphrdToDLT(arphrd uint16) (dlt int, cooked bool) {
	if d, ok := arphrdDLT[arphrd]; ok {
		return d, false
	}
	return DLTLinuxSLL, true
}

// arphrdDLT holds the hardware types libpcap captures with their own
// link-layer header (map_arphrd_to_dlt).
var arphrdDLT = map[uint16]int{
	unix.ARPHRD_ETHER:              DLTEN10MB,
	unix.ARPHRD_LOOPBACK:           DLTEN10MB,
	unix.ARPHRD_IEEE802:            DLTIEEE802,
	unix.ARPHRD_IEEE80211:          DLTIEEE80211,
	unix.ARPHRD_IEEE80211_RADIOTAP: 127, // DLT_IEEE802_11_RADIO
	unix.ARPHRD_NONE:               DLTRaw,
	unix.ARPHRD_TUNNEL:             DLTRaw,
	unix.ARPHRD_SIT:                DLTRaw,
	unix.ARPHRD_IPGRE:              DLTRaw,
	unix.ARPHRD_TUNNEL6:            DLTRaw,
	unix.ARPHRD_IP6GRE:             DLTRaw,
	unix.ARPHRD_FDDI:               DLTFDDI,
}

// deviceLinkTypes lists the link types a device offers (-L), the first
// being its default.
func deviceLinkTypes(name string) ([]int, error) {
	if name == AnyDevice {
		return []int{DLTLinuxSLL, DLTLinuxSLL2}, nil
	}
	t, err := readSysUint("/sys/class/net/" + name + "/type")
	if err != nil {
		return nil, ErrNoSuchDevice
	}
	dlt, cooked := arphrdToDLT(uint16(t))
	switch {
	case cooked:
		return []int{DLTLinuxSLL, DLTLinuxSLL2}, nil
	case uint16(t) == unix.ARPHRD_ETHER:
		return []int{DLTEN10MB, dltDOCSIS}, nil
	}
	return []int{dlt}, nil
}

// LinkTypes lists the link types a device can capture with, the default
// first (pcap_list_datalinks).
func LinkTypes(device string) ([]int, error) { return deviceLinkTypes(device) }

// dltDOCSIS is DLT_DOCSIS, which libpcap offers on every Ethernet device.
const dltDOCSIS = 143
