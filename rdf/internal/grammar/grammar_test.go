package grammar

import "testing"

func TestClasses(t *testing.T) {
	for _, tc := range []struct {
		r                  rune
		base, start, extra bool
	}{
		{'a', true, true, false},
		{'Z', true, true, false},
		{'_', false, true, false},
		{'7', false, true, false},
		{'-', false, false, false},
		{':', false, false, false},
		{'é', true, true, false},
		{0x00D7, false, false, false}, // ×, between two PN_CHARS_BASE ranges
		{0x00B7, false, false, true},
		{0x0301, false, false, true},
		{0x2040, false, false, true},
		{0x10000, true, true, false},
		{0xF0000, false, false, false},
	} {
		if IsPNCharsBase(tc.r) != tc.base || IsLabelStart(tc.r) != tc.start || IsPNCharsExtra(tc.r) != tc.extra {
			t.Errorf("%U: base %v start %v extra %v, want %v %v %v", tc.r,
				IsPNCharsBase(tc.r), IsLabelStart(tc.r), IsPNCharsExtra(tc.r), tc.base, tc.start, tc.extra)
		}
	}
}

func TestHexValue(t *testing.T) {
	for in, want := range map[string]rune{"0041": 'A', "00e9": 'é', "00E9": 'é', "0001F600": '😀', "": 0} {
		if got := HexValue([]byte(in)); got != want {
			t.Errorf("HexValue(%q) = %U, want %U", in, got, want)
		}
	}
}

func TestIndexIRIForbidden(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"http://ex/a", -1},
		{"http://ex/é%20#x?y=1&z", -1},
		{"http://ex/a b", 11},
		{"http://ex/\x00", 10},
		{"http://ex/\t", 10},
		{"http://ex/\x7f", -1}, // DEL and C1 controls are allowed by IRIREF
		{"<http://ex/>", 0},
		{`http://ex/"`, 10},
		{"http://ex/{x}", 10},
		{"http://ex/a|b", 11},
		{"http://ex/a^b", 11},
		{"http://ex/a`b", 11},
		{`http://ex/a\b`, 11},
		{"", -1},
	} {
		if got := IndexIRIForbidden(tc.in); got != tc.want {
			t.Errorf("IndexIRIForbidden(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
