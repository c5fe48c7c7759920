// Package dissect is gotcpdump's packet printer: one file per protocol,
// each printing exactly what tcpdump 4.99.3 prints.
//
// The shape follows tcpdump's netdissect so a printer can be checked
// against tcpdump's behaviour line by line:
//
//   - A printer takes the bytes captured from its header on (b, which ends
//     at the capture's snapend or at an enclosing protocol's declared
//     length) and the length on the wire (length), and appends its text to
//     the ND's output.
//   - Reads go through the bounds-checked extractors (getU8, getBE16, …,
//     tcheck). Reading past the captured bytes stops the packet: the
//     extractor unwinds to PrintPacket (as tcpdump's longjmp does), which
//     prints " [|proto]" with the protocol name the printer last set with
//     nd.SetProto. A printer never indexes b directly past what it has
//     checked.
//   - Dispatch is by tables: link types (registerLinkType), ethertypes
//     (registerEtherType), IP protocol numbers (registerIPProto) and
//     UDP/TCP ports (registerUDPPort, registerTCPPort). A new protocol is
//     one new file that registers itself in init.
//   - State that lives across packets (TCP sequence numbers per
//     conversation, name caches) hangs off the ND, never in globals.
package dissect
