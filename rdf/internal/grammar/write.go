package grammar

import (
	"fmt"
	"unicode/utf8"

	"civicgraph/graph"
)

// AppendTerm appends t in canonical N-Triples syntax, the form the
// N-Triples, N-Quads, Turtle and TriG writers share. role names the term's
// place in its quad ("subject", "object") for error messages. A term the
// grammar cannot express (a relative IRI, a bad blank node label or
// language tag, invalid UTF-8) is refused with an error wrapping
// [graph.ErrInvalidQuad]; dst may then hold part of it, which the caller
// cuts off.
func AppendTerm(dst []byte, t graph.Term, role string) ([]byte, error) {
	switch t.Kind {
	case graph.KindIRI:
		var problem string
		if dst, problem = AppendIRI(dst, t.Value); problem != "" {
			return dst, fmt.Errorf("%w: %s IRI %q %s", graph.ErrInvalidQuad, role, t.Value, problem)
		}
		return dst, nil
	case graph.KindBlank:
		if !ValidLabel(t.Value) {
			return dst, fmt.Errorf("%w: %s blank node label %q is not valid N-Triples", graph.ErrInvalidQuad, role, t.Value)
		}
		dst = append(dst, "_:"...)
		return append(dst, t.Value...), nil
	case graph.KindLiteral:
		dst = append(dst, '"')
		var ok bool
		if dst, ok = AppendLexical(dst, t.Value); !ok {
			return dst, fmt.Errorf("%w: %s literal %q is not valid UTF-8", graph.ErrInvalidQuad, role, t.Value)
		}
		dst = append(dst, '"')
		switch {
		case t.Lang != "":
			if !graph.ValidLangTag(t.Lang) {
				return dst, fmt.Errorf("%w: %s language tag %q is not valid", graph.ErrInvalidQuad, role, t.Lang)
			}
			dst = append(dst, '@')
			dst = append(dst, t.Lang...)
		case t.Datatype != "" && t.Datatype != graph.XSDString:
			dst = append(dst, "^^"...)
			var problem string
			if dst, problem = AppendIRI(dst, t.Datatype); problem != "" {
				return dst, fmt.Errorf("%w: %s datatype IRI %q %s", graph.ErrInvalidQuad, role, t.Datatype, problem)
			}
		}
		return dst, nil
	}
	return dst, fmt.Errorf("%w: %s is missing", graph.ErrInvalidQuad, role)
}

const hexDigits = "0123456789ABCDEF"

// CheckIRI returns what makes iri unwritable in any RDF syntax, or "": it
// must be absolute, valid UTF-8, and hold none of the characters RDF
// forbids in IRIs ([IsIRIForbidden]). The store may hold such an IRI only
// if something wrote it there without a reader; no writer passes it on.
func CheckIRI(iri string) string {
	if !graph.IsAbsoluteIRI(iri) {
		return "is not absolute"
	}
	ascii := true
	for i := 0; i < len(iri); i++ {
		c := iri[i]
		if c >= utf8.RuneSelf {
			ascii = false
		} else if iriForbidden[c] {
			if !utf8.ValidString(iri) {
				return "is not valid UTF-8"
			}
			return fmt.Sprintf("holds %q at byte %d, which RDF forbids in IRIs", c, i)
		}
	}
	if !ascii && !utf8.ValidString(iri) {
		return "is not valid UTF-8"
	}
	return ""
}

// AppendIRI appends <iri>. If iri cannot be written (see [CheckIRI]) it
// returns what is wrong with it, else "".
func AppendIRI(dst []byte, iri string) ([]byte, string) {
	if problem := CheckIRI(iri); problem != "" {
		return dst, problem
	}
	dst = append(dst, '<')
	dst = append(dst, iri...)
	return append(dst, '>'), ""
}

// litEscape maps each ASCII byte a canonical literal escapes to the letter
// after the backslash ('u' for \u00XX), and every other ASCII byte to 0.
// It follows the canonical N-Triples of RDF 1.2: '"', '\', and the
// controls with a short escape (\b \t \n \f \r) use it; every other
// control, U+0000-U+001F and U+007F, is written \u00XX, so that no tool
// reading the output meets a raw NUL or BEL. It is a read-only table.
var litEscape = func() (t [utf8.RuneSelf]byte) {
	for c := range 0x20 {
		t[c] = 'u'
	}
	t[0x7F] = 'u'
	t['"'], t['\\'] = '"', '\\'
	t['\b'], t['\t'], t['\n'], t['\f'], t['\r'] = 'b', 't', 'n', 'f', 'r'
	return t
}()

// AppendLexical appends s escaped as the inside of a canonical quoted
// literal, the same in N-Triples, N-Quads, Turtle and TriG. It reports
// false if s is not valid UTF-8.
func AppendLexical(dst []byte, s string) ([]byte, bool) {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if e := litEscape[c]; e != 0 {
				dst = append(dst, s[start:i-1]...)
				if e == 'u' {
					dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
				} else {
					dst = append(dst, '\\', e)
				}
				start = i
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return dst, false
		}
		i += size
	}
	return append(dst, s[start:]...), true
}

// ValidLabel reports whether label is a BLANK_NODE_LABEL without its "_:":
// (PN_CHARS_U | [0-9]) ((PN_CHARS | '.')* PN_CHARS)?, where PN_CHARS_U is
// PN_CHARS_BASE or '_'.
func ValidLabel(label string) bool {
	if label == "" || label[len(label)-1] == '.' {
		return false
	}
	for i := 0; i < len(label); {
		r, size := utf8.DecodeRuneInString(label[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return false
		case r < utf8.RuneSelf:
			c := byte(r)
			alnum := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			if !alnum && c != '_' && (i == 0 || c != '-' && c != '.') {
				return false
			}
		case IsPNCharsExtra(r):
			if i == 0 {
				return false
			}
		case !IsPNCharsBase(r):
			return false
		}
		i += size
	}
	return true
}
