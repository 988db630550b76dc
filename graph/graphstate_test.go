package graph_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
)

// TestView_GraphStates checks that a graph's state changes with every
// write that changes its quads, and only with those.
func TestView_GraphStates(t *testing.T) {
	a, b := graph.IRI("http://example.org/g/a"), graph.IRI("http://example.org/g/b")
	quad := func(s string, g graph.Term) graph.Quad {
		return graph.Quad{S: graph.IRI("http://example.org/" + s), P: graph.IRI("http://example.org/p"), O: graph.String(s), G: g}
	}
	tests := []struct {
		name     string
		write    func(ctx context.Context, s *graph.Store) error
		changed  []graph.Term // graphs whose state must change; the others must not
		whenGone bool         // a changed graph may also disappear
	}{
		{"add to a", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(t *graph.Txn) error { return t.Add(quad("x", a)) })
		}, []graph.Term{a}, false},
		{"add a quad a holds already", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(t *graph.Txn) error { return t.Add(quad("a1", a)) })
		}, nil, false},
		{"delete from b", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(t *graph.Txn) error { return t.Delete(quad("b1", b)) })
		}, []graph.Term{b}, false},
		{"delete a quad b does not hold", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(t *graph.Txn) error { return t.Delete(quad("nothing", b)) })
		}, nil, false},
		{"delete match in the default graph", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(t *graph.Txn) error {
				_, err := t.DeleteMatch(graph.Pattern{S: quad("d1", graph.Term{}).S, DefaultGraph: true})
				return err
			})
		}, []graph.Term{{}}, false},
		{"add then delete in one write", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(t *graph.Txn) error {
				if err := t.Add(quad("y", a)); err != nil {
					return err
				}
				return t.Delete(quad("y", a))
			})
		}, []graph.Term{a}, false},
		{"replace b with the same quads", func(ctx context.Context, s *graph.Store) error {
			_, err := s.ReplaceGraph(ctx, b, func(yield func(graph.Quad, error) bool) {
				yield(quad("b1", b), nil)
				yield(quad("b2", b), nil)
			})
			return err
		}, []graph.Term{b}, false},
		{"load appending to a", func(ctx context.Context, s *graph.Store) error {
			l, err := s.NewLoader(ctx)
			if err != nil {
				return err
			}
			if err := l.Append(quad("z", a)); err != nil {
				l.Abort()
				return err
			}
			_, err = l.Commit()
			return err
		}, []graph.Term{a}, false},
		{"drop a", func(ctx context.Context, s *graph.Store) error { return s.DropGraph(ctx, a) }, []graph.Term{a}, true},
	}
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, []graph.Quad{quad("a1", a), quad("b1", b), quad("b2", b), quad("d1", graph.Term{})})
	states := func() map[graph.Term]graph.GraphState {
		out := map[graph.Term]graph.GraphState{}
		err := s.View(t.Context(), func(v *graph.View) error {
			gs, err := v.GraphStates()
			for id, st := range gs {
				term := graph.Term{}
				if id != 0 {
					if term, err = v.Resolve(id); err != nil {
						return err
					}
				}
				out[term] = st
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, tc := range tests {
		before := states()
		if err := tc.write(t.Context(), s); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		after := states()
		for g, st := range before {
			now, ok := after[g]
			switch {
			case !ok && !tc.whenGone:
				t.Errorf("%s: graph %q is gone", tc.name, g.Value)
			case slices.Contains(tc.changed, g) && ok && now == st:
				t.Errorf("%s: state of graph %q did not change", tc.name, g.Value)
			case !slices.Contains(tc.changed, g) && now != st:
				t.Errorf("%s: state of graph %q changed from %v to %v", tc.name, g.Value, st, now)
			}
		}
	}
}

// TestView_Content checks that a load's pending writes move the Version
// on but not the Content, and that its commit moves both, as does a
// transaction.
func TestView_Content(t *testing.T) {
	g := graph.IRI("http://example.org/g/content")
	quad := func(i int) graph.Quad {
		return graph.Quad{S: graph.IRI(fmt.Sprintf("http://example.org/s%d", i)), P: graph.IRI("http://example.org/p"), O: graph.String(fmt.Sprintf("literal number %d", i)), G: g}
	}
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, []graph.Quad{quad(0)})
	snapshot := func() (graph.Version, graph.Content) {
		var ver graph.Version
		var c graph.Content
		err := s.View(t.Context(), func(v *graph.View) error {
			ver = v.Version()
			var err error
			c, err = v.Content()
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return ver, c
	}
	_, c0 := snapshot()
	// A load large enough to write pending keys before its commit.
	l := graphtest.PendingLoad(t, s, 20_000, func(i int) graph.Quad { return quad(i + 1) })
	v1, c1 := snapshot()
	if c1 != c0 {
		t.Errorf("the Content changed while the load was pending")
	}
	if _, err := l.Commit(); err != nil {
		t.Fatal(err)
	}
	v2, c2 := snapshot()
	if v2 == v1 || c2 == c1 {
		t.Errorf("a committed load left the Version (moved: %v) or the Content (moved: %v) as it was", v2 != v1, c2 != c1)
	}
	if err := s.Update(t.Context(), func(tx *graph.Txn) error { return tx.Add(quad(-1)) }); err != nil {
		t.Fatal(err)
	}
	if _, c3 := snapshot(); c3 == c2 {
		t.Errorf("a transaction that added a quad left the Content as it was")
	}
}
