package graph

import "errors"

// ErrInvalidQuad is returned when a quad is not well-formed RDF.
var ErrInvalidQuad = errors.New("graph: invalid quad")

// ErrLocked is returned by [Open] when another process has the store open.
var ErrLocked = errors.New("graph: store is locked by another process")

// ErrFormatVersion is returned by [Open] when the store was written in a
// format this build does not know.
var ErrFormatVersion = errors.New("graph: unknown store format version")

// ErrReadOnly is returned when writing to a store opened read-only.
var ErrReadOnly = errors.New("graph: store is read-only")

// ErrClosed is returned when using a closed store.
var ErrClosed = errors.New("graph: store is closed")

// ErrTooBig is returned when a transaction holds more changes than one badger
// transaction can; use a [Loader] for large writes.
var ErrTooBig = errors.New("graph: transaction too big, use the bulk loader")

// ErrNotEmpty is returned by [Store.Restore] when the store holds data.
var ErrNotEmpty = errors.New("graph: store is not empty")

// ErrLoaderDone is returned when using a [Loader] after Commit or Abort.
var ErrLoaderDone = errors.New("graph: loader already committed or aborted")

// ErrNoSpace is returned when the disk is full. The store is unchanged by
// the write that failed.
var ErrNoSpace = errors.New("graph: no space left on device")
