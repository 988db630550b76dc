package ocds_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/ocds"
	"civicgraph/schema"
)

// testBase is the base IRI of the entities minted in tests.
const testBase = "https://example.org/id/"

// readAll reads every quad from an OCDS input.
func readAll(tb testing.TB, data []byte, name string) ([]graph.Quad, *ocds.Reader, error) {
	tb.Helper()
	r := ocds.NewReader(bytes.NewReader(data), name, testBase)
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

// asError returns err as an *ocds.Error, failing the test when it is not.
func asError(tb testing.TB, err error) *ocds.Error {
	tb.Helper()
	var e *ocds.Error
	if !errors.As(err, &e) {
		tb.Fatalf("error %v (%T) is not an *ocds.Error", err, err)
	}
	if !errors.Is(err, ocds.ErrInvalid) {
		tb.Errorf("errors.Is(%v, ErrInvalid) = false", err)
	}
	return e
}
