package importers

import (
	"context"
	"fmt"

	"civicgraph/graph"
	"civicgraph/importers/seed"
	"civicgraph/schema"
)

// Seed loads what every new store starts with: the ontology, the concept
// schemes, the SHACL shapes and the seed knowledge built from the source
// texts, with base as the base IRI of instances ("" means
// schema.DefaultBase). It goes through one atomic load and replaces those
// graphs if they exist.
func Seed(ctx context.Context, s *graph.Store, base string) (graph.LoadStats, error) {
	if base == "" {
		base = schema.DefaultBase
	}
	sc, err := schema.New()
	if err != nil {
		return graph.LoadStats{}, fmt.Errorf("seed: %w", err)
	}
	knowledge, err := seed.Quads(base)
	if err != nil {
		return graph.LoadStats{}, fmt.Errorf("seed: %w", err)
	}
	l, err := s.NewLoader(ctx)
	if err != nil {
		return graph.LoadStats{}, fmt.Errorf("seed: %w", err)
	}
	for _, part := range [][]graph.Quad{sc.Quads(), sc.SHACLQuads(), knowledge} {
		for _, q := range part {
			if err := l.Add(q); err != nil {
				l.Abort()
				return graph.LoadStats{}, fmt.Errorf("seed: %s: %w", q, err)
			}
		}
	}
	st, err := l.Commit()
	if err != nil {
		return st, fmt.Errorf("seed: %w", err)
	}
	return st, nil
}
