package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// TermKind says what sort of RDF term a [Term] is.
type TermKind uint8

// The kinds of RDF term. The zero kind marks the zero [Term], which stands for
// "unbound" in a [Pattern] and for the default graph in a [Quad].
const (
	KindNone    TermKind = 0
	KindIRI     TermKind = 1
	KindBlank   TermKind = 2
	KindLiteral TermKind = 3
)

// Well-known datatype IRIs.
const (
	XSDString     = "http://www.w3.org/2001/XMLSchema#string"
	RDFLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
	RDFType       = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
)

// Term is an RDF term: an IRI, a blank node or a literal. Terms are plain
// comparable values; two terms are the same term exactly when they are ==.
//
// For a literal, Value is the lexical form, Datatype the datatype IRI and Lang
// the language tag. A simple literal has Datatype "" (the constructors fold
// xsd:string into "", as RDF 1.1 makes them the same term), and a
// language-tagged literal has Datatype "" and Lang set. For a blank node,
// Value is the label without "_:". The zero Term is "no term".
type Term struct {
	Kind     TermKind
	Value    string
	Datatype string
	Lang     string
}

// IRI returns the IRI term for iri.
func IRI(iri string) Term { return Term{Kind: KindIRI, Value: iri} }

// Blank returns the blank node with the given label (without "_:").
func Blank(label string) Term { return Term{Kind: KindBlank, Value: label} }

// Literal returns a literal with the given lexical form and datatype IRI.
// An empty datatype or xsd:string gives a simple literal.
func Literal(lexical, datatype string) Term {
	if datatype == XSDString {
		datatype = ""
	}
	return Term{Kind: KindLiteral, Value: lexical, Datatype: datatype}
}

// LangLiteral returns a language-tagged literal.
func LangLiteral(lexical, lang string) Term {
	return Term{Kind: KindLiteral, Value: lexical, Lang: lang}
}

// String returns a simple (xsd:string) literal.
func String(lexical string) Term { return Term{Kind: KindLiteral, Value: lexical} }

// IsZero reports whether t is the zero Term.
func (t Term) IsZero() bool { return t.Kind == KindNone }

// DatatypeIRI returns the literal's datatype IRI, filling in xsd:string and
// rdf:langString where the term leaves them implicit. It is "" for non-literals.
func (t Term) DatatypeIRI() string {
	switch {
	case t.Kind != KindLiteral:
		return ""
	case t.Lang != "":
		return RDFLangString
	case t.Datatype == "":
		return XSDString
	}
	return t.Datatype
}

// String returns t in N-Triples syntax, or "" for the zero Term.
func (t Term) String() string {
	var b strings.Builder
	AppendNTriples(&b, t)
	return b.String()
}

// AppendNTriples writes t to b in canonical N-Triples syntax.
func AppendNTriples(b *strings.Builder, t Term) {
	switch t.Kind {
	case KindIRI:
		b.WriteByte('<')
		for _, r := range t.Value {
			switch {
			case r <= 0x20 || r == '<' || r == '>' || r == '"' || r == '{' || r == '}' || r == '|' || r == '^' || r == '`' || r == '\\':
				fmt.Fprintf(b, "\\u%04X", r)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('>')
	case KindBlank:
		b.WriteString("_:")
		b.WriteString(t.Value)
	case KindLiteral:
		b.WriteByte('"')
		for _, r := range t.Value {
			switch r {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			default:
				b.WriteRune(r)
			}
		}
		b.WriteByte('"')
		if t.Lang != "" {
			b.WriteByte('@')
			b.WriteString(t.Lang)
		} else if t.Datatype != "" {
			b.WriteString("^^<")
			b.WriteString(t.Datatype)
			b.WriteByte('>')
		}
	}
}

// errBadTerm is wrapped by decodeTerm errors.
var errBadTerm = errors.New("graph: malformed term encoding")

// encodeTerm appends the binary encoding of t to dst. The encoding is
// injective: kind byte, then the value; literals add uvarint-length-prefixed
// lexical form and datatype, then the language tag.
func encodeTerm(dst []byte, t Term) []byte {
	dst = append(dst, byte(t.Kind))
	if t.Kind != KindLiteral {
		return append(dst, t.Value...)
	}
	dst = binary.AppendUvarint(dst, uint64(len(t.Value)))
	dst = append(dst, t.Value...)
	dst = binary.AppendUvarint(dst, uint64(len(t.Datatype)))
	dst = append(dst, t.Datatype...)
	return append(dst, t.Lang...)
}

// decodeTerm is the inverse of encodeTerm.
func decodeTerm(b []byte) (Term, error) {
	if len(b) == 0 {
		return Term{}, fmt.Errorf("%w: empty", errBadTerm)
	}
	kind := TermKind(b[0])
	b = b[1:]
	switch kind {
	case KindIRI, KindBlank:
		return Term{Kind: kind, Value: string(b)}, nil
	case KindLiteral:
		n, w := binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) || w != uvarintSize(n) {
			return Term{}, fmt.Errorf("%w: bad lexical length", errBadTerm)
		}
		b = b[w:]
		lex := string(b[:n])
		b = b[n:]
		n, w = binary.Uvarint(b)
		if w <= 0 || n > uint64(len(b)-w) || w != uvarintSize(n) {
			return Term{}, fmt.Errorf("%w: bad datatype length", errBadTerm)
		}
		b = b[w:]
		dt := string(b[:n])
		return Term{Kind: KindLiteral, Value: lex, Datatype: dt, Lang: string(b[n:])}, nil
	}
	return Term{}, fmt.Errorf("%w: unknown kind %d", errBadTerm, kind)
}

// uvarintSize is the length of the canonical uvarint encoding of v; the
// decoder refuses others, so that every term has exactly one encoding.
func uvarintSize(v uint64) int {
	n := 1
	for ; v >= 0x80; v >>= 7 {
		n++
	}
	return n
}

// Quad is a statement: subject, predicate, object, and the graph it is in.
// The zero G is the default graph.
type Quad struct {
	S, P, O, G Term
}

// Triple is a quad without a graph.
type Triple struct {
	S, P, O Term
}

// String returns q as one N-Quads line without the final newline.
func (q Quad) String() string {
	var b strings.Builder
	AppendNTriples(&b, q.S)
	b.WriteByte(' ')
	AppendNTriples(&b, q.P)
	b.WriteByte(' ')
	AppendNTriples(&b, q.O)
	if !q.G.IsZero() {
		b.WriteByte(' ')
		AppendNTriples(&b, q.G)
	}
	b.WriteString(" .")
	return b.String()
}

// Validate reports whether q is a well-formed RDF quad: an IRI or blank
// subject, an IRI predicate, any object, and an IRI, blank or default graph.
func (q Quad) Validate() error {
	switch {
	case q.S.Kind != KindIRI && q.S.Kind != KindBlank:
		return fmt.Errorf("%w: subject must be an IRI or blank node, got %s", ErrInvalidQuad, q.S)
	case q.P.Kind != KindIRI:
		return fmt.Errorf("%w: predicate must be an IRI, got %s", ErrInvalidQuad, q.P)
	case q.O.Kind == KindNone:
		return fmt.Errorf("%w: object is missing", ErrInvalidQuad)
	case q.G.Kind == KindLiteral:
		return fmt.Errorf("%w: graph must be an IRI or blank node, got %s", ErrInvalidQuad, q.G)
	}
	return nil
}

// Compare orders terms: the zero Term, then IRIs, blank nodes and literals;
// within a kind by value, datatype and language.
func Compare(a, b Term) int {
	switch {
	case a.Kind != b.Kind:
		return int(a.Kind) - int(b.Kind)
	case a.Value != b.Value:
		return strings.Compare(a.Value, b.Value)
	case a.Datatype != b.Datatype:
		return strings.Compare(a.Datatype, b.Datatype)
	}
	return strings.Compare(a.Lang, b.Lang)
}

func sortTerms(ts []Term) { slices.SortFunc(ts, Compare) }
