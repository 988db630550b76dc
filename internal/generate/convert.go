package generate

import (
	"bytes"
	"errors"
	"io"
)

// The formats other than N-Triples and N-Quads are written by converting
// the N-Triples lines the generator makes, so that every format carries the
// same data, drawn once: a converter sees each statement as its three terms,
// written as in N-Triples ("<iri>", "\"text\"@en", "\"12.50\"^^<iri>").

// converter turns the generator's N-Triples statements into another format.
type converter interface {
	// comment receives a comment line, without its line break.
	comment(line []byte)
	// statement receives one statement. It returns errEnough when the
	// output is complete, which stops the generator.
	statement(s, p, o []byte) error
	// finish writes what is left.
	finish() error
}

// errEnough stops the generator once a converter has written all it needs.
// Write does not return it.
var errEnough = errors.New("generate: enough statements")

// feed returns a gen.out that splits whole N-Triples lines into their terms
// and hands them to c.
func feed(c converter) func([]byte) error {
	return func(chunk []byte) error {
		for len(chunk) > 0 {
			i := bytes.IndexByte(chunk, '\n')
			line := chunk[:i]
			chunk = chunk[i+1:]
			if line[0] == '#' {
				c.comment(line)
				continue
			}
			// The generator writes "<s> <p> o .": IRIs hold no "> ".
			k := bytes.Index(line, []byte("> "))
			s, rest := line[:k+1], line[k+2:]
			k = bytes.Index(rest, []byte("> "))
			p, o := rest[:k+1], rest[k+2:len(rest)-2]
			if err := c.statement(s, p, o); err != nil {
				return err
			}
		}
		return nil
	}
}

// sink buffers a converter's output and hands it to w in chunks of about
// flushAt bytes.
type sink struct {
	w   io.Writer
	buf []byte
}

func newSink(w io.Writer) sink {
	return sink{w: w, buf: make([]byte, 0, flushAt+64<<10)}
}

// maybeFlush writes the buffer once it holds flushAt bytes.
func (s *sink) maybeFlush() error {
	if len(s.buf) < flushAt {
		return nil
	}
	return s.flush()
}

func (s *sink) flush() error {
	if len(s.buf) == 0 {
		return nil
	}
	_, err := s.w.Write(s.buf)
	s.buf = s.buf[:0]
	return err
}

// iriOf returns the IRI of a term written "<iri>", or "" for a literal.
func iriOf(t []byte) []byte {
	if len(t) < 2 || t[0] != '<' {
		return nil
	}
	return t[1 : len(t)-1]
}

// literal splits a literal term into its escaped lexical form and its
// suffix ("", "@lang" or "^^<iri>"). Neither language tags nor the
// generator's datatypes hold a quote, so the last quote closes the form.
func literal(t []byte) (lex, suffix []byte) {
	end := bytes.LastIndexByte(t, '"')
	return t[1:end], t[end+1:]
}

// unescape undoes the escapes of appendEscaped.
func unescape(lex []byte) string {
	if bytes.IndexByte(lex, '\\') < 0 {
		return string(lex)
	}
	b := make([]byte, 0, len(lex))
	for i := 0; i < len(lex); i++ {
		c := lex[i]
		if c == '\\' && i+1 < len(lex) {
			i++
			switch c = lex[i]; c {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			}
		}
		b = append(b, c)
	}
	return string(b)
}

// localName returns the part of an IRI after its last '/' or '#'.
func localName(iri string) string {
	return iri[max(0, lastSep(iri)+1):]
}

func lastSep[T string | []byte](iri T) int {
	for i := len(iri) - 1; i >= 0; i-- {
		if iri[i] == '/' || iri[i] == '#' {
			return i
		}
	}
	return -1
}
