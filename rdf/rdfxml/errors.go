package rdfxml

import (
	"errors"

	"civicgraph/rdf/problems"
)

// ErrSyntax is returned, wrapped in a [*ParseError], when the input is not
// well-formed XML or not valid RDF/XML.
var ErrSyntax = errors.New("rdfxml: syntax error")

// ErrBaseIRI is returned, wrapped, by the first [Reader.Read] when the
// base IRI given to [Reader.SetBase] is not absolute.
var ErrBaseIRI = errors.New("rdfxml: base IRI is not absolute")

// ParseError reports a syntax error and where it is. Its fields are stable:
// callers may show them, test them, or point an editor at File:Line:Col.
type ParseError struct {
	// File is the name given to [NewReader], "" if none was given.
	File string
	// Line is the line number, counting from 1; 0 if unknown.
	Line int
	// Col is the byte offset in the line of the offending XML token,
	// counting from 1; 0 if unknown.
	Col int
	// Path is the path of XML elements, as written, from the root to the
	// element the error is in, for example "/rdf:RDF/ex:Thing/ex:name".
	// It is "" for errors outside any element.
	Path string
	// Found is the offending input: an element or attribute name, an
	// attribute value, text, or "" for the end of the input.
	Found string
	// Expected says what the grammar needed, for example
	// "a node element (not rdf:li)".
	Expected string
}

// Error returns the error as file:line:col: path: expected X, found Y.
func (e *ParseError) Error() string {
	return problems.Message(e.File, e.Line, e.Col, e.Path, e.Expected, problems.Quote(e.Found, "end of input"))
}

// Unwrap returns [ErrSyntax], so errors.Is(err, ErrSyntax) tells syntax
// errors from I/O errors.
func (e *ParseError) Unwrap() error { return ErrSyntax }
