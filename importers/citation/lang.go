package citation

import (
	"regexp"
	"strings"
	"unicode"
)

// Cues that tell English, Spanish and Catalan titles apart. Words the
// languages share ("de", "la", "el", "a", "en", "un") are left out. The
// tables are read-only.
var (
	wordsEN = map[string]bool{
		"the": true, "of": true, "and": true, "for": true, "to": true, "in": true, "with": true,
		"on": true, "from": true, "by": true, "into": true, "is": true, "an": true, "how": true,
		"what": true, "its": true, "your": true, "our": true, "beyond": true, "towards": true,
		"through": true, "as": true, "at": true, "about": true, "between": true, "within": true,
		"why": true, "are": true, "can": true, "their": true, "this": true, "that": true,
	}
	wordsES = map[string]bool{
		"y": true, "los": true, "las": true, "para": true, "por": true, "con": true, "al": true,
		"desde": true, "cómo": true, "qué": true,
	}
	wordsCA = map[string]bool{
		"i": true, "els": true, "per": true, "amb": true, "dels": true, "pel": true, "pels": true,
		"als": true, "com": true, "cap": true, "què": true,
	}
	// reElision matches the Catalan elided articles and prepositions: l’, d’.
	reElision = regexp.MustCompile(`(?:^|[^\p{L}])[ldLD][’']\p{L}`)
)

// detectLanguage returns "en", "es" or "ca" when the words of s make its
// language plain, and "" otherwise: the language with the most cues wins,
// and there must be at least one cue and no tie.
func detectLanguage(s string) string {
	var en, es, ca int
	ca += len(reElision.FindAllStringIndex(s, -1))
	ca += strings.Count(s, "ç") + strings.Count(s, "l·l") + strings.Count(s, "è") + strings.Count(s, "ò") + strings.Count(s, "à")
	es += strings.Count(s, "ñ") + strings.Count(s, "¿") + strings.Count(s, "¡")
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && r != '·' }) {
		switch {
		case wordsEN[w]:
			en++
		case wordsES[w]:
			es++
		case wordsCA[w]:
			ca++
		case strings.HasSuffix(w, "ción") || strings.HasSuffix(w, "ciones"):
			es++
		case strings.HasSuffix(w, "ció") || strings.HasSuffix(w, "cions"):
			ca++
		}
	}
	switch {
	case en > es && en > ca:
		return "en"
	case es > en && es > ca:
		return "es"
	case ca > en && ca > es:
		return "ca"
	}
	return ""
}
