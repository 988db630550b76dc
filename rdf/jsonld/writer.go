package jsonld

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/rdf/internal/grammar"
	"civicgraph/rdf/ns"
)

// writerBufSize is how much output a Writer gathers before it writes.
const writerBufSize = 64 << 10

// Context returns the JSON-LD context document of prefixes: {"@context":
// {"cg": "https://w3id.org/civicgraph/ns#", ...}}, each prefix a term
// usable in compact IRIs. It is what a [Writer] with a context URL names,
// and what a server publishes at that URL. A prefix whose name is not a
// usable JSON-LD term (empty, "_", starting with '@', holding ':' or '/')
// is left out, as the Writer leaves it out.
func Context(prefixes []ns.Prefix) []byte {
	b := []byte("{\n  \"@context\": ")
	b = appendContext(b, usable(prefixes), "  ")
	return append(b, "\n}\n"...)
}

// usable returns the prefixes a context can define as prefix terms.
func usable(prefixes []ns.Prefix) []ns.Prefix {
	var out []ns.Prefix
	for _, p := range prefixes {
		if p.Name == "" || p.Name == "_" || strings.HasPrefix(p.Name, "@") || strings.ContainsAny(p.Name, ":/") ||
			grammar.CheckIRI(p.IRI) != "" {
			continue
		}
		out = append(out, p)
	}
	return out
}

// appendContext appends the context object of prefixes. A namespace that
// does not end in a character JSON-LD 1.1 takes as the end of a prefix
// (: / ? # [ ] @) is marked "@prefix": true.
func appendContext(b []byte, prefixes []ns.Prefix, indent string) []byte {
	b = append(b, '{')
	for i, p := range prefixes {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, indent...)
		b = append(b, "  "...)
		b = appendString(b, p.Name)
		b = append(b, ": "...)
		if strings.ContainsRune(":/?#[]@", rune(p.IRI[len(p.IRI)-1])) {
			b = appendString(b, p.IRI)
		} else {
			b = append(b, `{"@id": `...)
			b = appendString(b, p.IRI)
			b = append(b, `, "@prefix": true}`...)
		}
	}
	b = append(b, '\n')
	b = append(b, indent...)
	return append(b, '}')
}

// Writer writes quads as compacted JSON-LD: one document, an "@context"
// (a URL, or the context inline), and an "@graph" array holding one node
// object per run of statements about the same subject and, for each named
// graph, a graph object {"@id": graph, "@graph": [...]}. IRIs are written
// as compact IRIs (prefix:local) where a prefix of the context fits,
// rdf:type with IRI objects as "@type", IRIs as {"@id": ...}, blank nodes
// as "_:label", simple literals as JSON strings, and the others as
// {"@value": ..., "@language": ...} or {"@value": ..., "@type": ...}:
// lexical forms stay strings, so "1.50"^^xsd:decimal comes back as it
// went.
//
// Input grouped by graph, then by subject and predicate, as the store's
// graph-ordered scans give it, makes one node object per subject; a
// predicate coming back to a subject starts a second node object with the
// same @id, which JSON-LD merges. A graph name coming back starts a
// second graph object, merged too. The writer holds one statement at a
// time. It is not safe for concurrent use; Flush ends the document.
type Writer struct {
	w        io.Writer
	prefixes []ns.Prefix
	context  string
	buf      []byte
	started  bool
	inGraph  bool       // a named graph object is open
	graph    graph.Term // graph of the open node objects
	subj     graph.Term // subject of the open node object
	key      string     // key of the open property array
	keys     map[string]bool
	nodes    int             // node objects written in the current @graph array
	parsed   map[string]bool // IRIs url.Parse took, a bounded cache
	err      error
}

// NewWriter returns a writer of JSON-LD to w. Its context defines
// prefixes (see [Context]); with contextURL "" it is written inline,
// otherwise the document names contextURL, where the caller publishes
// Context(prefixes).
func NewWriter(w io.Writer, prefixes []ns.Prefix, contextURL string) *Writer {
	return &Writer{w: w, prefixes: usable(prefixes), context: contextURL, keys: map[string]bool{}, parsed: map[string]bool{}, buf: make([]byte, 0, writerBufSize+4096)}
}

func (j *Writer) header() {
	j.buf = append(j.buf, "{\n  \"@context\": "...)
	if j.context != "" {
		j.buf = appendString(j.buf, j.context)
	} else {
		j.buf = appendContext(j.buf, j.prefixes, "  ")
	}
	j.buf = append(j.buf, ",\n  \"@graph\": ["...)
	j.started = true
}

// Write adds q. A quad JSON-LD cannot express (a relative IRI, an IRI
// holding a character RDF forbids, a bad blank node label or language tag,
// invalid UTF-8) is refused with an error wrapping [graph.ErrInvalidQuad]
// and nothing of it is written; the writer can go on. An error from the
// underlying writer is returned by this and every later call.
func (j *Writer) Write(q graph.Quad) error {
	if j.err != nil {
		return j.err
	}
	if err := q.Validate(); err != nil {
		return fmt.Errorf("jsonld: %w", err)
	}
	// Every term is encoded before anything is written, so that a refused
	// quad leaves no trace.
	subj, err := j.node(q.S, "subject")
	if err != nil {
		return err
	}
	key, typ := "@type", q.P.Value == graph.RDFType && q.O.Kind == graph.KindIRI
	if !typ {
		if key, err = j.iri(q.P.Value, "predicate"); err != nil {
			return err
		}
	}
	var obj []byte
	if typ {
		var s string
		if s, err = j.iri(q.O.Value, "object"); err == nil {
			obj = appendString(nil, s)
		}
	} else {
		obj, err = j.value(q.O)
	}
	if err != nil {
		return err
	}
	var gname string
	if !q.G.IsZero() {
		if gname, err = j.node(q.G, "graph name"); err != nil {
			return err
		}
	}
	if !j.started {
		j.header()
	}
	if q.G != j.graph {
		j.closeNode()
		if j.inGraph {
			j.buf = append(j.buf, "\n    ]}"...)
			j.inGraph = false
		}
		if !q.G.IsZero() {
			j.sep()
			j.buf = append(j.buf, "\n    {\"@id\": "...)
			j.buf = appendString(j.buf, gname)
			j.buf = append(j.buf, ", \"@graph\": ["...)
			j.inGraph = true
			j.nodes = 0
		}
		j.graph = q.G
	}
	switch {
	case q.S == j.subj && key == j.key:
		j.buf = append(j.buf, ", "...)
	case q.S == j.subj && !j.keys[key]:
		j.buf = append(j.buf, "],"...)
		j.openKey(key)
	default:
		j.closeNode()
		j.sep()
		j.buf = append(j.buf, j.indent()...)
		j.buf = append(j.buf, "{\"@id\": "...)
		j.buf = appendString(j.buf, subj)
		j.buf = append(j.buf, ',')
		j.subj = q.S
		j.openKey(key)
	}
	j.buf = append(j.buf, obj...)
	if len(j.buf) >= writerBufSize {
		return j.flushBuf()
	}
	return nil
}

// sep writes the comma between two members of the open @graph array.
func (j *Writer) sep() {
	if j.nodes > 0 {
		j.buf = append(j.buf, ',')
	}
	j.nodes++
}

func (j *Writer) indent() string {
	if j.inGraph {
		return "\n      "
	}
	return "\n    "
}

func (j *Writer) openKey(key string) {
	j.buf = append(j.buf, j.indent()...)
	j.buf = append(j.buf, "  "...)
	j.buf = appendString(j.buf, key)
	j.buf = append(j.buf, ": ["...)
	j.key = key
	j.keys[key] = true
}

// closeNode ends the open node object, if any.
func (j *Writer) closeNode() {
	if j.subj.IsZero() {
		return
	}
	j.buf = append(j.buf, "]}"...)
	j.subj, j.key = graph.Term{}, ""
	clear(j.keys)
}

// node returns the @id form of an IRI or blank node.
func (j *Writer) node(t graph.Term, role string) (string, error) {
	if t.Kind == graph.KindBlank {
		if !grammar.ValidLabel(t.Value) {
			return "", fmt.Errorf("jsonld: %w: %s blank node label %q is not valid", graph.ErrInvalidQuad, role, t.Value)
		}
		return "_:" + t.Value, nil
	}
	return j.iri(t.Value, role)
}

// iri returns iri as a compact IRI where a prefix fits, else as it is.
func (j *Writer) iri(iri, role string) (string, error) {
	if !j.parsed[iri] {
		if problem := grammar.CheckIRI(iri); problem != "" {
			return "", fmt.Errorf("jsonld: %w: %s IRI %q %s", graph.ErrInvalidQuad, role, iri, problem)
		}
		// JSON-LD processors drop, without an error, a statement whose IRI
		// they cannot parse (json-gold and jsonld.js through URL parsers):
		// refuse it here rather than lose it there.
		if u, err := url.Parse(iri); err != nil || !u.IsAbs() {
			return "", fmt.Errorf("jsonld: %w: %s IRI %q is not an IRI JSON-LD processors parse (a bad %%-escape or port?)", graph.ErrInvalidQuad, role, iri)
		}
		if len(j.parsed) >= 4096 {
			clear(j.parsed)
		}
		j.parsed[iri] = true
	}
	if p, local, ok := ns.Match(j.prefixes, iri, compactLocal); ok {
		return p.Name + ":" + local, nil
	}
	// An absolute IRI whose scheme is a prefix of the context would be
	// read back as a compact IRI.
	scheme, _, _ := strings.Cut(iri, ":")
	for _, p := range j.prefixes {
		if p.Name == scheme {
			return "", fmt.Errorf("jsonld: %w: %s IRI %q has a scheme the context defines as a prefix, so JSON-LD would expand it", graph.ErrInvalidQuad, role, iri)
		}
	}
	return iri, nil
}

// compactLocal reports whether local can follow "prefix:" in a compact
// IRI that expands back to the same IRI: not empty and not starting with
// "//" (which would make it an absolute IRI).
func compactLocal(local string) bool {
	return local != "" && !strings.HasPrefix(local, "//")
}

// value returns the JSON form of an object that is not an rdf:type IRI.
func (j *Writer) value(o graph.Term) ([]byte, error) {
	switch o.Kind {
	case graph.KindIRI, graph.KindBlank:
		id, err := j.node(o, "object")
		if err != nil {
			return nil, err
		}
		b := append([]byte(nil), `{"@id": `...)
		b = appendString(b, id)
		return append(b, '}'), nil
	}
	if !utf8.ValidString(o.Value) {
		return nil, fmt.Errorf("jsonld: %w: object literal %q is not valid UTF-8", graph.ErrInvalidQuad, o.Value)
	}
	switch {
	case o.Lang != "":
		if !graph.ValidLangTag(o.Lang) {
			return nil, fmt.Errorf("jsonld: %w: object language tag %q is not valid", graph.ErrInvalidQuad, o.Lang)
		}
		b := append([]byte(nil), `{"@value": `...)
		b = appendString(b, o.Value)
		b = append(b, `, "@language": `...)
		b = appendString(b, o.Lang)
		return append(b, '}'), nil
	case o.Datatype != "" && o.Datatype != graph.XSDString:
		dt, err := j.iri(o.Datatype, "datatype")
		if err != nil {
			return nil, err
		}
		b := append([]byte(nil), `{"@value": `...)
		b = appendString(b, o.Value)
		b = append(b, `, "@type": `...)
		b = appendString(b, dt)
		return append(b, '}'), nil
	}
	return appendString(nil, o.Value), nil
}

// appendString appends s, valid UTF-8, as a JSON string: '"' and '\\'
// escaped, and every control character (U+0000-U+001F) as \n, \r, \t or
// \u00XX, as JSON requires. U+007F and above are written as they are.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		case '\t':
			b = append(b, '\\', 't')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

func (j *Writer) flushBuf() error {
	if _, err := j.w.Write(j.buf); err != nil {
		j.err = fmt.Errorf("jsonld: write: %w", err)
		return j.err
	}
	j.buf = j.buf[:0]
	return nil
}

// Flush ends the document and writes everything buffered. Call it once,
// at the end.
func (j *Writer) Flush() error {
	if j.err != nil {
		return j.err
	}
	if !j.started {
		j.header()
	}
	j.closeNode()
	if j.inGraph {
		j.buf = append(j.buf, "\n    ]}"...)
		j.inGraph = false
	}
	j.buf = append(j.buf, "\n  ]\n}\n"...)
	return j.flushBuf()
}
