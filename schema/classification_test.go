package schema_test

import (
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

func TestClassificationIRI(t *testing.T) {
	tests := []struct {
		scheme, code, want string
	}{
		{"CPV", "72000000", "http://data.europa.eu/cpv/cpv/72000000"},
		{"cpv", "72000000-5", "http://data.europa.eu/cpv/cpv/72000000"},
		{"CPV", "720", schema.ClassificationBase + "cpv/720"},
		{"UNSPSC", "43230000", schema.ClassificationBase + "unspsc/43230000"},
		{"COFOG", "General public services", schema.ClassificationBase + "cofog/general-public-services"},
		{"", "72000000", schema.ClassificationUnstated + "72000000"},
		{"CPV", "45233130.0", "http://data.europa.eu/cpv/cpv/45233130"},
		{"CPV", " ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.scheme+"/"+tt.code, func(t *testing.T) {
			if got := schema.ClassificationIRI(tt.scheme, tt.code); got != tt.want {
				t.Errorf("ClassificationIRI(%q, %q) = %q, want %q", tt.scheme, tt.code, got, tt.want)
			}
		})
	}
}

// TestClassificationQuads checks that a classification with or without a
// label is a valid concept of a scheme, and that a blank one gives
// nothing.
func TestClassificationQuads(t *testing.T) {
	s := newSchema(t)
	tests := []struct {
		name      string
		c         schema.Classification
		wantQuads int
		wantLabel bool
	}{
		{"CPVLabelled", schema.Classification{Scheme: "CPV", Code: "72000000-5", Label: "IT services", Lang: "en"}, 7, true},
		{"UNSPSCUnlabelled", schema.Classification{Scheme: "UNSPSC", Code: "43230000"}, 7, false},
		{"NoScheme", schema.Classification{Code: "42201810-001", Label: "Placa"}, 4, true},
		{"Blank", schema.Classification{Scheme: "CPV"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iri, quads := schema.ClassificationQuads(tt.c)
			if len(quads) != tt.wantQuads {
				t.Fatalf("got %d quads, want %d: %v", len(quads), tt.wantQuads, quads)
			}
			if len(quads) == 0 {
				if iri != "" {
					t.Errorf("iri = %q, want none", iri)
				}
				return
			}
			if vs := s.Validate(quads); len(vs) > 0 {
				t.Errorf("violations: %v", vs)
			}
			label := false
			for _, q := range quads {
				if q.S.Value == iri && q.P.Value == schema.SKOSPrefLabel {
					label = true
				}
				if q.S.Value == iri && q.P.Value == schema.PropNotStated &&
					q.O != graph.IRI(schema.SKOSPrefLabel) && q.O != graph.IRI(schema.SKOSInScheme) {
					t.Errorf("notStated %v, want skos:prefLabel or skos:inScheme", q.O)
				}
			}
			if label != tt.wantLabel {
				t.Errorf("prefLabel present = %v, want %v", label, tt.wantLabel)
			}
		})
	}
}
