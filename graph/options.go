package graph

import (
	"fmt"
	"log/slog"
	"time"
)

// Options configures a [Store]. The zero value is usable; [DefaultOptions]
// spells out the defaults.
type Options struct {
	// Logger receives the store's and badger's log lines. Nil means silence.
	Logger *slog.Logger

	// InMemory keeps everything in memory and nothing on disk (tests).
	InMemory bool

	// ReadOnly opens an existing store for reading only. Writes return
	// [ErrReadOnly].
	ReadOnly bool

	// BlockCacheSize is badger's block cache in bytes. Zero means 64 MiB.
	BlockCacheSize int64

	// MemTableSize is badger's memtable size in bytes. Zero means 32 MiB.
	MemTableSize int64

	// GCInterval is how often the value-log garbage collector runs. Zero
	// means 10 minutes; a negative value disables it.
	GCInterval time.Duration

	// TermCacheSize is how many id -> term entries the store caches. Zero
	// means 200,000; a negative value disables the cache.
	TermCacheSize int

	// MinFreeBytes is the free disk space, in bytes, the store keeps: a
	// write that would leave less is refused with [ErrNoSpace] before it
	// starts. badger writes through mmap, and a full disk under mmap kills
	// the process with SIGBUS instead of returning an error, so the store
	// checks first. Zero means 128 MiB; a negative value disables the check.
	MinFreeBytes int64

	// FlattenMinQuads is the size, in quads, from which a load into a store
	// of at most 256 MiB whose badger level 0 holds tables goes through
	// sorted tables, after badger compacts the whole store down (see
	// incremental.go); smaller loads write through a WriteBatch. Zero means
	// 200,000.
	FlattenMinQuads int
}

// DefaultOptions returns the recommended options.
func DefaultOptions() Options {
	return Options{
		BlockCacheSize:  64 << 20,
		MemTableSize:    32 << 20,
		GCInterval:      10 * time.Minute,
		TermCacheSize:   200_000,
		MinFreeBytes:    128 << 20,
		FlattenMinQuads: 200_000,
	}
}

// withDefaults fills zero fields from DefaultOptions and checks the rest.
func (o Options) withDefaults() (Options, error) {
	d := DefaultOptions()
	if o.BlockCacheSize == 0 {
		o.BlockCacheSize = d.BlockCacheSize
	}
	if o.MemTableSize == 0 {
		o.MemTableSize = d.MemTableSize
	}
	if o.GCInterval == 0 {
		o.GCInterval = d.GCInterval
	}
	if o.TermCacheSize == 0 {
		o.TermCacheSize = d.TermCacheSize
	}
	if o.MinFreeBytes == 0 {
		o.MinFreeBytes = d.MinFreeBytes
	}
	if o.FlattenMinQuads <= 0 {
		o.FlattenMinQuads = d.FlattenMinQuads
	}
	switch {
	case o.BlockCacheSize < 0:
		return o, fmt.Errorf("graph: BlockCacheSize %d is negative", o.BlockCacheSize)
	case o.MemTableSize < 1<<20:
		return o, fmt.Errorf("graph: MemTableSize %d is below 1 MiB", o.MemTableSize)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o, nil
}
