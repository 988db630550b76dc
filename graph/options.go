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

	// LoadMemoryLimit bounds, in bytes, the memory a bulk load into an
	// empty store may use for sorting before it spills sorted runs to
	// disk. Zero means 256 MiB.
	LoadMemoryLimit int64
}

// DefaultOptions returns the recommended options.
func DefaultOptions() Options {
	return Options{
		BlockCacheSize:  64 << 20,
		MemTableSize:    32 << 20,
		GCInterval:      10 * time.Minute,
		TermCacheSize:   200_000,
		LoadMemoryLimit: 256 << 20,
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
	if o.LoadMemoryLimit == 0 {
		o.LoadMemoryLimit = d.LoadMemoryLimit
	}
	switch {
	case o.BlockCacheSize < 0:
		return o, fmt.Errorf("graph: BlockCacheSize %d is negative", o.BlockCacheSize)
	case o.MemTableSize < 1<<20:
		return o, fmt.Errorf("graph: MemTableSize %d is below 1 MiB", o.MemTableSize)
	case o.LoadMemoryLimit < 1<<20:
		return o, fmt.Errorf("graph: LoadMemoryLimit %d is below 1 MiB", o.LoadMemoryLimit)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	return o, nil
}
