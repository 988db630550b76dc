package rdfxml

import (
	"bufio"
	"encoding/xml"
	"io"
	"slices"
	"strings"
)

// literalStart writes the start tag of an element inside a
// parseType="Literal" property element in exclusive canonical form
// (Exclusive XML Canonicalization 1.0): the namespace declarations the
// element and its attributes use and no output ancestor has already made,
// sorted by prefix, then the attributes sorted by namespace IRI and local
// name. An empty element is written as a start and an end tag.
func (r *Reader) literalStart(t xml.StartElement) error {
	e, _, err := r.open(t, kInLiteral)
	if err != nil {
		return err
	}
	type attr struct {
		ns, local, name, value string
	}
	var attrs []attr
	used := []string{t.Name.Space}
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		ns := ""
		if a.Name.Space != "" {
			var ok bool
			if ns, ok = r.lookup(a.Name.Space); !ok {
				return r.fail("a declared namespace prefix", a.Name.Space)
			}
			used = append(used, a.Name.Space)
		}
		attrs = append(attrs, attr{ns, a.Name.Local, qname(a.Name), a.Value})
	}
	var decls []nsBinding
	for _, prefix := range used {
		if prefix == "xml" || slices.ContainsFunc(decls, func(b nsBinding) bool { return b.prefix == prefix }) {
			continue
		}
		uri, ok := r.lookup(prefix)
		if !ok {
			return r.fail("a declared namespace prefix", prefix)
		}
		if have, ok := r.renderedNS(prefix); ok && have == uri || !ok && prefix == "" && uri == "" {
			continue
		}
		decls = append(decls, nsBinding{prefix, uri})
	}
	slices.SortFunc(decls, func(a, b nsBinding) int { return strings.Compare(a.prefix, b.prefix) })
	slices.SortFunc(attrs, func(a, b attr) int {
		if c := strings.Compare(a.ns, b.ns); c != 0 {
			return c
		}
		return strings.Compare(a.local, b.local)
	})
	e.rendered = decls
	lit := r.literal()
	lit.text = append(lit.text, '<')
	lit.text = append(lit.text, qname(t.Name)...)
	for _, d := range decls {
		lit.text = append(lit.text, " xmlns"...)
		if d.prefix != "" {
			lit.text = append(lit.text, ':')
			lit.text = append(lit.text, d.prefix...)
		}
		lit.text = append(lit.text, `="`...)
		lit.text = appendEscapedAttr(lit.text, d.uri)
		lit.text = append(lit.text, '"')
	}
	for _, a := range attrs {
		lit.text = append(lit.text, ' ')
		lit.text = append(lit.text, a.name...)
		lit.text = append(lit.text, `="`...)
		lit.text = appendEscapedAttr(lit.text, a.value)
		lit.text = append(lit.text, '"')
	}
	lit.text = append(lit.text, '>')
	return nil
}

// renderedNS returns the namespace the nearest enclosing element of the
// XML literal declared for prefix in the output, if any did.
func (r *Reader) renderedNS(prefix string) (string, bool) {
	for i := len(r.stack) - 2; i >= 0 && r.stack[i].kind == kInLiteral; i-- {
		for _, b := range r.stack[i].rendered {
			if b.prefix == prefix {
				return b.uri, true
			}
		}
	}
	return "", false
}

// appendEscapedText appends character data escaped as canonical XML
// writes it.
func appendEscapedText(dst, s []byte) []byte {
	for _, c := range s {
		switch c {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '>':
			dst = append(dst, "&gt;"...)
		case '\r':
			dst = append(dst, "&#xD;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// appendEscapedAttr appends an attribute value escaped as canonical XML
// writes it.
func appendEscapedAttr(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			dst = append(dst, "&amp;"...)
		case '<':
			dst = append(dst, "&lt;"...)
		case '"':
			dst = append(dst, "&quot;"...)
		case '\t':
			dst = append(dst, "&#x9;"...)
		case '\n':
			dst = append(dst, "&#xA;"...)
		case '\r':
			dst = append(dst, "&#xD;"...)
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// declareEntities takes the general entities an internal DTD subset
// declares, <!ENTITY name "value">, so that references to them in the
// document expand; ontologies often abbreviate namespaces this way.
// Parameter entities and external entities are ignored.
func (r *Reader) declareEntities(d xml.Directive) {
	s := string(d)
	for {
		i := strings.Index(s, "<!ENTITY")
		if i < 0 {
			return
		}
		s = strings.TrimLeft(s[i+len("<!ENTITY"):], " \t\r\n")
		if strings.HasPrefix(s, "%") {
			continue
		}
		j := strings.IndexAny(s, " \t\r\n")
		if j <= 0 {
			return
		}
		name := s[:j]
		s = strings.TrimLeft(s[j:], " \t\r\n")
		if s == "" || s[0] != '"' && s[0] != '\'' {
			continue
		}
		k := strings.IndexByte(s[1:], s[0])
		if k < 0 {
			return
		}
		if r.dec.Entity == nil {
			r.dec.Entity = map[string]string{}
		}
		if len(r.dec.Entity) < maxEntities && len(s[1:1+k]) <= maxEntityValue && len(name) <= maxEntityName {
			r.dec.Entity[name] = s[1 : 1+k]
		}
		s = s[1+k:]
	}
}

// charsetReader lets the XML decoder read documents that declare
// ISO-8859-1 or US-ASCII, besides UTF-8. It decodes ISO-8859-1 under the
// entity guard, which the decoder keeps reading from, so that the guard
// sees the text the decoder does. Only the first declaration counts:
// encoding/xml asks again for every <?xml ...?> in the document, and
// decoding ISO-8859-1 again at each would double every non-ASCII byte each
// time (30 declarations made 1 GiB of one character).
func (r *Reader) charsetReader(charset string, _ io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1":
		if !r.latin1 {
			r.latin1 = true
			r.guard.src = bufio.NewReader(&latin1Reader{r: r.guard.src})
		}
		return r.guard, nil
	case "us-ascii", "ascii":
		return r.guard, nil
	}
	return nil, errUnsupportedCharset
}

// errUnsupportedCharset is what the decoder gets for another encoding.
var errUnsupportedCharset = xmlError("xml: unsupported encoding (want UTF-8, ISO-8859-1 or US-ASCII)")

// xmlError is a constant error with a message starting "xml: ".
type xmlError string

func (e xmlError) Error() string { return string(e) }

// latin1Reader decodes ISO-8859-1 to UTF-8.
type latin1Reader struct {
	r     io.Reader
	err   error  // sticky error from r
	in    []byte // raw input
	buf   []byte // decoded input
	out   []byte // the part of buf not yet returned
	empty int    // reads in a row that returned nothing
}

func (l *latin1Reader) Read(p []byte) (int, error) {
	for len(l.out) == 0 {
		if l.err != nil {
			return 0, l.err
		}
		if l.in == nil {
			l.in = make([]byte, 4096)
		}
		n, err := l.r.Read(l.in)
		l.err = err
		if l.empty++; n > 0 {
			l.empty = 0
		} else if err == nil && l.empty >= 100 {
			l.err = io.ErrNoProgress
		}
		l.buf = l.buf[:0]
		for _, c := range l.in[:n] {
			if c < 0x80 {
				l.buf = append(l.buf, c)
			} else {
				l.buf = append(l.buf, 0xC0|c>>6, 0x80|c&0x3F)
			}
		}
		l.out = l.buf
	}
	n := copy(p, l.out)
	l.out = l.out[n:]
	return n, nil
}
