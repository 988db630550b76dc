package queries

import (
	"context"
	"fmt"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/schema"
)

// TestListCache_TwoVersions takes a snapshot, writes, takes another, and
// asks for the index of the class from the two in turn: each version's
// index is built once and kept, instead of being thrown away whenever a
// request of the other version comes (as while a write lands under load).
func TestListCache_TwoVersions(t *testing.T) {
	s := graphtest.NewStore(t)
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	r := New(s, sc, Options{MaxPage: 100})
	ctx := t.Context()
	g := graph.IRI(schema.GraphIRI("test"))
	add := func(name string) {
		t.Helper()
		err := s.Update(ctx, func(tx *graph.Txn) error {
			return tx.Add(graph.Quad{S: graph.IRI("https://e.org/" + name), P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: g})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	add("p1")
	spec := specFor(schema.ClassProcurement)
	err = s.View(ctx, func(old *graph.View) error {
		add("p2")
		return s.View(ctx, func(cur *graph.View) error {
			if old.Version() == cur.Version() {
				t.Fatal("a write did not change the version")
			}
			var got [4]*classIndex
			for i, v := range []*graph.View{old, cur, old, cur} {
				ix, err := r.index(ctx, v, spec, "YEAR", true)
				if err != nil {
					return err
				}
				got[i] = ix
			}
			if got[0] != got[2] || got[1] != got[3] {
				t.Errorf("indexes rebuilt when versions alternate: %p %p %p %p", got[0], got[1], got[2], got[3])
			}
			if len(got[0].ids) != 1 || len(got[1].ids) != 2 {
				t.Errorf("instances seen: %d and %d, want 1 and 2", len(got[0].ids), len(got[1].ids))
			}
			return nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestCaches_PendingLoad checks that a load being written, which moves the
// store's version on at each batch without changing what readers see,
// does not make ordered lists or searches build their index again, and
// that its commit does.
func TestCaches_PendingLoad(t *testing.T) {
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	typed := func(name, graphName string) graph.Quad {
		return graph.Quad{S: graph.IRI("https://e.org/" + name), P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: graph.IRI(schema.GraphIRI(graphName))}
	}
	labelled := func(name, graphName string) graph.Quad {
		return graph.Quad{S: graph.IRI("https://e.org/" + name), P: graph.IRI(schema.RDFSLabel), O: graph.String("citizen panel " + name), G: graph.IRI(schema.GraphIRI(graphName))}
	}
	tests := []struct {
		name  string
		quad  func(name, graphName string) graph.Quad
		index func(ctx context.Context, r *Resolver, v *graph.View) (ix any, subjects int, err error)
	}{
		{"list index", typed, func(ctx context.Context, r *Resolver, v *graph.View) (any, int, error) {
			ix, err := r.index(ctx, v, specFor(schema.ClassProcurement), "YEAR", true)
			if err != nil {
				return nil, 0, err
			}
			return ix, len(ix.ids), nil
		}},
		{"search index", labelled, func(ctx context.Context, r *Resolver, v *graph.View) (any, int, error) {
			ix, err := r.searchIndexFor(ctx, v)
			if err != nil || ix == nil {
				return nil, 0, fmt.Errorf("no search index (%v)", err)
			}
			return ix, len(ix.subjs), nil
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := graphtest.NewStore(t)
			r := New(s, sc, Options{MaxPage: 100})
			graphtest.Load(t, s, []graph.Quad{tc.quad("first", "test")})
			index := func() (any, int) {
				t.Helper()
				var ix any
				var n int
				err := s.View(t.Context(), func(v *graph.View) error {
					var err error
					ix, n, err = tc.index(t.Context(), r, v)
					return err
				})
				if err != nil {
					t.Fatal(err)
				}
				return ix, n
			}
			before, n0 := index()
			const n = 20_000
			l := graphtest.PendingLoad(t, s, n, func(i int) graph.Quad { return tc.quad(fmt.Sprintf("load%d", i), "load") })
			if during, _ := index(); during != before {
				t.Errorf("the index was built again while the load was pending")
			}
			if _, err := l.Commit(); err != nil {
				t.Fatal(err)
			}
			after, n2 := index()
			if after == before || n0 != 1 || n2 != n+1 {
				t.Errorf("subjects before the commit %d (want 1), after %d (want %d) in a new index (rebuilt: %v)", n0, n2, n+1, after != before)
			}
		})
	}
}
