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
