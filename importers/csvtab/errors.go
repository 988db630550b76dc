package csvtab

import (
	"errors"
	"fmt"

	"civicgraph/rdf/problems"
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

// Error returns the problem as file:row:column: expected X, found Y. The
// file name, column and found text are escaped and cut short
// (problems.Safe, problems.Quote), so a crafted header or cell cannot write
// control sequences to a terminal or make the message huge.
func (e *Error) Error() string {
	where := problems.Safe(e.File)
	if e.Row > 0 {
		where += fmt.Sprintf(":row %d", e.Row)
	}
	if e.Column != "" {
		where += ":column " + problems.Safe(e.Column)
	}
	if e.Found == "" {
		return fmt.Sprintf("%s: expected %s", where, problems.Safe(e.Expected))
	}
	return fmt.Sprintf("%s: expected %s, found %s", where, problems.Safe(e.Expected), problems.Quote(e.Found, ""))
}

// Unwrap returns [ErrInvalid].
func (e *Error) Unwrap() error { return ErrInvalid }
