package citation_test

import (
	"slices"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

// TestCitation_QuadsLanguage: the language is dcterms:language as an IRI of
// the EU language authority table; a language that table lacks is kept as
// an xsd:language literal; the title keeps the full tag.
func TestCitation_QuadsLanguage(t *testing.T) {
	tests := []struct {
		lang      string
		want      []graph.Term // the objects of dcterms:language
		titleLang string
	}{
		{"en", []graph.Term{graph.IRI(schema.NSLanguage + "ENG")}, "en"},
		{"ca", []graph.Term{graph.IRI(schema.NSLanguage + "CAT")}, "ca"},
		{"en-GB", []graph.Term{graph.IRI(schema.NSLanguage + "ENG")}, "en-GB"},
		{"la", []graph.Term{graph.Literal("la", schema.XSDLanguage)}, "la"},
		{"", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			c := citation.Citation{Type: citation.TypeReport, Title: "A title", Year: "2020",
				Authors: []citation.Person{{Family: "Doe"}}, Language: tc.lang}
			var got []graph.Term
			var title graph.Term
			for _, q := range c.Quads(schema.DefaultBase, graph.IRI(schema.GraphIRI("test"))) {
				switch q.P.Value {
				case schema.DCTermsLanguage:
					got = append(got, q.O)
				case schema.DCTermsTitle:
					title = q.O
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("dcterms:language = %v, want %v", got, tc.want)
			}
			if title.Lang != tc.titleLang {
				t.Errorf("title %v, want language tag %q", title, tc.titleLang)
			}
		})
	}
}
