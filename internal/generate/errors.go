package generate

import "errors"

var (
	// ErrNegativeTriples is returned when Options.Triples is below zero.
	ErrNegativeTriples = errors.New("generate: negative triple count")
	// ErrInvalidBase is returned when Options.Base is not an absolute IRI
	// that can be written between angle brackets without escapes.
	ErrInvalidBase = errors.New("generate: base is not an absolute IRI")
	// ErrUnknownFormat is returned when Options.Format is not one of
	// [Formats], or Options.Quads is set with a format other than N-Quads.
	ErrUnknownFormat = errors.New("generate: unknown format")
)
