package mapping

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ErrInvalid is wrapped by every error about the content of a data file read
// through a mapping: a row, a value, a column missing from the header.
var ErrInvalid = errors.New("mapping: invalid input")

// ErrBadMapping is wrapped by every error about a mapping file itself.
var ErrBadMapping = errors.New("mapping: bad mapping file")

// Error reports a problem in the data read through a mapping: where it is in
// the data (row or JSON path, column), which line of the mapping file asked
// for it, what was expected and what was found.
type Error struct {
	// File is the data file's name.
	File string
	// Row is the CSV row (1 is the header) or the JSON Lines line; 0 when
	// the problem is not in one row.
	Row int
	// Path is the JSON path of the record or value, "" for CSV.
	Path string
	// Column is the CSV column or JSON key the mapping reads, "" when none.
	Column string
	// Map and MapLine name the mapping file and the line of the rule that
	// read the value; MapLine is 0 when no rule is to blame.
	Map     string
	MapLine int
	// Found is what is there; Expected what the mapping needs.
	Found    string
	Expected string
}

// Error returns "file:row 12: column "x" (mapping m.map.toml:40): expected
// X, found "Y"", leaving out the parts that are empty.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("mapping: ")
	b.WriteString(e.File)
	if e.Row > 0 {
		b.WriteString(":row " + strconv.Itoa(e.Row))
	}
	if e.Path != "" {
		b.WriteString(": " + e.Path)
	}
	if e.Column != "" {
		fmt.Fprintf(&b, ": column %q", e.Column)
	}
	if e.MapLine > 0 {
		fmt.Fprintf(&b, " (mapping %s:%d)", e.Map, e.MapLine)
	}
	b.WriteString(": expected " + e.Expected)
	if e.Found != "" {
		b.WriteString(", found " + e.Found)
	}
	return b.String()
}

// Unwrap returns [ErrInvalid].
func (e *Error) Unwrap() error { return ErrInvalid }

// FileError reports a problem in a mapping file, at a line and column.
type FileError struct {
	File string
	Line int // from 1; 0 when unknown
	Col  int // from 1; 0 when unknown
	Msg  string
}

// Error returns "mapping file m.map.toml:12:3: msg".
func (e *FileError) Error() string {
	where := e.File
	if e.Line > 0 {
		where += ":" + strconv.Itoa(e.Line)
		if e.Col > 0 {
			where += ":" + strconv.Itoa(e.Col)
		}
	}
	return "mapping file " + where + ": " + e.Msg
}

// Unwrap returns [ErrBadMapping].
func (e *FileError) Unwrap() error { return ErrBadMapping }
