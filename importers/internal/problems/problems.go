// Package problems collects the errors a parser finds in one input, so
// that one run lists every problem instead of stopping at the first: the
// RDF and OCDS readers share it. It keeps the first [Max] errors and
// counts the rest.
package problems

import (
	"strconv"
	"strings"
)

// Max is how many errors a [List] keeps; after that it only counts them.
const Max = 100

// List is the errors found in one input: the first [Max] in Errors, and
// how many there were in all in Total. The zero List is empty and ready
// to use. It is not safe for concurrent use.
type List struct {
	Errors []error
	Total  int
}

// Add records err; a nil err is ignored.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	l.Total++
	if len(l.Errors) < Max {
		l.Errors = append(l.Errors, err)
	}
}

// Len returns how many errors were added, kept or not.
func (l *List) Len() int { return l.Total }

// Err returns nil when no error was added, the error itself when exactly
// one was (so a single problem reads and compares as it did before
// parsers collected them), and otherwise a copy of the list as an error.
func (l *List) Err() error {
	switch l.Total {
	case 0:
		return nil
	case 1:
		return l.Errors[0]
	}
	return &List{Errors: l.Errors[:len(l.Errors):len(l.Errors)], Total: l.Total}
}

// Error lists the errors kept, one a line, and then, when some were only
// counted, a line "... and N more problems (T in all)".
func (l *List) Error() string {
	var b strings.Builder
	for i, err := range l.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	if more := l.Total - len(l.Errors); more > 0 {
		if len(l.Errors) > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("... and ")
		b.WriteString(strconv.Itoa(more))
		b.WriteString(" more problems (")
		b.WriteString(strconv.Itoa(l.Total))
		b.WriteString(" in all)")
	}
	return b.String()
}

// Unwrap returns the errors kept, for errors.Is and errors.As, which look
// at them in order: errors.As finds the first of a type.
func (l *List) Unwrap() []error { return l.Errors }

// Message formats a problem found in an input the way every parser reports
// one: "file:line:col: path: expected X, found Y", leaving out the file
// when it is "", the line and column when line is 0, and the path (a JSON
// or XML path) when it is "". found is written as given: the caller quotes
// an excerpt of the input, or names the end of a line or of the input.
func Message(file string, line, col int, path, expected, found string) string {
	var b strings.Builder
	if file != "" {
		b.WriteString(file)
		b.WriteByte(':')
	}
	if line > 0 {
		b.WriteString(strconv.Itoa(line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(col))
		b.WriteByte(':')
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if path != "" {
		b.WriteString(path)
		b.WriteString(": ")
	}
	b.WriteString("expected ")
	b.WriteString(expected)
	b.WriteString(", found ")
	b.WriteString(found)
	return b.String()
}

// Quote returns found quoted, or end when found is "" (the problem is at the
// end of a line or of the input).
func Quote(found, end string) string {
	if found == "" {
		return end
	}
	return strconv.Quote(found)
}
