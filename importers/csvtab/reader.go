package csvtab

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// Options configures [Read].
type Options struct {
	// Base is the base IRI of the entities' IRIs; "" means schema.DefaultBase.
	Base string
	// Encoding of the input: "" (UTF-8), latin1 or windows-1252.
	Encoding string
	// Template names the template (procurement, actor, ...); "" detects it
	// from the header and the file name.
	Template string
	// Labels finds entities of the store by label, for links given by
	// label; nil looks only in the file itself.
	Labels LabelIndex
}

// LabelIndex finds entities by their label (rdfs:label, foaf:name or
// dcterms:title, in any language) among instances of classes.
type LabelIndex interface {
	Lookup(label string, classes []string) ([]string, error)
}

// MaxErrors is how many problems Read lists before it only counts them.
const MaxErrors = problems.Max

// Errors is every problem Read found in a file: the first MaxErrors in
// Errors, and how many there were in all in Total. It lists them one a
// line, and unwraps to them for errors.Is and errors.As.
type Errors = problems.List

// column is a header column bound to its template column.
type column struct {
	header string
	lang   string // from a header such as label@ca
	col    *Column
}

// pendingLink is a link by label that waits for the end of the file.
type pendingLink struct {
	row     int
	column  string
	subject graph.Term
	pred    string
	label   string
	classes []string
}

// reader holds one file's state.
type reader struct {
	name    string
	sc      *schema.Schema
	opts    Options
	tmpl    Template
	cols    []column
	errs    Errors
	quads   []graph.Quad
	byLabel map[string][]entity // lower-cased label -> entities of this file
	pending []pendingLink
	// concepts caches the concepts found by concept, by scheme and cell:
	// a file repeats a few codes in every row.
	concepts map[[2]string]graph.Term
}

type entity struct {
	iri     string
	classes []string
}

// Read parses a CSV file of one template and returns its quads (in the
// default graph; the caller sets the graph). See [Reader].
func Read(r io.Reader, name string, sc *schema.Schema, opts Options) ([]graph.Quad, error) {
	rr, err := NewReader(r, name, sc, opts)
	if err != nil {
		return nil, err
	}
	var out []graph.Quad
	for {
		q, err := rr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
}

// Reader reads a CSV file of one template as quads (in the default graph;
// the caller sets the graph), a row at a time, so that memory does not grow
// with the rows: it keeps the labels of the file's entities and the links
// by label that wait for them, which it resolves, and returns, at the end.
// The cells are checked against their columns (IRIs, concepts, dates, links
// by label); checking the entities against the shapes is for the caller
// (importers validates every domain input the same way). It goes on after
// a problem, so that one run lists them all: at the end, Read returns an
// [*Errors] when any row was wrong.
type Reader struct {
	rd   *reader
	cr   *csv.Reader
	row  int
	next int  // the next quad of rd.quads to return
	done bool // the file is read and the links resolved
}

// NewReader reads the header of a CSV file and picks its template.
func NewReader(r io.Reader, name string, sc *schema.Schema, opts Options) (*Reader, error) {
	if opts.Base == "" {
		opts.Base = schema.DefaultBase
	}
	text, err := decode(r, name, opts.Encoding)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(text)
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fileError(name, 1, err, "a header row naming the template's columns")
	}
	rd := &reader{name: name, sc: sc, opts: opts, byLabel: map[string][]entity{}}
	if err := rd.bindHeader(slices.Clone(header)); err != nil {
		return nil, err
	}
	return &Reader{rd: rd, cr: cr, row: 1}, nil
}

// Read returns the next quad, io.EOF at the end of a file without problems,
// and an [*Errors] at the end of one with problems.
func (r *Reader) Read() (graph.Quad, error) {
	rd := r.rd
	for r.next == len(rd.quads) {
		if r.done {
			if rd.errs.Total > 0 {
				return graph.Quad{}, &rd.errs
			}
			return graph.Quad{}, io.EOF
		}
		rd.quads, r.next = rd.quads[:0], 0
		rec, err := r.cr.Read()
		if err == io.EOF {
			rd.resolvePending()
			r.done = true
			continue
		}
		r.row++
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.row = pe.Line
			}
			rd.errs.Add(fileError(rd.name, r.row, err, "a well-formed CSV row"))
			if !errors.As(err, &pe) {
				// An encoding or read error: the rest cannot be trusted.
				rd.quads, r.done = rd.quads[:0], true
			}
			continue
		}
		rd.row(r.row, rec)
	}
	r.next++
	return rd.quads[r.next-1], nil
}

// Line returns the row last read (1 is the header).
func (r *Reader) Line() int { return r.row }

func fileError(name string, row int, err error, expected string) error {
	var ce *Error
	if errors.As(err, &ce) {
		return ce
	}
	return &Error{File: name, Row: row, Found: err.Error(), Expected: expected}
}

// bindHeader picks the template and binds each header column to it.
func (rd *reader) bindHeader(header []string) error {
	names := make([]string, len(header))
	for i, h := range header {
		names[i], _, _ = strings.Cut(strings.TrimSpace(h), "@")
	}
	tmpl, err := rd.pickTemplate(names)
	if err != nil {
		return err
	}
	rd.tmpl = tmpl
	for i, h := range header {
		h = strings.TrimSpace(h)
		base, lang, _ := strings.Cut(h, "@")
		c := column{header: h, lang: lang}
		if base != "id" {
			for k := range tmpl.Columns {
				if tmpl.Columns[k].Name == base {
					c.col = &tmpl.Columns[k]
				}
			}
			if c.col == nil {
				rd.errs.Add(&Error{File: rd.name, Row: 1, Column: fmt.Sprint(i + 1), Found: problems.Excerpt(h), Expected: "a column of the " + tmpl.Name + " template (civicgraph template " + tmpl.Name + ")"})
			} else if lang != "" && !isText(c.col.Shape) {
				rd.errs.Add(&Error{File: rd.name, Row: 1, Column: h, Found: "@" + lang, Expected: "a language only on text columns"})
			}
		}
		rd.cols = append(rd.cols, c)
	}
	if rd.errs.Total > 0 {
		return &rd.errs
	}
	return nil
}

func (rd *reader) pickTemplate(names []string) (Template, error) {
	if rd.opts.Template != "" {
		return Find(rd.sc, rd.opts.Template)
	}
	// The file name says which, when it names a template
	// (procurements.csv); the longest name wins (administration over actor).
	var named Template
	for _, t := range Templates(rd.sc) {
		if strings.Contains(strings.ToLower(filepath.Base(rd.name)), t.Name) && len(t.Name) > len(named.Name) {
			named = t
		}
	}
	if named.Name != "" {
		return named, nil
	}
	var fits []Template
	for _, t := range Templates(rd.sc) {
		ok := true
		for _, n := range names {
			if n != "id" && !slices.ContainsFunc(t.Columns, func(c Column) bool { return c.Name == n }) {
				ok = false
				break
			}
		}
		if ok {
			fits = append(fits, t)
		}
	}
	var fitNames []string
	for _, t := range fits {
		fitNames = append(fitNames, t.Name)
	}
	if len(fits) == 1 {
		return fits[0], nil
	}
	expected := "a header that fits one template"
	if len(fits) > 1 {
		expected = "one template, but the header fits " + strings.Join(fitNames, ", ") + ": name it with --format csv:<template>"
	}
	return Template{}, &Error{File: rd.name, Row: 1, Found: problems.Excerpt(strings.Join(names, ",")), Expected: expected}
}

var (
	absoluteIRI = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^` + "`" + `]+$`)
	yearRe      = regexp.MustCompile(`^-?\d{4}$`)
	yearMonthRe = regexp.MustCompile(`^-?\d{4}-\d{2}$`)
	dateRe      = regexp.MustCompile(`^-?\d{4}-\d{2}-\d{2}$`)
)

// row turns one record into quads.
func (rd *reader) row(row int, rec []string) {
	cell := func(i int) string {
		if i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	if len(rec) != len(rd.cols) {
		// Fewer cells is a row cut short (a file cut in the middle, a
		// lost separator), more is a separator too many: either way the
		// cells may not be in their columns, and nothing of the row is
		// taken.
		rd.errs.Add(&Error{File: rd.name, Row: row, Found: fmt.Sprintf("%d cells", len(rec)),
			Expected: fmt.Sprintf("%d cells, one per header column (a row cut short or with a separator too many?)", len(rd.cols))})
		return
	}
	id := ""
	var name string
	for i, c := range rd.cols {
		v := cell(i)
		switch {
		case c.col == nil:
			id = v
		case name == "" && v != "" && isText(c.col.Shape) && c.col.Shape.UniqueLang:
			name = strings.Split(v, "|")[0]
		}
	}
	slug := id
	if slug == "" {
		slug = name
	}
	if slug == "" {
		rd.errs.Add(&Error{File: rd.name, Row: row, Column: "id", Expected: "an id, or a name or title to make one from"})
		return
	}
	iri := id
	if !absoluteIRI.MatchString(iri) {
		iri = schema.EntityIRI(rd.opts.Base, rd.tmpl.Kind, schema.Slug(slug))
	}
	subj := graph.IRI(iri)
	rd.quads = append(rd.quads, graph.Quad{S: subj, P: graph.IRI(graph.RDFType), O: graph.IRI(rd.tmpl.Class)})
	classes := rd.sc.SuperClasses(rd.tmpl.Class)
	for i, c := range rd.cols {
		v := cell(i)
		if c.col == nil || v == "" {
			continue
		}
		values := []string{v}
		if c.col.Shape.Max != 1 {
			values = strings.Split(v, "|")
		}
		for _, val := range values {
			val = strings.TrimSpace(val)
			if val == "" {
				continue
			}
			if isText(c.col.Shape) && c.col.Shape.UniqueLang {
				rd.byLabel[strings.ToLower(val)] = append(rd.byLabel[strings.ToLower(val)], entity{iri, classes})
			}
			o, err := rd.value(c, val)
			if err != nil {
				rd.errs.Add(&Error{File: rd.name, Row: row, Column: c.header, Found: problems.Excerpt(val), Expected: err.Error()})
				continue
			}
			if o.IsZero() { // a link by label to resolve at the end
				rd.pending = append(rd.pending, pendingLink{row, c.header, subj, c.col.Shape.Path, val, c.col.Shape.Classes})
				continue
			}
			rd.quads = append(rd.quads, graph.Quad{S: subj, P: graph.IRI(c.col.Shape.Path), O: o})
		}
	}
}

// value turns a cell value into a term; the zero Term means a link by label.
func (rd *reader) value(c column, v string) (graph.Term, error) {
	p := c.col.Shape
	switch {
	case p.Scheme != "":
		return rd.concept(p.Scheme, v)
	case p.Kind == schema.ValueNode && len(p.Classes) > 0:
		if absoluteIRI.MatchString(v) {
			return graph.IRI(v), nil
		}
		return graph.Term{}, nil
	case p.Kind == schema.ValueNode:
		if !absoluteIRI.MatchString(v) {
			return graph.Term{}, errors.New("an absolute IRI")
		}
		return graph.IRI(v), nil
	case isText(p):
		if c.lang != "" {
			return graph.LangLiteral(v, c.lang), nil
		}
		return graph.String(v), nil
	case len(p.Datatypes) > 0:
		dt := p.Datatypes[0]
		if len(p.Datatypes) > 1 {
			dt = dateType(v, p.Datatypes)
		}
		return graph.Literal(v, dt), nil
	}
	return graph.String(v), nil
}

// dateType picks the date datatype whose form v has.
func dateType(v string, allowed []string) string {
	want := schema.XSDDateTime
	switch {
	case yearRe.MatchString(v):
		want = schema.NSXSD + "gYear"
	case yearMonthRe.MatchString(v):
		want = schema.NSXSD + "gYearMonth"
	case dateRe.MatchString(v):
		want = schema.XSDDate
	}
	if slices.Contains(allowed, want) {
		return want
	}
	return allowed[0]
}

// concept finds a concept of scheme by IRI, code or label.
func (rd *reader) concept(scheme, v string) (graph.Term, error) {
	if t, ok := rd.concepts[[2]string{scheme, v}]; ok {
		return t, nil
	}
	t, err := rd.findConcept(scheme, v)
	if err == nil {
		if rd.concepts == nil {
			rd.concepts = map[[2]string]graph.Term{}
		}
		rd.concepts[[2]string{scheme, v}] = t
	}
	return t, err
}

// findConcept looks concept v of scheme up in the schema.
func (rd *reader) findConcept(scheme, v string) (graph.Term, error) {
	var codes []string
	for _, c := range rd.sc.Concepts(scheme) {
		if v == c.IRI || strings.EqualFold(v, c.Code) {
			return graph.IRI(c.IRI), nil
		}
		for _, l := range c.Labels {
			if strings.EqualFold(v, l) {
				return graph.IRI(c.IRI), nil
			}
		}
		codes = append(codes, c.Code)
	}
	return graph.Term{}, fmt.Errorf("a concept of the %s scheme: one of %s", scheme, strings.Join(codes, ", "))
}

// resolvePending resolves links by label: first among the file's entities,
// then in the store.
func (rd *reader) resolvePending() {
	for _, pl := range rd.pending {
		var found []string
		for _, e := range rd.byLabel[strings.ToLower(pl.label)] {
			if slices.ContainsFunc(pl.classes, func(c string) bool { return slices.Contains(e.classes, c) }) {
				found = append(found, e.iri)
			}
		}
		if len(found) == 0 && rd.opts.Labels != nil {
			var err error
			if found, err = rd.opts.Labels.Lookup(pl.label, pl.classes); err != nil {
				rd.errs.Add(&Error{File: rd.name, Row: pl.row, Column: pl.column, Found: problems.Excerpt(pl.label), Expected: "a label to look up (" + err.Error() + ")"})
				continue
			}
		}
		var cs []string
		for _, c := range pl.classes {
			cs = append(cs, localName(c))
		}
		switch len(found) {
		case 1:
			rd.quads = append(rd.quads, graph.Quad{S: pl.subject, P: graph.IRI(pl.pred), O: graph.IRI(found[0])})
		case 0:
			rd.errs.Add(&Error{File: rd.name, Row: pl.row, Column: pl.column, Found: problems.Excerpt(pl.label),
				Expected: "the IRI or the label of a " + strings.Join(cs, " or ") + " in this file or in the store"})
		default:
			slices.Sort(found)
			rd.errs.Add(&Error{File: rd.name, Row: pl.row, Column: pl.column, Found: problems.Excerpt(pl.label),
				Expected: "a label naming one " + strings.Join(cs, " or ") + ", but it names " + strings.Join(found, ", ") + "; give the IRI"})
		}
	}
}
