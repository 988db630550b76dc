package turtle

import (
	"bytes"
	rfc3986 "civicgraph/rdf/internal/iri"
	"fmt"
	"io"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/rdf/problems"

	"civicgraph/rdf/internal/grammar"
)

// token is the kind of a token returned by next.
type token uint8

const (
	tEOF      token = iota
	tIRI            // an IRIREF or a prefixed name; r.term holds the IRI
	tBlank          // a blank node label or '[' ']'; r.term holds the node
	tLiteral        // a string, number or boolean; r.term holds the literal
	tA              // the keyword 'a'
	tAtPrefix       // '@prefix'
	tAtBase         // '@base'
	tPrefix         // PREFIX, any case
	tBase           // BASE, any case
	tGraph          // GRAPH, any case
	tDot            // '.'
	tSemi           // ';'
	tComma          // ','
	tLBracket       // '[' starting a property list
	tRBracket       // ']'
	tLParen         // '('
	tRParen         // ')'
	tLBrace         // '{'
	tRBrace         // '}'
	tOther          // anything else; r.word holds it, for the error
)

// Well-known IRIs and the XSD datatypes of numbers and booleans.
const (
	rdfNS      = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	rdfFirst   = rdfNS + "first"
	rdfRest    = rdfNS + "rest"
	rdfNil     = rdfNS + "nil"
	xsdNS      = "http://www.w3.org/2001/XMLSchema#"
	xsdInteger = xsdNS + "integer"
	xsdDecimal = xsdNS + "decimal"
	xsdDouble  = xsdNS + "double"
	xsdBoolean = xsdNS + "boolean"
)

// punctuation holds the text of the one-character tokens, for errors.
var punctuation = [...]string{
	tDot: ".", tSemi: ";", tComma: ",", tLBracket: "[", tRBracket: "]",
	tLParen: "(", tRParen: ")", tLBrace: "{", tRBrace: "}",
}

// startToken skips white space and comments and records where the next
// token starts.
func (r *Reader) startToken() error {
	if err := r.skipSpace(); err != nil {
		return err
	}
	r.tokLine = r.ln
	r.tokCol = int(r.off+int64(r.pos)-r.lineStart) + 1
	return nil
}

// next scans the next token. Term tokens leave their term in r.term.
func (r *Reader) next() (token, error) {
	if err := r.startToken(); err != nil {
		return tEOF, err
	}
	if r.pos == r.end {
		if r.rerr != io.EOF {
			return tEOF, r.readError()
		}
		r.tok = tEOF
		return tEOF, nil
	}
	r.tokOff, r.tokEnd, r.saved = r.off+int64(r.pos), 0, r.saved[:0]
	tok, err := r.scanToken()
	r.tok = tok
	if r.tokEnd == 0 {
		r.tokEnd = r.off + int64(r.pos)
	}
	return tok, err
}

// scanToken scans the token at r.pos, which is not white space.
func (r *Reader) scanToken() (token, error) {
	c := r.buf[r.pos]
	switch c {
	case '<':
		iri, err := r.scanIRIRef()
		r.term = graph.Term{Kind: graph.KindIRI, Value: iri}
		return tIRI, err
	case '"', '\'':
		t, err := r.scanLiteral()
		r.term = t
		return tLiteral, err
	case '_':
		t, err := r.scanBlank()
		r.term = t
		return tBlank, err
	case '.':
		if b := r.ensure(2); len(b) > 1 && class[b[1]]&classDigit != 0 {
			t, err := r.scanNumber()
			r.term = t
			return tLiteral, err
		}
		r.pos++
		return tDot, nil
	case '+', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		t, err := r.scanNumber()
		r.term = t
		return tLiteral, err
	case ';':
		r.pos++
		return tSemi, nil
	case ',':
		r.pos++
		return tComma, nil
	case '[':
		r.pos++
		if err := r.skipSpace(); err != nil {
			return tEOF, err
		}
		if r.pos < r.end && r.buf[r.pos] == ']' {
			r.pos++
			r.term = r.fresh()
			return tBlank, nil
		}
		return tLBracket, nil
	case ']':
		r.pos++
		return tRBracket, nil
	case '(':
		r.pos++
		return tLParen, nil
	case ')':
		r.pos++
		return tRParen, nil
	case '{':
		r.pos++
		return tLBrace, nil
	case '}':
		r.pos++
		return tRBrace, nil
	case '@':
		return r.scanAtKeyword()
	}
	if c == ':' || c >= utf8.RuneSelf || class[c]&classAlpha != 0 {
		return r.scanName()
	}
	r.word = r.foundAt(0)
	r.pos++
	return tOther, nil
}

// skipSpace skips white space and comments. An invalid UTF-8 byte in a
// comment is recorded as an error and skipped: it cannot change how the
// rest parses.
func (r *Reader) skipSpace() error {
	comment := false
	for {
		b := r.window()
		i := 0
	scan:
		for i < len(b) {
			c := b[i]
			switch {
			case c == '\n':
				at := r.off + int64(r.pos+i)
				if r.crAt != at-1 {
					r.ln++
				}
				r.lineStart = at + 1
				comment = false
				i++
			case c == '\r':
				at := r.off + int64(r.pos+i)
				r.ln++
				r.lineStart, r.crAt = at+1, at
				comment = false
				i++
			case comment && c < utf8.RuneSelf:
				i++
			case comment:
				if !utf8.FullRune(b[i:]) && r.rerr == nil {
					break scan
				}
				c, size := utf8.DecodeRune(b[i:])
				if c == utf8.RuneError && size == 1 {
					// errAt counts lines from r.pos, and the lines
					// in b[:i] are counted already.
					r.pos += i
					b, i = r.window(), 0
					r.errs.Add(r.errAt(0, string(b[:1]), "valid UTF-8"))
				}
				i += size
			case c == ' ' || c == '\t':
				i++
			case c == '#':
				comment = true
				i++
			default:
				r.pos += i
				return nil
			}
		}
		r.pos += i
		if !r.more() && r.pos == r.end {
			return nil
		}
	}
}

// scanIRIRef scans an IRIREF at r.pos, which holds '<', and returns the
// IRI, resolved against the base IRI when it is relative.
func (r *Reader) scanIRIRef() (string, error) {
	b := r.window()
	i := 1
	for {
		for i < len(b) && class[b[i]]&classIRI != 0 {
			i++
		}
		if i < len(b) || !r.refill(&b) {
			break
		}
	}
	var iri []byte
	switch {
	case i < len(b) && b[i] == '>':
		iri = b[1:i]
	case i < len(b) && (b[i] == '\\' || b[i] >= utf8.RuneSelf):
		var err error
		if iri, i, err = r.iriSlow(i); err != nil {
			return "", err
		}
		b = r.window()
	default:
		return "", r.errAt(i, r.foundAt(i), "'>' to end IRI")
	}
	if graph.IsAbsoluteIRI(iri) {
		r.pos += i + 1
		return r.strs.Get(iri), nil
	}
	if !r.hasBase {
		// Later relative IRIs resolve against a placeholder, so only
		// this first one is reported.
		r.base, r.hasBase = rfc3986.Parse(noBase), true
		return "", r.errAt(0, tokenText(b[:i+1]), "absolute IRI (no base IRI is set)")
	}
	r.resolved = rfc3986.AppendResolved(r.resolved[:0], &r.base, string(iri))
	r.pos += i + 1
	return r.strs.Get(r.resolved), nil
}

// iriSlow decodes the IRIREF at r.pos whose first escape or non-ASCII
// character is at i. It returns the IRI, in r.scratch, and the index of the
// closing '>'.
func (r *Reader) iriSlow(i int) ([]byte, int, error) {
	b := r.window()
	out := append(r.scratch[:0], b[1:i]...)
	for {
		if i == len(b) {
			if !r.more() {
				return nil, i, r.errAt(i, "", "'>' to end IRI")
			}
			b = r.window()
			continue
		}
		c := b[i]
		switch {
		case c == '>':
			r.scratch = out
			return out, i, nil
		case class[c]&classIRI != 0:
			out = append(out, c)
			i++
		case c == '\\':
			ch, n, err := r.uchar(i)
			if err != nil {
				return nil, i, err
			}
			b = r.window()
			if ch < utf8.RuneSelf && class[ch]&classIRI == 0 {
				return nil, i, r.errAt(i, string(b[i:i+n]), "escape of a character allowed in an IRI")
			}
			out = utf8.AppendRune(out, ch)
			i += n
		case c >= utf8.RuneSelf:
			size, err := r.validRune(i)
			if err != nil {
				return nil, i, err
			}
			b = r.window()
			out = append(out, b[i:i+size]...)
			i += size
		default:
			return nil, i, r.errAt(i, r.foundAt(i), "'>' to end IRI")
		}
	}
}

// validRune checks the non-ASCII character at i and returns its size.
func (r *Reader) validRune(i int) (int, error) {
	b := r.ensure(i + utf8.UTFMax)
	c, size := utf8.DecodeRune(b[i:])
	if c == utf8.RuneError && size == 1 {
		return 0, r.errAt(i, string(b[i:i+1]), "valid UTF-8")
	}
	return size, nil
}

// uchar decodes the \u or \U escape at i and returns the character and the
// escape's length.
func (r *Reader) uchar(i int) (rune, int, error) {
	b := r.ensure(i + 10)
	c, n, problem := grammar.Uchar(b[i:])
	switch problem {
	case grammar.UcharNotU:
		return 0, 0, r.errAt(i, r.escapeText(i, 2), `\u or \U escape`)
	case grammar.UcharShortHex:
		u, digits := b[i+1], 4
		if u == 'U' {
			digits = 8
		}
		return 0, 0, r.errAt(i, r.escapeText(i, n), fmt.Sprintf(`%d hex digits after \%c`, digits, u))
	case grammar.UcharNotValue:
		return 0, 0, r.errAt(i, string(b[i:i+n]), "escape of a Unicode scalar value (not a surrogate, at most 10FFFF)")
	}
	return c, n, nil
}

// escapeText returns up to n bytes of the escape at i, relative to r.pos,
// for an error message, with the last character kept whole.
func (r *Reader) escapeText(i, n int) string {
	b := r.ensure(i + n + utf8.UTFMax)
	end := min(i+n, len(b))
	for k := 0; k < utf8.UTFMax-1 && end < len(b) && !utf8.RuneStart(b[end]); k++ {
		end++
	}
	return string(b[i:end])
}

// scanBlank scans a BLANK_NODE_LABEL at r.pos, which holds '_'.
func (r *Reader) scanBlank() (graph.Term, error) {
	b := r.ensure(2 + utf8.UTFMax)
	if len(b) < 2 || b[1] != ':' {
		return graph.Term{}, r.errAt(1, r.foundAt(1), "':' after '_' in blank node label")
	}
	i := 2
	if i == len(b) {
		return graph.Term{}, r.errAt(i, "", "blank node label after '_:'")
	}
	c, size := rune(b[i]), 1
	if c >= utf8.RuneSelf {
		var err error
		if size, err = r.validRune(i); err != nil {
			return graph.Term{}, err
		}
		b = r.window()
		c, _ = utf8.DecodeRune(b[i:])
	}
	if !grammar.IsLabelStart(c) {
		return graph.Term{}, r.errAt(i, r.foundAt(i), "blank node label after '_:'")
	}
	i += size
	for {
		if i == len(b) {
			if !r.refill(&b) {
				break
			}
			continue
		}
		if c := b[i]; c < utf8.RuneSelf {
			if class[c]&className == 0 && c != '.' {
				break
			}
			i++
			continue
		}
		size, err := r.validRune(i)
		if err != nil {
			return graph.Term{}, err
		}
		b = r.window()
		if c, _ := utf8.DecodeRune(b[i:]); !isPNChars(c) {
			break
		}
		i += size
	}
	for b[i-1] == '.' { // a label cannot end with '.'; that one ends the statement
		i--
	}
	label := b[2:i]
	r.pos += i
	return graph.Term{Kind: graph.KindBlank, Value: r.userLabel(label)}, nil
}

// scanLiteral scans a string at r.pos, which holds a quote, with its
// language tag or datatype.
func (r *Reader) scanLiteral() (graph.Term, error) {
	b := r.ensure(3)
	q := b[0]
	long := len(b) >= 3 && b[1] == q && b[2] == q
	start := 1
	if long {
		start = 3
	}
	i := start
	var out []byte
	escaped := false
	run := start // out lacks b[run:i]
	for {
		if i == len(b) {
			if !r.more() {
				return graph.Term{}, r.errAt(i, "", "closing "+quoteName(q, long)+" to end string")
			}
			b = r.window()
			continue
		}
		c := b[i]
		if class[c]&classLit != 0 {
			i++
			continue
		}
		switch {
		case c == q:
			if !long {
				goto done
			}
			if b = r.ensure(i + 3); len(b) >= i+3 && b[i+1] == q && b[i+2] == q {
				goto done
			}
			i++
		case c == '"' || c == '\'':
			i++
		case c == '\\':
			if !escaped {
				out, escaped = r.scratch[:0], true
			}
			out = append(out, b[run:i]...)
			b = r.ensure(i + 2)
			if i+1 == len(b) {
				return graph.Term{}, r.errAt(i+1, "", `escape after '\'`)
			}
			if b[i+1] == 'u' || b[i+1] == 'U' {
				ch, n, err := r.uchar(i)
				if err != nil {
					return graph.Term{}, err
				}
				b = r.window()
				out = utf8.AppendRune(out, ch)
				i += n
				run = i
				continue
			}
			e, ok := grammar.Echar(b[i+1])
			if !ok {
				return graph.Term{}, r.errAt(i, r.escapeText(i, 2), grammar.EcharExpected)
			}
			out = append(out, e)
			i += 2
			run = i
		case c == '\n' || c == '\r':
			if !long {
				return graph.Term{}, r.errAt(i, r.foundAt(i), "closing "+quoteName(q, long)+" to end string (a line end needs a long string or \\n)")
			}
			i++
		default: // non-ASCII
			size, err := r.validRune(i)
			if err != nil {
				return graph.Term{}, err
			}
			b = r.window()
			i += size
		}
	}
done:
	var lex string
	if escaped {
		out = append(out, b[run:i]...)
		r.scratch = out
		lex = r.strs.Lexical(out)
	} else {
		lex = r.strs.Lexical(b[start:i])
	}
	end := i + 1
	if long {
		end = i + 3
	}
	r.advance(end, long)
	return r.literalSuffix(lex)
}

// quoteName describes a string's closing delimiter, for errors.
func quoteName(q byte, long bool) string {
	switch {
	case long && q == '"':
		return `'"""'`
	case long:
		return `"'''"`
	case q == '"':
		return `'"'`
	}
	return `"'"`
}

// literalSuffix reads what may follow a string: a language tag or '^^'
// and a datatype IRI, and returns the literal.
func (r *Reader) literalSuffix(lex string) (graph.Term, error) {
	r.tokEnd = r.off + int64(r.pos)
	if err := r.skipSpace(); err != nil {
		return graph.Term{}, err
	}
	b := r.window()
	if len(b) == 0 {
		return graph.String(lex), nil
	}
	switch b[0] {
	case '@':
		lang, err := r.scanLangTag()
		if err != nil {
			return graph.Term{}, err
		}
		r.tokEnd = r.off + int64(r.pos)
		return graph.LangLiteral(lex, lang), nil
	case '^':
		if b = r.ensure(2); len(b) < 2 || b[1] != '^' {
			return graph.Term{}, r.errAt(1, r.foundAt(1), "'^^' before datatype IRI")
		}
		r.pos += 2
		if err := r.skipSpace(); err != nil {
			return graph.Term{}, err
		}
		var dt string
		switch b = r.window(); {
		case len(b) > 0 && b[0] == '<':
			var err error
			if dt, err = r.scanIRIRef(); err != nil {
				return graph.Term{}, err
			}
		case len(b) > 0 && (b[0] == ':' || b[0] >= utf8.RuneSelf || class[b[0]]&classAlpha != 0):
			line, col := r.ln, r.col()
			tok, err := r.scanName()
			if err != nil {
				return graph.Term{}, err
			}
			if tok != tIRI {
				return graph.Term{}, r.errLC(line, col, r.word, "datatype IRI after '^^'")
			}
			dt = r.term.Value
		default:
			return graph.Term{}, r.errAt(0, r.foundAt(0), "datatype IRI after '^^'")
		}
		r.tokEnd = r.off + int64(r.pos)
		return graph.Literal(lex, dt), nil
	}
	return graph.String(lex), nil
}

// scanLangTag scans a LANGTAG at r.pos, which holds '@':
// '@' [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*. It returns the tag as written.
func (r *Reader) scanLangTag() (string, error) {
	n, err := r.langTagLen(classAlpha)
	if err != nil {
		return "", err
	}
	tag := r.strs.Get(r.buf[r.pos+1 : r.pos+n])
	r.pos += n
	return tag, nil
}

// langTagLen returns the length of the '@' and tag at r.pos; first is the
// class of the tag's first subtag (letters for a language tag).
func (r *Reader) langTagLen(first uint8) (int, error) {
	b := r.window()
	i := 1
	sub := first
	for {
		start := i
		for {
			for i < len(b) && class[b[i]]&sub != 0 {
				i++
			}
			if i < len(b) || !r.refill(&b) {
				break
			}
		}
		if i == start {
			if start == 1 {
				return 0, r.errAt(i, r.foundAt(i), "language tag after '@'")
			}
			return 0, r.errAt(i, r.foundAt(i), "letter or digit after '-' in language tag")
		}
		if i == len(b) || b[i] != '-' {
			return i, nil
		}
		i++
		sub = classAlpha | classDigit
	}
}

// scanAtKeyword scans '@prefix' or '@base' at r.pos.
func (r *Reader) scanAtKeyword() (token, error) {
	if b := r.ensure(2); len(b) < 2 || class[b[1]]&classAlpha == 0 {
		r.word = "@"
		r.pos++
		return tOther, nil
	}
	n, err := r.langTagLen(classAlpha)
	if err != nil {
		return tEOF, err
	}
	word := r.buf[r.pos : r.pos+n]
	r.pos += n
	switch string(word) {
	case "@prefix":
		r.word = "@prefix"
		return tAtPrefix, nil
	case "@base":
		r.word = "@base"
		return tAtBase, nil
	}
	r.word = problems.ExcerptBytes(word)
	return tOther, nil
}

// scanNumber scans an INTEGER, DECIMAL or DOUBLE at r.pos.
func (r *Reader) scanNumber() (graph.Term, error) {
	b := r.ensure(64)
	i := 0
	if b[0] == '+' || b[0] == '-' {
		i++
	}
	digits := func() int {
		start := i
		for {
			for i < len(b) && class[b[i]]&classDigit != 0 {
				i++
			}
			if i < len(b) || !r.refill(&b) {
				return i - start
			}
		}
	}
	dt := xsdInteger
	intDigits := digits()
	if b = r.ensure(i + 3); i+1 < len(b) && b[i] == '.' {
		switch next := b[i+1]; {
		case class[next]&classDigit != 0:
			i++
			digits()
			dt = xsdDecimal
		case (next == 'e' || next == 'E') && intDigits > 0:
			i++ // "1.e3" is a double; "1." before anything else is 1 then '.'
		}
	}
	if intDigits == 0 && dt == xsdInteger {
		return graph.Term{}, r.errAt(i, r.foundAt(i), "digits in number")
	}
	if b = r.ensure(i + 2); i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if b = r.ensure(i + 2); i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return graph.Term{}, r.errAt(i, r.foundAt(i), "digits in exponent")
		}
		dt = xsdDouble
	}
	lex := r.strs.Lexical(b[:i])
	r.pos += i
	return graph.Term{Kind: graph.KindLiteral, Value: lex, Datatype: dt}, nil
}

// scanName scans a prefixed name or a keyword at r.pos, which holds ':' or
// a letter. A prefixed name is expanded into r.term and gives tIRI; a
// keyword gives its token, true and false give tLiteral, and any other
// word gives tOther with the word in r.word.
func (r *Reader) scanName() (token, error) {
	p, err := r.prefixLen()
	if err != nil {
		return tEOF, err
	}
	b := r.window()
	if p < len(b) && b[p] == ':' {
		if p > 0 && b[p-1] == '.' {
			return tEOF, r.errAt(p-1, ".", "name character before ':' (a prefix cannot end with '.')")
		}
		iri, err := r.scanLocal(p)
		r.term = graph.Term{Kind: graph.KindIRI, Value: iri}
		return tIRI, err
	}
	for p > 0 && b[p-1] == '.' {
		p--
	}
	word := b[:p]
	switch string(word) {
	case "a":
		r.pos += p
		r.word = "a"
		return tA, nil
	case "true", "false":
		r.pos += p
		r.word = r.strs.Get(word)
		r.term = graph.Term{Kind: graph.KindLiteral, Value: r.word, Datatype: xsdBoolean}
		return tLiteral, nil
	}
	if p == 0 {
		r.word = r.foundAt(0)
		r.pos += len(r.word)
		return tOther, nil
	}
	r.word = problems.ExcerptBytes(word) // the keyword, or an excerpt of another word for an error
	r.pos += p
	switch {
	case bytes.EqualFold(word, []byte("PREFIX")):
		return tPrefix, nil
	case bytes.EqualFold(word, []byte("BASE")):
		return tBase, nil
	case bytes.EqualFold(word, []byte("GRAPH")):
		return tGraph, nil
	}
	return tOther, nil
}

// prefixLen returns the length of the PN_PREFIX-like run at r.pos: a
// PN_CHARS_BASE then PN_CHARS and dots. The caller trims trailing dots
// when no ':' follows.
func (r *Reader) prefixLen() (int, error) {
	b := r.window()
	i := 0
	for {
		if i == len(b) {
			if !r.refill(&b) {
				return i, nil
			}
			continue
		}
		c := b[i]
		if c < utf8.RuneSelf {
			if i == 0 && class[c]&classAlpha == 0 || class[c]&className == 0 && c != '.' {
				return i, nil
			}
			i++
			continue
		}
		size, err := r.validRune(i)
		if err != nil {
			return 0, err
		}
		b = r.window()
		ch, _ := utf8.DecodeRune(b[i:])
		if i == 0 && !grammar.IsPNCharsBase(ch) || !isPNChars(ch) {
			return i, nil
		}
		i += size
	}
}

// scanLocal scans the local part of a prefixed name whose prefix ends with
// the ':' at p, and returns the expanded IRI.
func (r *Reader) scanLocal(p int) (string, error) {
	b := r.window()
	ns, ok := r.prefixes[string(b[:p])]
	if !ok {
		// Later uses of the prefix get a placeholder namespace, so
		// only this first one is reported.
		prefix := string(b[:p])
		ns := undeclaredNS
		if len(prefix) <= maxFound {
			ns += prefix + ":" // else one copy of a long prefix is enough
		}
		r.prefixes[prefix] = ns
		return "", r.errAt(0, problems.ExcerptBytes(b[:p+1]), "declared prefix")
	}
	out := append(r.scratch[:0], ns...)
	i := p + 1
	run := i  // out lacks b[run:i]
	keep := i // the local name ends here unless more follows: not after a '.'
	for {
		if i == len(b) {
			if !r.refill(&b) {
				break
			}
			continue
		}
		c := b[i]
		if c < utf8.RuneSelf && (class[c]&className != 0 || c == ':' || c == '.') {
			if i == p+1 && (c == '-' || c == '.') {
				break // a local name cannot start with either
			}
			i++
			if c != '.' {
				keep = i
			}
			continue
		}
		if c == '%' {
			b = r.ensure(i + 3)
			if i+2 >= len(b) || class[b[i+1]]&classHex == 0 || class[b[i+2]]&classHex == 0 {
				return "", r.errAt(i, r.escapeText(i, 3), "two hex digits after '%' in local name")
			}
			i += 3
			keep = i
			continue
		}
		if c == '\\' {
			b = r.ensure(i + 2)
			if i+1 == len(b) || class[b[i+1]]&classLocalEsc == 0 {
				return "", r.errAt(i, r.escapeText(i, 2), `local name escape (\ and one of _~.-!$&'()*+,;=/?#@%)`)
			}
			out = append(out, b[run:i]...)
			out = append(out, b[i+1])
			i += 2
			run, keep = i, i
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		size, err := r.validRune(i)
		if err != nil {
			return "", err
		}
		b = r.window()
		ch, _ := utf8.DecodeRune(b[i:])
		if !isPNChars(ch) || i == p+1 && !grammar.IsPNCharsBase(ch) {
			break
		}
		i += size
		keep = i
	}
	// Trailing dots are not part of the name: they end the statement.
	out = append(out, b[run:keep]...)
	r.scratch = out
	r.pos += keep
	return r.strs.Get(out), nil
}

// userLabel returns the blank node label for a label written in the
// input. Labels are kept as written, except that one starting with
// genPrefix gets genPrefix+"_" in front, so no user label can equal a
// generated one (genPrefix and digits).
func (r *Reader) userLabel(label []byte) string {
	if bytes.HasPrefix(label, []byte(genPrefix)) {
		out := append(append(r.scratch[:0], genPrefix+"_"...), label...)
		r.scratch = out
		return r.strs.Get(out)
	}
	return r.strs.Get(label)
}

// foundAt returns the character at i, relative to r.pos, or "" at the end
// of the input.
func (r *Reader) foundAt(i int) string {
	b := r.ensure(i + utf8.UTFMax)
	if i >= len(b) {
		return ""
	}
	if b[i] < utf8.RuneSelf {
		return string(b[i : i+1])
	}
	_, size := utf8.DecodeRune(b[i:])
	return string(b[i : i+size])
}
