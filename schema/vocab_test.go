package schema_test

import (
	"regexp"
	"strings"
	"testing"

	"civicgraph/schema"
)

func TestSlug(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Peña-López", "pena-lopez"},
		{"Ajuntament de Barcelona", "ajuntament-de-barcelona"},
		{"Col·legi d'Economistes de Catalunya", "col-legi-d-economistes-de-catalunya"},
		{"  --Hello,   World!-- ", "hello-world"},
		{"Sørensen, E. & Torfing, J. (2013)", "sorensen-e-torfing-j-2013"},
		{"Tõnurist", "tonurist"},
		{"Straße", "strasse"},
		{"OECD (2021a)", "oecd-2021a"},
		{"Brugué Torruella, Q.", "brugue-torruella-q"},
		{"’t Hart", "t-hart"},
		{"", ""},
		{"!!!", ""},
	}
	for _, tc := range tests {
		if got := schema.Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Names with nothing that folds to ASCII get distinct digests, not "".
	a, b := schema.Slug("Иванов"), schema.Slug("Петров")
	if a == b || len(a) != 13 || a[0] != 'u' || !slugShape.MatchString(a) || schema.Slug("иванов") != a {
		t.Errorf("Slug of Cyrillic names = %q, %q: want distinct u+12-hex slugs, case-insensitive", a, b)
	}
}

var slugShape = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Peña-López", "Col·legi", " a  b ", "ÆØÅ", "x\x00y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := schema.Slug(s)
		if !slugShape.MatchString(got) {
			t.Fatalf("Slug(%q) = %q, not a slug", s, got)
		}
		if again := schema.Slug(got); again != got {
			t.Fatalf("Slug(Slug(%q)) = %q, want %q", s, again, got)
		}
	})
}

func TestEntityIRI(t *testing.T) {
	tests := []struct {
		base, kind, slug, want string
	}{
		{schema.DefaultBase, schema.KindActor, "oecd", "https://w3id.org/civicgraph/id/actor/oecd"},
		{"http://localhost:8080/id", schema.KindReference, "x", "http://localhost:8080/id/reference/x"},
		{"urn:x#", schema.KindPerson, "y", "urn:x#person/y"},
	}
	for _, tc := range tests {
		if got := schema.EntityIRI(tc.base, tc.kind, tc.slug); got != tc.want {
			t.Errorf("EntityIRI(%q, %q, %q) = %q, want %q", tc.base, tc.kind, tc.slug, got, tc.want)
		}
	}
}

func TestIRIHelpers(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"ConceptIRI", schema.ConceptIRI(schema.SchemeLifecycle, "award"), schema.StageAward},
		{"ConceptIRIRisk", schema.ConceptIRI(schema.SchemeRiskClass, "high"), "https://w3id.org/civicgraph/concept/ai-risk/high"},
		{"SchemeIRI", schema.SchemeIRI(schema.SchemeSector), "https://w3id.org/civicgraph/concept/sector"},
		{"GraphIRI", schema.GraphIRI("seed/playbook"), schema.GraphSeedPlaybook},
		{"GraphOntology", schema.GraphOntology, "https://w3id.org/civicgraph/graph/ontology"},
		{"GraphConcepts", schema.GraphConcepts, "https://w3id.org/civicgraph/graph/concepts"},
		{"ClassActor", schema.ClassActor, "https://w3id.org/civicgraph/ns#Actor"},
		{"ClassPerson", schema.ClassPerson, "http://xmlns.com/foaf/0.1/Person"},
		{"PropBuyer", schema.PropBuyer, "https://w3id.org/civicgraph/ns#buyer"},
		{"DCTermsTitle", schema.DCTermsTitle, "http://purl.org/dc/terms/title"},
		{"SchemaURL", schema.SchemaURL, "http://schema.org/url"},
		{"EPOProcedure", schema.EPOProcedure, "http://data.europa.eu/a4g/ontology#Procedure"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %q, want %q", tc.got, tc.want)
			}
		})
	}
}

func TestPrefixes(t *testing.T) {
	seenName, seenIRI := map[string]bool{}, map[string]bool{}
	for _, p := range schema.Prefixes() {
		if seenName[p.Name] || seenIRI[p.IRI] {
			t.Errorf("prefix %s: <%s> is not unique", p.Name, p.IRI)
		}
		seenName[p.Name], seenIRI[p.IRI] = true, true
		if !strings.HasSuffix(p.IRI, "#") && !strings.HasSuffix(p.IRI, "/") {
			t.Errorf("prefix %s: <%s> does not end in # or /", p.Name, p.IRI)
		}
	}
	for _, name := range []string{"cg", "rdf", "rdfs", "owl", "xsd", "skos", "dcterms", "foaf", "org", "bibo", "prov", "schema", "epo", "dcat", "void", "sh"} {
		if !seenName[name] {
			t.Errorf("Prefixes() lacks %s", name)
		}
	}
}

func TestKinds(t *testing.T) {
	for _, sh := range schema.Shapes() {
		if sh.Kind == "" {
			continue
		}
		found := false
		for _, k := range schema.Kinds() {
			found = found || k == sh.Kind
		}
		if !found {
			t.Errorf("shape of %s has kind %q, not in Kinds()", sh.Class, sh.Kind)
		}
	}
}
