package rdfxml

import (
	"bytes"
	rfc3986 "civicgraph/rdf/internal/iri"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"

	"civicgraph/graph"
	"civicgraph/rdf/internal/grammar"
	"civicgraph/rdf/problems"
)

const (
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xmlNS = "http://www.w3.org/XML/1998/namespace"
)

// maxDepth is how deeply elements may nest. The reader keeps its own stack,
// so deep nesting cannot overflow the goroutine's; the limit bounds that
// stack's memory.
const maxDepth = 4096

// Terms the reader emits.
var (
	rdfType      = graph.IRI(rdfNS + "type")
	rdfSubject   = graph.IRI(rdfNS + "subject")
	rdfPredicate = graph.IRI(rdfNS + "predicate")
	rdfObject    = graph.IRI(rdfNS + "object")
	rdfStatement = graph.IRI(rdfNS + "Statement")
	rdfFirst     = graph.IRI(rdfNS + "first")
	rdfRest      = graph.IRI(rdfNS + "rest")
	rdfNil       = graph.IRI(rdfNS + "nil")
)

// kind is what an open element is, which decides what may come inside it.
type kind uint8

const (
	kRDF        kind = iota // rdf:RDF: node elements
	kNode                   // a node element, or a parseType="Resource" property element: property elements
	kProp                   // a property element without parseType: text, or one node element
	kLiteral                // a parseType="Literal" property element: any XML
	kInLiteral              // an element inside an XML literal
	kCollection             // a parseType="Collection" property element: node elements
)

// nsBinding is one namespace declaration in scope.
type nsBinding struct{ prefix, uri string }

// propAttr is a property attribute: its predicate and value, which is an
// IRI for rdf:type and a literal otherwise.
type propAttr struct {
	pred  graph.Term
	value string
	iri   bool
}

// elem is an open XML element and what the parser knows about it.
type elem struct {
	name    xml.Name // as written: Space holds the prefix
	kind    kind
	ns      int // len(Reader.ns) before this element's declarations
	base    string
	hasBase bool
	baseRef rfc3986.Ref // base, parsed
	lang    string

	// kNode: the subject and the rdf:li counter.
	subj graph.Term
	li   int

	// kProp, kLiteral, kCollection: the statement being built.
	parent graph.Term // the subject of the enclosing node
	pred   graph.Term
	reify  graph.Term // the rdf:ID of the property element, zero if none
	dt     string
	hasDT  bool
	obj    graph.Term // from rdf:resource or rdf:nodeID
	attrs  []propAttr // property attributes, for an empty property element
	text   []byte     // kProp: character data; kLiteral: the canonical XML so far
	child  bool       // kProp: a node element child has started
	cell   graph.Term // kCollection: the last list cell

	// kLiteral, kInLiteral: namespace declarations written on this element.
	rendered []nsBinding
}

// queued is a statement ready to be returned, and the line it came from.
type queued struct {
	q    graph.Quad
	line int
}

// Reader reads RDF/XML and returns its triples as quads in the default
// graph. It is not safe for concurrent use.
type Reader struct {
	dec     *xml.Decoder
	in      *countingReader
	guard   *entityGuard
	latin1  bool // the input is decoded from ISO-8859-1
	name    string
	base    string
	started bool
	err     error // sticky: the error Read returned, or io.EOF

	stack   []elem
	ns      []nsBinding
	rootEnd bool // the root element has ended
	ids     map[string]bool

	queue []queued
	head  int

	line, col int // position of the token being processed
	outLine   int // the line of the statement Read returned last

	label  []byte // per-reader blank node label prefix
	blanks int
	buf    []byte
}

// NewReader returns a Reader that parses r. name is used in error messages
// and may be "".
func NewReader(r io.Reader, name string) *Reader {
	in := &countingReader{r: r}
	guard := newEntityGuard(in)
	d := xml.NewDecoder(guard)
	guard.dec = d
	rd := &Reader{dec: d, in: in, guard: guard, name: name, ids: map[string]bool{}}
	d.CharsetReader = rd.charsetReader
	rd.label = fmt.Appendf(nil, "x%08x", rand.Uint32())
	return rd
}

// SetBase sets the base IRI that relative IRIs, rdf:ID values and
// xml:base attributes are resolved against, usually the IRI the document
// was retrieved from. Call it before the first Read; later calls are
// ignored. Without a base IRI, a relative IRI in the document is a syntax
// error. If iri is not absolute, the first Read returns an error wrapping
// [ErrBaseIRI].
func (r *Reader) SetBase(iri string) {
	if !r.started {
		r.base = iri
	}
}

// Line returns the line of the statement Read returned last, or of the
// error: the line where the XML token that completed the statement ends.
// It counts from 1, and is 0 before the first Read.
func (r *Reader) Line() int { return r.outLine }

// BytesRead returns how many bytes of input the XML decoder has consumed.
// Compare it with the input size to show progress. For input the decoder
// converts to UTF-8 (ISO-8859-1), it is approximate.
func (r *Reader) BytesRead() int64 { return min(r.dec.InputOffset(), r.in.n) }

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// Read returns the next triple as a quad with a zero (default) graph. It
// returns io.EOF after the last one, a [*ParseError] for a syntax error,
// and the underlying reader's error, wrapped, if reading fails. Triples
// completed before a syntax error are returned before it. After an error
// every call returns that error.
func (r *Reader) Read() (graph.Quad, error) {
	if !r.started {
		r.started = true
		if r.base != "" && (!graph.IsAbsoluteIRI(r.base) || grammar.IndexIRIForbidden(r.base) >= 0) {
			r.err = fmt.Errorf("%w: %q", ErrBaseIRI, r.base)
		}
	}
	for r.head == len(r.queue) {
		if r.err != nil {
			return graph.Quad{}, r.err
		}
		r.queue, r.head = r.queue[:0], 0
		if err := r.step(); err != nil {
			r.err = err
			if err != io.EOF {
				r.outLine = r.line
			}
		}
	}
	it := r.queue[r.head]
	r.queue[r.head] = queued{}
	r.head++
	r.outLine = it.line
	return it.q, nil
}

// step reads one XML token and acts on it.
func (r *Reader) step() error {
	tok, err := r.dec.RawToken()
	r.line, r.col = r.dec.InputPos()
	if err != nil {
		return r.tokenError(err)
	}
	switch t := tok.(type) {
	case xml.StartElement:
		return r.start(t)
	case xml.EndElement:
		return r.end(t)
	case xml.CharData:
		return r.charData(t)
	case xml.Comment:
		if top := r.top(); top != nil && (top.kind == kLiteral || top.kind == kInLiteral) {
			lit := r.literal()
			lit.text = append(lit.text, "<!--"...)
			lit.text = append(lit.text, t...)
			lit.text = append(lit.text, "-->"...)
		}
	case xml.ProcInst:
		if top := r.top(); top != nil && (top.kind == kLiteral || top.kind == kInLiteral) {
			lit := r.literal()
			lit.text = append(lit.text, "<?"...)
			lit.text = append(lit.text, t.Target...)
			if len(t.Inst) > 0 {
				lit.text = append(lit.text, ' ')
				lit.text = append(lit.text, bytes.TrimLeft(t.Inst, " \t\r\n")...)
			}
			lit.text = append(lit.text, "?>"...)
		}
	case xml.Directive:
		if len(r.stack) > 0 || r.rootEnd {
			return r.fail("no declaration inside or after the root element", "<!"+string(t)+">")
		}
		r.declareEntities(t)
	}
	return nil
}

// tokenError turns an error of the XML decoder into the error Read returns.
func (r *Reader) tokenError(err error) error {
	if err == io.EOF {
		switch {
		case len(r.stack) > 0:
			return r.fail("</"+qname(r.top().name)+">", "")
		case !r.rootEnd:
			return r.fail("a root element", "")
		}
		return io.EOF
	}
	var ee *expansionError
	if errors.As(err, &ee) {
		// The decoder stands at the ';' that ends the reference.
		pe := r.fail(ee.expected(), "&"+ee.name+";")
		pe.Col = max(1, pe.Col-len(ee.name)-1)
		return pe
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		pe := r.fail("well-formed XML", "")
		pe.Line, pe.Found = se.Line, se.Msg
		return pe
	}
	if strings.HasPrefix(err.Error(), "xml: ") {
		// The decoder reports some problems, such as an unsupported
		// encoding, as plain errors of its own.
		return r.fail("well-formed XML in UTF-8, ISO-8859-1 or US-ASCII", err.Error())
	}
	return fmt.Errorf("rdfxml: read %s: %w", r.name, err)
}

// fail returns a ParseError at the current token. It keeps only an
// excerpt of found, which may be a whole text node.
func (r *Reader) fail(expected, found string) *ParseError {
	found = problems.Excerpt(found)
	var path strings.Builder
	for _, e := range r.stack {
		path.WriteByte('/')
		path.WriteString(qname(e.name))
	}
	return &ParseError{File: r.name, Line: r.line, Col: r.col, Path: path.String(), Found: found, Expected: expected}
}

// qname returns a name as written.
func qname(n xml.Name) string {
	if n.Space == "" {
		return n.Local
	}
	return n.Space + ":" + n.Local
}

func (r *Reader) top() *elem {
	if len(r.stack) == 0 {
		return nil
	}
	return &r.stack[len(r.stack)-1]
}

// literal returns the parseType="Literal" element the current XML literal
// belongs to.
func (r *Reader) literal() *elem {
	for i := len(r.stack) - 1; ; i-- {
		if r.stack[i].kind == kLiteral {
			return &r.stack[i]
		}
	}
}

func (r *Reader) emit(s, p, o graph.Term) {
	r.queue = append(r.queue, queued{graph.Quad{S: s, P: p, O: o}, r.line})
}

// emitStatement emits s p o and, when id is set, its reification.
func (r *Reader) emitStatement(s, p, o, id graph.Term) {
	r.emit(s, p, o)
	if !id.IsZero() {
		r.emit(id, rdfType, rdfStatement)
		r.emit(id, rdfSubject, s)
		r.emit(id, rdfPredicate, p)
		r.emit(id, rdfObject, o)
	}
}

// fresh returns a new blank node.
func (r *Reader) fresh() graph.Term {
	r.blanks++
	r.buf = strconv.AppendInt(append(append(r.buf[:0], r.label...), 'g'), int64(r.blanks), 10)
	return graph.Blank(string(r.buf))
}

// nodeID returns the blank node for an rdf:nodeID value.
func (r *Reader) nodeID(id string) graph.Term {
	return graph.Blank(string(appendNodeIDLabel(append(r.buf[:0], r.label...), id)))
}

// lookup returns the namespace bound to prefix, "" for the default
// namespace when none is declared; ok is false for an undeclared prefix.
func (r *Reader) lookup(prefix string) (string, bool) {
	if prefix == "xml" {
		return xmlNS, true
	}
	for i := len(r.ns) - 1; i >= 0; i-- {
		if r.ns[i].prefix == prefix {
			return r.ns[i].uri, true
		}
	}
	return "", prefix == ""
}

// uri returns the IRI of an element or attribute name.
func (r *Reader) uri(n xml.Name, isAttr bool) (string, error) {
	ns, ok := r.lookup(n.Space)
	if !ok {
		return "", r.fail("a declared namespace prefix", n.Space)
	}
	if ns == "" || isAttr && n.Space == "" {
		return "", r.fail("a name in a namespace", n.Local)
	}
	if !graph.IsAbsoluteIRI(ns) {
		return "", r.fail("a namespace name that is an absolute IRI", ns)
	}
	if grammar.IndexIRIForbidden(ns) >= 0 {
		return "", r.fail("a namespace name that is "+forbiddenIRIChars, ns)
	}
	return ns + n.Local, nil
}

// forbiddenIRIChars is ParseError.Expected for an IRI with a character
// RDF forbids in IRIs.
const forbiddenIRIChars = "an IRI without spaces, control characters or <>\"{}|^`\\"

// resolve resolves an IRI reference against the in-scope base of e. It
// refuses a reference with a character RDF forbids in IRIs.
func (r *Reader) resolve(e *elem, ref string) (graph.Term, error) {
	if grammar.IndexIRIForbidden(ref) >= 0 {
		return graph.Term{}, r.fail(forbiddenIRIChars, ref)
	}
	if e.hasBase {
		r.buf = rfc3986.AppendResolved(r.buf[:0], &e.baseRef, ref)
		return graph.IRI(string(r.buf)), nil
	}
	if !graph.IsAbsoluteIRI(ref) {
		return graph.Term{}, r.fail("an absolute IRI (no base IRI is set)", ref)
	}
	u := rfc3986.Parse(ref)
	r.buf = rfc3986.AppendResolved(r.buf[:0], &u, ref)
	return graph.IRI(string(r.buf)), nil
}

// idIRI returns the IRI of an rdf:ID value, which must be unique in the
// document for its base.
func (r *Reader) idIRI(e *elem, id string) (graph.Term, error) {
	if !isNCName(id) {
		return graph.Term{}, r.fail("an XML NCName as rdf:ID", id)
	}
	t, err := r.resolve(e, "#"+id)
	if err != nil {
		return t, err
	}
	if r.ids[t.Value] {
		return t, r.fail("an rdf:ID not used before in the document", id)
	}
	r.ids[t.Value] = true
	return t, nil
}

// open pushes an element: it takes its namespace declarations, xml:base and
// xml:lang, and returns the other attributes.
func (r *Reader) open(t xml.StartElement, k kind) (*elem, []xml.Attr, error) {
	if len(r.stack) >= maxDepth {
		return nil, nil, r.fail(fmt.Sprintf("elements nested at most %d deep", maxDepth), qname(t.Name))
	}
	e := elem{name: t.Name, kind: k, ns: len(r.ns)}
	if p := r.top(); p != nil {
		e.base, e.hasBase, e.baseRef, e.lang = p.base, p.hasBase, p.baseRef, p.lang
	} else if r.base != "" {
		e.base, e.hasBase, e.baseRef = r.base, true, rfc3986.Parse(r.base)
	}
	var rest []xml.Attr
	var xmlBase *string
	for i := range t.Attr {
		a := &t.Attr[i]
		switch {
		case a.Name.Space == "" && a.Name.Local == "xmlns":
			r.ns = append(r.ns, nsBinding{"", a.Value})
		case a.Name.Space == "xmlns":
			if a.Value == "" {
				return nil, nil, r.fail("a namespace name for prefix "+a.Name.Local, "")
			}
			r.ns = append(r.ns, nsBinding{a.Name.Local, a.Value})
		case a.Name.Space == "xml" && a.Name.Local == "lang":
			e.lang = a.Value
		case a.Name.Space == "xml" && a.Name.Local == "base":
			xmlBase = &a.Value
		default:
			rest = append(rest, *a)
		}
	}
	r.stack = append(r.stack, e)
	top := r.top()
	if k != kInLiteral && top.lang != "" && !graph.ValidLangTag(top.lang) {
		return nil, nil, r.fail("a language tag (letters, then '-' and letters or digits) as xml:lang", top.lang)
	}
	if xmlBase != nil {
		b, err := r.resolve(top, *xmlBase)
		if err != nil {
			return nil, nil, err
		}
		if i := strings.IndexByte(b.Value, '#'); i >= 0 {
			b.Value = b.Value[:i]
		}
		top.base, top.hasBase, top.baseRef = b.Value, true, rfc3986.Parse(b.Value)
	}
	return top, rest, nil
}

// rdfAttr classifies an attribute for RDF/XML: xml-reserved attributes
// (ignored) give ok false; the unqualified about, ID, resource, parseType
// and type count as rdf: ones, as the RDF/XML specification allows.
func (r *Reader) rdfAttr(a xml.Attr) (iri string, ok bool, err error) {
	if a.Name.Space == "" {
		switch a.Name.Local {
		case "about", "ID", "resource", "parseType", "type":
			return rdfNS + a.Name.Local, true, nil
		}
		return "", false, nil
	}
	if strings.HasPrefix(strings.ToLower(a.Name.Space), "xml") {
		return "", false, nil
	}
	iri, err = r.uri(a.Name, true)
	return iri, err == nil, err
}

// start handles a start tag.
func (r *Reader) start(t xml.StartElement) error {
	p := r.top()
	switch {
	case p == nil:
		if r.rootEnd {
			return r.fail("end of input after the root element", "<"+qname(t.Name)+">")
		}
		e, attrs, err := r.open(t, kRDF)
		if err != nil {
			return err
		}
		u, err := r.uri(t.Name, false)
		if err != nil {
			return err
		}
		if u == rdfNS+"RDF" {
			for _, a := range attrs {
				if _, ok, err := r.rdfAttr(a); err != nil {
					return err
				} else if ok {
					return r.fail("no attributes on rdf:RDF but xmlns and xml:", qname(a.Name))
				}
			}
			return nil
		}
		_, err = r.nodeElement(e, u, attrs)
		return err
	case p.kind == kLiteral || p.kind == kInLiteral:
		return r.literalStart(t)
	case p.kind == kRDF, p.kind == kCollection:
		return r.childNode(t)
	case p.kind == kProp:
		if p.child {
			return r.fail("only one node element as a property value", "<"+qname(t.Name)+">")
		}
		if !isSpace(p.text) {
			return r.fail("either text or a node element as a property value, not both", "<"+qname(t.Name)+">")
		}
		if p.hasDT || !p.obj.IsZero() || len(p.attrs) > 0 {
			return r.fail("no node element in a property element with rdf:datatype, rdf:resource, rdf:nodeID or property attributes", "<"+qname(t.Name)+">")
		}
		p.child, p.text = true, p.text[:0]
		return r.childNode(t)
	default: // kNode
		return r.propertyElement(t)
	}
}

// childNode opens a node element inside rdf:RDF, a property element or a
// collection, and links it to its parent.
func (r *Reader) childNode(t xml.StartElement) error {
	e, attrs, err := r.open(t, kNode)
	if err != nil {
		return err
	}
	u, err := r.uri(t.Name, false)
	if err != nil {
		return err
	}
	p := &r.stack[len(r.stack)-2]
	switch p.kind {
	case kProp:
		// The object must come before the node's own statements: it is
		// known as soon as the subject is.
		s, err := r.subjectOf(e, attrs)
		if err != nil {
			return err
		}
		r.emitStatement(p.parent, p.pred, s, p.reify)
		return r.nodeBody(e, u, s, attrs)
	case kCollection:
		s, err := r.subjectOf(e, attrs)
		if err != nil {
			return err
		}
		cell := r.fresh()
		if p.cell.IsZero() {
			r.emitStatement(p.parent, p.pred, cell, p.reify)
		} else {
			r.emit(p.cell, rdfRest, cell)
		}
		p.cell = cell
		r.emit(cell, rdfFirst, s)
		return r.nodeBody(e, u, s, attrs)
	}
	_, err = r.nodeElement(e, u, attrs)
	return err
}

// nodeElement reads the attributes of the node element e and emits its
// type and property attribute statements.
func (r *Reader) nodeElement(e *elem, u string, attrs []xml.Attr) (graph.Term, error) {
	s, err := r.subjectOf(e, attrs)
	if err != nil {
		return s, err
	}
	return s, r.nodeBody(e, u, s, attrs)
}

// subjectOf returns the subject a node element's rdf:about, rdf:ID or
// rdf:nodeID gives, or a new blank node.
func (r *Reader) subjectOf(e *elem, attrs []xml.Attr) (graph.Term, error) {
	var s graph.Term
	var which string
	for _, a := range attrs {
		iri, ok, err := r.rdfAttr(a)
		if err != nil {
			return s, err
		}
		if !ok {
			continue
		}
		var t graph.Term
		switch iri {
		case rdfNS + "about":
			t, err = r.resolve(e, a.Value)
		case rdfNS + "ID":
			t, err = r.idIRI(e, a.Value)
		case rdfNS + "nodeID":
			if !isNCName(a.Value) {
				err = r.fail("an XML NCName as rdf:nodeID", a.Value)
			}
			t = r.nodeID(a.Value)
		default:
			continue
		}
		if err != nil {
			return s, err
		}
		if which != "" {
			return s, r.fail("at most one of rdf:about, rdf:ID and rdf:nodeID (found "+which+")", qname(a.Name))
		}
		s, which = t, qname(a.Name)
	}
	if s.IsZero() {
		s = r.fresh()
	}
	return s, nil
}

// nodeBody checks a node element's name and emits its rdf:type and
// property attribute statements.
func (r *Reader) nodeBody(e *elem, u string, s graph.Term, attrs []xml.Attr) error {
	e.kind, e.subj = kNode, s
	if strings.HasPrefix(u, rdfNS) {
		switch local := u[len(rdfNS):]; local {
		case "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "li",
			"aboutEach", "aboutEachPrefix", "bagID":
			return r.fail("a node element (not rdf:"+local+")", qname(e.name))
		}
	}
	if u != rdfNS+"Description" {
		r.emit(s, rdfType, graph.IRI(u))
	}
	for _, a := range attrs {
		iri, ok, err := r.rdfAttr(a)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		switch iri {
		case rdfNS + "about", rdfNS + "ID", rdfNS + "nodeID":
			continue
		case rdfNS + "type":
			t, err := r.resolve(e, a.Value)
			if err != nil {
				return err
			}
			r.emit(s, rdfType, t)
			continue
		}
		if err := r.checkPropertyAttr(iri, a); err != nil {
			return err
		}
		r.emit(s, graph.IRI(iri), r.plain(e, a.Value))
	}
	return nil
}

// checkPropertyAttr fails for the rdf: names that may not be property
// attributes.
func (r *Reader) checkPropertyAttr(iri string, a xml.Attr) error {
	if strings.HasPrefix(iri, rdfNS) {
		switch local := iri[len(rdfNS):]; local {
		case "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "li",
			"Description", "aboutEach", "aboutEachPrefix", "bagID":
			return r.fail("a property attribute (not rdf:"+local+")", qname(a.Name))
		}
	}
	return nil
}

// plain returns a literal with the in-scope language of e.
func (r *Reader) plain(e *elem, s string) graph.Term {
	if e.lang != "" {
		return graph.LangLiteral(s, e.lang)
	}
	return graph.String(s)
}

// propertyElement opens a property element inside a node.
func (r *Reader) propertyElement(t xml.StartElement) error {
	node := r.top()
	subj := node.subj
	e, attrs, err := r.open(t, kProp)
	if err != nil {
		return err
	}
	node = &r.stack[len(r.stack)-2]
	u, err := r.uri(t.Name, false)
	if err != nil {
		return err
	}
	if strings.HasPrefix(u, rdfNS) {
		switch local := u[len(rdfNS):]; local {
		case "RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype",
			"Description", "aboutEach", "aboutEachPrefix", "bagID":
			return r.fail("a property element (not rdf:"+local+")", qname(t.Name))
		case "li":
			node.li++
			u = rdfNS + "_" + strconv.Itoa(node.li)
		}
	}
	e.parent, e.pred = subj, graph.IRI(u)
	parseType, hasParseType := "", false
	var resource, nodeID *xml.Attr
	for i := range attrs {
		a := &attrs[i]
		iri, ok, err := r.rdfAttr(*a)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		switch iri {
		case rdfNS + "ID":
			if e.reify, err = r.idIRI(e, a.Value); err != nil {
				return err
			}
		case rdfNS + "parseType":
			parseType, hasParseType = a.Value, true
		case rdfNS + "datatype":
			dt, err := r.resolve(e, a.Value)
			if err != nil {
				return err
			}
			e.dt, e.hasDT = dt.Value, true
		case rdfNS + "resource":
			resource = a
		case rdfNS + "nodeID":
			if !isNCName(a.Value) {
				return r.fail("an XML NCName as rdf:nodeID", a.Value)
			}
			nodeID = a
		case rdfNS + "about":
			return r.fail("a property element attribute (not rdf:about)", qname(a.Name))
		default:
			if iri == rdfNS+"type" {
				v, err := r.resolve(e, a.Value)
				if err != nil {
					return err
				}
				e.attrs = append(e.attrs, propAttr{rdfType, v.Value, true})
				continue
			}
			if err := r.checkPropertyAttr(iri, *a); err != nil {
				return err
			}
			e.attrs = append(e.attrs, propAttr{graph.IRI(iri), a.Value, false})
		}
	}
	if resource != nil && nodeID != nil {
		return r.fail("at most one of rdf:resource and rdf:nodeID", qname(nodeID.Name))
	}
	if hasParseType {
		if resource != nil || nodeID != nil || e.hasDT || len(e.attrs) > 0 {
			return r.fail("no rdf:resource, rdf:nodeID, rdf:datatype or property attributes with rdf:parseType", parseType)
		}
		switch parseType {
		case "Resource":
			n := r.fresh()
			r.emitStatement(subj, e.pred, n, e.reify)
			e.kind, e.subj = kNode, n
		case "Collection":
			e.kind = kCollection
		default: // "Literal", and any other value counts as "Literal"
			e.kind = kLiteral
			e.rendered = nil
		}
		return nil
	}
	switch {
	case resource != nil:
		if e.hasDT {
			return r.fail("no rdf:datatype with rdf:resource", qname(resource.Name))
		}
		if e.obj, err = r.resolve(e, resource.Value); err != nil {
			return err
		}
	case nodeID != nil:
		if e.hasDT {
			return r.fail("no rdf:datatype with rdf:nodeID", qname(nodeID.Name))
		}
		e.obj = r.nodeID(nodeID.Value)
	}
	if e.hasDT && len(e.attrs) > 0 {
		return r.fail("no property attributes with rdf:datatype", e.attrs[0].pred.Value)
	}
	return nil
}

// charData handles text.
func (r *Reader) charData(t xml.CharData) error {
	p := r.top()
	switch {
	case p == nil:
		if !isSpace(t) {
			return r.fail("only white space outside the root element", string(t))
		}
	case p.kind == kLiteral || p.kind == kInLiteral:
		lit := r.literal()
		lit.text = appendEscapedText(lit.text, t)
	case p.kind == kProp:
		if p.child {
			if !isSpace(t) {
				return r.fail("only white space after a property's node element", string(t))
			}
			return nil
		}
		p.text = append(p.text, t...)
	default:
		if !isSpace(t) {
			return r.fail("only white space between elements", string(t))
		}
	}
	return nil
}

// end handles an end tag.
func (r *Reader) end(t xml.EndElement) error {
	e := r.top()
	if e == nil || e.name != t.Name {
		want := "no end tag"
		if e != nil {
			want = "</" + qname(e.name) + ">"
		}
		return r.fail(want, "</"+qname(t.Name)+">")
	}
	switch e.kind {
	case kInLiteral:
		lit := r.literal()
		lit.text = append(lit.text, "</"...)
		lit.text = append(lit.text, qname(t.Name)...)
		lit.text = append(lit.text, '>')
	case kLiteral:
		r.emitStatement(e.parent, e.pred, graph.Literal(string(e.text), rdfNS+"XMLLiteral"), e.reify)
	case kCollection:
		if e.cell.IsZero() {
			r.emitStatement(e.parent, e.pred, rdfNil, e.reify)
		} else {
			r.emit(e.cell, rdfRest, rdfNil)
		}
	case kProp:
		if err := r.endProperty(e); err != nil {
			return err
		}
	}
	r.ns = r.ns[:e.ns]
	r.stack = r.stack[:len(r.stack)-1]
	if len(r.stack) == 0 {
		r.rootEnd = true
	}
	return nil
}

// endProperty emits the statement of a property element without
// parseType, now that its content is known.
func (r *Reader) endProperty(e *elem) error {
	switch {
	case e.child:
		return nil // emitted when the node element started
	case e.hasDT:
		r.emitStatement(e.parent, e.pred, graph.Literal(string(e.text), e.dt), e.reify)
		return nil
	case e.obj.IsZero() && len(e.attrs) == 0:
		r.emitStatement(e.parent, e.pred, r.plain(e, string(e.text)), e.reify)
		return nil
	case !isSpace(e.text):
		return r.fail("no text in a property element with rdf:resource, rdf:nodeID or property attributes", string(e.text))
	}
	o := e.obj
	if o.IsZero() {
		o = r.fresh()
	}
	r.emitStatement(e.parent, e.pred, o, e.reify)
	for _, a := range e.attrs {
		if a.iri {
			r.emit(o, a.pred, graph.IRI(a.value))
			continue
		}
		r.emit(o, a.pred, r.plain(e, a.value))
	}
	return nil
}
