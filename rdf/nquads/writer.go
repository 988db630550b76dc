package nquads

import (
	"fmt"
	"io"

	"civicgraph/graph"

	"civicgraph/rdf/internal/grammar"
)

// nquadsBufSize is how much output Writer gathers before it writes.
const nquadsBufSize = 64 << 10

// Writer writes quads as canonical N-Triples or N-Quads. It is not
// safe for concurrent use.
type Writer struct {
	w     io.Writer
	quads bool
	buf   []byte
	err   error // sticky error from w
}

// NewWriter returns a writer that writes to w. With quads true it
// writes N-Quads, adding the graph name of quads not in the default graph;
// with quads false it writes N-Triples and drops graph names.
func NewWriter(w io.Writer, quads bool) *Writer {
	return &Writer{w: w, quads: quads, buf: make([]byte, 0, nquadsBufSize+4096)}
}

// Write adds q to the output as one line. A quad that N-Quads cannot
// express is refused with an error wrapping [graph.ErrInvalidQuad]; nothing
// of it is written and the writer can go on. An error from the underlying
// writer is returned by this and every later call.
func (w *Writer) Write(q graph.Quad) error {
	if w.err != nil {
		return w.err
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("nquads: %w", err)
	}
	mark := len(w.buf)
	var err error
	buf := w.buf
	if buf, err = grammar.AppendTerm(buf, q.S, "subject"); err == nil {
		buf = append(buf, ' ')
		if buf, err = grammar.AppendTerm(buf, q.P, "predicate"); err == nil {
			buf = append(buf, ' ')
			if buf, err = grammar.AppendTerm(buf, q.O, "object"); err == nil && w.quads && !q.G.IsZero() {
				buf = append(buf, ' ')
				buf, err = grammar.AppendTerm(buf, q.G, "graph name")
			}
		}
	}
	if err != nil {
		w.buf = buf[:mark]
		return fmt.Errorf("nquads: %w", err)
	}
	w.buf = append(buf, " .\n"...)
	if len(w.buf) >= nquadsBufSize {
		return w.Flush()
	}
	return nil
}

// Flush writes any buffered output to the underlying writer.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.w.Write(w.buf)
	w.buf = w.buf[:0]
	if err != nil {
		w.err = fmt.Errorf("nquads: write n-quads: %w", err)
	}
	return w.err
}
