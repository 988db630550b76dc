package queries_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/graph-gophers/graphql-go"

	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/queries"
	"civicgraph/schema"
)

// TestGraphQL_ReferenceLanguages: dcterms:language holds IRIs of the EU
// language authority table (the seed's), or literal tags (a language that
// table lacks, or a store written before the IRIs); Reference.languages
// gives BCP 47 tags for all, and the language filter finds each by tag,
// name, authority code or IRI.
func TestGraphQL_ReferenceLanguages(t *testing.T) {
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(t.Context(), s, schema.DefaultBase); err != nil {
		t.Fatal(err)
	}
	const ref = "<" + schema.DefaultBase + "reference/"
	const lang = "> <" + schema.DCTermsLanguage + "> "
	nt := ref + "latin" + lang + `"la"^^<` + schema.XSDLanguage + "> .\n" +
		ref + "legacy" + lang + `"en-GB"^^<` + schema.XSDLanguage + "> .\n" +
		ref + "welsh" + lang + "<" + schema.NSLanguage + "CYM> .\n" +
		ref + "loc" + lang + "<http://id.loc.gov/vocabulary/iso639-2/eng> .\n"
	for _, id := range []string{"latin", "legacy", "welsh", "loc"} {
		nt += ref + id + "> <" + schema.RDFType + "> <" + schema.ClassReference + "> .\n" +
			ref + id + "> <" + schema.DCTermsTitle + `> "T ` + id + `" .` + "\n"
	}
	if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: "langs.nt", R: strings.NewReader(nt)}},
		importers.Options{Format: importers.NTriples}); err != nil {
		t.Fatal(err)
	}
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	gs, err := graphql.ParseSchema(schema.GraphQL(), queries.New(s, sc, queries.Options{MaxPage: 10000}), graphql.UseStringDescriptions())
	if err != nil {
		t.Fatal(err)
	}

	t.Run("Languages", func(t *testing.T) {
		for id, want := range map[string]string{
			"reference/pena-lopez-2025-new":   "en", // the seed: an authority IRI
			"reference/pena-lopez-2025-nova":  "ca",
			"reference/pena-lopez-2025-nueva": "es",
			"reference/latin":                 "la",
			"reference/legacy":                "en-GB",
			"reference/welsh":                 "cym", // in the authority's namespace, not in schema's table
			"reference/loc":                   "http://id.loc.gov/vocabulary/iso639-2/eng",
		} {
			d := mustExec(t, gs, `query($id: ID!) { node(id: $id) { ... on Reference { languages } } }`, map[string]any{"id": id})
			got := dig(d, "node", "languages").([]any)
			if len(got) != 1 || got[0] != want {
				t.Errorf("%s: languages %v, want [%s]", id, got, want)
			}
		}
	})

	ids := func(t *testing.T, filter string) []string {
		t.Helper()
		d := mustExec(t, gs, `{ references(first: 1000, filter: `+filter+`) { nodes { id } } }`, nil)
		var out []string
		for _, n := range dig(d, "references", "nodes").([]any) {
			out = append(out, dig(n, "id").(string))
		}
		slices.Sort(out)
		return out
	}
	en := ids(t, `{language: ["en"]}`)
	if !slices.Contains(en, "reference/pena-lopez-2025-new") || !slices.Contains(en, "reference/legacy") {
		t.Fatalf("language en: %v, want the seed's English version and the legacy literal", en)
	}
	if slices.Contains(en, "reference/loc") {
		t.Errorf("language en matched an IRI of another vocabulary: %v", en)
	}
	for _, tc := range []struct{ name, filter string }{
		{"Name", `{language: ["English"]}`},
		{"AuthorityCode", `{language: ["ENG"]}`},
		{"AuthorityIRI", `{language: ["` + schema.NSLanguage + `ENG"]}`},
		{"Region", `{language: ["en-US"]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := ids(t, tc.filter); !slices.Equal(got, en) {
				t.Errorf("%s: %v, want as by en: %v", tc.filter, got, en)
			}
		})
	}
	t.Run("LiteralTag", func(t *testing.T) {
		if got := ids(t, `{language: ["la"]}`); !slices.Equal(got, []string{"reference/latin"}) {
			t.Errorf("language la: %v, want [reference/latin]", got)
		}
	})
	t.Run("CodeOutsideTable", func(t *testing.T) {
		if got := ids(t, `{language: ["cym"]}`); !slices.Equal(got, []string{"reference/welsh"}) {
			t.Errorf("language cym: %v, want [reference/welsh]", got)
		}
	})
}
