package jsonw

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"
)

func render(pretty bool, f func(j *Writer)) string {
	var b bytes.Buffer
	w := bufio.NewWriter(&b)
	j := New(w, pretty)
	f(j)
	w.Flush()
	return b.String()
}

func sample(j *Writer) {
	j.StartArray()
	j.StartObject()
	j.Name("dst")
	j.String("10.0.0.0/24")
	j.Name("flags")
	j.StartArray()
	j.EndArray()
	j.Name("metrics")
	j.StartArray()
	j.StartObject()
	j.Name("mtu")
	j.Uint(1400)
	j.EndObject()
	j.EndArray()
	j.EndObject()
	j.StartObject()
	j.Name("x")
	j.Null()
	j.EndObject()
	j.EndArray()
	j.Finish()
}

// The layouts are iproute2's, byte for byte.
func TestLayouts(t *testing.T) {
	want := `[{"dst":"10.0.0.0/24","flags":[],"metrics":[{"mtu":1400}]},{"x":null}]` + "\n"
	if got := render(false, sample); got != want {
		t.Errorf("compact:\n%s\nwant\n%s", got, want)
	}
	wantPretty := `[ {
        "dst": "10.0.0.0/24",
        "flags": [ ],
        "metrics": [ {
                "mtu": 1400
            } ]
    },{
        "x": null
    } ]
`
	if got := render(true, sample); got != wantPretty {
		t.Errorf("pretty:\n%s\nwant\n%s", got, wantPretty)
	}
}

func FuzzStringIsValidJSON(f *testing.F) {
	for _, s := range []string{"", "v0", "a\"b\\c", "tab\there", "\x00\x1f\x7f", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := render(false, func(j *Writer) {
			j.StartObject()
			j.Name(s)
			j.String(s)
			j.EndObject()
		})
		if !json.Valid([]byte(out)) {
			t.Fatalf("invalid JSON for %q: %s", s, out)
		}
	})
}
