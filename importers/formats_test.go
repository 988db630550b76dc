package importers_test

import (
	"errors"
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
// buyer: the Procurement shape requires one, so the import fails, names the
// file and the entity, and writes nothing; --no-validate imports it.
func TestImport_DomainFormatsAreValidated(t *testing.T) {
	doc := `{"releases": [{"ocid": "ocds-abc-2", "id": "1", "date": "2024-01-01T00:00:00Z", "tag": ["tender"], "initiationType": "tender", "tender": {"id": "t1", "title": "AI chatbot"}}]}`
	s := graphtest.NewStore(t)
	_, err := importers.Import(t.Context(), s, []importers.Input{{Name: "nobuyer.json", R: strings.NewReader(doc)}}, importers.Options{})
	var ve *importers.ValidationError
	if !errors.As(err, &ve) || ve.File != "nobuyer.json" || ve.Total == 0 || !strings.Contains(err.Error(), "buyer") {
		t.Fatalf("import of a release without buyer = %v, want a ValidationError naming buyer", err)
	}
	if n, _ := s.Count(t.Context(), graph.Pattern{}); n != 0 {
		t.Errorf("a refused import left %d quads", n)
	}
	if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: "nobuyer.json", R: strings.NewReader(doc)}}, importers.Options{NoValidate: true}); err != nil {
		t.Fatalf("import with NoValidate: %v", err)
	}
}
