package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// A load into a store that holds data can go through sorted tables too:
// badger's StreamWriter, prepared incrementally, writes the load's tables
// one level above the store's, at a badger version above every version the
// store holds (so they win over older keys whatever their level). The keys
// are the same as a batch load's: new dictionary entries, index keys in
// pending segments, segment records marked pending, postings of new
// literals. Then the usual commit transaction makes the segments live.
//
// Three things make this path narrower than the batch path:
//
//   - badger refuses it while its memtables hold data (recent small
//     writes); the load then takes the batch path. When level 0 holds
//     tables, badger first compacts the whole tree down, which costs a
//     rewrite of the store: then only a load of Options.FlattenMinQuads or
//     more into a store of at most maxFlatten bytes takes this path
//     (deferredLoad).
//   - badger blocks every other write from the start of the load to its
//     end; the store's own writers wait on writeMu anyway, and value-log GC
//     waits on gcMu.
//   - StreamWriter.Flush replaces badger's transaction oracle, and a read
//     transaction opened before and closed after that would crash badger.
//     So Flush runs with mu held and no View open: it waits for open Views
//     to close, for up to drainWait at a time while new ones wait, and lets
//     them in between tries (a View that opens another inside itself must
//     not deadlock).
//
// Crash safety: a marker file in the store's directory names the load's
// first term id and segments while it runs. If the process dies before the
// commit transaction, the next Open finds the marker and deletes what the
// load wrote (see repairIncremental); tables badger had not finished are not
// in its manifest and vanish with it.

// incremental is the state of a load into a store with data.
type incremental struct {
	rtxn    *badger.Txn // snapshot for looking up the terms the store holds
	segBase uint32      // first segment id of the load
	version uint64      // badger version of the load's keys
	marker  string      // path of the marker file ("" in memory)
	counts  map[counterRef]int64
}

// markerFile is the name of the marker of a running incremental load.
const markerFile = "civicgraph.loading"

// needsFlatten reports whether badger would compact the whole tree down
// (Flatten) before an incremental load, as it does when level 0 holds
// tables: that rewrites the store, 50 s for a small import into a 10M
// store, 5 s into a 1M one on a busy machine.
func needsFlatten(s *Store) bool {
	lv := s.db.Levels()
	return len(lv) > 0 && lv[0].NumTables > 0
}

// deferredLoad holds a load's first quads until it knows whether the load
// is large enough for the incremental path.
type deferredLoad struct {
	l    *Loader
	buf  []Quad
	mode loadMode // nil until decided
}

// loadMode is how a Loader writes.
type loadMode interface {
	add(q Quad) error
	commit() (LoadStats, error)
	abort() error
}

func (d *deferredLoad) add(q Quad) error {
	if d.mode != nil {
		return d.mode.add(q)
	}
	d.buf = append(d.buf, q)
	if len(d.buf) < d.l.s.opts.FlattenMinQuads {
		return nil
	}
	return d.decide(d.l.s.Size() <= maxFlatten)
}

// decide picks the incremental path (when big is set and badger takes it)
// or the batch path, and replays the quads held so far.
func (d *deferredLoad) decide(big bool) error {
	var err error
	if big {
		// badger's PrepareIncremental would Flatten itself, but its Flatten
		// starts the compactions PrepareIncremental has stopped, and a
		// compaction then collides with the load's tables ("Levels
		// Controller err: Inter: Biggest(j-1)" at Flush). So flatten first.
		d.l.report(PhaseCompacting, 0, 0)
		if ferr := d.l.s.db.Flatten(2); ferr != nil {
			d.l.s.opts.Logger.Warn("flatten before a load; the load takes the batch path", "err", ferr)
		} else {
			d.mode, err = newIncrementalLoad(d.l)
			if errors.Is(err, errNoIncremental) {
				d.mode, err = nil, nil
			}
		}
	}
	if err == nil && d.mode == nil {
		d.mode, err = newBatchLoad(d.l)
	}
	if err != nil {
		return err
	}
	for _, q := range d.buf {
		if err := d.mode.add(q); err != nil {
			return err
		}
	}
	d.buf = nil
	return nil
}

func (d *deferredLoad) commit() (LoadStats, error) {
	if d.mode == nil {
		if err := d.decide(false); err != nil {
			return LoadStats{}, err
		}
	}
	return d.mode.commit()
}

func (d *deferredLoad) abort() error {
	d.buf = nil
	if d.mode == nil {
		return nil
	}
	return d.mode.abort()
}

// maxFlatten is the largest store (bytes on disk) for which a load of
// Options.FlattenMinQuads or more is worth badger's Flatten.
const maxFlatten = 256 << 20

// drainWait is how long, at a time, a commit holds new Views back while it
// waits for the open ones to close.
const drainWait = 100 * time.Millisecond

// errNoIncremental says an incremental load cannot start; the load takes
// the batch path instead.
var errNoIncremental = errors.New("graph: no incremental load")

// newIncrementalLoad starts a load into a store with data through sorted
// tables, or returns errNoIncremental when badger cannot take one now.
func newIncrementalLoad(l *Loader) (*streamLoad, error) {
	s := l.s
	if s.nextID >= 1<<31 || s.nextSeg >= 1<<31 {
		return nil, errNoIncremental // ids are packed in 32 bits
	}
	if needsFlatten(s) {
		return nil, errNoIncremental
	}
	marker := ""
	if !s.opts.InMemory {
		marker = filepath.Join(s.dir, markerFile)
		if err := writeMarker(marker, s.nextID, s.nextSeg, 0); err != nil {
			return nil, err
		}
	}
	s.gcMu.Lock()
	sw := s.db.NewStreamWriter()
	if err := sw.PrepareIncremental(); err != nil {
		sw.Cancel() // resumes writes and compactions
		s.gcMu.Unlock()
		if marker != "" {
			os.Remove(marker)
		}
		s.opts.Logger.Debug("load takes the batch path", "reason", err)
		return nil, errNoIncremental
	}
	rtxn := s.db.NewTransaction(false)
	version := max(s.db.MaxVersion(), rtxn.ReadTs()) + 1
	return &streamLoad{
		l: l, sw: sw, w: newKVWriter(sw, "civicgraph.load", version), first: uint32(s.nextID),
		short: map[string]uint32{}, long: map[[32]byte]uint32{}, segOf: map[uint32]uint32{},
		text: newTextBuilder(),
		inc:  &incremental{rtxn: rtxn, segBase: uint32(s.nextSeg), version: version, marker: marker},
	}, nil
}

// writeMarker writes the marker of an incremental load durably: the first
// term id and segment of the load, and the segment after its last (0 until
// the load knows it).
func writeMarker(path string, firstID, segBase, segEnd uint64) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("graph: start load: %w", noSpace(err))
	}
	_, err = fmt.Fprintf(f, "civicgraph incremental load\nfirst-id %d\nfirst-segment %d\nend-segment %d\n", firstID, segBase, segEnd)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = syncDir(filepath.Dir(path))
	}
	if err != nil {
		return fmt.Errorf("graph: write load marker %s: %w", path, noSpace(err))
	}
	return nil
}

// readMarker reads a marker written by writeMarker.
func readMarker(path string) (firstID, segBase, segEnd uint64, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, 0, err
	}
	if !bytes.HasSuffix(data, []byte("\n")) {
		// Cut short by a crash while it was written (its last line, the
		// newline included, is written last): the load had not started
		// writing, and its first id and segment are the store's next ones.
		return 0, 0, 0, errShortMarker
	}
	vals := map[string]*uint64{"first-id": &firstID, "first-segment": &segBase, "end-segment": &segEnd}
	found := 0
	for _, line := range strings.Split(string(data), "\n") {
		name, val, ok := strings.Cut(line, " ")
		if p := vals[name]; ok && p != nil {
			if _, err := fmt.Sscan(val, p); err != nil {
				return 0, 0, 0, fmt.Errorf("graph: load marker %s is damaged (%s: %w); it names what an interrupted load wrote, so the store cannot be repaired without it", path, name, err)
			}
			found++
		}
	}
	if found != len(vals) {
		return 0, 0, 0, errShortMarker
	}
	return firstID, segBase, segEnd, nil
}

var errShortMarker = errors.New("graph: load marker is incomplete")

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// flushAlone runs sw.Flush with no View open (see the comment at the top).
func (s *Store) flushAlone(sw *badger.StreamWriter) error {
	warned := time.Now()
	for {
		s.mu.Lock()
		deadline := time.Now().Add(drainWait)
		for s.openViews.Load() > 0 && time.Now().Before(deadline) {
			time.Sleep(100 * time.Microsecond)
		}
		if s.openViews.Load() == 0 {
			err := sw.Flush()
			s.mu.Unlock()
			return err
		}
		s.mu.Unlock()
		if time.Since(warned) > 10*time.Second {
			s.opts.Logger.Warn("a load waits for open views to close before it commits", "open", s.openViews.Load())
			warned = time.Now()
		}
		time.Sleep(time.Millisecond)
	}
}

// endStream closes the kvWriter and flushes the StreamWriter, which ends
// badger's write block, and releases what the load held for it.
func (m *streamLoad) endStream() error {
	var err error
	if m.w != nil {
		err = m.w.close()
		m.w = nil
	}
	if m.inc.rtxn != nil {
		m.inc.rtxn.Discard()
		m.inc.rtxn = nil
	}
	if m.sw != nil {
		if ferr := m.l.s.flushAlone(m.sw); err == nil {
			err = ferr
		}
		m.sw = nil
		m.l.s.gcMu.Unlock()
	}
	return err
}

func (m *streamLoad) commitIncremental() (LoadStats, error) {
	s := m.l.s
	if err := s.checkSpace(int64(len(m.quads)) * bytesPerQuad); err != nil {
		return LoadStats{}, err
	}
	segEnd := uint64(m.inc.segBase) + uint64(len(m.segOf))
	if m.inc.marker != "" {
		if err := writeMarker(m.inc.marker, uint64(m.first), uint64(m.inc.segBase), segEnd); err != nil {
			return LoadStats{}, err
		}
	}
	typeID := m.short[string(encodeTerm(nil, IRI(RDFType)))]
	st, err := m.write(m.w, typeID)
	if err == nil {
		m.l.report(PhaseFlushing, 0, 0)
	}
	if ferr := m.endStream(); err == nil {
		err = ferr
	}
	if err != nil {
		return LoadStats{}, fmt.Errorf("graph: load: %w", noSpace(err))
	}
	pending := make(map[uint64]uint64, len(m.segOf))
	for g, seg := range m.segOf {
		pending[uint64(g)] = uint64(seg)
	}
	counts := func(_ *badger.Txn, seg, _ uint64) (map[counterRef]int64, error) {
		c := map[counterRef]int64{}
		for ref, n := range m.inc.counts {
			if ref.seg == seg {
				c[ref] = n
			}
		}
		return c, nil
	}
	st.Quads = 0
	nextID := uint64(m.first) + uint64(m.nterms)
	if err := s.commitLoad(m.l, pending, counts, nextID, segEnd, m.text, &st); err != nil {
		return st, err // abort deletes what the load wrote
	}
	m.segOf = nil // committed: abort must not delete them
	if m.inc.marker != "" {
		if err := os.Remove(m.inc.marker); err != nil {
			s.opts.Logger.Warn("remove load marker", "err", err)
		}
	}
	m.short, m.long, m.quads, m.text = nil, nil, nil, nil
	return st, nil
}

// abortIncremental ends the stream and deletes what the load wrote: its
// segments' keys and its new terms. Neither the load's segment ids nor its
// term ids are handed out again, and they are retired by a transaction
// before anything is deleted: if StreamWriter.Flush failed before it moved
// badger's oracle on, the load's keys carry a version the oracle has not
// reached, and that transaction takes it, so that the deletes after it, and
// every later write, are newer than the load's keys. Keys a delete misses
// are then of ids and segments no one uses.
func (m *streamLoad) abortIncremental() error {
	s := m.l.s
	err := m.endStream()
	if m.segOf == nil && m.quads == nil && m.text == nil {
		return err // committed
	}
	segEnd := uint64(m.inc.segBase) + uint64(len(m.segOf))
	idEnd := uint64(m.first) + uint64(m.nterms)
	errs := []error{err, s.retireIDs(idEnd, segEnd)}
	for _, seg := range m.segOf {
		errs = append(errs, s.deleteSegment(context.Background(), uint64(seg)))
	}
	errs = append(errs, s.deleteTermsFrom(uint64(m.first)))
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("graph: clean up aborted load (the next Open retries): %w", err)
	}
	if m.inc.marker != "" {
		os.Remove(m.inc.marker)
	}
	m.short, m.long, m.quads, m.text, m.segOf = nil, nil, nil, nil, nil
	return nil
}

// advanceNextSeg makes sure segment ids below end are not handed out again.
func (s *Store) advanceNextSeg(end uint64) error {
	return s.retireIDs(s.nextID, end)
}

// retireIDs makes sure term ids below idEnd and segment ids below segEnd
// are not handed out again, in one transaction (written even when nothing
// moves: see abortIncremental).
func (s *Store) retireIDs(idEnd, segEnd uint64) error {
	idEnd, segEnd = max(idEnd, s.nextID), max(segEnd, s.nextSeg)
	err := s.db.Update(func(txn *badger.Txn) error {
		if idEnd > s.nextID {
			// Stats counts terms as ids handed out less ids retired.
			n, err := readCounter(txn, metaRetired)
			if err != nil {
				return err
			}
			if err := txn.Set(metaRetired, be64(uint64(n)+idEnd-s.nextID)); err != nil {
				return err
			}
		}
		if err := txn.Set(metaNextID, be64(idEnd)); err != nil {
			return err
		}
		return txn.Set(metaNextSeg, be64(segEnd))
	})
	if err != nil {
		return fmt.Errorf("graph: retire ids: %w", noSpace(err))
	}
	s.nextID, s.nextSeg = idEnd, segEnd
	return nil
}

// repairIncremental undoes what an incremental load that died before its
// commit wrote, when its marker is in the store's directory: it deletes the
// load's new terms, marks its segments dead and retires their ids, and
// returns them, for Open to delete their keys in the background
// (recover.go). A load that committed moved the id counters past the
// marker's; then only the marker is left to remove.
func (s *Store) repairIncremental() ([]uint64, error) {
	if s.opts.InMemory {
		return nil, nil
	}
	marker := filepath.Join(s.dir, markerFile)
	firstID, segBase, segEnd, err := readMarker(marker)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, nil
	case errors.Is(err, errShortMarker):
		firstID, segBase = s.nextID, s.nextSeg
	case err != nil:
		return nil, err
	}
	var lost []uint64
	committed := s.nextID > firstID || s.nextSeg > segBase
	if !committed {
		start := time.Now()
		s.opts.Logger.Warn("store holds an interrupted load; undoing it", "dir", s.dir, "segments", segEnd-min(segEnd, segBase), "first_new_term", firstID)
		// A record of each segment, dead, so that a crash before the
		// background clean-up is done leaves it for the next Open.
		err := s.db.Update(func(txn *badger.Txn) error {
			for seg := segBase; seg < segEnd; seg++ {
				if err := txn.Set(segKey(seg), segValue(0, segDead)); err != nil {
					return err
				}
				lost = append(lost, seg)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("graph: mark an interrupted load's segments dead: %w", noSpace(err))
		}
		if err := s.advanceNextSeg(segEnd); err != nil {
			return nil, err
		}
		if err := s.sweepTermsFrom(firstID); err != nil {
			return nil, err
		}
		s.opts.Logger.Info("undid the interrupted load's terms; its quads are deleted in the background", "took", time.Since(start).Round(time.Millisecond))
	}
	if err := os.Remove(marker); err != nil {
		return nil, fmt.Errorf("graph: remove load marker: %w", err)
	}
	return lost, nil
}

// sweepTermsFrom deletes every dictionary entry and posting chunk of term
// ids from on, scanning the whole dictionary: after a crash, an entry of a
// term may have reached the disk without its id -> term entry.
func (s *Store) sweepTermsFrom(from uint64) error {
	if err := s.deleteTermsFrom(from); err != nil {
		return err
	}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	err := s.db.View(func(txn *badger.Txn) error {
		for _, tag := range []byte{tagTerm, tagHash} {
			it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, Prefix: []byte{tag}})
			for it.Rewind(); it.Valid(); it.Next() {
				item := it.Item()
				var id uint64
				if err := item.Value(func(v []byte) error {
					if len(v) == idWidth {
						id = getID(v)
					}
					return nil
				}); err != nil {
					it.Close()
					return err
				}
				if id >= from {
					if err := wb.Delete(item.KeyCopy(nil)); err != nil {
						it.Close()
						return err
					}
				}
			}
			it.Close()
		}
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{tagWord}})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if len(k) > idWidth && getID(k[len(k)-idWidth:]) >= from {
				if err := wb.Delete(it.Item().KeyCopy(nil)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: delete an interrupted load's terms: %w", err)
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("graph: delete an interrupted load's terms: %w", noSpace(err))
	}
	return nil
}
