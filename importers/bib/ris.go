package bib

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"civicgraph/importers/citation"
)

// risDecoder reads RIS records one at a time, line by line. A record runs
// from a TY line to an ER line; a line inside a record that has no tag
// continues the value of the line before it. Lines outside records that
// have no tag (numbering such as "1.", blank lines) are skipped.
type risDecoder struct {
	r    *bufio.Reader
	name string
	line int   // lines read so far
	off  int64 // bytes read so far
	err  error // sticky: an I/O error

	// skip is set after a syntax error: the lines up to the next TY line
	// are skipped.
	skip bool
	// unread is a TY line that ended a record without ER, to start the
	// next record; "" when there is none.
	unread string
}

func newRISDecoder(r io.Reader, name string) *risDecoder {
	return &risDecoder{r: bufio.NewReaderSize(r, 64<<10), name: name}
}

func (d *risDecoder) lineNo() int   { return d.line }
func (d *risDecoder) offset() int64 { return d.off }

// readLine returns the next line without its line end, or io.EOF. A lone
// CR ends a line too.
func (d *risDecoder) readLine() (string, error) {
	var b []byte
	for {
		if d.r.Buffered() == 0 {
			if _, err := d.r.Peek(1); err != nil {
				if !errors.Is(err, io.EOF) {
					return "", fmt.Errorf("bib: read %s: %w", d.name, err)
				}
				if len(b) == 0 {
					return "", io.EOF
				}
				break
			}
		}
		buf, _ := d.r.Peek(d.r.Buffered())
		i := bytes.IndexAny(buf, "\r\n")
		if i < 0 {
			i = len(buf)
		}
		if keep := maxEntrySize + 24 - len(b); keep > 0 {
			b = append(b, buf[:min(i, keep)]...)
		}
		d.r.Discard(i)
		d.off += int64(i)
		if i == len(buf) {
			continue
		}
		c, _ := d.r.ReadByte()
		d.off++
		if c == '\r' {
			if n, err := d.r.Peek(1); err == nil && n[0] == '\n' {
				d.r.ReadByte()
				d.off++
			}
		}
		break
	}
	d.line++
	if len(b) > maxEntrySize {
		// The rest of the line has been read and dropped, so that
		// reading goes on at the next line.
		return "", &ParseError{File: d.name, Line: d.line, Col: maxEntrySize + 1, Found: quoteExcerpt(string(b[maxEntrySize:])),
			Expected: "a line of at most 8 MiB"}
	}
	s := string(b)
	if d.line == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	return s, nil
}

// risTag splits a tag line, "AU  - Smith, J.", into its tag and value. The
// tag is a capital letter and a capital letter or digit; it is followed by
// one to three spaces and a hyphen, then the value (which may be empty).
func risTag(line string) (tag, value string, ok bool) {
	if len(line) < 4 || !(line[0] >= 'A' && line[0] <= 'Z') ||
		!(line[1] >= 'A' && line[1] <= 'Z' || line[1] >= '0' && line[1] <= '9') {
		return "", "", false
	}
	j := 2
	for j < len(line) && line[j] == ' ' {
		j++
	}
	if j == 2 || j > 5 || j >= len(line) || line[j] != '-' {
		return "", "", false
	}
	return line[:2], strings.TrimSpace(line[j+1:]), true
}

// risField is one tag and its value.
type risField struct{ tag, value string }

// decode returns the next record. After a syntax error it goes on at the
// next TY line: the one that interrupted a record, or the next one after
// the error.
func (d *risDecoder) decode() (*entry, error) {
	if d.err != nil {
		return nil, d.err
	}
	e, err := d.record()
	var pe *ParseError
	switch {
	case err == nil, errors.Is(err, io.EOF):
	case errors.As(err, &pe):
		d.skip = d.unread == ""
	default:
		d.err = err
	}
	return e, err
}

// nextLine returns the line given back by the last record, or else reads
// the next one.
func (d *risDecoder) nextLine() (string, error) {
	if l := d.unread; l != "" {
		d.unread = ""
		return l, nil
	}
	return d.readLine()
}

func (d *risDecoder) record() (*entry, error) {
	var (
		fields []risField
		raw    strings.Builder
		start  int
		last   string // the line before
	)
	for {
		line, err := d.nextLine()
		if d.skip {
			// After an error, up to the next TY line: a line too long
			// there is part of what the error already reported.
			var pe *ParseError
			if errors.As(err, &pe) {
				continue
			}
			if err != nil {
				return nil, err
			}
			if tag, _, ok := risTag(line); !ok || tag != "TY" {
				continue
			}
			d.skip = false
		}
		if errors.Is(err, io.EOF) {
			if start == 0 {
				return nil, io.EOF
			}
			return nil, &ParseError{File: d.name, Line: d.line, Col: len(last) + 1, Found: endOfInput,
				Expected: "ER  - to end the record (begun on line " + strconv.Itoa(start) + ")"}
		}
		if err != nil {
			return nil, err
		}
		last = line
		if i := invalidUTF8([]byte(line)); i >= 0 {
			return nil, &ParseError{File: d.name, Line: d.line, Col: i + 1,
				Found: quoteExcerpt(line[i:min(i+4, len(line))]), Expected: "UTF-8 text"}
		}
		tag, value, isTag := risTag(line)
		if start == 0 {
			switch {
			case !isTag:
				continue
			case tag != "TY":
				return nil, &ParseError{File: d.name, Line: d.line, Col: 1, Found: quoteExcerpt(line),
					Expected: "TY  - to start a record"}
			case value == "":
				return nil, &ParseError{File: d.name, Line: d.line, Col: len(line) + 1, Found: "end of line",
					Expected: "a reference type after TY  -"}
			}
			start = d.line
		}
		raw.WriteString(line)
		raw.WriteByte('\n')
		if raw.Len() > maxEntrySize {
			return nil, &ParseError{File: d.name, Line: d.line, Col: 1, Found: quoteExcerpt(line), Expected: tooBigExpected}
		}
		switch {
		case !isTag:
			if t := strings.TrimSpace(line); t != "" && len(fields) > 0 {
				f := &fields[len(fields)-1]
				if f.value == "" {
					f.value = t
				} else {
					f.value += " " + t
				}
			}
			continue
		case tag == "TY" && len(fields) > 0:
			d.unread = line
			return nil, &ParseError{File: d.name, Line: d.line, Col: 1, Found: quoteExcerpt(line),
				Expected: "ER  - to end the record begun on line " + strconv.Itoa(start) + " before a new TY"}
		case tag == "ER":
			e := risEntry(fields)
			e.line = start
			e.raw = raw.String()
			return e, nil
		}
		fields = append(fields, risField{tag, value})
	}
}

// risTypes maps RIS reference types, and the names some programs write
// instead ("Journal Article"), lower-cased, to citation types; see the
// package documentation. It is a read-only table.
var risTypes = typeTable(map[citation.Type]string{
	citation.TypeArticle:      "jour,jfull,mgzn,news,ejour,abst,inpr,journal article,magazine article,newspaper article",
	citation.TypeBook:         "book,ebook,edbook,thes,ser,thesis,edited book",
	citation.TypeChapter:      "chap,echap,book section,book chapter,encyc,dict",
	citation.TypeReport:       "rprt,govdoc,stand,pat,gen,report",
	citation.TypePaper:        "conf,cpaper,conference paper,conference proceedings",
	citation.TypeWebPage:      "elec,web,blog,web page,webpage",
	citation.TypeWorkingPaper: "unpb,manscpt,unpublished work,manuscript",
})

// risEntry maps the fields of a RIS record to an entry.
func risEntry(fields []risField) *entry {
	e := &entry{}
	first := map[string]string{}
	var editors []citation.Person
	for _, f := range fields {
		if f.value == "" {
			continue
		}
		switch f.tag {
		case "AU", "A1":
			e.authors = append(e.authors, risName(f.value))
		case "A2", "ED":
			editors = append(editors, risName(f.value))
		case "PB":
			e.publishers = append(e.publishers, f.value)
		}
		if _, ok := first[f.tag]; !ok {
			first[f.tag] = f.value
		}
	}
	get := func(tags ...string) string {
		for _, t := range tags {
			if v := first[t]; v != "" {
				return v
			}
		}
		return ""
	}
	typ := strings.ToLower(get("TY"))
	t, ok := risTypes[typ]
	if !ok {
		t = citation.TypeReport
	}
	e.typ = t
	e.key = get("ID")
	e.editors = editors
	e.editorsOfContainer = t == citation.TypeChapter || t == citation.TypePaper
	e.title = get("TI", "T1", "CT")
	if e.title == "" && t == citation.TypeBook {
		e.title = get("BT")
	}
	if e.title == "" {
		// A short or translated title is better than none.
		e.title = get("ST", "TT")
	}
	if t == citation.TypeBook {
		e.container = get("T2")
	} else {
		e.container = get("T2", "JF", "JO", "BT", "JA", "J2", "J1")
	}
	e.series = get("T3")
	e.volume = get("VL", "VO")
	e.issue = get("IS", "CP")
	e.edition = get("ET")
	sp, ep := get("SP"), get("EP")
	switch {
	case sp != "" && ep != "" && !strings.ContainsAny(sp, "-–"):
		e.pages = sp + "-" + ep
	case sp != "":
		e.pages = sp
	default:
		e.pages = ep
	}
	e.place = get("CY", "PP")
	// Every web address: the UR lines first, then the links L1–L4, each
	// value possibly a list.
	for _, tags := range [][]string{{"UR"}, {"L1", "L2", "L3", "L4"}} {
		for _, f := range fields {
			if slices.Contains(tags, f.tag) {
				e.urls = append(e.urls, splitURLs(f.value)...)
			}
		}
	}
	e.doi = get("DO")
	e.language = get("LA")
	if n := get("N1"); n != "" {
		e.notes = append(e.notes, n)
	}
	for _, tag := range []string{"PY", "Y1", "DA"} {
		v := first[tag]
		if v == "" {
			continue
		}
		if y, m, d, ok := splitDate(v); ok {
			e.year, e.month, e.day = y, m, d
		} else {
			e.year = v
		}
		break
	}
	if e.month == "" && e.day == "" {
		if _, m, d, ok := splitDate(first["DA"]); ok {
			e.month, e.day = m, d
		}
	}
	return e
}

// risName takes "Family, Given" or "Family, Given, Suffix" apart. A name
// without a comma is an organisation, as RIS writes corporate authors.
func risName(v string) citation.Person {
	family, given, ok := strings.Cut(v, ",")
	if !ok {
		return citation.Person{Family: v}
	}
	if g, suffix, ok := strings.Cut(given, ","); ok {
		given = g
		if s := strings.TrimSpace(suffix); s != "" {
			family = strings.TrimSpace(family) + " " + s
		}
	}
	return citation.Person{Family: family, Given: given}
}

// splitURLs splits a RIS link value that lists several addresses, separated
// by ';' or, when every part is a web address, by white space (a list
// continued on the next lines).
func splitURLs(v string) []string {
	var out []string
	for _, part := range strings.Split(v, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		words := strings.Fields(part)
		all := len(words) > 1
		for _, w := range words {
			lw := strings.ToLower(w)
			if !strings.HasPrefix(lw, "http://") && !strings.HasPrefix(lw, "https://") && !strings.HasPrefix(lw, "www.") {
				all = false
			}
		}
		if all {
			out = append(out, words...)
		} else {
			out = append(out, part)
		}
	}
	return out
}
