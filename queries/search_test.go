package queries_test

import (
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/queries"
	"civicgraph/schema"
)

// TestSearch_FollowsEveryWrite writes to the store behind the resolver's
// back, by each way of writing, and checks that the next search sees it:
// the index is the store's own, not a cache of the resolver's.
func TestSearch_FollowsEveryWrite(t *testing.T) {
	ctx := t.Context()
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(ctx, s, schema.DefaultBase); err != nil {
		t.Fatal(err)
	}
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	r := queries.New(s, sc, queries.Options{})
	found := func(text string) []string {
		t.Helper()
		hits, err := r.Search(ctx, queries.SearchArgs{Text: text, First: 10})
		if err != nil {
			t.Fatalf("search %q: %v", text, err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, string(h.Node().ID()))
		}
		return ids
	}
	actor := func(slug, name string) []graph.Quad {
		iri := graph.IRI(schema.EntityIRI(schema.DefaultBase, "actor", slug))
		return []graph.Quad{
			{S: iri, P: graph.IRI(graph.RDFType), O: graph.IRI(schema.ClassActor)},
			{S: iri, P: graph.IRI(schema.FOAFName), O: graph.LangLiteral(name, "en")},
		}
	}
	if got := found("Zanzibarian"); got != nil {
		t.Fatalf("before any write: %v", got)
	}

	// A transaction.
	quads := actor("zanzibarian-lab", "Zanzibarian Lab")
	if err := s.Update(ctx, func(tx *graph.Txn) error {
		for _, q := range quads {
			if err := tx.Add(q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := found("zanzibar"); !slices.Equal(got, []string{"actor/zanzibarian-lab"}) {
		t.Errorf("after a transaction, search zanzibar* = %v", got)
	}

	// An import (a batch load into the seeded store).
	nt := "<" + schema.EntityIRI(schema.DefaultBase, "actor", "zanzibarian-forum") + "> <" + graph.RDFType + "> <" + schema.ClassActor + "> .\n" +
		"<" + schema.EntityIRI(schema.DefaultBase, "actor", "zanzibarian-forum") + "> <" + schema.FOAFName + "> \"Zanzibarian Forum\"@en .\n"
	if _, err := importers.Import(ctx, s, []importers.Input{{Name: "forum.nt", R: strings.NewReader(nt)}}, importers.Options{}); err != nil {
		t.Fatal(err)
	}
	if got := found("zanzibarian forum"); !slices.Equal(got, []string{"actor/zanzibarian-forum"}) {
		t.Errorf("after an import, search 'zanzibarian forum' = %v", got)
	}
	if got := found("zanzibarian"); len(got) != 2 {
		t.Errorf("after an import, search zanzibarian = %v, want both", got)
	}

	// A delete: the literal stays in the dictionary but no quad uses it.
	if err := s.Update(ctx, func(tx *graph.Txn) error {
		_, err := tx.DeleteMatch(graph.Pattern{S: quads[0].S})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if got := found("zanzibarian"); !slices.Equal(got, []string{"actor/zanzibarian-forum"}) {
		t.Errorf("after a delete, search zanzibarian = %v", got)
	}
}

// TestList_TextFilter checks the text filter of lists: every word must
// start a word of the entity's names or descriptions, with case and
// diacritics ignored.
func TestList_TextFilter(t *testing.T) {
	r := newResolver(t)
	for _, tc := range []struct {
		text string
		want string // an id among the results, "" for none
	}{
		{"associacio catalana gestio", "actor/associacio-catalana-de-gestio-publica"},
		{"Associació Catalana", "actor/associacio-catalana-de-gestio-publica"},
		{"ASSOC CATAL", "actor/associacio-catalana-de-gestio-publica"},
		{"ociacio", ""}, // inside a word, not at its start
		{"associacio qwertyuiop", ""},
	} {
		text := tc.text
		conn, err := r.Actors(t.Context(), queries.ListArgs{Filter: &queries.Filter{Text: &text}, OrderBy: "LABEL", First: 50})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, e := range conn.Nodes() {
			ids = append(ids, string(e.ID()))
		}
		if got := slices.Contains(ids, tc.want); tc.want != "" && !got || tc.want == "" && len(ids) > 0 {
			t.Errorf("actors(text: %q) = %v, want %q among them", tc.text, ids, tc.want)
		}
	}
}
