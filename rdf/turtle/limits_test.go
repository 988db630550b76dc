package turtle_test

import (
	"errors"
	"strings"
	"testing"

	"civicgraph/internal/hostile"
	"civicgraph/rdf/problems"
	"civicgraph/rdf/turtle"
)

// TestReader_memoryBound feeds input built to make the reader hold much
// (10 MB tokens, nesting a million deep, a million errors) and checks that
// reading it allocates at most 4 times its size plus 8 MiB, and that the
// first error quotes a short excerpt.
func TestReader_memoryBound(t *testing.T) {
	long := strings.Repeat("a", 10<<20)
	const p = "<http://a/p> "
	tests := []struct {
		name      string
		in        string
		wantFound string // of the first error
		wantTotal int    // errors in all
	}{
		{"LongWord", long + " .", long[:problems.MaxExcerpt+4], 1},
		{"LongUndeclaredPrefix", long + ":x " + p + "1 .", long[:problems.MaxExcerpt+4], 1},
		{"LongRelativeIRI", "<" + long + "> " + p + "1 .", "<" + long[:problems.MaxExcerpt+3], 1},
		{"LongUnclosedString", "<http://a/s> " + p + `"` + long, "", 1},
		{"LongBadLanguageTag", "<http://a/s> " + p + `"x"@` + long + "-", "", 1},
		{"DeepCollections", "<http://a/s> " + p + strings.Repeat("(", 1<<20) + " .", "(", 1},
		{"DeepBlankNodes", "<http://a/s> " + strings.Repeat(p+"[ ", 1<<18) + " .", "[", 1},
		{"ManyErrors", strings.Repeat("<http://a/s> "+p+"1 ] .\n", 200000), "]", 200000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := hostile.AllocDuring(func() {
				r := turtle.NewReader(strings.NewReader(tc.in), "big.ttl", false)
				for err == nil {
					_, err = r.Read() // the statements are dropped: only the reader's memory counts
				}
			})
			bound := uint64(4*len(tc.in) + 8<<20)
			hostile.CheckAlloc(t, len(tc.in), alloc, bound)
			var pe *turtle.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %.300v, want a *ParseError", err)
			}
			if pe.Found != tc.wantFound {
				t.Errorf("first error found %.80q, want %.80q (%.300v)", pe.Found, tc.wantFound, err)
			}
			total := 1
			var all *problems.List
			if errors.As(err, &all) {
				total = all.Total
			}
			if total != tc.wantTotal {
				t.Errorf("%d errors in all, want %d", total, tc.wantTotal)
			}
			if n := len(err.Error()); n > 200*problems.Max {
				t.Errorf("error message has %d bytes, want at most %d", n, 200*problems.Max)
			}
		})
	}
}
