// Package charset decodes the single-byte encodings that public registers
// are still exported in (Windows-1252, ISO-8859-1) into UTF-8.
package charset

import "strings"

// Decode1252 reads s as Windows-1252: ASCII as it is, the bytes 0x80 to
// 0x9F as that code page maps them (the five it leaves undefined as
// U+FFFD) and the others as the Latin-1 character of the same number.
func Decode1252(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x80:
			b.WriteByte(c)
		case c < 0xA0:
			b.WriteRune(cp1252[c-0x80])
		default:
			b.WriteRune(rune(c))
		}
	}
	return b.String()
}

// DecodeLatin1 reads s as ISO-8859-1: every byte is the character of the
// same number.
func DecodeLatin1(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// cp1252 maps the bytes 0x80 to 0x9F of Windows-1252 to runes; the five
// bytes it leaves undefined become U+FFFD.
var cp1252 = [32]rune{
	'€', '\uFFFD', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\uFFFD', 'Ž', '\uFFFD',
	'\uFFFD', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\uFFFD', 'ž', 'Ÿ',
}
