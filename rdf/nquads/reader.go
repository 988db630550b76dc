package nquads

import (
	"civicgraph/rdf/internal/intern"
	"civicgraph/rdf/problems"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"civicgraph/graph"

	"civicgraph/rdf/internal/grammar"
)

// Reader reads N-Triples or N-Quads statements from an input stream. It is
// not safe for concurrent use.
type Reader struct {
	lines lineReader
	name  string
	quads bool
	line  int
	err   error // sticky: the error Read returned at the end, or io.EOF

	// The line being parsed and the position in it.
	b   []byte
	i   int
	off int // bytes cut from the front of the line (a byte order mark), for columns

	scratch []byte // unescaped IRI or literal text
	strs    *intern.Interner
	lastS   string // the last subject IRI: sorted input repeats it line after line

	errs problems.List // the syntax errors found so far, last: off the hot path
}

// NewReader returns a Reader that parses r. name is used in error messages
// and may be "". With quads false the input is N-Triples and a graph name
// after the object is an error; with quads true it is N-Quads and a
// statement without a graph name is in the default graph (zero G).
func NewReader(r io.Reader, name string, quads bool) *Reader {
	return &Reader{
		lines: newLineReader(r),
		name:  name,
		quads: quads,
		strs:  intern.New(),
	}
}

// Line returns the number of the line Read looked at last: the line of the
// statement it returned or, once Read has returned an error, of the first
// syntax error (or the last line, for a read error alone). It counts from 1.
func (r *Reader) Line() int { return r.line }

// BytesRead returns how many bytes of input Read has consumed so far, line
// ends included. Compare it with the input size to show progress.
func (r *Reader) BytesRead() int64 { return r.lines.n }

// Read returns the next statement. It returns io.EOF after the last one
// when the input held no syntax error. A line with a syntax error is
// skipped and its [*ParseError] kept; Read goes on with the next line, and
// at the end returns the errors instead of io.EOF: the lone *ParseError
// when there was one, else a list of them (see the package doc). If
// reading fails, Read returns the underlying reader's error, wrapped, and
// with any syntax errors found before it. After an error every call
// returns that error.
func (r *Reader) Read() (graph.Quad, error) {
	if r.err != nil {
		return graph.Quad{}, r.err
	}
	for {
		line, err := r.lines.next()
		if err != nil {
			r.err = r.finalError(err)
			return graph.Quad{}, r.err
		}
		r.line++
		r.off = 0
		if r.line == 1 && len(line) >= 3 && line[0] == 0xEF && line[1] == 0xBB && line[2] == 0xBF {
			line, r.off = line[3:], 3 // byte order mark
		}
		q, ok, err := r.parseLine(line)
		r.b = nil
		if err != nil {
			// Each line is a statement, so the next line is a fresh
			// start: record the error and go on.
			r.errs.Add(err)
			continue
		}
		if ok {
			return q, nil
		}
	}
}

// finalError returns the error Read returns at the end of the input, or
// when reading failed with err, and sets the line Line reports.
func (r *Reader) finalError(err error) error {
	if err != io.EOF {
		if r.name != "" {
			err = fmt.Errorf("nquads: read %s: %w", r.name, err)
		} else {
			err = fmt.Errorf("nquads: read: %w", err)
		}
	}
	if r.errs.Len() == 0 {
		return err
	}
	var pe *ParseError
	if errors.As(r.errs.Errors[0], &pe) {
		r.line = pe.Line
	}
	if err != io.EOF {
		r.errs.Add(err)
	}
	return r.errs.Err()
}

// parseLine parses one line. ok is false for a blank or comment line.
func (r *Reader) parseLine(b []byte) (q graph.Quad, ok bool, err error) {
	if !utf8.Valid(b) {
		i := 0
		for {
			c, size := utf8.DecodeRune(b[i:])
			if c == utf8.RuneError && size == 1 {
				return q, false, r.errorAt(i, string(b[i:i+1]), "valid UTF-8")
			}
			i += size
		}
	}
	r.b, r.i = b, 0
	r.skipSpace()
	if r.i == len(b) || b[r.i] == '#' {
		return q, false, nil
	}

	switch b[r.i] {
	case '<':
		var iri string
		iri, err = r.iri(&r.lastS)
		q.S = graph.Term{Kind: graph.KindIRI, Value: iri}
	case '_':
		q.S, err = r.blank()
	default:
		err = r.expected("subject (IRI or blank node)")
	}
	if err != nil {
		return q, false, err
	}

	r.skipSpace()
	if r.i == len(b) || b[r.i] != '<' {
		return q, false, r.expected("predicate (IRI)")
	}
	if q.P, err = r.iriTerm(); err != nil {
		return q, false, err
	}

	r.skipSpace()
	if r.i < len(b) {
		switch b[r.i] {
		case '<':
			q.O, err = r.iriTerm()
		case '_':
			q.O, err = r.blank()
		case '"':
			q.O, err = r.literal()
		default:
			err = r.expected("object (IRI, blank node or literal)")
		}
	} else {
		err = r.expected("object (IRI, blank node or literal)")
	}
	if err != nil {
		return q, false, err
	}

	r.skipSpace()
	if r.quads && r.i < len(b) && b[r.i] != '.' {
		switch b[r.i] {
		case '<':
			q.G, err = r.iriTerm()
		case '_':
			q.G, err = r.blank()
		default:
			err = r.expected("graph name (IRI or blank node) or '.' to end statement")
		}
		if err != nil {
			return q, false, err
		}
		r.skipSpace()
	}

	if r.i == len(b) || b[r.i] != '.' {
		if r.quads {
			return q, false, r.expected("'.' to end statement")
		}
		return q, false, r.expected("'.' to end triple")
	}
	r.i++
	r.skipSpace()
	if r.i < len(b) && b[r.i] != '#' {
		return q, false, r.expected("end of line after '.'")
	}
	return q, true, nil
}

// skipSpace skips spaces and tabs.
func (r *Reader) skipSpace() {
	for r.i < len(r.b) && (r.b[r.i] == ' ' || r.b[r.i] == '\t') {
		r.i++
	}
}

// iriTerm parses an IRIREF at r.i, which holds '<'.
func (r *Reader) iriTerm() (graph.Term, error) {
	iri, err := r.iri(nil)
	return graph.Term{Kind: graph.KindIRI, Value: iri}, err
}

// iri parses an IRIREF at r.i, which holds '<', and returns the IRI. If
// last is not nil it holds the IRI returned last time for the same role,
// which is reused, without hashing, when it is the same again.
func (r *Reader) iri(last *string) (string, error) {
	b, open := r.b, r.i
	i := open + 1
	for i < len(b) && class[b[i]]&classIRI != 0 {
		i++
	}
	var iri []byte
	switch {
	case i < len(b) && b[i] == '>':
		iri = b[open+1 : i]
	case i < len(b) && b[i] == '\\':
		var err error
		if iri, i, err = r.unescapeIRI(open+1, i); err != nil {
			return "", err
		}
	default:
		return "", r.errorAt(i, r.foundAt(i), "'>' to end IRI")
	}
	if !graph.IsAbsoluteIRI(iri) {
		return "", r.errorAt(open, problems.ExcerptBytes(b[open:i+1]), "absolute IRI (with a scheme)")
	}
	r.i = i + 1
	if last == nil {
		return r.strs.Get(iri), nil
	}
	if *last != string(iri) {
		*last = r.strs.Get(iri)
	}
	return *last, nil
}

// unescapeIRI decodes the IRIREF whose text starts at start and whose first
// escape is at i. It returns the IRI and the index of the closing '>'.
func (r *Reader) unescapeIRI(start, i int) ([]byte, int, error) {
	b := r.b
	out := append(r.scratch[:0], b[start:i]...)
	for {
		switch {
		case i == len(b):
			return nil, i, r.errorAt(i, "", "'>' to end IRI")
		case b[i] == '>':
			r.scratch = out
			return out, i, nil
		case b[i] == '\\':
			c, n, err := r.uchar(i)
			if err != nil {
				return nil, i, err
			}
			if c < utf8.RuneSelf && class[c]&classIRI == 0 {
				// An IRI may not hold these, escaped or not.
				return nil, i, r.errorAt(i, string(b[i:i+n]), "escape of a character allowed in an IRI (not a space, control or <>\"{}|^`\\)")
			}
			out = utf8.AppendRune(out, c)
			i += n
		case class[b[i]]&classIRI != 0:
			j := i + 1
			for j < len(b) && class[b[j]]&classIRI != 0 {
				j++
			}
			out = append(out, b[i:j]...)
			i = j
		default:
			return nil, i, r.errorAt(i, r.foundAt(i), "'>' to end IRI")
		}
	}
}

// uchar decodes the \u or \U escape at i and returns the character and the
// escape's length.
func (r *Reader) uchar(i int) (rune, int, error) {
	b := r.b
	c, n, problem := grammar.Uchar(b[i:])
	switch problem {
	case grammar.UcharNotU:
		return 0, 0, r.errorAt(i, escapeText(b, i, 2), `\u or \U escape`)
	case grammar.UcharShortHex:
		return 0, 0, r.errorAt(i, escapeText(b, i, n), fmt.Sprintf(`%d hex digits after \%c`, ucharDigits(b[i+1]), b[i+1]))
	case grammar.UcharNotValue:
		return 0, 0, r.errorAt(i, string(b[i:i+n]), "escape of a Unicode scalar value (not a surrogate, at most 10FFFF)")
	}
	return c, n, nil
}

// ucharDigits returns how many hex digits follow \u (4) or \U (8).
func ucharDigits(u byte) int {
	if u == 'U' {
		return 8
	}
	return 4
}

// escapeText returns up to n bytes of the escape at i, for an error message.
func escapeText(b []byte, i, n int) string {
	end := min(i+n, len(b))
	for end < len(b) && !utf8.RuneStart(b[end]) {
		end++ // keep the last character whole
	}
	return string(b[i:end])
}

// blank parses a BLANK_NODE_LABEL at r.i, which holds '_'.
func (r *Reader) blank() (graph.Term, error) {
	b := r.b
	i := r.i + 1
	if i == len(b) || b[i] != ':' {
		return graph.Term{}, r.errorAt(i, r.foundAt(i), "':' after '_' in blank node")
	}
	i++
	start := i
	if i == len(b) {
		return graph.Term{}, r.errorAt(i, "", "blank node label after '_:'")
	}
	c, size := rune(b[i]), 1
	if c >= utf8.RuneSelf {
		c, size = utf8.DecodeRune(b[i:])
	}
	if !grammar.IsLabelStart(c) {
		return graph.Term{}, r.errorAt(i, r.foundAt(i), "blank node label after '_:'")
	}
	i += size
	for i < len(b) {
		if c := b[i]; c < utf8.RuneSelf {
			if class[c]&classLabel == 0 {
				break
			}
			i++
			continue
		}
		c, size := utf8.DecodeRune(b[i:])
		if !isLabelChar(c) {
			break
		}
		i += size
	}
	for b[i-1] == '.' { // a label cannot end with '.'; that one ends the statement
		i--
	}
	r.i = i
	return graph.Term{Kind: graph.KindBlank, Value: r.strs.Get(b[start:i])}, nil
}

// literal parses a literal at r.i, which holds '"', with its language tag
// or datatype.
func (r *Reader) literal() (graph.Term, error) {
	b := r.b
	start := r.i + 1
	i := start
	for i < len(b) && class[b[i]]&classLit != 0 {
		i++
	}
	var lex string
	switch {
	case i < len(b) && b[i] == '"':
		lex = r.strs.Lexical(b[start:i])
	case i < len(b) && b[i] == '\\':
		v, end, err := r.unescapeLiteral(start, i)
		if err != nil {
			return graph.Term{}, err
		}
		lex, i = r.strs.Lexical(v), end
	default:
		return graph.Term{}, r.errorAt(i, r.foundAt(i), `'"' to end literal`)
	}
	r.i = i + 1

	j := r.i
	for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
		j++
	}
	if j == len(b) {
		return graph.Term{Kind: graph.KindLiteral, Value: lex}, nil
	}
	switch b[j] {
	case '@':
		lang, err := r.langTag(j + 1)
		if err != nil {
			return graph.Term{}, err
		}
		return graph.LangLiteral(lex, lang), nil
	case '^':
		if j+1 == len(b) || b[j+1] != '^' {
			return graph.Term{}, r.errorAt(j+1, r.foundAt(j+1), "'^^' before datatype IRI")
		}
		r.i = j + 2
		r.skipSpace()
		if r.i == len(b) || b[r.i] != '<' {
			return graph.Term{}, r.expected("datatype IRI after '^^'")
		}
		dt, err := r.iri(nil)
		if err != nil {
			return graph.Term{}, err
		}
		return graph.Literal(lex, dt), nil
	}
	return graph.Term{Kind: graph.KindLiteral, Value: lex}, nil
}

// unescapeLiteral decodes the literal text that starts at start and whose
// first escape is at i. It returns the text and the index of the closing '"'.
func (r *Reader) unescapeLiteral(start, i int) ([]byte, int, error) {
	b := r.b
	out := append(r.scratch[:0], b[start:i]...)
	for {
		switch {
		case i == len(b):
			return nil, i, r.errorAt(i, "", `'"' to end literal`)
		case b[i] == '"':
			r.scratch = out
			return out, i, nil
		case b[i] == '\\':
			if i+1 == len(b) {
				return nil, i, r.errorAt(i+1, "", `escape after '\'`)
			}
			if b[i+1] == 'u' || b[i+1] == 'U' {
				c, n, err := r.uchar(i)
				if err != nil {
					return nil, i, err
				}
				out = utf8.AppendRune(out, c)
				i += n
				continue
			}
			e, ok := grammar.Echar(b[i+1])
			if !ok {
				return nil, i, r.errorAt(i, escapeText(b, i, 2), grammar.EcharExpected)
			}
			out = append(out, e)
			i += 2
		default:
			j := i + 1
			for j < len(b) && class[b[j]]&classLit != 0 {
				j++
			}
			out = append(out, b[i:j]...)
			i = j
		}
	}
}

// langTag parses a LANGTAG whose text (after '@') starts at i:
// [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*. It returns the tag as written.
func (r *Reader) langTag(i int) (string, error) {
	b := r.b
	start := i
	for i < len(b) && class[b[i]]&classAlpha != 0 {
		i++
	}
	if i == start {
		return "", r.errorAt(i, r.foundAt(i), "language tag after '@'")
	}
	for i < len(b) && b[i] == '-' {
		i++
		sub := i
		for i < len(b) && class[b[i]]&(classAlpha|classDigit) != 0 {
			i++
		}
		if i == sub {
			return "", r.errorAt(i, r.foundAt(i), "letter or digit after '-' in language tag")
		}
	}
	r.i = i
	return r.strs.Get(b[start:i]), nil
}

// foundAt returns the character at i, or "" at the end of the line.
func (r *Reader) foundAt(i int) string {
	if i >= len(r.b) {
		return ""
	}
	_, size := utf8.DecodeRune(r.b[i:])
	return string(r.b[i : i+size])
}

// expected returns a ParseError for the character at r.i.
func (r *Reader) expected(what string) error {
	return r.errorAt(r.i, r.foundAt(r.i), what)
}

// errorAt returns a ParseError at byte i of the current line. It keeps
// only an excerpt of found, which may be a whole token.
func (r *Reader) errorAt(i int, found, expected string) error {
	return &ParseError{File: r.name, Line: r.line, Col: r.off + i + 1, Found: problems.Excerpt(found), Expected: expected}
}
