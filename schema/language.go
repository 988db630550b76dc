package schema

import (
	"slices"
	"strings"
)

// NSLanguage is the namespace of the EU Publications Office's language
// authority table (the "language" named authority list of the EU
// Vocabularies). The values of dcterms:language are IRIs in it, such as
// NSLanguage + "ENG"; see [LanguageIRI].
const NSLanguage = "http://publications.europa.eu/resource/authority/language/"

// languageTable pairs BCP 47 primary language subtags with the codes of the
// EU language authority table. The authority codes are three upper-case
// letters, mostly those of ISO 639-2/T. Only codes known for certain to be
// in the table are listed; a tag that is not here stays a literal (see
// [LanguageIRI]). It is read-only.
var languageTable = [...]struct{ tag, code string }{
	{"ar", "ARA"}, {"bg", "BUL"}, {"ca", "CAT"}, {"cs", "CES"}, {"da", "DAN"},
	{"de", "DEU"}, {"el", "ELL"}, {"en", "ENG"}, {"es", "SPA"}, {"et", "EST"},
	{"eu", "EUS"}, {"fi", "FIN"}, {"fr", "FRA"}, {"ga", "GLE"}, {"gl", "GLG"},
	{"hr", "HRV"}, {"hu", "HUN"}, {"it", "ITA"}, {"ja", "JPN"}, {"lt", "LIT"},
	{"lv", "LAV"}, {"mt", "MLT"}, {"nl", "NLD"}, {"no", "NOR"}, {"pl", "POL"},
	{"pt", "POR"}, {"ro", "RON"}, {"ru", "RUS"}, {"sk", "SLK"}, {"sl", "SLV"},
	{"sv", "SWE"}, {"zh", "ZHO"},
}

// LanguageIRI returns the IRI of the EU language authority table for a
// BCP 47 language tag: "en", "en-GB" and "EN" give NSLanguage + "ENG". Only
// the primary language subtag counts, because the table names languages,
// not regional or script variants (a title keeps the full tag as its
// literal's language). The table's own code ("ENG", "spa") is accepted
// too. It reports false for a tag whose language the table of this package
// does not have; such a tag is kept as a literal by the writers of
// dcterms:language, and the shapes warn about it.
func LanguageIRI(tag string) (string, bool) {
	primary, _, _ := strings.Cut(strings.TrimSpace(tag), "-")
	primary, _, _ = strings.Cut(primary, "_")
	lower := strings.ToLower(primary)
	upper := strings.ToUpper(primary)
	for _, l := range languageTable {
		if l.tag == lower || l.code == upper {
			return NSLanguage + l.code, true
		}
	}
	return "", false
}

// LanguageTag returns the BCP 47 tag for an IRI of the EU language
// authority table: NSLanguage + "ENG" gives "en". For an IRI in the
// table's namespace whose code this package does not list, it returns the
// code in lower case ("lat"), which is a well-formed language subtag. It
// reports false for an IRI outside the namespace or without a code.
func LanguageTag(iri string) (string, bool) {
	code, ok := strings.CutPrefix(iri, NSLanguage)
	if !ok || code == "" || strings.ContainsAny(code, "/#?") {
		return "", false
	}
	if i := slices.IndexFunc(languageTable[:], func(l struct{ tag, code string }) bool { return l.code == code }); i >= 0 {
		return languageTable[i].tag, true
	}
	return strings.ToLower(code), true
}

// Languages returns the BCP 47 tags that [LanguageIRI] knows, in
// alphabetical order. The slice is new on each call.
func Languages() []string {
	out := make([]string, len(languageTable))
	for i, l := range languageTable {
		out[i] = l.tag
	}
	return out
}
