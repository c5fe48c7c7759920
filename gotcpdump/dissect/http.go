package dissect

// HTTP and RTSP (tcpdump's print-http.c and print-rtsp.c): text
// protocols whose payloads are printed only when they start a request
// or a response.

func init() {
	registerTCPPort("http", httpProto.tcpPrint, 80, 8080)
	registerTCPPort("rtsp", rtspProto.tcpPrint, 554, 8554)
}

// httpCmds are the request methods tcpdump recognises, WebDAV's included.
var httpCmds = []string{
	"GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY",
	"BMOVE", "MKCOL", "TRACE", "LABEL", "MERGE", "DELETE", "SEARCH",
	"UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT", "OPTIONS",
	"CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH",
	"BPROPFIND", "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE",
	"UNSUBSCRIBE", "RPC_CONNECT", "VERSION-CONTROL", "BASELINE-CONTROL",
}

// rtspCmds are the RTSP request methods.
var rtspCmds = []string{
	"DESCRIBE", "ANNOUNCE", "GET_PARAMETER", "OPTIONS", "PAUSE", "PLAY",
	"RECORD", "REDIRECT", "SETUP", "SET_PARAMETER", "TEARDOWN",
}

var (
	httpProto = &txtproto{name: "http", cmds: httpCmds, respCodeSecond: true}
	rtspProto = &txtproto{name: "rtsp", cmds: rtspCmds, respCodeSecond: true}
)
