package graph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The text index holds, for every word, the literals that contain it. A
// word is what [Words] makes of a literal's text; the same function splits
// a search, so the two always agree.

// maxWordBytes is the longest word kept; longer runs of letters (hashes,
// base64, glued URLs) are cut to it.
const maxWordBytes = 64

// Words splits text into the words of the text index: maximal runs of
// letters and digits, lower-cased, with Latin diacritics folded to ASCII
// ("Peña-López" → "pena", "lopez"). Letters of other scripts are kept,
// lower-cased. Words of one ASCII letter or digit are dropped; a word
// longer than 64 bytes is cut. Repeated words are repeated.
func Words(text string) []string {
	return appendWords(nil, text, nil)
}

// appendWords appends the words of text to dst, using buf as scratch.
func appendWords(dst []string, text string, buf []byte) []string {
	eachWord(text, buf, func(w []byte) { dst = append(dst, string(w)) })
	return dst
}

// eachWord calls fn with each word of text, in buf (scratch, returned for
// reuse): fn must copy what it keeps.
func eachWord(text string, buf []byte, fn func(word []byte)) []byte {
	buf = buf[:0]
	other := false // the word holds a rune that does not fold to ASCII
	flush := func() {
		if len(buf) > 1 || other && len(buf) > 0 {
			w := buf
			if len(w) > maxWordBytes {
				n := maxWordBytes
				for n > 0 && !utf8.RuneStart(w[n]) {
					n--
				}
				w = w[:n]
			}
			fn(w)
		}
		buf, other = buf[:0], false
	}
	for _, r := range text {
		if r < utf8.RuneSelf {
			switch {
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				buf = append(buf, byte(r))
			case r >= 'A' && r <= 'Z':
				buf = append(buf, byte(r+'a'-'A'))
			default:
				flush()
			}
			continue
		}
		if f, ok := FoldRune(r); ok {
			buf = append(buf, f...)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
			other = true
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining mark: part of the letter before it
		}
		flush()
	}
	flush()
	return buf
}

// indexable reports whether the text index holds literal t: strings, with
// or without a language, not numbers, dates or other typed values.
func indexable(t Term) bool {
	return t.Kind == KindLiteral && (t.Datatype == "" || t.Datatype == XSDString || t.Datatype == RDFLangString) &&
		strings.TrimSpace(t.Value) != ""
}

// FoldRune returns the lower-case ASCII letters or digit that r folds to
// ("Ñ" → "n", "ß" → "ss"), and false when r has none: ASCII punctuation
// and space, and letters of other scripts (which [Words] keeps as they are).
func FoldRune(r rune) (string, bool) {
	r = unicode.ToLower(r)
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return string(r), true
	case r < 0x80:
		return "", false
	}
	if f, ok := foldTable[r]; ok {
		return f, true
	}
	return "", false
}

// foldTable folds the Latin letters with diacritics (Latin-1 Supplement and
// Latin Extended-A, lower case) to ASCII. It is a read-only table.
var foldTable = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a",
	'æ': "ae", 'ç': "c", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c", 'ď': "d", 'đ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e",
	'ĝ': "g", 'ğ': "g", 'ġ': "g", 'ģ': "g", 'ĥ': "h", 'ħ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i",
	'ĳ': "ij", 'ĵ': "j", 'ķ': "k", 'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o", 'œ': "oe",
	'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ß': "ss",
	'ţ': "t", 'ť': "t", 'ŧ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u",
	'ŵ': "w", 'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}
