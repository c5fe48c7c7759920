// Package capture reads and writes capture files (pcap in both byte orders
// and both time-stamp resolutions, pcapng) and opens live AF_PACKET
// sources, with libpcap's error texts so the tools can print exactly what
// tcpdump prints.
//
// A Source hands out packets one at a time in a buffer it reuses: the data
// of a Packet is valid until the next call to Next.
package capture
