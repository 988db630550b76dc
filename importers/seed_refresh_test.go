package importers_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/schema"
)

// dumpAll returns every quad of s as sorted N-Quads lines, blank node
// labels masked.
func dumpAll(t *testing.T, s *graph.Store) []string {
	t.Helper()
	var out []string
	err := s.View(t.Context(), func(v *graph.View) error {
		for q, err := range v.Match(graph.Pattern{}) {
			if err != nil {
				return err
			}
			for _, tm := range []*graph.Term{&q.S, &q.O} {
				if tm.Kind == graph.KindBlank {
					tm.Value = "b"
				}
			}
			out = append(out, q.String())
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// TestRefreshSeed makes a store look as an earlier version left it (an
// ontology with an old triple, a changed description of the concepts
// graph) beside an imported graph, and checks that RefreshSeed replaces
// exactly the graphs that differ, leaves the import and its provenance
// alone, leaves a dropped seed graph dropped, and then has nothing left
// to do.
func TestRefreshSeed(t *testing.T) {
	ctx := t.Context()
	fresh := graphtest.NewStore(t)
	if _, err := importers.Seed(ctx, fresh, ""); err != nil {
		t.Fatal(err)
	}
	if got, err := importers.RefreshSeed(ctx, fresh, ""); err != nil || len(got) != 0 {
		t.Fatalf("RefreshSeed of a freshly seeded store = %v, %v; want nothing to do", got, err)
	}

	s := graphtest.NewStore(t)
	if _, err := importers.Seed(ctx, s, ""); err != nil {
		t.Fatal(err)
	}
	own := graph.IRI("https://example.org/graph/mine")
	mine := graph.Quad{S: graph.IRI("https://example.org/a"), P: graph.IRI(schema.RDFSLabel), O: graph.String("mine"), G: own}
	ontology, concepts := graph.IRI(schema.GraphOntology), graph.IRI(schema.GraphConcepts)
	old := graph.Quad{S: graph.IRI(schema.NS + "Administration"), P: graph.IRI(schema.RDFSSubClassOf), O: graph.IRI("https://schema.org/GovernmentOrganization"), G: ontology}
	err := s.Update(ctx, func(tx *graph.Txn) error {
		if err := tx.Add(mine); err != nil {
			return err
		}
		if err := tx.Add(graph.Quad{S: own, P: graph.IRI(schema.DCTermsTitle), O: graph.String("my import")}); err != nil {
			return err
		}
		if err := tx.Add(old); err != nil {
			return err
		}
		_, err := tx.DeleteMatch(graph.Pattern{S: concepts, P: graph.IRI(schema.DCTermsTitle), DefaultGraph: true})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	dropped := graph.IRI(schema.GraphBase + "seed/public-facilities")
	if err := s.DropGraph(ctx, dropped); err != nil {
		t.Fatal(err)
	}

	got, err := importers.RefreshSeed(ctx, s, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{concepts.Value, ontology.Value}; !slices.Equal(got, want) {
		t.Errorf("RefreshSeed replaced %q, want %q", got, want)
	}
	after := dumpAll(t, s)
	want := dumpAll(t, fresh)
	// What the store should hold: the fresh seed, without the dropped
	// graph, with the import and its description.
	want = slices.DeleteFunc(want, func(l string) bool {
		return strings.HasSuffix(l, "<"+dropped.Value+"> .")
	})
	want = append(want, mine.String(), graph.Quad{S: own, P: graph.IRI(schema.DCTermsTitle), O: graph.String("my import")}.String())
	slices.Sort(want)
	if !slices.Equal(after, want) {
		extra, missing := diff(after, want), diff(want, after)
		t.Errorf("after the refresh the store differs from a fresh seed plus the import: %d extra, e.g. %.3q; %d missing, e.g. %.3q", len(extra), extra, len(missing), missing)
	}
	if got, err := importers.RefreshSeed(ctx, s, ""); err != nil || len(got) != 0 {
		t.Errorf("a second RefreshSeed = %v, %v; want nothing to do", got, err)
	}

	// A store seeded under another base is not renamed.
	other := graphtest.NewStore(t)
	if _, err := importers.Seed(ctx, other, "https://kg.example.org/id/"); err != nil {
		t.Fatal(err)
	}
	if _, err := importers.RefreshSeed(ctx, other, ""); !errors.Is(err, importers.ErrSeedBase) {
		t.Errorf("RefreshSeed under another base: %v, want ErrSeedBase", err)
	}
	// A bare store stays bare.
	if got, err := importers.RefreshSeed(ctx, graphtest.NewStore(t), ""); err != nil || len(got) != 0 {
		t.Errorf("RefreshSeed of an empty store = %v, %v; want nothing", got, err)
	}
}

// diff returns the lines of a not in b (both sorted).
func diff(a, b []string) []string {
	var out []string
	for _, l := range a {
		if _, ok := slices.BinarySearch(b, l); !ok {
			out = append(out, l)
		}
	}
	return out
}
