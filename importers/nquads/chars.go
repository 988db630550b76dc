package nquads

import "unicode/utf8"

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

// isLabelStart reports whether r may start a blank node label:
// PN_CHARS_U or a digit. PN_CHARS_U is PN_CHARS_BASE or '_' (the RDF 1.1
// grammar also listed ':', an erratum the W3C tests reject).
func isLabelStart(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || isPNCharsBase(r)
}

// isLabelChar reports whether r is PN_CHARS or '.', which may appear after
// the first character of a blank node label.
func isLabelChar(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return class[r]&classLabel != 0
	case r == 0x00B7, r >= 0x0300 && r <= 0x036F, r >= 0x203F && r <= 0x2040:
		return true
	}
	return isPNCharsBase(r)
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
