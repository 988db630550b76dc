package turtle

import "unicode/utf8"

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

// isPNCharsBase reports whether r is a PN_CHARS_BASE character.
func isPNCharsBase(r rune) bool {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z',
		r >= 0x00C0 && r <= 0x00D6, r >= 0x00D8 && r <= 0x00F6,
		r >= 0x00F8 && r <= 0x02FF, r >= 0x0370 && r <= 0x037D,
		r >= 0x037F && r <= 0x1FFF, r >= 0x200C && r <= 0x200D,
		r >= 0x2070 && r <= 0x218F, r >= 0x2C00 && r <= 0x2FEF,
		r >= 0x3001 && r <= 0xD7FF, r >= 0xF900 && r <= 0xFDCF,
		r >= 0xFDF0 && r <= 0xFFFD, r >= 0x10000 && r <= 0xEFFFF:
		return true
	}
	return false
}

// isPNChars reports whether r is a PN_CHARS character: PN_CHARS_BASE, '_',
// '-', a digit, U+00B7, U+0300-U+036F or U+203F-U+2040.
func isPNChars(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return class[r]&className != 0
	case r == 0x00B7, r >= 0x0300 && r <= 0x036F, r >= 0x203F && r <= 0x2040:
		return true
	}
	return isPNCharsBase(r)
}

// isLabelStart reports whether r may start a blank node label: PN_CHARS_U
// (PN_CHARS_BASE or '_') or a digit.
func isLabelStart(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || isPNCharsBase(r)
}

// hexValue decodes b, which holds only hex digits.
func hexValue(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		default:
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}
