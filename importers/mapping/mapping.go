package mapping

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/schema"
)

// InputFormat is the layout of the data a mapping reads.
type InputFormat string

// The input formats a mapping reads.
const (
	CSV       InputFormat = "csv"   // a header row, then one record a row
	JSON      InputFormat = "json"  // an array of objects, at the top or at a path
	JSONLines InputFormat = "jsonl" // one object a line
)

// Mapping is a checked mapping file, ready to read data with [NewReader].
// It is read-only once [Parse] returns and may be shared.
type Mapping struct {
	// Name names the mapping (the file's name key, else its file name).
	Name string
	// Description says what data it reads.
	Description string
	// File is the mapping file's name, used in errors.
	File string
	// Format is the layout of the data.
	Format InputFormat
	// Digest is the hex SHA-256 of the mapping file, for provenance.
	Digest string

	records  []string // JSON path of the records array
	encoding string
	delim    rune
	match    []string // normalised header columns that identify the layout
	entities []*entity
	recodes  map[string]*recoder
}

// entity is one entity a record yields.
type entity struct {
	id       string
	class    string
	kind     string
	types    []string // rdf:types written: the class, its standard type, extra
	iri      []ref
	prefix   string
	required bool
	when     []cond
	props    []*prop
	line     int
}

// ref is a column (CSV) or a path (JSON) the mapping reads, and the line of
// the mapping file that reads it.
type ref struct {
	column string   // as written in the mapping
	path   []string // JSON: the keys, split at dots
	line   int
	idx    int // CSV: the header index, set by the reader
}

// cond is one condition an entity needs in a record.
type cond struct {
	col      ref
	in       map[string]bool // lower-cased, trimmed
	notIn    map[string]bool
	notEmpty bool
}

// valueSource says where a property's values come from.
type valueSource uint8

const (
	fromColumn valueSource = iota
	fromTemplate
	fromValue
	fromConcept
	fromEntity
)

// prop is one property an entity gets.
type prop struct {
	pred     string
	line     int
	src      valueSource
	col      ref
	tmpl     []tmplPart
	value    graph.Term // fromValue, fromConcept
	target   int        // fromEntity: index of the entity linked to
	recode   *recoder
	lang     string
	langCol  *ref   // a column giving each record's language
	datatype string // "" for text
	iri      bool   // the values are IRIs
	split    string
	required bool
}

// tmplPart is literal text, or a column to put in.
type tmplPart struct {
	text string
	col  *ref
}

// recoder turns source values into concept codes (with a scheme) or into
// other text (without).
type recoder struct {
	name   string
	scheme string
	def    *string
	values map[string]string // lower-cased, trimmed source value → code
	line   int
}

// Load reads and checks a mapping file; see [Parse].
func Load(path string, sc *schema.Schema) (*Mapping, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mapping: %w", err)
	}
	return Parse(path, data, sc)
}

// Parse checks a mapping file against the ontology and the concept schemes
// of sc and compiles it. Every problem is a [*FileError] with the file's
// line; several are joined.
func Parse(name string, data []byte, sc *schema.Schema) (*Mapping, error) {
	if !utf8.Valid(data) {
		return nil, &FileError{File: name, Msg: "not UTF-8 text"}
	}
	f, lines, err := decodeFile(name, data)
	if err != nil {
		return nil, err
	}
	c := compiler{name: name, lines: lines, sc: sc}
	m := c.compile(f)
	if len(c.errs) > 0 {
		return nil, errors.Join(c.errs...)
	}
	sum := sha256.Sum256(data)
	m.Digest = hex.EncodeToString(sum[:])
	return m, nil
}

// compiler checks a decoded file and collects its problems.
type compiler struct {
	name  string
	lines lineIndex
	sc    *schema.Schema
	errs  []error
}

func (c *compiler) errf(path, format string, args ...any) {
	c.errs = append(c.errs, &FileError{File: c.name, Line: c.lines.line(path), Msg: fmt.Sprintf(format, args...)})
}

func (c *compiler) compile(f *file) *Mapping {
	m := &Mapping{Name: f.Name, Description: f.Description, File: c.name, recodes: map[string]*recoder{}}
	if m.Name == "" {
		m.Name = strings.TrimSuffix(strings.TrimSuffix(filepath.Base(c.name), ".toml"), ".map")
	}
	switch strings.ToLower(f.Format) {
	case "", "csv":
		m.Format = CSV
	case "json":
		m.Format = JSON
	case "jsonl", "json-lines", "ndjson":
		m.Format = JSONLines
	default:
		c.errf("format", "format %q: expected csv, json or jsonl", f.Format)
	}
	if f.Records != "" {
		if m.Format != JSON {
			c.errf("records", "records is the JSON path of the array of records; it needs format = \"json\"")
		}
		m.records = strings.Split(f.Records, ".")
	}
	switch strings.ToLower(f.Encoding) {
	case "", "utf-8", "utf8":
		m.encoding = "utf-8"
	case "windows-1252", "cp1252", "latin1", "iso-8859-1", "auto":
		m.encoding = strings.ToLower(f.Encoding)
	default:
		c.errf("encoding", "encoding %q: expected utf-8, windows-1252, latin1 or auto (UTF-8 where valid, else Windows-1252)", f.Encoding)
	}
	m.delim = ','
	if f.Delimiter != "" {
		r, n := utf8.DecodeRuneInString(f.Delimiter)
		if n != len(f.Delimiter) || r == '"' || r == '\n' || r == '\r' {
			c.errf("delimiter", "delimiter %q: expected one character other than a quote or a line end", f.Delimiter)
		}
		m.delim = r
	}
	for _, col := range f.Match {
		m.match = append(m.match, normColumn(col))
	}
	for name, r := range f.Recode {
		m.recodes[name] = c.recoder(name, r)
	}
	if len(f.Entities) == 0 {
		c.errs = append(c.errs, &FileError{File: c.name, Msg: "no [[entity]]: a mapping needs at least one entity that a record yields"})
	}
	ids := map[string]int{}
	for i, e := range f.Entities {
		path := "entity." + strconv.Itoa(i)
		id := e.ID
		if id == "" {
			id = strconv.Itoa(i + 1)
		}
		if _, dup := ids[id]; dup {
			c.errf(path+".id", "entity id %q is used twice", id)
		}
		ids[id] = i
	}
	for i, e := range f.Entities {
		m.entities = append(m.entities, c.entity(m, "entity."+strconv.Itoa(i), e, ids, f.Lang))
	}
	return m
}

// recoder compiles one [recode.NAME] table.
func (c *compiler) recoder(name string, r recode) *recoder {
	path := "recode." + name
	rc := &recoder{name: name, scheme: r.Scheme, def: r.Default, values: map[string]string{}, line: c.lines.line(path)}
	var codes []string
	if r.Scheme != "" {
		info, ok := schemeInfo(r.Scheme)
		if !ok {
			c.errf(path+".scheme", "recode %s: scheme %q: expected one of %s", name, r.Scheme, strings.Join(schemeNames(), ", "))
			return rc
		}
		codes = info.Codes
	}
	check := func(p, code string) {
		if code == "" || codes == nil || slices.Contains(codes, code) {
			return
		}
		c.errf(p, "recode %s: %q is not a code of scheme %s: expected one of %s", name, code, r.Scheme, strings.Join(codes, ", "))
	}
	for k, v := range r.Values {
		rc.values[normValue(k)] = v
		check(path+".values."+k, v)
	}
	if r.Default != nil {
		check(path+".default", *r.Default)
	}
	return rc
}

func schemeInfo(name string) (schema.SchemeInfo, bool) {
	for _, s := range schema.Schemes() {
		if s.Name == name {
			return s, true
		}
	}
	return schema.SchemeInfo{}, false
}

func schemeNames() []string {
	var out []string
	for _, s := range schema.Schemes() {
		out = append(out, s.Name)
	}
	return out
}

// classShapes returns the classes with an entity kind, by lower-cased local
// name.
func classShapes() map[string]schema.Shape {
	out := map[string]schema.Shape{}
	for _, sh := range schema.Shapes() {
		if sh.Kind != "" {
			out[strings.ToLower(localName(sh.Class))] = sh
		}
	}
	return out
}

// ClassNames returns the local names of the classes a mapping's entities
// may have, in the order of [schema.Shapes].
func ClassNames() []string {
	var out []string
	for _, sh := range schema.Shapes() {
		if sh.Kind != "" {
			out = append(out, localName(sh.Class))
		}
	}
	return out
}

// standardTypes are the standard classes written beside a project class,
// as the other importers do.
var standardTypes = map[string][]string{
	schema.ClassAdministration: {schema.ORGOrganization},
	schema.ClassProcurement:    {schema.EPOProcedure},
}

func (c *compiler) entity(m *Mapping, path string, e entityDef, ids map[string]int, lang string) *entity {
	en := &entity{id: e.ID, prefix: e.IRIPrefix, required: e.Required, line: c.lines.line(path)}
	sh, ok := classShapes()[strings.ToLower(e.Class)]
	if !ok {
		c.errf(path+".class", "class %q: expected one of %s", e.Class, strings.Join(ClassNames(), ", "))
	} else {
		en.class, en.kind = sh.Class, sh.Kind
		en.types = append([]string{sh.Class}, standardTypes[sh.Class]...)
	}
	for i, t := range e.Types {
		iri, err := expand(t)
		if err != nil {
			c.errf(path+".types."+strconv.Itoa(i), "types: %v", err)
			continue
		}
		en.types = append(en.types, iri)
	}
	if len(e.IRI) == 0 {
		c.errf(path, "entity %s: iri: expected the columns whose values name it (iri = [\"id\"]), so that a re-import mints the same IRIs", e.ID)
	}
	for i, col := range e.IRI {
		en.iri = append(en.iri, c.ref(m, path+".iri."+strconv.Itoa(i), col))
	}
	for i, w := range e.When {
		p := path + ".when." + strconv.Itoa(i)
		if w.Column == "" {
			c.errf(p, "when: expected a column")
			continue
		}
		cd := cond{col: c.ref(m, p+".column", w.Column), notEmpty: w.NotEmpty}
		if len(w.In) > 0 {
			cd.in = map[string]bool{}
			for _, v := range w.In {
				cd.in[normValue(v)] = true
			}
		}
		if len(w.NotIn) > 0 {
			cd.notIn = map[string]bool{}
			for _, v := range w.NotIn {
				cd.notIn[normValue(v)] = true
			}
		}
		if cd.in == nil && cd.notIn == nil && !cd.notEmpty {
			c.errf(p, "when: expected in = [...], not_in = [...] or not_empty = true")
		}
		en.when = append(en.when, cd)
	}
	if en.class == "" {
		return en // its properties cannot be checked against an unknown class
	}
	supers := c.sc.SuperClasses(en.class)
	for i, pd := range e.Properties {
		if p := c.property(m, path+".property."+strconv.Itoa(i), pd, supers, ids, lang); p != nil {
			en.props = append(en.props, p)
		}
	}
	return en
}

// ref compiles a column reference.
func (c *compiler) ref(m *Mapping, path, col string) ref {
	r := ref{column: col, line: c.lines.line(path), idx: -1}
	if strings.TrimSpace(col) == "" {
		c.errf(path, "expected a column name, found an empty one")
	}
	if m.Format != CSV {
		r.path = strings.Split(col, ".")
	}
	return r
}

func (c *compiler) property(m *Mapping, path string, pd propertyDef, classes []string, ids map[string]int, lang string) *prop {
	p := &prop{line: c.lines.line(path), split: pd.Split, required: pd.Required, lang: pd.Lang}
	if p.lang == "" {
		p.lang = lang
	}
	if pd.Property == "" {
		c.errf(path, "property: expected the property it sets (label, title, sector, buyer, dcterms:description, ...)")
		return nil
	}
	pred, shape, err := resolveProperty(pd.Property, classes)
	if err != nil {
		c.errf(path+".property", "%v", err)
		return nil
	}
	p.pred = pred
	sources := 0
	for _, s := range []string{pd.Column, pd.Template, pd.Value, pd.Concept, pd.Entity} {
		if s != "" {
			sources++
		}
	}
	if sources != 1 {
		c.errf(path, "property %s: expected exactly one of column, template, value, concept or entity", pd.Property)
		return nil
	}
	scheme := ""
	if shape != nil {
		scheme = shape.Scheme
	}
	if pd.Recode != "" {
		rc, ok := m.recodes[pd.Recode]
		if !ok {
			c.errf(path+".recode", "recode %q: no [recode.%s] table in the file", pd.Recode, pd.Recode)
		} else {
			p.recode = rc
			if scheme != "" && rc.scheme != scheme {
				c.errf(path+".recode", "property %s takes concepts of scheme %s, but recode %s gives scheme %q", pd.Property, scheme, pd.Recode, rc.scheme)
			}
			if rc.scheme != "" && scheme == "" && shape != nil {
				c.errf(path+".recode", "property %s does not take concepts, but recode %s gives concepts of %s", pd.Property, pd.Recode, rc.scheme)
			}
		}
	} else if scheme != "" && pd.Concept == "" && pd.Entity == "" {
		c.errf(path, "property %s takes concepts of scheme %s: expected recode = \"<table>\" (values to codes) or concept = \"%s/<code>\"", pd.Property, scheme, scheme)
	}
	if pd.Datatype != "" {
		if strings.EqualFold(pd.Datatype, "iri") {
			p.iri = true
		} else if dt, err := expand(pd.Datatype); err != nil {
			c.errf(path+".datatype", "datatype: %v", err)
		} else {
			p.datatype = dt
		}
	} else if shape != nil {
		switch {
		case shape.Kind == schema.ValueNode:
			p.iri = true
		case len(shape.Datatypes) > 0 && !slices.Contains(shape.Datatypes, schema.XSDString) && !slices.Contains(shape.Datatypes, schema.RDFLangString):
			p.datatype = shape.Datatypes[0]
		}
	}
	if pd.LangColumn != "" {
		lc := c.ref(m, path+".lang_column", pd.LangColumn)
		p.langCol = &lc
	}
	if p.datatype != "" || p.iri {
		p.lang, p.langCol = "", nil
	}
	switch {
	case pd.Column != "":
		p.src, p.col = fromColumn, c.ref(m, path+".column", pd.Column)
	case pd.Template != "":
		p.src = fromTemplate
		p.tmpl = c.template(m, path+".template", pd.Template)
	case pd.Value != "":
		p.src = fromValue
		switch {
		case p.iri:
			p.value = graph.IRI(pd.Value)
		case p.datatype != "":
			p.value = graph.Literal(pd.Value, p.datatype)
		case p.lang != "":
			p.value = graph.LangLiteral(pd.Value, p.lang)
		default:
			p.value = graph.String(pd.Value)
		}
	case pd.Concept != "":
		p.src = fromConcept
		s, code, ok := strings.Cut(pd.Concept, "/")
		info, known := schemeInfo(s)
		if !ok || !known || !slices.Contains(info.Codes, code) {
			c.errf(path+".concept", "concept %q: expected scheme/code, such as lifecycle/market-engagement or sector/civil-society", pd.Concept)
			return nil
		}
		if scheme != "" && s != scheme {
			c.errf(path+".concept", "property %s takes concepts of scheme %s, not %s", pd.Property, scheme, s)
		}
		p.value = graph.IRI(schema.ConceptIRI(s, code))
	case pd.Entity != "":
		p.src = fromEntity
		i, ok := ids[pd.Entity]
		if !ok {
			c.errf(path+".entity", "entity %q: no [[entity]] with that id", pd.Entity)
			return nil
		}
		p.target = i
	}
	return p
}

// template splits "{a}: {b}" into text and columns.
func (c *compiler) template(m *Mapping, path, t string) []tmplPart {
	var parts []tmplPart
	for t != "" {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			parts = append(parts, tmplPart{text: t})
			break
		}
		if i > 0 {
			parts = append(parts, tmplPart{text: t[:i]})
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			c.errf(path, "template: a { without its }")
			return nil
		}
		r := c.ref(m, path, t[i+1:i+j])
		parts = append(parts, tmplPart{col: &r})
		t = t[i+j+1:]
	}
	return parts
}

// resolveProperty turns a property as written (a full IRI, a prefixed name,
// or a bare local name of a property of the entity's class) into its IRI,
// and returns its shape in the class, nil when the class has none for it.
func resolveProperty(name string, classes []string) (string, *schema.PropertyShape, error) {
	shapes := map[string]schema.Shape{}
	for _, sh := range schema.Shapes() {
		shapes[sh.Class] = sh
	}
	find := func(match func(p schema.PropertyShape) bool) *schema.PropertyShape {
		for _, cl := range classes {
			for _, p := range shapes[cl].Properties {
				if match(p) {
					return &p
				}
			}
		}
		return nil
	}
	if strings.Contains(name, ":") {
		iri, err := expand(name)
		if err != nil {
			return "", nil, err
		}
		return iri, find(func(p schema.PropertyShape) bool { return p.Path == iri }), nil
	}
	if sh := find(func(p schema.PropertyShape) bool { return strings.EqualFold(localName(p.Path), name) }); sh != nil {
		return sh.Path, sh, nil
	}
	var names []string
	seen := map[string]bool{}
	for _, cl := range classes {
		for _, p := range shapes[cl].Properties {
			if n := localName(p.Path); !seen[n] {
				seen[n] = true
				names = append(names, n)
			}
		}
	}
	class := "the entity's class"
	if len(classes) > 0 {
		class = localName(classes[0])
	}
	return "", nil, fmt.Errorf("property %q: %s has no such property; expected one of %s, or a prefixed name such as foaf:page", name, class, strings.Join(names, ", "))
}

// expand turns a prefixed name (cg:sector, foaf:page) or a full IRI into an
// IRI.
func expand(name string) (string, error) {
	if strings.Contains(name, "://") {
		return name, nil
	}
	prefix, local, ok := strings.Cut(name, ":")
	if ok {
		for _, p := range schema.Prefixes() {
			if p.Name == prefix {
				return p.IRI + local, nil
			}
		}
	}
	var names []string
	for _, p := range schema.Prefixes() {
		names = append(names, p.Name)
	}
	return "", fmt.Errorf("%q: expected a full IRI or a prefixed name with one of the prefixes %s", name, strings.Join(names, ", "))
}

// localName returns the part of an IRI after its last # or /.
func localName(iri string) string {
	if i := strings.LastIndexAny(iri, "#/"); i >= 0 {
		return iri[i+1:]
	}
	return iri
}

// normColumn lower-cases a header and collapses its white space, so that
// headers quoted over several lines compare equal to their one-line form.
func normColumn(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// normValue is how values are compared in recodes and conditions: trimmed
// and lower-cased.
func normValue(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
