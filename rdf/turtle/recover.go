package turtle

import (
	"bytes"
	"io"

	"civicgraph/graph"
)

// Placeholders the reader uses, after reporting the error once, so that
// one missing declaration does not make every later use an error too. The
// statements read with them are never clean: Read ends with the error.
const (
	// undeclaredNS starts the namespace given to an undeclared prefix:
	// undeclaredNS, the prefix and ':'.
	undeclaredNS = "urn:x-civicgraph:undeclared-prefix:"
	// noBase is the base IRI taken when a relative IRI comes before any.
	noBase = "urn:x-civicgraph:no-base/"
)

// recover handles err, an error from the parse, so the parse can go on.
// A syntax error is recorded and the input skipped to where a statement
// may start (see skipStatement; after an error in a directive, to the end
// of its line); recover returns nil and the caller reads on. Any other error,
// and a syntax error caused by a read error cutting the input short, is
// returned as it is: the reader stops there.
//
// Every path consumes input before the parse resumes, so a run of errors
// cannot loop: an error about a token comes after the token was read, and
// skipStatement consumes at least one byte unless the input has ended.
func (r *Reader) recover(err error) error {
	for {
		pe, ok := err.(*ParseError)
		if !ok || r.rerr != nil && r.rerr != io.EOF {
			return err
		}
		r.errs.Add(pe)
		onTok, inDirective := r.errTok, r.inDirective
		r.errTok, r.inDirective = false, false
		depth := 0 // open '[' and '(' of the statement
		for _, f := range r.stack {
			if f.kind != fStatement {
				depth++
			}
		}
		r.stack = r.stack[:0]
		braces := 0
		if onTok {
			// The error is about the token just read: it may end the
			// statement, or start what comes next.
			switch tok := r.tok; {
			case tok == tEOF:
				r.graph, r.inBlock = graph.Term{}, false
				return nil
			case tok == tDot:
				if depth == 0 || !r.closerFollows() {
					return nil
				}
			case tok == tAtPrefix || tok == tPrefix || tok == tAtBase || tok == tBase:
				// A directive after a statement that lacks its '.', or
				// inside a TriG block: read it, so the prefixes it
				// declares are known for the rest of the input.
				if err = r.directive(tok); err == nil {
					return nil
				}
				continue
			case tok == tGraph && r.trig && !r.inBlock:
				if err = r.graphBlock(); err == nil {
					return nil
				}
				continue
			case tok == tLBrace && r.trig && !r.inBlock:
				r.graph, r.inBlock = graph.Term{}, true
				return nil
			case tok == tLBrace && r.inBlock:
				braces = 1
			case tok == tRBrace && r.inBlock:
				r.graph, r.inBlock = graph.Term{}, false
				return nil
			}
		}
		if inDirective {
			r.skipLine()
		} else {
			r.skipStatement(depth, braces)
		}
		return nil
	}
}

// skipLine skips the input up to and including the next line end.
func (r *Reader) skipLine() {
	for {
		b := r.window()
		if i := bytes.IndexAny(b, "\n\r"); i >= 0 {
			r.advance(i+1, true)
			return
		}
		r.advance(len(b), false)
		if !r.more() {
			return
		}
	}
}

// Modes of skipStatement.
const (
	skipCode    = iota // between tokens or in a name, number or keyword
	skipComment        // after '#', to the end of the line
	skipIRI            // in an IRIREF, after '<'
	skipLong           // in a long string
)

// skipStatement skips the input up to and including the end of the
// statement in error: the next '.' outside IRIs, strings, comments, names
// and numbers. depth is how many '[' and '(' are open; a '.' inside them
// is taken as the statement's end (the ']' or ')' was forgotten) unless a
// ']' or ')' follows it (the '.' was a slip). In TriG a '}' that closes
// the block also ends the skip, and a '{' outside a block starts one, as
// does braces, the count of stray '{' inside one. The skip stops before a
// directive keyword (and GRAPH in TriG) that starts a word, so a
// statement missing its '.' does not swallow the next directive. A short
// string that does not close on its line is skipped as if its quote were
// any other character, since the quote is likely the slip.
//
// skipStatement reads through the scanners' buffer, consuming as it goes
// (r.pos, the line count); at the end of the input it also leaves any
// TriG block, whose missing '}' is then not a second error.
func (r *Reader) skipStatement(depth, braces int) {
	start := r.BytesRead()
	b := r.window()
	i := 0
	mode := skipCode
	word := false // b[i-1] is part of a name, number or keyword
	var q byte    // the quote of a long string
	// commit consumes b[:i], so a look-ahead that reads more input does
	// not make the buffer hold what was skipped.
	commit := func() {
		r.advance(i, true)
		b, i = r.window(), 0
	}
	for {
		if i >= len(b) {
			r.advance(len(b), true)
			i -= len(b)
			if !r.refill(&b) {
				// The end of the input, or a read error, which the next
				// token reports.
				r.graph, r.inBlock = graph.Term{}, false
				return
			}
			continue
		}
		c := b[i]
		switch mode {
		case skipComment:
			if c == '\n' || c == '\r' {
				mode = skipCode
				continue
			}
			i++
			continue
		case skipIRI:
			switch {
			case c == '>':
				mode = skipCode
				i++
			case c == '\\' || c >= 0x80 || class[c]&classIRI != 0:
				i++
			default: // not in an IRI: the IRI was broken here
				mode = skipCode
			}
			continue
		case skipLong:
			switch c {
			case '\\':
				i += 2
			case q:
				commit()
				if b = r.ensure(3); len(b) >= 3 && b[1] == q && b[2] == q {
					mode = skipCode
					i += 3
				} else {
					i++
				}
			default:
				i++
			}
			continue
		}
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			word = false
			i++
		case c == '#':
			word = false
			mode = skipComment
			i++
		case c == '<':
			word = false
			mode = skipIRI
			i++
		case c == '"' || c == '\'':
			word = false
			commit()
			if b = r.ensure(3); len(b) >= 3 && b[1] == c && b[2] == c {
				mode, q = skipLong, c
				i += 3
				break
			}
			b, i = r.shortString()
		case c == '.':
			commit()
			b = r.ensure(2)
			var next byte
			if len(b) > 1 {
				next = b[1]
			}
			i++
			if next >= '0' && next <= '9' || word && (next == '.' || isWordByte(next)) {
				word = true // in a name or number
				break
			}
			commit()
			if depth > 0 && r.closerFollows() {
				// closerFollows may have read more input, moving
				// the window.
				b = r.window()
				word = false
				break
			}
			return
		case c == '[' || c == '(':
			word = false
			depth++
			i++
		case c == ']' || c == ')':
			word = false
			depth = max(depth-1, 0)
			i++
		case c == '{' && r.trig:
			word = false
			i++
			if !r.inBlock {
				r.advance(i, true)
				r.graph, r.inBlock = graph.Term{}, true
				return
			}
			braces++
		case c == '}' && r.trig && r.inBlock:
			word = false
			i++
			if braces > 0 {
				braces--
				break
			}
			r.advance(i, true)
			r.graph, r.inBlock = graph.Term{}, false
			return
		case c == '\\':
			word = true // an escape in a local name
			i += 2
		case isWordByte(c):
			if !word && depth == 0 && r.BytesRead()+int64(i) > start {
				commit()
				if b = r.ensure(8); r.keywordAt(b) {
					return
				}
			}
			word = true
			i++
		default:
			word = false
			i++
		}
	}
}

// isWordByte reports whether c may be part of a name, number, keyword or
// language tag: a byte after which a '.' may continue the word.
func isWordByte(c byte) bool {
	return c >= 0x80 || class[c]&className != 0 || c == ':' || c == '%' || c == '@'
}

// keywordAt reports whether b starts with a directive keyword, or in TriG
// outside a block with GRAPH, followed by white space or '<'.
func (r *Reader) keywordAt(b []byte) bool {
	for _, kw := range [...]struct {
		word []byte
		fold bool
	}{
		{[]byte("@prefix"), false}, {[]byte("@base"), false},
		{[]byte("PREFIX"), true}, {[]byte("BASE"), true}, {[]byte("GRAPH"), true},
	} {
		n := len(kw.word)
		if len(b) <= n || class[b[n]]&classSpace == 0 && b[n] != '<' {
			continue
		}
		if kw.word[0] == 'G' && (!r.trig || r.inBlock) {
			continue
		}
		if kw.fold && bytes.EqualFold(b[:n], kw.word) || bytes.Equal(b[:n], kw.word) {
			return true
		}
	}
	return false
}

// shortString looks for the end of the short string whose quote is at
// r.pos, on the same line. It returns the window, which may have moved,
// and the index after the closing quote, or 1 when the string does not
// close on its line.
func (r *Reader) shortString() ([]byte, int) {
	b := r.window()
	q := b[0]
	for j := 1; ; {
		if j+1 >= len(b) {
			if b = r.ensure(j + 2); j >= len(b) {
				return b, 1
			}
		}
		switch b[j] {
		case q:
			return b, j + 1
		case '\n', '\r':
			return b, 1
		case '\\':
			if j+1 < len(b) && (b[j+1] == '\n' || b[j+1] == '\r') {
				return b, 1
			}
			j += 2
		default:
			j++
		}
	}
}

// closerFollows reports whether the first byte after the white space at
// r.pos is ']' or ')'.
func (r *Reader) closerFollows() bool {
	for i := 0; ; i++ {
		b := r.ensure(i + 1)
		if i >= len(b) {
			return false
		}
		switch b[i] {
		case ' ', '\t', '\n', '\r':
		case ']', ')':
			return true
		default:
			return false
		}
	}
}
