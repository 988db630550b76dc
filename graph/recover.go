package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Recovery after a crash.
//
// A process killed while it held the store read-write leaves two things
// behind, and Open deals with both.
//
// badger's write-ahead log (a memtable file) longer than its last entry:
// a read-write open truncates it, but a read-only open refuses with "Log
// truncate required ... data loss", although the entries are all there. So
// a read-only Open that meets this takes the store alone for a moment
// (only when no other process has it open), opens it read-write once so
// that badger truncates the log, closes it, and opens it read-only again
// (openRecovering), and logs that it did.
//
// The keys of a load that never committed, or of a graph's content that a
// committed load replaced: a segment no graph uses (segments.go). Readers
// never see them, so they need not go before the store opens. Deleting
// them writes a tombstone per key, six per quad: tens of seconds after a
// large load, and the next start waited for it with nothing logged. Open
// now only retires their ids (so that nothing reuses them) and makes sure
// a record of each is on disk; a background goroutine deletes their keys
// in chunks, logging its progress (cleanSegments). If the process dies
// again first, the next Open finds the records and starts over.

// errTruncateNeeded is the text of badger's error for a write-ahead log
// that a read-only open cannot use; badger formats it into a string, so
// errors.Is cannot find it.
var errTruncateNeeded = badger.ErrTruncateNeeded.Error()

// logReplay logs, when badger's write-ahead log holds entries not yet in
// its tables (memtable files are left only by a process that did not close
// the store), that badger replays them, which takes a while after a large
// write; it returns a function that logs the end.
func (s *Store) logReplay() func() {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return func() {}
	}
	var files int
	var size int64
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".mem") {
			continue
		}
		if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			files++
			size += allocated(info)
		}
	}
	if files == 0 {
		return func() {}
	}
	start := time.Now()
	s.opts.Logger.Info("the store was not closed cleanly; badger replays its write-ahead log", "dir", s.dir, "files", files, "bytes", size)
	return func() {
		s.opts.Logger.Info("replayed the write-ahead log", "took", time.Since(start).Round(time.Millisecond))
	}
}

// openRecovering opens badger with bo. When a read-only open fails because
// a killed process left badger's log untruncated, it recovers as the
// comment above says, and retries.
func (s *Store) openRecovering(bo badger.Options) (*badger.DB, error) {
	if !s.opts.InMemory {
		defer s.logReplay()()
	}
	db, err := badger.Open(bo)
	if err == nil || !s.opts.ReadOnly || !strings.Contains(err.Error(), errTruncateNeeded) {
		return db, err
	}
	log := s.opts.Logger
	log.Warn("the store was not closed cleanly (a process holding it read-write was killed); recovering it before opening it read-only",
		"dir", s.dir, "badger", err.Error())
	start := time.Now()
	// Take the store alone: no one else may have it open while badger
	// truncates its log.
	s.unlock()
	lock, lerr := lockDir(s.dir, false)
	if lerr != nil {
		if errors.Is(lerr, ErrLocked) {
			return nil, fmt.Errorf("%w: %s was not closed cleanly and needs a moment alone to recover, but another civicgraph has it open; stop it, or open the store read-write once", ErrLocked, s.dir)
		}
		return nil, fmt.Errorf("graph: recover store %s, which was not closed cleanly: %w (badger: %v)", s.dir, lerr, err)
	}
	if rerr := removeEmptyLogs(s.dir, log); rerr != nil {
		lock.Close()
		return nil, rerr
	}
	rw := bo.WithReadOnly(false)
	db, err = badger.Open(rw)
	if err == nil {
		err = db.Close()
	}
	// Back to a shared lock for the read-only open.
	lock.Close()
	if err != nil {
		return nil, fmt.Errorf("graph: recover store %s, which was not closed cleanly: %w", s.dir, noSpace(err))
	}
	if s.lock, err = lockDir(s.dir, true); err != nil {
		return nil, err
	}
	log.Info("recovered the store: badger kept every whole entry of its log and cut the unfinished tail, which no write was acknowledged for", "dir", s.dir, "took", time.Since(start).Round(time.Millisecond))
	return badger.Open(bo)
}

// cleanChunk is how many quads' keys cleanSegments deletes at a time.
const cleanChunk = 100_000

// cleanLogEvery is how often cleanSegments logs its progress.
const cleanLogEvery = 5 * time.Second

// cleanSegments deletes the keys of segs, segments that no graph uses, in
// the background (see the comment at the top). It holds gcMu a chunk at a
// time: an incremental load (which blocks badger's other writes) waits for
// the chunk, and value-log GC runs between them.
func (s *Store) cleanSegments(segs []uint64) {
	defer s.wg.Done()
	log := s.opts.Logger
	start, logged := time.Now(), time.Now()
	var quads int64
	log.Info("deleting in the background what interrupted or replaced loads left (readers do not see it)", "segments", len(segs))
	for i, seg := range segs {
		var from []byte
		for {
			s.gcMu.Lock()
			next, n, done, err := s.deleteSegmentChunk(s.ctx, seg, from, cleanChunk)
			s.gcMu.Unlock()
			from = next
			quads += n
			if err != nil {
				if s.ctx.Err() == nil {
					log.Warn("background clean-up stopped; the next open retries", "segment", seg, "err", err)
				}
				return
			}
			if time.Since(logged) >= cleanLogEvery {
				log.Info("background clean-up", "segment", i+1, "of", len(segs), "quads_deleted", quads, "elapsed", time.Since(start).Round(time.Second))
				logged = time.Now()
			}
			if done {
				break
			}
		}
	}
	log.Info("background clean-up done", "segments", len(segs), "quads_deleted", quads, "took", time.Since(start).Round(time.Millisecond))
}

// deleteSegmentChunk deletes the keys of up to max quads of segment seg,
// which must not be live, from its GSPO key from on (nil: the first), and
// returns the key to go on from. When none is left, it deletes the
// segment's counters and its record (last, so that a crash before leaves
// the record for the next Open); done says the segment is gone.
func (s *Store) deleteSegmentChunk(ctx context.Context, seg uint64, from []byte, max int) (next []byte, n int64, done bool, err error) {
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	gspo := &indexes[3]
	prefix := make([]byte, 1+idWidth)
	prefix[0] = gspo.tag
	putID(prefix[1:], seg)
	key := make([]byte, 0, indexKeyLen)
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
		defer it.Close()
		if from == nil {
			from = prefix
		}
		for it.Seek(from); it.Valid(); it.Next() {
			if n == int64(max) {
				next = it.Item().KeyCopy(nil)
				return nil
			}
			if n++; n%1024 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			q := decodeIndexKey(gspo, it.Item().Key())
			for i := range indexes {
				key = appendIndexKey(key[:0], &indexes[i], q)
				if err := wb.Delete(slices.Clone(key)); err != nil {
					return err
				}
			}
		}
		done = true
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
		return nil
	})
	if err == nil {
		err = wb.Flush()
	}
	if err == nil && done {
		// The record goes last, in its own write, once every key is gone.
		err = s.db.Update(func(txn *badger.Txn) error { return txn.Delete(segKey(seg)) })
	}
	if err != nil {
		return nil, n, false, fmt.Errorf("graph: delete segment %d: %w", seg, noSpace(err))
	}
	return next, n, done, nil
}

// repairAtOpen readies a store that a process may have left in the middle
// of a write: it deletes dictionary entries at or above nextID (written by
// a load that never committed; few), retires the ids of the segments no
// graph uses, and leaves their keys to cleanSegments (returned).
func (s *Store) repairAtOpen(more []uint64) ([]uint64, error) {
	segs := append(slices.Clone(s.segs.other), more...)
	slices.Sort(segs)
	segs = slices.Compact(segs)
	s.segs.other = nil
	if len(segs) > 0 {
		if err := s.advanceNextSeg(segs[len(segs)-1] + 1); err != nil {
			return nil, err
		}
	}
	if err := s.deleteTermsFrom(s.nextID); err != nil {
		return nil, err
	}
	return segs, nil
}
