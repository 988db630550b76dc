package queries

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"sync"

	"civicgraph/graph"
)

// The search index serves, from memory, what a search asks the store's
// indexes: the postings of each word (the text index's, for the literals
// some subject uses through a searched property, with each word's
// document frequency over all literals), and for every literal and
// subject it meets, which subjects use this literal through a searched
// property (and with which weight), and which literals this subject uses
// so. It is derived from one content of the store ([graph.View.Content]),
// like the list index: a search uses it only when its snapshot sees the
// same quads, so it is never stale, and the badger text index and quad
// indexes stay the source of truth.
//
// The first search after a write builds it from its own snapshot (scans of
// the searched predicates, in the POS index); searches that come while it
// is being built answer from the quad indexes, as they would without it.
// On one snapshot both ways give the same ranking
// (TestSearchTop_EqualsExhaustive). While a load is being written, its new
// literals' postings are already in the text index though no quad uses
// them yet, and the word statistics (literals per word, words in all)
// count them: the index keeps the statistics of the snapshot it was built
// from, so its scores can differ a little from those of the quad indexes
// until the load commits; which subjects match never does.

// searchCache holds the search index of the latest content built.
type searchCache struct {
	mu    sync.Mutex // guards cur
	cur   *searchIndex
	build sync.Mutex // held while one search builds an index
}

// lookup returns the index if it was built from content, nil otherwise.
func (sc *searchCache) lookup(content graph.Content) *searchIndex {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.cur != nil && sc.cur.content == content {
		return sc.cur
	}
	return nil
}

// litWeight is a literal used by a subject through a searched property of
// weight w (the highest, when several).
type litWeight struct {
	id graph.ID
	w  float64
}

// searchIndex is the (subject, literal, weight) relation of one content
// of the store, sorted both ways.
type searchIndex struct {
	content graph.Content // what the store held when it was built
	// byLit: the literals (sorted, unique), and for literal i, the
	// subjects that use it in bySubjOfLit[litOff[i]:litOff[i+1]].
	lits        []graph.ID
	litOff      []int32
	litMaxW     []float64 // the highest weight through which literal i is used
	bySubjOfLit []graph.ID
	// bySubj: the subjects (sorted, unique), and for subject i, the
	// literals it uses in litsOfSubj[subjOff[i]:subjOff[i+1]].
	subjs      []graph.ID
	subjOff    []int32
	litsOfSubj []litWeight
	// words: the text index's words (sorted), with their postings.
	words []wordPostings
	// weight and wmax are the searched properties' weights by id and the
	// highest; docs and total the text index's literals and their words.
	weight      map[graph.ID]float64
	wmax        float64
	docs, total int64
}

// wordPostings is one word of the text index: how many literals hold it,
// and its postings among the searched literals, in id order. In the search
// index, ps is replaced once read by sc, the BM25 score of each of those
// literals for the word (see planSearch), and byImpact, the same literals
// in the order searchTop reads them: highest weight × score first, then
// lower id.
type wordPostings struct {
	word     string
	df       int
	ps       []graph.Posting
	sc       []scored
	byImpact []scored // score is the impact
}

// searchIndexFor returns the search index of the content v sees, building
// it if no other search is building one; nil when it is not there yet.
func (r *Resolver) searchIndexFor(ctx context.Context, v *graph.View) (*searchIndex, error) {
	content, err := v.Content()
	if err != nil {
		return nil, err
	}
	sc := r.search
	if ix := sc.lookup(content); ix != nil {
		return ix, nil
	}
	if !sc.build.TryLock() {
		return nil, nil // another search builds one: answer from the store
	}
	defer sc.build.Unlock()
	if ix := sc.lookup(content); ix != nil {
		return ix, nil
	}
	ix, err := buildSearchIndex(ctx, v)
	if err != nil {
		return nil, err
	}
	sc.mu.Lock()
	sc.cur = ix
	sc.mu.Unlock()
	return ix, nil
}

// subjWeight is one statement of the relation.
type subjWeight struct {
	lit, subj graph.ID
	w         float64
}

// buildSearchIndex scans, for every searched property, its statements, and
// keeps each (literal, subject) once with the highest weight. Objects are
// not told apart by kind: an IRI object is kept too, and matches no word,
// as in the scans it replaces.
func buildSearchIndex(ctx context.Context, v *graph.View) (*searchIndex, error) {
	content, err := v.Content()
	if err != nil {
		return nil, err
	}
	weight, wmax, err := searchWeights(v)
	if err != nil {
		return nil, err
	}
	docs, total, err := v.TextStats()
	if err != nil {
		return nil, err
	}
	var rel []subjWeight
	n := 0
	for pid, w := range weight {
		for q, err := range v.MatchIDs(graph.IDPattern{P: pid}) {
			if err != nil {
				return nil, err
			}
			if n++; n&4095 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			rel = append(rel, subjWeight{q.O, q.S, w})
		}
	}
	slices.SortFunc(rel, func(a, b subjWeight) int {
		if c := cmp.Compare(a.lit, b.lit); c != 0 {
			return c
		}
		if c := cmp.Compare(a.subj, b.subj); c != 0 {
			return c
		}
		return cmp.Compare(b.w, a.w) // the highest weight first
	})
	rel = slices.CompactFunc(rel, func(a, b subjWeight) bool { return a.lit == b.lit && a.subj == b.subj })
	ix := &searchIndex{content: content, bySubjOfLit: make([]graph.ID, len(rel)),
		weight: weight, wmax: wmax, docs: docs, total: total}
	for i, x := range rel {
		if i == 0 || x.lit != rel[i-1].lit {
			ix.lits = append(ix.lits, x.lit)
			ix.litOff = append(ix.litOff, int32(i))
			ix.litMaxW = append(ix.litMaxW, x.w)
		}
		last := len(ix.litMaxW) - 1
		ix.litMaxW[last] = max(ix.litMaxW[last], x.w)
		ix.bySubjOfLit[i] = x.subj
	}
	ix.litOff = append(ix.litOff, int32(len(rel)))
	slices.SortFunc(rel, func(a, b subjWeight) int {
		if c := cmp.Compare(a.subj, b.subj); c != 0 {
			return c
		}
		return cmp.Compare(a.lit, b.lit)
	})
	ix.litsOfSubj = make([]litWeight, len(rel))
	for i, x := range rel {
		if i == 0 || x.subj != rel[i-1].subj {
			ix.subjs = append(ix.subjs, x.subj)
			ix.subjOff = append(ix.subjOff, int32(i))
		}
		ix.litsOfSubj[i] = litWeight{x.lit, x.w}
	}
	ix.subjOff = append(ix.subjOff, int32(len(rel)))
	for p, err := range v.Postings("", true) {
		if err != nil {
			return nil, err
		}
		if n++; n&4095 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if len(ix.words) == 0 || ix.words[len(ix.words)-1].word != p.Word {
			ix.words = append(ix.words, wordPostings{word: p.Word})
		}
		wp := &ix.words[len(ix.words)-1]
		wp.df++
		if _, ok := slices.BinarySearch(ix.lits, p.Literal); ok {
			wp.ps = append(wp.ps, p)
		}
	}
	// Every score a search needs depends only on this version: compute
	// them once.
	lits, avg := bm25Stats(docs, total)
	for i := range ix.words {
		wp := &ix.words[i]
		wp.sc = bm25(wp.ps, wp.df, lits, avg, nil)
		wp.ps = nil
		wp.byImpact = make([]scored, len(wp.sc))
		for j, x := range wp.sc {
			wp.byImpact[j] = scored{x.lit, ix.maxWeight(x.lit) * x.score}
		}
		slices.SortFunc(wp.byImpact, func(a, b scored) int {
			if c := cmp.Compare(b.score, a.score); c != 0 {
				return c
			}
			return cmp.Compare(a.lit, b.lit)
		})
	}
	return ix, nil
}

// postings returns the words that are w, or with prefix set start with
// it, in the text index's order, with their postings.
func (ix *searchIndex) postings(w string, prefix bool) []wordPostings {
	i, _ := slices.BinarySearchFunc(ix.words, w, func(x wordPostings, w string) int { return cmp.Compare(x.word, w) })
	j := i
	for j < len(ix.words) && (ix.words[j].word == w || prefix && strings.HasPrefix(ix.words[j].word, w)) {
		j++
	}
	return ix.words[i:j]
}

// subjectsOf returns the subjects that use lit through a searched property.
func (ix *searchIndex) subjectsOf(lit graph.ID) []graph.ID {
	i, ok := slices.BinarySearch(ix.lits, lit)
	if !ok {
		return nil
	}
	return ix.bySubjOfLit[ix.litOff[i]:ix.litOff[i+1]]
}

// maxWeight returns the highest weight through which some subject uses
// lit, 0 when none does.
func (ix *searchIndex) maxWeight(lit graph.ID) float64 {
	i, ok := slices.BinarySearch(ix.lits, lit)
	if !ok {
		return 0
	}
	return ix.litMaxW[i]
}

// literalsOf returns the literals subj uses through a searched property,
// with the highest weight of each.
func (ix *searchIndex) literalsOf(subj graph.ID) []litWeight {
	i, ok := slices.BinarySearch(ix.subjs, subj)
	if !ok {
		return nil
	}
	return ix.litsOfSubj[ix.subjOff[i]:ix.subjOff[i+1]]
}
