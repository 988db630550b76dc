// Package graphtest holds test helpers for package graph: a store that
// cleans up after itself, a small fixture graph, and the conformance suite
// every change to the store's indexes must pass.
package graphtest

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
)

// NewStore opens a store on disk in a temporary directory, closed when the
// test ends.
func NewStore(t testing.TB) *graph.Store {
	t.Helper()
	return NewStoreWith(t, graph.Options{GCInterval: -1})
}

// NewStoreWith is NewStore with options.
func NewStoreWith(t testing.TB, opts graph.Options) *graph.Store {
	t.Helper()
	s, err := graph.Open(t.TempDir(), opts)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close store: %v", err)
		}
	})
	return s
}

const ex = "http://example.org/"

// Terms of the fixture.
var (
	Alice  = graph.IRI(ex + "alice")
	Bob    = graph.IRI(ex + "bob")
	Carol  = graph.IRI(ex + "carol")
	B1     = graph.Blank("b1")
	Person = graph.IRI(ex + "Person")
	Type   = graph.IRI(graph.RDFType)
	Name   = graph.IRI(ex + "name")
	Knows  = graph.IRI(ex + "knows")
	Age    = graph.IRI(ex + "age")
	About  = graph.IRI(ex + "about")
	Bio    = graph.IRI(ex + "bio")
	Note   = graph.IRI(ex + "note")
	G1     = graph.IRI(ex + "g1")
	G2     = graph.IRI(ex + "g2")
)

// LongBio is a literal longer than the dictionary's inline key limit.
var LongBio = graph.LangLiteral(strings.Repeat("Carol studies procurement. ", 20), "en")

// Fixture returns the fixture graph, 13 quads in three graphs:
//
//	default graph                      graph ex:g1                     graph ex:g2
//	alice --type--> Person             alice --knows--> carol          alice --knows--> bob
//	alice --name--> "Alice"@en         carol --type--> Person          bob --name--> "Bob"@en
//	alice --knows--> bob               _:b1 --about--> alice           bob --note--> "tab\t \"q\" \n é 😀"
//	bob --type--> Person               carol --bio--> (540-byte literal)
//	bob --name--> "Bob"
//	bob --age--> "42"^^xsd:integer
//
// The same triple (alice knows bob) is in two graphs; "Bob" and "Bob"@en
// are different terms.
func Fixture() []graph.Quad {
	var dg graph.Term
	return []graph.Quad{
		q(Alice, Type, Person, dg),
		q(Alice, Name, graph.LangLiteral("Alice", "en"), dg),
		q(Alice, Knows, Bob, dg),
		q(Bob, Type, Person, dg),
		q(Bob, Name, graph.String("Bob"), dg),
		q(Bob, Age, graph.Literal("42", "http://www.w3.org/2001/XMLSchema#integer"), dg),
		q(Alice, Knows, Carol, G1),
		q(Carol, Type, Person, G1),
		q(B1, About, Alice, G1),
		q(Carol, Bio, LongBio, G1),
		q(Alice, Knows, Bob, G2),
		q(Bob, Name, graph.LangLiteral("Bob", "en"), G2),
		q(Bob, Note, graph.String("tab\t \"q\" \n é 😀"), G2),
	}
}

func q(s, p, o, g graph.Term) graph.Quad { return graph.Quad{S: s, P: p, O: o, G: g} }

// SortQuads sorts quads by graph, subject, predicate, object.
func SortQuads(qs []graph.Quad) {
	slices.SortFunc(qs, CompareQuads)
}

// CompareQuads orders quads by graph, subject, predicate, object.
func CompareQuads(a, b graph.Quad) int {
	return cmp.Or(graph.Compare(a.G, b.G), graph.Compare(a.S, b.S), graph.Compare(a.P, b.P), graph.Compare(a.O, b.O))
}

// Collect gathers everything a Match yields.
func Collect(t testing.TB, s *graph.Store, p graph.Pattern) []graph.Quad {
	t.Helper()
	var out []graph.Quad
	for q, err := range s.Match(context.Background(), p) {
		if err != nil {
			t.Fatalf("match %+v: %v", p, err)
		}
		out = append(out, q)
	}
	SortQuads(out)
	return out
}

// Filter returns the quads of qs matching p, by brute force: the oracle the
// indexes are checked against.
func Filter(qs []graph.Quad, p graph.Pattern) []graph.Quad {
	var out []graph.Quad
	for _, q := range qs {
		if (p.S.IsZero() || p.S == q.S) && (p.P.IsZero() || p.P == q.P) && (p.O.IsZero() || p.O == q.O) &&
			(p.G.IsZero() || p.G == q.G) && (!p.DefaultGraph || q.G.IsZero()) {
			out = append(out, q)
		}
	}
	SortQuads(out)
	return out
}

// AllPatterns returns, for each quad of qs, the sixteen patterns made by
// keeping or blanking each position (the default graph as DefaultGraph),
// plus patterns with terms absent from the store.
func AllPatterns(qs []graph.Quad) []graph.Pattern {
	var out []graph.Pattern
	for _, q := range qs {
		for mask := 0; mask < 16; mask++ {
			var p graph.Pattern
			if mask&1 != 0 {
				p.S = q.S
			}
			if mask&2 != 0 {
				p.P = q.P
			}
			if mask&4 != 0 {
				p.O = q.O
			}
			if mask&8 != 0 {
				if q.G.IsZero() {
					p.DefaultGraph = true
				} else {
					p.G = q.G
				}
			}
			out = append(out, p)
		}
	}
	missing := graph.IRI(ex + "missing")
	out = append(out, graph.Pattern{S: missing}, graph.Pattern{P: Knows, O: missing}, graph.Pattern{G: missing})
	return out
}

// PatternName describes a pattern for subtest names.
func PatternName(p graph.Pattern) string {
	var b strings.Builder
	for _, x := range []struct {
		c string
		t graph.Term
	}{{"s", p.S}, {"p", p.P}, {"o", p.O}, {"g", p.G}} {
		if x.t.IsZero() {
			b.WriteString("?")
		} else {
			b.WriteString(x.c)
		}
	}
	if p.DefaultGraph {
		b.WriteString("d")
	}
	return b.String()
}

// Load writes qs into s with one transaction.
func Load(t testing.TB, s *graph.Store, qs []graph.Quad) {
	t.Helper()
	err := s.Update(context.Background(), func(tx *graph.Txn) error {
		for _, q := range qs {
			if err := tx.Add(q); err != nil {
				return fmt.Errorf("add %s: %w", q, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
}

// BulkLoad writes qs into s with a Loader.
func BulkLoad(t testing.TB, s *graph.Store, qs []graph.Quad) graph.LoadStats {
	t.Helper()
	l, err := s.NewLoader(context.Background())
	if err != nil {
		t.Fatalf("new loader: %v", err)
	}
	for _, q := range qs {
		if err := l.Add(q); err != nil {
			l.Abort()
			t.Fatalf("loader add %s: %v", q, err)
		}
	}
	st, err := l.Commit()
	if err != nil {
		t.Fatalf("loader commit: %v", err)
	}
	return st
}

// Seq yields qs with no error, for APIs that take a quad stream.
func Seq(qs []graph.Quad) iter.Seq2[graph.Quad, error] {
	return func(yield func(graph.Quad, error) bool) {
		for _, q := range qs {
			if !yield(q, nil) {
				return
			}
		}
	}
}

// PendingLoad starts a load into s of the n quads quad makes and adds
// them without committing, for tests of what readers see while a load is
// written. It fails t when the store's version has not moved by then (the
// load wrote nothing before its commit, so such a test would show
// nothing). The caller commits or aborts the Loader; t's cleanup aborts
// one left open.
func PendingLoad(t testing.TB, s *graph.Store, n int, quad func(i int) graph.Quad) *graph.Loader {
	t.Helper()
	version := func() graph.Version {
		var ver graph.Version
		if err := s.View(t.Context(), func(v *graph.View) error { ver = v.Version(); return nil }); err != nil {
			t.Fatal(err)
		}
		return ver
	}
	before := version()
	l, err := s.NewLoader(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = l.Abort() })
	for i := range n {
		if err := l.Add(quad(i)); err != nil {
			t.Fatal(err)
		}
	}
	if version() == before {
		t.Fatal("the load wrote nothing before its commit: the test no longer shows a version moving without the content")
	}
	return l
}
