package registers_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/registers"
	"civicgraph/schema"
)

// testBase is the base IRI of the entities minted in tests.
const testBase = "https://example.org/id/"

// readAll reads every quad from a register input.
func readAll(tb testing.TB, data []byte, name string, f registers.Format) ([]graph.Quad, *registers.Reader, error) {
	tb.Helper()
	r := registers.NewReader(bytes.NewReader(data), name, f, testBase)
	var quads []graph.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return quads, r, nil
		}
		if err != nil {
			return quads, r, err
		}
		quads = append(quads, q)
	}
}

// loadSchema returns the project schema.
func loadSchema(tb testing.TB) *schema.Schema {
	tb.Helper()
	s, err := schema.New()
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// checkQuads checks that every quad is valid and has no graph.
func checkQuads(tb testing.TB, quads []graph.Quad) {
	tb.Helper()
	for _, q := range quads {
		if err := q.Validate(); err != nil {
			tb.Errorf("invalid quad %v: %v", q, err)
		}
		if !q.G.IsZero() {
			tb.Errorf("quad %v has a graph, want none", q)
		}
	}
}

// checkShapes validates quads against the schema; any violation fails
// the test.
func checkShapes(tb testing.TB, s *schema.Schema, quads []graph.Quad) {
	tb.Helper()
	for _, v := range s.Validate(quads) {
		tb.Errorf("violation: %v", v)
	}
}

// notStated counts the entities that state cg:notStated path.
func notStated(quads []graph.Quad, path string) int {
	n := 0
	for _, q := range quads {
		if q.P.Value == schema.PropNotStated && q.O.Value == path {
			n++
		}
	}
	return n
}

// asError returns err as an *registers.Error, failing the test when it is
// not.
func asError(tb testing.TB, err error) *registers.Error {
	tb.Helper()
	var e *registers.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v (%T) is not an *registers.Error", err, err)
	}
	if !errors.Is(err, registers.ErrInvalid) {
		tb.Errorf("errors.Is(%v, ErrInvalid) = false", err)
	}
	return e
}
