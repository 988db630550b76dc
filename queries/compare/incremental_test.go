package compare_test

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/queries/compare"
	"civicgraph/schema"
)

// TestEngine_Incremental writes to a random store in many ways and checks,
// after each write, that the summary an Engine builds from the graphs it
// kept and the graphs it read again answers exactly as a summary built
// from nothing, and that it read again only the graphs the write changed.
func TestEngine_Incremental(t *testing.T) {
	g := func(name string) graph.Term { return graph.IRI(ex + "graph/" + name) }
	typ := graph.IRI(schema.RDFType)
	update := func(adds, dels []graph.Quad) func(ctx context.Context, s *graph.Store) error {
		return func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(tx *graph.Txn) error {
				for _, q := range dels {
					if err := tx.Delete(q); err != nil {
						return err
					}
				}
				for _, q := range adds {
					if err := tx.Add(q); err != nil {
						return err
					}
				}
				return nil
			})
		}
	}
	tests := []struct {
		name   string
		write  func(ctx context.Context, s *graph.Store) error
		reread int
	}{
		{"an engagement in a new graph", update([]graph.Quad{
			{S: iri("api/e1"), P: typ, O: graph.IRI(schema.ClassEngagement), G: g("api")},
			{S: iri("api/e1"), P: graph.IRI(schema.PropProcurement), O: iri("p3"), G: g("api")},
			{S: iri("api/e1"), P: graph.IRI(schema.PropActor), O: iri("x1"), G: g("api")},
			{S: iri("api/e1"), P: graph.IRI(schema.PropStage), O: concept(schema.SchemeLifecycle, "award"), G: g("api")},
		}, nil), 1},
		{"a procurement changes buyer", update(
			[]graph.Quad{{S: iri("p4"), P: graph.IRI(schema.PropBuyer), O: iri("a0"), G: g("R")}, {S: iri("p4"), P: graph.IRI(schema.PropBuyer), O: iri("a0"), G: g("O")}, {S: iri("p4"), P: graph.IRI(schema.PropBuyer), O: iri("a0"), G: g("S")}},
			[]graph.Quad{{S: iri("p4"), P: graph.IRI(schema.PropBuyer), O: iri("a1"), G: g("R")}}), 3},
		{"an actor gains a sector", update([]graph.Quad{
			{S: iri("x2"), P: graph.IRI(schema.PropSector), O: concept(schema.SchemeSector, "academia"), G: g("actors")},
		}, nil), 1},
		{"a new administration buys in the new graph", update([]graph.Quad{
			{S: iri("a99"), P: typ, O: graph.IRI(schema.ClassAdministration), G: g("api")},
			{S: iri("a99"), P: graph.IRI(schema.PropCountry), O: graph.String("PT"), G: g("api")},
			{S: iri("api/p1"), P: typ, O: graph.IRI(schema.ClassProcurement), G: g("api")},
			{S: iri("api/p1"), P: graph.IRI(schema.PropBuyer), O: iri("a99"), G: g("api")},
			{S: iri("api/p1"), P: graph.IRI(schema.PropImpactAssessment), O: graph.Literal("true", schema.XSDBoolean), G: g("api")},
		}, nil), 1},
		{"a mechanism loses its degree", func(ctx context.Context, s *graph.Store) error {
			return s.Update(ctx, func(tx *graph.Txn) error {
				_, err := tx.DeleteMatch(graph.Pattern{S: iri("m0"), P: graph.IRI(schema.PropInstitutionalisation)})
				return err
			})
		}, 1},
		{"graph O is replaced by half of it", func(ctx context.Context, s *graph.Store) error {
			var keep []graph.Quad
			err := s.View(ctx, func(v *graph.View) error {
				n := 0
				for q, err := range v.Match(graph.Pattern{G: g("O")}) {
					if err != nil {
						return err
					}
					if n++; n%2 == 0 {
						keep = append(keep, q)
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			_, err = s.ReplaceGraph(ctx, g("O"), func(yield func(graph.Quad, error) bool) {
				for _, q := range keep {
					if !yield(q, nil) {
						return
					}
				}
			})
			return err
		}, 1},
		{"graph S is dropped", func(ctx context.Context, s *graph.Store) error { return s.DropGraph(ctx, g("S")) }, 0},
		{"nothing changes", update(nil, nil), 0},
	}
	s := newStore(t, randomQuads(7, 10, 80, 300))
	e := compare.NewEngine()
	from := 2020
	reqs := []compare.Request{
		{},
		{GroupBy: "country"},
		{GroupBy: "level,country", From: &from},
		{GroupBy: "administration", Filter: compare.Filter{Phases: []graph.Term{concept(schema.SchemeLifecycle, "delivery")}}},
	}
	check := func(step string, reread int) {
		t.Helper()
		err := s.View(t.Context(), func(v *graph.View) error {
			kept, err := e.Summary(t.Context(), v)
			if err != nil {
				return err
			}
			fresh, err := compare.NewEngine().Summary(t.Context(), v)
			if err != nil {
				return err
			}
			if graphs, n := kept.Sources(); reread >= 0 && n != reread {
				t.Errorf("%s: read %d of %d graphs again, want %d", step, n, graphs, reread)
			}
			for _, req := range reqs {
				want, err := fresh.Compare(v, req)
				if err != nil {
					return err
				}
				got, err := kept.Compare(v, req)
				if err != nil {
					return err
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s, %+v: the kept summary answers\n%+v\nthe fresh one\n%+v", step, req, got, want)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	check("first build", -1)
	for _, tc := range tests {
		if err := tc.write(t.Context(), s); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		check(tc.name, tc.reread)
	}
}

// TestEngine_PendingLoad checks that a load being written, which moves the
// store's version on without changing what readers see, does not make the
// Engine build the summary again, and that its commit does.
func TestEngine_PendingLoad(t *testing.T) {
	s := graphtest.NewStore(t)
	proc := func(i int, graphName string) graph.Quad {
		return graph.Quad{S: graph.IRI(fmt.Sprintf("%sprocurement/%d", ex, i)), P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: graph.IRI(ex + "graph/" + graphName)}
	}
	graphtest.Load(t, s, []graph.Quad{proc(0, "first")})
	e := compare.NewEngine()
	summary := func() *compare.Summary {
		t.Helper()
		var sum *compare.Summary
		err := s.View(t.Context(), func(v *graph.View) error {
			var err error
			sum, err = e.Summary(t.Context(), v)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	before := summary()
	l := graphtest.PendingLoad(t, s, 20_000, func(i int) graph.Quad { return proc(i+1, "load") })
	during := summary()
	if during != before {
		t.Errorf("the summary was built again while the load was pending")
	}
	if _, err := l.Commit(); err != nil {
		t.Fatal(err)
	}
	if after := summary(); after == before {
		t.Errorf("the summary was not built again after the load's commit")
	}
}
