package export

import "errors"

var (
	// ErrUnknownGraph is returned when a slice names a graph the store
	// does not hold.
	ErrUnknownGraph = errors.New("export: unknown graph")
	// ErrUnknownEntity is returned when a slice names an entity about
	// which the store says nothing.
	ErrUnknownEntity = errors.New("export: unknown entity")
	// ErrUnknownClass is returned when a slice names a class with no
	// instances in the store.
	ErrUnknownClass = errors.New("export: unknown class")
	// ErrBadSlice is returned when a slice's settings do not fit
	// together: a class and an entity, a depth without an entity, a
	// depth beyond MaxDepth, a name that is not an IRI.
	ErrBadSlice = errors.New("export: bad slice")
	// ErrTooBig is returned when a neighbourhood holds more than
	// MaxEntities entities.
	ErrTooBig = errors.New("export: slice too big")
)
