package graph

import (
	"bytes"
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// Loader writes many quads and makes them visible at once. Every graph that
// receives a quad through a Loader is replaced, at [Loader.Commit], by what
// the Loader received for it: readers see the old graph or the new one,
// never a mix, and if the load fails or is aborted (or the process dies) the
// store is as it was before.
//
// Only one writer runs at a time: a Loader holds the store's write lock from
// [Store.NewLoader] until Commit or Abort, so small writes wait.
//
// Into an empty store, a Loader keeps the dictionary and the quads in memory
// (16 bytes a quad) and writes sorted tables with badger's StreamWriter at
// Commit: the fast path for first loads and benchmarks. Into a store with
// data it does the same on top of the store's tables when badger allows
// (incremental.go), and otherwise writes each quad's keys into a new,
// invisible segment through a WriteBatch.
type Loader struct {
	s        *Store
	ctx      context.Context
	done     bool
	stopTrim func()       // stops the loop that keeps the store's mapped pages out of RSS
	added    atomic.Int64 // quads added, read by that loop
	deletes  []Pattern    // patterns deleted in the commit, before appends
	appends  []Quad       // quads added to their graphs without replacing them
	mode     loadMode
	progress func(LoadProgress) // nil: none
}

// LoadProgress is a step of a load, reported to the function given to
// [Loader.OnProgress] as the load moves on. After the quads are added, a
// large load's commit takes a while (tens of seconds at millions of quads):
// these steps say what it is doing meanwhile.
type LoadProgress struct {
	// Phase says what the load is doing, in words for a progress line:
	// PhaseCompacting, PhaseSorting, PhaseIndexes, PhaseText,
	// PhaseFlushing, PhaseCommitting or PhaseCleanup.
	Phase string
	// Done and Total count the phase's work (indexes written, quads
	// deleted) when it counts it; Total is 0 when it does not.
	Done, Total int64
}

// The phases of a load, in the order they come. A load takes some of them
// only: into an empty store or through sorted tables, it sorts and writes
// indexes at commit; through a WriteBatch, it wrote them as quads arrived.
const (
	PhaseCompacting = "compacting the store before a large load"
	PhaseSorting    = "sorting the dictionary"
	PhaseIndexes    = "sorting and writing the indexes"
	PhaseText       = "writing the text index"
	PhaseFlushing   = "writing the tables to disk"
	PhaseCommitting = "committing"
	PhaseCleanup    = "deleting the replaced graphs' old content"
)

// OnProgress sets fn to be called, on the goroutine that calls Add or
// Commit, at each step of the load (see [LoadProgress]). fn must be quick.
func (l *Loader) OnProgress(fn func(LoadProgress)) {
	l.progress = fn
}

// report calls the progress function, if any.
func (l *Loader) report(phase string, done, total int64) {
	if l.progress != nil {
		l.progress(LoadProgress{Phase: phase, Done: done, Total: total})
	}
}

// LoadStats describes a committed load.
type LoadStats struct {
	Quads    int64 // distinct quads written, appended ones included
	Graphs   int   // graphs replaced or created
	NewTerms int64 // terms added to the dictionary
	Stream   bool  // whether the empty-store fast path was taken
	// Incremental says the load went into a store with data through sorted
	// tables (incremental.go) rather than a WriteBatch.
	Incremental bool
}

// NewLoader starts a bulk load. The caller must call Commit or Abort.
func (s *Store) NewLoader(ctx context.Context) (*Loader, error) {
	if err := s.checkWritable(); err != nil {
		return nil, err
	}
	s.writeMu.Lock()
	if err := s.checkSpace(0); err != nil {
		s.writeMu.Unlock()
		return nil, err
	}
	l := &Loader{s: s, ctx: ctx}
	l.stopTrim = s.trimWhileLoading(&l.added)
	if s.nextID == 1 && len(s.segs.byGraph) == 0 {
		sl, err := newStreamLoad(l)
		if err != nil {
			l.stopTrim()
			s.writeMu.Unlock()
			return nil, err
		}
		l.mode = sl
	} else if needsFlatten(s) && s.Size() <= maxFlatten {
		l.mode = &deferredLoad{l: l}
	} else if il, err := newIncrementalLoad(l); err == nil {
		l.mode = il
	} else if !errors.Is(err, errNoIncremental) {
		l.stopTrim()
		s.writeMu.Unlock()
		return nil, err
	} else {
		bl, err := newBatchLoad(l)
		if err != nil {
			l.stopTrim()
			s.writeMu.Unlock()
			return nil, err
		}
		l.mode = bl
	}
	return l, nil
}

// Add adds q to the load.
func (l *Loader) Add(q Quad) error {
	if l.done {
		return ErrLoaderDone
	}
	if err := q.Validate(); err != nil {
		return err
	}
	l.added.Add(1)
	return l.mode.add(q)
}

// Append adds q to its graph without replacing that graph, in the same
// atomic commit as the rest of the load: for the few quads that describe a
// load (a provenance record in the default graph, say). Appended quads are
// held in memory and written in the commit transaction, so keep them few.
func (l *Loader) Append(q Quad) error {
	if l.done {
		return ErrLoaderDone
	}
	if err := q.Validate(); err != nil {
		return err
	}
	if sl, ok := l.mode.(*streamLoad); ok && sl.inc == nil {
		// The store was empty: every graph is new, and adding is appending.
		return sl.add(q)
	}
	l.appends = append(l.appends, q)
	return nil
}

// DeleteMatch deletes, in the commit and before appended quads go in, the
// quads matching p in graphs the load does not replace: to replace a small
// description kept outside the loaded graphs. Like [Txn.DeleteMatch], for
// small sets.
func (l *Loader) DeleteMatch(p Pattern) error {
	if l.done {
		return ErrLoaderDone
	}
	if sl, ok := l.mode.(*streamLoad); ok && sl.inc == nil {
		return nil // the store was empty: nothing to delete
	}
	l.deletes = append(l.deletes, p)
	return nil
}

// Commit makes everything added visible, replacing the graphs it touched,
// and returns once it is durable. On error the store is unchanged.
func (l *Loader) Commit() (LoadStats, error) {
	if l.done {
		return LoadStats{}, ErrLoaderDone
	}
	l.done = true
	defer l.s.writeMu.Unlock()
	defer l.stopTrim()
	if err := l.ctx.Err(); err != nil {
		return LoadStats{}, errors.Join(err, l.mode.abort())
	}
	st, err := l.mode.commit()
	if err != nil {
		return LoadStats{}, errors.Join(err, l.mode.abort())
	}
	return st, nil
}

// Abort drops everything added; the store is unchanged. Abort after Commit
// does nothing.
func (l *Loader) Abort() error {
	if l.done {
		return nil
	}
	l.done = true
	defer l.s.writeMu.Unlock()
	defer l.stopTrim()
	return l.mode.abort()
}

// trimInterval is how often a large load hands the pages of the tables it
// has written back to the kernel (see ReleaseMappedPages).
const trimInterval = 500 * time.Millisecond

// trimMinQuads is the size from which a load does so. Paging out drops the
// pages from the page cache too, so that reads fault them in from disk
// again: worth it to keep a large load's resident set bounded, not after
// every small import into a serving store.
const trimMinQuads = 1_000_000

// trimWhileLoading keeps the store's mapped files out of the process's
// resident set while a large load runs: once added passes trimMinQuads, it
// drops their pages every trimInterval until stop is called, and once more
// then.
func (s *Store) trimWhileLoading(added *atomic.Int64) (stop func()) {
	if s.opts.InMemory {
		return func() {}
	}
	large := func() bool { return added.Load() >= trimMinQuads }
	quit := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(trimInterval)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				if large() {
					s.ReleaseMappedPages()
				}
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			close(quit)
			<-done
			if large() {
				s.ReleaseMappedPages()
			}
		})
	}
}

// ---- empty-store fast path ----

// streamLoad writes a load into an empty store with StreamWriter. The
// id -> term half of the dictionary streams out as terms arrive (ids are
// handed out in order, so those keys come sorted); everything else waits in
// memory for Commit: the quads (16 bytes each), short terms by their
// encoding and long terms by their hash only, so that the text of long
// literals is never held.
type streamLoad struct {
	l      *Loader
	sw     *badger.StreamWriter
	w      *kvWriter
	short  map[string]uint32   // encoded term -> id, for terms up to maxInlineTerm bytes
	long   map[[32]byte]uint32 // sha256 of encoded term -> id, for longer ones
	nterms uint32              // ids handed out
	first  uint32              // the first id handed out
	segOf  map[uint32]uint32   // graph term id (0: default) -> segment
	text   *textBuilder        // postings of the new literals
	quads  []packedQuad
	buf    []byte
	key    []byte
	// inc is set for a load into a store with data (incremental.go).
	inc *incremental
}

func newStreamLoad(l *Loader) (*streamLoad, error) {
	sw := l.s.db.NewStreamWriter()
	if err := sw.Prepare(); err != nil {
		return nil, fmt.Errorf("graph: prepare bulk load: %w", err)
	}
	return &streamLoad{
		l: l, sw: sw, w: newKVWriter(sw, "civicgraph.load", 1), first: 1,
		short: map[string]uint32{}, long: map[[32]byte]uint32{}, segOf: map[uint32]uint32{},
		text: newTextBuilder(),
	}, nil
}

// packedQuad holds four 32-bit ids in the order of one index, so that
// sorting by (hi, lo) sorts by that index.
type packedQuad struct{ hi, lo uint64 }

func pack(a, b, c, d uint32) packedQuad {
	return packedQuad{uint64(a)<<32 | uint64(b), uint64(c)<<32 | uint64(d)}
}

func (p packedQuad) unpack() [4]uint32 {
	return [4]uint32{uint32(p.hi >> 32), uint32(p.hi), uint32(p.lo >> 32), uint32(p.lo)}
}

func (m *streamLoad) id(t Term) (uint32, error) {
	m.buf = encodeTerm(m.buf[:0], t)
	var h [32]byte
	if len(m.buf) <= maxInlineTerm {
		if id, ok := m.short[string(m.buf)]; ok {
			return id, nil
		}
	} else {
		h = sha256.Sum256(m.buf)
		if id, ok := m.long[h]; ok {
			return id, nil
		}
	}
	if m.inc != nil {
		// A term the store holds keeps its id; only new ones get one.
		old, err := lookupID(m.inc.rtxn, m.buf)
		if err != nil {
			return 0, fmt.Errorf("graph: load: %w", err)
		}
		if old != 0 {
			if len(m.buf) <= maxInlineTerm {
				m.short[string(m.buf)] = uint32(old)
			} else {
				m.long[h] = uint32(old)
			}
			return uint32(old), nil
		}
	}
	if uint64(m.first)+uint64(m.nterms) >= 1<<32-1 {
		return 0, fmt.Errorf("graph: a bulk load's term ids must stay below 2^32")
	}
	id := m.first + m.nterms
	m.nterms++
	if len(m.buf) <= maxInlineTerm {
		m.short[string(m.buf)] = id
	} else {
		m.long[h] = id
	}
	m.key = append(m.key[:0], tagID)
	m.key = binary.BigEndian.AppendUint64(m.key, uint64(id))
	m.text.add(uint64(id), t)
	return id, m.w.put(streamIDs, m.key, m.buf)
}

func (m *streamLoad) add(q Quad) error {
	var ids [4]uint32
	var err error
	for i, t := range [3]Term{q.S, q.P, q.O} {
		if ids[i], err = m.id(t); err != nil {
			return err
		}
	}
	var g uint32
	if !q.G.IsZero() {
		if g, err = m.id(q.G); err != nil {
			return err
		}
	}
	seg, ok := m.segOf[g]
	if !ok {
		seg = m.segBase() + uint32(len(m.segOf))
		m.segOf[g] = seg
	}
	m.quads = append(m.quads, pack(ids[0], ids[1], ids[2], seg))
	if len(m.quads)%spaceCheckEvery == 0 {
		if err := m.l.ctx.Err(); err != nil {
			return err
		}
		// The dictionary is being written already; the indexes come at
		// Commit, which checks for them.
		return m.l.s.checkSpace(int64(m.nterms) * 64)
	}
	return nil
}

// segBase is the first segment id of the load.
func (m *streamLoad) segBase() uint32 {
	if m.inc != nil {
		return m.inc.segBase
	}
	return 1
}

func (m *streamLoad) abort() error {
	if m.inc != nil {
		return m.abortIncremental()
	}
	m.short, m.long, m.quads, m.text = nil, nil, nil, nil
	if m.w == nil {
		return nil // committed
	}
	werr := m.w.close()
	m.w = nil
	m.sw.Cancel()
	if err := m.l.s.resetEmpty(nil); err != nil {
		return errors.Join(werr, err)
	}
	return nil
}

func (m *streamLoad) commit() (LoadStats, error) {
	if m.inc != nil {
		return m.commitIncremental()
	}
	s := m.l.s
	typeID := m.short[string(encodeTerm(nil, IRI(RDFType)))]
	if err := s.checkSpace(int64(len(m.quads)) * bytesPerQuad); err != nil {
		return LoadStats{}, err // abort empties the store
	}
	st, err := m.write(m.w, typeID)
	if cerr := m.w.close(); err == nil {
		err = cerr
	}
	m.w = nil
	if err == nil {
		m.l.report(PhaseFlushing, 0, 0)
		err = m.sw.Flush()
	}
	if err != nil {
		m.sw.Cancel()
		return LoadStats{}, s.resetEmpty(fmt.Errorf("graph: bulk load: %w", noSpace(err)))
	}
	s.mu.Lock()
	err = s.readMeta()
	s.mu.Unlock()
	if err != nil {
		return LoadStats{}, err
	}
	m.abort()
	return st, nil
}

// Stream ids, one per key range; the meta stream is written last so that a
// store without a version key is known to hold an interrupted load.
const (
	streamIDs uint32 = iota + 1
	streamTerms
	streamHashes
	streamSegs
	streamCounts
	streamWords
	streamMeta
	streamIndex // + index number
)

func (m *streamLoad) write(w *kvWriter, typeID uint32) (LoadStats, error) {
	ctx := m.l.ctx
	st := LoadStats{Stream: m.inc == nil, Incremental: m.inc != nil, NewTerms: int64(m.nterms), Graphs: len(m.segOf)}
	key := make([]byte, 0, 64)
	idb := make([]byte, idWidth)

	// Dictionary, id -> term: written as terms arrived.
	m.l.report(PhaseSorting, 0, 0)
	if err := w.done(streamIDs); err != nil {
		return st, err
	}
	// Dictionary, term -> id: short terms by encoding, long ones by hash.
	short := make([]string, 0, len(m.short))
	for enc, id := range m.short {
		if id >= m.first { // a load into a store with data looked up the others
			short = append(short, enc)
		}
	}
	slices.Sort(short)
	for _, enc := range short {
		key = append(append(key[:0], tagTerm), enc...)
		putID(idb, uint64(m.short[enc]))
		if err := w.put(streamTerms, key, idb); err != nil {
			return st, err
		}
	}
	short = nil
	if err := w.done(streamTerms); err != nil {
		return st, err
	}
	hashes := make([][32]byte, 0, len(m.long))
	for h, id := range m.long {
		if id >= m.first {
			hashes = append(hashes, h)
		}
	}
	slices.SortFunc(hashes, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	for _, h := range hashes {
		key = append(append(key[:0], tagHash), h[:]...)
		putID(idb, uint64(m.long[h]))
		if err := w.put(streamHashes, key, idb); err != nil {
			return st, err
		}
	}
	hashes = nil
	if err := w.done(streamHashes); err != nil {
		return st, err
	}
	if err := ctx.Err(); err != nil {
		return st, err
	}

	// The six indexes. quads holds (S, P, O, segment) in the order of the
	// index written last; each pass permutes every element into the next
	// order, sorts, and writes, skipping duplicates.
	type segStats struct {
		quads, subjects int64
		preds, classes  map[uint32]int64
	}
	stats := map[uint32]*segStats{}
	cur := [4]int{posS, posP, posO, posG}
	for n := range indexes {
		ix := &indexes[n]
		m.l.report(PhaseIndexes, int64(n), int64(len(indexes)))
		for i, pq := range m.quads {
			v := pq.unpack()
			var q [4]uint32
			for slot, pos := range cur {
				q[pos] = v[slot]
			}
			m.quads[i] = pack(q[ix.order[0]], q[ix.order[1]], q[ix.order[2]], q[ix.order[3]])
		}
		cur = ix.order
		slices.SortFunc(m.quads, func(a, b packedQuad) int {
			if c := cmp.Compare(a.hi, b.hi); c != 0 {
				return c
			}
			return cmp.Compare(a.lo, b.lo)
		})
		gspo := ix.name == "GSPO"
		var prev packedQuad
		var prevSeg, prevS uint32
		for i, pq := range m.quads {
			if i > 0 && pq == prev {
				continue
			}
			prev = pq
			v := pq.unpack()
			key = append(key[:0], ix.tag)
			for _, x := range v {
				key = binary.BigEndian.AppendUint64(key, uint64(x))
			}
			if err := w.put(streamIndex+uint32(n), key, nil); err != nil {
				return st, err
			}
			if gspo {
				seg, sub, p, o := v[0], v[1], v[2], v[3]
				ss := stats[seg]
				if ss == nil {
					ss = &segStats{preds: map[uint32]int64{}, classes: map[uint32]int64{}}
					stats[seg] = ss
				}
				ss.quads++
				st.Quads++
				if seg != prevSeg || sub != prevS || ss.quads == 1 {
					ss.subjects++
				}
				prevSeg, prevS = seg, sub
				ss.preds[p]++
				if p == typeID && typeID != 0 {
					ss.classes[o]++
				}
			}
			if i&(1<<16-1) == 0 {
				if err := ctx.Err(); err != nil {
					return st, err
				}
			}
		}
		if err := w.done(streamIndex + uint32(n)); err != nil {
			return st, err
		}
	}

	// Segments.
	type segGraph struct{ seg, graph uint32 }
	var sg []segGraph
	for g, seg := range m.segOf {
		sg = append(sg, segGraph{seg, g})
	}
	slices.SortFunc(sg, func(a, b segGraph) int { return cmp.Compare(a.seg, b.seg) })
	state := segLive
	if m.inc != nil {
		state = segPending // the commit transaction makes them live
	}
	for _, x := range sg {
		if err := w.put(streamSegs, segKey(uint64(x.seg)), segValue(uint64(x.graph), state)); err != nil {
			return st, err
		}
	}
	if err := w.done(streamSegs); err != nil {
		return st, err
	}
	// The text index.
	m.l.report(PhaseText, 0, 0)
	if err := m.text.each(func(k, v []byte) error { return w.put(streamWords, k, v) }); err != nil {
		return st, err
	}
	if err := w.done(streamWords); err != nil {
		return st, err
	}
	if m.inc != nil {
		// Counters and meta keys are updated by the commit transaction.
		m.inc.counts = map[counterRef]int64{}
		for seg, ss := range stats {
			s := uint64(seg)
			m.inc.counts[counterRef{s, countQuads, 0}] = ss.quads
			m.inc.counts[counterRef{s, countSubjects, 0}] = ss.subjects
			for id, n := range ss.preds {
				m.inc.counts[counterRef{s, countPredicate, uint64(id)}] = n
			}
			for id, n := range ss.classes {
				m.inc.counts[counterRef{s, countClass, uint64(id)}] = n
			}
		}
		return st, nil
	}
	// Counters, in key order: segment, kind, id.
	for _, x := range sg {
		ss := stats[x.seg]
		if ss == nil {
			continue
		}
		type kv struct {
			kind byte
			id   uint32
			n    int64
		}
		cs := []kv{{countQuads, 0, ss.quads}, {countSubjects, 0, ss.subjects}}
		for id, n := range ss.preds {
			cs = append(cs, kv{countPredicate, id, n})
		}
		for id, n := range ss.classes {
			cs = append(cs, kv{countClass, id, n})
		}
		slices.SortFunc(cs, func(a, b kv) int {
			if a.kind != b.kind {
				return cmp.Compare(a.kind, b.kind)
			}
			return cmp.Compare(a.id, b.id)
		})
		for _, c := range cs {
			if err := w.put(streamCounts, counterKey(uint64(x.seg), c.kind, uint64(c.id)), be64(uint64(c.n))); err != nil {
				return st, err
			}
		}
	}
	if err := w.done(streamCounts); err != nil {
		return st, err
	}
	// Meta, last.
	metas := []struct {
		k []byte
		v uint64
	}{{metaNextID, uint64(m.first) + uint64(m.nterms)}, {metaNextSeg, uint64(len(m.segOf) + 1)}, {metaVersion, FormatVersion},
		{metaText, textIndexVersion}, {metaTextDocs, uint64(m.text.docs)}, {metaTextWords, uint64(m.text.words)}}
	slices.SortFunc(metas, func(a, b struct {
		k []byte
		v uint64
	}) int {
		return slices.Compare(a.k, b.k)
	})
	for _, kv := range metas {
		if err := w.put(streamMeta, kv.k, be64(kv.v)); err != nil {
			return st, err
		}
	}
	return st, w.done(streamMeta)
}

// deleteDead deletes the keys of the segments a committed load replaced,
// a chunk at a time, reporting PhaseCleanup with the quads deleted. The
// load is committed: on error the dead keys stay invisible, and the next
// Open deletes them (in the background, recover.go).
func (s *Store) deleteDead(l *Loader, dead []uint64) {
	if len(dead) == 0 {
		return
	}
	var total int64
	err := s.db.View(func(txn *badger.Txn) error {
		for _, seg := range dead {
			n, err := readCounter(txn, counterKey(seg, countQuads, 0))
			if err != nil {
				return err
			}
			total += n
		}
		return nil
	})
	if err != nil {
		total = 0
	}
	var deleted int64
	l.report(PhaseCleanup, 0, total)
	for _, seg := range dead {
		var from []byte
		for {
			next, n, done, err := s.deleteSegmentChunk(context.Background(), seg, from, cleanChunk)
			deleted += n
			if err != nil {
				s.opts.Logger.Warn("delete replaced segment; the next open retries", "segment", seg, "err", err)
				break
			}
			l.report(PhaseCleanup, deleted, max(total, deleted))
			if done {
				break
			}
			from = next
		}
	}
}
