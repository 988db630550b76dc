// Package ns holds the namespace prefixes the RDF writers share: a prefix
// name and the IRI it stands for, and the split of an IRI into a prefix
// and a local name that each syntax then checks against its own grammar
// (Turtle's PN_LOCAL, XML's NCName, a JSON-LD compact IRI).
package ns

import "strings"

// Prefix is a prefix name and the namespace IRI it stands for: "dcterms"
// and "http://purl.org/dc/terms/".
type Prefix struct {
	Name string
	IRI  string
}

// Match returns the first prefix of prefixes whose namespace starts iri,
// and the rest of iri after it, for which ok(local) is true. It reports
// false when none fits.
func Match(prefixes []Prefix, iri string, ok func(local string) bool) (Prefix, string, bool) {
	for _, p := range prefixes {
		if local, found := strings.CutPrefix(iri, p.IRI); found && ok(local) {
			return p, local, true
		}
	}
	return Prefix{}, "", false
}
