package queries

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Node resolves the Node interface; its To methods pick the concrete type.
type Node struct{ *entity }

func (e *entity) node() *Node { return &Node{e} }

func (n *Node) is(kind string) bool { return n.kind() == kind }

// ToResource returns n as a Resource when it is of no other type.
func (n *Node) ToResource() (*Resource, bool) { return &Resource{n.entity}, n.is(kindResource) }

// ToActor returns n as an Actor.
func (n *Node) ToActor() (*Actor, bool) { return &Actor{n.entity}, n.is(kindActor) }

// ToAdministration returns n as an Administration.
func (n *Node) ToAdministration() (*Administration, bool) {
	return &Administration{Actor{n.entity}}, n.is(kindAdministration)
}

// ToMission returns n as a Mission.
func (n *Node) ToMission() (*Mission, bool) { return &Mission{n.entity}, n.is(kindMission) }

// ToProcurement returns n as a Procurement.
func (n *Node) ToProcurement() (*Procurement, bool) {
	return &Procurement{n.entity}, n.is(kindProcurement)
}

// ToMechanism returns n as a Mechanism.
func (n *Node) ToMechanism() (*Mechanism, bool) { return &Mechanism{n.entity}, n.is(kindMechanism) }

// ToEngagement returns n as an Engagement.
func (n *Node) ToEngagement() (*Engagement, bool) {
	return &Engagement{n.entity}, n.is(kindEngagement)
}

// ToReference returns n as a Reference.
func (n *Node) ToReference() (*Reference, bool) { return &Reference{n.entity}, n.is(kindReference) }

// ToPerson returns n as a Person.
func (n *Node) ToPerson() (*Person, bool) { return &Person{n.entity}, n.is(kindPerson) }

// ToConcept returns n as a Concept.
func (n *Node) ToConcept() (*Concept, bool) { return &Concept{n.entity}, n.is(kindConcept) }

// ToStatement returns n as a Statement.
func (n *Node) ToStatement() (*Statement, bool) { return &Statement{n.entity}, n.is(kindStatement) }

// wrap converts entities with a constructor.
func wrap[T any](f func(*entity) T) func([]*entity, error) ([]T, error) {
	return func(es []*entity, err error) ([]T, error) {
		if err != nil {
			return nil, err
		}
		out := make([]T, len(es))
		for i, e := range es {
			out[i] = f(e)
		}
		return out, nil
	}
}

// wrapOne converts an entity, nil staying nil.
func wrapOne[T any](f func(*entity) *T) func(*entity, error) (*T, error) {
	return func(e *entity, err error) (*T, error) {
		if err != nil || e == nil {
			return nil, err
		}
		return f(e), nil
	}
}

func asNode(e *entity) *Node               { return e.node() }
func asActor(e *entity) *Actor             { return &Actor{e} }
func asAdmin(e *entity) *Administration    { return &Administration{Actor{e}} }
func asMission(e *entity) *Mission         { return &Mission{e} }
func asProcurement(e *entity) *Procurement { return &Procurement{e} }
func asMechanism(e *entity) *Mechanism     { return &Mechanism{e} }
func asEngagement(e *entity) *Engagement   { return &Engagement{e} }
func asReference(e *entity) *Reference     { return &Reference{e} }
func asPerson(e *entity) *Person           { return &Person{e} }
func asConcept(e *entity) *Concept         { return &Concept{e} }
func asStatement(e *entity) *Statement     { return &Statement{e} }

// Resource is an entity of no class the API has a type for.
type Resource struct{ *entity }

// Actor is a stakeholder (cg:Actor).
type Actor struct{ *entity }

// AltLabels resolves Actor.altLabels.
func (a *Actor) AltLabels() []string { return a.strs(schema.SKOSAltLabel) }

// Sectors resolves Actor.sectors.
func (a *Actor) Sectors(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(a.links(ctx, schema.PropSector))
}

// Level resolves Actor.level.
func (a *Actor) Level(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(a.link(ctx, schema.PropGovernmentLevel))
}

// Country resolves Actor.country.
func (a *Actor) Country() *string { return a.str(schema.PropCountry) }

// Parent resolves Actor.parent.
func (a *Actor) Parent(ctx context.Context) (*Actor, error) {
	return wrapOne(asActor)(a.link(ctx, schema.ORGSubOrganizationOf))
}

// SubOrganizations resolves Actor.subOrganizations.
func (a *Actor) SubOrganizations(ctx context.Context, args PageArgs) (*Connection[*Actor], error) {
	return related(ctx, a.r, a.incoming(schema.ORGSubOrganizationOf), args, asActor)
}

// Homepages resolves Actor.homepages.
func (a *Actor) Homepages() []string { return a.strs(schema.FOAFHomepage) }

// SameAs resolves Actor.sameAs.
func (a *Actor) SameAs() []string { return a.strs(schema.OWLSameAs) }

// OcdsPartyIDs resolves Actor.ocdsPartyIDs.
func (a *Actor) OcdsPartyIDs() []string { return a.strs(schema.PropOCDSPartyID) }

// Engagements resolves Actor.engagements.
func (a *Actor) Engagements(ctx context.Context, args PageArgs) (*Connection[*Engagement], error) {
	return related(ctx, a.r, a.incoming(schema.PropActor), args, asEngagement)
}

// Publications resolves Actor.publications: references it created or
// published.
func (a *Actor) Publications(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, a.r, a.incoming(schema.DCTermsCreator, schema.DCTermsPublisher), args, asReference)
}

// Supplied resolves Actor.supplied.
func (a *Actor) Supplied(ctx context.Context, args PageArgs) (*Connection[*Procurement], error) {
	return related(ctx, a.r, a.incoming(schema.PropSupplier), args, asProcurement)
}

// Members resolves Actor.members.
func (a *Actor) Members(ctx context.Context, args PageArgs) (*Connection[*Person], error) {
	return related(ctx, a.r, a.incoming(schema.ORGMemberOf), args, asPerson)
}

// Administration is a public administration (cg:Administration).
type Administration struct{ Actor }

// Procurements resolves Administration.procurements.
func (a *Administration) Procurements(ctx context.Context, args PageArgs) (*Connection[*Procurement], error) {
	return related(ctx, a.r, a.incoming(schema.PropBuyer), args, asProcurement)
}

// Missions resolves Administration.missions.
func (a *Administration) Missions(ctx context.Context, args PageArgs) (*Connection[*Mission], error) {
	return related(ctx, a.r, a.incoming(schema.PropOwner), args, asMission)
}

// Mission is a mission-oriented policy (cg:Mission).
type Mission struct{ *entity }

// Title resolves Mission.title.
func (m *Mission) Title(args LangArgs) *string { return m.text(schema.DCTermsTitle, args.Lang) }

// Challenge resolves Mission.challenge.
func (m *Mission) Challenge(args LangArgs) *string { return m.text(schema.PropChallenge, args.Lang) }

// Goal resolves Mission.goal.
func (m *Mission) Goal(args LangArgs) *string { return m.text(schema.PropGoal, args.Lang) }

// Targets resolves Mission.targets.
func (m *Mission) Targets() []string { return m.strs(schema.PropTarget) }

// StartYear resolves Mission.startYear.
func (m *Mission) StartYear() *int32 { return m.integer(schema.PropStartYear) }

// EndYear resolves Mission.endYear.
func (m *Mission) EndYear() *int32 { return m.integer(schema.PropEndYear) }

// Owners resolves Mission.owners.
func (m *Mission) Owners(ctx context.Context, args PageArgs) (*Connection[*Administration], error) {
	return related(ctx, m.r, m.outgoing(schema.PropOwner), args, asAdmin)
}

// Contributors resolves Mission.contributors.
func (m *Mission) Contributors(ctx context.Context, args PageArgs) (*Connection[*Actor], error) {
	return related(ctx, m.r, m.outgoing(schema.DCTermsContributor), args, asActor)
}

// Procurements resolves Mission.procurements.
func (m *Mission) Procurements(ctx context.Context, args PageArgs) (*Connection[*Procurement], error) {
	return related(ctx, m.r, m.incoming(schema.PropServesMission), args, asProcurement)
}

// Engagements resolves Mission.engagements.
func (m *Mission) Engagements(ctx context.Context, args PageArgs) (*Connection[*Engagement], error) {
	return related(ctx, m.r, m.incoming(schema.PropMission), args, asEngagement)
}

// Milestone is a stage a procurement reached on a date.
type Milestone struct{ *entity }

// Stage resolves Milestone.stage.
func (m *Milestone) Stage(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(m.link(ctx, schema.PropStage))
}

// Date resolves Milestone.date.
func (m *Milestone) Date() *string { return m.str(schema.DCTermsDate) }

// Procurement is the procurement of an AI system (cg:Procurement).
type Procurement struct{ *entity }

// Title resolves Procurement.title.
func (p *Procurement) Title(args LangArgs) *string { return p.text(schema.DCTermsTitle, args.Lang) }

// Buyer resolves Procurement.buyer.
func (p *Procurement) Buyer(ctx context.Context) (*Administration, error) {
	return wrapOne(asAdmin)(p.link(ctx, schema.PropBuyer))
}

// Purpose resolves Procurement.purpose.
func (p *Procurement) Purpose(args LangArgs) *string { return p.text(schema.PropPurpose, args.Lang) }

// AiSystem resolves Procurement.aiSystem.
func (p *Procurement) AiSystem(args LangArgs) *string {
	return p.text(schema.PropAISystem, args.Lang)
}

// RiskClass resolves Procurement.riskClass.
func (p *Procurement) RiskClass(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(p.link(ctx, schema.PropRiskClass))
}

// Status resolves Procurement.status.
func (p *Procurement) Status(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(p.link(ctx, schema.PropStatus))
}

// StagesReached resolves Procurement.stagesReached.
func (p *Procurement) StagesReached(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(p.links(ctx, schema.PropStageReached))
}

// Milestones resolves Procurement.milestones.
func (p *Procurement) Milestones(ctx context.Context) ([]*Milestone, error) {
	return wrap(func(e *entity) *Milestone { return &Milestone{e} })(p.links(ctx, schema.PropMilestone))
}

// Value resolves Procurement.value.
func (p *Procurement) Value() *string { return p.str(schema.PropValue) }

// Currency resolves Procurement.currency.
func (p *Procurement) Currency() *string { return p.str(schema.PropCurrency) }

// ProcedureType resolves Procurement.procedureType.
func (p *Procurement) ProcedureType(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(p.link(ctx, schema.PropProcedureType))
}

// Suppliers resolves Procurement.suppliers.
func (p *Procurement) Suppliers(ctx context.Context, args PageArgs) (*Connection[*Actor], error) {
	return related(ctx, p.r, p.outgoing(schema.PropSupplier), args, asActor)
}

// Ocid resolves Procurement.ocid.
func (p *Procurement) Ocid() *string { return p.str(schema.PropOCID) }

// Missions resolves Procurement.missions.
func (p *Procurement) Missions(ctx context.Context, args PageArgs) (*Connection[*Mission], error) {
	return related(ctx, p.r, p.outgoing(schema.PropServesMission), args, asMission)
}

// DigitalPublicInfrastructure resolves Procurement.digitalPublicInfrastructure.
func (p *Procurement) DigitalPublicInfrastructure() *bool {
	s := p.str(schema.PropIsDigitalPublicInfrastructure)
	if s == nil {
		return nil
	}
	b := *s == "true" || *s == "1"
	return &b
}

// Engagements resolves Procurement.engagements.
func (p *Procurement) Engagements(ctx context.Context, args PageArgs) (*Connection[*Engagement], error) {
	return related(ctx, p.r, p.incoming(schema.PropProcurement), args, asEngagement)
}

// Mechanism is a participatory or engagement instrument (cg:Mechanism).
type Mechanism struct{ *entity }

// AltLabels resolves Mechanism.altLabels.
func (m *Mechanism) AltLabels() []string { return m.strs(schema.SKOSAltLabel) }

// Institutionalisation resolves Mechanism.institutionalisation.
func (m *Mechanism) Institutionalisation(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropInstitutionalisation))
}

// DemocraticFunctions resolves Mechanism.democraticFunctions.
func (m *Mechanism) DemocraticFunctions(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropDemocraticFunction))
}

// Phases resolves Mechanism.phases.
func (m *Mechanism) Phases(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropFitsPhase))
}

// Levers resolves Mechanism.levers.
func (m *Mechanism) Levers(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropLever))
}

// OpenGovernmentTiers resolves Mechanism.openGovernmentTiers.
func (m *Mechanism) OpenGovernmentTiers(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropOpenGovernmentTier))
}

// DecisionStages resolves Mechanism.decisionStages.
func (m *Mechanism) DecisionStages(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropDecisionStage))
}

// InfluenceLevels resolves Mechanism.influenceLevels.
func (m *Mechanism) InfluenceLevels(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(m.links(ctx, schema.PropInfluenceLevel))
}

// Examples resolves Mechanism.examples: the examples given as text.
func (m *Mechanism) Examples() []string {
	out := []string{}
	for _, v := range m.props[schema.PropExample] {
		if v.Kind == graph.KindLiteral {
			out = append(out, v.Value)
		}
	}
	return out
}

// Engagements resolves Mechanism.engagements.
func (m *Mechanism) Engagements(ctx context.Context, args PageArgs) (*Connection[*Engagement], error) {
	return related(ctx, m.r, m.incoming(schema.PropMechanism), args, asEngagement)
}

// Engagement is an actor taking part in a procurement or mission
// (cg:Engagement).
type Engagement struct{ *entity }

// Actor resolves Engagement.actor.
func (g *Engagement) Actor(ctx context.Context) (*Actor, error) {
	return wrapOne(asActor)(g.link(ctx, schema.PropActor))
}

// Procurement resolves Engagement.procurement.
func (g *Engagement) Procurement(ctx context.Context) (*Procurement, error) {
	return wrapOne(asProcurement)(g.link(ctx, schema.PropProcurement))
}

// Mission resolves Engagement.mission.
func (g *Engagement) Mission(ctx context.Context) (*Mission, error) {
	return wrapOne(asMission)(g.link(ctx, schema.PropMission))
}

// Stage resolves Engagement.stage.
func (g *Engagement) Stage(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(g.link(ctx, schema.PropStage))
}

// Phase resolves Engagement.phase: the stage when it is a phase, else its
// broader concept.
func (g *Engagement) Phase(ctx context.Context) (*Concept, error) {
	st, err := g.link(ctx, schema.PropStage)
	if err != nil || st == nil {
		return nil, err
	}
	if len(st.props[schema.SKOSTopConceptOf]) > 0 {
		return asConcept(st), nil
	}
	return wrapOne(asConcept)(st.link(ctx, schema.SKOSBroader))
}

// Mechanism resolves Engagement.mechanism.
func (g *Engagement) Mechanism(ctx context.Context) (*Mechanism, error) {
	return wrapOne(asMechanism)(g.link(ctx, schema.PropMechanism))
}

// Role resolves Engagement.role.
func (g *Engagement) Role(args LangArgs) *string { return g.text(schema.PropRole, args.Lang) }

// InfluenceLevel resolves Engagement.influenceLevel.
func (g *Engagement) InfluenceLevel(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(g.link(ctx, schema.PropInfluenceLevel))
}

// Date resolves Engagement.date.
func (g *Engagement) Date() *string { return g.str(schema.DCTermsDate) }

// Evidence resolves Engagement.evidence.
func (g *Engagement) Evidence(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, g.r, g.outgoing(schema.PropEvidence), args, asReference)
}

// Reference is a bibliographic reference (cg:Reference).
type Reference struct{ *entity }

// Title resolves Reference.title.
func (r *Reference) Title(args LangArgs) *string { return r.text(schema.DCTermsTitle, args.Lang) }

// ordered returns the members of the rdf:Seq that is the value of listPred
// in order, else the values of pred.
func (r *Reference) ordered(ctx context.Context, listPred, pred string) ([]*Node, error) {
	seq, err := r.link(ctx, listPred)
	if err != nil {
		return nil, err
	}
	if seq == nil {
		return wrap(asNode)(r.links(ctx, pred))
	}
	type member struct {
		n int
		t graph.Term
	}
	var ms []member
	for p, vals := range seq.props {
		rest, ok := strings.CutPrefix(p, schema.NSRDF+"_")
		n, err := strconv.Atoi(rest)
		if !ok || err != nil || len(vals) == 0 {
			continue
		}
		ms = append(ms, member{n, vals[0]})
	}
	slices.SortFunc(ms, func(a, b member) int { return a.n - b.n })
	ts := make([]graph.Term, len(ms))
	for i, m := range ms {
		ts[i] = m.t
	}
	return wrap(asNode)(r.r.loadAll(ctx, ts))
}

// Authors resolves Reference.authors.
func (r *Reference) Authors(ctx context.Context) ([]*Node, error) {
	return r.ordered(ctx, schema.BIBOAuthorList, schema.DCTermsCreator)
}

// Editors resolves Reference.editors.
func (r *Reference) Editors(ctx context.Context) ([]*Node, error) {
	return r.ordered(ctx, schema.BIBOEditorList, schema.BIBOEditor)
}

// Issued resolves Reference.issued.
func (r *Reference) Issued() *string { return r.str(schema.DCTermsIssued) }

// Year resolves Reference.year.
func (r *Reference) Year() *int32 { return yearOf(r.str(schema.DCTermsIssued)) }

// yearOf returns the year of a date, gYear or dateTime lexical form.
func yearOf(s *string) *int32 {
	if s == nil || len(*s) < 4 {
		return nil
	}
	n, err := strconv.Atoi((*s)[:4])
	if err != nil {
		return nil
	}
	y := int32(n)
	return &y
}

// YearLabel resolves Reference.yearLabel.
func (r *Reference) YearLabel() *string { return r.str(schema.PropYearLabel) }

// Container resolves Reference.container.
func (r *Reference) Container() *string { return r.str(schema.PropContainer) }

// Series resolves Reference.series.
func (r *Reference) Series() *string { return r.str(schema.PropSeries) }

// Publishers resolves Reference.publishers.
func (r *Reference) Publishers() []string { return r.strs(schema.DCTermsPublisher) }

// Places resolves Reference.places.
func (r *Reference) Places() []string { return r.strs(schema.PropPlace) }

// Urls resolves Reference.urls.
func (r *Reference) Urls() []string { return r.strs(schema.SchemaURL) }

// Doi resolves Reference.doi.
func (r *Reference) Doi() *string { return r.str(schema.BIBODOI) }

// Languages resolves Reference.languages: BCP 47 tags ("en"), mapped back
// from the IRIs of the EU language authority table that dcterms:language
// holds (see [languageTag]).
func (r *Reference) Languages() []string {
	out := []string{}
	for _, v := range r.props[schema.DCTermsLanguage] {
		if tag, ok := languageTag(v); ok && !slices.Contains(out, tag) {
			out = append(out, tag)
		}
	}
	return out
}

// About resolves Reference.about.
func (r *Reference) About(ctx context.Context, args PageArgs) (*Connection[*Node], error) {
	return related(ctx, r.r, r.outgoing(schema.PropAbout, schema.SchemaAbout), args, asNode)
}

// Cites resolves Reference.cites.
func (r *Reference) Cites(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, r.r, r.outgoing(schema.DCTermsReferences, schema.BIBOCites), args, asReference)
}

// CitedBy resolves Reference.citedBy.
func (r *Reference) CitedBy(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, r.r, r.incoming(schema.DCTermsReferences, schema.BIBOCites), args, asReference)
}

// TranslationOf resolves Reference.translationOf: the work this one
// translates.
func (r *Reference) TranslationOf(ctx context.Context) (*Reference, error) {
	return wrapOne(asReference)(r.link(ctx, schema.BIBOTranslationOf))
}

// Translations resolves Reference.translations: the works that are
// translations of this one.
func (r *Reference) Translations(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, r.r, r.incoming(schema.BIBOTranslationOf), args, asReference)
}

// Versions resolves Reference.versions: this work, its original and every
// translation, transitively.
func (r *Reference) Versions(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, r.r, func(v *graph.View) ([]graph.Term, error) { return versions(v, r.t) }, args, asReference)
}

// WorkCites resolves Reference.workCites: the references cited by any
// version of the work, so that the bibliography of a paper published in
// several languages is reached from each.
func (r *Reference) WorkCites(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, r.r, func(v *graph.View) ([]graph.Term, error) {
		vs, err := versions(v, r.t)
		if err != nil {
			return nil, err
		}
		var out []graph.Term
		for _, t := range vs {
			for _, p := range []string{schema.DCTermsReferences, schema.BIBOCites} {
				for q, err := range v.Match(graph.Pattern{S: t, P: graph.IRI(p)}) {
					if err != nil {
						return nil, err
					}
					if q.O.Kind != graph.KindLiteral {
						out = append(out, q.O)
					}
				}
			}
		}
		return out, nil
	}, args, asReference)
}

// EvidenceFor resolves Reference.evidenceFor.
func (r *Reference) EvidenceFor(ctx context.Context, args PageArgs) (*Connection[*Engagement], error) {
	return related(ctx, r.r, r.incoming(schema.PropEvidence), args, asEngagement)
}

// Person is a person (foaf:Person).
type Person struct{ *entity }

// FamilyName resolves Person.familyName.
func (p *Person) FamilyName() *string { return p.str(schema.FOAFFamilyName) }

// GivenName resolves Person.givenName.
func (p *Person) GivenName() *string { return p.str(schema.FOAFGivenName) }

// Name resolves Person.name.
func (p *Person) Name() *string { return p.str(schema.FOAFName) }

// MemberOf resolves Person.memberOf.
func (p *Person) MemberOf(ctx context.Context, args PageArgs) (*Connection[*Actor], error) {
	return related(ctx, p.r, p.outgoing(schema.ORGMemberOf), args, asActor)
}

// Publications resolves Person.publications.
func (p *Person) Publications(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, p.r, p.incoming(schema.DCTermsCreator), args, asReference)
}

// Concept is a SKOS concept.
type Concept struct{ *entity }

// Notation resolves Concept.notation.
func (c *Concept) Notation() *string { return c.str(schema.SKOSNotation) }

// Scheme resolves Concept.scheme.
func (c *Concept) Scheme() *string {
	for _, v := range c.props[schema.SKOSInScheme] {
		return &v.Value
	}
	return nil
}

// Order resolves Concept.order.
func (c *Concept) Order() *int32 { return c.integer(schema.PropOrder) }

// Broader resolves Concept.broader.
func (c *Concept) Broader(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(c.links(ctx, schema.SKOSBroader))
}

// Narrower resolves Concept.narrower.
func (c *Concept) Narrower(ctx context.Context) ([]*Concept, error) {
	return wrap(asConcept)(c.links(ctx, schema.SKOSNarrower))
}

// UsedBy resolves Concept.usedBy: the subjects outside the ontology,
// concept and shape graphs that have the concept as a value.
func (c *Concept) UsedBy(ctx context.Context, args PageArgs) (*Connection[*Node], error) {
	return related(ctx, c.r, func(v *graph.View) ([]graph.Term, error) {
		var ts []graph.Term
		for q, err := range v.Match(graph.Pattern{O: c.t}) {
			if err != nil {
				return nil, err
			}
			switch q.G.Value {
			case schema.GraphConcepts, schema.GraphOntology, schema.GraphShapes:
				continue
			}
			ts = append(ts, q.S)
		}
		return ts, nil
	}, args, asNode)
}

// Statement is a key insight or policy implication (cg:Statement).
type Statement struct{ *entity }

// Title resolves Statement.title.
func (s *Statement) Title(args LangArgs) *string { return s.text(schema.DCTermsTitle, args.Lang) }

// StatementType resolves Statement.statementType.
func (s *Statement) StatementType(ctx context.Context) (*Concept, error) {
	return wrapOne(asConcept)(s.link(ctx, schema.PropStatementType))
}

// About resolves Statement.about.
func (s *Statement) About(ctx context.Context, args PageArgs) (*Connection[*Node], error) {
	return related(ctx, s.r, s.outgoing(schema.PropAbout, schema.SchemaAbout), args, asNode)
}

// Position resolves Statement.position.
func (s *Statement) Position() *int32 { return s.integer(schema.SchemaPosition) }

// DerivedFrom resolves Statement.derivedFrom.
func (s *Statement) DerivedFrom(ctx context.Context, args PageArgs) (*Connection[*Reference], error) {
	return related(ctx, s.r, s.outgoing(schema.PROVWasDerivedFrom), args, asReference)
}
