package queries

import (
	"cmp"
	"context"
	"maps"
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
// literal's length against the average, times the word's rarity (idf) among
// the indexed literals.
//
// The word with the fewest literals drives: only its literals are looked up
// in the quad index (which subjects use them, through which property); the
// other words are checked on those candidate subjects' own statements.
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
	// For each word, the score of each literal that holds it.
	lits := make([]map[graph.ID]float64, len(words))
	for i, w := range words {
		prefix := i == len(words)-1 && len(w) >= minPrefix
		var ps []graph.Posting
		df := map[string]int{} // literals per matched word
		for p, err := range v.Postings(w, prefix) {
			if err != nil {
				return nil, err
			}
			ps = append(ps, p)
			df[p.Word]++
		}
		m := make(map[graph.ID]float64, len(ps))
		for _, p := range ps {
			d := float64(df[p.Word])
			idf := math.Log(1 + (n-d+0.5)/(d+0.5))
			tf := float64(p.Count)
			m[p.Literal] += idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float64(p.Length)/avg))
		}
		if len(m) == 0 {
			return nil, nil // a word no literal holds: no subject holds them all
		}
		lits[i] = m
	}
	driver := 0
	for i := range lits {
		if len(lits[i]) < len(lits[driver]) {
			driver = i
		}
	}
	// Candidates: the subjects that use a literal of the driving word
	// through a searched property, with that word's score. Each other word
	// then narrows them: by its own literals' uses when it has fewer
	// literals than there are candidates, else by reading each candidate's
	// statements.
	type use struct{ s, p, lit graph.ID }
	uses := func(m map[graph.ID]float64) (map[graph.ID]float64, error) {
		out := map[graph.ID]float64{}
		seen := map[use]bool{}
		// In id order, so that the index is read forwards.
		for _, lit := range slices.Sorted(maps.Keys(m)) {
			ls := m[lit]
			for q, err := range v.MatchIDs(graph.IDPattern{O: lit}) {
				if err != nil {
					return nil, err
				}
				w := weight[q.P]
				if w == 0 || seen[use{q.S, q.P, lit}] {
					continue
				}
				seen[use{q.S, q.P, lit}] = true
				out[q.S] += w * ls
			}
		}
		return out, nil
	}
	scores, err := uses(lits[driver])
	if err != nil {
		return nil, err
	}
	type field struct{ p, o graph.ID }
	own := map[graph.ID][]field{} // searched statements of candidates, read on demand
	for i, m := range lits {
		if i == driver || len(scores) == 0 {
			continue
		}
		if len(m) < len(scores) {
			other, err := uses(m)
			if err != nil {
				return nil, err
			}
			for subj, sc := range scores {
				if x, ok := other[subj]; ok {
					scores[subj] = sc + x
				} else {
					delete(scores, subj)
				}
			}
			continue
		}
		for subj, sc := range scores {
			fs, ok := own[subj]
			if !ok {
				for q, err := range v.MatchIDs(graph.IDPattern{S: subj}) {
					if err != nil {
						return nil, err
					}
					if weight[q.P] != 0 && !slices.Contains(fs, field{q.P, q.O}) {
						fs = append(fs, field{q.P, q.O})
					}
				}
				own[subj] = fs
			}
			var x float64
			for _, f := range fs {
				x += weight[f.p] * m[f.o]
			}
			if x == 0 {
				delete(scores, subj)
			} else {
				scores[subj] = sc + x
			}
		}
	}
	out := make([]hit, 0, len(scores))
	for d, s := range scores {
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
