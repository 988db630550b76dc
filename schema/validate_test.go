package schema_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

const idBase = "https://w3id.org/civicgraph/id/"

// loadValid returns the valid fixture graph of testdata.
func loadValid(tb testing.TB) []graph.Quad {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "TestSchema_Validate", "valid.ttl"))
	if err != nil {
		tb.Fatal(err)
	}
	return parseTTL(tb, prefixes+string(src), graph.IRI(schema.GraphIllustrative))
}

// want is one expected violation: focus (relative to idBase), path and code.
type want struct {
	focus, path, code string
}

func (w want) String() string { return fmt.Sprintf("%s %s %s", w.focus, w.path, w.code) }

func got(vs []schema.Violation) []want {
	out := make([]want, len(vs))
	for i, v := range vs {
		out[i] = want{strings.TrimPrefix(v.Focus, idBase), v.Path, v.Code}
	}
	return out
}

func TestSchema_Validate(t *testing.T) {
	s := newSchema(t)
	valid := loadValid(t)
	tests := []struct {
		name string
		ttl  string       // Turtle added to the valid graph
		drop []string     // "subject-suffix predicate" pairs removed from the valid graph
		add  []graph.Quad // quads added as they are
		want []want
	}{
		{name: "Valid"},
		{
			name: "MinCount",
			drop: []string{"mission/m1 " + schema.DCTermsTitle},
			want: []want{{"mission/m1", schema.DCTermsTitle, schema.CodeMinCount}},
		},
		{
			name: "AnyOfName",
			drop: []string{"actor/ngo " + schema.RDFSLabel},
			want: []want{{"actor/ngo", schema.RDFSLabel, schema.CodeAnyOf}},
		},
		{
			name: "AnyOfNameFOAF",
			drop: []string{"actor/ngo " + schema.RDFSLabel},
			ttl:  `actor:ngo foaf:name "Example Civic Lab" .`,
		},
		{
			name: "ActorWithoutSector",
			drop: []string{"actor/ngo " + schema.PropSector},
		},
		{
			name: "AdministrationWithoutSector",
			drop: []string{"actor/city " + schema.PropSector},
			want: []want{{"actor/city", schema.PropSector, schema.CodeMinCount}},
		},
		{
			name: "MinCountSubclass",
			drop: []string{"actor/city " + schema.PropGovernmentLevel},
			want: []want{{"actor/city", schema.PropGovernmentLevel, schema.CodeMinCount}},
		},
		{
			name: "MinCountNotStated",
			drop: []string{"actor/city " + schema.PropGovernmentLevel},
			ttl:  `actor:city cg:notStated cg:governmentLevel .`,
		},
		{
			name: "MinCountNotStatedOtherProperty",
			drop: []string{"actor/city " + schema.PropGovernmentLevel},
			ttl:  `actor:city cg:notStated cg:sector .`,
			want: []want{{"actor/city", schema.PropGovernmentLevel, schema.CodeMinCount}},
		},
		{
			name: "NotStatedBuyer",
			drop: []string{"procurement/p1 " + schema.PropBuyer},
			ttl:  `procurement:p1 cg:notStated cg:buyer .`,
		},
		{
			name: "MaxCount",
			ttl:  `procurement:p1 cg:riskClass risk:limited .`,
			want: []want{{"procurement/p1", schema.PropRiskClass, schema.CodeMaxCount}},
		},
		{
			name: "NodeKindLiteralForIRI",
			ttl:  `actor:ngo cg:sector "civil society" .`,
			want: []want{{"actor/ngo", schema.PropSector, schema.CodeNodeKind}},
		},
		{
			name: "NodeKindIRIForLiteral",
			ttl:  `actor:ngo cg:country <https://example.org/spain> .`,
			want: []want{{"actor/ngo", schema.PropCountry, schema.CodeNodeKind}},
		},
		{
			name: "Datatype",
			ttl:  `mission:m1 cg:endYear "2031" .`,
			want: []want{
				{"mission/m1", schema.PropEndYear, schema.CodeDatatype},
				{"mission/m1", schema.PropEndYear, schema.CodeMaxCount},
			},
		},
		{
			name: "LexicalYear",
			drop: []string{"mission/m1 " + schema.PropStartYear},
			ttl:  `mission:m1 cg:startYear "25"^^xsd:gYear .`,
			want: []want{{"mission/m1", schema.PropStartYear, schema.CodeLexical}},
		},
		{
			name: "LexicalDate",
			drop: []string{"milestone/p1-award " + schema.DCTermsDate},
			ttl:  `milestone:p1-award dcterms:date "2025-02-30"^^xsd:date .`,
			want: []want{{"milestone/p1-award", schema.DCTermsDate, schema.CodeLexical}},
		},
		{
			name: "LexicalBoolean",
			drop: []string{"procurement/p1 " + schema.PropIsDigitalPublicInfrastructure},
			ttl:  `procurement:p1 cg:isDigitalPublicInfrastructure "yes"^^xsd:boolean .`,
			want: []want{{"procurement/p1", schema.PropIsDigitalPublicInfrastructure, schema.CodeLexical}},
		},
		{
			name: "PatternCountry",
			drop: []string{"actor/city " + schema.PropCountry},
			ttl:  `actor:city cg:country "Spain" .`,
			want: []want{{"actor/city", schema.PropCountry, schema.CodePattern}},
		},
		{
			name: "PatternBlankTitle",
			ttl:  `mission:m1 dcterms:title "   "@ca .`,
			want: []want{{"mission/m1", schema.DCTermsTitle, schema.CodePattern}},
		},
		{
			name: "IRI",
			add: []graph.Quad{{S: graph.IRI(idBase + "actor/ngo"), P: graph.IRI(schema.FOAFHomepage),
				O: graph.IRI("www.example.org/ngo")}},
			want: []want{{"actor/ngo", schema.FOAFHomepage, schema.CodeIRI}},
		},
		{
			name: "Class",
			drop: []string{"procurement/p1 " + schema.PropBuyer},
			ttl:  `procurement:p1 cg:buyer actor:ngo .`,
			want: []want{{"procurement/p1", schema.PropBuyer, schema.CodeClass}},
		},
		{
			name: "ClassAnyOf",
			ttl:  `reference:report dcterms:creator mission:m1 .`,
			want: []want{{"reference/report", schema.DCTermsCreator, schema.CodeClass}},
		},
		{
			name: "ClassUntypedPasses",
			ttl:  `procurement:p1 cg:supplier actor:described-elsewhere .`,
		},
		{
			name: "SchemeWrongScheme",
			ttl:  `actor:ngo cg:sector risk:high .`,
			want: []want{{"actor/ngo", schema.PropSector, schema.CodeScheme}},
		},
		{
			name: "SchemeUnknownConcept",
			ttl:  `actor:ngo cg:sector sec:aliens .`,
			want: []want{{"actor/ngo", schema.PropSector, schema.CodeScheme}},
		},
		{
			name: "SchemeExtendedByData",
			ttl: `actor:ngo cg:sector sec:media .
				sec:media a skos:Concept ; skos:prefLabel "Media"@en ; skos:inScheme <https://w3id.org/civicgraph/concept/sector> .`,
		},
		{
			name: "TopConcept",
			ttl:  `mechanism:actor-map cg:fitsPhase lc:award .`,
			want: []want{{"mechanism/actor-map", schema.PropFitsPhase, schema.CodeTopConcept}},
		},
		{
			name: "UniqueLang",
			ttl:  `actor:city rdfs:label "Another name"@en .`,
			want: []want{{"actor/city", schema.RDFSLabel, schema.CodeUniqueLang}},
		},
		{
			name: "With",
			drop: []string{"procurement/p1 " + schema.PropCurrency},
			want: []want{{"procurement/p1", schema.PropCurrency, schema.CodeWith}},
		},
		{
			name: "AnyOf",
			drop: []string{"engagement/e1 " + schema.PropProcurement},
			want: []want{{"engagement/e1", schema.PropProcurement, schema.CodeAnyOf}},
		},
		{
			name: "AnyOfMission",
			drop: []string{"engagement/e1 " + schema.PropProcurement},
			ttl:  `engagement:e1 cg:mission mission:m1 .`,
		},
		{
			name: "Type",
			ttl:  `reference:bare a cg:Reference ; dcterms:title "Bare" ; dcterms:issued "2020"^^xsd:gYear .`,
			want: []want{{"reference/bare", schema.RDFType, schema.CodeType}},
		},
		{
			name: "EngagementEmpty",
			ttl:  `engagement:e2 a cg:Engagement .`,
			want: []want{
				{"engagement/e2", schema.PropActor, schema.CodeMinCount},
				{"engagement/e2", schema.PropProcurement, schema.CodeAnyOf},
				{"engagement/e2", schema.PropStage, schema.CodeMinCount},
			},
		},
		{
			name: "StatementWithoutSource",
			drop: []string{"statement/s1 " + schema.PROVWasDerivedFrom},
			want: []want{{"statement/s1", schema.PROVWasDerivedFrom, schema.CodeMinCount}},
		},
		{
			name: "BlankNodeEntity",
			ttl:  `_:anon a cg:Mission ; cg:owner actor:city .`,
			want: []want{{"_:anon", schema.DCTermsTitle, schema.CodeMinCount}},
		},
		{
			name: "ConceptShape",
			ttl:  `sec:odd a skos:Concept ; skos:inScheme <https://w3id.org/civicgraph/concept/sector> .`,
			want: []want{{"https://w3id.org/civicgraph/concept/sector/odd", schema.SKOSPrefLabel, schema.CodeMinCount}},
		},
		{
			name: "SameTripleTwoGraphs",
			add: []graph.Quad{{S: graph.IRI(idBase + "actor/ngo"), P: graph.IRI(schema.PropSector),
				O: graph.IRI(schema.SectorCivilSociety), G: graph.IRI(schema.GraphSeedPlaybook)}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var quads []graph.Quad
			for _, q := range valid {
				keep := true
				for _, d := range tc.drop {
					subj, pred, _ := strings.Cut(d, " ")
					if q.S.Value == idBase+subj && q.P.Value == pred {
						keep = false
					}
				}
				if keep {
					quads = append(quads, q)
				}
			}
			if len(quads) == len(valid) && len(tc.drop) > 0 {
				t.Fatalf("drop %v removed nothing", tc.drop)
			}
			if tc.ttl != "" {
				quads = append(quads, parseTTL(t, prefixes+tc.ttl, graph.Term{})...)
			}
			quads = append(quads, tc.add...)
			vs := s.Validate(quads)
			if g := got(vs); !slices.Equal(g, tc.want) {
				t.Errorf("Validate() = %v, want %v", g, tc.want)
				for _, v := range vs {
					t.Log(v)
				}
			}
			for _, v := range vs {
				if v.Expected == "" || !strings.Contains(v.Error(), v.Focus) {
					t.Errorf("violation %+v lacks an expectation or focus", v)
				}
			}
		})
	}
}

func TestSchema_ValidateShipped(t *testing.T) {
	s := newSchema(t)
	if vs := s.Validate(s.Quads()); len(vs) != 0 {
		t.Errorf("the ontology and concepts have %d violations: %v", len(vs), vs.Err())
	}
}

func TestSchema_ValidateWith(t *testing.T) {
	s := newSchema(t)
	quads := parseTTL(t, prefixes+`
		procurement:p9 a cg:Procurement ; dcterms:title "P9" ;
			cg:buyer actor:stored ; cg:supplier actor:nowhere ;
			cg:riskClass <https://w3id.org/civicgraph/concept/ai-risk/systemic> .`, graph.Term{})
	stored := func(t graph.Term) []string {
		if t.Value == idBase+"actor/stored" {
			return []string{schema.ClassActor}
		}
		return nil
	}
	extended := func(t graph.Term) []string {
		if t.Value == "https://w3id.org/civicgraph/concept/ai-risk/systemic" {
			return []string{schema.SchemeIRI(schema.SchemeRiskClass)}
		}
		return nil
	}
	tests := []struct {
		name string
		opt  schema.Options
		want []want
	}{
		{"NoOptions", schema.Options{}, []want{
			{"procurement/p9", schema.PropRiskClass, schema.CodeScheme},
		}},
		{"TypesOf", schema.Options{TypesOf: stored, SchemesOf: extended}, []want{
			{"procurement/p9", schema.PropBuyer, schema.CodeClass},
		}},
		{"RequireTypedTargets", schema.Options{TypesOf: stored, SchemesOf: extended, RequireTypedTargets: true}, []want{
			{"procurement/p9", schema.PropBuyer, schema.CodeClass},
			{"procurement/p9", schema.PropSupplier, schema.CodeUntyped},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if g := got(s.ValidateWith(quads, tc.opt)); !slices.Equal(g, tc.want) {
				t.Errorf("ValidateWith() = %v, want %v", g, tc.want)
			}
		})
	}
}

func TestViolation_Error(t *testing.T) {
	v := schema.Violation{
		Focus:    idBase + "procurement/p1",
		Path:     schema.PropRiskClass,
		Value:    "<https://w3id.org/civicgraph/concept/ai-risk/extreme>",
		Expected: "a concept of the scheme https://w3id.org/civicgraph/concept/ai-risk",
		Code:     schema.CodeScheme,
	}
	want := "schema: https://w3id.org/civicgraph/id/procurement/p1 cg:riskClass: found <https://w3id.org/civicgraph/concept/ai-risk/extreme>, " +
		"expected a concept of the scheme https://w3id.org/civicgraph/concept/ai-risk (scheme)"
	if got := v.Error(); got != want {
		t.Errorf("Error() = %q\nwant      %q", got, want)
	}
	v.Value = ""
	if got := v.Error(); !strings.Contains(got, "found no value") {
		t.Errorf("Error() = %q, want it to say no value was found", got)
	}
	if !errors.Is(v, schema.ErrViolation) {
		t.Error("errors.Is(Violation, ErrViolation) = false")
	}
	if err := (schema.Violations{}).Err(); err != nil {
		t.Errorf("Violations{}.Err() = %v, want nil", err)
	}
	err := schema.Violations{v, v}.Err()
	if !errors.Is(err, schema.ErrViolation) || strings.Count(err.Error(), "\n") != 1 {
		t.Errorf("Violations.Err() = %q, want two lines matching ErrViolation", err)
	}
}

func ExampleSchema_Validate() {
	s, err := schema.New()
	if err != nil {
		panic(err)
	}
	p := graph.IRI(schema.EntityIRI(schema.DefaultBase, schema.KindProcurement, schema.Slug("Chatbot for Citizens")))
	quads := []graph.Quad{
		{S: p, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement)},
		{S: p, P: graph.IRI(schema.DCTermsTitle), O: graph.LangLiteral("Chatbot for citizens", "en")},
		{S: p, P: graph.IRI(schema.PropRiskClass), O: graph.IRI(schema.SectorIndustry)},
	}
	for _, v := range s.Validate(quads) {
		fmt.Println(v)
	}
	// Output:
	// schema: https://w3id.org/civicgraph/id/procurement/chatbot-for-citizens cg:buyer: found no value, expected at least 1 value(s): the buying administration (min-count)
	// schema: https://w3id.org/civicgraph/id/procurement/chatbot-for-citizens cg:riskClass: found <https://w3id.org/civicgraph/concept/sector/industry>, expected a concept of the scheme https://w3id.org/civicgraph/concept/ai-risk: the EU AI Act risk class (scheme)
}
