package registers

import (
	"errors"

	"civicgraph/rdf/problems"
)

// ErrInvalid is returned, wrapped in an [*Error], when the input is not a
// register file the reader can map: JSON or CSV syntax errors, a missing
// column, a row with the wrong number of fields, a record without an id,
// a title or an organisation, a value of the wrong JSON type.
var ErrInvalid = errors.New("registers: invalid input")

// Error reports a problem in the input and where it is. Its fields are
// stable: callers may show them, test them, or point an editor at
// File:Line:Col.
type Error struct {
	// File is the name given to [NewReader], "" if none was given.
	File string
	// Line is the line number, counting from 1; 0 when it is unknown.
	Line int
	// Col is the byte offset in the line (JSON) or the field number (CSV),
	// counting from 1; 0 when it is unknown.
	Col int
	// Path is the JSON path of the offending value, such as
	// algoritmes[12].title, or the CSV column name; "" when the problem is
	// the text itself.
	Path string
	// Found is what is there, such as "string \"\"" or "end of input".
	Found string
	// Expected says what was needed, such as "a non-empty title".
	Expected string
}

// Error returns the error as "registers: file:line:col: path: expected X,
// found Y", leaving out the parts that are empty.
func (e *Error) Error() string {
	return "registers: " + problems.Message(e.File, e.Line, e.Col, e.Path, e.Expected, e.Found)
}

// Unwrap returns [ErrInvalid], so errors.Is(err, ErrInvalid) tells bad
// input from I/O errors.
func (e *Error) Unwrap() error { return ErrInvalid }
