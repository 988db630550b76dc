package schema_test

import (
	"regexp"
	"slices"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

func TestLanguageIRI(t *testing.T) {
	const ns = "http://publications.europa.eu/resource/authority/language/"
	tests := []struct {
		tag, want string
		ok        bool
	}{
		{"en", ns + "ENG", true},
		{"es", ns + "SPA", true},
		{"ca", ns + "CAT", true},
		{"EN", ns + "ENG", true},
		{"en-GB", ns + "ENG", true},
		{"es_ES", ns + "SPA", true},
		{"zh-Hant-TW", ns + "ZHO", true},
		{"de", ns + "DEU", true},
		{"eu", ns + "EUS", true},
		{"el", ns + "ELL", true},
		{"ga", ns + "GLE", true},
		{"no", ns + "NOR", true},
		{"ENG", ns + "ENG", true}, // the table's own code
		{"spa", ns + "SPA", true},
		{"la", "", false}, // Latin: not in the package's table, stays a literal
		{"nb", "", false},
		{"", "", false},
		{"english", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.tag, func(t *testing.T) {
			got, ok := schema.LanguageIRI(tc.tag)
			if got != tc.want || ok != tc.ok {
				t.Errorf("LanguageIRI(%q) = %q, %v; want %q, %v", tc.tag, got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestLanguageTag(t *testing.T) {
	tests := []struct {
		iri, want string
		ok        bool
	}{
		{schema.NSLanguage + "ENG", "en", true},
		{schema.NSLanguage + "CAT", "ca", true},
		{schema.NSLanguage + "ZHO", "zh", true},
		{schema.NSLanguage + "LAT", "lat", true}, // in the authority's namespace, not in our table
		{schema.NSLanguage, "", false},
		{schema.NSLanguage + "ENG/x", "", false},
		{"http://id.loc.gov/vocabulary/iso639-2/eng", "", false},
		{"en", "", false},
	}
	for _, tc := range tests {
		got, ok := schema.LanguageTag(tc.iri)
		if got != tc.want || ok != tc.ok {
			t.Errorf("LanguageTag(%q) = %q, %v; want %q, %v", tc.iri, got, ok, tc.want, tc.ok)
		}
	}
}

// TestLanguages checks the table both ways: every tag is a two-letter
// ISO 639-1 code, every authority code three upper-case letters, no tag or
// code twice, and each round-trips through LanguageIRI and LanguageTag.
func TestLanguages(t *testing.T) {
	tags := schema.Languages()
	if len(tags) < 32 || !slices.IsSorted(tags) {
		t.Fatalf("Languages() = %v, want at least 32 tags, sorted", tags)
	}
	code := regexp.MustCompile(`^[A-Z]{3}$`)
	seen := map[string]string{}
	for _, tag := range tags {
		if !regexp.MustCompile(`^[a-z]{2}$`).MatchString(tag) {
			t.Errorf("tag %q is not a two-letter code", tag)
		}
		iri, ok := schema.LanguageIRI(tag)
		if !ok {
			t.Errorf("LanguageIRI(%q) not found", tag)
			continue
		}
		c := iri[len(schema.NSLanguage):]
		if !code.MatchString(c) {
			t.Errorf("%s: code %q is not three upper-case letters", tag, c)
		}
		if other, dup := seen[c]; dup {
			t.Errorf("code %s for both %s and %s", c, other, tag)
		}
		seen[c] = tag
		if back, ok := schema.LanguageTag(iri); !ok || back != tag {
			t.Errorf("LanguageTag(LanguageIRI(%q)) = %q, %v", tag, back, ok)
		}
	}
}

// TestSchema_ValidateLanguage: dcterms:language is an IRI of the EU
// authority table; a tag kept as a literal passes with a warning; anything
// else is a violation.
func TestSchema_ValidateLanguage(t *testing.T) {
	s := newSchema(t)
	ref := graph.IRI(idBase + "reference/r")
	base := []graph.Quad{
		{S: ref, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassReference)},
		{S: ref, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.BIBOReport)},
		{S: ref, P: graph.IRI(schema.DCTermsTitle), O: graph.Literal("R", schema.XSDString)},
		{S: ref, P: graph.IRI(schema.DCTermsIssued), O: graph.Literal("2020", schema.XSDGYear)},
	}
	type result struct {
		code     string
		severity schema.Severity
	}
	tests := []struct {
		name  string
		value graph.Term
		want  []result
	}{
		{"AuthorityIRI", graph.IRI(schema.NSLanguage + "SPA"), nil},
		{"AuthorityIRIOutsideTable", graph.IRI(schema.NSLanguage + "LAT"), nil},
		{"TagLiteral", graph.Literal("la", schema.XSDLanguage), []result{{schema.CodeNodeKind, schema.SeverityWarning}}},
		{"StringLiteral", graph.Literal("en-GB", schema.XSDString), []result{{schema.CodeNodeKind, schema.SeverityWarning}}},
		{"OtherIRI", graph.IRI("http://id.loc.gov/vocabulary/iso639-2/eng"), []result{{schema.CodePattern, schema.SeverityViolation}}},
		{"LowerCaseCode", graph.IRI(schema.NSLanguage + "eng"), []result{{schema.CodePattern, schema.SeverityViolation}}},
		{"NotATag", graph.Literal("English language", schema.XSDString), []result{
			{schema.CodeNodeKind, schema.SeverityWarning}, {schema.CodePattern, schema.SeverityViolation}}},
		{"BlankNode", graph.Blank("b"), []result{{schema.CodePattern, schema.SeverityViolation}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quads := append(slices.Clone(base), graph.Quad{S: ref, P: graph.IRI(schema.DCTermsLanguage), O: tc.value})
			var got []result
			for _, v := range s.Validate(quads) {
				got = append(got, result{v.Code, v.Severity})
			}
			slices.SortFunc(got, func(a, b result) int { return int(a.severity) - int(b.severity) })
			slices.SortFunc(tc.want, func(a, b result) int { return int(a.severity) - int(b.severity) })
			if !slices.Equal(got, tc.want) {
				t.Errorf("Validate() = %v, want %v", got, tc.want)
			}
			errs, warnings := s.Validate(quads).Errors()
			for _, w := range warnings {
				if w.Severity != schema.SeverityWarning {
					t.Errorf("Errors() put %v among the warnings", w)
				}
			}
			for _, e := range errs {
				if e.Severity != schema.SeverityViolation {
					t.Errorf("Errors() put %v among the errors", e)
				}
			}
		})
	}
}

// FuzzLanguageIRI: whatever the input, a tag LanguageIRI knows goes to an
// IRI of the authority's namespace and back to a tag that gives the same
// IRI.
func FuzzLanguageIRI(f *testing.F) {
	for _, s := range []string{"en", "es-ES", "ENG", "zh_Hant", "la", "", "-", "e\u0301n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iri, ok := schema.LanguageIRI(s)
		if !ok {
			if iri != "" {
				t.Fatalf("LanguageIRI(%q) = %q, false", s, iri)
			}
			return
		}
		tag, ok := schema.LanguageTag(iri)
		if !ok {
			t.Fatalf("LanguageTag(LanguageIRI(%q) = %q) not found", s, iri)
		}
		if again, ok := schema.LanguageIRI(tag); !ok || again != iri {
			t.Fatalf("LanguageIRI(%q) = %q, LanguageTag = %q, LanguageIRI again = %q", s, iri, tag, again)
		}
	})
}
