package bib

import (
	"errors"
	"strconv"

	"civicgraph/rdf/problems"
)

// ErrSyntax is returned, wrapped in a [*ParseError], when the input is not
// a bibliography in the format the [Reader] was asked to read.
var ErrSyntax = errors.New("bib: syntax error")

// ErrUnknownFormat is returned by [Reader.Read] and [Parse] when the
// [Format] is not one of [BibTeX], [CSLJSON] and [RIS].
var ErrUnknownFormat = errors.New("bib: unknown format")

// ParseError reports input that is not a bibliography entry, and where and
// why. Its fields are stable: callers may show them, test them, or point an
// editor at File:Line:Col.
type ParseError struct {
	// File is the name given to [NewReader] or [Parse], "" if none was given.
	File string
	// Line is the line number of the offending input, counting from 1. LF,
	// CRLF and a lone CR each end a line.
	Line int
	// Col is the byte offset in the line of the offending input, counting
	// from 1, as Go's own tools count.
	Col int
	// Path is, for CSL-JSON, the JSON path of the offending value, such as
	// "[3].author[0].family" (item 3 of the top-level array, counting from
	// 0), or "" for the array itself; it is "" for BibTeX and RIS.
	Path string
	// Found is what was found at Line:Col, as it reads in the message: a
	// quoted excerpt of the input ("\"x\""), a description ("an object"),
	// "end of line" or "end of input".
	Found string
	// Expected says what the format needed there, for example "'}' to close
	// entry (opened on line 3)" or "date-parts".
	Expected string
}

// Error returns the error as file:line:col: path: expected X, found Y, the
// path only for CSL-JSON.
func (e *ParseError) Error() string {
	found := e.Found
	if found == "" {
		found = "end of input"
	}
	return problems.Message(e.File, e.Line, e.Col, e.Path, e.Expected, found)
}

// Unwrap returns [ErrSyntax], so errors.Is(err, ErrSyntax) tells syntax
// errors from I/O errors.
func (e *ParseError) Unwrap() error { return ErrSyntax }

// endOfInput is ParseError.Found at the end of the input.
const endOfInput = "end of input"

// quoteExcerpt returns at most 24 bytes of s, cut at a rune boundary and
// quoted, or "end of input" when s is empty.
func quoteExcerpt(s string) string {
	if s == "" {
		return endOfInput
	}
	const max = 24
	if len(s) > max {
		n := max
		for n > 0 && s[n]&0xC0 == 0x80 {
			n--
		}
		s = s[:n]
	}
	return strconv.Quote(s)
}
