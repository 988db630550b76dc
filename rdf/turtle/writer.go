package turtle

import (
	"fmt"
	"io"

	"civicgraph/graph"
	"civicgraph/rdf/internal/grammar"
	"civicgraph/rdf/ns"
)

// writerBufSize is how much output a Writer gathers before it writes.
const writerBufSize = 64 << 10

// Writer writes quads as Turtle or TriG: the prefixes first, then one
// block per subject with predicates joined by ";" and objects by ",", and
// in TriG one "<g> { ... }" block per named graph. Terms are written as
// in canonical N-Triples (the escapes are the same), IRIs as prefixed
// names where a prefix fits, rdf:type as "a".
//
// Input grouped by graph and then by subject, as the store's graph-ordered
// scans give it, makes the most compact output; any order is still
// correct, since Turtle and TriG allow a subject, or a graph, to come back.
// A Writer is not safe for concurrent use.
type Writer struct {
	w        io.Writer
	trig     bool
	prefixes []ns.Prefix
	buf      []byte
	started  bool
	inGraph  bool       // a "<g> {" block is open (TriG)
	graph    graph.Term // graph of the open block
	subj     graph.Term // subject of the open block
	pred     graph.Term // predicate of the open block
	err      error
}

// NewWriter returns a writer of Turtle (trig false: graph names are
// dropped) or TriG (trig true) to w, declaring prefixes and using them
// for prefixed names.
func NewWriter(w io.Writer, trig bool, prefixes []ns.Prefix) *Writer {
	return &Writer{w: w, trig: trig, prefixes: prefixes, buf: make([]byte, 0, writerBufSize+4096)}
}

func (t *Writer) header() {
	for _, p := range t.prefixes {
		t.buf = append(t.buf, "@prefix "...)
		t.buf = append(t.buf, p.Name...)
		t.buf = append(t.buf, ": <"...)
		t.buf = append(t.buf, p.IRI...)
		t.buf = append(t.buf, "> .\n"...)
	}
	t.started = true
}

// Write adds q. A quad that cannot be written (a relative IRI, an IRI
// holding a character RDF forbids, a bad label) returns an error wrapping
// [graph.ErrInvalidQuad] and writes nothing; the writer can go on. An
// error from the underlying writer is returned by this and every later
// call.
func (t *Writer) Write(q graph.Quad) error {
	if t.err != nil {
		return t.err
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("turtle: %w", err)
	}
	if !t.started {
		t.header()
	}
	if !t.trig {
		q.G = graph.Term{}
	}
	mark, subj, pred, inGraph, g := len(t.buf), t.subj, t.pred, t.inGraph, t.graph
	buf, err := t.appendQuad(t.buf, q)
	if err != nil {
		t.buf = buf[:mark]
		t.subj, t.pred, t.inGraph, t.graph = subj, pred, inGraph, g
		return fmt.Errorf("turtle: %w", err)
	}
	t.buf = buf
	if len(t.buf) >= writerBufSize {
		return t.flushBuf()
	}
	return nil
}

// indent is the indentation of a subject inside a graph block.
func (t *Writer) indent() string {
	if t.inGraph {
		return "    "
	}
	return ""
}

func (t *Writer) appendQuad(buf []byte, q graph.Quad) ([]byte, error) {
	var err error
	switch {
	case q.G == t.graph && q.S == t.subj && q.P == t.pred:
		buf = append(buf, " ,\n        "...)
		buf = append(buf, t.indent()...)
	case q.G == t.graph && q.S == t.subj:
		buf = append(buf, " ;\n    "...)
		buf = append(buf, t.indent()...)
		if buf, err = t.appendPredicate(buf, q.P); err != nil {
			return buf, err
		}
		buf = append(buf, ' ')
	default:
		if !t.subj.IsZero() {
			buf = append(buf, " .\n"...)
		}
		if q.G != t.graph {
			if t.inGraph {
				buf = append(buf, "}\n"...)
				t.inGraph = false
			}
			if !q.G.IsZero() {
				buf = append(buf, '\n')
				if buf, err = t.appendTerm(buf, q.G, "graph name"); err != nil {
					return buf, err
				}
				buf = append(buf, " {"...)
				t.inGraph = true
			}
			t.graph = q.G
		}
		buf = append(buf, '\n')
		buf = append(buf, t.indent()...)
		if buf, err = t.appendTerm(buf, q.S, "subject"); err != nil {
			return buf, err
		}
		buf = append(buf, ' ')
		if buf, err = t.appendPredicate(buf, q.P); err != nil {
			return buf, err
		}
		buf = append(buf, ' ')
	}
	if buf, err = t.appendTerm(buf, q.O, "object"); err != nil {
		return buf, err
	}
	t.subj, t.pred = q.S, q.P
	return buf, nil
}

func (t *Writer) appendPredicate(dst []byte, p graph.Term) ([]byte, error) {
	if p == graph.IRI(graph.RDFType) {
		return append(dst, 'a'), nil
	}
	return t.appendTerm(dst, p, "predicate")
}

// appendTerm writes an IRI as a prefixed name where one fits, literals with
// prefixed datatypes, and everything else as in N-Triples.
func (t *Writer) appendTerm(dst []byte, term graph.Term, role string) ([]byte, error) {
	switch {
	case term.Kind == graph.KindIRI:
		if p, local, ok := ns.Match(t.prefixes, term.Value, safeLocal); ok && grammar.CheckIRI(term.Value) == "" {
			return appendPrefixed(dst, p, local), nil
		}
	case term.Kind == graph.KindLiteral && term.Lang == "" && term.Datatype != "" && term.Datatype != graph.XSDString:
		if p, local, ok := ns.Match(t.prefixes, term.Datatype, safeLocal); ok && grammar.CheckIRI(term.Datatype) == "" {
			var err error
			if dst, err = grammar.AppendTerm(dst, graph.String(term.Value), role); err != nil {
				return dst, err
			}
			dst = append(dst, "^^"...)
			return appendPrefixed(dst, p, local), nil
		}
	}
	return grammar.AppendTerm(dst, term, role)
}

func appendPrefixed(dst []byte, p ns.Prefix, local string) []byte {
	dst = append(dst, p.Name...)
	dst = append(dst, ':')
	return append(dst, local...)
}

// safeLocal reports whether s can follow "prefix:" unescaped: empty, or
// ASCII letters, digits, '_' and '-', not starting with '-'. It is a
// subset of PN_LOCAL that every Turtle reader takes alike.
func safeLocal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (t *Writer) flushBuf() error {
	if _, err := t.w.Write(t.buf); err != nil {
		t.err = fmt.Errorf("turtle: write: %w", err)
		return t.err
	}
	t.buf = t.buf[:0]
	return nil
}

// Flush ends the open blocks and writes everything buffered. Call it once,
// at the end; Write after Flush starts new blocks.
func (t *Writer) Flush() error {
	if t.err != nil {
		return t.err
	}
	if !t.started {
		t.header()
	}
	if !t.subj.IsZero() {
		t.buf = append(t.buf, " .\n"...)
	}
	if t.inGraph {
		t.buf = append(t.buf, "}\n"...)
	}
	t.subj, t.pred, t.graph, t.inGraph = graph.Term{}, graph.Term{}, graph.Term{}, false
	return t.flushBuf()
}
