package citation

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"civicgraph/rdf/problems"
)

// Reader reads citations from a text, one per line, as a stream.
type Reader struct {
	r    *bufio.Reader
	name string
	line int
	err  error // sticky: the error at the end, returned by every later Read

	problems problems.List // the lines that are not citations
}

// NewReader returns a Reader that reads citations from r. The name, usually
// a file name, is put in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReader(r), name: name}
}

// Read returns the next citation, skipping blank lines. It returns io.EOF
// after the last one. A line that is not a citation is skipped and its
// [*ParseError] kept: at the end of the input Read returns, instead of
// io.EOF, that ParseError when there was one, and otherwise an error that
// lists the first 100 and counts the rest (errors.As finds the first
// ParseError in it). A read error ends the input at once, returned with
// the syntax errors before it. The error is returned by every later call
// too.
func (r *Reader) Read() (Citation, error) {
	for r.err == nil {
		s, err := r.r.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			r.problems.Add(fmt.Errorf("citation: read %s: %w", r.name, err))
			r.err = r.problems.Err()
			break
		}
		if s == "" && err != nil {
			if r.err = r.problems.Err(); r.err == nil {
				r.err = io.EOF
			}
			break
		}
		r.line++
		s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
		if r.line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if !utf8.ValidString(s) {
			col := 0
			for col < len(s) {
				_, n := utf8.DecodeRuneInString(s[col:])
				if n == 1 && s[col] >= utf8.RuneSelf {
					break
				}
				col += n
			}
			r.problems.Add(&ParseError{File: r.name, Line: r.line, Col: col + 1, Found: excerpt(s, col), Expected: "UTF-8 text"})
			continue
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		c, lerr := parseLine(s)
		if lerr != nil {
			r.problems.Add(&ParseError{File: r.name, Line: r.line, Col: lerr.col + 1, Found: excerpt(s, lerr.col), Expected: lerr.expected})
			continue
		}
		c.Line = r.line
		return c, nil
	}
	return Citation{}, r.err
}

// Parse reads every citation in r, one per line, skipping blank lines. The
// name, usually a file name, is put in errors. Lines that are not
// citations are skipped, as [Reader.Read] skips them: Parse returns the
// citations of the other lines and the errors, a [*ParseError] when there
// was one and an error listing them when there were more.
func Parse(r io.Reader, name string) ([]Citation, error) {
	rd := NewReader(r, name)
	var out []Citation
	for {
		c, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
}
