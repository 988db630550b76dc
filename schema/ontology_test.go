package schema_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

// ontologyClasses lists every class constant in the project namespace.
var ontologyClasses = []string{
	schema.ClassActor, schema.ClassAdministration, schema.ClassMission, schema.ClassProcurement,
	schema.ClassMechanism, schema.ClassEngagement, schema.ClassReference, schema.ClassPaper,
	schema.ClassWorkingPaper, schema.ClassStatement, schema.ClassMilestone,
}

// ontologyProperties lists every property constant in the project namespace.
var ontologyProperties = []string{
	schema.PropSector, schema.PropGovernmentLevel, schema.PropCountry, schema.PropOCDSPartyID,
	schema.PropOwner, schema.PropChallenge, schema.PropGoal, schema.PropTarget, schema.PropStartYear, schema.PropEndYear,
	schema.PropBuyer, schema.PropPurpose, schema.PropAISystem, schema.PropRiskClass, schema.PropStatus,
	schema.PropStageReached, schema.PropMilestone, schema.PropValue, schema.PropCurrency, schema.PropProcedureType,
	schema.PropSupplier, schema.PropOCID, schema.PropServesMission, schema.PropIsDigitalPublicInfrastructure,
	schema.PropImpactAssessment, schema.PropLegalBasis, schema.PropRegisterEntry, schema.PropPublicParticipation,
	schema.PropRegisterStatus, schema.PropNotStated, schema.PropTenderPeriodStart, schema.PropTenderPeriodEnd,
	schema.PropContractSigned, schema.PropContractPeriodStart, schema.PropContractPeriodEnd,
	schema.PropInstitutionalisation, schema.PropDemocraticFunction, schema.PropFitsPhase, schema.PropLever,
	schema.PropOpenGovernmentTier, schema.PropDecisionStage, schema.PropExample,
	schema.PropActor, schema.PropProcurement, schema.PropMission, schema.PropStage, schema.PropMechanism,
	schema.PropRole, schema.PropInfluenceLevel, schema.PropEvidence,
	schema.PropContainer, schema.PropSeries, schema.PropPlace, schema.PropYearLabel, schema.PropAbout,
	schema.PropStatementType, schema.PropOrder,
}

func TestOntology_Header(t *testing.T) {
	quads := parseTTL(t, string(schema.OntologyTurtle()), graph.Term{})
	d := describe(quads, schema.OntologyIRI)
	checks := []struct {
		pred string
		want graph.Term
	}{
		{schema.RDFType, graph.IRI(schema.OWLOntology)},
		{schema.OWLVersionIRI, graph.IRI(schema.OntologyVersionIRI)},
		{schema.OWLVersionInfo, graph.String(schema.OntologyVersion)},
	}
	for _, c := range checks {
		found := false
		for _, o := range d[c.pred] {
			found = found || o == c.want
		}
		if !found {
			t.Errorf("ontology header: %s = %v, want %v", c.pred, d[c.pred], c.want)
		}
	}
	if !strings.HasSuffix(schema.OntologyVersionIRI, "/"+schema.OntologyVersion) {
		t.Errorf("OntologyVersionIRI %q does not end in the version %q", schema.OntologyVersionIRI, schema.OntologyVersion)
	}
}

// TestOntology_Terms checks that every class and property of the project
// namespace is in the ontology with labels, comment, domain and range, and
// that the ontology defines nothing in the namespace without a constant.
func TestOntology_Terms(t *testing.T) {
	quads := parseTTL(t, string(schema.OntologyTurtle()), graph.Term{})
	known := map[string]bool{}
	for _, c := range ontologyClasses {
		known[c] = true
		t.Run("Class/"+strings.TrimPrefix(c, schema.NS), func(t *testing.T) {
			d := describe(quads, c)
			checkTyped(t, d, schema.OWLClass)
			checkAnnotations(t, d)
			if len(d[schema.RDFSSubClassOf]) == 0 {
				t.Errorf("%s has no rdfs:subClassOf mapping", c)
			}
		})
	}
	for _, p := range ontologyProperties {
		known[p] = true
		t.Run("Property/"+strings.TrimPrefix(p, schema.NS), func(t *testing.T) {
			d := describe(quads, p)
			if len(d[schema.RDFType]) == 0 {
				t.Errorf("%s has no rdf:type", p)
			}
			checkAnnotations(t, d)
			if len(d[schema.RDFSDomain]) != 1 {
				t.Errorf("%s has rdfs:domain %v, want exactly one", p, d[schema.RDFSDomain])
			}
			if len(d[schema.RDFSRange]) != 1 {
				t.Errorf("%s has rdfs:range %v, want exactly one", p, d[schema.RDFSRange])
			}
		})
	}
	for _, q := range quads {
		if q.P.Value == schema.RDFType && q.S.Kind == graph.KindIRI && strings.HasPrefix(q.S.Value, schema.NS) && !known[q.S.Value] {
			t.Errorf("ontology defines %s, which has no Go constant in vocab.go", q.S.Value)
		}
	}
}

func checkTyped(t *testing.T, d map[string][]graph.Term, class string) {
	t.Helper()
	for _, o := range d[schema.RDFType] {
		if o.Value == class {
			return
		}
	}
	t.Errorf("rdf:type = %v, want %s", d[schema.RDFType], class)
}

func checkAnnotations(t *testing.T, d map[string][]graph.Term) {
	t.Helper()
	ls := langs(d[schema.RDFSLabel])
	for _, lang := range []string{"en", "ca", "es"} {
		if !ls[lang] {
			t.Errorf("no rdfs:label@%s", lang)
		}
	}
	if !langs(d[schema.RDFSComment])["en"] {
		t.Errorf("no rdfs:comment@en")
	}
	if len(d[schema.RDFSIsDefinedBy]) != 1 || d[schema.RDFSIsDefinedBy][0].Value != schema.OntologyIRI {
		t.Errorf("rdfs:isDefinedBy = %v, want <%s>", d[schema.RDFSIsDefinedBy], schema.OntologyIRI)
	}
}

// TestTurtle_Parse parses every shipped Turtle document with knakk/rdf and
// compares the number of triples with the loaded schema.
func TestTurtle_Parse(t *testing.T) {
	s := newSchema(t)
	var shacl strings.Builder
	if err := s.WriteSHACL(&shacl); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"ontology.ttl", string(schema.OntologyTurtle()), len(s.OntologyQuads())},
		{"concepts.ttl", string(schema.ConceptsTurtle()), len(s.ConceptQuads())},
		{"shapes.ttl", shacl.String(), len(s.SHACLQuads())},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := len(parseTTL(t, tc.src, graph.Term{}))
			if got != tc.want || got == 0 {
				t.Errorf("parsed %d triples, want %d (and more than 0)", got, tc.want)
			}
		})
	}
}

// TestTurtle_Rapper checks the Turtle documents with rapper (Debian
// raptor2-utils), an independent parser, and compares triple counts.
func TestTurtle_Rapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rapper not found on PATH; CI must install raptor2-utils")
		}
		t.Skip("rapper not found on PATH (apt-get install raptor2-utils); skipping the independent Turtle check")
	}
	s := newSchema(t)
	var shacl strings.Builder
	if err := s.WriteSHACL(&shacl); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"ontology.ttl", schema.OntologyTurtle(), len(s.OntologyQuads())},
		{"concepts.ttl", schema.ConceptsTurtle(), len(s.ConceptQuads())},
		{"shapes.ttl", []byte(shacl.String()), len(s.SHACLQuads())},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(rapper, "-q", "-i", "turtle", "-o", "ntriples", path).CombinedOutput()
			if err != nil {
				t.Fatalf("rapper %s: %v\n%s", tc.name, err, out)
			}
			if got := strings.Count(string(out), "\n"); got != tc.want {
				t.Errorf("rapper %s: %d triples, want %d", tc.name, got, tc.want)
			}
			if out, err := exec.Command(rapper, "-q", "-i", "turtle", "-c", path).CombinedOutput(); err != nil {
				t.Errorf("rapper -c %s: %v\n%s", tc.name, err, out)
			}
		})
	}
}

func TestSchema_Quads(t *testing.T) {
	s := newSchema(t)
	quads := s.Quads()
	if want := len(s.OntologyQuads()) + len(s.ConceptQuads()); len(quads) != want {
		t.Fatalf("len(Quads()) = %d, want %d", len(quads), want)
	}
	graphs := map[string]int{}
	seen := map[graph.Quad]bool{}
	for _, q := range quads {
		if err := q.Validate(); err != nil {
			t.Errorf("invalid quad %s: %v", q, err)
		}
		if seen[q] {
			t.Errorf("duplicate quad %s", q)
		}
		seen[q] = true
		graphs[q.G.Value]++
		for _, term := range []graph.Term{q.S, q.O} {
			if term.Kind == graph.KindBlank && !strings.HasPrefix(term.Value, "ontology-") && !strings.HasPrefix(term.Value, "concepts-") {
				t.Errorf("blank node %s is not prefixed with its document", term)
			}
		}
	}
	if len(graphs) != 2 || graphs[schema.GraphOntology] == 0 || graphs[schema.GraphConcepts] == 0 {
		t.Errorf("Quads() graphs = %v, want only %s and %s", graphs, schema.GraphOntology, schema.GraphConcepts)
	}
	for _, q := range s.SHACLQuads() {
		if q.G.Value != schema.GraphShapes {
			t.Fatalf("SHACLQuads() has quad in graph %s", q.G)
		}
	}
	// Changing the returned slice must not change the schema.
	quads[0] = graph.Quad{}
	if s.Quads()[0] == (graph.Quad{}) {
		t.Error("Quads() returns the schema's own slice")
	}
}

func TestSchema_Labels(t *testing.T) {
	s := newSchema(t)
	tests := []struct {
		iri, lang, want string
	}{
		{schema.ClassMission, "ca", "Missió"},
		{schema.ClassMission, "fr", "Mission"},
		{schema.PropGovernmentLevel, "es", "nivel de gobierno"},
		{schema.StageMarketEngagement, "es", "Consulta preliminar al mercado"},
		{schema.SchemeIRI(schema.SchemeLever), "en", "Levers of change"},
		{"http://example.org/unknown", "en", ""},
	}
	for _, tc := range tests {
		if got := s.Label(tc.iri, tc.lang); got != tc.want {
			t.Errorf("Label(%s, %s) = %q, want %q", tc.iri, tc.lang, got, tc.want)
		}
	}
	if got := s.Comment(schema.PhasePurpose, "en"); !strings.Contains(got, "public interest") {
		t.Errorf("Comment(PhasePurpose) = %q, want the definition", got)
	}
}

func TestSchema_SuperClasses(t *testing.T) {
	s := newSchema(t)
	got := s.SuperClasses(schema.ClassAdministration)
	for _, want := range []string{schema.ClassAdministration, schema.ClassActor, schema.FOAFAgent, schema.ORGOrganization} {
		found := false
		for _, c := range got {
			found = found || c == want
		}
		if !found {
			t.Errorf("SuperClasses(Administration) = %v, lacks %s", got, want)
		}
	}
	if got := s.SuperClasses(schema.BIBOBook); len(got) != 1 || got[0] != schema.BIBOBook {
		t.Errorf("SuperClasses(bibo:Book) = %v, want just itself", got)
	}
}

// TestShapes_Ontology checks that the shapes speak of the ontology's
// classes and of properties whose domain fits.
func TestShapes_Ontology(t *testing.T) {
	quads := parseTTL(t, string(schema.OntologyTurtle()), graph.Term{})
	for _, sh := range schema.Shapes() {
		if strings.HasPrefix(sh.Class, schema.NS) && len(describe(quads, sh.Class)) == 0 {
			t.Errorf("shape for %s: class not in the ontology", sh.Class)
		}
		for _, p := range sh.Properties {
			if strings.HasPrefix(p.Path, schema.NS) && len(describe(quads, p.Path)) == 0 {
				t.Errorf("shape for %s: property %s not in the ontology", sh.Class, p.Path)
			}
			if p.Max > 0 && p.Min > p.Max {
				t.Errorf("shape for %s: %s has min %d > max %d", sh.Class, p.Path, p.Min, p.Max)
			}
			if p.Description == "" {
				t.Errorf("shape for %s: %s has no description", sh.Class, p.Path)
			}
		}
	}
}

func TestOntologyVersion(t *testing.T) {
	parts := strings.Split(schema.OntologyVersion, ".")
	if len(parts) != 3 {
		t.Fatalf("OntologyVersion %q is not major.minor.patch", schema.OntologyVersion)
	}
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err != nil {
			t.Errorf("OntologyVersion %q: %v", schema.OntologyVersion, err)
		}
	}
}
