package export

import (
	"context"
	"fmt"

	"civicgraph/graph"
	"civicgraph/rdf"
	"civicgraph/schema"
)

// Quads writes every quad of s matching p to w, from one consistent
// snapshot, in subject order, then flushes w. With triples set, graph names
// are dropped and each triple is written once even when several graphs
// hold it.
func Quads(ctx context.Context, s *graph.Store, p graph.Pattern, w rdf.Writer, triples bool) error {
	err := s.View(ctx, func(v *graph.View) error {
		var prev graph.Quad
		first := true
		for q, err := range v.Match(p) {
			if err != nil {
				return err
			}
			if triples {
				q.G = graph.Term{}
				if !first && q == prev {
					continue
				}
			}
			first, prev = false, q
			if err := w.Write(q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return w.Flush()
}

// Prefixes returns the project's prefixes ([schema.Prefixes]) for the
// writers' options.
func Prefixes() []rdf.Prefix {
	var out []rdf.Prefix
	for _, p := range schema.Prefixes() {
		out = append(out, rdf.Prefix{Name: p.Name, IRI: p.IRI})
	}
	return out
}
