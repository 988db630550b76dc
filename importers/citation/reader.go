package citation

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Reader reads citations from a text, one per line, as a stream.
type Reader struct {
	r    *bufio.Reader
	name string
	line int
	err  error // sticky: the first error, returned by every later Read
}

// NewReader returns a Reader that reads citations from r. The name, usually
// a file name, is put in errors.
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{r: bufio.NewReader(r), name: name}
}

// Read returns the next citation, skipping blank lines. It returns io.EOF
// after the last one. A line that is not a citation is returned as a
// [*ParseError], and so is every later call: the reader stops at the first
// error.
func (r *Reader) Read() (Citation, error) {
	for r.err == nil {
		s, err := r.r.ReadString('\n')
		if err != nil && !errors.Is(err, io.EOF) {
			r.err = fmt.Errorf("citation: read %s: %w", r.name, err)
			break
		}
		if s == "" && err != nil {
			r.err = io.EOF
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
			r.err = &ParseError{File: r.name, Line: r.line, Col: col + 1, Found: excerpt(s, col), Expected: "UTF-8 text"}
			break
		}
		if strings.TrimSpace(s) == "" {
			continue
		}
		c, lerr := parseLine(s)
		if lerr != nil {
			r.err = &ParseError{File: r.name, Line: r.line, Col: lerr.col + 1, Found: excerpt(s, lerr.col), Expected: lerr.expected}
			break
		}
		c.Line = r.line
		return c, nil
	}
	return Citation{}, r.err
}

// Parse reads every citation in r, one per line, skipping blank lines. The
// name, usually a file name, is put in errors. On error it returns the
// citations read before the bad line and a [*ParseError] (or an I/O error).
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
