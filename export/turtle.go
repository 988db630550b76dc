package export

import (
	"fmt"
	"io"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// TurtleWriter writes triples as Turtle: the project's prefixes, then one
// block per subject with predicates joined by ";" and objects by ",". It
// drops graph names (Turtle has none). Input grouped by subject, as the
// store's subject-ordered scans give it, makes the most compact output;
// any order is still correct.
type TurtleWriter struct {
	w        io.Writer
	prefixes []schema.Prefix
	buf      []byte
	started  bool
	subj     graph.Term // subject of the open block
	pred     graph.Term // predicate of the open block
	err      error
}

// NewTurtleWriter returns a writer that writes Turtle to w, using
// schema.Prefixes for prefixed names.
func NewTurtleWriter(w io.Writer) *TurtleWriter {
	return &TurtleWriter{w: w, prefixes: schema.Prefixes()}
}

func (t *TurtleWriter) header() {
	for _, p := range t.prefixes {
		t.buf = append(t.buf, "@prefix "...)
		t.buf = append(t.buf, p.Name...)
		t.buf = append(t.buf, ": <"...)
		t.buf = append(t.buf, p.IRI...)
		t.buf = append(t.buf, "> .\n"...)
	}
	t.started = true
}

// Write adds the triple of q. A quad that cannot be written (a relative IRI,
// a bad label) returns an error wrapping graph.ErrInvalidQuad and writes
// nothing.
func (t *TurtleWriter) Write(q graph.Quad) error {
	if t.err != nil {
		return t.err
	}
	if !t.started {
		t.header()
	}
	mark := len(t.buf)
	var err error
	switch {
	case q.S == t.subj && q.P == t.pred:
		t.buf = append(t.buf, " ,\n        "...)
	case q.S == t.subj:
		t.buf = append(t.buf, " ;\n    "...)
		t.buf, err = t.appendPredicate(t.buf, q.P)
		t.buf = append(t.buf, ' ')
	default:
		if !t.subj.IsZero() {
			t.buf = append(t.buf, " .\n"...)
		}
		t.buf = append(t.buf, '\n')
		if t.buf, err = t.appendTerm(t.buf, q.S, "subject"); err == nil {
			t.buf = append(t.buf, ' ')
			t.buf, err = t.appendPredicate(t.buf, q.P)
			t.buf = append(t.buf, ' ')
		}
	}
	if err == nil {
		t.buf, err = t.appendTerm(t.buf, q.O, "object")
	}
	if err != nil {
		t.buf = t.buf[:mark]
		return err
	}
	t.subj, t.pred = q.S, q.P
	if len(t.buf) >= 1<<16 {
		return t.flushBuf()
	}
	return nil
}

func (t *TurtleWriter) appendPredicate(dst []byte, p graph.Term) ([]byte, error) {
	if p == graph.IRI(graph.RDFType) {
		return append(dst, 'a'), nil
	}
	return t.appendTerm(dst, p, "predicate")
}

// appendTerm writes an IRI as a prefixed name where one fits, literals with
// prefixed datatypes, and everything else as in N-Triples.
func (t *TurtleWriter) appendTerm(dst []byte, term graph.Term, role string) ([]byte, error) {
	switch {
	case term.Kind == graph.KindIRI:
		if name, ok := t.prefixed(term.Value); ok {
			return append(dst, name...), nil
		}
	case term.Kind == graph.KindLiteral && term.Lang == "" && term.Datatype != "":
		if name, ok := t.prefixed(term.Datatype); ok {
			var err error
			if dst, err = appendTerm(dst, graph.String(term.Value), role); err != nil {
				return dst, err
			}
			dst = append(dst, "^^"...)
			return append(dst, name...), nil
		}
	}
	return appendTerm(dst, term, role)
}

// prefixed returns iri as prefix:local when a prefix's namespace starts it
// and the rest is a safe local name (letters, digits, '_' and '-', not
// starting with '-').
func (t *TurtleWriter) prefixed(iri string) (string, bool) {
	for _, p := range t.prefixes {
		local, ok := strings.CutPrefix(iri, p.IRI)
		if !ok || !safeLocal(local) {
			continue
		}
		return p.Name + ":" + local, true
	}
	return "", false
}

func safeLocal(s string) bool {
	if s == "" || s[0] == '-' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isAlpha(c) || isDigit(c) || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func (t *TurtleWriter) flushBuf() error {
	if _, err := t.w.Write(t.buf); err != nil {
		t.err = fmt.Errorf("export: write turtle: %w", err)
		return t.err
	}
	t.buf = t.buf[:0]
	return nil
}

// Flush ends the open block and writes everything buffered. Call it once,
// at the end.
func (t *TurtleWriter) Flush() error {
	if t.err != nil {
		return t.err
	}
	if !t.started {
		t.header()
	}
	if !t.subj.IsZero() {
		t.buf = append(t.buf, " .\n"...)
		t.subj, t.pred = graph.Term{}, graph.Term{}
	}
	return t.flushBuf()
}
