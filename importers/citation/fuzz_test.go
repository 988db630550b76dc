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
	"civicgraph/schema"
)

// FuzzParse checks that Parse never panics, that an error is a ParseError
// pointing inside the input, and that every citation it returns maps to
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
			var pe *citation.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse error %v is not a *ParseError", err)
			}
			if pe.Line < 1 || pe.Col < 1 || pe.Expected == "" {
				t.Fatalf("Parse error %+v has no position or expectation", pe)
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
