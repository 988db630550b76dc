package importers_test

import (
	"errors"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/schema"
)

// TestImport_EPO imports Turtle in the eProcurement Ontology: what the ePO
// mapping derives lands in the file's graph, typed in the domain, and is
// checked against the shapes like a domain format (a buyer without a
// legal name has no label, so that import fails and writes nothing, unless
// validation is off).
func TestImport_EPO(t *testing.T) {
	const prefix = `@prefix epo: <http://data.europa.eu/a4g/ontology#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix ex: <http://example.org/> .
`
	tests := []struct {
		name         string
		ttl          string
		noValidate   bool
		wantErr      string
		procurements int
	}{
		{"Typed", `ex:p a epo:Procedure ; dct:title "Chatbot"@en ; epo:isResponsibilityOfBuyer ex:b .
ex:b a epo:Buyer ; epo:playedBy ex:o . ex:o epo:hasLegalName "Town"@en .`, false, "", 1},
		{"NoLegalName", `ex:p a epo:Procedure ; dct:title "Chatbot"@en ; epo:isResponsibilityOfBuyer ex:b .
ex:b a epo:Buyer ; epo:playedBy ex:o .`, false, "rdfs:label", 0},
		{"NoLegalNameNoValidate", `ex:p a epo:Procedure ; dct:title "Chatbot"@en ; epo:isResponsibilityOfBuyer ex:b .
ex:b a epo:Buyer ; epo:playedBy ex:o .`, true, "", 1},
		{"NoEPO", `ex:a dct:title "A" .`, false, "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := graphtest.NewStore(t)
			in := []importers.Input{{Name: "notice.ttl", R: strings.NewReader(prefix + tc.ttl)}}
			_, err := importers.Import(t.Context(), s, in, importers.Options{NoValidate: tc.noValidate})
			if tc.wantErr != "" {
				var ve *importers.ValidationError
				if !errors.As(err, &ve) || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("import = %v, want a ValidationError mentioning %q", err, tc.wantErr)
				}
				if n, _ := s.Count(t.Context(), graph.Pattern{}); n != 0 {
					t.Errorf("a refused import left %d quads", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := importers.SourceGraph("notice.ttl")
			n, err := s.Count(t.Context(), graph.Pattern{P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: g})
			if err != nil {
				t.Fatal(err)
			}
			if int(n) != tc.procurements {
				t.Errorf("procurements in the file's graph = %d, want %d", n, tc.procurements)
			}
		})
	}
}
