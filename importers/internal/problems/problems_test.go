package problems_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"civicgraph/importers/internal/problems"
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
