package schema

// SchemeInfo describes one concept scheme shipped in concepts.ttl: its name
// (the {scheme} segment of its IRI), the codes of its concepts, and whether
// its concepts are ordered (with [PropOrder]).
type SchemeInfo struct {
	Name    string
	Ordered bool
	// Codes lists the concept codes: top concepts first, in order, then
	// narrower concepts in order.
	Codes []string
}

// IRI returns the IRI of the scheme.
func (si SchemeInfo) IRI() string { return SchemeIRI(si.Name) }

// ConceptIRIs returns the IRIs of the scheme's concepts, in the order of
// Codes.
func (si SchemeInfo) ConceptIRIs() []string {
	iris := make([]string, len(si.Codes))
	for i, c := range si.Codes {
		iris[i] = ConceptIRI(si.Name, c)
	}
	return iris
}

// Schemes returns the concept schemes that concepts.ttl must define, each
// with all its concept codes. It is the list that tests check concepts.ttl
// against, and that other packages can range over without loading a
// [Schema]. The slice is new on each call.
func Schemes() []SchemeInfo {
	return []SchemeInfo{
		{SchemeLifecycle, true, []string{"purpose", "delivery", "impact",
			"problem-framing", "needs-assessment", "market-engagement",
			"specification", "tendering", "award", "contracting", "deployment",
			"monitoring", "evaluation", "decommissioning"}},
		{SchemeSector, false, []string{"public-administration", "civil-society", "academia",
			"industry", "international-organisation", "citizens"}},
		{SchemeGovernmentLevel, true, []string{"local", "regional", "national", "supranational", "international"}},
		{SchemeInstitutionalisation, true, []string{"informal", "one-off", "standing", "statutory"}},
		{SchemeDemocraticFunction, false, []string{"inform", "consult", "deliberate", "co-create", "co-decide", "oversee"}},
		{SchemeInfluence, true, []string{"inform", "consult", "involve", "collaborate", "empower"}},
		{SchemeOpenGovernmentTier, true, []string{"transparency", "participation", "collaboration"}},
		{SchemeDecisionStage, true, []string{"diagnosis", "deliberation", "negotiation", "vote", "assessment"}},
		{SchemeLever, false, []string{"governance", "organisation", "talent", "processes",
			"quality-in-management", "democratic-quality"}},
		{SchemeRiskClass, true, []string{"minimal", "limited", "high", "unacceptable"}},
		{SchemeProcurementStatus, false, []string{"planning", "planned", "active", "cancelled",
			"unsuccessful", "complete", "withdrawn"}},
		{SchemeProcedureType, false, []string{"open", "selective", "limited", "direct"}},
		{SchemeStatementType, false, []string{"key-insight", "policy-implication"}},
	}
}

// Concept is one SKOS concept as loaded from concepts.ttl.
type Concept struct {
	IRI    string
	Scheme string // the scheme name, such as "lifecycle"
	Code   string // the skos:notation, also the last IRI segment
	// Labels maps a language tag (en, ca, es) to the skos:prefLabel.
	Labels map[string]string
	// Definitions maps a language tag to the skos:definition.
	Definitions map[string]string
	Broader     []string // IRIs of broader concepts
	Narrower    []string // IRIs of narrower concepts
	Top         bool     // a top concept of its scheme
	Order       int      // cg:order, or 0 in an unordered scheme
}

// Label returns the concept's label in lang, falling back to English and
// then to the code.
func (c Concept) Label(lang string) string {
	if l, ok := c.Labels[lang]; ok {
		return l
	}
	if l, ok := c.Labels["en"]; ok {
		return l
	}
	return c.Code
}
