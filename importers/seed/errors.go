package seed

import (
	"errors"
	"fmt"
)

// ErrData is returned, wrapped, when the seed files are inconsistent: a
// reference to an entity that is not there, an unknown concept code, two
// references with one IRI. It means data/ was edited wrongly.
var ErrData = errors.New("seed: invalid seed data")

// CSVError reports a bad value in a CSV file of the seed: which file, which
// line, which column, and what is wrong. It unwraps to the cause, which is
// [ErrData] for a value that breaks the rules of the file.
type CSVError struct {
	// File is the path of the file in data.FS().
	File string
	// Line is the line of the file where the row starts, counting from 1
	// (the header is line 1).
	Line int
	// Column is the header of the column, "" when the error is about the
	// row or the file as a whole.
	Column string
	// Err is what is wrong.
	Err error
}

// Error returns the error as seed: file:line: column "c": what is wrong.
func (e *CSVError) Error() string {
	if e.Column == "" {
		return fmt.Sprintf("seed: %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("seed: %s:%d: column %q: %v", e.File, e.Line, e.Column, e.Err)
}

// Unwrap returns the cause.
func (e *CSVError) Unwrap() error { return e.Err }

// dataErrorf returns an error wrapping [ErrData] with a message.
func dataErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrData}, args...)...)
}
