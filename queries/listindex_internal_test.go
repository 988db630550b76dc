package queries

import (
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

// TestListCache_PendingLoad checks that a load being written, which moves
// the store's version on at each batch without changing what readers
// see, does not make ordered lists build the class's index again, and
// that its commit does.
func TestListCache_PendingLoad(t *testing.T) {
	s := graphtest.NewStore(t)
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	r := New(s, sc, Options{MaxPage: 100})
	ctx := t.Context()
	proc := func(name, graphName string) graph.Quad {
		return graph.Quad{S: graph.IRI("https://e.org/" + name), P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: graph.IRI(schema.GraphIRI(graphName))}
	}
	graphtest.Load(t, s, []graph.Quad{proc("p0", "test")})
	spec := specFor(schema.ClassProcurement)
	index := func() (*classIndex, graph.Version) {
		t.Helper()
		var ix *classIndex
		var ver graph.Version
		err := s.View(ctx, func(v *graph.View) error {
			var err error
			ix, err = r.index(ctx, v, spec, "YEAR", true)
			ver = v.Version()
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return ix, ver
	}
	before, v0 := index()
	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const n = 20_000
	for i := range n {
		if err := l.Add(proc(fmt.Sprintf("load/%d", i), "load")); err != nil {
			l.Abort()
			t.Fatal(err)
		}
	}
	during, v1 := index()
	if v1 == v0 {
		l.Abort()
		t.Fatal("the load wrote nothing before its commit: the test no longer shows a version moving without the content")
	}
	if during != before {
		t.Errorf("the index was built again while the load was pending")
	}
	if _, err := l.Commit(); err != nil {
		t.Fatal(err)
	}
	after, _ := index()
	if after == before || len(after.ids) != n+1 {
		t.Errorf("after the commit: index rebuilt %v, %d instances, want a new index with %d", after != before, len(after.ids), n+1)
	}
	if len(before.ids) != 1 {
		t.Errorf("before the commit the index held %d instances, want 1", len(before.ids))
	}
}

// TestSearchCache_PendingLoad checks the same of the search index: a
// pending load does not make searches build it again; its commit does.
func TestSearchCache_PendingLoad(t *testing.T) {
	s := graphtest.NewStore(t)
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	r := New(s, sc, Options{MaxPage: 100})
	ctx := t.Context()
	label := func(name, graphName string) graph.Quad {
		return graph.Quad{S: graph.IRI("https://e.org/" + name), P: graph.IRI(schema.RDFSLabel), O: graph.String("citizen panel " + name), G: graph.IRI(schema.GraphIRI(graphName))}
	}
	graphtest.Load(t, s, []graph.Quad{label("first", "test")})
	index := func() (*searchIndex, graph.Version) {
		t.Helper()
		var ix *searchIndex
		var ver graph.Version
		err := s.View(ctx, func(v *graph.View) error {
			var err error
			ix, err = r.searchIndexFor(ctx, v)
			ver = v.Version()
			return err
		})
		if err != nil || ix == nil {
			t.Fatalf("search index: %v, %v", ix, err)
		}
		return ix, ver
	}
	before, v0 := index()
	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	const n = 20_000
	for i := range n {
		if err := l.Add(label(fmt.Sprintf("load%d", i), "load")); err != nil {
			l.Abort()
			t.Fatal(err)
		}
	}
	during, v1 := index()
	if v1 == v0 {
		l.Abort()
		t.Fatal("the load wrote nothing before its commit: the test no longer shows a version moving without the content")
	}
	if during != before {
		t.Errorf("the search index was built again while the load was pending")
	}
	if _, err := l.Commit(); err != nil {
		t.Fatal(err)
	}
	after, _ := index()
	if after == before || len(after.subjs) != n+1 || len(before.subjs) != 1 {
		t.Errorf("subjects before the commit %d (want 1), after %d in a new index (rebuilt: %v), want %d", len(before.subjs), len(after.subjs), after != before, n+1)
	}
}
