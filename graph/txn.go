package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// Txn is a small atomic write: quads added and deleted in a Txn become
// visible together when [Store.Update] returns nil, and survive a crash from
// then on. A Txn also sees its own writes through [Txn.Has].
type Txn struct {
	s        *Store
	ctx      context.Context
	txn      *badger.Txn
	nextID   uint64
	nextSeg  uint64
	segs     *segTable
	newSegs  bool
	newTerms map[string]uint64 // encoded term -> id, terms created by this Txn
	newIDs   map[uint64]Term
	deltas   map[counterRef]int64
	keyBuf   []byte
	// textDocs and textWords count the literals and words this Txn added
	// to the text index.
	textDocs, textWords int64
}

type counterRef struct {
	seg  uint64
	kind byte
	id   uint64
}

// Update runs fn in a write transaction. If fn returns nil, the changes are
// committed and durable (synced to disk) when Update returns; otherwise
// nothing fn did is kept. Writers are serialised.
func (s *Store) Update(ctx context.Context, fn func(*Txn) error) error {
	if err := s.checkWritable(); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.checkSpace(0); err != nil {
		return err
	}
	t := &Txn{
		s: s, ctx: ctx, txn: s.db.NewTransaction(true),
		nextID: s.nextID, nextSeg: s.nextSeg, segs: s.segs,
		newTerms: map[string]uint64{}, newIDs: map[uint64]Term{},
		deltas: map[counterRef]int64{},
	}
	defer t.txn.Discard()
	if err := fn(t); err != nil {
		return err
	}
	if err := t.finish(); err != nil {
		return txnError(err)
	}
	commit := func() error { return t.txn.Commit() }
	var err error
	if t.newSegs {
		s.mu.Lock()
		if err = commit(); err == nil {
			s.segs = t.segs
		}
		s.mu.Unlock()
	} else {
		err = commit()
	}
	if err != nil {
		return txnError(err)
	}
	s.nextID, s.nextSeg = t.nextID, t.nextSeg
	for id, term := range t.newIDs {
		s.terms.put(id, term)
	}
	return nil
}

func txnError(err error) error {
	if errors.Is(err, badger.ErrTxnTooBig) {
		return ErrTooBig
	}
	return fmt.Errorf("graph: commit: %w", noSpace(err))
}

// finish writes the counter deltas and id counters into the transaction.
func (t *Txn) finish() error {
	for ref, d := range t.deltas {
		if d == 0 {
			continue
		}
		key := counterKey(ref.seg, ref.kind, ref.id)
		n, err := readCounter(t.txn, key)
		if err != nil {
			return err
		}
		if n+d == 0 {
			err = t.txn.Delete(key)
		} else {
			err = t.txn.Set(key, be64(uint64(n+d)))
		}
		if err != nil {
			return err
		}
	}
	if err := addTextCounters(t.txn, t.textDocs, t.textWords); err != nil {
		return err
	}
	if t.nextID != t.s.nextID {
		if err := t.txn.Set(metaNextID, be64(t.nextID)); err != nil {
			return err
		}
	}
	if t.nextSeg != t.s.nextSeg {
		if err := t.txn.Set(metaNextSeg, be64(t.nextSeg)); err != nil {
			return err
		}
	}
	return nil
}

func be64(v uint64) []byte {
	b := make([]byte, 8)
	putID(b, v)
	return b
}

// id returns the id of t, creating a dictionary entry when create is set.
func (t *Txn) id(term Term, create bool) (uint64, error) {
	enc := encodeTerm(nil, term)
	if id, ok := t.newTerms[string(enc)]; ok {
		return id, nil
	}
	id, err := lookupID(t.txn, enc)
	if err != nil || id != 0 || !create {
		return id, err
	}
	id = t.nextID
	t.nextID++
	if err := t.txn.Set(termKey(enc), be64(id)); err != nil {
		return 0, err
	}
	if err := t.txn.Set(idKey(id), enc); err != nil {
		return 0, err
	}
	if err := t.indexText(id, term); err != nil {
		return 0, err
	}
	t.newTerms[string(enc)] = id
	t.newIDs[id] = term
	return id, nil
}

// ids returns the ids of q's terms (graph id 0 for the default graph) and
// q's segment. With create unset, ok is false when a term or the graph is
// unknown.
func (t *Txn) ids(q Quad, create bool) (ids [4]uint64, g uint64, ok bool, err error) {
	for i, term := range [3]Term{q.S, q.P, q.O} {
		if ids[i], err = t.id(term, create); err != nil || ids[i] == 0 {
			return ids, 0, false, err
		}
	}
	if !q.G.IsZero() {
		if g, err = t.id(q.G, create); err != nil || g == 0 {
			return ids, 0, false, err
		}
	}
	seg, live := t.segs.byGraph[g]
	if !live {
		if !create {
			return ids, g, false, nil
		}
		seg = t.nextSeg
		t.nextSeg++
		if err := t.txn.Set(segKey(seg), segValue(g, segLive)); err != nil {
			return ids, g, false, err
		}
		t.segs = t.segs.with(g, seg)
		t.newSegs = true
	}
	ids[posG] = seg
	return ids, g, true, nil
}

func (t *Txn) exists(q [4]uint64) (bool, error) {
	t.keyBuf = appendIndexKey(t.keyBuf[:0], &indexes[0], q)
	_, err := t.txn.Get(t.keyBuf)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// subjectIn reports whether subject s has any quad in segment seg.
func (t *Txn) subjectIn(seg, s uint64) bool {
	prefix := make([]byte, 1+2*idWidth)
	prefix[0] = indexes[3].tag // GSPO
	putID(prefix[1:], seg)
	putID(prefix[1+idWidth:], s)
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	it.Rewind()
	return it.Valid()
}

// Add adds q. Adding a quad the store holds already is a no-op.
func (t *Txn) Add(q Quad) error {
	if err := q.Validate(); err != nil {
		return err
	}
	if err := t.ctx.Err(); err != nil {
		return err
	}
	ids, _, _, err := t.ids(q, true)
	if err != nil {
		return txnError(err)
	}
	if found, err := t.exists(ids); err != nil || found {
		return err
	}
	seg := ids[posG]
	if !t.subjectIn(seg, ids[posS]) {
		t.deltas[counterRef{seg, countSubjects, 0}]++
	}
	for i := range indexes {
		if err := t.txn.Set(appendIndexKey(nil, &indexes[i], ids), nil); err != nil {
			return txnError(err)
		}
	}
	t.count(seg, q, ids, 1)
	return nil
}

func (t *Txn) count(seg uint64, q Quad, ids [4]uint64, d int64) {
	t.edited(seg)
	t.deltas[counterRef{seg, countQuads, 0}] += d
	t.deltas[counterRef{seg, countPredicate, ids[posP]}] += d
	if q.P.Kind == KindIRI && q.P.Value == RDFType {
		t.deltas[counterRef{seg, countClass, ids[posO]}] += d
	}
}

// edited moves segment seg's edit count on by one for this Txn, however
// many of its quads the Txn adds or deletes (see [GraphState]).
func (t *Txn) edited(seg uint64) {
	t.deltas[counterRef{seg, countEdits, 0}] = 1
}

// Delete removes q. Deleting a quad the store does not hold is a no-op.
func (t *Txn) Delete(q Quad) error {
	if err := t.ctx.Err(); err != nil {
		return err
	}
	ids, _, ok, err := t.ids(q, false)
	if err != nil || !ok {
		return err
	}
	if found, err := t.exists(ids); err != nil || !found {
		return err
	}
	for i := range indexes {
		if err := t.txn.Delete(appendIndexKey(nil, &indexes[i], ids)); err != nil {
			return txnError(err)
		}
	}
	seg := ids[posG]
	if !t.subjectIn(seg, ids[posS]) {
		t.deltas[counterRef{seg, countSubjects, 0}]--
	}
	t.count(seg, q, ids, -1)
	return nil
}

// Has reports whether the store, with this Txn's changes so far, holds q.
func (t *Txn) Has(q Quad) (bool, error) {
	ids, _, ok, err := t.ids(q, false)
	if err != nil || !ok {
		return false, err
	}
	return t.exists(ids)
}

// DeleteMatch deletes every quad matching p and returns how many it
// deleted. It reads the matches into memory first, so it is for small sets
// (a description to replace); use DropGraph for a whole graph.
func (t *Txn) DeleteMatch(p Pattern) (int, error) {
	if err := t.ctx.Err(); err != nil {
		return 0, err
	}
	var ip IDPattern
	ip.DefaultGraph = p.DefaultGraph
	for _, x := range []struct {
		term Term
		id   *uint64
	}{{p.S, &ip.S}, {p.P, &ip.P}, {p.O, &ip.O}, {p.G, &ip.G}} {
		if x.term.IsZero() {
			continue
		}
		id, err := t.id(x.term, false)
		if err != nil || id == 0 {
			return 0, err
		}
		*x.id = id
	}
	// Plan the scan as a View would, over this transaction's segments.
	v := &View{s: t.s, ctx: t.ctx, txn: t.txn, segs: t.segs}
	sc, ok := v.plan(ip)
	if !ok {
		return 0, nil
	}
	var found [][4]uint64
	it := t.txn.NewIterator(badger.IteratorOptions{Prefix: sc.prefix})
	for it.Rewind(); it.Valid(); it.Next() {
		q := decodeIndexKey(sc.ix, it.Item().Key())
		if _, live := t.segs.graphOf[q[posG]]; live {
			found = append(found, q)
		}
	}
	it.Close()
	typeID, err := t.id(IRI(RDFType), false)
	if err != nil {
		return 0, err
	}
	for _, q := range found {
		for i := range indexes {
			if err := t.txn.Delete(appendIndexKey(nil, &indexes[i], q)); err != nil {
				return 0, txnError(err)
			}
		}
		seg := q[posG]
		if !t.subjectIn(seg, q[posS]) {
			t.deltas[counterRef{seg, countSubjects, 0}]--
		}
		t.edited(seg)
		t.deltas[counterRef{seg, countQuads, 0}]--
		t.deltas[counterRef{seg, countPredicate, q[posP]}]--
		if typeID != 0 && q[posP] == typeID {
			t.deltas[counterRef{seg, countClass, q[posO]}]--
		}
	}
	return len(found), nil
}
