package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"
)

// tableSize is the size of badger's SSTables; see Open.
const tableSize = 2 << 20

// FormatVersion is the on-disk format this build writes and reads.
const FormatVersion = 1

// Store is a quad store in a badger database. It is safe for concurrent use:
// any number of readers run beside one writer at a time.
type Store struct {
	db   *badger.DB
	opts Options
	dir  string
	lock *os.File // the directory lock, nil in memory

	// writeMu serialises writers: Update, loaders, DropGraph, Restore.
	// Holding it means nextID and nextSeg may be read and advanced.
	writeMu sync.Mutex
	nextID  uint64 // next term id to hand out; guarded by writeMu
	nextSeg uint64 // next segment id to hand out; guarded by writeMu

	// mu guards segs, and pairs a reader's badger snapshot with the segment
	// table that matches it: readers take it shared while they open their
	// transaction, writers take it exclusively while they commit a change to
	// the table.
	mu   sync.RWMutex
	segs *segTable

	terms *termCache

	// openViews counts the Views whose badger transaction is open. A load
	// into a store with data waits for none to be open, with mu held, to
	// commit (see incremental.go): badger's StreamWriter replaces the
	// transaction oracle, and a transaction that outlived it would crash
	// badger when it ends.
	openViews atomic.Int64
	// content remembers the Content of the latest Version a View asked
	// for it (see View.Content).
	content atomic.Pointer[contentMemo]
	// gcMu is held by value-log garbage collection, by such a load, and by
	// the background clean-up of unused segments (recover.go).
	gcMu sync.Mutex
	// toClean holds, from init until Open starts cleanSegments, the
	// segments no graph uses whose keys are to be deleted.
	toClean []uint64

	ctx       context.Context // lifecycle of background work, cancelled by Close
	cancel    context.CancelFunc
	wg        sync.WaitGroup
	closeOnce sync.Once
	closeErr  error
}

// Open opens the store in dir, creating it when dir holds none. With
// Options.InMemory, dir is ignored.
func Open(dir string, opts Options) (*Store, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s := &Store{opts: opts, dir: dir, terms: newTermCache(opts.TermCacheSize)}
	bo := badger.DefaultOptions(dir).
		WithLogger(badgerLogger{opts.Logger.With("component", "badger")}).
		WithSyncWrites(true).
		WithNumVersionsToKeep(1).
		WithDetectConflicts(false).
		WithCompression(options.Snappy).
		WithBlockCacheSize(opts.BlockCacheSize).
		WithMemTableSize(opts.MemTableSize).
		WithReadOnly(opts.ReadOnly).
		WithNumCompactors(2).
		// StreamWriter builds tables of BaseTableSize * TableSizeMultiplier^
		// (MaxLevels-2) bytes, and up to 16 of them at once, each with
		// buffers of two to four times its size: with the defaults (2 MiB,
		// 2, 7 levels) that is 64 MiB tables and gigabytes of buffers in a
		// large bulk load. Tables of one size at every level keep a load's
		// memory bounded by a few hundred MiB.
		WithBaseTableSize(tableSize)
	bo.TableSizeMultiplier = 1
	if opts.InMemory {
		bo = bo.WithInMemory(true).WithDir("").WithValueDir("")
	} else {
		// badger maps two memtables at once; without room for them it
		// would die of SIGBUS at the first write.
		if err := s.checkSpace(2 * opts.MemTableSize); err != nil {
			return nil, err
		}
		if !opts.ReadOnly {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return nil, fmt.Errorf("graph: create store directory %s: %w", dir, noSpace(err))
			}
		}
		if s.lock, err = lockDir(dir, opts.ReadOnly); err != nil {
			return nil, err
		}
		if !opts.ReadOnly {
			if err := removeEmptyLogs(dir, opts.Logger); err != nil {
				s.unlock()
				return nil, err
			}
		}
	}
	if s.db, err = s.openRecovering(bo); err != nil {
		s.unlock()
		return nil, fmt.Errorf("graph: open store %s: %w", dir, noSpace(err))
	}
	if err := s.init(); err != nil {
		s.db.Close()
		s.unlock()
		return nil, err
	}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	if opts.GCInterval > 0 && !opts.InMemory && !opts.ReadOnly {
		s.wg.Add(1)
		go s.gcLoop()
	}
	if len(s.toClean) > 0 {
		s.wg.Add(1)
		go s.cleanSegments(s.toClean)
		s.toClean = nil
	}
	return s, nil
}

// removeEmptyLogs deletes empty badger memtable and value-log files. badger
// creates such a file, then sizes it; a process killed in between leaves
// an empty file that badger's next Open refuses ("while opening fid: 1 err:
// Create a new file", badger v4.9.6), so the store could not be opened
// again. An empty file holds no entries, and badger makes a new one.
func removeEmptyLogs(dir string, log *slog.Logger) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("graph: open store %s: %w", dir, err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".mem") && !strings.HasSuffix(name, ".vlog") {
			continue
		}
		info, err := e.Info()
		if err != nil || info.Size() != 0 || !info.Mode().IsRegular() {
			continue
		}
		log.Warn("removing an empty log file left by an interrupted start", "file", name)
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return fmt.Errorf("graph: open store %s: remove empty log file: %w", dir, err)
		}
	}
	return nil
}

// lockFile is the name of the lock file in a store's directory; its
// presence also marks the directory as a store.
const lockFile = "civicgraph.lock"

// Exists reports whether dir holds a store.
func Exists(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, lockFile))
	return err == nil
}

// lockDir takes an exclusive (or, read-only, shared) flock on dir/LOCK.
// badger has its own lock, but reports it as a string; ours gives callers
// [ErrLocked] to test with errors.Is.
func lockDir(dir string, shared bool) (*os.File, error) {
	path := filepath.Join(dir, lockFile)
	flag := os.O_RDWR | os.O_CREATE
	if shared {
		flag = os.O_RDONLY
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if err != nil {
		if shared && errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("graph: open store %s: no store there: %w", dir, err)
		}
		return nil, fmt.Errorf("graph: lock store %s: %w", dir, noSpace(err))
	}
	how := syscall.LOCK_EX
	if shared {
		how = syscall.LOCK_SH
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w: %s (another civicgraph, such as a running serve, has it open; stop it or use another --data)", ErrLocked, dir)
		}
		return nil, fmt.Errorf("graph: lock store %s: %w", dir, err)
	}
	return f, nil
}

func (s *Store) unlock() {
	if s.lock != nil {
		s.lock.Close() // closing the file releases the flock
		s.lock = nil
	}
}

// noSpace turns ENOSPC into [ErrNoSpace], keeping the original error text.
func noSpace(err error) error {
	if errors.Is(err, syscall.ENOSPC) {
		return fmt.Errorf("%w: %w", ErrNoSpace, err)
	}
	return err
}

// init checks the format version (writing it into a new store), repairs what
// an interrupted load left behind, and reads the segment table.
func (s *Store) init() error {
	var version uint64
	var hasVersion, hasData bool
	err := s.db.View(func(txn *badger.Txn) error {
		item, err := txn.Get(metaVersion)
		switch {
		case err == nil:
			hasVersion = true
			return item.Value(func(v []byte) error {
				if len(v) != 8 {
					return fmt.Errorf("%w: version value has %d bytes", ErrFormatVersion, len(v))
				}
				version = binary.BigEndian.Uint64(v)
				return nil
			})
		case errors.Is(err, badger.ErrKeyNotFound):
			it := txn.NewIterator(badger.IteratorOptions{})
			defer it.Close()
			it.Rewind()
			hasData = it.Valid()
			return nil
		default:
			return err
		}
	})
	if err != nil {
		return fmt.Errorf("graph: read format version: %w", err)
	}
	if hasVersion && version != FormatVersion {
		return fmt.Errorf("%w: store has version %d, this build reads %d", ErrFormatVersion, version, FormatVersion)
	}
	if !hasVersion {
		if s.opts.ReadOnly {
			return fmt.Errorf("graph: store %s is not initialised and is opened read-only", s.dir)
		}
		if hasData {
			// Only a bulk load into an empty store writes without a version
			// key (the key is written last); nothing was acknowledged, so the
			// store goes back to empty.
			s.opts.Logger.Warn("store holds an interrupted bulk load; emptying it", "dir", s.dir)
			if err := s.db.DropAll(); err != nil {
				return fmt.Errorf("graph: empty interrupted load: %w", err)
			}
		}
		if err := s.writeInitialMeta(); err != nil {
			return err
		}
	}
	if err := s.readMeta(); err != nil {
		return err
	}
	if s.opts.ReadOnly {
		return nil
	}
	lost, err := s.repairIncremental()
	if err != nil {
		return err
	}
	if s.toClean, err = s.repairAtOpen(lost); err != nil {
		return err
	}
	return s.ensureTextIndex(context.Background())
}

// writeInitialMeta writes the keys of a new, empty store.
func (s *Store) writeInitialMeta() error {
	err := s.db.Update(func(txn *badger.Txn) error {
		for _, kv := range []struct {
			k []byte
			v uint64
		}{{metaVersion, FormatVersion}, {metaNextID, 1}, {metaNextSeg, 1}, {metaText, textIndexVersion}} {
			if err := txn.Set(kv.k, binary.BigEndian.AppendUint64(nil, kv.v)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: initialise store: %w", noSpace(err))
	}
	return nil
}

// readMeta reads the id counters and the segment table.
func (s *Store) readMeta() error {
	return s.db.View(func(txn *badger.Txn) error {
		version, err := getUint64(txn, metaVersion)
		if err != nil {
			return fmt.Errorf("graph: read format version: %w", err)
		}
		if version != FormatVersion {
			return fmt.Errorf("%w: store has version %d, this build reads %d", ErrFormatVersion, version, FormatVersion)
		}
		if s.nextID, err = getUint64(txn, metaNextID); err != nil {
			return fmt.Errorf("graph: read next term id: %w", err)
		}
		if s.nextSeg, err = getUint64(txn, metaNextSeg); err != nil {
			return fmt.Errorf("graph: read next segment id: %w", err)
		}
		s.segs, err = readSegments(txn)
		return err
	})
}

func getUint64(txn *badger.Txn, key []byte) (uint64, error) {
	item, err := txn.Get(key)
	if err != nil {
		return 0, err
	}
	var v uint64
	err = item.Value(func(b []byte) error {
		if len(b) != 8 {
			return fmt.Errorf("value of %q has %d bytes, want 8", key, len(b))
		}
		v = binary.BigEndian.Uint64(b)
		return nil
	})
	return v, err
}

// Close stops background work and closes the database. It is safe to call
// more than once. Order: cancel background work, wait for it, close badger
// (which flushes memtables), then release the directory lock.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		s.cancel()
		s.wg.Wait()
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
		if err := s.db.Close(); err != nil {
			s.closeErr = fmt.Errorf("graph: close store: %w", err)
		}
		s.unlock()
	})
	return s.closeErr
}

// gcLoop runs badger's value-log garbage collection every GCInterval.
func (s *Store) gcLoop() {
	defer s.wg.Done()
	t := time.NewTicker(s.opts.GCInterval)
	defer t.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-t.C:
			s.gcMu.Lock()
			for s.ctx.Err() == nil && s.db.RunValueLogGC(0.5) == nil {
			}
			s.gcMu.Unlock()
		}
	}
}

// Dir returns the store's directory ("" in memory).
func (s *Store) Dir() string {
	if s.opts.InMemory {
		return ""
	}
	return s.dir
}

// Size returns badger's estimate of the bytes of its LSM tree and value
// log, which loads use to choose their path. badger updates it lazily (it
// is 0 for a while after a store is created or opened); [Store.DiskBytes]
// measures the files.
func (s *Store) Size() int64 {
	lsm, vlog := s.db.Size()
	return lsm + vlog
}

// DiskBytes returns the bytes the store's files take on disk: the blocks
// allocated to every file in its directory, so that badger's preallocated,
// sparse log files count for what they hold, not for their nominal size.
// In memory it returns badger's estimate.
func (s *Store) DiskBytes() (int64, error) {
	if s.opts.InMemory {
		return s.Size(), nil
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		return 0, fmt.Errorf("graph: size of store %s: %w", s.dir, err)
	}
	var n int64
	for _, e := range entries {
		info, err := e.Info()
		if errors.Is(err, os.ErrNotExist) {
			continue // removed by a compaction meanwhile
		}
		if err != nil {
			return 0, fmt.Errorf("graph: size of store %s: %w", s.dir, err)
		}
		if !info.Mode().IsRegular() {
			continue
		}
		n += allocated(info)
	}
	return n, nil
}

// allocated returns the bytes allocated to a file on disk, or its size
// when the system does not say.
func allocated(info os.FileInfo) int64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return int64(st.Blocks) * 512
	}
	return info.Size()
}

func (s *Store) checkWritable() error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	if s.ctx.Err() != nil {
		return ErrClosed
	}
	return nil
}
