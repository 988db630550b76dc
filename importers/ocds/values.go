package ocds

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"civicgraph/schema"
)

// when is a parsed date: its xsd lexical form and datatype, and the time
// for ordering. The zero when is no date.
type when struct {
	lex string
	dt  string // schema.XSDDateTime or schema.XSDDate
	t   time.Time
}

func (w when) ok() bool { return w.lex != "" }

// before reports whether w is a date earlier than v, or v is no date.
func (w when) before(v when) bool { return w.ok() && (!v.ok() || w.t.Before(v.t)) }

// parseWhen parses an OCDS date: an RFC 3339 date-time, which becomes an
// xsd:dateTime, or an RFC 3339 full-date (YYYY-MM-DD), which becomes an
// xsd:date. Null and "" are no date. A time zone offset beyond ±14:00,
// which RFC 3339 allows and XML Schema does not, is converted to UTC.
func parseWhen(path, s string) (when, *fieldError) {
	s = strings.TrimSpace(s)
	if s == "" {
		return when{}, nil
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		if _, off := t.Zone(); off > 14*3600 || off < -14*3600 {
			t = t.UTC()
		}
		return when{lex: t.Format("2006-01-02T15:04:05.999999999Z07:00"), dt: schema.XSDDateTime, t: t}, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return when{lex: t.Format(time.DateOnly), dt: schema.XSDDate, t: t}, nil
	}
	return when{}, &fieldError{path: path, found: "string " + quote(s),
		expected: "an RFC 3339 date-time such as 2024-05-01T09:30:00Z"}
}

// maxExponent bounds the exponent of an amount, so that 1e999999999 cannot
// make a string of a billion zeros.
const maxExponent = 1000

// parseAmount returns the xsd:decimal lexical form of an OCDS amount: a
// JSON number, or a string holding one. Null and "" are no amount.
func parseAmount(path string, raw json.RawMessage) (string, *fieldError) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	num := string(raw)
	if raw[0] == '"' {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", &fieldError{path: path, found: describe(raw), expected: "a number"}
		}
		if num = strings.TrimSpace(s); num == "" {
			return "", nil
		}
	}
	if d, ok := decimal(num); ok {
		return d, nil
	}
	return "", &fieldError{path: path, found: describe(raw), expected: "a number (with an exponent of at most 1000)"}
}

// decimal turns a JSON number into the canonical lexical form of an
// xsd:decimal: no exponent, no leading zeros, no trailing zeros after the
// point, no point when there is no fraction. It reports false when s is
// not a JSON number or its exponent is too large.
func decimal(s string) (string, bool) {
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	mant, exp := s, 0
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil || e > maxExponent || e < -maxExponent || s[i+1:] == "" {
			return "", false
		}
		mant, exp = s[:i], e
	}
	intPart, frac, hasPoint := strings.Cut(mant, ".")
	if !digits(intPart) || hasPoint && !digits(frac) || len(intPart) > 1 && intPart[0] == '0' {
		return "", false
	}
	all := intPart + frac
	point := len(intPart) + exp // position of the point in all
	switch {
	case point <= 0:
		all = strings.Repeat("0", 1-point) + all
		point = 1
	case point > len(all):
		all += strings.Repeat("0", point-len(all))
	}
	ip := strings.TrimLeft(all[:point], "0")
	fp := strings.TrimRight(all[point:], "0")
	if ip == "" {
		ip = "0"
	}
	out := ip
	if fp != "" {
		out += "." + fp
	}
	if neg && out != "0" {
		out = "-" + out
	}
	return out, true
}

// digits reports whether s is one or more ASCII digits.
func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// describe names a raw JSON value for Error.Found.
func describe(raw []byte) string {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "nothing"
	}
	switch raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		var s string
		if json.Unmarshal(raw, &s) == nil {
			return "string " + quote(s)
		}
	case 't', 'f', 'n':
		return string(raw)
	}
	s := string(raw)
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return "number " + s
}

// quote quotes s for an error message, cut to 60 bytes.
func quote(s string) string {
	const limit = 60
	if len(s) > limit {
		cut := limit
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return strconv.Quote(s)
}

// text trims s; OCDS publishers often pad titles and names with spaces.
func text(s string) string { return strings.TrimSpace(s) }

// langTag returns tag if it is a well-formed language tag (as RDF needs
// it: letters, then hyphen-separated letters and digits), else "".
func langTag(tag string) string {
	tag = strings.TrimSpace(tag)
	parts := strings.Split(tag, "-")
	for i, p := range parts {
		if len(p) < 1 || len(p) > 8 {
			return ""
		}
		for j := 0; j < len(p); j++ {
			c := p[j]
			letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return ""
			}
		}
	}
	return tag
}

// webIRI turns a document URL into an IRI: it must be absolute http,
// https or ftp; spaces and the other ASCII characters an IRI cannot hold
// are percent-encoded. It reports false for anything else.
func webIRI(u string) (string, bool) {
	u = strings.TrimSpace(u)
	scheme, rest, ok := strings.Cut(u, "://")
	if !ok || rest == "" {
		return "", false
	}
	switch strings.ToLower(scheme) {
	case "http", "https", "ftp":
	default:
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= 0x20 || c == 0x7F || strings.IndexByte("<>\"{}|\\^`", c) >= 0 {
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// countryCode returns the ISO 3166-1 alpha-2 code of an address's country
// name when it is one (MX), an alpha-3 code (MEX) or a name in
// countryCodes (México, United Kingdom), else "".
func countryCode(name string) string {
	return countryCodes[schema.Slug(name)]
}

// currencyCode returns an ISO 4217-shaped code (three letters, upper-cased)
// or "".
func currencyCode(c string) string {
	c = strings.ToUpper(text(c))
	if len(c) != 3 {
		return ""
	}
	for i := 0; i < 3; i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return ""
		}
	}
	return c
}
