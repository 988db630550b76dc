package problems_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"civicgraph/rdf/problems"
)

// lineError is a parser's error type, for errors.As.
type lineError struct{ line int }

func (e *lineError) Error() string { return fmt.Sprintf("f:%d: expected x", e.line) }

var errSentinel = errors.New("sentinel")

// add returns a List with n lineErrors, numbered from 1.
func add(n int) *problems.List {
	var l problems.List
	for i := range n {
		l.Add(&lineError{i + 1})
	}
	return &l
}

func TestList_Err(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		wantNil   bool
		wantLone  bool // Err returns the lone error itself
		wantKept  int
		wantLines int // lines of Error()
		wantTail  string
	}{
		{"None", 0, true, false, 0, 0, ""},
		{"One", 1, false, true, 1, 1, ""},
		{"Three", 3, false, false, 3, 3, ""},
		{"Max", problems.Max, false, false, problems.Max, problems.Max, ""},
		{"MaxPlusOne", problems.Max + 1, false, false, problems.Max, problems.Max + 1, "... and 1 more problems (101 in all)"},
		{"OneFifty", 150, false, false, problems.Max, problems.Max + 1, "... and 50 more problems (150 in all)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := add(tc.n)
			if l.Len() != tc.n {
				t.Errorf("Len() = %d, want %d", l.Len(), tc.n)
			}
			err := l.Err()
			if tc.wantNil {
				if err != nil {
					t.Fatalf("Err() = %v, want nil", err)
				}
				return
			}
			if err == nil {
				t.Fatal("Err() = nil, want an error")
			}
			if tc.wantLone {
				if err != l.Errors[0] {
					t.Errorf("Err() = %#v, want the lone error %#v", err, l.Errors[0])
				}
			} else {
				var got *problems.List
				if !errors.As(err, &got) || got.Total != tc.n || len(got.Errors) != tc.wantKept {
					t.Errorf("Err() = %#v, want a List of %d with %d kept", err, tc.n, tc.wantKept)
				}
			}
			var le *lineError
			if !errors.As(err, &le) || le.line != 1 {
				t.Errorf("errors.As(Err(), *lineError) = %v, want the first error", le)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != tc.wantLines {
				t.Errorf("Error() has %d lines, want %d:\n%s", len(lines), tc.wantLines, err)
			}
			for i := range min(len(lines), tc.wantKept) {
				if want := fmt.Sprintf("f:%d: expected x", i+1); lines[i] != want {
					t.Errorf("Error() line %d = %q, want %q", i+1, lines[i], want)
				}
			}
			if tc.wantTail != "" && lines[len(lines)-1] != tc.wantTail {
				t.Errorf("Error() last line = %q, want %q", lines[len(lines)-1], tc.wantTail)
			}
		})
	}
}

func TestList_Add(t *testing.T) {
	tests := []struct {
		name string
		errs []error
		want string
	}{
		{"NilIgnored", []error{nil, nil}, ""},
		{"NilAmongOthers", []error{errors.New("a"), nil, errors.New("b")}, "a\nb"},
		{"Sentinel", []error{errSentinel, fmt.Errorf("wrapped: %w", errSentinel)}, "sentinel\nwrapped: sentinel"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var l problems.List
			for _, err := range tc.errs {
				l.Add(err)
			}
			err := l.Err()
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tc.want {
				t.Errorf("Err().Error() = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestList_Err_isSnapshot checks that errors added after Err do not change
// the error it returned.
func TestList_Err_isSnapshot(t *testing.T) {
	l := add(2)
	err := l.Err()
	before := err.Error()
	l.Add(errSentinel)
	if after := err.Error(); after != before {
		t.Errorf("Err() changed after Add: %q, want %q", after, before)
	}
	if errors.Is(err, errSentinel) {
		t.Error("errors.Is(Err(), errSentinel) = true for an error added after Err")
	}
	if !errors.Is(l.Err(), errSentinel) {
		t.Error("errors.Is(Err(), errSentinel) = false after Add")
	}
}

func TestMessage(t *testing.T) {
	for _, tc := range []struct {
		file        string
		line, col   int
		path, found string
		want        string
	}{
		{"a.nt", 3, 7, "", `"x"`, `a.nt:3:7: expected '>', found "x"`},
		{"", 3, 7, "", "end of line", `3:7: expected '>', found end of line`},
		{"a.json", 2, 5, "$.name", `"x"`, `a.json:2:5: $.name: expected '>', found "x"`},
		{"a.json", 0, 0, "$.name", `"x"`, `a.json: $.name: expected '>', found "x"`},
		{"", 0, 0, "$.name", `"x"`, `$.name: expected '>', found "x"`},
		{"", 0, 0, "", `"x"`, `expected '>', found "x"`},
	} {
		if got := problems.Message(tc.file, tc.line, tc.col, tc.path, "'>'", tc.found); got != tc.want {
			t.Errorf("Message(%q, %d, %d, %q) = %q, want %q", tc.file, tc.line, tc.col, tc.path, got, tc.want)
		}
	}
	if got := problems.Quote("", "end of input"); got != "end of input" {
		t.Errorf("Quote of nothing = %q", got)
	}
	if got := problems.Quote(`a"b`, "end of input"); got != `"a\"b"` {
		t.Errorf("Quote = %q", got)
	}
}

// TestQuote checks that an error quotes at most a short excerpt of the
// input, cut at a character boundary, with control characters escaped.
func TestQuote(t *testing.T) {
	long := strings.Repeat("a", 10<<20)
	tests := []struct {
		name, found, want string
	}{
		{"Empty", "", "end of input"},
		{"Short", `a"b`, `"a\"b"`},
		{"Exactly", strings.Repeat("x", problems.MaxExcerpt), `"` + strings.Repeat("x", problems.MaxExcerpt) + `"`},
		{"Long", long, `"` + long[:problems.MaxExcerpt] + `"...`},
		{"CutBeforeRune", strings.Repeat("x", problems.MaxExcerpt-1) + "é and more", `"` + strings.Repeat("x", problems.MaxExcerpt-1) + `"...`},
		{"Escape", "k\x1b[31mRED\a", `"k\x1b[31mRED\a"`},
		{"NotUTF8", "a\xffb", `"a\xffb"`},
		{"Excerpt", problems.Excerpt(long), `"` + long[:problems.MaxExcerpt] + `"...`},
		{"ExcerptBytes", problems.ExcerptBytes([]byte(long)), `"` + long[:problems.MaxExcerpt] + `"...`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := problems.Quote(tc.found, "end of input"); got != tc.want {
				t.Errorf("Quote(%.50q) = %q, want %q", tc.found, got, tc.want)
			}
		})
	}
}

// TestExcerpt checks that Excerpt keeps short text whole and cuts long text
// to a little more than MaxExcerpt bytes, at a character boundary.
func TestExcerpt(t *testing.T) {
	for _, s := range []string{"", "abc", strings.Repeat("é", 1000), strings.Repeat("a", 1<<20), strings.Repeat("😀", 100)} {
		got := problems.Excerpt(s)
		if len(s) <= problems.MaxExcerpt && got != s {
			t.Errorf("Excerpt(%.20q) = %q, want it whole", s, got)
		}
		if len(s) > problems.MaxExcerpt && (len(got) <= problems.MaxExcerpt || len(got) > problems.MaxExcerpt+4 || !strings.HasPrefix(s, got)) {
			t.Errorf("Excerpt(%.20q) = %q (%d bytes), want a prefix of %d to %d bytes", s, got, len(got), problems.MaxExcerpt+1, problems.MaxExcerpt+4)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Excerpt(%.20q) = %q, cut inside a character", s, got)
		}
		if b := problems.ExcerptBytes([]byte(s)); b != got {
			t.Errorf("ExcerptBytes(%.20q) = %q, want %q", s, b, got)
		}
	}
}

// TestMessage_safe checks that whatever a parser puts in an error's parts
// (a crafted BibTeX key in Expected, an unquoted Found, a file name), the
// message has no control characters and no part longer than a few hundred
// bytes.
func TestMessage_safe(t *testing.T) {
	huge := strings.Repeat("k", 1<<20)
	tests := []struct {
		name                        string
		file, path, expected, found string
		want                        string
	}{
		{"KeyInExpected", "a.bib", "", "',' after the citation key k\x1b[31mRED", `"title"`,
			`a.bib:1:2: expected ',' after the citation key k\x1b[31mRED, found "title"`},
		{"FileName", "a\x1b]0;pwned\a.nt", "", "'>'", "end of line",
			`a\x1b]0;pwned\a.nt:1:2: expected '>', found end of line`},
		{"Bidi", "", "$.a\u202eb", "x", "y", `1:2: $.a\u202eb: expected x, found y`},
		{"NotUTF8", "", "", "x", "\xff", `1:2: expected x, found \xff`},
		{"NewlineInFound", "", "", "x", "a\nb", `1:2: expected x, found a\nb`},
		{"Unicode", "", "", "é", "😀", `1:2: expected é, found 😀`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := problems.Message(tc.file, 1, 2, tc.path, tc.expected, tc.found); got != tc.want {
				t.Errorf("Message = %q, want %q", got, tc.want)
			}
		})
	}
	t.Run("Long", func(t *testing.T) {
		got := problems.Message(huge, 1, 2, huge, "key "+huge, huge)
		if len(got) > 4*300 {
			t.Errorf("Message of 1 MB parts has %d bytes, want at most %d", len(got), 4*300)
		}
		if strings.Count(got, "...") != 4 {
			t.Errorf("Message of 1 MB parts = %.100q..., want each part cut with \"...\"", got)
		}
	})
}

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{
		"plain":              "plain",
		"col\x1b[2Jumn":      `col\x1b[2Jumn`,
		"tab\there":          `tab\there`,
		"\u202egnp.exe":      `\u202egnp.exe`,
		"café":               "café",
		string([]byte{0xff}): `\xff`,
	} {
		if got := problems.Safe(in); got != want {
			t.Errorf("Safe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := problems.Safe(strings.Repeat("x", 1000)); len(got) > 300 || !strings.HasSuffix(got, "...") {
		t.Errorf("Safe of 1000 bytes = %d bytes %.20q..., want it cut with \"...\"", len(got), got)
	}
}
