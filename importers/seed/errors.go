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
// line, which column, and what is wrong. It unwraps to the cause, which
// matches [ErrData] (with errors.Is) for a value that breaks the rules of
// the file.
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

// detail is a message about seed data that matches [ErrData] without
// repeating its text, for use inside a [CSVError] that already says where.
type detail struct{ msg string }

func (d *detail) Error() string        { return d.msg }
func (d *detail) Is(target error) bool { return target == ErrData }

// detailf returns a [detail] with a formatted message.
func detailf(format string, args ...any) error {
	return &detail{msg: fmt.Sprintf(format, args...)}
}

// dataErrorf returns an error wrapping [ErrData] with a message.
func dataErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrData}, args...)...)
}
