package capture

import (
	"fmt"
	"strconv"
	"time"
)

// RotationName is the name of a capture file in a rotation as tcpdump
// makes it: the template, expanded with strftime at t when timed (-G),
// then cnt zero-padded to width digits, unless cnt and width are both
// zero.
func RotationName(template string, t time.Time, timed bool, cnt, width int) string {
	name := template
	if timed {
		name = Strftime(template, t)
	}
	if cnt == 0 && width == 0 {
		return name
	}
	return fmt.Sprintf("%s%0*d", name, width, cnt)
}

// CountWidth is how many digits the file number of a rotation over n
// files (-W n) is padded to: the digits of n-1.
func CountWidth(n int) int {
	c := 0
	for n--; n > 0; n /= 10 {
		c++
	}
	return c
}

var (
	weekdays = [...]string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months   = [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}
)

// Strftime expands the C library's strftime conversions in the C locale.
// An unknown conversion is kept as written.
func Strftime(format string, t time.Time) string {
	var b []byte
	pad := func(v, w int) { b = append(b, fmt.Sprintf("%0*d", w, v)...) }
	for i := 0; i < len(format); i++ {
		ch := format[i]
		if ch != '%' || i+1 == len(format) {
			b = append(b, ch)
			continue
		}
		i++
		switch format[i] {
		case 'Y':
			b = strconv.AppendInt(b, int64(t.Year()), 10)
		case 'y':
			pad(t.Year()%100, 2)
		case 'C':
			pad(t.Year()/100, 2)
		case 'm':
			pad(int(t.Month()), 2)
		case 'd':
			pad(t.Day(), 2)
		case 'e':
			b = append(b, fmt.Sprintf("%2d", t.Day())...)
		case 'H':
			pad(t.Hour(), 2)
		case 'I':
			pad((t.Hour()+11)%12+1, 2)
		case 'M':
			pad(t.Minute(), 2)
		case 'S':
			pad(t.Second(), 2)
		case 'j':
			pad(t.YearDay(), 3)
		case 'p':
			if t.Hour() < 12 {
				b = append(b, "AM"...)
			} else {
				b = append(b, "PM"...)
			}
		case 'a':
			b = append(b, weekdays[t.Weekday()][:3]...)
		case 'A':
			b = append(b, weekdays[t.Weekday()]...)
		case 'b', 'h':
			b = append(b, months[t.Month()-1][:3]...)
		case 'B':
			b = append(b, months[t.Month()-1]...)
		case 'u':
			b = strconv.AppendInt(b, int64((int(t.Weekday())+6)%7+1), 10)
		case 'w':
			b = strconv.AppendInt(b, int64(t.Weekday()), 10)
		case 's':
			b = strconv.AppendInt(b, t.Unix(), 10)
		case 'F':
			b = append(b, Strftime("%Y-%m-%d", t)...)
		case 'T':
			b = append(b, Strftime("%H:%M:%S", t)...)
		case 'R':
			b = append(b, Strftime("%H:%M", t)...)
		case 'D':
			b = append(b, Strftime("%m/%d/%y", t)...)
		case 'z':
			_, off := t.Zone()
			sign := byte('+')
			if off < 0 {
				sign, off = '-', -off
			}
			b = append(b, sign)
			pad(off/3600*100+off%3600/60, 4)
		case 'Z':
			name, _ := t.Zone()
			b = append(b, name...)
		case 'n':
			b = append(b, '\n')
		case 't':
			b = append(b, '\t')
		case '%':
			b = append(b, '%')
		default:
			b = append(b, '%', format[i])
		}
	}
	return string(b)
}
