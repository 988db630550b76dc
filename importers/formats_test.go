package importers_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
)

// TestImport_EveryFormat imports one small document of each format and
// checks a quad it must give, in the file's own graph.
func TestImport_EveryFormat(t *testing.T) {
	tests := []struct {
		name, content string
		s, p          string // a quad the import must hold (object not checked)
	}{
		{"a.ttl", "@prefix ex: <http://e.org/> .\nex:a ex:p \"1\" ; ex:q ex:b .\n", "http://e.org/a", "http://e.org/q"},
		{"rel.ttl", "<s> <http://e.org/p> <o> .\n", "", "http://e.org/p"},
		{"a.trig", "@prefix ex: <http://e.org/> .\nex:g { ex:a ex:p ex:b . }\n", "http://e.org/a", "http://e.org/p"},
		{"a.rdf", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://e.org/"><rdf:Description rdf:about="http://e.org/a"><ex:p>1</ex:p></rdf:Description></rdf:RDF>`, "http://e.org/a", "http://e.org/p"},
		{"a.jsonld", `{"@id": "http://e.org/a", "http://e.org/p": "1"}`, "http://e.org/a", "http://e.org/p"},
		{"refs.bib", "@article{smith2019, author = {Smith, John}, title = {A study of things}, journal = {Journal}, year = 2019}\n", "", "http://purl.org/dc/terms/title"},
		{"refs.ris", "TY  - JOUR\nAU  - Smith, John\nTI  - A study of things\nPY  - 2019\nER  - \n", "", "http://purl.org/dc/terms/title"},
		{"refs.json", `[{"type": "article-journal", "title": "A study of things", "author": [{"family": "Smith", "given": "John"}], "issued": {"date-parts": [[2019]]}}]`, "", "http://purl.org/dc/terms/title"},
		{"refs.txt", "Smith, J. (2019). A study of things. Journal, 1(2), 3–4.\n", "", "http://purl.org/dc/terms/title"},
		{"release.json", `{"releases": [{"ocid": "ocds-abc-1", "id": "1", "date": "2024-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender", "buyer": {"id": "b1", "name": "City Council"}, "parties": [{"id": "b1", "name": "City Council", "roles": ["buyer"]}], "tender": {"id": "t1", "title": "AI chatbot"}}]}`, "", "https://w3id.org/civicgraph/ns#ocid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := graphtest.NewStore(t)
			res, err := importers.Import(t.Context(), s, []importers.Input{{Name: tc.name, R: strings.NewReader(tc.content)}}, importers.Options{})
			if err != nil {
				t.Fatalf("import %s: %v", tc.name, err)
			}
			g := importers.SourceGraph(tc.name)
			if tc.name == "a.trig" {
				g = graph.IRI("http://e.org/g")
			}
			p := graph.Pattern{P: graph.IRI(tc.p), G: g}
			if tc.s != "" {
				p.S = graph.IRI(tc.s)
			}
			if n, err := s.Count(t.Context(), p); err != nil || n == 0 {
				t.Errorf("after importing %s (%+v), no quad %+v", tc.name, res, p)
			}
		})
	}
}

func TestImport_FormatErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"bad.ttl", "@prefix ex: <http://e.org/> .\nex:a ex:p .\n", "bad.ttl:2"},
		{"bad.json", `{"hello": "world"}`, "neither OCDS"},
		{"bad.bib", "@article{x, title = {unclosed}\n", "bad.bib"},
		{"bad.rdf", "<rdf:RDF", "bad.rdf"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := graphtest.NewStore(t)
			_, err := importers.Import(t.Context(), s, []importers.Input{{Name: tc.name, R: strings.NewReader(tc.content)}}, importers.Options{})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("import %s = %v, want an error mentioning %q", tc.name, err, tc.want)
			}
			if n, _ := s.Count(t.Context(), graph.Pattern{}); n != 0 {
				t.Errorf("failed import left %d quads", n)
			}
		})
	}
}

// TestImport_DomainFormatsAreValidated imports an OCDS release without a
// title (a buyer the release does not name is recorded as not stated, but
// a procurement needs a title): the Procurement shape requires one, so the
// import fails, names the file and the entity, and writes nothing;
// --no-validate imports it.
func TestImport_DomainFormatsAreValidated(t *testing.T) {
	doc := `{"releases": [{"ocid": "ocds-abc-2", "id": "1", "date": "2024-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender", "buyer": {"name": "City Council"}, "tender": {"id": "t1"}}]}`
	s := graphtest.NewStore(t)
	_, err := importers.Import(t.Context(), s, []importers.Input{{Name: "notitle.json", R: strings.NewReader(doc)}}, importers.Options{})
	var ve *importers.ValidationError
	if !errors.As(err, &ve) || ve.File != "notitle.json" || ve.Total == 0 || !strings.Contains(err.Error(), "title") {
		t.Fatalf("import of a release without title = %v, want a ValidationError naming the title", err)
	}
	if n, _ := s.Count(t.Context(), graph.Pattern{}); n != 0 {
		t.Errorf("a refused import left %d quads", n)
	}
	if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: "notitle.json", R: strings.NewReader(doc)}}, importers.Options{NoValidate: true}); err != nil {
		t.Fatalf("import with NoValidate: %v", err)
	}
}

// TestImport_BadLastRecordChangesNothing puts a bad record at the very end
// of a large input of each format family: the import fails, and the store
// (which holds data already) is exactly as before.
func TestImport_BadLastRecordChangesNothing(t *testing.T) {
	const n = 5000
	var ttl, bibtex, csvText, ocdsText strings.Builder
	ttl.WriteString("@prefix ex: <http://e.org/> .\n")
	csvText.WriteString("id,title,buyer\n")
	ocdsText.WriteString(`{"releases": [`)
	for i := range n {
		fmt.Fprintf(&ttl, "ex:s%d ex:p \"value %d\" ; ex:q ex:o%d .\n", i, i, i)
		fmt.Fprintf(&bibtex, "@article{key%d, author = {Smith, John}, title = {Study number %d of things}, journal = {Journal}, year = 2019}\n", i, i)
		fmt.Fprintf(&csvText, "p%d,Procurement %d,https://e.org/buyer\n", i, i)
		if i > 0 {
			ocdsText.WriteString(",")
		}
		fmt.Fprintf(&ocdsText, `{"ocid": "ocds-x-%d", "id": "1", "date": "2024-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender", "buyer": {"id": "b1", "name": "City Council"}, "parties": [{"id": "b1", "name": "City Council", "roles": ["buyer"]}], "tender": {"id": "t", "title": "Tender %d"}}`, i, i)
	}
	ttl.WriteString("ex:last ex:p .\n")
	bibtex.WriteString("@article{broken, title = {unclosed}\n")
	csvText.WriteString("bad,Last,\"unterminated\n")
	ocdsText.WriteString(`, {"id": "no ocid"}]}`)
	tests := []struct{ name, content string }{
		{"big.ttl", ttl.String()},
		{"big.bib", bibtex.String()},
		{"procurements.csv", csvText.String()},
		{"big.json", ocdsText.String()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := graphtest.NewStore(t)
			graphtest.Load(t, s, graphtest.Fixture())
			if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: "keep.nt", R: strings.NewReader("<http://e.org/k> <http://e.org/p> \"k\" .\n")}}, importers.Options{}); err != nil {
				t.Fatal(err)
			}
			before, err := s.Stats(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			var dump strings.Builder
			for q, err := range s.Match(t.Context(), graph.Pattern{}) {
				if err != nil {
					t.Fatal(err)
				}
				dump.WriteString(q.String())
			}
			_, err = importers.Import(t.Context(), s, []importers.Input{{Name: tc.name, R: strings.NewReader(tc.content)}}, importers.Options{})
			if err == nil || !strings.Contains(err.Error(), tc.name) {
				t.Fatalf("import of %s with a bad last record = %v, want an error naming the file", tc.name, err)
			}
			after, _ := s.Stats(t.Context())
			var again strings.Builder
			for q, err := range s.Match(t.Context(), graph.Pattern{}) {
				if err != nil {
					t.Fatal(err)
				}
				again.WriteString(q.String())
			}
			if after.Quads != before.Quads || after.Terms != before.Terms || again.String() != dump.String() {
				t.Errorf("failed import changed the store: %d quads, %d terms before; %d, %d after", before.Quads, before.Terms, after.Quads, after.Terms)
			}
		})
	}
}
