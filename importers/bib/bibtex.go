package bib

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/importers/citation"
)

// bibtexDecoder reads BibTeX entries one at a time from a byte stream.
// Text outside entries is a comment, as in BibTeX. @comment, @preamble and
// @string are understood; @string macros apply to the entries after them.
type bibtexDecoder struct {
	r    *bufio.Reader
	name string

	line int   // line of the next byte, from 1
	col  int   // column of the next byte, from 1
	off  int64 // offset of the next byte
	cr   bool  // the last byte was a CR, so an LF after it ends no new line

	lineStart bool   // only spaces since the start of the line
	rec       bool   // append the bytes read to raw
	raw       []byte // the entry read so far

	macros map[string]string // @string name (lower case) → raw value
	val    []byte            // the value being read, reused
	ioErr  error
	// tooBig is set when the entry being read passes maxEntrySize: peek
	// then reports the end of the input, and errors say why.
	tooBig bool

	// start and startOff are where the entry being read begins (its '@').
	start    pos
	startOff int64
	// resync is set after a syntax error: the next decode first skips to
	// the start of the next entry.
	resync bool
	// reread counts the bytes given back to the input by rewind, against
	// maxReread.
	reread int64

	// targets holds the fields of the entries a crossref may name, by
	// lower-case key; waiting holds the entries whose crossref names an
	// entry not read yet; ready holds the entries to return.
	targets        map[string]map[string]string
	waiting, ready []*entry
}

func newBibTeXDecoder(r io.Reader, name string) *bibtexDecoder {
	return &bibtexDecoder{r: bufio.NewReaderSize(r, 64<<10), name: name, line: 1, col: 1, lineStart: true,
		macros: map[string]string{}, targets: map[string]map[string]string{}}
}

func (d *bibtexDecoder) lineNo() int   { return d.line }
func (d *bibtexDecoder) offset() int64 { return d.off }

// peek returns the next byte, or -1 at the end of the input or on a read
// error (kept in ioErr).
func (d *bibtexDecoder) peek() int {
	if d.tooBig {
		return -1
	}
	b, err := d.r.Peek(1)
	if err != nil {
		if !errors.Is(err, io.EOF) && d.ioErr == nil {
			d.ioErr = err
		}
		return -1
	}
	return int(b[0])
}

// next consumes one byte, which peek has returned.
func (d *bibtexDecoder) next() byte {
	c, _ := d.r.ReadByte()
	d.off++
	if d.rec {
		d.raw = append(d.raw, c)
		d.tooBig = len(d.raw) > maxEntrySize
	}
	switch c {
	case '\r':
		d.line++
		d.col = 1
		d.cr = true
		d.lineStart = true
		return c
	case '\n':
		if !d.cr {
			d.line++
		}
		d.col = 1
		d.cr = false
		d.lineStart = true
		return c
	case ' ', '\t':
	default:
		d.lineStart = false
	}
	d.col++
	d.cr = false
	return c
}

// pos is a place in the input.
type pos struct{ line, col int }

func (d *bibtexDecoder) pos() pos { return pos{d.line, d.col} }

// errorAt returns a ParseError at p. Found is the input from p when p is
// the current position, and "end of input" there at the end.
func (d *bibtexDecoder) errorAt(p pos, found, expected string) error {
	if d.ioErr != nil {
		return fmt.Errorf("bib: read %s: %w", d.name, d.ioErr)
	}
	if d.tooBig {
		p, expected = d.pos(), tooBigExpected
		found = endOfInput
		if b, _ := d.r.Peek(24); len(b) > 0 {
			found = quoteExcerpt(string(b))
		}
	}
	return &ParseError{File: d.name, Line: p.line, Col: p.col, Found: found, Expected: expected}
}

// errorHere returns a ParseError at the current position, showing what is
// there.
func (d *bibtexDecoder) errorHere(expected string) error {
	found := endOfInput
	if b, _ := d.r.Peek(24); len(b) > 0 {
		found = quoteExcerpt(string(b))
	}
	return d.errorAt(d.pos(), found, expected)
}

func (d *bibtexDecoder) skipSpace() {
	for {
		switch d.peek() {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			d.next()
		default:
			return
		}
	}
}

// ident reads a run of the bytes BibTeX allows in entry types, field names
// and macro names.
func (d *bibtexDecoder) ident() string {
	var b []byte
	for {
		c := d.peek()
		if c < 0 || !isIdentByte(byte(c)) {
			return string(b)
		}
		b = append(b, d.next())
	}
}

func isIdentByte(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\v', '\f', '"', '#', '%', '\'', '(', ')', ',', '=', '{', '}', '@', '\\':
		return false
	}
	return c > ' ' && c != 0x7f
}

// maxReread bounds the bytes rewind gives back to the input over a whole
// input, so that many unclosed entries cannot make reading quadratic.
const maxReread = 32 << 20

// decode reads the next entry, skipping comments, @comment, @preamble and
// @string. It returns io.EOF after the last entry. After a syntax error it
// goes on at the next entry: the next '@' that starts a line or is followed
// by an entry type and a brace. An entry left open at the end of the input
// is taken to end where the next entry inside it starts (see rewind).
func (d *bibtexDecoder) decode() (*entry, error) {
	for {
		if len(d.ready) > 0 {
			e := d.ready[0]
			d.ready = d.ready[1:]
			return e, nil
		}
		e, err := d.decodeOne()
		if errors.Is(err, io.EOF) && len(d.waiting) > 0 {
			// Cross-references to entries the input does not hold: the
			// entries go as they are, the reference kept in a note.
			for _, w := range d.waiting {
				w.notes = append(w.notes, "crossref: "+strings.TrimSpace(w.fields["crossref"])+" (not in the file)")
				d.ready = append(d.ready, w)
			}
			d.waiting = nil
			continue
		}
		if err != nil {
			return nil, err
		}
		d.crossref(e)
	}
}

// crossref follows the crossref field of BibTeX entries: an entry that
// names another (a paper its proceedings, a chapter its book) inherits the
// fields it lacks, the other's title becoming its booktitle. An entry
// waits for the entry it names, which BibTeX wants after it; it goes on
// when that one is read, or at the end of the input. The fields of the
// entries that may be named (books, proceedings, collections and the
// like) are kept for the entries after them.
func (d *bibtexDecoder) crossref(e *entry) {
	key := strings.ToLower(e.key)
	if _, ok := d.targets[key]; !ok && crossrefTarget[e.bibType] {
		d.targets[key] = e.fields
	}
	if x := strings.ToLower(strings.TrimSpace(e.fields["crossref"])); x != "" {
		parent, ok := d.targets[x]
		if !ok {
			d.waiting = append(d.waiting, e)
			return
		}
		e = inherit(e, parent)
	}
	d.ready = append(d.ready, e)
	kept := d.waiting[:0]
	for _, w := range d.waiting {
		if strings.ToLower(strings.TrimSpace(w.fields["crossref"])) == key {
			d.ready = append(d.ready, inherit(w, e.fields))
		} else {
			kept = append(kept, w)
		}
	}
	d.waiting = kept
}

// crossrefTarget lists the entry types whose fields are kept for the
// entries that cross-reference them. It is a read-only table.
var crossrefTarget = map[string]bool{
	"proceedings": true, "mvproceedings": true, "book": true, "mvbook": true, "collection": true,
	"mvcollection": true, "reference": true, "mvreference": true, "periodical": true, "inbook": true,
}

// inherit returns entry e with the fields it lacks taken from parent's,
// the entry its crossref names: parent's title becomes e's booktitle.
func inherit(e *entry, parent map[string]string) *entry {
	fields := make(map[string]string, len(e.fields)+len(parent))
	for k, v := range e.fields {
		fields[k] = v
	}
	if t, ok := parent["title"]; ok {
		if _, has := fields["booktitle"]; !has {
			fields["booktitle"] = t
			if st, ok := parent["subtitle"]; ok {
				fields["booksubtitle"] = st
			}
		}
	}
	for k, v := range parent {
		switch k {
		case "title", "subtitle", "crossref", "ids", "xref", "entryset", "shorthand", "label":
			continue
		}
		if _, has := fields[k]; !has {
			fields[k] = v
		}
	}
	ne := bibtexEntry(e.bibType, e.key, fields)
	ne.line, ne.raw = e.line, e.raw
	return ne
}

// decodeOne reads the next entry as it is written.
func (d *bibtexDecoder) decodeOne() (*entry, error) {
	if d.resync {
		d.resync = false
		d.skipToEntry()
	}
	e, err := d.decodeEntry()
	if err == nil || errors.Is(err, io.EOF) || d.ioErr != nil {
		return e, err
	}
	var pe *ParseError
	if errors.As(err, &pe) && !d.tooBig && d.peek() < 0 {
		d.rewind(pe)
	}
	d.rec, d.tooBig, d.resync = false, false, true
	return nil, err
}

// rewind handles an entry that was still open at the end of the input, an
// unbalanced brace having swallowed the entries after it: the input from
// the first entry start inside it (an '@' at the start of a line, followed
// by an entry type and a brace) is read again, and the error moves there.
// The bytes read again count against maxReread; past it the rest of the
// input is lost to the error.
func (d *bibtexDecoder) rewind(pe *ParseError) {
	raw := d.raw
	at := d.start
	cr := false
	lineStart := false
	for i := 1; i < len(raw); i++ {
		switch c := raw[i-1]; c {
		case '\r':
			at.line, at.col, cr, lineStart = at.line+1, 1, true, true
		case '\n':
			if !cr {
				at.line++
			}
			at.col, cr, lineStart = 1, false, true
		case ' ', '\t':
			at.col++
			cr = false
		default:
			at.col++
			cr, lineStart = false, false
		}
		if raw[i] != '@' || !lineStart || !looksLikeEntry(raw[i:]) {
			continue
		}
		rest := raw[i:]
		if d.reread+int64(len(rest)) > maxReread {
			return
		}
		d.reread += int64(len(rest))
		d.r = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(bytes.Clone(rest)), d.r), 64<<10)
		d.line, d.col, d.off = at.line, at.col, d.startOff+int64(i)
		d.cr, d.lineStart = false, true
		pe.Line, pe.Col, pe.Found = at.line, at.col, quoteExcerpt(string(rest[:min(len(rest), 32)]))
		return
	}
}

// looksLikeEntry reports whether b starts with an entry start: '@', an
// entry type and '{' or '(', with optional spaces between.
func looksLikeEntry(b []byte) bool {
	i := 1
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	j := i
	for j < len(b) && isIdentByte(b[j]) {
		j++
	}
	if j == i {
		return false
	}
	for j < len(b) && (b[j] == ' ' || b[j] == '\t') {
		j++
	}
	return j < len(b) && (b[j] == '{' || b[j] == '(')
}

// skipToEntry skips the input up to the next '@' that starts a line or an
// entry, after an error.
func (d *bibtexDecoder) skipToEntry() {
	for {
		c := d.peek()
		switch {
		case c < 0:
			return
		case c == '@':
			if d.lineStart {
				return
			}
			if b, _ := d.r.Peek(64); looksLikeEntry(b) {
				return
			}
			d.next()
		case !junkStop[c]:
			d.run(nil, false, junkStop)
		default:
			d.next()
		}
	}
}

// decodeEntry is decode without the recovery after errors.
func (d *bibtexDecoder) decodeEntry() (*entry, error) {
	for {
		// Skip the text between entries, up to an '@'.
		for {
			c := d.peek()
			if c < 0 {
				if d.ioErr != nil {
					return nil, fmt.Errorf("bib: read %s: %w", d.name, d.ioErr)
				}
				return nil, io.EOF
			}
			if c == '@' {
				break
			}
			switch {
			case !junkStop[c]:
				d.run(nil, false, junkStop)
			case c == '%' && d.lineStart:
				// A comment line: an entry commented out with % stays out.
				d.run(nil, false, lineEnds)
			default:
				d.next()
			}
		}
		atLineStart := d.lineStart
		start := d.pos()
		d.start, d.startOff = start, d.off
		d.rec, d.raw = true, d.raw[:0]
		d.next()
		d.skipSpace()
		typ := strings.ToLower(d.ident())
		d.skipSpace()
		open := d.peek()
		if typ == "" || open != '{' && open != '(' {
			if !atLineStart {
				// An '@' inside a comment, such as an e-mail address.
				d.rec = false
				continue
			}
			if typ == "" {
				return nil, d.errorHere("an entry type after '@'")
			}
			return nil, d.errorHere("'{' or '(' after @" + typ)
		}
		d.next()
		closer := byte('}')
		if open == '(' {
			closer = ')'
		}
		switch typ {
		case "comment":
			if err := d.skipComment(byte(open), closer, start); err != nil {
				return nil, err
			}
			d.rec = false
			continue
		case "preamble":
			d.skipSpace()
			if _, err := d.value("@preamble"); err != nil {
				return nil, err
			}
			if err := d.close(closer, start, "@preamble"); err != nil {
				return nil, err
			}
			d.rec = false
			continue
		case "string":
			if err := d.stringMacro(closer, start); err != nil {
				return nil, err
			}
			d.rec = false
			continue
		}
		e, err := d.entry(typ, closer, start)
		d.rec = false
		return e, err
	}
}

// closeExpected is ParseError.Expected for an entry that is not closed.
func closeExpected(closer byte, start pos) string {
	return "'" + string(closer) + "' to close entry (opened on line " + strconv.Itoa(start.line) + ")"
}

// close reads the closing brace or parenthesis of an @preamble or @string.
func (d *bibtexDecoder) close(closer byte, start pos, what string) error {
	d.skipSpace()
	if d.peek() != int(closer) {
		return d.errorHere(closeExpected(closer, start) + " after the value of " + what)
	}
	d.next()
	return nil
}

// skipComment skips the body of @comment{...}.
func (d *bibtexDecoder) skipComment(open, closer byte, start pos) error {
	depth := 1
	for {
		c := d.peek()
		switch {
		case c < 0:
			return d.errorHere(closeExpected(closer, start))
		case byte(c) == open && open == '{' || open == '(' && c == '(':
			depth++
		case byte(c) == closer:
			depth--
		}
		d.next()
		if depth == 0 {
			return nil
		}
	}
}

// stringMacro reads the body of @string{name = value}.
func (d *bibtexDecoder) stringMacro(closer byte, start pos) error {
	d.skipSpace()
	at := d.pos()
	name := strings.ToLower(d.ident())
	if name == "" {
		return d.errorHere("a macro name after @string")
	}
	d.skipSpace()
	if d.peek() != '=' {
		return d.errorHere("'=' after @string name " + name)
	}
	d.next()
	d.skipSpace()
	v, err := d.value(name)
	if err != nil {
		return err
	}
	if !utf8.ValidString(v) {
		return d.errorAt(at, quoteExcerpt(name), "UTF-8 text in @string "+name)
	}
	d.macros[name] = v
	return d.close(closer, start, "@string "+name)
}

// entry reads the key and fields of an entry of type typ, after its
// opening brace or parenthesis.
func (d *bibtexDecoder) entry(typ string, closer byte, start pos) (*entry, error) {
	d.skipSpace()
	var kb []byte
	for {
		c := d.peek()
		if c < 0 || c == ',' || c == int(closer) || c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			break
		}
		kb = append(kb, d.next())
	}
	key := string(kb)
	d.skipSpace()
	switch c := d.peek(); {
	case c < 0:
		return nil, d.errorHere(closeExpected(closer, start))
	case key == "":
		return nil, d.errorHere("a citation key after @" + typ)
	case c != ',' && c != int(closer):
		return nil, d.errorHere("',' after the citation key " + key)
	}
	fields := map[string]string{}
	for d.next() != closer {
		d.skipSpace()
		c := d.peek()
		if c == int(closer) {
			d.next()
			break
		}
		if c < 0 {
			return nil, d.errorHere(closeExpected(closer, start))
		}
		name := strings.ToLower(d.ident())
		if name == "" {
			return nil, d.errorHere("a field name or '" + string(closer) + "'")
		}
		d.skipSpace()
		if d.peek() != '=' {
			return nil, d.errorHere("'=' after field " + name)
		}
		d.next()
		d.skipSpace()
		v, err := d.value(name)
		if err != nil {
			return nil, err
		}
		if _, dup := fields[name]; !dup {
			fields[name] = v
		}
		d.skipSpace()
		switch c := d.peek(); {
		case c < 0:
			return nil, d.errorHere(closeExpected(closer, start))
		case c != ',' && c != int(closer):
			return nil, d.errorHere("',' or '" + string(closer) + "' after field " + name)
		}
	}
	if i := invalidUTF8(d.raw); i >= 0 {
		p := start
		for _, c := range d.raw[:i] {
			p.col++
			if c == '\n' {
				p.line, p.col = p.line+1, 1
			}
		}
		return nil, d.errorAt(p, quoteExcerpt(string(d.raw[i:min(i+4, len(d.raw))])), "UTF-8 text")
	}
	e := bibtexEntry(typ, key, fields)
	e.line = start.line
	e.raw = string(d.raw)
	return e, nil
}

// invalidUTF8 returns the index of the first byte of b that is not valid
// UTF-8, or -1.
func invalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// monthMacros are BibTeX's predefined month macros. It is a read-only
// table.
var monthMacros = map[string]string{
	"jan": "January", "feb": "February", "mar": "March", "apr": "April", "may": "May", "jun": "June",
	"jul": "July", "aug": "August", "sep": "September", "oct": "October", "nov": "November", "dec": "December",
}

// value reads a field value: braced or quoted text, a number or a macro
// name, or several joined with '#'. It returns the raw text, LaTeX and
// braces inside it kept.
func (d *bibtexDecoder) value(field string) (string, error) {
	d.val = d.val[:0]
	for {
		at := d.pos()
		switch c := d.peek(); {
		case c == '{' || c == '"':
			if err := d.delimited(byte(c), field, at); err != nil {
				return "", err
			}
		case c >= '0' && c <= '9':
			for c := d.peek(); c >= '0' && c <= '9'; c = d.peek() {
				d.val = append(d.val, d.next())
			}
		case c >= 0 && isIdentByte(byte(c)):
			name := strings.ToLower(d.ident())
			v, ok := d.macros[name]
			if !ok {
				v, ok = monthMacros[name]
			}
			if !ok {
				return "", d.errorAt(at, strconv.Quote(name), "a defined @string name")
			}
			if len(d.val)+len(v) > maxEntrySize {
				return "", d.errorAt(at, strconv.Quote(name), tooBigExpected)
			}
			d.val = append(d.val, v...)
		default:
			return "", d.errorHere("a value for field " + field + ": '{', '\"', a number or a @string name")
		}
		d.skipSpace()
		if d.peek() != '#' {
			return string(d.val), nil
		}
		d.next()
		d.skipSpace()
	}
}

// delimitedStop marks the bytes delimited must look at; it copies runs of
// other bytes at once. It is a read-only table.
var delimitedStop = stopTable("\\{}\"\n\r")

// junkStop marks the bytes that matter between entries. It is a read-only
// table.
var junkStop = stopTable("@%\n\r")

// lineEnds marks the bytes that end a line. It is a read-only table.
var lineEnds = stopTable("\n\r")

// stopTable returns a table that marks the bytes of s.
func stopTable(s string) *[256]bool {
	var t [256]bool
	for i := 0; i < len(s); i++ {
		t[s[i]] = true
	}
	return &t
}

// run consumes the bytes up to the first one stop marks (or the end of the
// input) straight from the read buffer, appending them to dst when dst is
// not nil, and returns dst. It keeps the position as next does; the bytes
// it copies are no line ends.
func (d *bibtexDecoder) run(dst []byte, keep bool, stop *[256]bool) []byte {
	for !d.tooBig {
		n := d.r.Buffered()
		if n == 0 {
			if d.peek() < 0 {
				return dst
			}
			n = d.r.Buffered()
		}
		buf, _ := d.r.Peek(n)
		i := 0
		for i < len(buf) && !stop[buf[i]] {
			i++
		}
		if i > 0 {
			chunk := buf[:i]
			if keep {
				dst = append(dst, chunk...)
			}
			if d.rec {
				d.raw = append(d.raw, chunk...)
				d.tooBig = len(d.raw) > maxEntrySize
			}
			if d.lineStart {
				for _, c := range chunk {
					if c != ' ' && c != '\t' {
						d.lineStart = false
						break
					}
				}
			}
			d.off += int64(i)
			d.col += i
			d.cr = false
			d.r.Discard(i)
		}
		if i < len(buf) {
			return dst
		}
	}
	return dst
}

// delimited reads a value in braces or double quotes, which starts at the
// next byte, into d.val without its delimiters. Braces inside must
// balance, as BibTeX requires; a double quote inside braces or after a
// backslash (M\"uller) does not end a quoted value.
func (d *bibtexDecoder) delimited(open byte, field string, at pos) error {
	d.next()
	end := byte('}')
	if open == '"' {
		end = '"'
	}
	unclosed := func() error {
		return d.errorHere("'" + string(end) + "' to close field " + field + " (opened on line " + strconv.Itoa(at.line) + ")")
	}
	depth := 0
	for {
		d.val = d.run(d.val, true, delimitedStop)
		c := d.peek()
		switch {
		case c < 0:
			return unclosed()
		case c == '\\':
			d.val = append(d.val, d.next())
			if d.peek() == '"' {
				d.val = append(d.val, d.next())
			}
			continue
		case c == '{':
			depth++
		case c == '}':
			if depth == 0 {
				if open == '{' {
					d.next()
					return nil
				}
				return unclosed()
			}
			depth--
		case c == '"' && depth == 0 && open == '"':
			d.next()
			return nil
		}
		d.val = append(d.val, d.next())
	}
}

// bibtexTypes maps BibTeX and biblatex entry types to citation types; see
// the package documentation. It is a read-only table.
var bibtexTypes = typeTable(map[citation.Type]string{
	citation.TypeArticle:      "article,periodical,suppperiodical",
	citation.TypeBook:         "book,mvbook,booklet,proceedings,mvproceedings,collection,mvcollection,reference,mvreference,phdthesis,mastersthesis,thesis",
	citation.TypeChapter:      "incollection,inbook,bookinbook,suppbook,suppcollection,inreference",
	citation.TypeReport:       "techreport,report,manual,patent,standard",
	citation.TypePaper:        "inproceedings,conference",
	citation.TypeWorkingPaper: "unpublished",
	citation.TypeWebPage:      "online,electronic,www,webpage",
})

// bibtexEntry maps the fields of a BibTeX entry, by lower-case name with
// their raw values, to an entry.
func bibtexEntry(typ, key string, f map[string]string) *entry {
	text := func(names ...string) string {
		for _, n := range names {
			if v, ok := f[n]; ok {
				if s := decodeLaTeX(v); strings.TrimSpace(s) != "" {
					return s
				}
			}
		}
		return ""
	}
	e := &entry{key: key, bibType: typ, fields: f}
	e.url = verbatim(f["url"])
	if e.url == "" {
		if h := f["howpublished"]; strings.Contains(h, "\\url") {
			e.url = verbatim(h)
		}
	}
	t, ok := bibtexTypes[typ]
	switch {
	case ok:
	case typ == "misc" && e.url != "":
		t = citation.TypeWebPage
	default:
		t = citation.TypeReport
	}
	e.typ = t
	e.authors = parseBibTeXNames(f["author"])
	e.editors = parseBibTeXNames(f["editor"])
	e.editorsOfContainer = t == citation.TypeChapter || t == citation.TypePaper
	e.title = withSubtitle(text("title"), text("subtitle"))
	e.container = withSubtitle(text("journal", "journaltitle", "booktitle", "maintitle"), text("booksubtitle", "journalsubtitle"))
	if e.title == "" && bookTypes[typ] {
		// A volume named only by its booktitle (as exports of
		// proceedings often are) is that title, and not in itself.
		if bt := withSubtitle(text("booktitle"), text("booksubtitle")); bt != "" {
			e.title = bt
			e.container = text("maintitle")
		}
	}
	e.series = text("series")
	e.volume = text("volume")
	e.issue = text("issue")
	if n := text("number"); n != "" {
		if t == citation.TypeArticle && e.issue == "" {
			e.issue = n
		} else {
			e.number = n
		}
	}
	e.pages = text("pages")
	e.chapter = text("chapter")
	e.edition = text("edition")
	if p := text("publisher", "institution", "school", "organization"); p != "" {
		e.publishers = []string{p}
	}
	e.place = text("address", "location")
	e.doi = verbatim(f["doi"])
	e.language = text("language", "langid")
	if n := text("note"); n != "" {
		e.notes = append(e.notes, n)
	}
	e.year = text("year")
	e.month, e.day = text("month"), text("day")
	if date := text("date"); date != "" {
		if y, m, d, ok := splitDate(date); ok {
			if e.year == "" {
				e.year = y
			}
			if e.month == "" && e.day == "" {
				e.month, e.day = m, d
			}
		} else if e.year == "" {
			e.year = date
		}
	}
	return e
}

// bookTypes are the entry types of a whole volume. It is a read-only
// table.
var bookTypes = map[string]bool{
	"proceedings": true, "mvproceedings": true, "book": true, "mvbook": true, "collection": true,
	"mvcollection": true, "reference": true, "mvreference": true,
}

// withSubtitle joins a title and its subtitle with a colon, or with a
// space when the title ends in its own punctuation ("Why?").
func withSubtitle(title, subtitle string) string {
	title, subtitle = strings.TrimSpace(title), strings.TrimSpace(subtitle)
	switch {
	case subtitle == "":
		return title
	case title == "":
		return subtitle
	case strings.ContainsAny(title[len(title)-1:], ":?!.;"):
		return title + " " + subtitle
	}
	return title + ": " + subtitle
}

// verbatim returns a URL or DOI field without LaTeX decoding, which would
// turn its ~ into a space and its -- into a dash: braces and \url are
// dropped and a backslash before any other character removed.
func verbatim(v string) string {
	if !strings.ContainsAny(v, "{}\\") {
		return v
	}
	v = strings.ReplaceAll(v, "\\url", "")
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		switch c := v[i]; c {
		case '{', '}':
		case '\\':
			if i+1 < len(v) {
				i++
				b.WriteByte(v[i])
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
