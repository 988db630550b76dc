package queries

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/schema"
)

// searchVocabulary is the words of the random stores: few, so that words
// are shared by many literals and scores tie often; "coll" prefixes three.
var searchVocabulary = []string{"citizen", "panel", "open", "data", "collective", "college", "collaboration",
	"ministry", "digital", "algorithm", "university", "forum"}

// randomSearchStore fills a store with n subjects whose searched and
// unsearched properties hold literals of random words, some literals
// shared by several subjects, in three graphs, through a bulk load and
// then transactions that add and delete (the two write paths of the text
// index).
func randomSearchStore(t *testing.T, seed uint64, n int) *graph.Store {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 1))
	preds := []string{schema.RDFSLabel, schema.FOAFName, schema.DCTermsTitle, schema.DCTermsDescription,
		schema.SKOSAltLabel, "https://example.org/unsearched"}
	graphs := []graph.Term{{}, graph.IRI("https://example.org/g/1"), graph.IRI("https://example.org/g/2")}
	langs := []string{"", "en", "ca", "es"}
	var pool []graph.Term
	literal := func() graph.Term {
		if len(pool) > 0 && rng.IntN(3) == 0 {
			return pool[rng.IntN(len(pool))] // shared with another subject
		}
		words := make([]string, 1+rng.IntN(8))
		for i := range words {
			words[i] = searchVocabulary[rng.IntN(len(searchVocabulary))]
		}
		if rng.IntN(4) == 0 {
			words = append(words, fmt.Sprint(rng.IntN(100))) // lengths vary, words too
		}
		l := graph.LangLiteral(strings.Join(words, " "), langs[rng.IntN(len(langs))])
		if l.Lang == "" {
			l = graph.String(l.Value)
		}
		pool = append(pool, l)
		return l
	}
	quadsOf := func(i int) []graph.Quad {
		s := graph.IRI(fmt.Sprintf("https://example.org/s/%d", i))
		var qs []graph.Quad
		for range 1 + rng.IntN(5) {
			qs = append(qs, graph.Quad{S: s, P: graph.IRI(preds[rng.IntN(len(preds))]), O: literal(), G: graphs[rng.IntN(len(graphs))]})
		}
		return qs
	}
	s := graphtest.NewStore(t)
	ctx := t.Context()
	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range n / 2 {
		for _, q := range quadsOf(i) {
			if err := l.Add(q); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := l.Commit(); err != nil {
		t.Fatal(err)
	}
	for i := n / 2; i < n; i += 10 {
		err := s.Update(ctx, func(tx *graph.Txn) error {
			for j := i; j < min(i+10, n); j++ {
				for _, q := range quadsOf(j) {
					if err := tx.Add(q); err != nil {
						return err
					}
				}
			}
			// Delete some statements of earlier subjects: their literals
			// stay in the text index but match nothing through them.
			for range 3 {
				subj := graph.IRI(fmt.Sprintf("https://example.org/s/%d", rng.IntN(i)))
				if _, err := tx.DeleteMatch(graph.Pattern{S: subj, P: graph.IRI(preds[rng.IntN(len(preds))])}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// TestSearchTop_EqualsExhaustive compares the early-terminating search with
// the exhaustive scorer on random stores and queries: for every k, the top
// k must be the first k of the full ranking, scores, ties and order
// included, with and without a filter.
func TestSearchTop_EqualsExhaustive(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			s := randomSearchStore(t, seed, 400)
			rng := rand.New(rand.NewPCG(seed, 2))
			queries := [][]string{{"citizen"}, {"coll"}, {"open", "data", "coll"}, {"citizen", "panel"}, {"nowhere"}, {"ministry", "digital"}}
			for range 40 {
				q := make([]string, 1+rng.IntN(3))
				for i := range q {
					q[i] = searchVocabulary[rng.IntN(len(searchVocabulary))]
				}
				if rng.IntN(3) == 0 {
					q[len(q)-1] = q[len(q)-1][:3] // a prefix
				}
				queries = append(queries, q)
			}
			compared, nonEmpty := 0, 0
			err := s.View(t.Context(), func(v *graph.View) error {
				ix, err := buildSearchIndex(t.Context(), v)
				if err != nil {
					return err
				}
				for _, q := range queries {
					all, err := searchAll(v, q, nil)
					if err != nil {
						return err
					}
					if len(all) > 0 {
						nonEmpty++
					}
					even := func(id graph.ID) (bool, error) { return id%2 == 0, nil }
					var allEven []hit
					for _, h := range all {
						if h.doc%2 == 0 {
							allEven = append(allEven, h)
						}
					}
					// The search index gives the same ranking as the quad
					// indexes, exhaustive and early-terminating.
					if allIx, err := searchAll(v, q, ix); err != nil || !slices.Equal(allIx, all) {
						t.Errorf("%q: exhaustive with the search index = %v, %v; from the quad indexes %v", q, allIx, err, all)
					}
					for _, k := range []int{1, 2, 5, 10, 50, 1000} {
						for _, from := range []struct {
							name string
							ix   *searchIndex
						}{{"quad indexes", nil}, {"search index", ix}} {
							top, err := searchTop(v, q, k, nil, from.ix)
							if err != nil {
								return err
							}
							if want := all[:min(k, len(all))]; !slices.Equal(top, want) {
								t.Errorf("%q, k=%d, %s: searchTop = %v, exhaustive = %v", q, k, from.name, top, want)
							}
							top, err = searchTop(v, q, k, even, from.ix)
							if err != nil {
								return err
							}
							if want := allEven[:min(k, len(allEven))]; !slices.Equal(top, want) {
								t.Errorf("%q, k=%d, even ids, %s: searchTop = %v, exhaustive = %v", q, k, from.name, top, want)
							}
							compared++
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if nonEmpty < len(queries)/2 {
				t.Errorf("only %d of %d queries matched anything: the test compares too little", nonEmpty, len(queries))
			}
			t.Logf("%d comparisons, %d queries with matches", compared, nonEmpty)
		})
	}
}

// TestSearch_Scoring checks the scoring rules on a hand-made store: the
// best field of each word counts (a title in three languages counts once),
// every word is required, ties go to the subject met first and then to the
// lower id.
func TestSearch_Scoring(t *testing.T) {
	s := graphtest.NewStore(t)
	iri := func(x string) graph.Term { return graph.IRI("https://example.org/" + x) }
	title, desc, other := graph.IRI(schema.DCTermsTitle), graph.IRI(schema.DCTermsDescription), iri("unsearched")
	quads := []graph.Quad{
		// a: "panel" in a title in three languages.
		{S: iri("a"), P: title, O: graph.LangLiteral("citizen panel", "en")},
		{S: iri("a"), P: title, O: graph.LangLiteral("citizen panel", "ca")},
		{S: iri("a"), P: title, O: graph.LangLiteral("citizen panel", "es")},
		// b: the same title once.
		{S: iri("b"), P: title, O: graph.LangLiteral("citizen panel", "en")},
		// c: the words in a description only.
		{S: iri("c"), P: desc, O: graph.String("citizen panel")},
		// d: "panel" only; e: the words through an unsearched property.
		{S: iri("d"), P: title, O: graph.String("panel")},
		{S: iri("e"), P: other, O: graph.String("citizen panel")},
	}
	if err := s.Update(t.Context(), func(tx *graph.Txn) error {
		for _, q := range quads {
			if err := tx.Add(q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		words []string
		want  []string // in rank order
	}{
		{[]string{"citizen", "panel"}, []string{"a", "b", "c"}},
		{[]string{"panel"}, []string{"d", "a", "b", "c"}},
		{[]string{"citizen", "pan"}, []string{"a", "b", "c"}},
		{[]string{"forum"}, nil},
	}
	err := s.View(t.Context(), func(v *graph.View) error {
		for _, tc := range tests {
			hits, err := searchTop(v, tc.words, 10, nil, nil)
			if err != nil {
				return err
			}
			var got []string
			for _, h := range hits {
				term, err := v.Resolve(h.doc)
				if err != nil {
					return err
				}
				got = append(got, strings.TrimPrefix(term.Value, "https://example.org/"))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("%q: got %v, want %v", tc.words, got, tc.want)
			}
			if len(hits) >= 2 && tc.want[0] == "a" && hits[0].score != hits[1].score {
				t.Errorf("%q: a title in three languages scored %v, once %v: the best field should count once", tc.words, hits[0].score, hits[1].score)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
