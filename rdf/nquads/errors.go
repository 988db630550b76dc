package nquads

import (
	"errors"

	"civicgraph/rdf/problems"
)

// ErrSyntax is returned, wrapped in a [*ParseError], when the input is not
// valid N-Triples or N-Quads.
var ErrSyntax = errors.New("nquads: syntax error")

// ParseError reports a syntax error and where it is. Its fields are stable:
// callers may show them, test them, or point an editor at File:Line:Col.
type ParseError struct {
	// File is the name given to [NewReader], "" if none was given.
	File string
	// Line is the line number, counting from 1. LF, CRLF and a lone CR each
	// end a line.
	Line int
	// Col is the byte offset in the line of the offending input, counting
	// from 1.
	Col int
	// Found is the offending input at Col: one character for most errors,
	// the whole token (an escape, a relative IRI) when the token as a whole
	// is wrong, and "" for the end of the line.
	Found string
	// Expected says what the grammar needed at Col, for example
	// "'>' to end IRI".
	Expected string
}

// Error returns the error as file:line:col: expected X, found Y.
func (e *ParseError) Error() string {
	return problems.Message(e.File, e.Line, e.Col, "", e.Expected, problems.Quote(e.Found, "end of line"))
}

// Unwrap returns [ErrSyntax], so errors.Is(err, ErrSyntax) tells syntax
// errors from I/O errors.
func (e *ParseError) Unwrap() error { return ErrSyntax }
