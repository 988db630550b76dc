package graph

import (
	"context"
	"fmt"
	"iter"

	"github.com/dgraph-io/badger/v4"
)

// DropGraph removes graph g (the zero Term: the default graph) at once:
// readers see the whole graph until DropGraph commits and none of it after.
// Dropping a graph the store does not hold is a no-op.
func (s *Store) DropGraph(ctx context.Context, g Term) error {
	if err := s.checkWritable(); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var gid uint64
	if !g.IsZero() {
		err := s.db.View(func(txn *badger.Txn) error {
			var err error
			gid, err = lookupID(txn, encodeTerm(nil, g))
			return err
		})
		if err != nil {
			return fmt.Errorf("graph: drop %s: %w", g, err)
		}
		if gid == 0 {
			return nil
		}
	}
	seg, ok := s.segs.byGraph[gid]
	if !ok {
		return nil
	}
	s.mu.Lock()
	err := s.db.Update(func(txn *badger.Txn) error {
		return txn.Set(segKey(seg), segValue(gid, segDead))
	})
	if err == nil {
		s.segs = s.segs.with(gid, 0)
	}
	s.mu.Unlock()
	if err != nil {
		return fmt.Errorf("graph: drop %s: %w", g, noSpace(err))
	}
	if err := s.deleteSegment(ctx, seg); err != nil {
		s.opts.Logger.Warn("delete dropped segment", "segment", seg, "err", err)
	}
	return nil
}

// ReplaceGraph replaces the content of graph g with quads, atomically. The
// quads' own graph is ignored: all go into g. On error (from quads or from
// the store) g is unchanged.
func (s *Store) ReplaceGraph(ctx context.Context, g Term, quads iter.Seq2[Quad, error]) (LoadStats, error) {
	l, err := s.NewLoader(ctx)
	if err != nil {
		return LoadStats{}, err
	}
	n := 0
	for q, err := range quads {
		if err != nil {
			return LoadStats{}, joinAbort(err, l)
		}
		q.G = g
		if err := l.Add(q); err != nil {
			return LoadStats{}, joinAbort(err, l)
		}
		n++
	}
	if n == 0 {
		if err := l.Abort(); err != nil {
			return LoadStats{}, err
		}
		return LoadStats{}, s.DropGraph(ctx, g)
	}
	return l.Commit()
}

func joinAbort(err error, l *Loader) error {
	if aerr := l.Abort(); aerr != nil {
		return fmt.Errorf("%w (and abort: %v)", err, aerr)
	}
	return err
}
