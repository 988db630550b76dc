// Package problems collects the errors a parser finds in one input, so
// that one run lists every problem instead of stopping at the first: the
// RDF and OCDS readers share it. It keeps the first [Max] errors and
// counts the rest.
package problems

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Max is how many errors a [List] keeps; after that it only counts them.
const Max = 100

// List is the errors found in one input: the first [Max] in Errors, and
// how many there were in all in Total. The zero List is empty and ready
// to use. It is not safe for concurrent use.
type List struct {
	Errors []error
	Total  int
}

// Add records err; a nil err is ignored.
func (l *List) Add(err error) {
	if err == nil {
		return
	}
	l.Total++
	if len(l.Errors) < Max {
		l.Errors = append(l.Errors, err)
	}
}

// Len returns how many errors were added, kept or not.
func (l *List) Len() int { return l.Total }

// Err returns nil when no error was added, the error itself when exactly
// one was (so a single problem reads and compares as it did before
// parsers collected them), and otherwise a copy of the list as an error.
func (l *List) Err() error {
	switch l.Total {
	case 0:
		return nil
	case 1:
		return l.Errors[0]
	}
	return &List{Errors: l.Errors[:len(l.Errors):len(l.Errors)], Total: l.Total}
}

// Error lists the errors kept, one a line, and then, when some were only
// counted, a line "... and N more problems (T in all)".
func (l *List) Error() string {
	var b strings.Builder
	for i, err := range l.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	if more := l.Total - len(l.Errors); more > 0 {
		if len(l.Errors) > 0 {
			b.WriteByte('\n')
		}
		b.WriteString("... and ")
		b.WriteString(strconv.Itoa(more))
		b.WriteString(" more problems (")
		b.WriteString(strconv.Itoa(l.Total))
		b.WriteString(" in all)")
	}
	return b.String()
}

// Unwrap returns the errors kept, for errors.Is and errors.As, which look
// at them in order: errors.As finds the first of a type.
func (l *List) Unwrap() []error { return l.Errors }

// MaxExcerpt is how many bytes of the offending input an error quotes at
// most: a 10 MB token is reported by its first MaxExcerpt bytes and "...".
const MaxExcerpt = 40

// maxPart is how many bytes each part of a [Message] (file, path, expected,
// found) keeps at most once escaped, so that no error line grows with the
// input, whatever a parser put in it.
const maxPart = 256

// Message formats a problem found in an input the way every parser reports
// one: "file:line:col: path: expected X, found Y", leaving out the file
// when it is "", the line and column when line is 0, and the path (a JSON
// or XML path) when it is "". found is written as given: the caller quotes
// an excerpt of the input with [Quote], or names the end of a line or of
// the input.
//
// Every part is made safe to print on a terminal: control characters, the
// Unicode format characters that reorder text (bidi overrides) and bytes
// that are not UTF-8 are escaped as Go does (\x1b, \u202e), and a part
// longer than a few hundred bytes is cut, ending in "...". A part that
// [Quote] made is already safe and short, and stays as it is.
func Message(file string, line, col int, path, expected, found string) string {
	var b strings.Builder
	if file != "" {
		writeSafe(&b, file)
		b.WriteByte(':')
	}
	if line > 0 {
		b.WriteString(strconv.Itoa(line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(col))
		b.WriteByte(':')
	}
	if b.Len() > 0 {
		b.WriteByte(' ')
	}
	if path != "" {
		writeSafe(&b, path)
		b.WriteString(": ")
	}
	b.WriteString("expected ")
	writeSafe(&b, expected)
	b.WriteString(", found ")
	writeSafe(&b, found)
	return b.String()
}

// Quote returns found quoted, or end when found is "" (the problem is at the
// end of a line or of the input). Only the first [MaxExcerpt] bytes are
// quoted, cut at a character boundary and followed by "..." when found is
// longer; control characters and bytes that are not UTF-8 are escaped.
func Quote(found, end string) string {
	if found == "" {
		return end
	}
	if len(found) <= MaxExcerpt {
		return strconv.Quote(found)
	}
	return strconv.Quote(found[:cut(found, MaxExcerpt)]) + "..."
}

// Excerpt returns the start of s that an error should keep: s itself when
// it is short, and otherwise a prefix a little longer than [MaxExcerpt]
// bytes (cut at a character boundary), so that [Quote] still sees that it
// was cut. Parsers store Excerpt(token) rather than the token in their
// errors, so that an error about a 10 MB token does not hold it.
func Excerpt(s string) string {
	const keep = MaxExcerpt + utf8.UTFMax
	if len(s) <= keep {
		return s
	}
	return strings.Clone(s[:cut(s, keep)])
}

// ExcerptBytes is [Excerpt] of b, as a new string.
func ExcerptBytes(b []byte) string {
	const keep = MaxExcerpt + utf8.UTFMax
	if len(b) <= keep {
		return string(b)
	}
	n := keep
	for n > keep-utf8.UTFMax && !utf8.RuneStart(b[n]) {
		n--
	}
	return string(b[:n])
}

// cut returns the length of the longest prefix of s of at most n bytes that
// ends at a character boundary (or n, when s is not UTF-8 there), for
// len(s) > n.
func cut(s string, n int) int {
	for i := n; i > n-utf8.UTFMax && i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return i
		}
	}
	return n
}

// Safe returns s as [Message] writes each of its parts: control, format
// and non-UTF-8 characters escaped, and cut to a few hundred bytes. It is
// for errors laid out otherwise, which must be as safe to print.
func Safe(s string) string {
	var b strings.Builder
	writeSafe(&b, s)
	return b.String()
}

// writeSafe writes s to b with control characters, format characters and
// bytes that are not UTF-8 escaped, and at most maxPart bytes of the
// result, then "..." if it was cut.
func writeSafe(b *strings.Builder, s string) {
	start := b.Len()
	var esc [utf8.UTFMax * 3]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		var piece string
		switch {
		case r == utf8.RuneError && size == 1:
			piece = `\x` + hex2(s[i])
		case unsafeRune(r):
			q := strconv.AppendQuoteRuneToASCII(esc[:0], r)
			piece = string(q[1 : len(q)-1])
		default:
			piece = s[i : i+size]
		}
		if b.Len()-start+len(piece) > maxPart {
			b.WriteString("...")
			return
		}
		b.WriteString(piece)
		i += size
	}
}

// unsafeRune reports whether r must be escaped before it is printed: C0 and
// C1 controls, DEL, and the format characters that change how a terminal
// or editor shows the text around them (bidi marks, embeddings, overrides
// and isolates, zero-width characters, the BOM).
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r == 0x061c, r >= 0x200b && r <= 0x200f, r >= 0x2028 && r <= 0x202e,
		r >= 0x2060 && r <= 0x206f, r == 0xfeff:
		return true
	}
	return false
}

// hex2 returns c as two lower-case hex digits.
func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&0xf]})
}
