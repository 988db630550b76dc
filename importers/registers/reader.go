package registers

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Reader reads one register file and returns its entries as quads in the
// project's ontology; see the package documentation for the mapping. It
// reads one record at a time, so memory does not grow with the file
// beyond the set of organisations seen. It is not safe for concurrent use.
type Reader struct {
	name   string
	format Format
	m      mapper

	out  []graph.Quad
	next int
	err  error // sticky: the error Read returned, or io.EOF

	records int
	skipped int
	line    int

	count *countReader

	// Algoritmeregister JSON.
	src    *source
	dec    *json.Decoder
	jstate jsonState
	idx    int
	found  bool // an algoritmes array was seen

	// CSV formats.
	cr    *csv.Reader
	cols  map[string]int
	heads map[string]string // normalised header → the header as written
	ncol  int
}

// NewReader returns a Reader that reads a register in the given format
// from r. name is used in errors and may be "". base is the base IRI of
// the entities it mints ([schema.EntityIRI]); "" means
// [schema.DefaultBase]. A format the reader does not know makes the first
// Read return an error wrapping [ErrInvalid].
func NewReader(r io.Reader, name string, format Format, base string) *Reader {
	if base == "" {
		base = schema.DefaultBase
	}
	rd := &Reader{name: name, format: format, m: mapper{base: base, orgs: map[string]*orgFacts{}, concepts: map[string]bool{}}}
	rd.count = &countReader{r: r}
	switch format {
	case Algoritmeregister:
		rd.src = newSource(rd.count)
		rd.dec = json.NewDecoder(rd.src)
		rd.dec.UseNumber()
	case JRCCases, T6XServices:
		br := bufio.NewReader(rd.count)
		if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
			_, _ = br.Discard(3)
		}
		rd.cr = csv.NewReader(br)
		rd.cr.FieldsPerRecord = -1
		rd.cr.ReuseRecord = true
	default:
		rd.err = &Error{File: name, Found: fmt.Sprintf("format %q", string(format)), Expected: "a register format (see Formats)"}
	}
	return rd
}

// Read returns the next quad, with a zero graph (the caller sets it), or
// io.EOF after the last. The quads of a register entry come together,
// preceded by those of its organisation the first time the reader meets
// it. An error in the input is an [*Error] wrapping [ErrInvalid]; an
// error from the underlying reader is returned wrapped. Once Read has
// returned an error it returns it again on every call.
func (r *Reader) Read() (graph.Quad, error) {
	for r.next >= len(r.out) {
		if r.err != nil {
			return graph.Quad{}, r.err
		}
		r.m.out = r.m.out[:0]
		var err error
		if r.format == Algoritmeregister {
			err = r.stepJSON()
		} else {
			err = r.stepCSV()
		}
		if err == io.EOF {
			r.m.finish()
		}
		r.out, r.next = r.m.out, 0
		if err != nil {
			r.err = err
		}
	}
	q := r.out[r.next]
	r.next++
	return q, nil
}

// Line returns the line on which the last record read starts, counting
// from 1; 0 before the first.
func (r *Reader) Line() int { return r.line }

// BytesRead returns how many bytes the reader has read from its input.
// The decoders read ahead, so this runs ahead of the quads returned.
func (r *Reader) BytesRead() int64 { return r.count.n }

// Records returns how many register entries the reader has read so far,
// mapped or skipped.
func (r *Reader) Records() int { return r.records }

// Skipped returns how many entries the reader left out because the
// organisation responsible is not a public administration (the JRC and
// T6-X data list private firms, research bodies and consortia too) or is
// not named: a procurement needs a public buyer.
func (r *Reader) Skipped() int { return r.skipped }

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}
