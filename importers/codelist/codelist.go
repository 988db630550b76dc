package codelist

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// ErrInvalid is wrapped by every error about the content of a code list.
var ErrInvalid = errors.New("invalid code list")

// Error is a problem in a code list: the file, the line (1 is the header),
// the column, what was found and what was expected.
type Error struct {
	File     string
	Line     int
	Column   string
	Found    string
	Expected string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Column != "" {
		fmt.Fprintf(&b, "column %q: ", e.Column)
	}
	fmt.Fprintf(&b, "expected %s", e.Expected)
	if e.Found != "" {
		fmt.Fprintf(&b, ", found %s", e.Found)
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *Error) Unwrap() error { return ErrInvalid }

// required are the first three columns of a code list, in order.
var required = []string{"Code", "Title", "Description"}

// Detect reports whether head, the start of a file, is a code list: its
// first line (after a byte order mark) holds the columns Code, Title and
// Description, in that order, before any others.
func Detect(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	line, _, _ := bytes.Cut(head, []byte("\n"))
	rec, err := csv.NewReader(bytes.NewReader(bytes.TrimSuffix(line, []byte("\r")))).Read()
	if err != nil || len(rec) < len(required) {
		return false
	}
	for i, c := range required {
		if !strings.EqualFold(strings.TrimSpace(rec[i]), c) {
			return false
		}
	}
	return true
}

// SchemeIRI returns the IRI of the concept scheme that the code list in the
// file name becomes: {base}codelist/<slug of the file's stem>.
func SchemeIRI(base, name string) string {
	stem := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return schema.EntityIRI(base, "codelist", schema.Slug(stem))
}

// Reader reads a code list one row at a time and returns its quads, with a
// zero graph (the caller sets it). It is not safe for concurrent use.
type Reader struct {
	name   string
	stem   string
	scheme graph.Term
	cr     *csv.Reader
	header []string
	seen   map[string]int // code → line
	rows   int
	out    []graph.Quad
	next   int
	err    error // sticky: the error Read returned, or io.EOF
}

// NewReader returns a Reader of the code list in r. name is the file's name
// (its stem names the scheme, and errors name it); base is the base IRI of
// instances ("" means schema.DefaultBase).
func NewReader(r io.Reader, name string, base string) *Reader {
	if base == "" {
		base = schema.DefaultBase
	}
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = false
	return &Reader{
		name:   name,
		stem:   strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)),
		scheme: graph.IRI(SchemeIRI(base, name)),
		cr:     cr,
		seen:   map[string]int{},
	}
}

// Line returns the line of the last record read.
func (r *Reader) Line() int {
	l, _ := r.cr.FieldPos(0)
	return l
}

// Rows returns the number of concepts read so far.
func (r *Reader) Rows() int { return r.rows }

// Read returns the next quad, or io.EOF after the last. An error in the
// input is an *Error wrapping ErrInvalid.
func (r *Reader) Read() (graph.Quad, error) {
	for r.next >= len(r.out) {
		if r.err != nil {
			return graph.Quad{}, r.err
		}
		r.out, r.next = r.out[:0], 0
		if err := r.fill(); err != nil {
			r.err = err
			if len(r.out) == 0 {
				return graph.Quad{}, err
			}
		}
	}
	q := r.out[r.next]
	r.next++
	return q, nil
}

func (r *Reader) add(s graph.Term, p string, o graph.Term) {
	r.out = append(r.out, graph.Quad{S: s, P: graph.IRI(p), O: o})
}

// fill reads the header (the first time) or one row into out.
func (r *Reader) fill() error {
	if r.header == nil {
		rec, err := r.cr.Read()
		if err == io.EOF {
			return &Error{File: r.name, Line: 1, Expected: "a header Code,Title,Description", Found: "an empty file"}
		}
		if err != nil {
			return r.csvError(err)
		}
		if !Detect([]byte(strings.Join(quoteAll(rec), ","))) {
			return &Error{File: r.name, Line: 1, Expected: "a header whose first columns are Code, Title and Description", Found: fmt.Sprintf("%q", strings.Join(rec, ","))}
		}
		r.header = make([]string, len(rec))
		for i, h := range rec {
			r.header[i] = strings.TrimSpace(h)
		}
		r.cr.FieldsPerRecord = len(rec)
		r.add(r.scheme, schema.RDFType, graph.IRI(schema.SKOSConceptScheme))
		r.add(r.scheme, schema.RDFSLabel, graph.String(r.stem))
		r.add(r.scheme, schema.DCTermsTitle, graph.String(r.stem))
		return nil
	}
	rec, err := r.cr.Read()
	if err == io.EOF {
		if r.rows == 0 {
			return &Error{File: r.name, Line: 2, Expected: "at least one code after the header", Found: "none"}
		}
		return io.EOF
	}
	if err != nil {
		return r.csvError(err)
	}
	line := r.Line()
	code := strings.TrimSpace(rec[0])
	if code == "" {
		return &Error{File: r.name, Line: line, Column: r.header[0], Expected: "a code", Found: "an empty field"}
	}
	if prev, ok := r.seen[code]; ok {
		return &Error{File: r.name, Line: line, Column: r.header[0], Expected: "a code not given before", Found: fmt.Sprintf("%q, already on line %d", code, prev)}
	}
	r.seen[code] = line
	r.rows++
	c := graph.IRI(r.scheme.Value + "/" + url.PathEscape(code))
	r.add(c, schema.RDFType, graph.IRI(schema.SKOSConcept))
	r.add(c, schema.SKOSInScheme, r.scheme)
	r.add(c, schema.SKOSTopConceptOf, r.scheme)
	r.add(r.scheme, schema.SKOSHasTopConcept, c)
	r.add(c, schema.SKOSNotation, graph.String(code))
	title := strings.TrimSpace(rec[1])
	if title == "" {
		title = code
	}
	r.add(c, schema.SKOSPrefLabel, graph.String(title))
	if d := strings.TrimSpace(rec[2]); d != "" {
		r.add(c, schema.SKOSDefinition, graph.String(d))
	}
	for i := len(required); i < len(rec); i++ {
		if v := strings.TrimSpace(rec[i]); v != "" {
			r.add(c, schema.SKOSNote, graph.String(r.header[i]+": "+v))
		}
	}
	return nil
}

// csvError turns an error of encoding/csv into an *Error.
func (r *Reader) csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		found := pe.Err.Error()
		expected := "a well-formed CSV record"
		if errors.Is(pe.Err, csv.ErrFieldCount) {
			expected = fmt.Sprintf("%d fields, as in the header", len(r.header))
			found = "another number of fields (a row cut or with extra separators)"
		}
		return &Error{File: r.name, Line: pe.Line, Expected: expected, Found: found}
	}
	return fmt.Errorf("%s: reading: %w", r.name, err)
}

// quoteAll quotes fields for Detect, so that commas inside them survive.
func quoteAll(rec []string) []string {
	out := make([]string, len(rec))
	for i, f := range rec {
		out[i] = `"` + strings.ReplaceAll(f, `"`, `""`) + `"`
	}
	return out
}
