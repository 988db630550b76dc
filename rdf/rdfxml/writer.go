package rdfxml

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/rdf/internal/grammar"
	"civicgraph/rdf/ns"
)

// writerBufSize is how much output a Writer gathers before it writes.
const writerBufSize = 64 << 10

// Writer writes triples as RDF/XML: one rdf:Description per run of
// statements about the same subject, one property element per statement.
// Graph names are dropped (RDF/XML holds one graph). Subjects are written
// with rdf:about or, for blank nodes, rdf:nodeID "b" + the label (every
// N-Triples label so prefixed is an XML NCName); objects with
// rdf:resource, rdf:nodeID, or as text with xml:lang or rdf:datatype.
//
// What RDF/XML cannot say is refused with an error wrapping
// [graph.ErrInvalidQuad], and nothing of the quad is written:
//
//   - a character XML 1.0 cannot hold, even as a character reference
//     (U+0000-U+0008, U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF), in
//     a literal or an IRI: write such data as N-Triples, N-Quads, Turtle
//     or TriG, which escape it;
//   - a predicate that cannot be split into a namespace and an XML local
//     name (one ending in a character a name cannot end with, such as
//     "http://example/p/" or "urn:x:1"), and the RDF syntax names that may
//     not be property elements (rdf:Description, rdf:li, rdf:about, ...).
//
// A line end is written as a character reference where XML would
// normalize it (&#13; for CR everywhere; &#9; &#10; &#13; in attributes),
// so literals come back unchanged. Predicates whose namespace has no
// prefix among those given declare one (ns1, ns2, ...) on their own
// element. A Writer is not safe for concurrent use; Flush ends the
// document.
type Writer struct {
	w        io.Writer
	prefixes []ns.Prefix
	buf      []byte
	started  bool
	subj     graph.Term // subject of the open rdf:Description
	fresh    int        // prefixes made up so far
	made     map[string]string
	err      error
}

// NewWriter returns a writer of RDF/XML to w that declares prefixes on the
// root element and names predicates with them. A prefix named rdf, xml or
// xmlns, or whose name is not an XML NCName, is left out.
func NewWriter(w io.Writer, prefixes []ns.Prefix) *Writer {
	var ps []ns.Prefix
	for _, p := range prefixes {
		if p.Name == "rdf" || p.Name == "xml" || p.Name == "xmlns" || !isNCName(p.Name) {
			continue
		}
		if CheckXMLChars(p.IRI) != "" || grammar.CheckIRI(p.IRI) != "" {
			continue
		}
		ps = append(ps, p)
	}
	ps = append(ps, ns.Prefix{Name: "rdf", IRI: rdfNS})
	return &Writer{w: w, prefixes: ps, made: map[string]string{}, buf: make([]byte, 0, writerBufSize+4096)}
}

func (x *Writer) header() {
	x.buf = append(x.buf, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF"...)
	for _, p := range x.prefixes {
		x.buf = append(x.buf, "\n    xmlns:"...)
		x.buf = append(x.buf, p.Name...)
		x.buf = append(x.buf, "=\""...)
		x.buf = appendAttr(x.buf, p.IRI)
		x.buf = append(x.buf, '"')
	}
	x.buf = append(x.buf, ">\n"...)
	x.started = true
}

// Write adds the triple of q. A quad RDF/XML cannot express is refused
// with an error wrapping [graph.ErrInvalidQuad]; nothing of it is written
// and the writer can go on. An error from the underlying writer is
// returned by this and every later call.
func (x *Writer) Write(q graph.Quad) error {
	if x.err != nil {
		return x.err
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("rdfxml: %w", err)
	}
	if err := checkTerms(q); err != nil {
		return fmt.Errorf("rdfxml: %w", err)
	}
	if !x.started {
		x.header()
	}
	prefix, local, decl, err := x.splitPredicate(q.P.Value)
	if err != nil {
		return fmt.Errorf("rdfxml: %w", err)
	}
	if q.S != x.subj {
		x.closeSubject()
		x.buf = append(x.buf, "  <rdf:Description "...)
		if q.S.Kind == graph.KindBlank {
			x.buf = append(x.buf, "rdf:nodeID=\"b"...)
			x.buf = append(x.buf, q.S.Value...)
		} else {
			x.buf = append(x.buf, "rdf:about=\""...)
			x.buf = appendAttr(x.buf, q.S.Value)
		}
		x.buf = append(x.buf, "\">\n"...)
		x.subj = q.S
	}
	x.buf = append(x.buf, "    <"...)
	x.buf = appendName(x.buf, prefix, local)
	if decl != "" {
		x.buf = append(x.buf, " xmlns:"...)
		x.buf = append(x.buf, prefix...)
		x.buf = append(x.buf, "=\""...)
		x.buf = appendAttr(x.buf, decl)
		x.buf = append(x.buf, '"')
	}
	switch o := q.O; o.Kind {
	case graph.KindIRI:
		x.buf = append(x.buf, " rdf:resource=\""...)
		x.buf = appendAttr(x.buf, o.Value)
		x.buf = append(x.buf, "\"/>\n"...)
		return x.maybeFlush()
	case graph.KindBlank:
		x.buf = append(x.buf, " rdf:nodeID=\"b"...)
		x.buf = append(x.buf, o.Value...)
		x.buf = append(x.buf, "\"/>\n"...)
		return x.maybeFlush()
	}
	o := q.O
	switch {
	case o.Lang != "":
		x.buf = append(x.buf, " xml:lang=\""...)
		x.buf = append(x.buf, o.Lang...)
		x.buf = append(x.buf, '"')
	case o.Datatype != "" && o.Datatype != graph.XSDString:
		x.buf = append(x.buf, " rdf:datatype=\""...)
		x.buf = appendAttr(x.buf, o.Datatype)
		x.buf = append(x.buf, '"')
	}
	x.buf = append(x.buf, '>')
	x.buf = appendText(x.buf, o.Value)
	x.buf = append(x.buf, "</"...)
	x.buf = appendName(x.buf, prefix, local)
	x.buf = append(x.buf, ">\n"...)
	return x.maybeFlush()
}

func appendName(dst []byte, prefix, local string) []byte {
	dst = append(dst, prefix...)
	dst = append(dst, ':')
	return append(dst, local...)
}

func (x *Writer) closeSubject() {
	if !x.subj.IsZero() {
		x.buf = append(x.buf, "  </rdf:Description>\n"...)
		x.subj = graph.Term{}
	}
}

func (x *Writer) maybeFlush() error {
	if len(x.buf) >= writerBufSize {
		return x.flushBuf()
	}
	return nil
}

func (x *Writer) flushBuf() error {
	if _, err := x.w.Write(x.buf); err != nil {
		x.err = fmt.Errorf("rdfxml: write: %w", err)
		return x.err
	}
	x.buf = x.buf[:0]
	return nil
}

// Flush ends the document (the open rdf:Description and rdf:RDF) and
// writes everything buffered. Call it once, at the end.
func (x *Writer) Flush() error {
	if x.err != nil {
		return x.err
	}
	if !x.started {
		x.header()
	}
	x.closeSubject()
	x.buf = append(x.buf, "</rdf:RDF>\n"...)
	return x.flushBuf()
}

// syntaxNames are the names of the RDF namespace that RDF/XML reserves:
// none may be a property element (rdf:li would be read back as rdf:_n).
var syntaxNames = map[string]bool{
	"RDF": true, "Description": true, "ID": true, "about": true, "parseType": true,
	"resource": true, "nodeID": true, "datatype": true, "li": true,
	"aboutEach": true, "aboutEachPrefix": true, "bagID": true,
}

// splitPredicate returns the prefix and local name to write iri with as an
// element name, and, when the prefix is made up here, the namespace to
// declare on the element.
func (x *Writer) splitPredicate(iri string) (prefix, local, decl string, err error) {
	if p, l, ok := ns.Match(x.prefixes, iri, isNCName); ok {
		if p.IRI == rdfNS && syntaxNames[l] {
			return "", "", "", fmt.Errorf("%w: predicate rdf:%s is an RDF/XML syntax name and cannot be a property element", graph.ErrInvalidQuad, l)
		}
		return p.Name, l, "", nil
	}
	i := localStart(iri)
	if i == len(iri) {
		return "", "", "", fmt.Errorf("%w: predicate IRI %q cannot be split into a namespace and an XML local name, as RDF/XML needs", graph.ErrInvalidQuad, iri)
	}
	nsIRI, local := iri[:i], iri[i:]
	if nsIRI == rdfNS && syntaxNames[local] {
		return "", "", "", fmt.Errorf("%w: predicate rdf:%s is an RDF/XML syntax name and cannot be a property element", graph.ErrInvalidQuad, local)
	}
	prefix, ok := x.made[nsIRI]
	if !ok {
		if len(x.made) >= 1024 {
			x.made = map[string]string{} // a bounded memory: prefixes are declared per element anyway
		}
		x.fresh++
		prefix = "ns" + strconv.Itoa(x.fresh)
		x.made[nsIRI] = prefix
	}
	return prefix, local, nsIRI, nil
}

// localStart returns where the longest XML NCName that ends iri starts,
// or len(iri) when no NCName ends it.
func localStart(iri string) int {
	start := len(iri)
	for i := len(iri); i > 0; {
		r, size := utf8.DecodeLastRuneInString(iri[:i])
		if !isNameChar(r) {
			break
		}
		i -= size
		if isNameStart(r) {
			start = i
		}
	}
	return start
}

// isNameStart and isNameChar follow what isNCName accepts.
func isNameStart(r rune) bool { return isNCName(string(r)) }
func isNameChar(r rune) bool  { return isNCName("a" + string(r)) }

// checkTerms refuses the characters XML 1.0 cannot hold anywhere in q.
func checkTerms(q graph.Quad) error {
	for _, t := range []struct {
		role string
		term graph.Term
	}{{"subject", q.S}, {"predicate", q.P}, {"object", q.O}} {
		if t.term.Kind == graph.KindBlank {
			if !grammar.ValidLabel(t.term.Value) {
				return fmt.Errorf("%w: %s blank node label %q is not valid", graph.ErrInvalidQuad, t.role, t.term.Value)
			}
			continue
		}
		if t.term.Kind == graph.KindIRI {
			if problem := grammar.CheckIRI(t.term.Value); problem != "" {
				return fmt.Errorf("%w: %s IRI %q %s", graph.ErrInvalidQuad, t.role, t.term.Value, problem)
			}
		}
		if problem := CheckXMLChars(t.term.Value); problem != "" {
			return fmt.Errorf("%w: %s %q %s; write it as N-Triples, N-Quads, Turtle or TriG, which escape it", graph.ErrInvalidQuad, t.role, t.term.Value, problem)
		}
		if t.term.Kind == graph.KindLiteral {
			if t.term.Lang != "" && !graph.ValidLangTag(t.term.Lang) {
				return fmt.Errorf("%w: %s language tag %q is not valid", graph.ErrInvalidQuad, t.role, t.term.Lang)
			}
			if dt := t.term.Datatype; dt != "" && dt != graph.XSDString {
				if problem := grammar.CheckIRI(dt); problem != "" {
					return fmt.Errorf("%w: %s datatype IRI %q %s", graph.ErrInvalidQuad, t.role, dt, problem)
				}
				if problem := CheckXMLChars(dt); problem != "" {
					return fmt.Errorf("%w: %s datatype IRI %q %s", graph.ErrInvalidQuad, t.role, dt, problem)
				}
			}
		}
	}
	return nil
}

// CheckXMLChars returns what makes s unwritable in XML 1.0, or "": invalid
// UTF-8, or a character outside XML's Char production (U+0000-U+0008,
// U+000B, U+000C, U+000E-U+001F, U+FFFE, U+FFFF), which XML 1.0 cannot
// hold even as a character reference.
func CheckXMLChars(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return "is not valid UTF-8"
			}
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
			return fmt.Sprintf("holds U+%04X at byte %d, which XML 1.0 cannot hold", r, i)
		}
	}
	return ""
}

// appendText appends s as XML character data: & < > escaped, and CR as
// &#13; so that XML's line-end normalization leaves it.
func appendText(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\r':
			esc = "&#13;"
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, esc...)
		start = i + 1
	}
	return append(dst, s[start:]...)
}

// appendAttr appends s as an attribute value between double quotes: & < "
// escaped, and tab, LF and CR as character references, which attribute
// value normalization would otherwise turn into spaces.
func appendAttr(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '"':
			esc = "&quot;"
		case '\t':
			esc = "&#9;"
		case '\n':
			esc = "&#10;"
		case '\r':
			esc = "&#13;"
		default:
			continue
		}
		dst = append(dst, s[start:i]...)
		dst = append(dst, esc...)
		start = i + 1
	}
	return append(dst, s[start:]...)
}
