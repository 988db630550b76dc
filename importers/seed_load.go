package importers

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

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

// ErrSeedBase is returned by [RefreshSeed] for a store whose seed was
// made under another base IRI.
var ErrSeedBase = errors.New("seed under another base")

// seedQuads returns every quad [Seed] writes.
func seedQuads(base string) ([]graph.Quad, error) {
	sc, err := schema.New()
	if err != nil {
		return nil, err
	}
	knowledge, err := seed.Quads(base)
	if err != nil {
		return nil, err
	}
	return slices.Concat(sc.Quads(), sc.SHACLQuads(), knowledge), nil
}

// RefreshSeed brings the ontology, concept schemes, shapes and seed
// knowledge of a store made by an earlier version of the program up to
// this one's, and reports which graphs it replaced (none when the store
// holds what this program would write). Only the graphs the store holds
// are compared: one a user dropped stays dropped, and a store created
// --empty stays empty. It compares, as sets, the quads of
// those named graphs and their descriptions in the default graph (blank
// node labels left aside) with what [Seed] writes; only the graphs that
// differ are replaced, through one atomic load, and then their
// descriptions in the default graph, in one transaction. Other graphs,
// and the provenance of imports, are untouched. A crash between the two
// steps leaves descriptions that the next RefreshSeed mends.
func RefreshSeed(ctx context.Context, s *graph.Store, base string) ([]string, error) {
	if base == "" {
		base = schema.DefaultBase
	}
	want, err := seedQuads(base)
	if err != nil {
		return nil, fmt.Errorf("refresh the seed: %w", err)
	}
	byGraph := map[graph.Term][]graph.Quad{} // named graph -> its quads, and the default graph's descriptions of it
	var described []graph.Quad               // the default graph's quads
	for _, q := range want {
		if q.G.IsZero() {
			described = append(described, q)
			continue
		}
		byGraph[q.G] = append(byGraph[q.G], q)
	}
	for _, q := range described {
		if _, ok := byGraph[q.S]; ok {
			byGraph[q.S] = append(byGraph[q.S], q)
		}
	}
	var stale []graph.Term
	present := 0
	err = s.View(ctx, func(v *graph.View) error {
		for g, qs := range byGraph {
			var have []graph.Quad
			for q, err := range v.Match(graph.Pattern{G: g}) {
				if err != nil {
					return err
				}
				have = append(have, q)
			}
			if len(have) == 0 {
				continue // not in the store: dropped, or the store was made --empty
			}
			present++
			for q, err := range v.Match(graph.Pattern{S: g, DefaultGraph: true}) {
				if err != nil {
					return err
				}
				have = append(have, q)
			}
			if !sameQuads(have, qs) {
				stale = append(stale, g)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("refresh the seed: %w", err)
	}
	if present == 0 || len(stale) == 0 {
		return nil, nil
	}
	// A store seeded under another base holds other IRIs: replacing its
	// seed with this base's would rename its entities. The playbook, the
	// source every seed has, tells.
	var sameBase bool
	err = s.View(ctx, func(v *graph.View) error {
		n, err := v.Count(graph.Pattern{S: graph.IRI(schema.EntityIRI(base, "source", "playbook"))})
		sameBase = n > 0
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("refresh the seed: %w", err)
	}
	if !sameBase {
		return nil, fmt.Errorf("%w: the store's seed differs from this program's, and was made under another base than %s: start with the --base the store was created with", ErrSeedBase, base)
	}
	slices.SortFunc(stale, func(a, b graph.Term) int { return cmp.Compare(a.Value, b.Value) })
	l, err := s.NewLoader(ctx)
	if err != nil {
		return nil, fmt.Errorf("refresh the seed: %w", err)
	}
	for _, g := range stale {
		for _, q := range byGraph[g] {
			if q.G.IsZero() {
				continue
			}
			if err := l.Add(q); err != nil {
				l.Abort()
				return nil, fmt.Errorf("refresh the seed: %s: %w", q, err)
			}
		}
	}
	if _, err := l.Commit(); err != nil {
		return nil, fmt.Errorf("refresh the seed: %w", err)
	}
	err = s.Update(ctx, func(tx *graph.Txn) error {
		for _, g := range stale {
			if _, err := tx.DeleteMatch(graph.Pattern{S: g, DefaultGraph: true}); err != nil {
				return err
			}
			for _, q := range byGraph[g] {
				if q.G.IsZero() {
					if err := tx.Add(q); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("refresh the seed: descriptions of the graphs: %w", err)
	}
	names := make([]string, len(stale))
	for i, g := range stale {
		names[i] = g.Value
	}
	return names, nil
}

// sameQuads reports whether a and b hold the same quads, as multisets,
// with every blank node label taken as the same.
func sameQuads(a, b []graph.Quad) bool {
	if len(a) != len(b) {
		return false
	}
	key := func(qs []graph.Quad) []string {
		out := make([]string, len(qs))
		for i, q := range qs {
			for _, t := range []*graph.Term{&q.S, &q.O} {
				if t.Kind == graph.KindBlank {
					t.Value = ""
				}
			}
			out[i] = q.String()
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(key(a), key(b))
}
