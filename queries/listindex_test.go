package queries_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/graph-gophers/graphql-go"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/generate"
	"civicgraph/queries"
	"civicgraph/schema"
)

// newResolverWithData is newResolver plus n generated triples.
func newResolverWithData(t *testing.T, n int64) (*queries.Resolver, *graph.Store) {
	t.Helper()
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(t.Context(), s, schema.DefaultBase); err != nil {
		t.Fatal(err)
	}
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	r := queries.New(s, sc, queries.Options{MaxPage: 10000})
	var buf bytes.Buffer
	if err := generate.Write(t.Context(), &buf, generate.Options{Triples: n, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: "gen.nt", R: &buf}}, importers.Options{Format: importers.NTriples}); err != nil {
		t.Fatal(err)
	}
	return r, s
}

// listPage is what a list returns, comparable.
type listPage struct {
	Total         int32
	IDs, Cursors  []string
	Next, Prev    bool
	Start, End    string
	ErrorOrResult string
}

func pageOf[T interface{ ID() graphql.ID }](c *queries.Connection[T], err error) listPage {
	if err != nil {
		return listPage{ErrorOrResult: err.Error()}
	}
	p := listPage{Total: c.TotalCount(), Next: c.PageInfo().HasNextPage(), Prev: c.PageInfo().HasPreviousPage()}
	for _, e := range c.Edges() {
		p.IDs = append(p.IDs, string(e.Node().ID()))
		p.Cursors = append(p.Cursors, e.Cursor())
	}
	if s := c.PageInfo().StartCursor(); s != nil {
		p.Start = *s
	}
	if s := c.PageInfo().EndCursor(); s != nil {
		p.End = *s
	}
	return p
}

// listFunc runs one list query of the resolver.
type listFunc func(ctx context.Context, args queries.ListArgs) listPage

func lists(r *queries.Resolver) map[string]listFunc {
	return map[string]listFunc{
		"procurements": func(ctx context.Context, a queries.ListArgs) listPage { return pageOf(r.Procurements(ctx, a)) },
		"missions":     func(ctx context.Context, a queries.ListArgs) listPage { return pageOf(r.Missions(ctx, a)) },
		"engagements":  func(ctx context.Context, a queries.ListArgs) listPage { return pageOf(r.Engagements(ctx, a)) },
		"actors":       func(ctx context.Context, a queries.ListArgs) listPage { return pageOf(r.Actors(ctx, a)) },
		"references":   func(ctx context.Context, a queries.ListArgs) listPage { return pageOf(r.References(ctx, a)) },
		"persons":      func(ctx context.Context, a queries.ListArgs) listPage { return pageOf(r.Persons(ctx, a)) },
	}
}

// TestList_IndexMatchesEntities checks that a list served by the list
// index gives exactly what the same list gives when every entity is
// loaded (an empty text filter forces that path): the same elements,
// order, cursors, totals and page flags, page after page, in every order,
// with year and concept filters, and again after writes of each kind.
func TestList_IndexMatchesEntities(t *testing.T) {
	r, s := newResolverWithData(t, 8000)
	ctx := t.Context()
	y := func(v int32) *int32 { return &v }
	filters := []*queries.Filter{
		nil,
		{YearFrom: y(2022)},
		{YearTo: y(2021)},
		{YearFrom: y(2021), YearTo: y(2023)},
	}
	concept := map[string]*queries.Filter{
		"procurements": {Phase: &[]string{"delivery"}, YearFrom: y(2020)},
		"engagements":  {Sector: &[]string{"civil-society"}, Stage: &[]string{"tendering", "award"}},
		"actors":       {Sector: &[]string{"academia"}},
		"missions":     {Country: &[]string{"ES"}},
	}
	compare := func(t *testing.T) {
		yearHits := 0
		defer func() {
			if !t.Failed() && yearHits == 0 {
				t.Error("no list with a year filter had any element: the test compares nothing")
			}
		}()
		for name, run := range lists(r) {
			fs := slices.Clone(filters)
			if f, ok := concept[name]; ok {
				fs = append(fs, f)
			}
			for _, f := range fs {
				for _, order := range []string{"IRI", "LABEL", "YEAR"} {
					for _, desc := range []bool{false, true} {
						label := fmt.Sprintf("%s/%s/desc=%v/%+v", name, order, desc, f)
						var after *string
						for pageNo := 0; pageNo < 3; pageNo++ {
							args := queries.ListArgs{OrderBy: order, Desc: desc, First: 7, After: after, Filter: f}
							fast := run(ctx, args)
							slow := args
							sf := queries.Filter{}
							if f != nil {
								sf = *f
							}
							sf.Text = new(string)
							slow.Filter = &sf
							want := run(ctx, slow)
							if fmt.Sprintf("%+v", fast) != fmt.Sprintf("%+v", want) {
								t.Fatalf("%s page %d:\nindex    %+v\nentities %+v", label, pageNo, fast, want)
							}
							if f != nil && f.YearFrom != nil && fast.Total > 0 {
								yearHits++
							}
							if !fast.Next {
								break
							}
							after = &fast.End
						}
					}
				}
			}
		}
	}
	t.Run("Initial", compare)
	// A procurement's year is its own date (as the generator and OCDS
	// give it) or a milestone's.
	if c, err := r.Procurements(ctx, queries.ListArgs{Filter: &queries.Filter{YearFrom: y(1900)}, First: 1}); err != nil || c.TotalCount() == 0 {
		t.Errorf("no procurement has a year (err %v): procurements dated with dcterms:date are not found", err)
	}
	// Writes of each kind move the store's version on; the index must
	// follow.
	var first string
	if c, err := r.Procurements(ctx, queries.ListArgs{OrderBy: "YEAR", First: 1}); err != nil {
		t.Fatal(err)
	} else {
		first = c.Edges()[0].Node().IRI()
	}
	err := s.Update(ctx, func(tx *graph.Txn) error {
		return tx.Add(graph.Quad{S: graph.IRI(first), P: graph.IRI(schema.DCTermsTitle), O: graph.LangLiteral("Aaaa first by label", "en"), G: graph.IRI(schema.GraphIRI("api"))})
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("AfterUpdate", compare)
	if c, err := r.Procurements(ctx, queries.ListArgs{OrderBy: "LABEL", First: 1}); err != nil || c.Edges()[0].Node().IRI() != first {
		t.Fatalf("after a new title the LABEL order does not start with it: %v", err)
	}
	var buf bytes.Buffer
	buf.WriteString(`<https://w3id.org/civicgraph/id/procurement/zz-new> <` + schema.RDFType + `> <` + schema.ClassProcurement + "> .\n")
	buf.WriteString(`<https://w3id.org/civicgraph/id/procurement/zz-new> <` + schema.DCTermsTitle + `> "A new one"@en .` + "\n")
	if _, err := importers.Import(ctx, s, []importers.Input{{Name: "more.nt", R: &buf}}, importers.Options{Format: importers.NTriples}); err != nil {
		t.Fatal(err)
	}
	t.Run("AfterImport", compare)
	if err := s.DropGraph(ctx, importers.SourceGraph("gen.nt")); err != nil {
		t.Fatal(err)
	}
	t.Run("AfterDrop", compare)
}

// TestList_IndexConcurrentWrites runs lists from several goroutines while
// another writes (run it with -race): every list answers, and the lists
// after the last write see it.
func TestList_IndexConcurrentWrites(t *testing.T) {
	r, s := newResolverWithData(t, 5000)
	ctx := t.Context()
	y := int32(2020)
	done := make(chan struct{})
	errs := make(chan error, 16)
	for g := range 6 {
		go func() {
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				order := []string{"IRI", "LABEL", "YEAR"}[g%3]
				if _, err := r.Procurements(ctx, queries.ListArgs{OrderBy: order, First: 5, Filter: &queries.Filter{YearFrom: &y, Phase: &[]string{"delivery"}}}); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	const writes = 20
	for i := range writes {
		err := s.Update(ctx, func(tx *graph.Txn) error {
			iri := graph.IRI(fmt.Sprintf("https://w3id.org/civicgraph/id/procurement/concurrent-%02d", i))
			if err := tx.Add(graph.Quad{S: iri, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: graph.IRI(schema.GraphIRI("api"))}); err != nil {
				return err
			}
			return tx.Add(graph.Quad{S: iri, P: graph.IRI(schema.DCTermsDate), O: graph.Literal("2030-01-01", schema.XSDDate), G: graph.IRI(schema.GraphIRI("api"))})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	for range 6 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	from := int32(2030)
	c, err := r.Procurements(ctx, queries.ListArgs{OrderBy: "YEAR", First: 100, Filter: &queries.Filter{YearFrom: &from}})
	if err != nil {
		t.Fatal(err)
	}
	if c.TotalCount() != writes {
		t.Errorf("after %d writes, %d procurements from 2030", writes, c.TotalCount())
	}
}
