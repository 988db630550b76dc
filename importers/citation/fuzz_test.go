package citation_test

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/citation"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// FuzzParse checks that Parse never panics, that an error lists
// ParseErrors pointing inside the input, one a line, in order, and that every citation it returns maps to
// well-formed quads.
func FuzzParse(f *testing.F) {
	file, err := os.Open(filepath.Join("testdata", "TestParse_Golden", "sources.txt"))
	if err != nil {
		f.Fatal(err)
	}
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		f.Add(sc.Text())
	}
	file.Close()
	for _, s := range []string{"", "(", "a (2019).", "a (2019). “", "a (2019). “x”. In ", "A, B. (2019). x. : .", "x (Eds.) (2019). y. P: Q."} {
		f.Add(s)
	}
	g := graph.IRI(schema.GraphIRI("fuzz"))
	f.Fuzz(func(t *testing.T, in string) {
		cs, err := citation.Parse(strings.NewReader(in), "fuzz.txt")
		if err != nil {
			errs := []error{err}
			var l *problems.List
			if errors.As(err, &l) {
				errs = l.Errors
			}
			lines := strings.Count(in, "\n") + 1
			prev := 0
			for _, e := range errs {
				var pe *citation.ParseError
				if !errors.As(e, &pe) {
					t.Fatalf("Parse error %v is not a *ParseError", e)
				}
				if pe.Line <= prev || pe.Line > lines || pe.Col < 1 || pe.Expected == "" {
					t.Fatalf("Parse error %+v has no position after line %d in the input, or no expectation", pe, prev)
				}
				prev = pe.Line
			}
			if len(errs) > 100 || len(cs)+len(errs) > lines {
				t.Fatalf("%d citations and %d errors from %d lines", len(cs), len(errs), lines)
			}
		}
		for _, c := range cs {
			if c.Year == "" || (len(c.Authors) == 0 && len(c.Editors) == 0) {
				t.Fatalf("citation %+v has no year or no authors", c)
			}
			for _, q := range c.Quads(schema.DefaultBase, g) {
				if err := q.Validate(); err != nil {
					t.Fatalf("quad %s: %v", q, err)
				}
			}
		}
	})
}
