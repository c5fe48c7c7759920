package dissect

import "bytes"

// nfsXIDMapSize is how many outstanding calls are remembered.
const nfsXIDMapSize = 64

// nfsXIDEntry is one remembered NFS call.
type nfsXIDEntry struct {
	xid            uint32
	ipVer          int
	client, server [16]byte
	proc, vers     uint32
}

// nfsXIDMap is a ring of recent calls by XID and addresses, so that a
// reply can be decoded as the procedure it answers. Lookups start where
// the last match was found.
type nfsXIDMap struct {
	entries [nfsXIDMapSize]nfsXIDEntry
	next    int
	hint    int
}

// nfsXIDs returns the ND's call map, creating it on first use.
func (nd *ND) nfsXIDs() *nfsXIDMap {
	if nd.nfs == nil {
		nd.nfs = new(nfsXIDMap)
	}
	return nd.nfs
}

// enter records the call rp carried by ip. It reports false when the
// call's procedure is not captured (xid_map_enter).
func (m *nfsXIDMap) enter(rp []byte, ip *ipInfo) bool {
	if !ttest(rp, rpcCallProc, 4) {
		return false
	}
	if ip == nil || (ip.ver != 4 && ip.ver != 6) {
		return true
	}
	e := &m.entries[m.next]
	m.next = (m.next + 1) % nfsXIDMapSize
	*e = nfsXIDEntry{
		xid:   getBE32(rp, rpcXID),
		ipVer: ip.ver,
		proc:  getBE32(rp, rpcCallProc),
		vers:  getBE32(rp, rpcCallVers),
	}
	copy(e.client[:], ip.src)
	copy(e.server[:], ip.dst)
	return true
}

// find returns the procedure and version of the call the reply rp
// carried by ip answers (xid_map_find).
func (m *nfsXIDMap) find(rp []byte, ip *ipInfo) (proc, vers uint32, ok bool) {
	if ip == nil {
		return 0, 0, false
	}
	xid := getBE32(rp, rpcXID)
	i := m.hint
	for {
		e := &m.entries[i]
		if e.ipVer == ip.ver && e.xid == xid &&
			bytes.Equal(e.server[:len(ip.src)], ip.src) &&
			bytes.Equal(e.client[:len(ip.dst)], ip.dst) {
			m.hint = i
			return e.proc, e.vers, true
		}
		i = (i + 1) % nfsXIDMapSize
		if i == m.hint {
			return 0, 0, false
		}
	}
}
