package importers

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"civicgraph/graph"
	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
	"civicgraph/importers/codelist"
	"civicgraph/importers/csvtab"
	"civicgraph/importers/epo"
	"civicgraph/importers/mapping"
	"civicgraph/importers/ocds"
	"civicgraph/importers/registers"
	"civicgraph/rdf"
	"civicgraph/schema"
)

// quadReader is what every format's reader offers.
type quadReader interface {
	Read() (graph.Quad, error)
	Line() int
	BytesRead() int64
}

// env is what a format's reader may need besides its input.
type env struct {
	ctx      context.Context
	store    *graph.Store // nil in a dry run without a store
	schema   *schema.Schema
	base     string
	encoding string
	links    *linkRun         // what the run's bibliographies have linked so far
	mapping  *mapping.Mapping // Options.Map: read every input through it
	restore  bool             // Options.Restore: RDF as it is, nothing derived
}

// newReader returns the reader of format f over r, and the format it found
// when f left it to the content (JSON, CSV, Register). Relative IRIs in RDF
// documents resolve against the file's own file: URL. Bibliographies are
// linked to what the store holds outside target, the graph the input
// replaces (see linkRun).
func newReader(f Format, r io.Reader, name string, target graph.Term, e env) (quadReader, Format, error) {
	if e.mapping != nil {
		return mapping.NewReader(r, name, e.mapping, e.base), Mapped, nil
	}
	// .json and .csv files are told apart by their content: a register,
	// a register a shipped mapping reads, OCDS, CSL-JSON or JSON-LD.
	if f == JSON || f == CSV || f == Register {
		br := bufio.NewReaderSize(r, 256<<10)
		head, _ := br.Peek(256 << 10)
		r = br
		if rf, ok := registers.Detect(head, name); ok {
			return registers.NewReader(r, name, rf, e.base), Register, nil
		}
		if m, ok := mapping.Detect(head, e.schema); ok && f.template() == "" {
			return mapping.NewReader(r, name, m, e.base), Mapped, nil
		}
		if f == CSV && f.template() == "" && codelist.Detect(head) {
			return newCodeListReader(r, name, e.base), CodeList, nil
		}
		if f == Register {
			return nil, f, &refusal{fmt.Errorf("%w: %s is not a register this version reads (the Dutch Algoritmeregister JSON, the JRC AI Watch cases CSV, the T6-X registers, or one a shipped mapping reads)", ErrUnknownFormat, name), name}
		}
		if f == JSON {
			var err error
			if f, err = sniffJSON(head, name); err != nil {
				return nil, f, &refusal{err, name}
			}
		}
	}
	// A .jsonl file is taken for OCDS; one with no OCDS key at its start
	// is some other JSON Lines layout, refused with the routes in.
	if f == OCDS && strings.HasSuffix(strings.ToLower(name), ".jsonl") {
		br := bufio.NewReaderSize(r, 64<<10)
		head, _ := br.Peek(64 << 10)
		r = br
		if len(bytes.TrimSpace(head)) > 0 && !bytes.Contains(head, []byte(`"ocid"`)) && !bytes.Contains(head, []byte(`"releases"`)) && !bytes.Contains(head, []byte(`"records"`)) {
			return nil, f, &refusal{fmt.Errorf("%w: %s is JSON Lines but not OCDS (no ocid, releases or records in its first lines)", ErrUnknownFormat, name), name}
		}
	}
	if rf, ok := f.rdfFormat(); ok {
		rr, err := rf.NewReader(r, name, rdf.ReaderOptions{Base: fileURL(name)})
		if err != nil {
			return nil, f, err
		}
		if e.restore {
			return rr, f, nil
		}
		return withEPO(rr), f, nil
	}
	switch f.base() {
	case BibTeX, RIS, CSLJSON:
		l, err := e.links.linker(e, target)
		if err != nil {
			return nil, f, err
		}
		bf := map[Format]bib.Format{BibTeX: bib.BibTeX, RIS: bib.RIS, CSLJSON: bib.CSLJSON}[f.base()]
		return &bibReader{r: bib.NewReader(r, name, bf, e.base), link: l}, f, nil
	case OCDS:
		return ocdsReader{ocds.NewReader(r, name, e.base)}, f, nil
	case CodeList:
		return newCodeListReader(r, name, e.base), f, nil
	case Citations:
		l, err := e.links.linker(e, target)
		if err != nil {
			return nil, f, err
		}
		cr := &countingReader{r: r}
		return &citationReader{r: citation.NewReader(cr, name), base: e.base, counter: cr, link: l}, f, nil
	case CSV:
		cr := &countingReader{r: r}
		opts := csvtab.Options{Base: e.base, Encoding: e.encoding, Template: f.template()}
		if e.store != nil {
			opts.Labels = &storeLabels{ctx: e.ctx, s: e.store}
		}
		rr, err := csvtab.NewReader(cr, name, e.schema, opts)
		if err != nil {
			var ce *csvtab.Error
			if f.template() == "" && errors.As(err, &ce) && ce.Row == 1 && strings.HasPrefix(ce.Expected, "a header that fits") {
				err = &refusal{err, name}
			}
			return nil, f, err
		}
		return &csvReader{Reader: rr, counter: cr}, f, nil
	}
	return nil, f, fmt.Errorf("%w %q", ErrUnknownFormat, f)
}

// refusal is an error saying an input's layout is none the importers know;
// it tells the two routes in: a CSV template, or a mapping file.
type refusal struct {
	err  error
	name string
}

func (r *refusal) Error() string {
	return r.err.Error() + "\n  to import it, either put it in a CSV template (civicgraph template <class>: " +
		"procurement, administration, actor, engagement, mechanism, ...), or describe its layout in a mapping file:\n" +
		"    civicgraph mapping init " + r.name + " > my.map.toml   (lists every column, with the classes and properties it may map to)\n" +
		"    civicgraph import --map my.map.toml " + r.name
}

func (r *refusal) Unwrap() error { return r.err }

// reporter is a reader that lists what it left out or recoded by default.
type reporter interface {
	Report() []string
}

// fileURL returns the file: URL of a path, the base of relative IRIs.
func fileURL(name string) string {
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

// sniffJSON tells OCDS, CSL-JSON and JSON-LD apart by the keys in the
// start of the input.
func sniffJSON(head []byte, name string) (Format, error) {
	if isJSONSchema(head) {
		return "", fmt.Errorf("%w: %s is a JSON Schema (it has a \"$schema\" key: it describes data and holds none); import the data it describes instead", ErrUnknownFormat, name)
	}
	switch {
	case bytes.Contains(head, []byte(`"ocid"`)):
		return OCDS, nil
	case bytes.Contains(head, []byte(`"@context"`)) || bytes.Contains(head, []byte(`"@id"`)):
		return JSONLD, nil
	case bytes.Contains(head, []byte(`"container-title"`)) || bytes.Contains(head, []byte(`"issued"`)):
		return CSLJSON, nil
	}
	return "", fmt.Errorf("%w: %s is %s, but neither OCDS (ocid), an AI register, JSON-LD (@context) nor CSL-JSON (issued); name the format with --format", ErrUnknownFormat, name, look(head).desc)
}

// codeListReader gives the code list reader the bytes it has read.
type codeListReader struct {
	*codelist.Reader
	counter *countingReader
}

func newCodeListReader(r io.Reader, name, base string) codeListReader {
	cr := &countingReader{r: r}
	return codeListReader{codelist.NewReader(cr, name, base), cr}
}

// BytesRead returns the bytes read from the input so far.
func (c codeListReader) BytesRead() int64 { return c.counter.n }

// isJSONSchema reports whether head starts a JSON Schema document: an
// object with a "$schema" key naming a json-schema.org draft among its
// first keys.
func isJSONSchema(head []byte) bool {
	t := bytes.TrimSpace(head)
	if len(t) == 0 || t[0] != '{' {
		return false
	}
	if len(t) > 2048 {
		t = t[:2048]
	}
	i := bytes.Index(t, []byte(`"$schema"`))
	return i >= 0 && bytes.Contains(t[i:], []byte("json-schema.org"))
}

// ocdsReader gives the OCDS reader a line: the records read so far.
type ocdsReader struct{ *ocds.Reader }

func (o ocdsReader) Line() int { return o.Records() }

// citationReader turns a plain citation list into quads, a citation at a
// time, linked to the store.
type citationReader struct {
	r       *citation.Reader
	base    string
	counter *countingReader
	link    *bib.Linker
	queue   []graph.Quad
	entries int
	where   places
}

func (c *citationReader) locate(subject string) (string, bool) { return c.where.locate(subject) }

func (c *citationReader) Read() (graph.Quad, error) {
	for len(c.queue) == 0 {
		cit, err := c.r.Read()
		if err != nil {
			return graph.Quad{}, err
		}
		c.entries++
		c.queue = c.link.Link(cit, cit.Quads(c.base, graph.Term{}))
		c.where.note(c.queue, cit.Line, "")
	}
	q := c.queue[0]
	c.queue = c.queue[1:]
	return q, nil
}

func (c *citationReader) Line() int           { return c.entries }
func (c *citationReader) BytesRead() int64    { return c.counter.n }
func (c *citationReader) linker() *bib.Linker { return c.link }

// bibReader turns a BibTeX, RIS or CSL-JSON bibliography into quads, an
// entry at a time, linked to the store.
type bibReader struct {
	r     *bib.Reader
	link  *bib.Linker
	queue []graph.Quad
	where places
}

func (b *bibReader) locate(subject string) (string, bool) { return b.where.locate(subject) }

// places remembers where in a bibliography each subject was first read,
// so that a problem with it names the entry's line and key rather than an
// IRI minted for it.
type places map[string]place

// place is an entry: its line, its key ("" when it has none), and the IRI
// of its work.
type place struct {
	line int
	key  string
	work string
}

// note records the subjects of one entry's quads, the first of which is
// its work.
func (p *places) note(quads []graph.Quad, line int, key string) {
	if len(quads) == 0 {
		return
	}
	if *p == nil {
		*p = places{}
	}
	at := place{line: line, key: key, work: quads[0].S.Value}
	for _, q := range quads {
		if _, ok := (*p)[q.S.Value]; !ok && q.S.Kind == graph.KindIRI {
			(*p)[q.S.Value] = at
		}
	}
}

// locate says where subject was read: "12: entry smith2019" for the work
// of the entry on line 12, "12: entry smith2019, person/smith-john" for
// another subject it describes.
func (p places) locate(subject string) (string, bool) {
	at, ok := p[subject]
	if !ok {
		return "", false
	}
	s := strconv.Itoa(at.line) + ": entry"
	if at.key != "" {
		s += " " + at.key
	}
	if subject != at.work {
		s += ", " + shortIRI(subject)
	}
	return s, true
}

// shortIRI returns the last two segments of an IRI's path: person/smith-john.
func shortIRI(iri string) string {
	i := strings.LastIndexByte(iri, '/')
	if i <= 0 {
		return iri
	}
	if j := strings.LastIndexByte(iri[:i], '/'); j >= 0 {
		return iri[j+1:]
	}
	return iri
}

// locator is a reader that can say where in its input a subject was read.
type locator interface {
	locate(subject string) (string, bool)
}

func (b *bibReader) Read() (graph.Quad, error) {
	for len(b.queue) == 0 {
		e, err := b.r.Next()
		if err != nil {
			return graph.Quad{}, err
		}
		b.queue = b.link.Link(e.Citation, e.Quads)
		b.where.note(b.queue, e.Citation.Line, e.ID)
	}
	q := b.queue[0]
	b.queue = b.queue[1:]
	return q, nil
}

func (b *bibReader) Line() int           { return b.r.Line() }
func (b *bibReader) BytesRead() int64    { return b.r.BytesRead() }
func (b *bibReader) linker() *bib.Linker { return b.link }

// linkedReader is a reader of a bibliography whose entries a Linker links.
type linkedReader interface {
	linker() *bib.Linker
}

// linkRun links the bibliographies of one import to the works, persons
// and organisations the store already holds, so that an entry the store
// has takes its IRI (see bib.Linker): each input to what the store holds
// outside the graph it replaces (on a re-import, the input's own earlier
// content is not there to link to, so the same file gives the same IRIs),
// and to what the run's earlier inputs linked into other graphs, so that
// two files imported together link as if imported one after the other.
type linkRun struct {
	stats bib.LinkStats
	done  []linkedInput
}

// linkedInput is what one bibliography of the run linked, and the graph
// it went into.
type linkedInput struct {
	graph graph.Term
	ix    *bib.Index
}

// linker returns the Linker of an input that replaces graph target.
func (lr *linkRun) linker(e env, target graph.Term) (*bib.Linker, error) {
	ix := bib.NewIndex()
	if e.store != nil {
		err := e.store.View(e.ctx, func(v *graph.View) error {
			var err error
			ix, err = bib.ReadIndex(v, target)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	for _, d := range lr.done {
		if d.graph != target {
			ix.Merge(d.ix)
		}
	}
	return bib.NewLinker(ix, e.base), nil
}

// finish records what an input's Linker linked, once the input is read.
func (lr *linkRun) finish(target graph.Term, l *bib.Linker) {
	lr.stats.Add(l.Stats())
	lr.done = append(lr.done, linkedInput{graph: target, ix: l.Linked()})
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// storeLabels finds entities in the store by label, for CSV links given by
// name. It reads each naming property's values once per import.
type storeLabels struct {
	ctx     context.Context
	s       *graph.Store
	byLabel map[string][]string // lower-cased label -> subjects
}

var namingProperties = []string{schema.RDFSLabel, schema.FOAFName, schema.DCTermsTitle, schema.SKOSPrefLabel}

func (l *storeLabels) Lookup(label string, classes []string) ([]string, error) {
	if l.byLabel == nil {
		l.byLabel = map[string][]string{}
		for _, p := range namingProperties {
			for q, err := range l.s.Match(l.ctx, graph.Pattern{P: graph.IRI(p)}) {
				if err != nil {
					return nil, err
				}
				if q.S.Kind == graph.KindIRI {
					k := strings.ToLower(q.O.Value)
					l.byLabel[k] = append(l.byLabel[k], q.S.Value)
				}
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range l.byLabel[strings.ToLower(label)] {
		if seen[s] {
			continue
		}
		seen[s] = true
		ok, err := l.isA(s, classes)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// isA reports whether subject s is typed with one of classes, or with a
// subclass the store's ontology declares.
func (l *storeLabels) isA(s string, classes []string) (bool, error) {
	if len(classes) == 0 {
		return true, nil
	}
	for q, err := range l.s.Match(l.ctx, graph.Pattern{S: graph.IRI(s), P: graph.IRI(graph.RDFType)}) {
		if err != nil {
			return false, err
		}
		for _, c := range classes {
			if q.O.Value == c {
				return true, nil
			}
			n, err := l.s.Count(l.ctx, graph.Pattern{S: q.O, P: graph.IRI(schema.RDFSSubClassOf), O: graph.IRI(c)})
			if err != nil {
				return false, err
			}
			if n > 0 {
				return true, nil
			}
		}
	}
	return false, nil
}

// csvReader counts the bytes a csvtab.Reader reads.
type csvReader struct {
	*csvtab.Reader
	counter *countingReader
}

func (c *csvReader) BytesRead() int64 { return c.counter.n }

// epoReader is an RDF reader whose statements in the EU eProcurement
// Ontology are also typed in the project's ontology (see package epo):
// when the input ends it returns the derived statements.
type epoReader struct {
	quadReader
	ep *epo.Reader
}

// withEPO wraps an RDF reader with the ePO mapping.
func withEPO(r quadReader) *epoReader { return &epoReader{quadReader: r, ep: epo.NewReader(r)} }

func (r *epoReader) Read() (graph.Quad, error) { return r.ep.Read() }

// derived returns the statements the ePO mapping derived, once the input
// has ended; Import checks them against the shapes.
func (r *epoReader) derived() []graph.Quad { return r.ep.Derived() }
