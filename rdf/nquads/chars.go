package nquads

import (
	"unicode/utf8"

	"civicgraph/rdf/internal/grammar"
)

// Byte classes, built once at compile time from the grammar. Bytes of 0x80
// and above are plain everywhere: the reader checks each line is valid UTF-8
// before parsing it, and the grammar only restricts non-ASCII characters in
// blank node labels, which check them rune by rune.
const (
	// classIRI: may appear raw in an IRIREF, i.e. not #x00-#x20 <>"{}|^`\.
	classIRI uint8 = 1 << iota
	// classLit: may appear raw in a STRING_LITERAL_QUOTE, i.e. not " \ LF CR.
	classLit
	// classLabel: an ASCII PN_CHARS byte or '.', allowed after the first
	// character of a blank node label.
	classLabel
	// classHex: a hexadecimal digit.
	classHex
	// classAlpha: an ASCII letter.
	classAlpha
	// classDigit: an ASCII digit.
	classDigit
)

// class holds the byte classes above. It is a read-only table.
var class = func() (t [256]uint8) {
	for c := range 256 {
		b := byte(c)
		if b > 0x20 && b != '<' && b != '>' && b != '"' && b != '{' && b != '}' &&
			b != '|' && b != '^' && b != '`' && b != '\\' {
			t[c] |= classIRI
		}
		if b != '"' && b != '\\' && b != '\n' && b != '\r' {
			t[c] |= classLit
		}
		alpha := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
		digit := b >= '0' && b <= '9'
		if alpha || digit || b == '_' || b == '-' || b == '.' {
			t[c] |= classLabel
		}
		if digit || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F' {
			t[c] |= classHex
		}
		if alpha {
			t[c] |= classAlpha
		}
		if digit {
			t[c] |= classDigit
		}
	}
	return t
}()

// isLabelChar reports whether r is PN_CHARS or '.', which may appear after
// the first character of a blank node label.
func isLabelChar(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return class[r]&classLabel != 0
	case grammar.IsPNCharsExtra(r):
		return true
	}
	return grammar.IsPNCharsBase(r)
}
