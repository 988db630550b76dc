package ocds

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// Reader reads OCDS JSON and returns its contracting processes as quads
// in the project's ontology; see the package documentation for the
// shapes of input it takes and the mapping. It is not safe for concurrent
// use.
type Reader struct {
	// GovernmentLevel is the concept IRI (such as [schema.LevelLocal]) of
	// the level of government given to a buyer whose level neither a buyer
	// legal type code nor its name tells. The zero value leaves the level
	// out, and the shapes then report such administrations. Set it before
	// the first Read.
	GovernmentLevel string

	name    string
	src     *source
	dec     *json.Decoder
	decBase int64 // the source offset of the decoder's offset 0: a new decoder starts after a syntax error
	m       mapper

	next    int           // the next quad of m.out to return
	errs    problems.List // the problems found so far
	err     error         // sticky: the error Read returned at the end, or io.EOF
	records int

	// The top-level value being read, for the recovery from a syntax
	// error in JSON Lines input (see recover).
	top       int64 // its offset
	topLine   int   // its line
	topAtLine bool  // it starts a line
	jsonLines bool  // the input is JSON Lines: its name says so, or a top-level value took one line

	state  readState
	obj    *object
	arrKey string            // "releases" or "records" while reading such an array of obj
	idx    int               // index of the next element of the array being read
	run    *unit             // releases of one ocid, not yet mapped
	done   map[string]string // slug of each ocid mapped → the ocid
}

// readState says where the reader is in the JSON.
type readState uint8

const (
	atTop      readState = iota // between top-level values
	inObject                    // in a top-level object, before a key or its end
	inArray                     // in the releases or records array of a top-level object
	inTopArray                  // in a top-level array
	atEOF
)

// object is what the reader keeps of a top-level object while it reads
// it: the fields of a bare release or record, and which package arrays
// it had.
type object struct {
	at       loc // its opening brace
	rel      release
	keys     map[string]*loc // lower-case release key → where its value is
	content  bool            // a release field other than ocid
	ocid     bool
	record   bool // compiledRelease or versionedRelease
	releases bool
	records  bool
	compiled *release
	bad      bool // a problem was found in it: it is not mapped
}

// NewReader returns a Reader that reads OCDS JSON from r. name is used in
// errors and may be "". base is the base IRI of the entities it mints
// ([schema.EntityIRI]); "" means [schema.DefaultBase].
func NewReader(r io.Reader, name string, base string) *Reader {
	if base == "" {
		base = schema.DefaultBase
	}
	src := newSource(r)
	lower := strings.ToLower(name)
	return &Reader{
		name:      name,
		src:       src,
		dec:       json.NewDecoder(src),
		m:         mapper{base: base, actors: map[string]uint8{}, concepts: map[string]bool{}},
		done:      map[string]string{},
		jsonLines: strings.HasSuffix(lower, ".jsonl") || strings.HasSuffix(lower, ".ndjson") || strings.HasSuffix(lower, ".jsonlines"),
	}
}

// Read returns the next quad, with a zero graph (the caller sets it), or
// io.EOF after the last. The quads of a contracting process come together,
// once the reader has seen all of its releases. A release or record that
// cannot be mapped is left out and its problem kept, as an [*Error]
// wrapping [ErrInvalid], and Read goes on with the next; at the end it
// returns the problems instead of io.EOF: the lone *Error when there was
// one, else a list of them (see the package doc). A JSON syntax error
// ends the input, except in JSON Lines, where Read goes on at the next
// line. An error from the underlying reader is returned wrapped, with
// the problems found before it. Once Read has returned an error it
// returns it again on every call.
func (r *Reader) Read() (graph.Quad, error) {
	for r.next >= len(r.m.out) {
		if r.err != nil {
			return graph.Quad{}, r.err
		}
		r.m.out, r.next = r.m.out[:0], 0
		if err := r.step(); err != nil {
			r.err = r.finalError(err)
		}
	}
	q := r.m.out[r.next]
	r.next++
	return q, nil
}

// Records returns how many releases and records the reader has read so
// far: one for each element of a releases or records array or of a
// top-level array, and one for each bare release or record.
func (r *Reader) Records() int { return r.records }

// BytesRead returns how many bytes the reader has read from its input.
// The JSON decoder reads ahead, so this runs ahead of the quads returned.
func (r *Reader) BytesRead() int64 { return r.src.read }

// step reads until it has quads to return, the end of the input (io.EOF)
// or an error it cannot go on after; it recovers from the others.
func (r *Reader) step() error {
	for len(r.m.out) == 0 {
		var err error
		switch r.state {
		case atTop:
			err = r.stepTop()
		case inObject:
			err = r.stepObject()
		case inArray:
			err = r.stepArray()
		case inTopArray:
			err = r.stepTopArray()
		default:
			return io.EOF
		}
		if err != nil {
			if err = r.recover(err); err != nil {
				return err
			}
		}
	}
	return nil
}

// offset returns the decoder's input offset in source coordinates.
func (r *Reader) offset() int64 { return r.decBase + r.dec.InputOffset() }

func (r *Reader) stepTop() error {
	before := r.offset()
	tok, err := r.token(true)
	if err == io.EOF {
		r.state = atEOF
		r.flush()
		return nil
	}
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		line, col := r.src.advance(r.offset() - 1)
		r.startTop(r.offset() - 1)
		r.obj = &object{at: loc{line: line, col: col}, keys: map[string]*loc{}}
		r.state = inObject
	case json.Delim('['):
		r.startTop(r.offset() - 1)
		r.state, r.idx = inTopArray, 0
	default:
		line, col := r.src.pos(r.valueStart(before))
		return &Error{File: r.name, Line: line, Col: col, Found: describeToken(tok),
			Expected: "a JSON object or array (an OCDS release, record or package)"}
	}
	return nil
}

func (r *Reader) stepObject() error {
	o := r.obj
	if !r.dec.More() {
		if _, err := r.token(false); err != nil {
			return err
		}
		r.endTop()
		r.state, r.obj = atTop, nil
		return r.finishObject(o)
	}
	tok, err := r.token(false)
	if err != nil {
		return err
	}
	key, _ := tok.(string)
	lk := strings.ToLower(key)
	switch lk {
	case "releases", "records":
		before := r.offset()
		tok, err := r.token(false)
		if err != nil {
			return err
		}
		switch tok {
		case nil:
			return nil
		case json.Delim('['):
		default:
			line, col := r.src.pos(r.valueStart(before))
			e := &Error{File: r.name, Path: key, Line: line, Col: col, Found: describeToken(tok), Expected: "an array"}
			if tok == json.Delim('{') {
				if err := r.skipRest(); err != nil {
					return err
				}
			}
			return e
		}
		if lk == "releases" {
			o.releases = true
		} else {
			o.records = true
		}
		r.state, r.arrKey, r.idx = inArray, lk, 0
		return nil
	case "compiledrelease":
		raw, l, err := r.decodeRaw(key)
		if err != nil {
			return err
		}
		rel, err := r.decodeRelease(raw, l)
		if err != nil {
			return err
		}
		if fe := rel.check(); fe != nil {
			return r.errAt(l, fe)
		}
		o.compiled, o.record = rel, true
		return nil
	case "versionedrelease":
		o.record = true
	}
	field := o.rel.field(lk)
	if field == nil {
		return r.skip()
	}
	raw, l, err := r.decodeRaw(key)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(raw, field); err != nil {
		return r.typeError(l, raw, err)
	}
	o.keys[lk] = l
	if lk == "ocid" {
		o.ocid = true
	} else {
		o.content = true
	}
	return nil
}

func (r *Reader) stepArray() error {
	if !r.dec.More() {
		if _, err := r.token(false); err != nil {
			return err
		}
		r.state = inObject
		return nil
	}
	prefix := r.arrKey + "[" + strconv.Itoa(r.idx) + "]"
	r.idx++
	raw, l, err := r.decodeRaw(prefix)
	if err != nil {
		return err
	}
	r.records++
	if r.arrKey == "records" {
		return r.addRecord(raw, l)
	}
	rel, err := r.decodeRelease(raw, l)
	if err != nil {
		return err
	}
	return r.addRelease(rel, raw, l, r.errFunc(l))
}

func (r *Reader) stepTopArray() error {
	if !r.dec.More() {
		if _, err := r.token(false); err != nil {
			return err
		}
		r.endTop()
		r.state = atTop
		return nil
	}
	prefix := "[" + strconv.Itoa(r.idx) + "]"
	r.idx++
	raw, l, err := r.decodeRaw(prefix)
	if err != nil {
		return err
	}
	r.records++
	var probe struct {
		Releases        json.RawMessage `json:"releases"`
		Records         json.RawMessage `json:"records"`
		CompiledRelease json.RawMessage `json:"compiledRelease"`
		OCID            json.RawMessage `json:"ocid"`
	}
	if len(raw) > 0 && raw[0] == '{' && (bytes.Contains(raw, []byte(`"re`)) || bytes.Contains(raw, []byte(`"compiled`))) {
		_ = json.Unmarshal(raw, &probe)
	}
	has := func(v json.RawMessage) bool { return len(v) > 0 && string(v) != "null" }
	switch {
	case has(probe.CompiledRelease) || has(probe.Releases) && has(probe.OCID):
		return r.addRecord(raw, l)
	case has(probe.Releases) || has(probe.Records):
		return r.errAt(l, &fieldError{found: "a package", expected: "a release or a record (a package cannot be inside an array)"})
	}
	rel, err := r.decodeRelease(raw, l)
	if err != nil {
		return err
	}
	return r.addRelease(rel, raw, l, r.errFunc(l))
}

// errFunc returns a function that turns a problem in the value at l into
// an [*Error].
func (r *Reader) errFunc(l *loc) func(*fieldError) *Error {
	return func(fe *fieldError) *Error { return r.errAt(l, fe) }
}

// finishObject maps a top-level object once it is read: a bare release,
// or the end of a bare record. A package's arrays were mapped as they were
// read; the last process of a release package stays pending, as the next
// top-level value may go on with it.
func (r *Reader) finishObject(o *object) error {
	switch {
	case o.bad:
		return nil // its problem is reported
	case o.records:
		return nil
	case o.releases && (o.ocid || o.record):
		r.records++
		return r.finishRecord(o)
	case o.releases:
		return nil
	case o.content || o.ocid:
		r.records++
		if fe := o.rel.check(); fe != nil {
			return r.errInObject(o, fe)
		}
		var buf bytes.Buffer
		buf.WriteByte('{')
		for k, l := range o.keys {
			if buf.Len() > 1 {
				buf.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			buf.Write(kb)
			buf.WriteByte(':')
			buf.Write(l.raw)
		}
		buf.WriteByte('}')
		return r.addRelease(&o.rel, buf.Bytes(), &o.at, func(fe *fieldError) *Error { return r.errInObject(o, fe) })
	case o.record:
		r.records++
		return r.finishRecord(o)
	}
	return &Error{File: r.name, Line: o.at.line, Col: o.at.col, Found: "an object with no ocid, releases or records",
		Expected: "an OCDS release, record, release package or record package"}
}

// finishRecord maps a bare record: its releases are the pending run.
func (r *Reader) finishRecord(o *object) error {
	ocid := text(o.rel.OCID)
	if o.compiled != nil && ocid == "" {
		ocid = text(o.compiled.OCID)
	}
	u := r.run
	if u != nil && u.ocid != "" && ocid != "" && u.ocid != ocid {
		// The pending releases are another process's.
		r.flush()
		u = nil
	}
	if u == nil {
		u = &unit{at: &o.at}
	}
	r.run = nil
	if ocid == "" {
		ocid = u.ocid
	}
	if ocid == "" {
		return r.errInObject(o, &fieldError{path: "ocid", found: "no ocid", expected: "the record's ocid, a non-empty string"})
	}
	u.ocid = ocid
	if o.compiled != nil {
		u.compiled = o.compiled
		u.ev.addRelease(o.compiled)
	}
	if fe := r.mappedBefore(ocid, "one record per ocid"); fe != nil {
		return r.errInObject(o, fe)
	}
	r.run = u
	r.flush()
	return nil
}

// addRecord maps one element of a record package or of a top-level array.
func (r *Reader) addRecord(raw []byte, l *loc) error {
	var rec struct {
		OCID            string            `json:"ocid"`
		Releases        []json.RawMessage `json:"releases"`
		CompiledRelease json.RawMessage   `json:"compiledRelease"`
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		return r.typeError(l, raw, err)
	}
	r.flush()
	u := &unit{ocid: text(rec.OCID), at: l}
	if c := bytes.TrimSpace(rec.CompiledRelease); len(c) > 0 && string(c) != "null" {
		cl := &loc{raw: c, prefix: joinPath(l.prefix, "compiledRelease"), parent: l, inParent: "compiledRelease"}
		rel, err := r.decodeRelease(c, cl)
		if err != nil {
			return err
		}
		if fe := rel.check(); fe != nil {
			return r.errAt(cl, fe)
		}
		if u.ocid == "" {
			u.ocid = text(rel.OCID)
		}
		u.compiled = rel
		u.ev.addRelease(rel)
	}
	for j, rr := range rec.Releases {
		in := "releases[" + strconv.Itoa(j) + "]"
		rl := &loc{raw: rr, prefix: joinPath(l.prefix, in), parent: l, inParent: in}
		rel, err := r.decodeRelease(rr, rl)
		if err != nil {
			return err
		}
		if fe := rel.check(); fe != nil {
			return r.errAt(rl, fe)
		}
		u.ev.addRelease(rel)
		if rel.linked() || u.compiled != nil {
			continue
		}
		if text(rel.OCID) == "" {
			rel.OCID = u.ocid
		}
		if u.ocid == "" {
			u.ocid = text(rel.OCID)
		}
		u.rels = append(u.rels, rel)
		u.raws = append(u.raws, rr)
	}
	if u.ocid == "" {
		return r.errAt(l, &fieldError{path: "ocid", found: "no ocid", expected: "the record's ocid, a non-empty string"})
	}
	if fe := r.mappedBefore(u.ocid, "one record per ocid"); fe != nil {
		return r.errAt(l, fe)
	}
	if u.compiled == nil && len(u.rels) == 0 {
		return r.errAt(l, &fieldError{path: "releases", found: "only linked releases and no compiledRelease",
			expected: "a compiledRelease or embedded releases"})
	}
	r.run = u
	r.flush()
	return nil
}

// addRelease adds a release to the pending run of releases of one ocid,
// mapping the run before when the ocid changes. l is where the release
// is, for errors found later; errf makes errors found now.
func (r *Reader) addRelease(rel *release, raw []byte, l *loc, errf func(*fieldError) *Error) error {
	if fe := rel.check(); fe != nil {
		return errf(fe)
	}
	if rel.linked() {
		if r.run == nil {
			r.run = &unit{at: l}
		}
		if r.run.linkedAt == nil {
			r.run.linkedAt = l
		}
		r.run.ev.addRelease(rel)
		return nil
	}
	ocid := text(rel.OCID)
	if ocid == "" {
		return errf(&fieldError{path: "ocid", found: "no ocid", expected: "the release's ocid, a non-empty string"})
	}
	if schema.Slug(ocid) == "" {
		return errf(&fieldError{path: "ocid", found: "string " + quote(ocid), expected: "an ocid with letters or digits"})
	}
	r.flushIfOther(ocid)
	if r.run == nil || r.run.ocid == "" {
		if fe := r.mappedBefore(ocid, "the releases of one ocid next to each other (sort them by ocid, or give a record package)"); fe != nil {
			r.run = nil // linked releases before it go with it
			return errf(fe)
		}
	}
	if r.run == nil {
		r.run = &unit{at: l}
	}
	r.run.ocid = ocid
	r.run.rels = append(r.run.rels, rel)
	r.run.raws = append(r.run.raws, raw)
	r.run.ev.addRelease(rel)
	return nil
}

// mappedBefore returns a problem when a process with this ocid, or with
// one that makes the same procurement IRI, was mapped before.
func (r *Reader) mappedBefore(ocid, expected string) *fieldError {
	prev, ok := r.done[schema.Slug(ocid)]
	switch {
	case !ok:
		return nil
	case prev == ocid:
		return &fieldError{path: "ocid", found: "string " + quote(ocid) + " again, after other ocids", expected: expected}
	}
	return &fieldError{path: "ocid", found: "string " + quote(ocid) + ", which names the same procurement as the earlier ocid " + quote(prev),
		expected: "ocids that differ in more than case and punctuation"}
}

// flushIfOther maps the pending run if it is of another ocid than ocid
// ("" for any).
func (r *Reader) flushIfOther(ocid string) {
	if r.run != nil && r.run.ocid != "" && r.run.ocid != ocid {
		r.flush()
	}
}

// flush maps the pending run, if any. A run that cannot be mapped is
// dropped and its problem kept: it is not the problem of the release
// being read when the run ends.
func (r *Reader) flush() {
	u := r.run
	if u == nil {
		return
	}
	r.run = nil
	rel, fe := u.content()
	if fe != nil {
		at := u.at
		if len(u.rels) == 0 && u.linkedAt != nil {
			at = u.linkedAt
		}
		r.errs.Add(r.errAt(at, fe))
		return
	}
	r.done[schema.Slug(u.ocid)] = u.ocid
	r.m.procurement(u.ocid, rel, &u.ev, r.GovernmentLevel)
}

// loc says where a decoded JSON value is: its text, its path from the
// top of its top-level value, and the line and column of its first byte,
// or, for a value cut from another one, its parent and its path there.
type loc struct {
	raw       []byte
	prefix    string
	line, col int
	parent    *loc
	inParent  string
}

// position returns the line and column of raw[off].
func (l *loc) position(off int) (int, int) {
	line, col := l.line, l.col
	if l.parent != nil {
		line, col = l.parent.position(locate(l.parent.raw, l.inParent))
	}
	if line == 0 {
		return 0, 0
	}
	off = min(max(off, 0), len(l.raw))
	return movePos(line, col, l.raw[:off])
}

// errAt turns a problem in the value at l into an [*Error].
func (r *Reader) errAt(l *loc, fe *fieldError) *Error {
	line, col := l.position(locate(l.raw, fe.path))
	return &Error{File: r.name, Path: joinPath(l.prefix, fe.path), Line: line, Col: col, Found: fe.found, Expected: fe.expected}
}

// errInObject turns a problem in a bare release or record, whose fields
// were read one by one, into an [*Error].
func (r *Reader) errInObject(o *object, fe *fieldError) *Error {
	key, rest := fe.path, ""
	if i := strings.IndexAny(key, ".["); i >= 0 {
		key, rest = key[:i], strings.TrimPrefix(key[i:], ".")
	}
	if l, ok := o.keys[strings.ToLower(key)]; ok {
		return r.errAt(l, &fieldError{path: rest, found: fe.found, expected: fe.expected})
	}
	e := r.errAt(&o.at, &fieldError{found: fe.found, expected: fe.expected})
	e.Path = fe.path
	return e
}

// decodeRaw decodes the next value as raw JSON, checks that it is UTF-8,
// and drops the input before it.
func (r *Reader) decodeRaw(prefix string) ([]byte, *loc, error) {
	before := r.offset()
	var raw json.RawMessage
	if err := r.dec.Decode(&raw); err != nil {
		return nil, nil, r.jsonError(err, before, false)
	}
	start := r.offset() - int64(len(raw))
	line, col := r.src.advance(start)
	l := &loc{raw: raw, prefix: prefix, line: line, col: col}
	if !utf8.Valid(raw) {
		off := 0
		for off < len(raw) {
			ru, size := utf8.DecodeRune(raw[off:])
			if ru == utf8.RuneError && size == 1 {
				break
			}
			off += size
		}
		path, _, _ := pathAt(raw, off+1)
		line, col := l.position(off)
		return nil, nil, &Error{File: r.name, Path: joinPath(prefix, path), Line: line, Col: col,
			Found:    fmt.Sprintf("byte 0x%02X, which is not UTF-8", raw[off]),
			Expected: "UTF-8 text (convert the file, for example from ISO-8859-1, first)"}
	}
	return raw, l, nil
}

// decodeRelease decodes a release.
func (r *Reader) decodeRelease(raw []byte, l *loc) (*release, error) {
	rel := new(release)
	if err := json.Unmarshal(raw, rel); err != nil {
		return nil, r.typeError(l, raw, err)
	}
	return rel, nil
}

// skipValue decodes any JSON value without keeping it.
type skipValue struct{}

// UnmarshalJSON implements json.Unmarshaler.
func (skipValue) UnmarshalJSON([]byte) error { return nil }

// skip reads past the next value.
func (r *Reader) skip() error {
	before := r.offset()
	r.src.advance(before)
	if err := r.dec.Decode(&skipValue{}); err != nil {
		return r.jsonError(err, before, false)
	}
	return nil
}

// token reads the next token; top says whether the end of the input is
// allowed there.
func (r *Reader) token(top bool) (json.Token, error) {
	before := r.offset()
	tok, err := r.dec.Token()
	if err != nil {
		return nil, r.jsonError(err, before, top)
	}
	return tok, nil
}

// jsonError turns an error of the JSON decoder, which started reading at
// offset before, into a [*decodeError], or wraps an error of the
// underlying reader.
func (r *Reader) jsonError(err error, before int64, top bool) error {
	if errors.Is(err, errEncoding) && r.src.encErr != nil {
		e := *r.src.encErr
		e.File = r.name
		return &decodeError{err: &e}
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		// Token decodes a number into a float64, which 1e700 overflows;
		// an OCDS document has no number where the reader calls Token.
		at := r.valueStart(before)
		line, col := r.src.pos(at)
		lit := r.src.tail(at)
		if i := bytes.IndexAny(lit, ",:]} \t\r\n"); i >= 0 {
			lit = lit[:i]
		}
		return &decodeError{err: &Error{File: r.name, Line: line, Col: col, Found: describe(lit), Expected: "a JSON object or array"},
			at: at, from: before, resync: true}
	case err == io.EOF && top:
		return io.EOF
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		line, col := r.src.pos(r.src.end())
		return &decodeError{err: &Error{File: r.name, Line: line, Col: col, Found: "end of input", Expected: "the rest of the JSON value"},
			at: r.src.end(), from: before}
	case errors.As(err, &se):
		at := r.syntaxErrorOffset(se, before)
		line, col := r.src.pos(at)
		found, expected := "end of input", "valid JSON"
		if b := r.src.tail(at); len(b) > 0 {
			ru, _ := utf8.DecodeRune(b)
			found = strconv.QuoteRune(ru)
		}
		msg := se.Error()
		if _, rest, ok := strings.Cut(msg, "' "); ok && strings.HasPrefix(msg, "invalid character '") {
			found += " " + rest
		} else if rest, ok := strings.CutPrefix(msg, "expected "); ok {
			expected = "valid JSON: " + rest
		}
		return &decodeError{err: &Error{File: r.name, Line: line, Col: col, Found: found, Expected: expected},
			at: at, from: before, resync: true}
	}
	return fmt.Errorf("ocds: read %s: %w", r.name, err)
}

// valueStart returns the offset of the first byte after at that is not
// white space, a comma or a colon: where the value read from at starts.
func (r *Reader) valueStart(at int64) int64 {
	b := r.src.tail(at)
	i := 0
	for i < len(b) && strings.IndexByte(" \t\r\n,:", b[i]) >= 0 {
		i++
	}
	return at + int64(i)
}

// syntaxErrorOffset finds where a syntax error is. The decoder's offsets
// are exact for errors between tokens but count only the bytes its value
// scanner saw for errors inside a value, so the value is scanned again
// on its own, from where the failed call started.
func (r *Reader) syntaxErrorOffset(se *json.SyntaxError, before int64) int64 {
	data := r.src.tail(before)
	i := 0
	skipSpace := func() {
		for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n') {
			i++
		}
	}
	skipSpace()
	if i < len(data) && (data[i] == ',' || data[i] == ':') {
		i++
		skipSpace()
	}
	var v skipValue
	if err := json.NewDecoder(bytes.NewReader(data[i:])).Decode(&v); err != nil {
		var se2 *json.SyntaxError
		if errors.As(err, &se2) {
			return before + int64(i) + max(se2.Offset-1, 0)
		}
		return r.src.end()
	}
	if off := r.decBase + se.Offset; off >= before && off <= r.src.end() {
		return off
	}
	return before + int64(i)
}

// typeError turns an error from decoding raw into an [*Error].
func (r *Reader) typeError(l *loc, raw []byte, err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return r.errAt(l, &fieldError{found: err.Error(), expected: "a value that can be decoded"})
	}
	path, start, end := pathAt(raw, int(te.Offset))
	line, col := l.position(start)
	return &Error{File: r.name, Path: joinPath(l.prefix, path), Line: line, Col: col,
		Found: describe(raw[start:end]), Expected: jsonKind(te.Type)}
}

// jsonKind names the JSON value a Go type is decoded from.
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int64, reflect.Float64:
		return "a number"
	}
	return "a value of type " + t.String()
}

// describeToken names a JSON token for Error.Found.
func describeToken(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return strconv.QuoteRune(rune(t))
	case string:
		return "string " + quote(t)
	case float64:
		return "number " + strconv.FormatFloat(t, 'g', -1, 64)
	case bool:
		return strconv.FormatBool(t)
	case nil:
		return "null"
	}
	return fmt.Sprint(tok)
}

// field returns a pointer to the field of r that a top-level key fills,
// or nil for keys the mapping does not read.
func (r *release) field(key string) any {
	switch key {
	case "ocid":
		return &r.OCID
	case "date":
		return &r.Date
	case "tag":
		return &r.Tag
	case "language":
		return &r.Language
	case "url":
		return &r.URL
	case "buyer":
		return &r.Buyer
	case "parties":
		return &r.Parties
	case "planning":
		return &r.Planning
	case "tender":
		return &r.Tender
	case "awards":
		return &r.Awards
	case "contracts":
		return &r.Contracts
	}
	return nil
}
