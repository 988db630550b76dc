package generate

import (
	"testing"
	"unicode/utf8"
)

func TestSentences(t *testing.T) {
	for _, set := range [][]string{sentencesEN, sentencesES, sentencesCA} {
		for _, s := range set {
			if n := len(appendEscaped(nil, s)); n > 150 {
				t.Errorf("sentence of %d bytes, want at most 150: %q", n, s)
			}
			if !utf8.ValidString(s) {
				t.Errorf("sentence is not UTF-8: %q", s)
			}
		}
	}
}

func TestCorpus_Cut(t *testing.T) {
	tests := []struct {
		name     string
		min, max int
	}{
		{"Short", 200, 400},
		{"Medium", 200, 500},
		{"Long", 300, 800},
	}
	for _, lang := range []struct {
		name string
		c    corpus
	}{{"en", newCorpus(sentencesEN, 1)}, {"es", newCorpus(sentencesES, 2)}, {"ca", newCorpus(sentencesCA, 3)}} {
		for _, tc := range tests {
			t.Run(lang.name+"/"+tc.name, func(t *testing.T) {
				r := newRNG(1, saltText, 99)
				for range 10_000 {
					s := lang.c.cut(&r, tc.min, tc.max)
					if n := utf8.RuneCountInString(s); n < tc.min || n > tc.max {
						t.Fatalf("cut(%d, %d) gave %d characters: %q", tc.min, tc.max, n, s)
					}
				}
			})
		}
	}
}

func TestAppendPad(t *testing.T) {
	tests := []struct {
		v     int64
		width int
		want  string
	}{
		{0, 4, "0000"}, {42, 4, "0042"}, {12345, 4, "12345"}, {7, 1, "7"}, {2025, 4, "2025"}, {0, 1, "0"},
	}
	for _, tc := range tests {
		if got := string(appendPad(nil, tc.v, tc.width)); got != tc.want {
			t.Errorf("appendPad(%d, %d) = %q, want %q", tc.v, tc.width, got, tc.want)
		}
	}
}
