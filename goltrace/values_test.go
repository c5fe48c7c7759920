package main

import (
	"testing"

	"github.com/goclues/goclues/goltrace/proto"
)

func TestAppendValue(t *testing.T) {
	c := &valueCtx{strLen: 32, arrLen: 4}
	tests := []struct {
		typ  *proto.Type
		v    uint64
		want string
	}{
		{&proto.Type{Kind: proto.Int}, 0xffffffff, "-1"},
		{&proto.Type{Kind: proto.Uint}, 0xffffffff, "4294967295"},
		{&proto.Type{Kind: proto.Long}, ^uint64(4), "-5"},
		{&proto.Type{Kind: proto.Int, Lens: proto.Octal}, 022, "022"},
		{&proto.Type{Kind: proto.Int, Lens: proto.Octal}, 0, "00"},
		{&proto.Type{Kind: proto.Uint, Lens: proto.Hex}, 255, "0xff"},
		{&proto.Type{Kind: proto.Addr}, 0, "0"},
		{&proto.Type{Kind: proto.Addr}, 0x1000, "0x1000"},
		{&proto.Type{Kind: proto.Char}, 'a', "'a'"},
		{&proto.Type{Kind: proto.Char}, '\'', "'''"},
		{&proto.Type{Kind: proto.Char}, 0, `'\0'`},
		{&proto.Type{Kind: proto.Char}, 7, `'\a'`},
		{&proto.Type{Kind: proto.Char}, 200, `'\310'`},
		{&proto.Type{Kind: proto.String}, 0, "nil"},
		{&proto.Type{Kind: proto.Pointer, Elem: &proto.Type{Kind: proto.Int}}, 0, "nil"},
		{&proto.Type{Kind: proto.Void}, 5, "<void>"},
		{&proto.Type{Kind: proto.Double}, 0x3ff8000000000000, "1.500000"},
		{&proto.Type{Kind: proto.Enum, Elem: &proto.Type{Kind: proto.Int}, Enum: []proto.EnumValue{{Name: "A", Value: 1}}}, 1, "A"},
		{&proto.Type{Kind: proto.Enum, Elem: &proto.Type{Kind: proto.Int}, Enum: []proto.EnumValue{{Name: "A", Value: 1}}}, 0, "0"},
		{&proto.Type{Kind: proto.Bitvec, Elem: &proto.Type{Kind: proto.Ulong}}, 0, "<>"},
		{&proto.Type{Kind: proto.Bitvec, Elem: &proto.Type{Kind: proto.Ulong}}, 0x207, "<0-2,9>"},
		{&proto.Type{Kind: proto.Bitvec, Elem: &proto.Type{Kind: proto.Ulong}}, ^uint64(0x180000000), "~<31-32>"},
	}
	for _, tc := range tests {
		if got := string(c.appendValue(nil, tc.typ, tc.v, 0)); got != tc.want {
			t.Errorf("%+v %#x: got %s, want %s", tc.typ, tc.v, got, tc.want)
		}
	}
}

func TestAppendUnknown(t *testing.T) {
	for v, want := range map[uint64]string{
		0: "0", 10000: "10000", 10001: "0x2711", ^uint64(127): "-128",
		^uint64(10000): "0xffffffffffffd8ef", 0xffffff9c: "0xffffff9c",
	} {
		if got := string(appendUnknown(nil, v)); got != want {
			t.Errorf("%#x: got %s, want %s", v, got, want)
		}
	}
}

func TestMatchRules(t *testing.T) {
	tests := []struct {
		expr, name string
		want       bool
	}{
		{"malloc", "malloc", true},
		{"malloc", "free", false},
		{"malloc+free", "free", true},
		{"f*", "fopen", true},
		{"*-free", "free", false},
		{"*-free", "puts", true},
		{"!puts", "puts", false},
		{"!puts", "malloc", true},
		{"/^str/", "strlen", true},
		{"puts@libc.so*", "puts", false},
		{"puts@MAIN", "puts", true},
	}
	for _, tc := range tests {
		if got := matchRules(tc.expr, tc.name); got != tc.want {
			t.Errorf("%q on %q: got %v", tc.expr, tc.name, got)
		}
	}
}
