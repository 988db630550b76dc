package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/dgraph-io/badger/v4"
)

// ID is a term's fixed-width id in the dictionary. 0 is no term; in the
// graph position of an [IDQuad], 0 is the default graph.
type ID = uint64

// IDQuad is a quad of term ids. G is the graph's term id, 0 for the default
// graph.
type IDQuad struct {
	S, P, O, G ID
}

// Pattern selects quads. A zero term is a wildcard. To match only the
// default graph, set DefaultGraph (and leave G zero).
type Pattern struct {
	S, P, O, G   Term
	DefaultGraph bool
}

// IDPattern is a [Pattern] of term ids: 0 is a wildcard, except that with
// DefaultGraph set, G must be 0 and only the default graph matches.
type IDPattern struct {
	S, P, O, G   ID
	DefaultGraph bool
}

// View is a consistent, read-only snapshot of the store. It sees every write
// committed before it was opened and none after. A View is not safe for
// concurrent use; open one per goroutine.
type View struct {
	s    *Store
	ctx  context.Context
	txn  *badger.Txn
	segs *segTable
	// idle holds open iterators for reuse, by index tag: creating a badger
	// iterator costs microseconds, which dominates the small scans of a
	// join. Nested scans take distinct iterators.
	idle map[byte][]*badger.Iterator
}

// View runs fn on a snapshot of the store. The snapshot is released when fn
// returns; fn must not keep the View.
func (s *Store) View(ctx context.Context, fn func(*View) error) error {
	v, err := s.openView(ctx)
	if err != nil {
		return err
	}
	defer v.close()
	return fn(v)
}

// close releases the View's iterators and its transaction.
func (v *View) close() {
	for _, its := range v.idle {
		for _, it := range its {
			it.Close()
		}
	}
	v.idle = nil
	v.txn.Discard()
	v.s.openViews.Add(-1)
}

// iterator returns an open key-only iterator for the index with tag,
// reused from earlier scans when one is idle.
func (v *View) iterator(tag byte) *badger.Iterator {
	if its := v.idle[tag]; len(its) > 0 {
		it := its[len(its)-1]
		v.idle[tag] = its[:len(its)-1]
		return it
	}
	return v.txn.NewIterator(badger.IteratorOptions{})
}

// release returns an iterator for reuse.
func (v *View) release(tag byte, it *badger.Iterator) {
	if v.idle == nil {
		v.idle = map[byte][]*badger.Iterator{}
	}
	v.idle[tag] = append(v.idle[tag], it)
}

func (s *Store) openView(ctx context.Context) (*View, error) {
	if s.ctx.Err() != nil {
		return nil, ErrClosed
	}
	s.mu.RLock()
	s.openViews.Add(1)
	txn := s.db.NewTransaction(false)
	segs := s.segs
	s.mu.RUnlock()
	return &View{s: s, ctx: ctx, txn: txn, segs: segs}, nil
}

// Lookup returns the id of term t, or 0 when the store has never seen it.
func (v *View) Lookup(t Term) (ID, error) {
	if t.IsZero() {
		return 0, nil
	}
	id, err := lookupID(v.txn, encodeTerm(nil, t))
	if err != nil {
		return 0, fmt.Errorf("graph: look up %s: %w", t, err)
	}
	return id, nil
}

// Resolve returns the term with id. Resolve(0) is the zero Term.
func (v *View) Resolve(id ID) (Term, error) {
	if id == 0 {
		return Term{}, nil
	}
	if t, ok := v.s.terms.get(id); ok {
		return t, nil
	}
	t, err := loadTerm(v.txn, id)
	if err != nil {
		return Term{}, err
	}
	v.s.terms.put(id, t)
	return t, nil
}

// ResolveAll resolves ids, which must be in increasing order, calling fn
// with each one's position and term. It reads the dictionary in one pass,
// stepping from one id to the next, which is several times faster than
// [View.Resolve] one by one when the ids lie close together (the
// instances of a class a load created).
func (v *View) ResolveAll(ids []ID, fn func(i int, t Term) error) error {
	it := v.iterator(tagID)
	defer v.release(tagID, it)
	positioned := false
	for i, id := range ids {
		if i&1023 == 1023 {
			if err := v.ctx.Err(); err != nil {
				return err
			}
		}
		if i > 0 && id <= ids[i-1] {
			return fmt.Errorf("graph: ResolveAll: id %d after %d: want increasing ids", id, ids[i-1])
		}
		t, ok := v.s.terms.get(id)
		if !ok {
			key := idKey(id)
			// A few steps forward cost less than a seek through every
			// level of the tree.
			for n := 0; positioned && it.Valid() && bytes.Compare(it.Item().Key(), key) < 0 && n < 16; n++ {
				it.Next()
			}
			if !positioned || !it.Valid() || !bytes.Equal(it.Item().Key(), key) {
				it.Seek(key)
				positioned = true
			}
			if !it.Valid() || !bytes.Equal(it.Item().Key(), key) {
				return fmt.Errorf("graph: term id %d: %w", id, badger.ErrKeyNotFound)
			}
			err := it.Item().Value(func(val []byte) error {
				var err error
				t, err = decodeTerm(val)
				return err
			})
			if err != nil {
				return err
			}
			v.s.terms.put(id, t)
		}
		if err := fn(i, t); err != nil {
			return err
		}
	}
	return nil
}

// ResolveQuad turns an IDQuad into a Quad.
func (v *View) ResolveQuad(q IDQuad) (Quad, error) {
	var out Quad
	var err error
	if out.S, err = v.Resolve(q.S); err != nil {
		return out, err
	}
	if out.P, err = v.Resolve(q.P); err != nil {
		return out, err
	}
	if out.O, err = v.Resolve(q.O); err != nil {
		return out, err
	}
	out.G, err = v.Resolve(q.G)
	return out, err
}

// ToIDs translates a Pattern into an IDPattern. ok is false when a bound
// term is not in the store, so nothing can match.
func (v *View) ToIDs(p Pattern) (ip IDPattern, ok bool, err error) {
	ip.DefaultGraph = p.DefaultGraph
	for _, x := range []struct {
		t  Term
		id *ID
	}{{p.S, &ip.S}, {p.P, &ip.P}, {p.O, &ip.O}, {p.G, &ip.G}} {
		if x.t.IsZero() {
			continue
		}
		if *x.id, err = v.Lookup(x.t); err != nil || *x.id == 0 {
			return ip, false, err
		}
	}
	return ip, true, nil
}

// scan describes one prefix scan answering an IDPattern.
type scan struct {
	ix       *index
	prefix   []byte
	anyGraph bool // the graph position is unbound: filter out segments that are not live
}

// plan picks the index and prefix for p. ok is false when the pattern names
// a graph with no live segment, so nothing can match.
func (v *View) plan(p IDPattern) (sc scan, ok bool) {
	q := [4]uint64{p.S, p.P, p.O, 0}
	bound := [4]bool{p.S != 0, p.P != 0, p.O != 0, p.DefaultGraph || p.G != 0}
	if bound[posG] {
		seg, live := v.segs.byGraph[p.G]
		if !live {
			return sc, false
		}
		q[posG] = seg
	}
	ix, n := chooseIndex(bound)
	prefix := make([]byte, 1, 1+n*idWidth)
	prefix[0] = ix.tag
	for k := 0; k < n; k++ {
		prefix = append(prefix, make([]byte, idWidth)...)
		putID(prefix[1+k*idWidth:], q[ix.order[k]])
	}
	return scan{ix: ix, prefix: prefix, anyGraph: !bound[posG]}, true
}

// MatchIDs yields the quads matching p, in the order of the index that
// serves p. Iteration stops early when the loop breaks, and with an error
// when the View's context is cancelled.
func (v *View) MatchIDs(p IDPattern) iter.Seq2[IDQuad, error] {
	return func(yield func(IDQuad, error) bool) {
		sc, ok := v.plan(p)
		if !ok {
			return
		}
		it := v.iterator(sc.ix.tag)
		defer v.release(sc.ix.tag, it)
		n := 0
		for it.Seek(sc.prefix); it.ValidForPrefix(sc.prefix); it.Next() {
			if n++; n&1023 == 0 {
				if err := v.ctx.Err(); err != nil {
					yield(IDQuad{}, err)
					return
				}
			}
			k := it.Item().Key()
			if len(k) != indexKeyLen {
				yield(IDQuad{}, fmt.Errorf("graph: malformed %s key %x", sc.ix.name, k))
				return
			}
			q := decodeIndexKey(sc.ix, k)
			g, live := v.segs.graphOf[q[posG]]
			if !live {
				continue
			}
			if !yield(IDQuad{S: q[posS], P: q[posP], O: q[posO], G: g}, nil) {
				return
			}
		}
	}
}

// Match yields the quads matching p with their terms resolved.
func (v *View) Match(p Pattern) iter.Seq2[Quad, error] {
	return func(yield func(Quad, error) bool) {
		ip, ok, err := v.ToIDs(p)
		if err != nil {
			yield(Quad{}, err)
			return
		}
		if !ok {
			return
		}
		for iq, err := range v.MatchIDs(ip) {
			if err != nil {
				yield(Quad{}, err)
				return
			}
			q, err := v.ResolveQuad(iq)
			if !yield(q, err) || err != nil {
				return
			}
		}
	}
}

// Count returns the exact number of quads matching p. Patterns with no
// bound position, only a predicate, only a graph, or rdf:type with a class
// are answered from the statistics counters; the rest count keys.
func (v *View) Count(p Pattern) (int64, error) {
	ip, ok, err := v.ToIDs(p)
	if err != nil || !ok {
		return 0, err
	}
	return v.CountIDs(ip)
}

// CountIDs is [View.Count] for an IDPattern.
func (v *View) CountIDs(p IDPattern) (int64, error) {
	graphBound := p.DefaultGraph || p.G != 0
	segs := v.liveSegs()
	if graphBound {
		seg, live := v.segs.byGraph[p.G]
		if !live {
			return 0, nil
		}
		segs = []uint64{seg}
	}
	switch {
	case p.S == 0 && p.P == 0 && p.O == 0:
		return v.sumCounter(segs, countQuads, 0)
	case p.S == 0 && p.P != 0 && p.O == 0:
		return v.sumCounter(segs, countPredicate, p.P)
	case p.S == 0 && p.P != 0 && p.O != 0:
		if t, err := v.Resolve(p.P); err == nil && t == IRI(RDFType) {
			return v.sumCounter(segs, countClass, p.O)
		}
	}
	sc, ok := v.plan(p)
	if !ok {
		return 0, nil
	}
	it := v.iterator(sc.ix.tag)
	defer v.release(sc.ix.tag, it)
	var n int64
	for it.Seek(sc.prefix); it.ValidForPrefix(sc.prefix); it.Next() {
		if n&1023 == 0 {
			if err := v.ctx.Err(); err != nil {
				return 0, err
			}
		}
		if sc.anyGraph {
			k := it.Item().Key()
			seg := getID(k[1+slotOf(sc.ix, posG)*idWidth:])
			if _, live := v.segs.graphOf[seg]; !live {
				continue
			}
		}
		n++
	}
	return n, nil
}

// slotOf returns the key slot holding quad position pos in index ix.
func slotOf(ix *index, pos int) int {
	for slot, p := range ix.order {
		if p == pos {
			return slot
		}
	}
	return 0
}

func (v *View) liveSegs() []uint64 {
	out := make([]uint64, 0, len(v.segs.graphOf))
	for seg := range v.segs.graphOf {
		out = append(out, seg)
	}
	return out
}

func (v *View) sumCounter(segs []uint64, kind byte, id uint64) (int64, error) {
	var total int64
	for _, seg := range segs {
		n, err := readCounter(v.txn, counterKey(seg, kind, id))
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

func readCounter(txn *badger.Txn, key []byte) (int64, error) {
	n, err := getUint64(txn, key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("graph: read counter: %w", err)
	}
	return int64(n), nil
}

// Graphs returns the graphs that hold at least one quad, the default graph
// (the zero Term) included when it does.
func (v *View) Graphs() ([]Term, error) {
	var out []Term
	for g, seg := range v.segs.byGraph {
		n, err := readCounter(v.txn, counterKey(seg, countQuads, 0))
		if err != nil {
			return nil, err
		}
		if n == 0 {
			continue
		}
		t, err := v.Resolve(g)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	sortTerms(out)
	return out, nil
}

// Match yields the quads matching p from a snapshot taken when iteration
// starts.
func (s *Store) Match(ctx context.Context, p Pattern) iter.Seq2[Quad, error] {
	return func(yield func(Quad, error) bool) {
		v, err := s.openView(ctx)
		if err != nil {
			yield(Quad{}, err)
			return
		}
		defer v.close()
		for q, err := range v.Match(p) {
			if !yield(q, err) {
				return
			}
		}
	}
}

// Count returns the exact number of quads matching p.
func (s *Store) Count(ctx context.Context, p Pattern) (n int64, err error) {
	err = s.View(ctx, func(v *View) error {
		n, err = v.Count(p)
		return err
	})
	return n, err
}

// Graphs returns the graphs that hold quads.
func (s *Store) Graphs(ctx context.Context) (gs []Term, err error) {
	err = s.View(ctx, func(v *View) error {
		gs, err = v.Graphs()
		return err
	})
	return gs, err
}
