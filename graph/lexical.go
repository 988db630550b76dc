package graph

// Lexical checks of RDF terms that every syntax shares: the parsers
// reject, and the writers refuse to write, what fails them.

// IsAbsoluteIRI reports whether s starts with a scheme and a colon
// (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"), that is, whether it is
// an absolute IRI rather than a relative reference. RDF terms hold
// absolute IRIs only.
func IsAbsoluteIRI[T string | []byte](s T) bool {
	if len(s) == 0 || !isASCIILetter(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch c := s[i]; {
		case c == ':':
			return true
		case isASCIILetter(c), isASCIIDigit(c), c == '+', c == '-', c == '.':
		default:
			return false
		}
	}
	return false
}

// ValidLangTag reports whether tag is a language tag as N-Triples, N-Quads
// and Turtle write one: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
func ValidLangTag(tag string) bool {
	i := 0
	for i < len(tag) && isASCIILetter(tag[i]) {
		i++
	}
	if i == 0 {
		return false
	}
	for i < len(tag) {
		if tag[i] != '-' {
			return false
		}
		i++
		sub := i
		for i < len(tag) && (isASCIILetter(tag[i]) || isASCIIDigit(tag[i])) {
			i++
		}
		if i == sub {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
