package csvtab

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every error about the content of a CSV file.
var ErrInvalid = errors.New("csvtab: invalid CSV")

// Error reports a problem in a CSV file: where it is and what was expected.
type Error struct {
	File     string
	Row      int    // 1 is the header row; 0 when the problem is the file
	Column   string // the column's header, "" when none
	Found    string
	Expected string
}

// Error returns the problem as file:row:column: expected X, found Y.
func (e *Error) Error() string {
	where := e.File
	if e.Row > 0 {
		where += fmt.Sprintf(":row %d", e.Row)
	}
	if e.Column != "" {
		where += ":column " + e.Column
	}
	if e.Found == "" {
		return fmt.Sprintf("%s: expected %s", where, e.Expected)
	}
	return fmt.Sprintf("%s: expected %s, found %q", where, e.Expected, e.Found)
}

// Unwrap returns [ErrInvalid].
func (e *Error) Unwrap() error { return ErrInvalid }
