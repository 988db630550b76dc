package queries

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"civicgraph/graph"
	"civicgraph/schema"
)

// The list index serves ordered and filtered lists without loading every
// instance of the class. For each class it holds, derived from one content
// of the store ([graph.View.Content]): the instances with their sort keys,
// their years (along the class's year paths), their labels, and the
// orders by year and by label. A request uses the index only when its
// snapshot sees the same content, so the index is never stale: every write
// readers can see, whatever path it takes (a mutation, an import, a load on
// top of data, dropping a graph, a restore), changes the content, and the
// first list of the class after it builds the index again from its own
// snapshot. Writes readers cannot see yet (a load's pending batches) do
// not, so a large load does not make every list build the index again.
//
// The index is built with scans of whole predicates (rdf:type, then each
// predicate of a year path, then the label predicates), not by loading
// entities; a request then filters positions in memory (concept filters
// are sets of ids from the POGS index, years are compared with the
// index's), counts, and loads only the entities of its page.

// listCache holds the indexes of the two most recently used contents of
// each class. Two, not one: while a write lands, requests that took their
// snapshot before it and requests that took it after alternate, and with
// one slot each would throw away the index the other just built (seen in
// the soak as ordered lists rebuilding at every other request after an
// upload).
type listCache struct {
	mu sync.Mutex
	m  map[string][2]*classIndex // most recently used first
}

// classIndex is the index of one class at one content of the store.
type classIndex struct {
	content graph.Content
	class   string

	// mu serialises the building of each part; built parts are read
	// without it (they never change once built).
	mu     sync.Mutex
	base   bool
	terms  []graph.Term     // the instances, in id order
	keys   []string         // termKey of each
	pos    map[graph.ID]int // position of each instance's id
	ids    []graph.ID       // the ids, in order
	byIRI  []int32          // positions by key (IRI order)
	years  [][]int32        // years of each (nil when none), once yearsOK
	minY   []int32          // the least year, or noYear
	maxY   []int32          // the greatest year, or noYear
	byYear []int32          // positions by (least year, key), no year last
	yearOK bool             // years, minY, maxY and byYear are built
	labels []string         // lower-cased English label, once labelOK
	byLbl  []int32          // positions by (label, key)
	lblOK  bool             // labels and byLbl are built
	yspec  [][]string       // the year paths the years were built for
	spans  bool             // the class's years are a span
	// masks holds, by condition, which positions pass it, for at most
	// maxMasks conditions.
	masks map[string][]bool
}

// maxMasks bounds the conditions an index keeps the result of.
const maxMasks = 256

// conditionMask returns which positions pass c, computed once per content
// of the store (and kept for at most maxMasks conditions).
func (ix *classIndex) conditionMask(m *matcher, c condition) ([]bool, error) {
	var k strings.Builder
	k.WriteString(c.name)
	for _, p := range c.path {
		k.WriteString("\x00" + p)
	}
	if c.set != nil {
		for _, v := range c.raw {
			k.WriteString("\x01" + v)
		}
	} else {
		want := slices.Clone(c.want)
		slices.SortFunc(want, graph.Compare)
		for _, w := range want {
			k.WriteString("\x02" + termKey(w) + "\x03" + w.Lang + "\x03" + w.Datatype)
		}
	}
	key := k.String()
	ix.mu.Lock()
	mask, ok := ix.masks[key]
	ix.mu.Unlock()
	if ok {
		return mask, nil
	}
	set, err := m.conditionSet(c)
	if err != nil {
		return nil, err
	}
	mask = make([]bool, len(ix.ids))
	for id := range set {
		if i, ok := ix.pos[id]; ok {
			mask[i] = true
		}
	}
	ix.mu.Lock()
	if ix.masks == nil {
		ix.masks = map[string][]bool{}
	}
	if len(ix.masks) < maxMasks {
		ix.masks[key] = mask
	}
	ix.mu.Unlock()
	return mask, nil
}

const noYear = int32(-1 << 31)

// index returns the index of class at the content v sees, built as far as
// order and filter need.
func (r *Resolver) index(ctx context.Context, v *graph.View, spec listSpec, order string, years bool) (*classIndex, error) {
	content, err := v.Content()
	if err != nil {
		return nil, err
	}
	r.lists.mu.Lock()
	slots := r.lists.m[spec.class]
	var ix *classIndex
	switch {
	case slots[0] != nil && slots[0].content == content:
		ix = slots[0]
	case slots[1] != nil && slots[1].content == content:
		ix = slots[1]
		slots[0], slots[1] = slots[1], slots[0]
	default:
		ix = &classIndex{content: content, class: spec.class, yspec: spec.years, spans: spec.span}
		slots[0], slots[1] = ix, slots[0]
	}
	r.lists.m[spec.class] = slots
	r.lists.mu.Unlock()
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if !ix.base {
		if err := ix.buildBase(ctx, v); err != nil {
			return nil, err
		}
	}
	if (years || order == "YEAR") && !ix.yearOK {
		if err := ix.buildYears(v); err != nil {
			return nil, err
		}
	}
	if order == "LABEL" && !ix.lblOK {
		if err := ix.buildLabels(v); err != nil {
			return nil, err
		}
	}
	return ix, nil
}

func (ix *classIndex) buildBase(ctx context.Context, v *graph.View) error {
	ids, err := instances(v, ix.class)
	if err != nil {
		return err
	}
	terms := make([]graph.Term, len(ids))
	keys := make([]string, len(ids))
	pos := make(map[graph.ID]int, len(ids))
	err = v.ResolveAll(ids, func(i int, t graph.Term) error {
		terms[i], keys[i], pos[ids[i]] = t, termKey(t), i
		return nil
	})
	if err != nil {
		return err
	}
	byIRI := make([]int32, len(ids))
	for i := range byIRI {
		byIRI[i] = int32(i)
	}
	slices.SortFunc(byIRI, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	ix.ids, ix.terms, ix.keys, ix.pos, ix.byIRI, ix.base = ids, terms, keys, pos, byIRI, true
	return nil
}

// buildYears follows each year path from every instance with one scan of
// each predicate of the path.
func (ix *classIndex) buildYears(v *graph.View) error {
	n := len(ix.ids)
	years := make([][]int32, n)
	litYear := map[graph.ID]int32{} // year of each literal id seen; noYear when none
	for _, path := range ix.yspec {
		// cur maps a node reached along the path to the instances behind it.
		cur := make(map[graph.ID][]int32, n)
		for i, id := range ix.ids {
			cur[id] = append(cur[id], int32(i))
		}
		for step, p := range path {
			pid, err := v.Lookup(graph.IRI(p))
			if err != nil {
				return err
			}
			if pid == 0 {
				break
			}
			last := step == len(path)-1
			next := map[graph.ID][]int32{}
			for q, err := range v.MatchIDs(graph.IDPattern{P: pid}) {
				if err != nil {
					return err
				}
				if owners, ok := cur[q.S]; ok {
					next[q.O] = append(next[q.O], owners...)
				}
			}
			cur = next
			if !last {
				continue
			}
			// The values reached: read the years of those not read yet
			// in one pass over the dictionary, in id order.
			var unread []graph.ID
			for o := range cur {
				if _, ok := litYear[o]; !ok {
					unread = append(unread, o)
				}
			}
			slices.Sort(unread)
			err = v.ResolveAll(unread, func(i int, t graph.Term) error {
				y := noYear
				if t.Kind == graph.KindLiteral {
					if yp := yearOf(&t.Value); yp != nil {
						y = *yp
					}
				}
				litYear[unread[i]] = y
				return nil
			})
			if err != nil {
				return err
			}
			for o, owners := range cur {
				y := litYear[o]
				if y == noYear {
					continue
				}
				for _, i := range owners {
					if !slices.Contains(years[i], y) {
						years[i] = append(years[i], y)
					}
				}
			}
		}
	}
	minY := make([]int32, n)
	maxY := make([]int32, n)
	for i, ys := range years {
		minY[i], maxY[i] = noYear, noYear
		if len(ys) > 0 {
			minY[i], maxY[i] = slices.Min(ys), slices.Max(ys)
		}
	}
	byYear := make([]int32, n)
	for i := range byYear {
		byYear[i] = int32(i)
	}
	slices.SortFunc(byYear, func(a, b int32) int {
		ya, yb := minY[a], minY[b]
		switch {
		case ya == noYear && yb != noYear:
			return 1
		case yb == noYear && ya != noYear:
			return -1
		}
		if c := cmp.Compare(ya, yb); c != 0 {
			return c
		}
		return cmp.Compare(ix.keys[a], ix.keys[b])
	})
	ix.years, ix.minY, ix.maxY, ix.byYear, ix.yearOK = years, minY, maxY, byYear, true
	return nil
}

// buildLabels reads the label predicates with one scan each and picks
// each instance's English label the way an entity does (labelIn).
func (ix *classIndex) buildLabels(v *graph.View) error {
	n := len(ix.ids)
	props := make([]map[string][]graph.Term, n)
	for _, p := range append(labelPreds(), schema.FOAFFamilyName, schema.FOAFGivenName) {
		pid, err := v.Lookup(graph.IRI(p))
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
			i, ok := ix.pos[q.S]
			if !ok {
				continue
			}
			t, err := v.Resolve(q.O)
			if err != nil {
				return err
			}
			if props[i] == nil {
				props[i] = map[string][]graph.Term{}
			}
			if !slices.Contains(props[i][p], t) {
				props[i][p] = append(props[i][p], t)
			}
		}
	}
	labels := make([]string, n)
	for i, pr := range props {
		if pr == nil {
			continue
		}
		for _, vals := range pr {
			slices.SortFunc(vals, graph.Compare)
		}
		e := &entity{t: ix.terms[i], props: pr}
		if s := e.labelIn("en"); s != nil {
			labels[i] = strings.ToLower(*s)
		}
	}
	byLbl := make([]int32, n)
	for i := range byLbl {
		byLbl[i] = int32(i)
	}
	slices.SortFunc(byLbl, func(a, b int32) int {
		if c := cmp.Compare(labels[a], labels[b]); c != 0 {
			return c
		}
		return cmp.Compare(ix.keys[a], ix.keys[b])
	})
	ix.labels, ix.byLbl, ix.lblOK = labels, byLbl, true
	return nil
}

// key is the sort key of position i in order, the same key (and so the
// same cursor) as the list computes from the entity.
func (ix *classIndex) key(i int32, order string) string {
	switch order {
	case "LABEL":
		return ix.labels[i] + "\x00" + ix.keys[i]
	case "YEAR":
		y := "\xff"
		if ix.minY[i] != noYear {
			y = fmt.Sprintf("%06d", ix.minY[i]+100000)
		}
		return y + "\x00" + ix.keys[i]
	}
	return ix.keys[i]
}

// order returns the positions in order, ascending.
func (ix *classIndex) order(order string) []int32 {
	switch order {
	case "LABEL":
		return ix.byLbl
	case "YEAR":
		return ix.byYear
	}
	return ix.byIRI
}

// yearMatch is matcher.yearMatch on the index's years.
func (ix *classIndex) yearMatch(i int32, from, to *int32) bool {
	lo, hi := ix.minY[i], ix.maxY[i]
	if lo == noYear {
		return false
	}
	if ix.spans {
		return (from == nil || hi >= *from) && (to == nil || lo <= *to)
	}
	if (from != nil && hi < *from) || (to != nil && lo > *to) {
		return false
	}
	for _, y := range ix.years[i] {
		if (from == nil || y >= *from) && (to == nil || y <= *to) {
			return true
		}
	}
	return false
}

// page is one page of a list read from the index: the positions of its
// elements with their keys, the total and whether there is more either
// way.
type page struct {
	items         []int32
	keys          []string
	total         int
	before, after bool
}

// indexedPage cuts the page of a list from the index: keep, when not nil,
// says which positions pass the concept filters.
func (ix *classIndex) indexedPage(order string, desc bool, keep []bool, from, to *int32, after *string, first int) page {
	ord := ix.order(order)
	n := len(ord)
	at := func(k int) int32 {
		if desc {
			return ord[n-1-k]
		}
		return ord[k]
	}
	start := 0
	if after != nil {
		// The first element past the cursor in the order.
		lo, hi := 0, n
		for lo < hi {
			mid := (lo + hi) / 2
			c := cmp.Compare(ix.key(at(mid), order), *after)
			if desc {
				c = -c
			}
			if c <= 0 {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		start = lo
	}
	years := from != nil || to != nil
	var p page
	for k := 0; k < n; k++ {
		i := at(k)
		if keep != nil && !keep[i] {
			continue
		}
		if years && !ix.yearMatch(i, from, to) {
			continue
		}
		p.total++
		switch {
		case k < start:
			p.before = true
		case len(p.items) < first:
			p.items = append(p.items, i)
		default:
			p.after = true
		}
	}
	p.keys = make([]string, len(p.items))
	for j, i := range p.items {
		p.keys[j] = ix.key(i, order)
	}
	return p
}
