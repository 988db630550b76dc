package schema_test

import (
	"slices"
	"sort"
	"strconv"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

// TestConcepts_Complete checks every scheme of Schemes() against
// concepts.ttl: the scheme and each of its concepts are there, with labels
// in English, Catalan and Spanish, a definition, a notation, the scheme,
// top concepts both ways, broader and narrower both ways, and an order in
// ordered schemes; and concepts.ttl has nothing more.
func TestConcepts_Complete(t *testing.T) {
	quads := parseTTL(t, string(schema.ConceptsTurtle()), graph.Term{})
	wantConcepts := map[string]bool{}
	for _, si := range schema.Schemes() {
		for _, iri := range si.ConceptIRIs() {
			wantConcepts[iri] = true
		}
	}
	for _, q := range quads {
		if q.P.Value == schema.RDFType && q.O.Value == schema.SKOSConcept && !wantConcepts[q.S.Value] {
			t.Errorf("concepts.ttl has concept %s that Schemes() does not list", q.S.Value)
		}
	}
	for _, si := range schema.Schemes() {
		t.Run(si.Name, func(t *testing.T) {
			sd := describe(quads, si.IRI())
			checkTyped(t, sd, schema.SKOSConceptScheme)
			checkLabels(t, si.IRI(), sd)
			var tops []string
			for _, o := range sd[schema.SKOSHasTopConcept] {
				tops = append(tops, o.Value)
			}
			n := 0
			for _, q := range quads {
				if q.P.Value == schema.SKOSInScheme && q.O.Value == si.IRI() {
					n++
				}
			}
			if n != len(si.Codes) {
				t.Errorf("%d concepts are in scheme %s, want %d", n, si.Name, len(si.Codes))
			}
			orders := map[string][]int{} // "top" or "narrower" → orders
			for _, code := range si.Codes {
				iri := schema.ConceptIRI(si.Name, code)
				d := describe(quads, iri)
				checkTyped(t, d, schema.SKOSConcept)
				checkLabels(t, iri, d)
				if got := d[schema.SKOSNotation]; len(got) != 1 || got[0] != graph.String(code) {
					t.Errorf("%s: skos:notation = %v, want %q", iri, got, code)
				}
				if got := d[schema.SKOSInScheme]; len(got) != 1 || got[0].Value != si.IRI() {
					t.Errorf("%s: skos:inScheme = %v, want <%s>", iri, got, si.IRI())
				}
				isTop := len(d[schema.SKOSTopConceptOf]) > 0
				if isTop != slices.Contains(tops, iri) {
					t.Errorf("%s: topConceptOf %v but scheme hasTopConcept %v", iri, isTop, !isTop)
				}
				if isTop == (len(d[schema.SKOSBroader]) > 0) {
					t.Errorf("%s: a concept must be either a top concept or have a broader one", iri)
				}
				for _, b := range d[schema.SKOSBroader] {
					if !slices.Contains(describe(quads, b.Value)[schema.SKOSNarrower], graph.IRI(iri)) {
						t.Errorf("%s: broader %s lacks skos:narrower back", iri, b.Value)
					}
				}
				for _, nw := range d[schema.SKOSNarrower] {
					if !slices.Contains(describe(quads, nw.Value)[schema.SKOSBroader], graph.IRI(iri)) {
						t.Errorf("%s: narrower %s lacks skos:broader back", iri, nw.Value)
					}
				}
				level := "narrower"
				if isTop {
					level = "top"
				}
				switch o := d[schema.PropOrder]; {
				case si.Ordered && len(o) != 1:
					t.Errorf("%s: cg:order = %v, want one in an ordered scheme", iri, o)
				case !si.Ordered && len(o) != 0:
					t.Errorf("%s: cg:order = %v, want none in an unordered scheme", iri, o)
				case si.Ordered:
					v, err := strconv.Atoi(o[0].Value)
					if err != nil || o[0].Datatype != schema.XSDInteger {
						t.Errorf("%s: cg:order %v is not an xsd:integer", iri, o[0])
					}
					orders[level] = append(orders[level], v)
				}
			}
			for level, os := range orders {
				sort.Ints(os)
				for i, v := range os {
					if v != i+1 {
						t.Errorf("%s concepts have orders %v, want 1..%d", level, os, len(os))
						break
					}
				}
			}
		})
	}
}

func checkLabels(t *testing.T, iri string, d map[string][]graph.Term) {
	t.Helper()
	ls := map[string]int{}
	for _, l := range d[schema.SKOSPrefLabel] {
		ls[l.Lang]++
	}
	for _, lang := range []string{"en", "ca", "es"} {
		if ls[lang] != 1 {
			t.Errorf("%s: %d skos:prefLabel@%s, want 1", iri, ls[lang], lang)
		}
	}
	if !langs(d[schema.SKOSDefinition])["en"] {
		t.Errorf("%s: no skos:definition@en", iri)
	}
}

// TestConcepts_Lifecycle checks the shape of the lifecycle scheme: three
// phases, eleven stages, each stage under its phase.
func TestConcepts_Lifecycle(t *testing.T) {
	s := newSchema(t)
	phases := map[string][]string{
		schema.PhasePurpose:  {schema.StageProblemFraming, schema.StageNeedsAssessment, schema.StageMarketEngagement},
		schema.PhaseDelivery: {schema.StageSpecification, schema.StageTendering, schema.StageAward, schema.StageContracting, schema.StageDeployment},
		schema.PhaseImpact:   {schema.StageMonitoring, schema.StageEvaluation, schema.StageDecommissioning},
	}
	stages := 0
	for phase, want := range phases {
		c, ok := s.Concept(phase)
		if !ok || !c.Top {
			t.Fatalf("Concept(%s) = %+v, %v; want a top concept", phase, c, ok)
		}
		if !slices.Equal(c.Narrower, want) {
			t.Errorf("%s: narrower = %v, want %v", phase, c.Narrower, want)
		}
		for _, st := range want {
			sc, _ := s.Concept(st)
			if sc.Top || !slices.Equal(sc.Broader, []string{phase}) {
				t.Errorf("%s: broader = %v, want [%s]", st, sc.Broader, phase)
			}
			stages++
		}
	}
	if stages != 11 {
		t.Errorf("%d stages, want 11", stages)
	}
	c, _ := s.Concept(schema.StageDecommissioning)
	if c.Order != 11 {
		t.Errorf("decommissioning order = %d, want 11", c.Order)
	}
}

func TestSchema_Concepts(t *testing.T) {
	s := newSchema(t)
	for _, si := range schema.Schemes() {
		cs := s.Concepts(si.Name)
		if len(cs) != len(si.Codes) {
			t.Errorf("Concepts(%s) has %d concepts, want %d", si.Name, len(cs), len(si.Codes))
			continue
		}
		for i, c := range cs {
			if c.Code != si.Codes[i] || c.Scheme != si.Name || c.IRI != schema.ConceptIRI(si.Name, c.Code) {
				t.Errorf("Concepts(%s)[%d] = %s %s %s, want code %s", si.Name, i, c.IRI, c.Scheme, c.Code, si.Codes[i])
			}
		}
	}
	if cs := s.Concepts("nonexistent"); cs != nil {
		t.Errorf("Concepts(nonexistent) = %v, want nil", cs)
	}
	// The IAP2 spectrum is ordered from inform to empower.
	for i, c := range s.Concepts(schema.SchemeInfluence) {
		if c.Order != i+1 {
			t.Errorf("influence %s order = %d, want %d", c.Code, c.Order, i+1)
		}
	}
	c, ok := s.Concept(schema.RiskUnacceptable)
	if !ok || c.Label("ca") != "Risc inacceptable" || c.Label("fr") != "Unacceptable risk" || c.Order != 4 {
		t.Errorf("Concept(RiskUnacceptable) = %+v, %v", c, ok)
	}
	// Changing a returned concept must not change the schema.
	c.Labels["en"] = "changed"
	if again, _ := s.Concept(schema.RiskUnacceptable); again.Labels["en"] == "changed" {
		t.Error("Concept() returns the schema's own map")
	}
	if _, ok := s.Concept("https://example.org/none"); ok {
		t.Error("Concept(unknown) reports found")
	}
}

// TestConcepts_Constants checks the concept IRI constants of vocab.go
// against Schemes().
func TestConcepts_Constants(t *testing.T) {
	all := map[string]bool{}
	for _, si := range schema.Schemes() {
		for _, iri := range si.ConceptIRIs() {
			all[iri] = true
		}
	}
	consts := []string{
		schema.PhasePurpose, schema.PhaseDelivery, schema.PhaseImpact,
		schema.StageProblemFraming, schema.StageNeedsAssessment, schema.StageMarketEngagement, schema.StageSpecification,
		schema.StageTendering, schema.StageAward, schema.StageContracting, schema.StageDeployment,
		schema.StageMonitoring, schema.StageEvaluation, schema.StageDecommissioning,
		schema.SectorPublicAdministration, schema.SectorCivilSociety, schema.SectorAcademia, schema.SectorIndustry,
		schema.SectorInternationalOrganisation, schema.SectorCitizens,
		schema.LevelInternational, schema.LevelSupranational, schema.LevelNational, schema.LevelRegional, schema.LevelLocal,
		schema.InstitutionalisationInformal, schema.InstitutionalisationOneOff, schema.InstitutionalisationStanding, schema.InstitutionalisationStatutory,
		schema.FunctionInform, schema.FunctionConsult, schema.FunctionDeliberate, schema.FunctionCoCreate, schema.FunctionCoDecide, schema.FunctionOversee,
		schema.InfluenceInform, schema.InfluenceConsult, schema.InfluenceInvolve, schema.InfluenceCollaborate, schema.InfluenceEmpower,
		schema.TierTransparency, schema.TierParticipation, schema.TierCollaboration,
		schema.DecisionDiagnosis, schema.DecisionDeliberation, schema.DecisionNegotiation, schema.DecisionVote, schema.DecisionAssessment,
		schema.LeverGovernance, schema.LeverOrganisation, schema.LeverTalent, schema.LeverProcesses, schema.LeverQualityInManagement, schema.LeverDemocraticQuality,
		schema.RiskUnacceptable, schema.RiskHigh, schema.RiskLimited, schema.RiskMinimal,
		schema.StatusPlanning, schema.StatusPlanned, schema.StatusActive, schema.StatusCancelled, schema.StatusUnsuccessful, schema.StatusComplete, schema.StatusWithdrawn,
		schema.ProcedureOpen, schema.ProcedureSelective, schema.ProcedureLimited, schema.ProcedureDirect,
		schema.StatementKeyInsight, schema.StatementPolicyImplication,
	}
	for _, c := range consts {
		if !all[c] {
			t.Errorf("constant %s is not a concept of Schemes()", c)
		}
		delete(all, c)
	}
	for c := range all {
		t.Errorf("concept %s has no constant", c)
	}
}
