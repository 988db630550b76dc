package generate_test

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"civicgraph/graph"
	"civicgraph/internal/generate"
	"civicgraph/rdf/nquads"
	"civicgraph/schema"
)

// TestWrite_Valid reads the output with the project's own N-Triples/N-Quads
// reader and validates every entity against the shapes of package schema,
// so that generated data is data the server accepts.
func TestWrite_Valid(t *testing.T) {
	s, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		opts generate.Options
	}{
		{"NTriples", generate.Options{Triples: 30_000, Seed: 1}},
		{"NQuads", generate.Options{Triples: 30_000, Seed: 5, Quads: true}},
		{"Cut", generate.Options{Triples: 777, Seed: 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := nquads.NewReader(bytes.NewReader(generateBytes(t, tc.opts)), tc.name, tc.opts.Quads)
			var quads []graph.Quad
			for {
				q, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("reading the output of Write(%+v): %v", tc.opts, err)
				}
				quads = append(quads, q)
			}
			if int64(len(quads)) != tc.opts.Triples {
				t.Fatalf("read %d statements, want %d", len(quads), tc.opts.Triples)
			}
			vs := s.ValidateWith(quads, schema.Options{RequireTypedTargets: true})
			for i, v := range vs {
				if i == 20 {
					t.Errorf("... and %d more", len(vs)-20)
					break
				}
				t.Error(v)
			}
		})
	}
}
