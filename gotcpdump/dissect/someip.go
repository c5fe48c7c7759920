package dissect

// SOME/IP, AUTOSAR's Scalable service-Oriented MiddlewarE over IP
// (tcpdump's print-someip.c), on UDP port 30490 and with -T someip.

func init() {
	registerUDPPort("someip", someipPrint, 30490)
	registerUDPType("someip", someipPrint)
}

var someipMsgTypes = []tok{
	{0x00, "REQUEST"}, {0x01, "REQUEST_NO_RETURN"}, {0x02, "NOTIFICATION"},
	{0x80, "RESPONSE"}, {0x81, "ERROR"}, {0x20, "TP_REQUEST"},
	{0x21, "TP_REQUEST_NO_RETURN"}, {0x22, "TP_NOTIFICATION"},
	{0xa0, "TP_RESPONSE"}, {0xa1, "TP_ERROR"},
}

var someipReturnCodes = []tok{
	{0x00, "E_OK"}, {0x01, "E_NOT_OK"}, {0x02, "E_UNKNOWN_SERVICE"},
	{0x03, "E_UNKNOWN_METHOD"}, {0x04, "E_NOT_READY"}, {0x05, "E_NOT_REACHABLE"},
	{0x06, "E_TIMEOUT"}, {0x07, "E_WRONG_PROTOCOL_VERSION"},
	{0x08, "E_WRONG_INTERFACE_VERSION"}, {0x09, "E_MALFORMED_MESSAGE"},
	{0x0a, "E_WRONG_MESSAGE_TYPE"}, {0x0b, "E_E2E_REPEATED"},
	{0x0c, "E_E2E_WRONG_SEQUENCE"}, {0x0d, "E_E2E"},
	{0x0e, "E_E2E_NOT_AVAILABLE"}, {0x0f, "E_E2E_NO_NEW_DATA"},
}

func someipPrint(nd *ND, b []byte, length int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("someip")
	nd.Print("SOMEIP")
	if length < 16 {
		nd.PrintInvalid()
		return
	}
	msgID := getBE32(b, 0)
	nd.Print(", service ")
	nd.PrintUint(uint64(msgID >> 16))
	if msgID&0x8000 != 0 {
		nd.Print(", event ")
	} else {
		nd.Print(", method ")
	}
	nd.PrintUint(uint64(msgID & 0x7fff))
	nd.Print(", len ")
	nd.PrintUint(uint64(getBE32(b, 4)))
	reqID := getBE32(b, 8)
	nd.Print(", client ")
	nd.PrintUint(uint64(reqID >> 16))
	nd.Print(", session ")
	nd.PrintUint(uint64(reqID & 0xffff))
	nd.Print(", pver ")
	nd.PrintUint(uint64(getU8(b, 12)))
	nd.Print(", iver ")
	nd.PrintUint(uint64(getU8(b, 13)))
	nd.Print(", msgtype ")
	nd.Print(tok2str(someipMsgTypes, "Unknown", uint32(getU8(b, 14))))
	nd.Print(", retcode ")
	nd.Print(tok2str(someipReturnCodes, "Unknown", uint32(getU8(b, 15))))
	nd.Print("\n")
}
