// Package grammar holds the character classes and small decoders that the
// N-Triples/N-Quads and Turtle/TriG grammars share (the W3C RDF 1.1
// productions of the same names), so that both parsers, and all
// the writers, read and write names, blank node labels and escapes alike:
// the one copy under rdf. write.go holds the canonical term encoder the
// N-Triples, N-Quads, Turtle and TriG writers share.
package grammar

// IsPNCharsBase reports whether r is a PN_CHARS_BASE character.
func IsPNCharsBase(r rune) bool {
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

// IsLabelStart reports whether r may start a blank node label: PN_CHARS_U
// (PN_CHARS_BASE or '_') or a digit. (The RDF 1.1 grammar also listed ':',
// an erratum the W3C tests reject.)
func IsLabelStart(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || IsPNCharsBase(r)
}

// IsPNCharsExtra reports whether r is one of the non-ASCII characters that
// PN_CHARS adds to PN_CHARS_BASE: U+00B7, U+0300-U+036F, U+203F-U+2040.
func IsPNCharsExtra(r rune) bool {
	return r == 0x00B7 || r >= 0x0300 && r <= 0x036F || r >= 0x203F && r <= 0x2040
}

// HexValue decodes b, which must hold only hex digits (as a \u or \U
// escape, or a %-encoding, does once checked).
func HexValue(b []byte) rune {
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

// IsIRIForbidden reports whether c may not appear in an IRI, raw or
// escaped, by the IRIREF production of N-Triples, N-Quads and Turtle: a
// control character or space (U+0000-U+0020), or one of <>"{}|^`\. RDF
// concepts forbid them in IRIs, so every reader refuses them, whatever
// its syntax, and no writer has to find a way to write them.
func IsIRIForbidden(c rune) bool {
	return c >= 0 && c < 0x80 && iriForbidden[c]
}

// iriForbidden holds, for each ASCII byte, whether [IsIRIForbidden] is true
// of it. It is a read-only table.
var iriForbidden = func() (t [0x80]bool) {
	for c := range 0x21 {
		t[c] = true
	}
	for _, c := range "<>\"{}|^`\\" {
		t[c] = true
	}
	return t
}()

// IndexIRIForbidden returns the byte index in s of the first character
// for which [IsIRIForbidden] is true, or -1 if there is none.
func IndexIRIForbidden(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x80 && iriForbidden[c] {
			return i
		}
	}
	return -1
}

// Echar decodes the ECHAR escape whose letter (after '\') is c: \t \b \n
// \r \f \" \' \\. It reports false for any other letter.
func Echar(c byte) (byte, bool) {
	switch c {
	case 't':
		return '\t', true
	case 'b':
		return '\b', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 'f':
		return '\f', true
	case '"', '\'', '\\':
		return c, true
	}
	return 0, false
}

// EcharExpected names the escapes [Echar] and [Uchar] decode, for
// messages.
const EcharExpected = `escape (\t \b \n \r \f \" \' \\ \u or \U)`

// UcharProblem is what [Uchar] found wrong with an escape.
type UcharProblem int

// The problems of a \u or \U escape.
const (
	UcharOK       UcharProblem = iota
	UcharNotU                  // '\' is not followed by u or U
	UcharShortHex              // fewer hex digits than the escape needs
	UcharNotValue              // a surrogate, or beyond U+10FFFF
)

// Uchar decodes the UCHAR escape at the start of b ("\u00E9",
// "\U0001F600"): the character and the escape's length. When the escape
// is bad it returns the problem and, for UcharShortHex, in n how many
// bytes of b the message should quote.
func Uchar(b []byte) (r rune, n int, problem UcharProblem) {
	if len(b) < 2 || b[1] != 'u' && b[1] != 'U' {
		return 0, min(len(b), 2), UcharNotU
	}
	n = 6
	if b[1] == 'U' {
		n = 10
	}
	for j := 2; j < n; j++ {
		if j == len(b) || !isHex(b[j]) {
			return 0, j + 1, UcharShortHex
		}
	}
	c := HexValue(b[2:n])
	if c < 0 || c > 0x10FFFF || c >= 0xD800 && c <= 0xDFFF { // \U80000000 overflows rune
		return 0, n, UcharNotValue
	}
	return c, n, UcharOK
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
