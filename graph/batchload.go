package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// batchLoad writes a load into a non-empty store: dictionary entries and
// index keys go through a WriteBatch into new segments, which stay pending
// (invisible) until commit makes them live in one transaction.
type batchLoad struct {
	l       *Loader
	added   int64
	rtxn    *badger.Txn // snapshot for dictionary lookups of terms that existed before
	wb      *badger.WriteBatch
	startID uint64
	nextID  uint64
	nextSeg uint64
	known   map[string]uint64 // encoded term -> id, for terms seen in this load
	pending map[uint64]uint64 // graph term id (0: default) -> pending segment
	text    *textBuilder      // postings of the new literals
	buf     []byte
}

func newBatchLoad(l *Loader) (*batchLoad, error) {
	s := l.s
	return &batchLoad{
		l: l, rtxn: s.db.NewTransaction(false), wb: s.db.NewWriteBatch(),
		startID: s.nextID, nextID: s.nextID, nextSeg: s.nextSeg,
		known: map[string]uint64{}, pending: map[uint64]uint64{}, text: newTextBuilder(),
	}, nil
}

func (b *batchLoad) id(t Term) (uint64, error) {
	b.buf = encodeTerm(b.buf[:0], t)
	if id, ok := b.known[string(b.buf)]; ok {
		return id, nil
	}
	id, err := lookupID(b.rtxn, b.buf)
	if err != nil {
		return 0, err
	}
	if id == 0 {
		id = b.nextID
		b.nextID++
		enc := append([]byte(nil), b.buf...)
		if err := b.wb.Set(termKey(enc), be64(id)); err != nil {
			return 0, err
		}
		if err := b.wb.Set(idKey(id), enc); err != nil {
			return 0, err
		}
		b.text.add(id, t)
	}
	b.known[string(b.buf)] = id
	return id, nil
}

// segment returns the pending segment for graph g, creating it durably
// first so that a crash leaves a record of it for repair.
func (b *batchLoad) segment(g uint64) (uint64, error) {
	if seg, ok := b.pending[g]; ok {
		return seg, nil
	}
	seg := b.nextSeg
	b.nextSeg++
	err := b.l.s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set(segKey(seg), segValue(g, segPending)); err != nil {
			return err
		}
		return txn.Set(metaNextSeg, be64(b.nextSeg))
	})
	if err != nil {
		return 0, fmt.Errorf("graph: start segment: %w", noSpace(err))
	}
	b.l.s.nextSeg = b.nextSeg
	b.pending[g] = seg
	return seg, nil
}

func (b *batchLoad) add(q Quad) error {
	var ids [4]uint64
	var err error
	for i, t := range [3]Term{q.S, q.P, q.O} {
		if ids[i], err = b.id(t); err != nil {
			return fmt.Errorf("graph: load: %w", noSpace(err))
		}
	}
	var g uint64
	if !q.G.IsZero() {
		if g, err = b.id(q.G); err != nil {
			return fmt.Errorf("graph: load: %w", noSpace(err))
		}
	}
	if ids[posG], err = b.segment(g); err != nil {
		return err
	}
	if b.added++; b.added%spaceCheckEvery == 0 {
		if err := b.l.s.checkSpace(spaceCheckEvery * bytesPerQuad); err != nil {
			return err
		}
	}
	for i := range indexes {
		if err := b.wb.Set(appendIndexKey(nil, &indexes[i], ids), nil); err != nil {
			return fmt.Errorf("graph: load: %w", noSpace(err))
		}
	}
	return nil
}

// segmentCounts scans a segment's GSPO keys and returns its counters.
func segmentCounts(ctx context.Context, txn *badger.Txn, seg, typeID uint64) (map[counterRef]int64, error) {
	gspo := &indexes[3]
	prefix := make([]byte, 1+idWidth)
	prefix[0] = gspo.tag
	putID(prefix[1:], seg)
	counts := map[counterRef]int64{}
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	var prevS uint64
	n := 0
	for it.Rewind(); it.Valid(); it.Next() {
		if n++; n&1023 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		q := decodeIndexKey(gspo, it.Item().Key())
		counts[counterRef{seg, countQuads, 0}]++
		if q[posS] != prevS {
			counts[counterRef{seg, countSubjects, 0}]++
			prevS = q[posS]
		}
		counts[counterRef{seg, countPredicate, q[posP]}]++
		if typeID != 0 && q[posP] == typeID {
			counts[counterRef{seg, countClass, q[posO]}]++
		}
	}
	return counts, nil
}

func (b *batchLoad) commit() (LoadStats, error) {
	s := b.l.s
	ctx := b.l.ctx
	// The new literals' postings go in with their terms: an abort or a
	// repair deletes both.
	if err := b.text.each(func(k, v []byte) error { return b.wb.Set(k, v) }); err != nil {
		return LoadStats{}, fmt.Errorf("graph: load: %w", noSpace(err))
	}
	if err := b.wb.Flush(); err != nil {
		return LoadStats{}, fmt.Errorf("graph: load: %w", noSpace(err))
	}
	st := LoadStats{NewTerms: int64(b.nextID - b.startID), Graphs: len(b.pending)}
	counts := func(txn *badger.Txn, seg, typeID uint64) (map[counterRef]int64, error) {
		return segmentCounts(ctx, txn, seg, typeID)
	}
	if err := s.commitLoad(b.l, b.pending, counts, b.nextID, b.nextSeg, b.text, &st); err != nil {
		return st, err
	}
	b.rtxn.Discard()
	b.pending = nil // committed: abort must not delete them
	return st, nil
}

// commitLoad makes a load's pending segments (graph term id -> segment)
// live in one transaction, with their counters (from counts), the graphs'
// old segments dead, the id counters, the text counters, and the Loader's
// deletes and appends; then it deletes the dead segments. On error the
// store is unchanged and the pending segments are still pending.
func (s *Store) commitLoad(l *Loader, pending map[uint64]uint64, counts func(txn *badger.Txn, seg, typeID uint64) (map[counterRef]int64, error),
	nextID, nextSeg uint64, text *textBuilder, st *LoadStats) error {
	ctx := l.ctx
	l.report(PhaseCommitting, 0, 0)
	txn := s.db.NewTransaction(true)
	defer txn.Discard()
	typeID, err := lookupID(txn, encodeTerm(nil, IRI(RDFType)))
	if err != nil {
		return err
	}
	segs := s.segs
	var dead []uint64
	for g, seg := range pending {
		c, err := counts(txn, seg, typeID)
		if err != nil {
			return err
		}
		st.Quads += c[counterRef{seg, countQuads, 0}]
		for ref, n := range c {
			if err := txn.Set(counterKey(ref.seg, ref.kind, ref.id), be64(uint64(n))); err != nil {
				return err
			}
		}
		if old, ok := segs.byGraph[g]; ok {
			dead = append(dead, old)
			if err := txn.Set(segKey(old), segValue(g, segDead)); err != nil {
				return err
			}
		}
		if err := txn.Set(segKey(seg), segValue(g, segLive)); err != nil {
			return err
		}
		segs = segs.with(g, seg)
	}
	if err := txn.Set(metaNextID, be64(nextID)); err != nil {
		return err
	}
	if err := txn.Set(metaNextSeg, be64(nextSeg)); err != nil {
		return err
	}
	if err := addTextCounters(txn, text.docs, text.words); err != nil {
		return err
	}
	// Appended quads go in through the same transaction, as a Txn would
	// write them, on top of the segments just made live.
	t := &Txn{
		s: s, ctx: ctx, txn: txn, nextID: nextID, nextSeg: nextSeg, segs: segs,
		newTerms: map[string]uint64{}, newIDs: map[uint64]Term{}, deltas: map[counterRef]int64{},
	}
	for _, p := range l.deletes {
		if _, err := t.DeleteMatch(p); err != nil {
			return err
		}
	}
	for _, q := range l.appends {
		if err := t.Add(q); err != nil {
			return err
		}
	}
	for ref, d := range t.deltas {
		if ref.kind == countQuads {
			st.Quads += d
		}
	}
	if err := t.finish(); err != nil {
		return txnError(err)
	}
	s.mu.Lock()
	err = txn.Commit()
	if err == nil {
		s.segs = t.segs
		s.nextID, s.nextSeg = t.nextID, t.nextSeg
	}
	s.mu.Unlock()
	if err != nil {
		return txnError(err)
	}
	for id, term := range t.newIDs {
		s.terms.put(id, term)
	}
	// The load is committed; the dead keys are invisible, and deleted now
	// or, if the process dies first, by the next Open.
	s.deleteDead(l, dead)
	return nil
}

func (b *batchLoad) abort() error {
	s := b.l.s
	b.wb.Cancel()
	b.rtxn.Discard()
	var errs []error
	for _, seg := range b.pending {
		errs = append(errs, s.deleteSegment(context.Background(), seg))
	}
	if b.nextID != b.startID {
		errs = append(errs, s.deleteTermsFrom(b.startID))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("graph: clean up aborted load (the next Open retries): %w", err)
	}
	return nil
}
