package turtle

import (
	"unicode/utf8"

	"civicgraph/rdf/internal/grammar"
)

// Byte classes, built once from the grammar. Bytes of 0x80 and above are
// never in a class: the scanners send them down a slow path that decodes
// and checks the whole character.
const (
	// classIRI: an ASCII byte that may appear raw in an IRIREF, i.e. not
	// #x00-#x20 <>"{}|^`\.
	classIRI uint8 = 1 << iota
	// classLit: an ASCII byte that may appear raw in a short string, i.e.
	// not " ' \ LF CR. The quote that does not end the string is handled
	// by the slow path.
	classLit
	// className: an ASCII PN_CHARS byte: letter, digit, '_' or '-'.
	className
	// classHex: a hexadecimal digit.
	classHex
	// classAlpha: an ASCII letter.
	classAlpha
	// classDigit: an ASCII digit.
	classDigit
	// classSpace: white space, WS in the grammar: space, tab, CR, LF.
	classSpace
	// classLocalEsc: a character that may follow '\' in a local name.
	classLocalEsc
)

// class holds the byte classes above. It is a read-only table.
var class = func() (t [256]uint8) {
	for c := range 128 {
		b := byte(c)
		if b > 0x20 && b != '<' && b != '>' && b != '"' && b != '{' && b != '}' &&
			b != '|' && b != '^' && b != '`' && b != '\\' {
			t[c] |= classIRI
		}
		if b != '"' && b != '\'' && b != '\\' && b != '\n' && b != '\r' {
			t[c] |= classLit
		}
		alpha := b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
		digit := b >= '0' && b <= '9'
		if alpha || digit || b == '_' || b == '-' {
			t[c] |= className
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
		if b == ' ' || b == '\t' || b == '\r' || b == '\n' {
			t[c] |= classSpace
		}
	}
	for _, c := range "_~.-!$&'()*+,;=/?#@%" {
		t[c] |= classLocalEsc
	}
	return t
}()

// isPNChars reports whether r is a PN_CHARS character: PN_CHARS_BASE, '_',
// '-', a digit, U+00B7, U+0300-U+036F or U+203F-U+2040.
func isPNChars(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return class[r]&className != 0
	case grammar.IsPNCharsExtra(r):
		return true
	}
	return grammar.IsPNCharsBase(r)
}
