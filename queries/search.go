package queries

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strings"
	"sync"

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

// tokens splits text into lower-case ASCII words, diacritics folded.
func tokens(text string) []string {
	var out []string
	for _, w := range strings.Split(schema.Slug(text), "-") {
		if len(w) > 1 && !isStopWord(w) {
			out = append(out, w)
		}
	}
	return out
}

// posting is one document's weighted frequency of a word.
type posting struct {
	doc graph.ID
	w   float32
}

// searchIndex is an inverted index of the searched properties, built from
// a snapshot on the first search and built again on the first search after
// a write through this resolver.
type searchIndex struct {
	mu       sync.RWMutex // guards the fields below; searches share it, builds hold it alone
	built    bool
	postings map[string][]posting // word -> postings, by doc id
	words    []string             // the words of postings, sorted, for prefix matches
	docLen   map[graph.ID]float32 // doc -> weighted words
	avgLen   float32
}

// invalidate marks the index stale after a write.
func (ix *searchIndex) invalidate() {
	ix.mu.Lock()
	ix.built = false
	ix.postings, ix.docLen, ix.words = nil, nil, nil
	ix.mu.Unlock()
}

// build indexes the searched properties of v.
func (ix *searchIndex) build(ctx context.Context, v *graph.View) error {
	tf := map[string]map[graph.ID]float32{}
	docLen := map[graph.ID]float32{}
	for _, f := range searchFields() {
		pid, err := v.Lookup(graph.IRI(f.pred))
		if err != nil {
			return err
		}
		if pid == 0 {
			continue
		}
		for q, err := range v.MatchIDs(graph.IDPattern{P: pid}) {
			if err != nil {
				return err
			}
			o, err := v.Resolve(q.O)
			if err != nil {
				return err
			}
			if o.Kind != graph.KindLiteral {
				continue
			}
			for _, w := range tokens(o.Value) {
				m := tf[w]
				if m == nil {
					m = map[graph.ID]float32{}
					tf[w] = m
				}
				m[q.S] += f.weight
				docLen[q.S] += f.weight
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	ix.postings = make(map[string][]posting, len(tf))
	ix.words = make([]string, 0, len(tf))
	for w, m := range tf {
		ix.words = append(ix.words, w)
		ps := make([]posting, 0, len(m))
		for d, x := range m {
			ps = append(ps, posting{d, x})
		}
		slices.SortFunc(ps, func(a, b posting) int { return cmp.Compare(a.doc, b.doc) })
		ix.postings[w] = ps
	}
	slices.Sort(ix.words)
	var total float32
	for _, l := range docLen {
		total += l
	}
	ix.docLen = docLen
	ix.avgLen = 1
	if len(docLen) > 0 {
		ix.avgLen = total / float32(len(docLen))
	}
	ix.built = true
	return nil
}

// lookup builds the index from v when it is stale, then searches it.
func (ix *searchIndex) lookup(ctx context.Context, v *graph.View, words []string) ([]hit, error) {
	ix.mu.RLock()
	if ix.built {
		defer ix.mu.RUnlock()
		return ix.search(words), nil
	}
	ix.mu.RUnlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.built {
		if err := ix.build(ctx, v); err != nil {
			return nil, err
		}
	}
	return ix.search(words), nil
}

// hit is a scored document.
type hit struct {
	doc   graph.ID
	score float64
}

// search scores documents with BM25 (k1 1.2, b 0.75) over the weighted
// frequencies; every word of the query must appear, the last one as a
// prefix.
func (ix *searchIndex) search(words []string) []hit {
	n := float64(len(ix.docLen))
	var acc map[graph.ID]float64
	for i, w := range words {
		lists := [][]posting{ix.postings[w]}
		if i == len(words)-1 {
			lists = lists[:0]
			j, _ := slices.BinarySearch(ix.words, w)
			for ; j < len(ix.words) && strings.HasPrefix(ix.words[j], w); j++ {
				lists = append(lists, ix.postings[ix.words[j]])
			}
		}
		scores := map[graph.ID]float64{}
		for _, ps := range lists {
			idf := math.Log(1 + (n-float64(len(ps))+0.5)/(float64(len(ps))+0.5))
			for _, p := range ps {
				l := float64(ix.docLen[p.doc] / ix.avgLen)
				tf := float64(p.w)
				scores[p.doc] += idf * tf * 2.2 / (tf + 1.2*(0.25+0.75*l))
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
	return out
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
	words := tokens(args.Text)
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
		hits, err := r.index.lookup(ctx, v, words)
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
