package queries

import (
	"cmp"
	"context"
	"math"
	"slices"

	"civicgraph/graph"
	"civicgraph/schema"
)

// searchField is a property whose text is searched, with its weight.
type searchField struct {
	pred   string
	weight float32
}

// searchFields lists the searched properties: names and titles weigh most,
// descriptions least.
func searchFields() []searchField {
	return []searchField{
		{schema.RDFSLabel, 3}, {schema.SKOSPrefLabel, 3}, {schema.FOAFName, 3}, {schema.DCTermsTitle, 3},
		{schema.SKOSAltLabel, 2}, {schema.FOAFFamilyName, 2}, {schema.FOAFGivenName, 1},
		{schema.PropContainer, 1}, {schema.PropSeries, 1}, {schema.DCTermsDescription, 1},
		{schema.SKOSDefinition, 1}, {schema.RDFSComment, 1}, {schema.PropPurpose, 1}, {schema.PropAISystem, 1},
	}
}

// stopWords are left out of the index.
func isStopWord(w string) bool {
	switch w {
	case "a", "an", "and", "are", "as", "at", "be", "by", "de", "del", "el", "en", "for", "from", "i", "in",
		"is", "it", "its", "la", "les", "of", "on", "or", "the", "to", "was", "were", "with", "y":
		return true
	}
	return false
}

// queryWords splits a search into the words of the store's text index,
// stop words left out.
func queryWords(text string) []string {
	var out []string
	for _, w := range graph.Words(text) {
		if !isStopWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// minPrefix is the shortest last word of a search that also matches as a
// prefix ("algor" finds "algorithm"); shorter ones match whole words only,
// as two letters would match a large part of any vocabulary.
const minPrefix = 3

// hit is a scored document.
type hit struct {
	doc   graph.ID
	score float64
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// search ranks the subjects whose searched properties hold every word of
// the query (the last one also as a prefix) with BM25 over the store's text
// index. A subject's literals are its fields: each posting counts with the
// weight of the property that links it, saturated and normalised by the
// literal's length against the average. A word's rarity (idf) is counted in
// subjects.
func search(v *graph.View, words []string) ([]hit, error) {
	fields := searchFields()
	weight := make(map[graph.ID]float64, len(fields))
	for _, f := range fields {
		id, err := v.Lookup(graph.IRI(f.pred))
		if err != nil {
			return nil, err
		}
		if id != 0 {
			weight[id] = float64(f.weight)
		}
	}
	docs, total, err := v.TextStats()
	if err != nil {
		return nil, err
	}
	n, avg := float64(max(docs, 1)), 1.0
	if docs > 0 {
		avg = float64(total) / float64(docs)
	}
	var acc map[graph.ID]float64
	for i, w := range words {
		prefix := i == len(words)-1 && len(w) >= minPrefix
		// Saturated, weighted frequencies per matched word and subject; a
		// literal used twice by a subject through one property (in two
		// graphs) counts once.
		perWord := map[string]map[graph.ID]float64{}
		type use struct{ s, p, lit graph.ID }
		seen := map[use]bool{}
		for p, err := range v.Postings(w, prefix) {
			if err != nil {
				return nil, err
			}
			norm := float64(p.Count) * (bm25K1 + 1) /
				(float64(p.Count) + bm25K1*(1-bm25B+bm25B*float64(p.Length)/avg))
			for q, err := range v.MatchIDs(graph.IDPattern{O: p.Literal}) {
				if err != nil {
					return nil, err
				}
				fw := weight[q.P]
				if fw == 0 || seen[use{q.S, q.P, p.Literal}] {
					continue
				}
				seen[use{q.S, q.P, p.Literal}] = true
				m := perWord[p.Word]
				if m == nil {
					m = map[graph.ID]float64{}
					perWord[p.Word] = m
				}
				m[q.S] += fw * norm
			}
		}
		scores := map[graph.ID]float64{}
		for _, m := range perWord {
			df := float64(len(m))
			idf := math.Log(1 + (n-df+0.5)/(df+0.5))
			for d, x := range m {
				scores[d] += idf * x
			}
		}
		if acc == nil {
			acc = scores
			continue
		}
		for d, s := range acc {
			if x, ok := scores[d]; ok {
				acc[d] = s + x
			} else {
				delete(acc, d)
			}
		}
	}
	out := make([]hit, 0, len(acc))
	for d, s := range acc {
		out = append(out, hit{d, s})
	}
	slices.SortFunc(out, func(a, b hit) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	return out, nil
}

// SearchArgs are the arguments of Query.search.
type SearchArgs struct {
	Text  string
	Class *string
	First int32
}

// SearchHit is a search result.
type SearchHit struct {
	score float64
	e     *entity
}

// Score resolves SearchHit.score.
func (h *SearchHit) Score() float64 { return math.Round(h.score*1000) / 1000 }

// Node resolves SearchHit.node.
func (h *SearchHit) Node() *Node { return h.e.node() }

// Search resolves Query.search: entities ranked by how well their names,
// titles and descriptions match text.
func (r *Resolver) Search(ctx context.Context, args SearchArgs) ([]*SearchHit, error) {
	if err := r.checkFirst(args.First); err != nil {
		return nil, err
	}
	words := queryWords(args.Text)
	if len(words) == 0 {
		return nil, errorf(CodeBadInput, "text %q has no words to search for", args.Text)
	}
	var class graph.Term
	if args.Class != nil {
		c, err := classIRI(*args.Class)
		if err != nil {
			return nil, err
		}
		class = graph.IRI(c)
	}
	var out []*SearchHit
	err := r.view(ctx, func(v *graph.View) error {
		hits, err := search(v, words)
		if err != nil {
			return err
		}
		var ok map[graph.Term]bool
		if !class.IsZero() {
			ids, err := instances(v, class.Value)
			if err != nil {
				return err
			}
			ok = map[graph.Term]bool{}
			for _, id := range ids {
				t, err := v.Resolve(id)
				if err != nil {
					return err
				}
				ok[t] = true
			}
		}
		for _, h := range hits {
			if len(out) == int(args.First) {
				break
			}
			t, err := v.Resolve(h.doc)
			if err != nil {
				return err
			}
			if ok != nil && !ok[t] {
				continue
			}
			e, err := r.load(v, t)
			if err != nil {
				return err
			}
			out = append(out, &SearchHit{score: h.score, e: e})
		}
		return nil
	})
	return out, err
}
