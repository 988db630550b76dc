package graph

import (
	"context"
	"encoding/binary"
	"fmt"

	"github.com/dgraph-io/badger/v4"
)

// A segment is one version of one graph's content. Index keys carry the
// segment id in the graph position; the segment table maps each graph to its
// one live segment. This indirection is what makes graph replacement atomic
// at any size: a load writes a new, pending segment while readers keep
// seeing the old one, and a single small transaction then makes the new
// segment live and the old one dead. Dead and pending segments are invisible
// to readers and their keys are deleted afterwards (or at the next Open, if
// the process died first).

// Segment states, the last byte of a segment key's value.
const (
	segPending byte = 0
	segLive    byte = 1
	segDead    byte = 2
)

// segTable is an immutable snapshot of the live segments.
type segTable struct {
	byGraph map[uint64]uint64 // graph term id (0: default graph) -> live segment
	graphOf map[uint64]uint64 // live segment -> graph term id
	other   []uint64          // pending and dead segments, for repair
}

func readSegments(txn *badger.Txn) (*segTable, error) {
	t := &segTable{byGraph: map[uint64]uint64{}, graphOf: map[uint64]uint64{}}
	it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 100, Prefix: []byte{tagSeg}})
	defer it.Close()
	for it.Rewind(); it.Valid(); it.Next() {
		item := it.Item()
		k := item.Key()
		if len(k) != 1+idWidth {
			return nil, fmt.Errorf("graph: malformed segment key %x", k)
		}
		seg := getID(k[1:])
		var graphID uint64
		var state byte
		err := item.Value(func(v []byte) error {
			if len(v) != idWidth+1 {
				return fmt.Errorf("graph: malformed segment %d value %x", seg, v)
			}
			graphID, state = getID(v), v[idWidth]
			return nil
		})
		if err != nil {
			return nil, err
		}
		if state == segLive {
			t.byGraph[graphID] = seg
			t.graphOf[seg] = graphID
		} else {
			t.other = append(t.other, seg)
		}
	}
	return t, nil
}

// with returns a copy of t where graph g's live segment is seg (0 removes
// the graph).
func (t *segTable) with(g, seg uint64) *segTable {
	n := &segTable{byGraph: make(map[uint64]uint64, len(t.byGraph)+1), graphOf: make(map[uint64]uint64, len(t.graphOf)+1)}
	for k, v := range t.byGraph {
		if k != g {
			n.byGraph[k] = v
			n.graphOf[v] = k
		}
	}
	if seg != 0 {
		n.byGraph[g] = seg
		n.graphOf[seg] = g
	}
	return n
}

func segValue(graphID uint64, state byte) []byte {
	v := binary.BigEndian.AppendUint64(make([]byte, 0, idWidth+1), graphID)
	return append(v, state)
}

// repair deletes what interrupted or replaced loads left behind: the keys of
// pending and dead segments, and dictionary entries at or above nextID
// (written by a load that never committed).
func (s *Store) repair() error {
	ctx := context.Background()
	for _, seg := range s.segs.other {
		if err := s.deleteSegment(ctx, seg); err != nil {
			return err
		}
	}
	s.segs.other = nil
	return s.deleteTermsFrom(s.nextID)
}

// deleteSegment removes every key of segment seg, then the segment key.
// The segment must not be live.
func (s *Store) deleteSegment(ctx context.Context, seg uint64) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	gspo := &indexes[3]
	prefix := make([]byte, 1+idWidth)
	prefix[0] = gspo.tag
	putID(prefix[1:], seg)
	key := make([]byte, 0, indexKeyLen)
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			q := decodeIndexKey(gspo, it.Item().Key())
			for i := range indexes {
				key = appendIndexKey(key[:0], &indexes[i], q)
				if err := wb.Delete(append([]byte(nil), key...)); err != nil {
					return err
				}
			}
		}
		cp := make([]byte, 1+idWidth)
		cp[0] = tagCount
		putID(cp[1:], seg)
		it2 := txn.NewIterator(badger.IteratorOptions{Prefix: cp})
		defer it2.Close()
		for it2.Rewind(); it2.Valid(); it2.Next() {
			if err := wb.Delete(it2.Item().KeyCopy(nil)); err != nil {
				return err
			}
		}
		return wb.Delete(segKey(seg))
	})
	if err != nil {
		return fmt.Errorf("graph: delete segment %d: %w", seg, err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("graph: delete segment %d: %w", seg, noSpace(err))
	}
	return nil
}

// deleteTermsFrom deletes dictionary entries with ids >= from.
func (s *Store) deleteTermsFrom(from uint64) error {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, Prefix: []byte{tagID}})
		defer it.Close()
		words := map[string]bool{}
		for it.Seek(idKey(from)); it.Valid(); it.Next() {
			item := it.Item()
			enc, err := item.ValueCopy(nil)
			if err != nil {
				return err
			}
			if t, err := decodeTerm(enc); err == nil && indexable(t) {
				for _, w := range Words(t.Value) {
					words[w] = true
				}
			}
			if err := wb.Delete(termKey(enc)); err != nil {
				return err
			}
			if err := wb.Delete(item.KeyCopy(nil)); err != nil {
				return err
			}
		}
		return deleteWordsFrom(txn, wb, words, from)
	})
	if err != nil {
		return fmt.Errorf("graph: delete uncommitted terms: %w", err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("graph: delete uncommitted terms: %w", noSpace(err))
	}
	return nil
}
