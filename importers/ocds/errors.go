package ocds

import (
	"errors"

	"civicgraph/rdf/problems"
)

// ErrInvalid is returned, wrapped in an [*Error], when the input is not
// OCDS JSON the reader can map: JSON syntax errors, text that is not
// UTF-8, a release without an ocid, an amount that is not a number, a date
// that is not RFC 3339, a value of the wrong JSON type.
var ErrInvalid = errors.New("ocds: invalid input")

// Error reports a problem in the input and where it is. Its fields are
// stable: callers may show them, test them, or point an editor at
// File:Line:Col.
type Error struct {
	// File is the name given to [NewReader], "" if none was given.
	File string
	// Path is the JSON path of the offending value from the top of the
	// JSON value it is in, such as releases[12].tender.value.amount;
	// records[0].compiledRelease.ocid; [3].date for a top-level array; ""
	// when the problem is the JSON text itself at the top level.
	Path string
	// Line is the line number, counting from 1; 0 when the position is
	// unknown.
	Line int
	// Col is the byte offset in the line, counting from 1.
	Col int
	// Found is what is there, such as "string \"n/a\"" or "end of input".
	Found string
	// Expected says what was needed, such as "a number".
	Expected string
}

// Error returns the error as "ocds: file:line:col: path: expected X, found
// Y", leaving out the parts that are empty.
func (e *Error) Error() string {
	return "ocds: " + problems.Message(e.File, e.Line, e.Col, e.Path, e.Expected, e.Found)
}

// Unwrap returns [ErrInvalid], so errors.Is(err, ErrInvalid) tells bad
// input from I/O errors.
func (e *Error) Unwrap() error { return ErrInvalid }

// fieldError is a problem found in a decoded value, with its path
// relative to that value; the reader turns it into an [*Error] with the
// position.
type fieldError struct {
	path     string
	found    string
	expected string
}

// Error returns the problem as text, for the rare case it is shown as is.
func (e *fieldError) Error() string {
	return "ocds: " + e.path + ": expected " + e.expected + ", found " + e.found
}
