package dissect

// TSP, the BSD timed time synchronization protocol (tcpdump's
// print-timed.c), on UDP port 525.

func init() {
	registerUDPPort("timed", timedPrint, 525)
}

var tspTypes = [...]string{
	"ANY", "ADJTIME", "ACK", "MASTERREQ", "MASTERACK", "SETTIME", "MASTERUP",
	"SLAVEUP", "ELECTION", "ACCEPT", "REFUSE", "CONFLICT", "RESOLVE", "QUIT",
	"DATE", "DATEREQ", "DATEACK", "TRACEON", "TRACEOFF", "MSITE", "MSITEREQ",
	"TEST", "SETDATE", "SETDATEREQ", "LOOP",
}

// TSP message types with a time or a hop count after the sequence number.
const (
	tspAdjTime    = 1
	tspSetTime    = 5
	tspSetDate    = 22
	tspSetDateReq = 23
	tspLoop       = 24
)

// tspNameOff and tspNameLen place the host name (MAXHOSTNAMELEN bytes).
const (
	tspNameOff = 12
	tspNameLen = 256
)

func timedPrint(nd *ND, b []byte, _ int, _ *ipInfo, _, _ uint16) {
	nd.SetProto("timed")
	typ := getU8(b, 0)
	if int(typ) < len(tspTypes) {
		nd.Print("TSP_")
		nd.Print(tspTypes[typ])
	} else {
		nd.Printf("(tsp_type %#x)", typ)
	}
	nd.Printf(" vers %d", getU8(b, 1))
	nd.Printf(" seq %d", getBE16(b, 2))
	switch typ {
	case tspLoop:
		nd.Printf(" hopcnt %d", getU8(b, 4))
	case tspSetTime, tspAdjTime, tspSetDate, tspSetDateReq:
		sec := int32(getBE32(b, 4))
		usec := int32(getBE32(b, 8))
		if usec < 0 {
			return
		}
		nd.Print(" time ")
		if sec < 0 && usec != 0 {
			sec++
			if sec == 0 {
				nd.Print("-")
			}
			usec = 1000000 - usec
		}
		nd.Printf("%d.%06d", sec, usec)
	}
	nd.Print(" name ")
	printjnp(nd, b, tspNameOff, tspNameLen)
}
