package citation

import (
	"errors"

	"civicgraph/rdf/problems"
)

// ErrSyntax is returned, wrapped in a [*ParseError], when a line is not a
// citation in the plain style this package reads.
var ErrSyntax = errors.New("citation: syntax error")

// ParseError reports a line that is not a citation, and where and why. Its
// fields are stable: callers may show them, test them, or point an editor at
// File:Line:Col.
type ParseError struct {
	// File is the name given to [NewReader] or [Parse], "" if none was given.
	File string
	// Line is the line number, counting from 1.
	Line int
	// Col is the byte offset in the line of the offending input, counting
	// from 1.
	Col int
	// Found is a short excerpt of the input at Col, "" for the end of the line.
	Found string
	// Expected says what the citation style needed at Col, for example
	// "(year) after the authors".
	Expected string
}

// Error returns the error as citation: file:line:col: expected X, found Y.
func (e *ParseError) Error() string {
	return "citation: " + problems.Message(e.File, e.Line, e.Col, "", e.Expected, problems.Quote(e.Found, "end of line"))
}

// Unwrap returns [ErrSyntax], so errors.Is(err, ErrSyntax) tells syntax
// errors from I/O errors.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// lineError is a syntax error inside one line, before the reader adds the
// file name and line number.
type lineError struct {
	col      int // byte offset from 0
	expected string
}

// excerpt returns at most 24 bytes of s from off, cut at a rune boundary.
func excerpt(s string, off int) string {
	if off >= len(s) {
		return ""
	}
	s = s[off:]
	const max = 24
	if len(s) <= max {
		return s
	}
	n := max
	for n > 0 && !isRuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
