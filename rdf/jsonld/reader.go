package jsonld

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/piprate/json-gold/ld"

	"civicgraph/graph"
	"civicgraph/rdf/internal/grammar"
	"civicgraph/rdf/problems"
)

// MaxInputSize is the largest document, in bytes, that a [Reader] accepts.
// The JSON-LD algorithms need the whole document in memory, several times
// over, so a larger one is refused with [ErrTooLarge] before it is parsed.
const MaxInputSize = 256 << 20

// maxDepth is how deeply JSON arrays and objects may nest. The JSON-LD
// processor recurses over the document, so the limit bounds its stack.
const maxDepth = 256

// maxFound is the longest Found text of a ParseError, in bytes.
const maxFound = 200

// Reader reads a JSON-LD document and returns its RDF statements as quads.
// It reads and converts the whole document at the first call to
// [Reader.Read], then returns the statements one by one. It is not safe for
// concurrent use.
type Reader struct {
	in      *countingReader
	name    string
	base    string
	started bool
	quads   []graph.Quad
	next    int
	err     error // returned once quads are exhausted: a load error, or io.EOF
	label   string
	data    []byte // the document, while it is converted, to find where an error is
}

// NewReader returns a Reader that parses r. name is used in error messages
// and may be "".
func NewReader(r io.Reader, name string) *Reader {
	return &Reader{
		in:    &countingReader{r: r},
		name:  name,
		label: fmt.Sprintf("j%08x", rand.Uint32()),
	}
}

// SetBase sets the base IRI that relative IRIs in the document are resolved
// against, usually the IRI the document was retrieved from. An @base in the
// document's context takes precedence. Call it before the first Read;
// later calls are ignored. Without a base IRI, statements whose subject,
// predicate, object or graph would be a relative IRI are dropped, as the
// JSON-LD algorithms specify. If iri is not absolute, the first Read
// returns an error wrapping [ErrBaseIRI].
func (r *Reader) SetBase(iri string) {
	if !r.started {
		r.base = iri
	}
}

// Line returns 0: the JSON-LD algorithms do not keep track of where in the
// input a statement came from. A [*ParseError] for invalid JSON has the
// line.
func (r *Reader) Line() int { return 0 }

// BytesRead returns how many bytes of input have been read: 0 before the
// first Read and the whole document after it.
func (r *Reader) BytesRead() int64 { return r.in.n }

// Read returns the next statement; a statement in the default graph has a
// zero G. It returns io.EOF after the last one, a [*ParseError] for invalid
// JSON or JSON-LD, an error wrapping [ErrRemoteContext] or [ErrTooLarge],
// and the underlying reader's error, wrapped, if reading fails. On an error
// no statement of the document is returned. After an error every call
// returns that error.
func (r *Reader) Read() (graph.Quad, error) {
	if !r.started {
		r.started = true
		r.quads, r.err = r.load()
		if r.err != nil {
			r.quads = nil
		} else {
			r.err = io.EOF
		}
	}
	if r.next < len(r.quads) {
		q := r.quads[r.next]
		r.next++
		if r.next == len(r.quads) {
			r.quads = nil // let the statements go
			r.next = 0
		}
		return q, nil
	}
	return graph.Quad{}, r.err
}

// load reads, parses and converts the whole document.
func (r *Reader) load() ([]graph.Quad, error) {
	if r.base != "" && (!graph.IsAbsoluteIRI(r.base) || grammar.IndexIRIForbidden(r.base) >= 0) {
		return nil, fmt.Errorf("%w: %q", ErrBaseIRI, r.base)
	}
	data, err := io.ReadAll(io.LimitReader(r.in, MaxInputSize+1))
	if err != nil {
		return nil, fmt.Errorf("jsonld: read %s: %w", r.name, err)
	}
	if len(data) > MaxInputSize {
		return nil, fmt.Errorf("%w: %s is larger than %d MiB; split it, or convert it to N-Quads, which streams", ErrTooLarge, r.name, MaxInputSize>>20)
	}
	doc, err := r.decode(data)
	if err != nil {
		return nil, err
	}
	r.data = data
	defer func() { r.data = nil }()
	if err := r.checkCost(doc, len(data)); err != nil {
		return nil, err
	}
	loader := &offlineLoader{}
	opts := ld.NewJsonLdOptions(r.base)
	opts.DocumentLoader = loader
	opts.ProcessingMode = ld.JsonLd_1_1
	ds, err := toRDF(doc, opts)
	if loader.url != "" {
		// The processor may wrap the loader's error in its own words;
		// the loader remembers the URL.
		return nil, fmt.Errorf("%w: %s refers to the context %s; inline it, the importer never fetches documents", ErrRemoteContext, r.name, loader.url)
	}
	if err != nil {
		return nil, r.processorError(err)
	}
	return r.convert(ds)
}

// toRDF runs the JSON-LD processor, turning any panic in it into an error:
// no input may crash the process.
func toRDF(doc any, opts *ld.JsonLdOptions) (ds *ld.RDFDataset, err error) {
	defer func() {
		if p := recover(); p != nil {
			ds, err = nil, &panicError{p}
		}
	}()
	out, err := ld.NewJsonLdProcessor().ToRDF(doc, opts)
	if err != nil {
		return nil, err
	}
	ds, ok := out.(*ld.RDFDataset)
	if !ok {
		return nil, fmt.Errorf("jsonld: processor returned %T, not a dataset", out)
	}
	return ds, nil
}

// panicError is a panic recovered from the JSON-LD processor.
type panicError struct{ v any }

func (e *panicError) Error() string { return fmt.Sprintf("JSON-LD processor failed: %v", e.v) }

// processorError turns an error of the JSON-LD processor into a ParseError.
func (r *Reader) processorError(err error) error {
	var pe *panicError
	if errors.As(err, &pe) {
		return &ParseError{File: r.name, Found: truncate(fmt.Sprint(pe.v)), Expected: "JSON-LD the processor can handle"}
	}
	var le *ld.JsonLdError
	if errors.As(err, &le) {
		found := ""
		if le.Details != nil {
			found = truncate(fmt.Sprint(le.Details))
		}
		return &ParseError{File: r.name, Found: found, Expected: "valid JSON-LD (" + string(le.Code) + ")"}
	}
	return &ParseError{File: r.name, Found: truncate(err.Error()), Expected: "valid JSON-LD"}
}

// decode parses the JSON text, which must be one object or array.
func (r *Reader) decode(data []byte) (any, error) {
	data = bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			c, n := utf8.DecodeRune(data[i:])
			if c == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, r.syntaxError(data, i, "UTF-8 text", fmt.Sprintf("byte %#02x", data[i]))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber() // keep integers exact; the processor takes json.Number
	var doc any
	if err := dec.Decode(&doc); err != nil {
		var se *json.SyntaxError
		switch {
		case errors.As(err, &se):
			off := max(0, int(se.Offset)-1)
			return nil, r.syntaxError(data, off, "valid JSON ("+se.Error()+")", firstRune(data[min(off, len(data)):]))
		case err == io.EOF, err == io.ErrUnexpectedEOF:
			return nil, r.syntaxError(data, len(data), "a JSON object or array", "")
		}
		return nil, r.syntaxError(data, int(dec.InputOffset()), "valid JSON", err.Error())
	}
	off := int(dec.InputOffset())
	if _, err := dec.Token(); err != io.EOF {
		for off < len(data) && strings.IndexByte(" \t\r\n", data[off]) >= 0 {
			off++
		}
		return nil, r.syntaxError(data, off, "end of input after the JSON value", firstRune(data[off:]))
	}
	switch doc.(type) {
	case map[string]any, []any:
	default:
		return nil, &ParseError{File: r.name, Path: "$", Found: truncate(fmt.Sprint(doc)), Expected: "a JSON object or array"}
	}
	if path := tooDeep(doc); path != "" {
		return nil, &ParseError{File: r.name, Path: path, Found: "a nested array or object", Expected: fmt.Sprintf("arrays and objects nested at most %d deep", maxDepth)}
	}
	return doc, nil
}

// syntaxError returns a ParseError at byte offset off of data.
func (r *Reader) syntaxError(data []byte, off int, expected, found string) *ParseError {
	off = max(0, min(off, len(data)))
	line, col := position(data, off)
	return &ParseError{File: r.name, Line: line, Col: col, Found: truncate(found), Expected: expected}
}

// tooDeep returns the JSON path of the first value nested deeper than
// maxDepth, or "". Its recursion stops at that depth, so its stack is
// bounded too.
func tooDeep(doc any) string {
	var walk func(v any, depth int) []string
	walk = func(v any, depth int) []string {
		switch v := v.(type) {
		case map[string]any:
			if depth > maxDepth {
				return []string{""}
			}
			for k, c := range v {
				if p := walk(c, depth+1); p != nil {
					return append(p, "."+k)
				}
			}
		case []any:
			if depth > maxDepth {
				return []string{""}
			}
			for i, c := range v {
				if p := walk(c, depth+1); p != nil {
					return append(p, "["+strconv.Itoa(i)+"]")
				}
			}
		}
		return nil
	}
	p := walk(doc, 1)
	if p == nil {
		return ""
	}
	slices.Reverse(p)
	return "$" + strings.Join(p, "")
}

// convert maps the processor's dataset to quads: the default graph first,
// then the named graphs in order of name.
func (r *Reader) convert(ds *ld.RDFDataset) ([]graph.Quad, error) {
	names := make([]string, 0, len(ds.Graphs))
	n := 0
	for name, qs := range ds.Graphs {
		names = append(names, name)
		n += len(qs)
	}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case a == b:
			return 0
		case a == "@default":
			return -1
		case b == "@default":
			return 1
		}
		return strings.Compare(a, b)
	})
	out := make([]graph.Quad, 0, n)
	for _, name := range names {
		var g graph.Term
		switch {
		case name == "@default":
		case strings.HasPrefix(name, "_:"):
			g = r.blank(name)
		default:
			g = graph.IRI(name)
		}
		for _, lq := range ds.Graphs[name] {
			if lq == nil {
				continue
			}
			q := graph.Quad{S: r.term(lq.Subject), P: r.term(lq.Predicate), O: r.term(lq.Object), G: g}
			if relative(q.S) || relative(q.P) || relative(q.O) || relative(q.G) {
				continue // the algorithm drops statements with relative IRIs
			}
			if err := r.checkIRIs(q); err != nil {
				return nil, err
			}
			if q.O.Lang != "" && !graph.ValidLangTag(q.O.Lang) {
				return nil, &ParseError{File: r.name, Found: truncate(q.O.Lang), Expected: "a language tag (letters, then '-' and letters or digits)"}
			}
			if err := q.Validate(); err != nil {
				return nil, &ParseError{File: r.name, Found: truncate(q.String()), Expected: "a valid RDF statement"}
			}
			out = append(out, q)
		}
	}
	return out, nil
}

// checkIRIs returns a ParseError for the first IRI of q (a term's, or a
// literal's datatype) with a character RDF forbids in IRIs. The processor
// does not say where a statement came from, so the error points at the
// first place the document has the offending part of the IRI, if it has.
func (r *Reader) checkIRIs(q graph.Quad) error {
	for _, t := range [...]graph.Term{q.S, q.P, q.O, q.G} {
		iri := t.Value
		if t.Kind == graph.KindLiteral {
			iri = t.Datatype
		} else if t.Kind != graph.KindIRI {
			continue
		}
		i := grammar.IndexIRIForbidden(iri)
		if i < 0 {
			continue
		}
		return r.iriError(iri)
	}
	return nil
}

// iriError returns a ParseError for iri, which has a character RDF forbids
// in IRIs. The processor does not say where a statement came from, so the
// error points at the first place the document has the offending part of
// the IRI, if it has.
func (r *Reader) iriError(iri string) *ParseError {
	pe := &ParseError{File: r.name, Found: problems.Excerpt(iri), Expected: "an IRI without spaces, control characters or <>\"{}|^`\\"}
	i := grammar.IndexIRIForbidden(iri)
	if i < 0 {
		return pe
	}
	if off := bytes.Index(r.data, []byte(`"`+jsonQuote(iri)+`"`)); off >= 0 {
		pe.Line, pe.Col = position(r.data, off)
		return pe
	}
	// The part of the IRI around the bad character, as the document may
	// have written it (a compact IRI or a relative one leaves the start
	// out).
	start := strings.LastIndexAny(iri[:i], "/#:?") + 1
	part := iri[start:]
	if j := strings.IndexAny(part[i-start:], "/#?"); j >= 0 {
		part = part[:i-start+j]
	}
	if off := bytes.Index(r.data, []byte(jsonQuote(part))); off >= 0 {
		pe.Line, pe.Col = position(r.data, off)
	}
	return pe
}

// position returns the line and column, from 1, of byte off of data.
func position(data []byte, off int) (line, col int) {
	return 1 + bytes.Count(data[:off], []byte("\n")), off - bytes.LastIndexByte(data[:off], '\n')
}

// jsonQuote returns s as it reads inside a JSON string, without the
// quotes, for finding it in the document.
func jsonQuote(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(strings.ReplaceAll(strings.ReplaceAll(string(b), `\u003c`, "<"), `\u003e`, ">"), `"`)
}

// relative reports whether t is an IRI, or a literal with a datatype IRI,
// that is not absolute.
func relative(t graph.Term) bool {
	switch t.Kind {
	case graph.KindIRI:
		return !graph.IsAbsoluteIRI(t.Value)
	case graph.KindLiteral:
		return t.Datatype != "" && !graph.IsAbsoluteIRI(t.Datatype)
	}
	return false
}

// term maps a term of the processor to a graph.Term.
func (r *Reader) term(n ld.Node) graph.Term {
	switch v := n.(type) {
	case ld.IRI:
		return graph.IRI(v.Value)
	case *ld.IRI:
		return graph.IRI(v.Value)
	case ld.BlankNode:
		return r.blank(v.Attribute)
	case *ld.BlankNode:
		return r.blank(v.Attribute)
	case ld.Literal:
		return literal(v)
	case *ld.Literal:
		return literal(*v)
	}
	return graph.Term{}
}

func literal(l ld.Literal) graph.Term {
	if l.Language != "" {
		return graph.LangLiteral(l.Value, l.Language)
	}
	return graph.Literal(l.Value, l.Datatype)
}

// blank returns the blank node for a label of the processor, prefixed with
// the reader's own token so labels of different documents never collide.
// The processor numbers blank nodes _:b0, _:b1, ... in every document.
func (r *Reader) blank(label string) graph.Term {
	label = strings.TrimPrefix(label, "_:")
	if safeLabel(label) {
		return graph.Blank(r.label + "n" + label)
	}
	return graph.Blank(r.label + "h" + hex.EncodeToString([]byte(label)))
}

// offlineLoader is the processor's document loader. It never fetches
// anything: it remembers the first URL asked for and fails.
type offlineLoader struct {
	url string
}

// LoadDocument fails with an error naming u.
func (l *offlineLoader) LoadDocument(u string) (*ld.RemoteDocument, error) {
	if l.url == "" {
		l.url = u
	}
	return nil, ld.NewJsonLdError(ld.LoadingDocumentFailed, "remote document not loaded (the importer never fetches documents): "+u)
}

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

func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// safeLabel reports whether s can follow the reader's prefix in a blank
// node label and keep it a valid N-Triples label.
func safeLabel(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isAlpha(c), c >= '0' && c <= '9', c == '_', c == '-':
		case c == '.' && i < len(s)-1:
		default:
			return false
		}
	}
	return true
}

// truncate shortens s for an error message.
func truncate(s string) string {
	if len(s) <= maxFound {
		return s
	}
	i := maxFound
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// firstRune returns the first character of b, for error messages.
func firstRune(b []byte) string {
	_, n := utf8.DecodeRune(b)
	return string(b[:n])
}
