package turtle_test

import (
	"io"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/turtle"
)

// readFrom reads r to the end and returns the quads read before the first
// error, and that error (nil at a clean end).
func readFrom(r *turtle.Reader) ([]graph.Quad, error) {
	var out []graph.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

// readAll parses in as Turtle, or TriG, with base as the base IRI when it
// is not "".
func readAll(tb testing.TB, in string, base string, trig bool) ([]graph.Quad, error) {
	tb.Helper()
	r := turtle.NewReader(strings.NewReader(in), "test", trig)
	if base != "" {
		if err := r.SetBase(base); err != nil {
			tb.Fatal(err)
		}
	}
	return readFrom(r)
}
