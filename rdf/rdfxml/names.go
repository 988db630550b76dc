package rdfxml

import (
	"encoding/hex"
	"unicode"
)

// isAlpha reports whether c is an ASCII letter.
func isAlpha(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// isNCName reports whether s is an XML NCName, the form rdf:ID and
// rdf:nodeID values must have: a letter or '_', then letters, digits,
// '.', '-', '_', combining marks and extenders, and no ':'.
func isNCName(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		switch {
		case r == '_', unicode.IsLetter(r), unicode.Is(unicode.Nl, r):
		case i == 0:
			return false
		case r == '.', r == '-', r == 0xB7, unicode.IsDigit(r), unicode.Is(unicode.Mn, r),
			unicode.Is(unicode.Mc, r), unicode.Is(unicode.Lm, r):
		default:
			return false
		}
	}
	return true
}

// isSpace reports whether b holds only XML white space.
func isSpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// safeLabel reports whether a nodeID can go into a blank node label as it
// is and still be a valid N-Triples label after the reader's prefix: ASCII
// letters, digits, '_' and '-', and '.' anywhere but at the end.
func safeLabel(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isAlpha(c), c >= '0' && c <= '9', c == '_', c == '-':
		case c == '.' && i < len(s)-1:
		default:
			return false
		}
	}
	return true
}

// appendNodeIDLabel appends the label part for a document's rdf:nodeID:
// "n" and the ID when it is safe as it is, else "h" and its hex encoding,
// so the labels of nodeIDs, and of the reader's own blank nodes ("g" and a
// number), never collide.
func appendNodeIDLabel(dst []byte, id string) []byte {
	if safeLabel(id) {
		return append(append(dst, 'n'), id...)
	}
	return hex.AppendEncode(append(dst, 'h'), []byte(id))
}
