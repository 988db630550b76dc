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
	first litKey // its first literal in the order searchTop reads them
}

// litKey places a literal of one word of a query in the order searchTop
// reads literals: higher score first, then earlier word, then lower id.
type litKey struct {
	score float64
	word  int
	lit   graph.ID
}

func (a litKey) before(b litKey) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.word != b.word {
		return a.word < b.word
	}
	return a.lit < b.lit
}

// better reports whether a ranks before b: higher score, then the earlier
// first literal, then lower id. The second rule orders equal scores in
// the order searchTop meets subjects, which lets it stop at a tie.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.first != b.first {
		return a.first.before(b.first)
	}
	return a.doc < b.doc
}

// litQueue is one word's literals not read yet: a heap, or a slice already
// in reading order.
type litQueue struct {
	heap   litHeap
	sorted []scored
	pos    int
	word   int
}

// peek returns the next literal, or false when none is left.
func (q *litQueue) peek() (litKey, bool) {
	if q.sorted != nil {
		if q.pos == len(q.sorted) {
			return litKey{}, false
		}
		x := q.sorted[q.pos]
		return litKey{x.score, q.word, x.lit}, true
	}
	if len(q.heap) == 0 {
		return litKey{}, false
	}
	return q.heap[0], true
}

// pop removes and returns the next literal; the queue must not be empty.
func (q *litQueue) pop() litKey {
	if q.sorted != nil {
		k, _ := q.peek()
		q.pos++
		return k
	}
	return q.heap.pop()
}

// scored is a literal with its score for one word.
type scored struct {
	lit   graph.ID
	score float64
}

// litHeap holds literals with the first to read ([litKey.before]) on top.
type litHeap []litKey

func (h litHeap) init() {
	for i := len(h)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h litHeap) down(i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1].before(h[c]) {
			c++
		}
		if !h[c].before(h[i]) {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// pop removes and returns the top.
func (h *litHeap) pop() litKey {
	old := *h
	top := old[0]
	n := len(old) - 1
	old[0] = old[n]
	*h = old[:n]
	h.down(0)
	return top
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// searchPlan is what a search needs before it scores subjects: the
// searched properties' weights, and for each word of the query the BM25
// score of every literal that holds it.
//
// A subject's score is the sum over the words of the query of its best
// field for that word: the highest weight × literal score among its
// statements through a searched property (a disjunction-max, as search
// engines score one word over several fields). A subject matches only if
// every word has a field. Taking the best field, not the sum over fields,
// means a title given in three languages counts once, and bounds what a
// subject not read yet can score, which is what lets [searchTop] stop
// early.
type searchPlan struct {
	// ix, when not nil, answers eachSubject and score from memory.
	ix     *searchIndex
	weight map[graph.ID]float64
	wmax   float64
	lits   [][]scored // per word: the literals that hold it, in id order
	driver int        // the word with the fewest literals
	// byImpact, per word, when the search index has it: the word's
	// literals in the order searchTop reads them, the score being the
	// impact.
	byImpact [][]scored
}

// planSearch reads the postings of every word (the last one also as a
// prefix when long enough) and scores their literals: each posting
// saturated and normalised by the literal's length against the average,
// times the word's rarity (idf) among the indexed literals. It returns nil
// when some word is in no literal: no subject matches.
func planSearch(v *graph.View, words []string, ix *searchIndex) (*searchPlan, error) {
	pl := &searchPlan{ix: ix}
	var docs, total int64
	if ix != nil {
		pl.weight, pl.wmax, docs, total = ix.weight, ix.wmax, ix.docs, ix.total
	} else {
		var err error
		if pl.weight, pl.wmax, err = searchWeights(v); err != nil {
			return nil, err
		}
		if docs, total, err = v.TextStats(); err != nil {
			return nil, err
		}
	}
	n, avg := bm25Stats(docs, total)
	pl.lits = make([][]scored, len(words))
	pl.byImpact = make([][]scored, len(words))
	var ps []graph.Posting
	for i, w := range words {
		prefix := i == len(words)-1 && len(w) >= minPrefix
		// The postings, word by word (several words for a prefix), each
		// with the number of literals that hold it, for its idf.
		var runs []wordPostings
		if ix != nil {
			runs = ix.postings(w, prefix)
		} else {
			ps = ps[:0]
			for p, err := range v.Postings(w, prefix) {
				if err != nil {
					return nil, err
				}
				ps = append(ps, p)
			}
			runs = splitRuns(ps)
		}
		// A literal holds several words of a prefix: their scores add up.
		// Each word's postings are in id order; merge them by sorting.
		var m []scored
		switch {
		case ix != nil && len(runs) == 1:
			// Scored, and ordered by impact, when the index was built.
			m, pl.byImpact[i] = runs[0].sc, runs[0].byImpact
		case ix != nil:
			for _, run := range runs {
				m = append(m, run.sc...)
			}
		default:
			for _, run := range runs {
				m = bm25(run.ps, run.df, n, avg, m)
			}
		}
		if len(runs) > 1 {
			slices.SortStableFunc(m, func(a, b scored) int { return cmp.Compare(a.lit, b.lit) })
			j := 0
			for _, x := range m {
				if j > 0 && m[j-1].lit == x.lit {
					m[j-1].score += x.score
					continue
				}
				m[j] = x
				j++
			}
			m = m[:j]
		}
		if len(m) == 0 {
			return nil, nil // a word no literal holds: no subject holds them all
		}
		pl.lits[i] = m
		if len(m) < len(pl.lits[pl.driver]) {
			pl.driver = i
		}
	}
	return pl, nil
}

// bm25Stats returns the number of literals and their average length in
// words, from the text index's counts.
func bm25Stats(docs, total int64) (n, avg float64) {
	n, avg = float64(max(docs, 1)), 1.0
	if docs > 0 {
		avg = float64(total) / float64(docs)
	}
	return n, avg
}

// bm25 appends to dst the score of each posting of one word held by df of
// the n literals: saturated and normalised by the literal's length against
// the average avg, times the word's rarity (idf).
func bm25(ps []graph.Posting, df int, n, avg float64, dst []scored) []scored {
	d := float64(df)
	idf := math.Log(1 + (n-d+0.5)/(d+0.5))
	for _, p := range ps {
		tf := float64(p.Count)
		dst = append(dst, scored{p.Literal, idf * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*float64(p.Length)/avg))})
	}
	return dst
}

// searchWeights returns the weight of each searched property by its id in
// the store, and the highest.
func searchWeights(v *graph.View) (map[graph.ID]float64, float64, error) {
	fields := searchFields()
	weight, wmax := make(map[graph.ID]float64, len(fields)), 0.0
	for _, f := range fields {
		id, err := v.Lookup(graph.IRI(f.pred))
		if err != nil {
			return nil, 0, err
		}
		if id != 0 {
			weight[id] = float64(f.weight)
			wmax = max(wmax, float64(f.weight))
		}
	}
	return weight, wmax, nil
}

// splitRuns cuts postings, which come word by word, into one run per word,
// each holding all the literals with its word.
func splitRuns(ps []graph.Posting) []wordPostings {
	var runs []wordPostings
	start := 0
	for j := 1; j <= len(ps); j++ {
		if j == len(ps) || ps[j].Word != ps[start].Word {
			runs = append(runs, wordPostings{word: ps[start].Word, df: j - start, ps: ps[start:j]})
			start = j
		}
	}
	return runs
}

// score scores subj, reading its statements: ok is false when some word
// is in none of its searched fields. fs is scratch of one entry per word.
func (pl *searchPlan) score(v *graph.View, subj graph.ID, fs []float64) (h hit, ok bool, err error) {
	clear(fs)
	h.doc = subj
	if pl.ix != nil {
		for _, lw := range pl.ix.literalsOf(subj) {
			pl.match(&h, fs, lw.w, lw.id)
		}
		return pl.total(h, fs)
	}
	for q, err := range v.MatchIDs(graph.IDPattern{S: subj}) {
		if err != nil {
			return hit{}, false, err
		}
		if w := pl.weight[q.P]; w != 0 {
			pl.match(&h, fs, w, q.O)
		}
	}
	return pl.total(h, fs)
}

// match counts the literal o, used through a property of weight w, in h's
// best field of each word (fs) and in its first literal.
func (pl *searchPlan) match(h *hit, fs []float64, w float64, o graph.ID) {
	for i, m := range pl.lits {
		j, in := slices.BinarySearchFunc(m, o, func(x scored, id graph.ID) int { return cmp.Compare(x.lit, id) })
		if !in {
			continue
		}
		ls := m[j].score
		fs[i] = max(fs[i], w*ls)
		if k := (litKey{ls, i, o}); h.first.lit == 0 || k.before(h.first) {
			h.first = k
		}
	}
}

// total sums h's best fields, or reports false when a word has none.
func (pl *searchPlan) total(h hit, fs []float64) (hit, bool, error) {
	for _, x := range fs {
		if x == 0 {
			return hit{}, false, nil
		}
		h.score += x
	}
	return h, true, nil
}

// eachSubject calls fn with the subjects that use literal lit through a
// searched property (a subject in several graphs may come more than once).
func (pl *searchPlan) eachSubject(v *graph.View, lit graph.ID, fn func(subj graph.ID) error) error {
	if pl.ix != nil {
		for _, subj := range pl.ix.subjectsOf(lit) {
			if err := fn(subj); err != nil {
				return err
			}
		}
		return nil
	}
	last := graph.ID(0)
	for q, err := range v.MatchIDs(graph.IDPattern{O: lit}) {
		if err != nil {
			return err
		}
		if pl.weight[q.P] == 0 || q.S == last {
			continue
		}
		last = q.S
		if err := fn(q.S); err != nil {
			return err
		}
	}
	return nil
}

// searchAll ranks every subject that matches words: the exhaustive
// scorer, which [searchTop] must agree with. It scores each subject that
// uses a literal of the word with the fewest literals.
func searchAll(v *graph.View, words []string, ix *searchIndex) ([]hit, error) {
	pl, err := planSearch(v, words, ix)
	if err != nil || pl == nil {
		return nil, err
	}
	seen := map[graph.ID]bool{}
	fs := make([]float64, len(words))
	var out []hit
	for _, l := range pl.lits[pl.driver] {
		err := pl.eachSubject(v, l.lit, func(subj graph.ID) error {
			if seen[subj] {
				return nil
			}
			seen[subj] = true
			h, ok, err := pl.score(v, subj, fs)
			if ok {
				out = append(out, h)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	slices.SortFunc(out, func(a, b hit) int {
		if better(a, b) {
			return -1
		}
		if better(b, a) {
			return 1
		}
		return 0
	})
	return out, nil
}

// searchTop returns the k best subjects that match words and that accept
// takes (nil: all), best first: the first k of [searchAll] that accept
// takes, without reading them all.
//
// It reads the literals of all the words merged in one order, higher
// score first ([litKey]), and scores each subject that uses one the first
// time it meets it. A subject not met yet uses, for every word, only
// literals not read yet (it must hold every word), so it scores at most
// the sum over the words of the highest weight times the score of the
// word's next literal; when a word's literals are all read, no such
// subject is left. Once k subjects score at least that bound, the search
// stops: a subject met later would tie at best, and ties go to the one
// met first (a MaxScore-style early termination over impact-ordered
// postings).
func searchTop(v *graph.View, words []string, k int, accept func(graph.ID) (bool, error), ix *searchIndex) ([]hit, error) {
	if k <= 0 {
		return nil, nil
	}
	pl, err := planSearch(v, words, ix)
	if err != nil || pl == nil {
		return nil, err
	}
	// Per word, the literals not read yet, the one with the highest
	// impact on top: what a subject can score for the word through the
	// literal. From the quad indexes the impact is the highest weight of
	// any searched property times the literal's score; the search index
	// knows the highest weight through which some subject uses each
	// literal, a bound as safe and much tighter (a description is not
	// taken for a title), and leaves out literals no subject uses so.
	lists := make([]litQueue, len(words))
	for i, m := range pl.lits {
		if sorted := pl.byImpact[i]; sorted != nil {
			lists[i] = litQueue{sorted: sorted, word: i}
			continue
		}
		h := make(litHeap, 0, len(m))
		for _, x := range m {
			w := pl.wmax
			if pl.ix != nil {
				if w = pl.ix.maxWeight(x.lit); w == 0 {
					continue
				}
			}
			h = append(h, litKey{w * x.score, i, x.lit})
		}
		h.init()
		lists[i] = litQueue{heap: h, word: i}
	}
	top := make([]hit, 0, k+1) // the best so far, best first
	seen := map[graph.ID]bool{}
	fs := make([]float64, len(words))
	for {
		// The next literal, and the bound on subjects not met yet, summed
		// in word order as score sums (so rounding cannot put it below).
		next, bound := -1, 0.0
		for i := range lists {
			head, ok := lists[i].peek()
			if !ok {
				return top, nil // a word read to the end: every match met
			}
			if next < 0 {
				next = i
			} else if nh, _ := lists[next].peek(); head.before(nh) {
				next = i
			}
			bound += head.score
		}
		// Read in the order of scores (from the quad indexes), a subject
		// met later that ties with the k-th ranks after it ([better]), so
		// a tie stops the search; read in the order of impacts (from the
		// search index), it may rank before it, so only a bound below
		// the k-th score does.
		if len(top) == k && (bound < top[k-1].score || pl.ix == nil && bound == top[k-1].score) {
			return top, nil
		}
		lk := lists[next].pop()
		err := pl.eachSubject(v, lk.lit, func(subj graph.ID) error {
			if seen[subj] {
				return nil
			}
			seen[subj] = true
			h, ok, err := pl.score(v, subj, fs)
			if err != nil || !ok {
				return err
			}
			if len(top) == k && !better(h, top[k-1]) {
				return nil
			}
			if accept != nil {
				if ok, err := accept(subj); err != nil || !ok {
					return err
				}
			}
			i, _ := slices.BinarySearchFunc(top, h, func(a, b hit) int {
				if better(a, b) {
					return -1
				}
				return 1
			})
			top = slices.Insert(top, i, h)
			if len(top) > k {
				top = top[:k]
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
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
		var accept func(graph.ID) (bool, error)
		if !class.IsZero() {
			ids, err := instances(v, class.Value)
			if err != nil {
				return err
			}
			ok := make(map[graph.ID]bool, len(ids))
			for _, id := range ids {
				ok[id] = true
			}
			accept = func(id graph.ID) (bool, error) { return ok[id], nil }
		}
		ix, err := r.searchIndexFor(ctx, v)
		if err != nil {
			return err
		}
		hits, err := searchTop(v, words, int(args.First), accept, ix)
		if err != nil {
			return err
		}
		for _, h := range hits {
			t, err := v.Resolve(h.doc)
			if err != nil {
				return err
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
