package bib

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"civicgraph/importers/citation"
)

// parseBibTeXNames takes a BibTeX name list apart: names separated by "and"
// (outside braces), each written "Family, Given", "Family, Jr, Given" or
// "Given von Family". A name wholly in braces ("{World Health
// Organization}") is an organisation; "others" (et al.) is dropped. The
// words of the family name include the "von" part, the lower-case words
// before the last word ("Ludwig van Beethoven" → "van Beethoven"); a "Jr"
// part is put after the family name ("King Jr.").
func parseBibTeXNames(raw string) []citation.Person {
	var out []citation.Person
	for _, name := range splitNames(raw) {
		if len(name) == 0 || len(name) == 1 && strings.EqualFold(name[0], "others") {
			continue
		}
		if len(name) == 1 && isBraced(name[0]) {
			out = append(out, citation.Person{Family: decodeLaTeX(name[0])})
			continue
		}
		var parts [][]string
		cur := []string{}
		for _, w := range name {
			if w == "," {
				parts = append(parts, cur)
				cur = []string{}
				continue
			}
			cur = append(cur, w)
		}
		parts = append(parts, cur)
		var p citation.Person
		switch len(parts) {
		case 1:
			words := parts[0]
			last := len(words) - 1
			von := -1
			for k := 0; k < last; k++ {
				if isLowerWord(words[k]) {
					von = k
					break
				}
			}
			split := last
			if von >= 0 {
				split = von
			}
			p.Given = joinDecoded(words[:split])
			p.Family = joinDecoded(words[split:])
		case 2:
			p.Family = joinDecoded(parts[0])
			p.Given = joinDecoded(parts[1])
		default:
			p.Family = joinDecoded(append(append([]string{}, parts[0]...), parts[1]...))
			rest := make([]string, 0, len(parts)-2)
			for _, ws := range parts[2:] {
				rest = append(rest, joinDecoded(ws))
			}
			p.Given = strings.Join(rest, ", ")
		}
		out = append(out, p)
	}
	return out
}

// splitNames splits a name list into names, and each name into its words
// and commas, outside braces: "Smith, J. and {Bar Inc}" → [["Smith" ","
// "J."] ["{Bar Inc}"]].
func splitNames(raw string) [][]string {
	var names [][]string
	var words []string
	depth, start := 0, -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := raw[start:end]
		start = -1
		if depth == 0 && strings.EqualFold(w, "and") {
			names = append(names, words)
			words = nil
			return
		}
		words = append(words, w)
	}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			if start < 0 {
				start = i
			}
			i++
		case c == '{':
			if start < 0 {
				start = i
			}
			depth++
		case c == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0 && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '~'):
			flush(i)
		case depth == 0 && c == ',':
			flush(i)
			words = append(words, ",")
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(raw))
	return append(names, words)
}

// isBraced reports whether w is one braced group: "{World Bank}".
func isBraced(w string) bool {
	return len(w) >= 2 && w[0] == '{' && skipGroup(w, 0) == len(w)
}

// isLowerWord reports whether a word of a name starts with a lower-case
// letter, as the "von" part does. A word that starts with a brace, other
// than an accent such as {\'e}, is not lower case: braces protect it.
func isLowerWord(w string) bool {
	if strings.HasPrefix(w, "{") && !strings.HasPrefix(w, "{\\") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(decodeLaTeX(w))
	return unicode.IsLower(r)
}

// joinDecoded decodes the LaTeX of words and joins them with spaces.
func joinDecoded(words []string) string {
	for i, w := range words {
		words[i] = decodeLaTeX(w)
	}
	return strings.Join(words, " ")
}
