package queries

import (
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

// TestListIndexed checks what the server's cost model is told: a list is
// indexed once a request built the parts of the index it needs, at the
// store's current version, and only for filters the index answers.
func TestListIndexed(t *testing.T) {
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
	proc := schema.ClassProcurement
	check := func(when string, order string, filters []string, want bool) {
		t.Helper()
		if got := r.ListIndexed(ctx, proc, order, filters); got != want {
			t.Errorf("%s: ListIndexed(%q, %q) = %v, want %v", when, order, filters, got, want)
		}
	}
	check("before any list", "YEAR", nil, false)
	from := int32(2020)
	if _, err := r.Procurements(ctx, ListArgs{OrderBy: "YEAR", First: 10, Filter: &Filter{YearFrom: &from}}); err != nil {
		t.Fatal(err)
	}
	check("after an ordered list", "YEAR", []string{"yearFrom"}, true)
	check("after an ordered list", "", []string{"level", "yearTo"}, true)
	check("after an ordered list, by label", "LABEL", nil, false)
	check("after an ordered list, with text", "YEAR", []string{"text"}, false)
	check("after an ordered list, unknown filter", "", []string{"sector"}, false) // procurements have no sector filter
	add("p2")
	check("after a write", "YEAR", nil, false)
	if got := r.ListIndexed(ctx, schema.ClassReference, "YEAR", []string{"author"}); got {
		t.Error("references filtered by author are said to be indexed")
	}
}
