package export

import (
	"fmt"
	"io"
	"unicode/utf8"

	"civicgraph/graph"

	"civicgraph/internal/grammar"
)

// nquadsBufSize is how much output NQuadsWriter gathers before it writes.
const nquadsBufSize = 64 << 10

// NQuadsWriter writes quads as canonical N-Triples or N-Quads. It is not
// safe for concurrent use.
type NQuadsWriter struct {
	w     io.Writer
	quads bool
	buf   []byte
	err   error // sticky error from w
}

// NewNQuadsWriter returns a writer that writes to w. With quads true it
// writes N-Quads, adding the graph name of quads not in the default graph;
// with quads false it writes N-Triples and drops graph names.
func NewNQuadsWriter(w io.Writer, quads bool) *NQuadsWriter {
	return &NQuadsWriter{w: w, quads: quads, buf: make([]byte, 0, nquadsBufSize+4096)}
}

// Write adds q to the output as one line. A quad that N-Quads cannot
// express is refused with an error wrapping [graph.ErrInvalidQuad]; nothing
// of it is written and the writer can go on. An error from the underlying
// writer is returned by this and every later call.
func (w *NQuadsWriter) Write(q graph.Quad) error {
	if w.err != nil {
		return w.err
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	mark := len(w.buf)
	var err error
	buf := w.buf
	if buf, err = appendTerm(buf, q.S, "subject"); err == nil {
		buf = append(buf, ' ')
		if buf, err = appendTerm(buf, q.P, "predicate"); err == nil {
			buf = append(buf, ' ')
			if buf, err = appendTerm(buf, q.O, "object"); err == nil && w.quads && !q.G.IsZero() {
				buf = append(buf, ' ')
				buf, err = appendTerm(buf, q.G, "graph name")
			}
		}
	}
	if err != nil {
		w.buf = buf[:mark]
		return err
	}
	w.buf = append(buf, " .\n"...)
	if len(w.buf) >= nquadsBufSize {
		return w.Flush()
	}
	return nil
}

// Flush writes any buffered output to the underlying writer.
func (w *NQuadsWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.w.Write(w.buf)
	w.buf = w.buf[:0]
	if err != nil {
		w.err = fmt.Errorf("export: write n-quads: %w", err)
	}
	return w.err
}

// appendTerm appends t in canonical N-Triples syntax. role names the
// term's place in the quad for error messages.
func appendTerm(dst []byte, t graph.Term, role string) ([]byte, error) {
	switch t.Kind {
	case graph.KindIRI:
		var problem string
		if dst, problem = appendIRI(dst, t.Value); problem != "" {
			return dst, fmt.Errorf("export: %w: %s IRI %q %s", graph.ErrInvalidQuad, role, t.Value, problem)
		}
		return dst, nil
	case graph.KindBlank:
		if !validLabel(t.Value) {
			return dst, fmt.Errorf("export: %w: %s blank node label %q is not valid N-Triples", graph.ErrInvalidQuad, role, t.Value)
		}
		dst = append(dst, "_:"...)
		return append(dst, t.Value...), nil
	case graph.KindLiteral:
		dst = append(dst, '"')
		var ok bool
		if dst, ok = appendLexical(dst, t.Value); !ok {
			return dst, fmt.Errorf("export: %w: %s literal %q is not valid UTF-8", graph.ErrInvalidQuad, role, t.Value)
		}
		dst = append(dst, '"')
		switch {
		case t.Lang != "":
			if !graph.ValidLangTag(t.Lang) {
				return dst, fmt.Errorf("export: %w: %s language tag %q is not valid", graph.ErrInvalidQuad, role, t.Lang)
			}
			dst = append(dst, '@')
			dst = append(dst, t.Lang...)
		case t.Datatype != "" && t.Datatype != graph.XSDString:
			dst = append(dst, "^^"...)
			var problem string
			if dst, problem = appendIRI(dst, t.Datatype); problem != "" {
				return dst, fmt.Errorf("export: %w: %s datatype IRI %q %s", graph.ErrInvalidQuad, role, t.Datatype, problem)
			}
		}
		return dst, nil
	}
	return dst, fmt.Errorf("export: %w: %s is missing", graph.ErrInvalidQuad, role)
}

// iriEscape marks the ASCII bytes an IRIREF cannot hold raw: #x00-#x20 and
// <>"{}|^`\. They are written as \u00XX. It is a read-only table.
var iriEscape = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = c <= 0x20
	}
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

const hexDigits = "0123456789ABCDEF"

// appendIRI appends <iri>, escaping the characters IRIREF forbids. If iri
// cannot be written it returns what is wrong with it, else "".
func appendIRI(dst []byte, iri string) ([]byte, string) {
	if !graph.IsAbsoluteIRI(iri) {
		return dst, "is not absolute"
	}
	dst = append(dst, '<')
	start := 0
	for i := 0; i < len(iri); {
		c := iri[i]
		if c < utf8.RuneSelf {
			i++
			if iriEscape[c] {
				dst = append(dst, iri[start:i-1]...)
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(iri[i:])
		if r == utf8.RuneError && size == 1 {
			return dst, "is not valid UTF-8"
		}
		i += size
	}
	dst = append(dst, iri[start:]...)
	return append(dst, '>'), ""
}

// litEscape maps the bytes a canonical literal escapes to the letter after
// the backslash, and every other ASCII byte to 0. It is a read-only table.
var litEscape = [utf8.RuneSelf]byte{'"': '"', '\\': '\\', '\n': 'n', '\r': 'r'}

// appendLexical appends s escaped as the inside of a canonical literal. It
// reports false if s is not valid UTF-8.
func appendLexical(dst []byte, s string) ([]byte, bool) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if e := litEscape[c]; e != 0 {
				dst = append(dst, s[start:i-1]...)
				dst = append(dst, '\\', e)
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return dst, false
		}
		i += size
	}
	return append(dst, s[start:]...), true
}

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// validLabel reports whether label is a BLANK_NODE_LABEL without its "_:":
// (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?, where PN_CHARS_U is
// PN_CHARS_BASE or '_'.
func validLabel(label string) bool {
	if label == "" || label[len(label)-1] == '.' {
		return false
	}
	for i := 0; i < len(label); {
		r, size := utf8.DecodeRuneInString(label[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r < utf8.RuneSelf:
			c := byte(r)
			if !isAlpha(c) && !isDigit(c) && c != '_' && (i == 0 || c != '-' && c != '.') {
				return false
			}
		case grammar.IsPNCharsExtra(r):
			if i == 0 {
				return false
			}
		case !grammar.IsPNCharsBase(r):
			return false
		}
		i += size
	}
	return true
}
