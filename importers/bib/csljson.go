package bib

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"civicgraph/importers/citation"
)

// tracker sits between the input and the JSON decoder. It keeps the bytes
// the decoder has read but the CSL-JSON decoder has not yet passed, so
// that it can turn the decoder's offsets into lines and columns and cut an
// item's text out for Citation.Raw. Bytes before both the position counted
// and the start of the current item are dropped, so memory is bounded by
// the size of one item plus the decoder's read-ahead.
type tracker struct {
	r    io.Reader
	buf  []byte // input from offset base
	base int64
	keep int64 // bytes from keep on are kept, for Raw

	at        int64 // offset up to which line and col are counted
	line, col int   // position of the byte at offset at
	cr        bool  // the byte before at is a CR
	bom       bool  // a byte order mark was skipped
	total     int64 // bytes read, after the byte order mark
}

func (t *tracker) Read(p []byte) (int, error) {
	if t.total-t.keep > maxEntrySize {
		return 0, errTooBig
	}
	n, err := t.r.Read(p)
	t.buf = append(t.buf, p[:n]...)
	t.total += int64(n)
	if err == nil && t.total-t.keep > maxEntrySize {
		err = errTooBig
	}
	return n, err
}

// byteAt returns the input byte at offset off, or -1 when the decoder has
// not read it.
func (t *tracker) byteAt(off int64) int {
	i := off - t.base
	if i < 0 || i >= int64(len(t.buf)) {
		return -1
	}
	return int(t.buf[i])
}

// tokenStart returns the offset of the first byte at or after off that is
// not white space or a separator: where the token read after off starts.
func (t *tracker) tokenStart(off int64) int64 {
	for {
		switch t.byteAt(off) {
		case ' ', '\t', '\n', '\r', ',', ':':
			off++
		default:
			return off
		}
	}
}

// position returns the line and column of offset off, counting lines up to
// it. Offsets must not go back; an earlier one gets the last position.
func (t *tracker) position(off int64) (line, col int) {
	for t.at < off {
		c := t.byteAt(t.at)
		if c < 0 {
			break
		}
		switch c {
		case '\r':
			t.line++
			t.col = 1
			t.cr = true
		case '\n':
			if !t.cr {
				t.line++
			}
			t.col = 1
			t.cr = false
		default:
			t.col++
			t.cr = false
		}
		t.at++
	}
	t.trim()
	return t.line, t.col
}

// trim drops the bytes that are neither to be counted nor kept.
func (t *tracker) trim() {
	cut := min(t.at, t.keep) - t.base
	if cut < 32<<10 || cut > int64(len(t.buf)) {
		return
	}
	n := copy(t.buf, t.buf[cut:])
	t.buf = t.buf[:n]
	t.base += cut
}

// text returns the input from offset from to offset to.
func (t *tracker) text(from, to int64) string {
	i, j := from-t.base, min(to-t.base, int64(len(t.buf)))
	if i < 0 || i > j {
		return ""
	}
	return string(t.buf[i:j])
}

// errTooBig is returned by tracker.Read when the current item passes
// maxEntrySize.
var errTooBig = errors.New("bib: entry too big")

// cslDecoder reads CSL-JSON items one at a time from the token stream of
// encoding/json: a top-level array of item objects, or a single item
// object.
type cslDecoder struct {
	dec  *json.Decoder
	t    *tracker
	name string

	state int  // cslStart, cslArray, cslAfter, cslEnd
	index int  // index of the next item in the array
	done  bool // the input has been read to its end
	err   error

	// depth is how many arrays and objects are open.
	depth int
	// broken is set when the token stream fails (malformed JSON, the end
	// of the input, an item too big, a read error): nothing can be read
	// after that.
	broken bool
	// resync is set after an item with a bad field: the next decode first
	// reads the rest of the item (up to depth resyncTo), at path.
	resync   bool
	resyncTo int
	path     string
}

const (
	cslStart = iota // before the top-level value
	cslArray        // inside the top-level array
	cslAfter        // after a top-level item object
	cslEnd          // after the top-level value
)

func newCSLDecoder(r io.Reader, name string) *cslDecoder {
	br := bufio.NewReaderSize(r, 64<<10)
	t := &tracker{r: br, line: 1, col: 1}
	if b, _ := br.Peek(3); string(b) == "\ufeff" {
		br.Discard(3)
		t.bom = true
	}
	dec := json.NewDecoder(t)
	dec.UseNumber()
	return &cslDecoder{dec: dec, t: t, name: name}
}

func (d *cslDecoder) lineNo() int {
	l, _ := d.t.position(d.dec.InputOffset())
	return l
}

func (d *cslDecoder) offset() int64 {
	n := d.dec.InputOffset()
	if d.done {
		// The white space after the top-level value is read too.
		n = d.t.total
	}
	if d.t.bom {
		n += 3
	}
	return n
}

// maxCSLDepth is how deeply arrays and objects may nest in CSL-JSON, whose
// items nest a few levels (item, names or date, date-parts).
const maxCSLDepth = 64

// token is a JSON token and the offset it starts at.
type token struct {
	v     json.Token
	start int64
}

// token reads the next token. At the end of the input it returns io.EOF;
// malformed JSON is a ParseError at path.
func (d *cslDecoder) token(path string) (token, error) {
	before := d.dec.InputOffset()
	v, err := d.dec.Token()
	if err == nil {
		switch v {
		case json.Delim('{'), json.Delim('['):
			d.depth++
			if d.depth > maxCSLDepth {
				// CSL-JSON nests a few levels; deeper input only
				// costs memory (issue 14).
				d.broken = true
				at := d.t.tokenStart(before)
				return token{}, d.errorAt(at, path, quoteExcerpt(d.t.text(at, at+24)), fmt.Sprintf("arrays and objects nested at most %d deep", maxCSLDepth))
			}
		case json.Delim('}'), json.Delim(']'):
			d.depth--
		}
		return token{v: v, start: d.t.tokenStart(before)}, nil
	}
	d.broken = true
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		// The decoder says ErrUnexpectedEOF for a value cut short ("\"abc").
		return token{start: d.t.tokenStart(before)}, io.EOF
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		at := d.t.tokenStart(max(before, se.Offset))
		found := endOfInput
		if c := d.t.byteAt(at); c >= 0 {
			found = quoteExcerpt(d.t.text(at, at+24))
		}
		return token{}, d.errorAt(at, path, found, "valid JSON ("+se.Error()+")")
	}
	if errors.Is(err, errTooBig) {
		at := d.t.keep
		return token{}, d.errorAt(at, path, quoteExcerpt(d.t.text(at, at+24)), tooBigExpected)
	}
	return token{}, fmt.Errorf("bib: read %s: %w", d.name, err)
}

// errorAt returns a ParseError at offset off.
func (d *cslDecoder) errorAt(off int64, path, found, expected string) error {
	line, col := d.t.position(off)
	return &ParseError{File: d.name, Line: line, Col: col, Path: path, Found: found, Expected: expected}
}

// unexpected returns a ParseError for token tok where expected was wanted,
// and one for the end of the input when err is io.EOF.
func (d *cslDecoder) unexpected(tok token, err error, path, expected string) error {
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	found := endOfInput
	if err == nil {
		found = describe(tok.v)
	}
	return d.errorAt(tok.start, path, found, expected)
}

// describe returns a JSON token as ParseError.Found shows it.
func describe(v json.Token) string {
	switch v := v.(type) {
	case json.Delim:
		switch v {
		case '{':
			return "an object"
		case '[':
			return "an array"
		}
		return "'" + v.String() + "'"
	case string:
		return quoteExcerpt(v)
	case json.Number:
		return v.String()
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	}
	return fmt.Sprint(v)
}

// decode returns the next item. After an item with a bad field (or an
// array element that is not an item) it goes on with the next item; after
// malformed JSON, or the end of the input inside the top-level value,
// nothing more can be read and it returns io.EOF.
func (d *cslDecoder) decode() (*entry, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.resync {
		d.resync = false
		if err := d.skipTo(d.resyncTo); err != nil {
			return nil, d.fail(err)
		}
	}
	e, err := d.next()
	switch {
	case err == nil:
		return e, nil
	case errors.Is(err, io.EOF):
		d.err = io.EOF
		return nil, err
	case d.broken:
		return nil, d.fail(err)
	}
	d.resync = true
	return nil, err
}

// fail makes err the last error: after it decode returns io.EOF, or err
// itself when it is not a syntax error.
func (d *cslDecoder) fail(err error) error {
	d.err = io.EOF
	var pe *ParseError
	if !errors.As(err, &pe) {
		d.err = err
	}
	return err
}

// skipTo reads tokens until only depth arrays and objects are open: the
// rest of an item with a bad field.
func (d *cslDecoder) skipTo(depth int) error {
	for d.depth > depth {
		tok, err := d.token(d.path)
		if err != nil {
			return d.unexpected(tok, err, d.path, "'}' to close the item")
		}
	}
	d.t.keep = d.dec.InputOffset()
	return nil
}

func (d *cslDecoder) next() (*entry, error) {
	switch d.state {
	case cslStart:
		tok, err := d.token("")
		if err != nil || tok.v != json.Delim('[') && tok.v != json.Delim('{') {
			d.broken = true
			return nil, d.unexpected(tok, err, "", "an array of CSL-JSON items")
		}
		if tok.v == json.Delim('{') {
			d.state, d.resyncTo, d.path = cslAfter, 0, ""
			return d.item(tok, "")
		}
		d.state = cslArray
		return d.next()
	case cslArray:
		path := "[" + strconv.Itoa(d.index) + "]"
		d.resyncTo, d.path = 1, path
		tok, err := d.token(path)
		if err != nil {
			return nil, d.unexpected(tok, err, path, "a CSL-JSON item (an object) or ']'")
		}
		if tok.v == json.Delim(']') {
			d.state = cslEnd
			if err := d.end(); err != nil {
				return nil, err
			}
			return nil, io.EOF
		}
		d.index++
		if tok.v != json.Delim('{') {
			return nil, d.unexpected(tok, nil, path, "a CSL-JSON item (an object)")
		}
		return d.item(tok, path)
	case cslAfter:
		d.state = cslEnd
		if err := d.end(); err != nil {
			return nil, err
		}
	}
	return nil, io.EOF
}

// end checks that nothing but white space follows the top-level value.
func (d *cslDecoder) end() error {
	tok, err := d.token("")
	if errors.Is(err, io.EOF) {
		d.done = true
		return nil
	}
	if err != nil {
		return err
	}
	d.broken = true
	return d.errorAt(tok.start, "", describe(tok.v), "end of input after the top-level value")
}

// cslTypes maps CSL item types to citation types; see the package
// documentation. It is a read-only table.
var cslTypes = typeTable(map[citation.Type]string{
	citation.TypeArticle:      "article-journal,article-magazine,article-newspaper,article,review,review-book,periodical",
	citation.TypeBook:         "book,thesis,classic,collection",
	citation.TypeChapter:      "chapter,entry,entry-dictionary,entry-encyclopedia",
	citation.TypeReport:       "report,legislation,legal_case,bill,regulation,standard,patent,document,dataset,software,map",
	citation.TypePaper:        "paper-conference,speech,event,presentation",
	citation.TypeWebPage:      "webpage,post-weblog,post",
	citation.TypeWorkingPaper: "manuscript",
})

// item reads the rest of an item object, whose '{' is open.
func (d *cslDecoder) item(open token, path string) (*entry, error) {
	line, _ := d.t.position(open.start)
	d.t.keep = open.start
	e := &entry{line: line}
	var (
		typ      string
		hasType  bool
		editors  []citation.Person
		strField = map[string]*string{
			"title": &e.title, "container-title": &e.container, "collection-title": &e.series,
			"collection-number": &e.number, "number": &e.number, "volume": &e.volume, "issue": &e.issue,
			"page": &e.pages, "chapter-number": &e.chapter, "edition": &e.edition,
			"publisher-place": &e.place, "url": &e.url, "doi": &e.doi, "language": &e.language,
			"year-suffix": &e.yearSuffix,
		}
		publisher, note, pageFirst string
	)
	dot := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	for {
		tok, err := d.token(path)
		if err != nil {
			return nil, d.unexpected(tok, err, path, "a field name or '}' to close the item")
		}
		if tok.v == json.Delim('}') {
			if d.dec.InputOffset()-open.start > maxEntrySize {
				// The item came in one read, past the check in tracker.Read.
				return nil, d.errorAt(open.start, path, quoteExcerpt(d.t.text(open.start, open.start+24)), tooBigExpected)
			}
			e.raw = d.t.text(open.start, d.dec.InputOffset())
			d.t.keep = d.dec.InputOffset()
			break
		}
		k, _ := tok.v.(string)
		p := dot(k)
		switch lk := strings.ToLower(k); {
		case lk == "type":
			tok, err := d.token(p)
			s, ok := tok.v.(string)
			if err != nil || !ok {
				return nil, d.unexpected(tok, err, p, "an item type (a string)")
			}
			typ, hasType = s, true
		case lk == "id":
			tok, err := d.token(p)
			switch v := tok.v.(type) {
			case string:
				e.key = v
			case json.Number:
				e.key = v.String()
			default:
				return nil, d.unexpected(tok, err, p, "an id (a string or a number)")
			}
		case lk == "author":
			if e.authors, err = d.names(p); err != nil {
				return nil, err
			}
		case lk == "editor":
			if editors, err = d.names(p); err != nil {
				return nil, err
			}
		case lk == "issued":
			if err := d.date(p, e); err != nil {
				return nil, err
			}
		case lk == "publisher":
			if publisher, err = d.str(p, true); err != nil {
				return nil, err
			}
		case lk == "note":
			if note, err = d.str(p, false); err != nil {
				return nil, err
			}
		case lk == "page-first":
			if pageFirst, err = d.str(p, false); err != nil {
				return nil, err
			}
		case strField[lk] != nil && (lk == k || lk == "url" || lk == "doi"):
			s, err := d.str(p, false)
			if err != nil {
				return nil, err
			}
			if dst := strField[lk]; *dst == "" {
				*dst = s
			}
		default:
			if err := d.skip(p); err != nil {
				return nil, err
			}
		}
	}
	if !hasType {
		return nil, d.errorAt(open.start, path, "an item without \"type\"", "\"type\", the item type")
	}
	t, ok := cslTypes[typ]
	if !ok {
		t = citation.TypeReport
	}
	e.typ = t
	e.editors = editors
	e.editorsOfContainer = t == citation.TypeChapter || t == citation.TypePaper
	if publisher != "" {
		e.publishers = []string{publisher}
	}
	if note != "" {
		e.notes = append(e.notes, note)
	}
	if e.pages == "" {
		e.pages = pageFirst
	}
	// CSL-JSON written by BibTeX converters keeps LaTeX accents, and
	// titles may hold CSL's rich-text tags.
	for _, s := range []*string{&e.title, &e.container, &e.series} {
		*s = stripRichText(*s)
		if strings.Contains(*s, "\\") {
			*s = decodeLaTeX(*s)
		}
	}
	return e, nil
}

// str reads a text value: a string, or a number (volume 10), or an array
// whose first string is taken (Crossref writes "title": ["..."]); null is
// "". With obj, an object's "name" is taken too (commonmeta writes
// "publisher": {"name": "..."}).
func (d *cslDecoder) str(path string, obj bool) (string, error) {
	const want = "a string"
	tok, err := d.token(path)
	if err != nil {
		return "", d.unexpected(tok, err, path, want)
	}
	switch v := tok.v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case nil:
		return "", nil
	case json.Delim:
		if v == '[' {
			var first string
			for i := 0; ; i++ {
				p := path + "[" + strconv.Itoa(i) + "]"
				tok, err := d.token(p)
				if err != nil {
					return "", d.unexpected(tok, err, p, "a string or ']'")
				}
				if tok.v == json.Delim(']') {
					return first, nil
				}
				s, ok := tok.v.(string)
				if !ok {
					return "", d.unexpected(tok, nil, p, want)
				}
				if first == "" {
					first = s
				}
			}
		}
		if v == '{' && obj {
			var name string
			for {
				tok, err := d.token(path)
				if err != nil {
					return "", d.unexpected(tok, err, path, "a field name or '}'")
				}
				if tok.v == json.Delim('}') {
					return name, nil
				}
				k, _ := tok.v.(string)
				if k == "name" {
					if name, err = d.str(path+".name", false); err != nil {
						return "", err
					}
				} else if err := d.skip(path + "." + k); err != nil {
					return "", err
				}
			}
		}
	}
	if obj {
		return "", d.unexpected(tok, nil, path, want+" or an object with a name")
	}
	return "", d.unexpected(tok, nil, path, want)
}

// skip reads and drops one value.
func (d *cslDecoder) skip(path string) error {
	depth := 0
	for {
		tok, err := d.token(path)
		if err != nil {
			return d.unexpected(tok, err, path, "a value")
		}
		switch tok.v {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
		if depth <= 0 {
			return nil
		}
	}
}

// names reads an array of CSL name objects.
func (d *cslDecoder) names(path string) ([]citation.Person, error) {
	tok, err := d.token(path)
	if err != nil || tok.v != json.Delim('[') {
		if err == nil && tok.v == nil {
			return nil, nil
		}
		return nil, d.unexpected(tok, err, path, "an array of names")
	}
	var out []citation.Person
	for i := 0; ; i++ {
		p := path + "[" + strconv.Itoa(i) + "]"
		tok, err := d.token(p)
		if err != nil {
			return nil, d.unexpected(tok, err, p, "a name (an object) or ']'")
		}
		if tok.v == json.Delim(']') {
			return out, nil
		}
		if tok.v != json.Delim('{') {
			return nil, d.unexpected(tok, nil, p, "a name (an object)")
		}
		var family, given, literal, ndp, dp, suffix string
		fields := map[string]*string{"family": &family, "given": &given, "literal": &literal,
			"non-dropping-particle": &ndp, "dropping-particle": &dp, "suffix": &suffix}
		for {
			tok, err := d.token(p)
			if err != nil {
				return nil, d.unexpected(tok, err, p, "a field name or '}'")
			}
			if tok.v == json.Delim('}') {
				break
			}
			k, _ := tok.v.(string)
			if dst := fields[k]; dst != nil {
				if *dst, err = d.str(p+"."+k, false); err != nil {
					return nil, err
				}
			} else if err := d.skip(p + "." + k); err != nil {
				return nil, err
			}
		}
		person := citation.Person{Family: family, Given: given}
		if literal != "" && family == "" {
			person = citation.Person{Family: literal}
		}
		for _, particle := range []string{ndp, dp} {
			if particle = strings.TrimSpace(particle); particle != "" && person.Family != "" {
				person.Family = particle + " " + person.Family
			}
		}
		if suffix = strings.TrimSpace(suffix); suffix != "" && person.Family != "" {
			person.Family += " " + suffix
		}
		out = append(out, person)
	}
}

// date reads a CSL date: an object with date-parts ([[2019, 5, 3]]), raw
// or literal, or an EDTF string ("2019-05-03"), into e's year, month and
// day.
func (d *cslDecoder) date(path string, e *entry) error {
	const want = "date-parts"
	tok, err := d.token(path)
	if err != nil {
		return d.unexpected(tok, err, path, want)
	}
	switch v := tok.v.(type) {
	case nil:
		return nil
	case json.Number:
		e.year = v.String()
		return nil
	case string:
		y, m, dd, ok := splitDate(v)
		if !ok {
			return d.unexpected(tok, nil, path, want)
		}
		e.year, e.month, e.day = y, m, dd
		return nil
	}
	if tok.v != json.Delim('{') {
		return d.unexpected(tok, nil, path, want)
	}
	var text string
	hasParts := false
	for {
		tok, err := d.token(path)
		if err != nil {
			return d.unexpected(tok, err, path, "a field name or '}'")
		}
		if tok.v == json.Delim('}') {
			break
		}
		k, _ := tok.v.(string)
		p := path + "." + k
		switch k {
		case "date-parts":
			if err := d.dateParts(p, e); err != nil {
				return err
			}
			hasParts = e.year != ""
		case "raw", "literal":
			s, err := d.str(p, false)
			if err != nil {
				return err
			}
			if text == "" {
				text = s
			}
		default:
			if err := d.skip(p); err != nil {
				return err
			}
		}
	}
	if !hasParts && text != "" {
		if y, m, dd, ok := splitDate(text); ok {
			e.year, e.month, e.day = y, m, dd
		} else {
			e.year = text
		}
	}
	return nil
}

// dateParts reads [[year, month, day], ...]: the first date is taken (the
// second is the end of a range). Each part is a number or a string of
// digits.
func (d *cslDecoder) dateParts(path string, e *entry) error {
	tok, err := d.token(path)
	if err != nil || tok.v != json.Delim('[') {
		return d.unexpected(tok, err, path, "an array of dates, [[year, month, day]]")
	}
	for i := 0; ; i++ {
		p := path + "[" + strconv.Itoa(i) + "]"
		tok, err := d.token(p)
		if err != nil {
			return d.unexpected(tok, err, p, "a date, [year, month, day], or ']'")
		}
		if tok.v == json.Delim(']') {
			return nil
		}
		if tok.v != json.Delim('[') {
			return d.unexpected(tok, nil, p, "a date, [year, month, day]")
		}
		var parts []string
		for j := 0; ; j++ {
			pj := p + "[" + strconv.Itoa(j) + "]"
			tok, err := d.token(pj)
			if err != nil {
				return d.unexpected(tok, err, pj, "a number or ']'")
			}
			if tok.v == json.Delim(']') {
				break
			}
			var s string
			switch v := tok.v.(type) {
			case json.Number:
				s = v.String()
			case string:
				s = strings.TrimSpace(v)
			}
			if _, err := strconv.Atoi(s); err != nil {
				what := [...]string{"a year", "a month", "a day"}
				return d.unexpected(tok, nil, pj, what[min(j, 2)]+" (a number)")
			}
			parts = append(parts, s)
		}
		if i == 0 {
			if len(parts) > 0 {
				e.year = parts[0]
				if len(e.year) < 4 && e.year != "" && e.year[0] != '-' {
					e.year = strings.Repeat("0", 4-len(e.year)) + e.year
				}
			}
			if len(parts) > 1 {
				e.month = parts[1]
			}
			if len(parts) > 2 {
				e.day = parts[2]
			}
		}
	}
}

// stripRichText removes the HTML-like tags CSL allows in titles (<i>, <b>,
// <sup>, <sub>, <span ...>), keeping their text.
func stripRichText(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		tag := strings.ToLower(strings.TrimPrefix(s[i+1:i+j], "/"))
		name, _, _ := strings.Cut(tag, " ")
		switch name {
		case "i", "b", "sup", "sub", "span", "sc", "em", "strong":
			b.WriteString(s[:i])
		default:
			b.WriteString(s[:i+j+1])
		}
		s = s[i+j+1:]
	}
}
