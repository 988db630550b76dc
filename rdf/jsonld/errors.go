package jsonld

import (
	"errors"

	"civicgraph/rdf/problems"
)

// ErrSyntax is returned, wrapped in a [*ParseError], when the input is not
// valid JSON or not valid JSON-LD.
var ErrSyntax = errors.New("jsonld: syntax error")

// ErrRemoteContext is returned, wrapped, when a document refers to a
// context (or imports one) by URL. The reader never fetches documents: the
// context must be given inline.
var ErrRemoteContext = errors.New("jsonld: remote context not loaded")

// ErrTooLarge is returned, wrapped, when the input is larger than
// [MaxInputSize]. JSON-LD is processed as a whole document, so the size
// bounds the memory used.
var ErrTooLarge = errors.New("jsonld: input too large")

// ErrBaseIRI is returned, wrapped, by the first [Reader.Read] when the
// base IRI given to [Reader.SetBase] is not absolute.
var ErrBaseIRI = errors.New("jsonld: base IRI is not absolute")

// ParseError reports invalid input and where it is. Its fields are stable:
// callers may show them or test them.
type ParseError struct {
	// File is the name given to [NewReader], "" if none was given.
	File string
	// Line and Col locate a JSON syntax error, counting from 1 (Col in
	// bytes). They are 0 for JSON-LD errors, which the processor reports
	// without a position.
	Line, Col int
	// Path is the JSON path of the offending value where it is known,
	// for example "$.@graph[2].name"; "" otherwise.
	Path string
	// Found is the offending input, or the JSON-LD processor's account of
	// it.
	Found string
	// Expected says what was needed, for example "valid JSON" or
	// "JSON-LD without error (invalid @id value)".
	Expected string
}

// Error returns the error as file:line:col: expected X, found Y, with the
// JSON path in place of line and column when that is what is known.
func (e *ParseError) Error() string {
	return problems.Message(e.File, e.Line, e.Col, e.Path, e.Expected, problems.Quote(e.Found, "end of input"))
}

// Unwrap returns [ErrSyntax], so errors.Is(err, ErrSyntax) tells invalid
// input from I/O errors.
func (e *ParseError) Unwrap() error { return ErrSyntax }
