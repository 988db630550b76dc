package turtle

import (
	"civicgraph/rdf/internal/intern"
	rfc3986 "civicgraph/rdf/internal/iri"
	"civicgraph/rdf/problems"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/rdf/internal/grammar"
)

// genPrefix starts the labels of the blank nodes the reader makes for
// '[' ']' and collections: genPrefix and a number.
const genPrefix = "_g"

// maxDepth is how deeply property lists and collections may nest. The
// reader keeps its own stack, so deep nesting cannot overflow the
// goroutine's; the limit bounds that stack's memory.
const maxDepth = 10_000

// Reader reads Turtle or TriG from an input stream and returns its
// statements one at a time. It is not safe for concurrent use.
type Reader struct {
	rd   io.Reader
	name string
	trig bool

	// Input: buf[pos:end] is read but not yet consumed.
	buf  []byte
	pos  int
	end  int
	off  int64 // input offset of buf[0]
	rerr error // sticky: the error of the underlying reader, io.EOF at the end

	// Position of buf[pos].
	ln        int   // line, from 1
	lineStart int64 // input offset where that line starts
	crAt      int64 // input offset of the last CR, so a LF after it is not a second line end

	// The last token.
	tok     token
	tokLine int
	tokCol  int
	tokOff  int64      // input offset of the token
	tokEnd  int64      // input offset after it
	saved   []byte     // the token's first bytes, once more has dropped them from buf
	term    graph.Term // for term tokens
	word    string     // for keywords and tOther, for errors

	// Parser state.
	hasBase  bool
	base     rfc3986.Ref
	prefixes map[string]string
	stack    []frame
	graph    graph.Term // the graph of the block being read, zero for the default graph
	inBlock  bool       // TriG: inside '{' '}'
	blanks   int        // blank nodes made so far
	started  bool       // Read has been called

	// Output: queue[head:] are statements parsed but not yet returned.
	queue []queued
	head  int
	line  int   // the line of the statement Read returned last, or of its error
	err   error // sticky: the error Read returned at the end, or io.EOF

	scratch  []byte // unescaped text of the current token
	resolved []byte // a resolved relative IRI
	strs     *intern.Interner

	// Errors, last: off the hot path. The syntax errors found so far;
	// and, for recover, whether the last one made is about the token
	// just read (r.tok) rather than a bad token at r.pos, and whether it
	// came from a directive.
	errs        problems.List
	errTok      bool
	inDirective bool
}

// queued is a statement waiting to be returned, with its line.
type queued struct {
	q    graph.Quad
	line int
}

// frame is one level of the parse stack: a statement, a blank node
// property list or a collection.
type frame struct {
	kind  frameKind
	state state
	subj  graph.Term // the subject; for a collection, its last node so far
	pred  graph.Term
	head  graph.Term // for a collection, its first node
}

// frameKind says what a frame parses.
type frameKind uint8

const (
	fStatement  frameKind = iota // triples, at the top level or in a graph block
	fPropList                    // '[' predicateObjectList ']'
	fCollection                  // '(' object* ')'
)

// state is where a frame is in its production.
type state uint8

const (
	sSubject       state = iota // statement: its subject, a collection, is being read
	sVerb                       // a predicate must follow
	sObject                     // an object must follow
	sAfterObject                // ',', ';' or the end
	sAfterSemi                  // after ';': a predicate, another ';' or the end
	sAfterPropList              // statement with a property list as subject: a predicate or the end
	sItem                       // collection: an object or ')'
)

// NewReader returns a Reader that parses r. name is used in error messages
// and may be "". With trig false the input is Turtle and every statement
// is in the default graph (zero G); with trig true it is TriG, and the
// statements of a graph block have the block's label as G.
func NewReader(r io.Reader, name string, trig bool) *Reader {
	return &Reader{
		rd:       r,
		name:     name,
		trig:     trig,
		ln:       1,
		crAt:     -2,
		prefixes: map[string]string{},
		strs:     intern.New(),
	}
}

// SetBase sets the base IRI that relative IRIs are resolved against until
// the input sets its own with @base or BASE. Call it before the first
// Read. Without a base IRI a relative IRI is a syntax error. iri must be
// absolute; if it is not, SetBase returns an error wrapping [ErrBaseIRI]
// and leaves the base unset.
func (r *Reader) SetBase(iri string) error {
	if r.started {
		return fmt.Errorf("turtle: SetBase called after Read")
	}
	if !graph.IsAbsoluteIRI(iri) || grammar.IndexIRIForbidden(iri) >= 0 {
		return fmt.Errorf("%w: %q", ErrBaseIRI, iri)
	}
	r.base, r.hasBase = rfc3986.Parse(iri), true
	return nil
}

// Line returns the number of the line Read looked at last: for a
// statement the line of the token that completed it (its object, or the
// ']' or ')' that closed it). Once Read has returned an error it is the
// line of the first syntax error, or for a read error alone the line
// where reading stopped. It counts from 1.
func (r *Reader) Line() int { return r.line }

// BytesRead returns how many bytes of input Read has consumed so far.
// Compare it with the input size to show progress.
func (r *Reader) BytesRead() int64 { return r.off + int64(r.pos) }

// Read returns the next statement. It returns io.EOF after the last one
// when the input held no syntax error. After a syntax error Read records
// it, skips to the end of the statement (see the package doc) and goes
// on; at the end it returns the errors instead of io.EOF: the lone
// [*ParseError] when there was one, else a list of them. Statements
// completed before an error are returned as usual, and so are those after
// it. If reading fails, Read returns the underlying reader's error,
// wrapped, with any syntax errors found before it. After an error every
// call returns that error.
func (r *Reader) Read() (graph.Quad, error) {
	r.started = true
	if r.head == len(r.queue) {
		if r.err != nil {
			return graph.Quad{}, r.err
		}
		r.queue, r.head = r.queue[:0], 0
		if err := r.parse(); err != nil {
			r.err = r.finalError(err)
		}
		if r.head == len(r.queue) {
			return graph.Quad{}, r.err
		}
	}
	q := &r.queue[r.head]
	r.head++
	r.line = q.line
	return q.q, nil
}

// finalError turns the error that stopped the parse, io.EOF at the end of
// the input, into the one Read returns, and sets the line Line reports.
func (r *Reader) finalError(err error) error {
	r.line = r.ln
	if r.rerr != nil && r.rerr != io.EOF {
		// The input was cut short: report why, not what the parser
		// made of the missing rest.
		err = r.readError()
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

// readError wraps the underlying reader's error.
func (r *Reader) readError() error {
	if r.name != "" {
		return fmt.Errorf("turtle: read %s: %w", r.name, r.rerr)
	}
	return fmt.Errorf("turtle: read: %w", r.rerr)
}

// parse reads tokens until at least one statement is queued. It returns
// io.EOF at the end of the input, and an error only when it cannot go on:
// it recovers from syntax errors (see recover).
func (r *Reader) parse() error {
	if r.off == 0 && r.pos == 0 {
		if b := r.ensure(3); len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
			r.pos = 3 // a byte order mark
		}
	}
	for r.head == len(r.queue) {
		tok, err := r.next()
		if err == nil {
			if len(r.stack) == 0 {
				err = r.topLevel(tok)
			} else {
				err = r.inFrame(tok)
			}
			if err == nil {
				continue
			}
		}
		if err == io.EOF {
			return err
		}
		if err = r.recover(err); err != nil {
			return err
		}
	}
	return nil
}

// topLevel handles a token outside any statement: a directive, the start
// of a statement, or in TriG a graph block's start or end.
func (r *Reader) topLevel(tok token) error {
	switch tok {
	case tEOF:
		if r.inBlock {
			return r.tokenError("'}' to end graph block")
		}
		return io.EOF
	case tAtPrefix, tPrefix, tAtBase, tBase:
		if r.inBlock {
			break // TriG has no directives inside a graph block
		}
		return r.directive(tok)
	case tIRI, tBlank:
		if r.trig && !r.inBlock {
			// labelOrSubject: a graph label when '{' follows.
			if err := r.skipSpace(); err != nil {
				return err
			}
			if r.pos < r.end && r.buf[r.pos] == '{' {
				r.pos++
				r.graph, r.inBlock = r.term, true
				return nil
			}
		}
		r.push(frame{kind: fStatement, state: sVerb, subj: r.term})
		return nil
	case tLBracket:
		b := r.fresh()
		r.push(frame{kind: fStatement, state: sAfterPropList, subj: b})
		r.push(frame{kind: fPropList, state: sVerb, subj: b})
		return nil
	case tLParen:
		r.push(frame{kind: fStatement, state: sSubject})
		r.push(frame{kind: fCollection, state: sItem})
		return nil
	case tLBrace:
		if r.trig && !r.inBlock {
			r.graph, r.inBlock = graph.Term{}, true
			return nil
		}
	case tRBrace:
		if r.inBlock {
			r.graph, r.inBlock = graph.Term{}, false
			return nil
		}
	case tGraph:
		if r.trig && !r.inBlock {
			return r.graphBlock()
		}
	}
	switch {
	case r.inBlock:
		return r.tokenError("subject or '}' to end graph block")
	case r.trig:
		return r.tokenError("directive, subject or graph block")
	}
	return r.tokenError("directive or subject")
}

// graphBlock reads the label and '{' after the keyword GRAPH.
func (r *Reader) graphBlock() error {
	tok, err := r.next()
	if err != nil {
		return err
	}
	if tok != tIRI && tok != tBlank {
		return r.tokenError("graph name (IRI or blank node) after GRAPH")
	}
	label := r.term
	if tok, err = r.next(); err != nil {
		return err
	}
	if tok != tLBrace {
		return r.tokenError("'{' to start graph block")
	}
	r.graph, r.inBlock = label, true
	return nil
}

// directive reads the rest of a prefix or base directive. After an error
// recover skips the rest of the line: a directive is one line, and may
// have no '.' to skip to.
func (r *Reader) directive(tok token) error {
	err := r.directiveRest(tok)
	r.inDirective = err != nil
	return err
}

// directiveRest reads the rest of a prefix or base directive.
func (r *Reader) directiveRest(tok token) error {
	var prefix string
	if tok == tAtPrefix || tok == tPrefix {
		if err := r.startToken(); err != nil {
			return err
		}
		p, err := r.prefixLen()
		if err != nil {
			return err
		}
		b := r.window()
		for p > 0 && b[p-1] == '.' {
			p-- // a prefix cannot end with '.'
		}
		if p == len(b) || b[p] != ':' {
			return r.errAt(p, r.foundAt(p), "prefix name and ':'")
		}
		prefix = string(b[:p])
		r.pos += p + 1
	}
	if err := r.startToken(); err != nil {
		return err
	}
	if r.pos == r.end || r.buf[r.pos] != '<' {
		return r.errAt(0, r.foundAt(0), "IRI in angle brackets")
	}
	iri, err := r.scanIRIRef()
	if err != nil {
		return err
	}
	if tok == tAtPrefix || tok == tPrefix {
		r.prefixes[prefix] = iri
	} else {
		r.base, r.hasBase = rfc3986.Parse(iri), true
	}
	if tok == tAtPrefix || tok == tAtBase {
		if tok, err = r.next(); err != nil {
			return err
		}
		if tok != tDot {
			return r.tokenError("'.' to end directive")
		}
	}
	return nil
}

// inFrame handles a token inside a statement.
func (r *Reader) inFrame(tok token) error {
	f := &r.stack[len(r.stack)-1]
	switch f.state {
	case sVerb:
		if r.verb(f, tok) {
			return nil
		}
		return r.tokenError("predicate (IRI or 'a')")
	case sObject, sItem:
		switch tok {
		case tIRI, tBlank, tLiteral:
			r.value(f, r.term)
			return nil
		case tLBracket:
			b := r.fresh()
			return r.push(frame{kind: fPropList, state: sVerb, subj: b})
		case tLParen:
			return r.push(frame{kind: fCollection, state: sItem})
		case tRParen:
			if f.state == sItem {
				v := graph.IRI(rdfNil)
				if !f.head.IsZero() {
					r.emit(f.subj, graph.IRI(rdfRest), v)
					v = f.head
				}
				r.pop(v)
				return nil
			}
		}
		if f.state == sItem {
			return r.tokenError("object or ')' to end collection")
		}
		return r.tokenError("object (IRI, blank node, literal, '[' or '(')")
	case sAfterObject:
		switch tok {
		case tComma:
			f.state = sObject
			return nil
		case tSemi:
			f.state = sAfterSemi
			return nil
		}
	case sAfterSemi:
		if tok == tSemi || r.verb(f, tok) {
			return nil
		}
	case sAfterPropList:
		if r.verb(f, tok) {
			return nil
		}
	}
	return r.endFrame(f, tok)
}

// verb takes tok as the predicate of f if it is one.
func (r *Reader) verb(f *frame, tok token) bool {
	switch tok {
	case tIRI:
		f.pred = r.term
	case tA:
		f.pred = graph.Term{Kind: graph.KindIRI, Value: graph.RDFType}
	default:
		return false
	}
	f.state = sObject
	return true
}

// endFrame handles tok, which should end the statement or property list f.
func (r *Reader) endFrame(f *frame, tok token) error {
	switch {
	case f.kind == fPropList && tok == tRBracket:
		r.pop(f.subj)
		return nil
	case f.kind == fStatement && tok == tDot:
		r.stack = r.stack[:0]
		return nil
	case f.kind == fStatement && tok == tRBrace && r.inBlock:
		r.stack = r.stack[:0]
		r.graph, r.inBlock = graph.Term{}, false
		return nil
	}
	var end string
	switch {
	case f.kind == fPropList:
		end = "']'"
	case r.inBlock:
		end = "'.' or '}'"
	default:
		end = "'.'"
	}
	switch f.state {
	case sAfterObject:
		return r.tokenError("',' or ';' or " + end)
	case sAfterSemi:
		return r.tokenError("predicate or " + end)
	}
	return r.tokenError("predicate or " + end)
}

// push starts a nested frame.
func (r *Reader) push(f frame) error {
	if len(r.stack) > maxDepth { // the statement and maxDepth lists
		return r.tokenError("at most " + strconv.Itoa(maxDepth) + " nested lists")
	}
	r.stack = append(r.stack, f)
	return nil
}

// pop ends the top frame, a property list or collection whose value is v,
// and hands v to the frame below.
func (r *Reader) pop(v graph.Term) {
	r.stack = r.stack[:len(r.stack)-1]
	f := &r.stack[len(r.stack)-1]
	switch f.state {
	case sSubject:
		f.subj, f.state = v, sVerb
	case sAfterPropList:
		// The property list was the statement's subject, already set.
	default:
		r.value(f, v)
	}
}

// value takes v as the next object of f, a statement, property list or
// collection.
func (r *Reader) value(f *frame, v graph.Term) {
	if f.kind != fCollection {
		r.emit(f.subj, f.pred, v)
		f.state = sAfterObject
		return
	}
	n := r.fresh()
	if f.head.IsZero() {
		f.head = n
	} else {
		r.emit(f.subj, graph.IRI(rdfRest), n)
	}
	r.emit(n, graph.IRI(rdfFirst), v)
	f.subj = n
}

// emit queues a statement in the current graph.
func (r *Reader) emit(s, p, o graph.Term) {
	r.queue = append(r.queue, queued{graph.Quad{S: s, P: p, O: o, G: r.graph}, r.tokLine})
}

// fresh returns a new blank node.
func (r *Reader) fresh() graph.Term {
	r.blanks++
	r.scratch = strconv.AppendInt(append(r.scratch[:0], genPrefix...), int64(r.blanks), 10)
	return graph.Term{Kind: graph.KindBlank, Value: string(r.scratch)}
}

// col returns the column of buf[pos].
func (r *Reader) col() int { return int(r.off+int64(r.pos)-r.lineStart) + 1 }

// tokenError returns a ParseError for the last token.
func (r *Reader) tokenError(expected string) error {
	var found string
	switch r.tok {
	case tEOF:
	case tIRI, tBlank, tLiteral:
		text := r.saved
		if n := r.tokEnd - r.tokOff; int64(len(text)) > n {
			text = text[:n]
		}
		if rest := r.tokOff + int64(len(text)); len(text) <= maxFound && rest >= r.off && rest <= r.tokEnd {
			end := min(r.tokEnd, rest+int64(maxFound+1-len(text))) // no more than tokenText keeps
			text = append(text[:len(text):len(text)], r.buf[rest-r.off:end-r.off]...)
		}
		found = tokenText(text)
	case tA, tAtPrefix, tAtBase, tPrefix, tBase, tGraph, tOther:
		found = r.word
	default:
		found = punctuation[r.tok]
	}
	r.errTok = true
	return r.errLC(r.tokLine, r.tokCol, found, expected)
}

// errAt returns a ParseError at buf[r.pos+i].
func (r *Reader) errAt(i int, found, expected string) error {
	ln, lineStart, _ := r.countLines(r.pos + i)
	return r.errLC(ln, int(r.off+int64(r.pos+i)-lineStart)+1, found, expected)
}

// errLC returns a ParseError at a line and column.
func (r *Reader) errLC(line, col int, found, expected string) error {
	return &ParseError{File: r.name, Line: line, Col: col, Found: problems.Excerpt(found), Expected: expected}
}

// maxFound is how much of a token's text a ParseError keeps in Found:
// enough for problems.Quote to show its excerpt and see it was cut.
const maxFound = problems.MaxExcerpt + utf8.UTFMax

// tokenText returns a token as written, for an error: "[]" for an empty
// property list, and an excerpt of a long token.
func tokenText(b []byte) string {
	if len(b) > 0 && b[0] == '[' {
		return "[]"
	}
	return problems.ExcerptBytes(b)
}
