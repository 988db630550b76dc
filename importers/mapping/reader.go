package mapping

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/importers/internal/charset"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// Reader reads a CSV or JSON file through a [Mapping] and returns its
// records as quads, one record at a time. Bad rows are all reported, the
// first [problems.Max] listed, in the error Read returns at the end; the
// unknown values of recodes without a default are listed there too, with
// their counts. It is not safe for concurrent use.
type Reader struct {
	m    *Mapping
	name string
	base string

	count *countReader
	out   []graph.Quad
	next  int
	err   error // sticky
	errs  problems.List

	// CSV.
	cr   *csv.Reader
	ncol int
	row  int
	rec  []string

	// JSON and JSON Lines.
	dec     *json.Decoder
	jstarts bool
	jpath   string // JSON path of the current record
	jidx    int
	br      *bufio.Reader
	obj     any

	records int
	iris    []string // per entity, the IRI in the current record ("" absent)
	written map[writtenKey]uint64
	seed    maphash.Seed
	hash    maphash.Hash

	// Counts for the report.
	leftWhen  []int // per entity: records whose conditions did not hold
	leftBlank []int // per entity: records without a value to name it
	made      []int // per entity: records that yielded it
	unknown   map[recodeKey]*valueCount
	defaulted map[recodeKey]*valueCount
	dropped   map[recodeKey]*valueCount
	valueBuf  []string
	propBuf   []string
	unmapped  []string        // columns or JSON keys no rule reads
	keys      map[string]bool // JSON: every key path seen, up to maxKeys
	refs      map[string]bool // JSON: the paths the mapping reads
}

// maxKeys bounds the JSON key paths kept for the report.
const maxKeys = 1000

// writtenKey is an entity of the mapping and the IRI it had in a record.
type writtenKey struct {
	ent int
	iri string
}

type recodeKey struct {
	rc    *recoder
	col   string
	line  int
	value string
}

type valueCount struct {
	n, firstRow int
	firstPath   string
}

// NewReader returns a Reader of r through m. name names the data in errors;
// base is the base IRI of the entities ("" means [schema.DefaultBase]).
func NewReader(r io.Reader, name string, m *Mapping, base string) *Reader {
	if base == "" {
		base = schema.DefaultBase
	}
	rd := &Reader{m: m, name: name, base: base, count: &countReader{r: r}, written: map[writtenKey]uint64{},
		seed: maphash.MakeSeed(), unknown: map[recodeKey]*valueCount{}, defaulted: map[recodeKey]*valueCount{},
		dropped: map[recodeKey]*valueCount{}}
	n := len(m.entities)
	rd.iris, rd.leftWhen, rd.leftBlank, rd.made = make([]string, n), make([]int, n), make([]int, n), make([]int, n)
	rd.hash.SetSeed(rd.seed)
	br := bufio.NewReaderSize(rd.count, 64<<10)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		_, _ = br.Discard(3)
	}
	switch m.Format {
	case CSV:
		rd.cr = csv.NewReader(br)
		rd.cr.Comma = m.delim
		rd.cr.FieldsPerRecord = -1
		rd.cr.ReuseRecord = true
	case JSON:
		rd.dec = json.NewDecoder(br)
		rd.dec.UseNumber()
	case JSONLines:
		rd.br = br
	}
	return rd
}

// Read returns the next quad, with a zero graph, io.EOF after the last, or
// the problems found (a *problems.List or a single [*Error]) once the input
// is read. Once it has returned an error it returns it on every call.
func (r *Reader) Read() (graph.Quad, error) {
	for r.next >= len(r.out) {
		if r.err != nil {
			return graph.Quad{}, r.err
		}
		r.out, r.next = r.out[:0], 0
		if err := r.step(); err != nil {
			if err == io.EOF {
				r.endChecks()
				if e := r.errs.Err(); e != nil {
					err = e
				}
			}
			r.err = err
		}
	}
	q := r.out[r.next]
	r.next++
	return q, nil
}

// Line returns the CSV row (1 is the header), the JSON Lines line, or the
// number of JSON records read.
func (r *Reader) Line() int {
	if r.m.Format == JSON {
		return r.records
	}
	return r.row
}

// BytesRead returns how many bytes were read from the input.
func (r *Reader) BytesRead() int64 { return r.count.n }

// MediaType returns the media type of the input: text/csv, application/json
// or application/jsonl.
func (r *Reader) MediaType() string {
	switch r.m.Format {
	case JSON:
		return "application/json"
	case JSONLines:
		return "application/jsonl"
	}
	return "text/csv"
}

// Mapping returns the mapping the reader reads through.
func (r *Reader) Mapping() *Mapping { return r.m }

// Records returns how many records were read.
func (r *Reader) Records() int { return r.records }

// step reads one record and maps it, or returns io.EOF or a fatal error.
func (r *Reader) step() error {
	switch r.m.Format {
	case CSV:
		return r.stepCSV()
	case JSON:
		return r.stepJSON()
	default:
		return r.stepJSONL()
	}
}

// stepCSV reads the header the first time, then one row.
func (r *Reader) stepCSV() error {
	for {
		rec, err := r.cr.Read()
		if err == io.EOF {
			if r.ncol == 0 {
				return &Error{File: r.name, Row: 1, Expected: "a header row", Found: "an empty file"}
			}
			return io.EOF
		}
		r.row++
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				r.errs.Add(&Error{File: r.name, Row: r.row, Found: pe.Err.Error(), Expected: "a well-formed CSV row (RFC 4180)"})
				if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
					continue
				}
				return io.EOF
			}
			return fmt.Errorf("mapping: read %s: %w", r.name, err)
		}
		if r.ncol == 0 {
			if err := r.header(rec); err != nil {
				return err
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != r.ncol {
			r.errs.Add(&Error{File: r.name, Row: r.row, Found: strconv.Itoa(len(rec)) + " fields",
				Expected: strconv.Itoa(r.ncol) + " fields, as in the header (a row cut short or run on)"})
			continue
		}
		if !r.decodeFields(rec) {
			continue
		}
		r.rec = rec
		r.records++
		r.mapRecord()
		if len(r.out) > 0 {
			return nil
		}
	}
}

// decodeFields turns the fields into UTF-8 as the mapping's encoding says,
// and reports a field that is not.
func (r *Reader) decodeFields(rec []string) bool {
	for i, f := range rec {
		if isASCII(f) {
			continue
		}
		switch r.m.encoding {
		case "utf-8":
			if !utf8.ValidString(f) {
				r.errs.Add(&Error{File: r.name, Row: r.row, Column: r.headerName(i), Found: "bytes that are not UTF-8",
					Expected: "UTF-8 text (set encoding = \"windows-1252\", \"latin1\" or \"auto\" in the mapping)"})
				return false
			}
		case "auto":
			if !utf8.ValidString(f) {
				rec[i] = charset.Decode1252(f)
			}
		case "latin1", "iso-8859-1":
			rec[i] = charset.DecodeLatin1(f)
		default:
			rec[i] = charset.Decode1252(f)
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func (r *Reader) headerName(i int) string {
	for _, e := range r.m.entities {
		for _, c := range r.allRefs(e) {
			if c.idx == i {
				return c.column
			}
		}
	}
	return "#" + strconv.Itoa(i+1)
}

// header binds every column the mapping reads to its index.
func (r *Reader) header(rec []string) error {
	idx := map[string]int{}
	var names []string
	for i, h := range rec {
		n := normColumn(h)
		if _, dup := idx[n]; !dup {
			idx[n] = i
		}
		names = append(names, strings.TrimSpace(h))
	}
	r.ncol = len(rec)
	var errs problems.List
	bind := func(c *ref) {
		i, ok := idx[normColumn(c.column)]
		if !ok {
			errs.Add(&Error{File: r.name, Row: 1, Column: c.column, Map: r.m.File, MapLine: c.line,
				Found:    "no such column in the header (" + strconv.Quote(strings.Join(names, ",")) + ")",
				Expected: "a column the mapping names"})
			return
		}
		c.idx = i
	}
	// The mapping is shared: bind a copy of its entities.
	r.m = r.m.bound()
	used := make([]bool, len(rec))
	for _, e := range r.m.entities {
		for _, c := range r.allRefs(e) {
			bind(c)
			if c.idx >= 0 {
				used[c.idx] = true
			}
		}
	}
	for i, u := range used {
		if !u && strings.TrimSpace(rec[i]) != "" {
			r.unmapped = append(r.unmapped, strings.Join(strings.Fields(rec[i]), " "))
		}
	}
	return errs.Err()
}

// allRefs returns pointers to every column reference of an entity.
func (r *Reader) allRefs(e *entity) []*ref {
	var out []*ref
	for i := range e.iri {
		out = append(out, &e.iri[i])
	}
	for i := range e.when {
		out = append(out, &e.when[i].col)
	}
	for _, p := range e.props {
		if p.src == fromColumn {
			out = append(out, &p.col)
		}
		if p.langCol != nil {
			out = append(out, p.langCol)
		}
		for _, t := range p.tmpl {
			if t.col != nil {
				out = append(out, t.col)
			}
		}
	}
	return out
}

// bound returns a deep copy of m's entities, whose column indexes a reader
// may set.
func (m *Mapping) bound() *Mapping {
	c := *m
	c.entities = make([]*entity, len(m.entities))
	for i, e := range m.entities {
		ec := *e
		ec.iri = slices.Clone(e.iri)
		ec.when = slices.Clone(e.when)
		ec.props = make([]*prop, len(e.props))
		for j, p := range e.props {
			pc := *p
			pc.tmpl = slices.Clone(p.tmpl)
			if p.langCol != nil {
				lc := *p.langCol
				pc.langCol = &lc
			}
			for k, t := range pc.tmpl {
				if t.col != nil {
					cc := *t.col
					pc.tmpl[k].col = &cc
				}
			}
			ec.props[j] = &pc
		}
		c.entities[i] = &ec
	}
	return &c
}

// stepJSON reads to the records array the first time, then one record.
func (r *Reader) stepJSON() error {
	if !r.jstarts {
		r.jstarts = true
		if err := r.seekRecords(); err != nil {
			return err
		}
	}
	for r.dec.More() {
		var v any
		path := r.jsonPrefix() + "[" + strconv.Itoa(r.jidx) + "]"
		r.jidx++
		if err := r.dec.Decode(&v); err != nil {
			return r.jsonErr(err, path)
		}
		r.jpath = path
		r.records++
		if _, ok := v.(map[string]any); !ok {
			r.errs.Add(&Error{File: r.name, Path: path, Found: jsonKind(v), Expected: "an object (one record)"})
			continue
		}
		r.obj = v
		r.noteKeys(v)
		r.mapRecord()
		if len(r.out) > 0 {
			return nil
		}
	}
	return io.EOF
}

// noteKeys records the key paths of a JSON record, for the report of keys
// no rule reads.
func (r *Reader) noteKeys(v any) {
	if r.keys == nil {
		r.keys, r.refs = map[string]bool{}, map[string]bool{}
		for _, e := range r.m.entities {
			for _, c := range r.allRefs(e) {
				r.refs[c.column] = true
			}
		}
	}
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, el := range x {
				walk(joinPath(prefix, k), el)
			}
		case []any:
			for _, el := range x {
				walk(prefix, el)
			}
		case nil:
		default:
			if len(r.keys) < maxKeys {
				r.keys[prefix] = true
			}
		}
	}
	walk("", v)
}

func (r *Reader) jsonPrefix() string { return strings.Join(r.m.records, ".") }

// seekRecords moves the decoder into the records array.
func (r *Reader) seekRecords() error {
	tok, err := r.dec.Token()
	if err != nil {
		return r.jsonErr(err, "")
	}
	for depth, key := range r.m.records {
		if tok != json.Delim('{') {
			return &Error{File: r.name, Path: strings.Join(r.m.records[:depth], "."), Found: describeToken(tok),
				Expected: fmt.Sprintf("an object with the key %q (records = %q in the mapping)", key, r.jsonPrefix())}
		}
		found := false
		for r.dec.More() {
			kt, err := r.dec.Token()
			if err != nil {
				return r.jsonErr(err, "")
			}
			if k, _ := kt.(string); k == key {
				found = true
				break
			}
			var skip json.RawMessage
			if err := r.dec.Decode(&skip); err != nil {
				return r.jsonErr(err, fmt.Sprint(kt))
			}
		}
		if !found {
			return &Error{File: r.name, Path: strings.Join(r.m.records[:depth+1], "."), Found: "no such key",
				Expected: fmt.Sprintf("the array of records (records = %q in the mapping)", r.jsonPrefix())}
		}
		if tok, err = r.dec.Token(); err != nil {
			return r.jsonErr(err, "")
		}
	}
	if tok != json.Delim('[') {
		exp := "an array of records"
		if len(r.m.records) == 0 {
			exp += " (or set records = \"key.of.the.array\" in the mapping)"
		}
		return &Error{File: r.name, Path: r.jsonPrefix(), Found: describeToken(tok), Expected: exp}
	}
	return nil
}

// stepJSONL reads one line holding one object.
func (r *Reader) stepJSONL() error {
	for {
		line, err := r.br.ReadBytes('\n')
		if len(line) == 0 && err == io.EOF {
			return io.EOF
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("mapping: read %s: %w", r.name, err)
		}
		r.row++
		if len(strings.TrimSpace(string(line))) == 0 {
			continue
		}
		var v any
		d := json.NewDecoder(strings.NewReader(string(line)))
		d.UseNumber()
		if derr := d.Decode(&v); derr != nil {
			r.errs.Add(&Error{File: r.name, Row: r.row, Found: "invalid JSON (" + derr.Error() + ")", Expected: "one JSON object a line"})
			continue
		}
		r.records++
		if _, ok := v.(map[string]any); !ok {
			r.errs.Add(&Error{File: r.name, Row: r.row, Found: jsonKind(v), Expected: "one JSON object a line"})
			continue
		}
		r.obj, r.jpath = v, ""
		r.noteKeys(v)
		r.mapRecord()
		if len(r.out) > 0 {
			return nil
		}
	}
}

func (r *Reader) jsonErr(err error, path string) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return &Error{File: r.name, Path: path, Found: "invalid JSON at byte " + strconv.FormatInt(se.Offset, 10) + " (" + se.Error() + ")", Expected: "JSON text"}
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || err == io.EOF {
		return &Error{File: r.name, Path: path, Found: "end of input", Expected: "the rest of the JSON value"}
	}
	return fmt.Errorf("mapping: read %s: %w", r.name, err)
}

// values returns the values of a column in the current record: the CSV
// field, or every string, number or boolean at the JSON path (arrays on the
// way give one value each). Blank values are left out.
func (r *Reader) values(c *ref, buf []string) ([]string, *Error) {
	buf = buf[:0]
	if r.m.Format == CSV {
		if c.idx < 0 {
			return buf, nil
		}
		if v := strings.TrimSpace(r.rec[c.idx]); v != "" {
			buf = append(buf, v)
		}
		return buf, nil
	}
	var bad *Error
	var walk func(v any, path []string)
	walk = func(v any, path []string) {
		if bad != nil {
			return
		}
		if arr, ok := v.([]any); ok {
			for _, el := range arr {
				walk(el, path)
			}
			return
		}
		if len(path) == 0 {
			switch x := v.(type) {
			case string:
				if s := strings.TrimSpace(x); s != "" {
					buf = append(buf, s)
				}
			case json.Number:
				buf = append(buf, x.String())
			case bool:
				buf = append(buf, strconv.FormatBool(x))
			case nil:
			default:
				bad = &Error{File: r.name, Row: r.row, Path: r.jpath, Column: c.column, Map: r.m.File, MapLine: c.line,
					Found: jsonKind(v), Expected: "a string, number or boolean (name a key inside it, such as " + c.column + ".name)"}
			}
			return
		}
		if obj, ok := v.(map[string]any); ok {
			walk(obj[path[0]], path[1:])
		}
	}
	walk(r.obj, c.path)
	return buf, bad
}

// first returns the first value of a column, or "".
func (r *Reader) first(c *ref) string {
	vs, bad := r.values(c, r.valueBuf)
	r.valueBuf = vs
	if bad != nil {
		r.errs.Add(bad)
	}
	if len(vs) == 0 {
		return ""
	}
	return vs[0]
}

func (r *Reader) fail(c *ref, found, expected string) {
	r.errs.Add(&Error{File: r.name, Row: r.row, Path: r.jpath, Column: c.column, Map: r.m.File, MapLine: c.line, Found: found, Expected: expected})
}

// mapRecord maps the current record: first which entities it yields and
// their IRIs, then their statements.
func (r *Reader) mapRecord() {
	for i, e := range r.m.entities {
		r.iris[i] = ""
		if !r.holds(e) {
			r.leftWhen[i]++
			continue
		}
		var parts []string
		for k := range e.iri {
			if v := r.first(&e.iri[k]); v != "" {
				parts = append(parts, v)
			}
		}
		slug := ""
		if len(parts) > 0 {
			slug = schema.Slug(e.prefix + strings.Join(parts, "-"))
		}
		if slug == "" {
			if e.required {
				r.fail(&e.iri[0], "an empty value", "a value to name the "+localName(e.class)+" by (the entity is required)")
			} else {
				r.leftBlank[i]++
			}
			continue
		}
		r.iris[i] = schema.EntityIRI(r.base, e.kind, slug)
	}
	for i, e := range r.m.entities {
		if r.iris[i] == "" {
			continue
		}
		r.made[i]++
		from := len(r.out)
		s := graph.IRI(r.iris[i])
		for _, t := range e.types {
			r.out = append(r.out, graph.Quad{S: s, P: graph.IRI(schema.RDFType), O: graph.IRI(t)})
		}
		for _, p := range e.props {
			r.emit(s, p)
		}
		// An entity met again (an administration named in many rows) is
		// written again only when what the row says of it differs.
		h := r.sum(r.out[from:])
		k := writtenKey{i, r.iris[i]}
		if old, ok := r.written[k]; ok && old == h {
			r.out = r.out[:from]
			continue
		}
		r.written[k] = h
	}
}

// sum hashes statements.
func (r *Reader) sum(qs []graph.Quad) uint64 {
	r.hash.Reset()
	for _, q := range qs {
		r.hash.WriteString(q.P.Value)
		r.hash.WriteByte(0)
		r.hash.WriteString(q.O.Value)
		r.hash.WriteByte(0)
		r.hash.WriteString(q.O.Lang)
		r.hash.WriteString(q.O.Datatype)
		r.hash.WriteByte(byte(q.O.Kind))
	}
	return r.hash.Sum64()
}

// holds reports whether every condition of e holds in the record.
func (r *Reader) holds(e *entity) bool {
	for i := range e.when {
		c := &e.when[i]
		v := normValue(r.first(&c.col))
		if c.notEmpty && v == "" {
			return false
		}
		if c.in != nil && !c.in[v] {
			return false
		}
		if c.notIn != nil && c.notIn[v] {
			return false
		}
	}
	return true
}

// emit writes the statements of one property.
func (r *Reader) emit(s graph.Term, p *prop) {
	pred := graph.IRI(p.pred)
	switch p.src {
	case fromValue, fromConcept:
		r.out = append(r.out, graph.Quad{S: s, P: pred, O: p.value})
		return
	case fromEntity:
		if t := r.iris[p.target]; t != "" {
			r.out = append(r.out, graph.Quad{S: s, P: pred, O: graph.IRI(t)})
		}
		return
	}
	var vals []string
	var where *ref
	if p.src == fromTemplate {
		var b strings.Builder
		any := false
		for _, t := range p.tmpl {
			if t.col == nil {
				b.WriteString(t.text)
				continue
			}
			if v := r.first(t.col); v != "" {
				any = true
				b.WriteString(v)
			}
		}
		if any {
			vals = append(vals, strings.TrimSpace(b.String()))
		}
		where = &ref{column: "template", line: p.line}
		for _, t := range p.tmpl {
			if t.col != nil {
				where = t.col
				break
			}
		}
	} else {
		var bad *Error
		vals, bad = r.values(&p.col, r.propBuf)
		r.propBuf = vals
		if bad != nil {
			r.errs.Add(bad)
			return
		}
		where = &p.col
	}
	if p.split != "" {
		var parts []string
		for _, v := range vals {
			for _, x := range strings.Split(v, p.split) {
				if x = strings.TrimSpace(x); x != "" {
					parts = append(parts, x)
				}
			}
		}
		vals = parts
	}
	if len(vals) == 0 && p.required {
		r.fail(where, "an empty value", "a value for "+localName(p.pred)+" (required = true in the mapping)")
		return
	}
	lang := p.lang
	if p.langCol != nil {
		if l := r.first(p.langCol); l != "" {
			lang = l
		}
	}
	for _, v := range vals {
		o, ok := r.object(p, where, v, lang)
		if ok {
			r.out = append(r.out, graph.Quad{S: s, P: pred, O: o})
		}
	}
}

// object turns one value into the object of a property: recoded, as a
// concept, an IRI or a literal.
func (r *Reader) object(p *prop, where *ref, v, lang string) (graph.Term, bool) {
	if rc := p.recode; rc != nil {
		code, ok := rc.values[normValue(v)]
		key := recodeKey{rc: rc, col: where.column, line: where.line, value: v}
		switch {
		case ok && code == "":
			r.note(r.dropped, key)
			return graph.Term{}, false
		case !ok && rc.def == nil:
			r.note(r.unknown, key)
			return graph.Term{}, false
		case !ok:
			r.note(r.defaulted, key)
			if code = *rc.def; code == "" {
				return graph.Term{}, false
			}
		}
		if rc.scheme != "" {
			return graph.IRI(schema.ConceptIRI(rc.scheme, code)), true
		}
		v = code
	}
	switch {
	case p.iri:
		if !validIRI(v) {
			r.fail(where, strconv.Quote(v), "an absolute IRI such as https://example.org/page (or a recode to one)")
			return graph.Term{}, false
		}
		return graph.IRI(v), true
	case p.datatype != "":
		return graph.Literal(v, p.datatype), true
	case lang != "":
		return graph.LangLiteral(v, lang), true
	}
	return graph.String(v), true
}

func (r *Reader) note(m map[recodeKey]*valueCount, k recodeKey) {
	c := m[k]
	if c == nil {
		c = &valueCount{firstRow: r.row, firstPath: r.jpath}
		m[k] = c
	}
	c.n++
}

// validIRI reports whether v is an absolute IRI with a scheme, without
// characters an IRI cannot hold.
func validIRI(v string) bool {
	if strings.ContainsAny(v, " <>\"{}|\\^`\t\n\r") {
		return false
	}
	u, err := url.Parse(v)
	return err == nil && u.Scheme != "" && (u.Host != "" || u.Opaque != "")
}

// endChecks turns the unknown values of recodes into errors, one per value
// with its count.
func (r *Reader) endChecks() {
	keys := make([]recodeKey, 0, len(r.unknown))
	for k := range r.unknown {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := r.unknown[keys[i]], r.unknown[keys[j]]
		if a.n != b.n {
			return a.n > b.n
		}
		return keys[i].value < keys[j].value
	})
	for _, k := range keys {
		c := r.unknown[k]
		known := make([]string, 0, len(k.rc.values))
		for v := range k.rc.values {
			known = append(known, strconv.Quote(v))
		}
		sort.Strings(known)
		r.errs.Add(&Error{File: r.name, Row: c.firstRow, Path: c.firstPath, Column: k.col, Map: r.m.File, MapLine: k.line,
			Found:    fmt.Sprintf("%q in %s (this is the first)", k.value, plural(c.n, "record", "records")),
			Expected: fmt.Sprintf("a value of [recode.%s] (%s), or a default there (line %d)", k.rc.name, strings.Join(known, ", "), k.rc.line)})
	}
}

// Report lists, one a line, what the mapping left out or recoded by
// default: records whose conditions did not hold, entities without a value
// to name them, and values recoded by default or to nothing. Nothing is
// dropped without a line here.
func (r *Reader) Report() []string {
	var out []string
	unmapped := r.unmapped
	for k := range r.keys {
		if !r.refs[k] {
			unmapped = append(unmapped, k)
		}
	}
	if len(r.keys) > 0 {
		sort.Strings(unmapped)
	}
	if len(unmapped) > 0 {
		quoted := make([]string, len(unmapped))
		for i, u := range unmapped {
			quoted[i] = strconv.Quote(u)
		}
		out = append(out, fmt.Sprintf("%s: %s no rule of %s reads, left out: %s", r.name, plural(len(unmapped), "column", "columns"), r.m.File, strings.Join(quoted, ", ")))
	}
	for i, e := range r.m.entities {
		name := e.id
		if name == "" {
			name = localName(e.class)
		}
		if n := r.leftWhen[i]; n > 0 {
			out = append(out, fmt.Sprintf("%s: entity %s (%s) left out of %s whose when-conditions did not hold (%s:%d)", r.name, name, localName(e.class), plural(n, "record", "records"), r.m.File, e.line))
		}
		if n := r.leftBlank[i]; n > 0 {
			cols := make([]string, len(e.iri))
			for k, c := range e.iri {
				cols[k] = c.column
			}
			out = append(out, fmt.Sprintf("%s: entity %s (%s) left out of %s with no value in %s to name it (%s:%d)", r.name, name, localName(e.class), plural(n, "record", "records"), strings.Join(cols, ", "), r.m.File, e.line))
		}
	}
	list := func(m map[recodeKey]*valueCount, what func(k recodeKey) string) {
		keys := make([]recodeKey, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].col != keys[j].col {
				return keys[i].col < keys[j].col
			}
			return keys[i].value < keys[j].value
		})
		for _, k := range keys {
			out = append(out, fmt.Sprintf("%s: column %q: %q in %s %s (%s:%d)", r.name, k.col, k.value, plural(m[k].n, "record", "records"), what(k), r.m.File, k.line))
		}
	}
	list(r.defaulted, func(k recodeKey) string {
		if *k.rc.def == "" {
			return fmt.Sprintf("is not in [recode.%s]: left out by its default \"\"", k.rc.name)
		}
		return fmt.Sprintf("is not in [recode.%s]: recoded to its default %q", k.rc.name, *k.rc.def)
	})
	list(r.dropped, func(k recodeKey) string {
		return fmt.Sprintf("left out: [recode.%s] maps it to \"\"", k.rc.name)
	})
	return out
}

// Entities returns, per entity id of the mapping, how many records yielded
// it (an entity named in several records counts in each).
func (r *Reader) Entities() map[string]int {
	out := map[string]int{}
	for i, e := range r.m.entities {
		out[e.id] += r.made[i]
	}
	return out
}

// Distinct returns how many distinct entities (IRIs) the reader wrote.
func (r *Reader) Distinct() int {
	seen := map[string]bool{}
	for k := range r.written {
		seen[k.iri] = true
	}
	return len(seen)
}

// jsonKind names the JSON type of a decoded value.
func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%T", v)
}

func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return "'" + t.String() + "'"
	case string:
		return "string " + strconv.Quote(t)
	case nil:
		return "null"
	}
	return fmt.Sprint(tok)
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// plural writes n with the singular or plural noun: "1 record", "2 records".
func plural[N ~int | ~int64](n N, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
