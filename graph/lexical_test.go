package graph

import "testing"

func TestIsAbsoluteIRI(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"http://example.org/a", true},
		{"urn:isbn:0451450523", true},
		{"a+b-c.d:x", true},
		{"x:", true},
		{"", false},
		{"/relative/path", false},
		{"#frag", false},
		{"1http://x", false},
		{"ht tp://x", false},
		{"no-colon", false},
	} {
		if got := IsAbsoluteIRI(tc.in); got != tc.want {
			t.Errorf("IsAbsoluteIRI(%q) = %v, want %v", tc.in, got, tc.want)
		}
		if got := IsAbsoluteIRI([]byte(tc.in)); got != tc.want {
			t.Errorf("IsAbsoluteIRI([]byte(%q)) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestValidLangTag(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"en", true},
		{"en-GB", true},
		{"zh-Hant-TW", true},
		{"ca-valencia", true},
		{"x-1a2b", true},
		{"", false},
		{"1en", false},
		{"en-", false},
		{"en--GB", false},
		{"en_GB", false},
		{"én", false},
	} {
		if got := ValidLangTag(tc.in); got != tc.want {
			t.Errorf("ValidLangTag(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
