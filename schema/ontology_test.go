package schema_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
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

// parentRange is what a standard vocabulary says of the values of one of
// its properties.
type parentRange struct {
	// kind is what the values are: literals, resources (IRIs or blank
	// nodes), or either when the vocabulary sets no range.
	kind valueKind
	// types are the datatypes (literals) or classes (resources) the values
	// may have, any one of them; nil when the vocabulary sets none.
	types []string
}

// valueKind is the sort of value a property's range allows.
type valueKind string

const (
	literals  valueKind = "literals"
	resources valueKind = "resources"
	either    valueKind = "either"
)

// parentRanges are the ranges, in their own vocabularies, of the
// properties the ontology's properties are sub-properties of. A parent
// missing here fails TestOntology_SubPropertyRanges: a new
// rdfs:subPropertyOf needs its parent's range written down first.
var parentRanges = map[string]parentRange{
	// W3C ORG (https://www.w3.org/TR/vocab-org/#org:classification): rdfs:range skos:Concept.
	schema.NSORG + "classification": {resources, []string{schema.SKOSConcept}},
	// DCMI Metadata Terms (https://www.dublincore.org/specifications/dublin-core/dcmi-terms/#identifier): rdfs:range rdfs:Literal.
	schema.NSDCTerms + "identifier": {literals, []string{schema.NSRDFS + "Literal"}},
	// DCMI Metadata Terms: dcterms:description, dcterms:relation and
	// dcterms:references have no rdfs:range.
	schema.NSDCTerms + "description": {either, nil},
	schema.NSDCTerms + "relation":    {either, nil},
	schema.NSDCTerms + "references":  {either, nil},
	// DCMI Metadata Terms (#type): rdfs:range rdfs:Class.
	schema.NSDCTerms + "type": {resources, []string{schema.NSRDFS + "Class"}},
	// PROV-O (https://www.w3.org/TR/prov-o/): prov:wasAttributedTo and
	// prov:wasAssociatedWith have rdfs:range prov:Agent, prov:used prov:Entity.
	schema.NSPROV + "wasAttributedTo":   {resources, []string{schema.NSPROV + "Agent"}},
	schema.NSPROV + "wasAssociatedWith": {resources, []string{schema.NSPROV + "Agent"}},
	schema.NSPROV + "used":              {resources, []string{schema.NSPROV + "Entity"}},
	// FOAF (http://xmlns.com/foaf/spec/#term_page): rdfs:range foaf:Document.
	schema.NSFOAF + "page": {resources, []string{schema.NSFOAF + "Document"}},
	// schema.org (https://schema.org/startDate, /endDate): rangeIncludes
	// schema:Date, schema:DateTime, i.e. xsd:date and xsd:dateTime.
	schema.NSSchema + "startDate": {literals, []string{schema.XSDDate, schema.XSDDateTime}},
	schema.NSSchema + "endDate":   {literals, []string{schema.XSDDate, schema.XSDDateTime}},
	// schema.org (https://schema.org/about): rangeIncludes schema:Thing,
	// which any resource is.
	schema.NSSchema + "about": {resources, nil},
	// schema.org (https://schema.org/position): rangeIncludes schema:Integer,
	// schema:Text, i.e. xsd:integer and xsd:string.
	schema.NSSchema + "position": {literals, []string{schema.XSDInteger, schema.XSDString}},
}

// outsideSuperClasses are subclass statements of standard vocabularies that
// the compatibility of ranges depends on.
var outsideSuperClasses = map[string][]string{
	// PROV-O: prov:Plan rdfs:subClassOf prov:Entity.
	schema.NSPROV + "Plan": {schema.NSPROV + "Entity"},
}

// baseDatatype is the datatype each XML Schema datatype is derived from
// (XML Schema 1.1 Part 2, the built-in datatype hierarchy), ending in
// rdfs:Literal, the class of all literal values.
var baseDatatype = map[string]string{
	schema.NSXSD + "integer":            schema.NSXSD + "decimal",
	schema.NSXSD + "nonNegativeInteger": schema.NSXSD + "integer",
	schema.NSXSD + "language":           schema.NSXSD + "token",
	schema.NSXSD + "token":              schema.NSXSD + "normalizedString",
	schema.NSXSD + "normalizedString":   schema.NSXSD + "string",
	schema.NSXSD + "string":             schema.NSRDFS + "Literal",
	schema.NSXSD + "decimal":            schema.NSRDFS + "Literal",
	schema.NSXSD + "boolean":            schema.NSRDFS + "Literal",
	schema.NSXSD + "date":               schema.NSRDFS + "Literal",
	schema.NSXSD + "dateTime":           schema.NSRDFS + "Literal",
	schema.NSXSD + "gYear":              schema.NSRDFS + "Literal",
	schema.NSXSD + "gYearMonth":         schema.NSRDFS + "Literal",
	schema.NSXSD + "anyURI":             schema.NSRDFS + "Literal",
	schema.NSRDF + "langString":         schema.NSRDFS + "Literal",
}

// isLiteralRange reports whether a range is a datatype (or rdfs:Literal).
func isLiteralRange(r string) bool {
	_, ok := baseDatatype[r]
	return ok || r == schema.NSRDFS+"Literal"
}

// subPropertyRangeProblems returns, for each rdfs:subPropertyOf statement
// of ontology, what makes the sub-property's rdfs:range contradict its
// parent's: a literal range under a parent whose values are resources or
// the reverse, a datatype that is not the parent's or derived from it, a
// class that is not the parent's or a subclass of it.
func subPropertyRangeProblems(ontology []graph.Quad) []string {
	superClasses := map[string][]string{}
	for c, sup := range outsideSuperClasses {
		superClasses[c] = sup
	}
	for _, q := range ontology {
		if q.P.Value == schema.RDFSSubClassOf && q.O.Kind == graph.KindIRI {
			superClasses[q.S.Value] = append(superClasses[q.S.Value], q.O.Value)
		}
	}
	// isA reports whether class c is super or a subclass of it.
	var isA func(c, super string, depth int) bool
	isA = func(c, super string, depth int) bool {
		if c == super {
			return true
		}
		for _, s := range superClasses[c] {
			if depth < 20 && isA(s, super, depth+1) {
				return true
			}
		}
		return false
	}
	derives := func(dt, base string) bool {
		for i := 0; dt != "" && i < 20; i++ {
			if dt == base {
				return true
			}
			dt = baseDatatype[dt]
		}
		return false
	}
	var problems []string
	for _, q := range ontology {
		if q.P.Value != schema.RDFSSubPropertyOf {
			continue
		}
		child, parent := q.S.Value, q.O.Value
		pr, known := parentRanges[parent]
		if !known {
			problems = append(problems, fmt.Sprintf("%s ⊑ %s: the parent's range is not in parentRanges", child, parent))
			continue
		}
		d := describe(ontology, child)
		if len(d[schema.RDFSRange]) != 1 {
			problems = append(problems, fmt.Sprintf("%s ⊑ %s: %d rdfs:range, want 1", child, parent, len(d[schema.RDFSRange])))
			continue
		}
		r := d[schema.RDFSRange][0].Value
		literal := isLiteralRange(r)
		if pr.kind == either {
			continue
		}
		if (pr.kind == literals) != literal {
			problems = append(problems, fmt.Sprintf("%s ⊑ %s: range %s, but the parent's values are %s", child, parent, r, pr.kind))
			continue
		}
		if pr.types == nil || slices.ContainsFunc(pr.types, func(t string) bool {
			if literal {
				return derives(r, t)
			}
			return isA(r, t, 0)
		}) {
			continue
		}
		problems = append(problems, fmt.Sprintf("%s ⊑ %s: range %s is not %s nor derived from them", child, parent, r, strings.Join(pr.types, " or ")))
	}
	return problems
}

// TestOntology_SubPropertyRanges states the rule: no sub-property has a
// range that contradicts its parent's. Where a standard property fits in
// meaning but not in range (schema:startDate wants a date, cg:startYear is
// a year), the ontology says rdfs:seeAlso instead of rdfs:subPropertyOf.
func TestOntology_SubPropertyRanges(t *testing.T) {
	ontology := parseTTL(t, string(schema.OntologyTurtle()), graph.Term{})
	n := 0
	for _, q := range ontology {
		if q.P.Value == schema.RDFSSubPropertyOf {
			n++
		}
	}
	if n == 0 {
		t.Fatal("the ontology has no rdfs:subPropertyOf")
	}
	for _, p := range subPropertyRangeProblems(ontology) {
		t.Error(p)
	}

	// The rule catches each kind of contradiction.
	bad := []struct{ name, ttl string }{
		{"YearUnderDate", `cg:y rdfs:range xsd:gYear ; rdfs:subPropertyOf schema:startDate .`},
		{"LiteralUnderResource", `cg:y rdfs:range xsd:string ; rdfs:subPropertyOf foaf:page .`},
		{"ResourceUnderLiteral", `cg:y rdfs:range skos:Concept ; rdfs:subPropertyOf dcterms:identifier .`},
		{"ClassNotSubclass", `cg:y rdfs:range skos:Concept ; rdfs:subPropertyOf prov:wasAttributedTo .`},
		{"ConceptUnderClass", `cg:y rdfs:range skos:Concept ; rdfs:subPropertyOf dcterms:type .`},
		{"WiderDatatype", `cg:y rdfs:range rdfs:Literal ; rdfs:subPropertyOf schema:position .`},
		{"UnknownParent", `cg:y rdfs:range xsd:string ; rdfs:subPropertyOf <http://example.org/p> .`},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			if got := subPropertyRangeProblems(parseTTL(t, prefixes+tc.ttl, graph.Term{})); len(got) != 1 {
				t.Errorf("problems %q, want one", got)
			}
		})
	}
	good := []string{
		`cg:y rdfs:range xsd:language ; rdfs:subPropertyOf dcterms:identifier .`,
		`cg:y rdfs:range xsd:date ; rdfs:subPropertyOf schema:startDate .`,
		`cg:C rdfs:subClassOf prov:Plan . cg:y rdfs:range cg:C ; rdfs:subPropertyOf prov:used .`,
		`cg:y rdfs:range rdfs:Literal ; rdfs:subPropertyOf dcterms:description .`,
		`cg:y rdfs:range cg:Mission ; rdfs:subPropertyOf dcterms:relation .`,
		`cg:y rdfs:range rdfs:Resource ; rdfs:subPropertyOf schema:about .`,
	}
	for _, ttl := range good {
		if got := subPropertyRangeProblems(parseTTL(t, prefixes+ttl, graph.Term{})); len(got) != 0 {
			t.Errorf("%s: problems %q, want none", ttl, got)
		}
	}
}
