package dissect

// tcpConversations is the per-conversation TCP state tcpdump keeps for
// relative sequence numbers (see tcp.go).
type tcpConversations struct{}

// tcpOrder is the order of tcpdump's tcp_print port ladder (see
// registerTCPPort).
var tcpOrder = []string{}
