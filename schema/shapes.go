package schema

// ValueKind says what sort of RDF term a property value must be.
type ValueKind uint8

// The kinds of value a [PropertyShape] accepts.
const (
	// ValueAny accepts an IRI, a blank node or a literal.
	ValueAny ValueKind = iota
	// ValueNode accepts an IRI or a blank node.
	ValueNode
	// ValueLiteral accepts a literal.
	ValueLiteral
)

// String returns the SHACL name of the node kind.
func (k ValueKind) String() string {
	switch k {
	case ValueNode:
		return "an IRI or blank node"
	case ValueLiteral:
		return "a literal"
	}
	return "any term"
}

// PropertyShape constrains the values of one property of an entity.
type PropertyShape struct {
	// Path is the property IRI.
	Path string
	// Min and Max bound the number of values; Max 0 means no upper bound.
	// An entity that has no value but states cg:notStated Path (see
	// [PropNotStated]) meets Min: the source does not give the value.
	Min, Max int
	// Kind is the sort of term every value must be.
	Kind ValueKind
	// Datatypes, when set, lists the datatypes a literal value may have.
	Datatypes []string
	// Classes, when set, lists classes of which an IRI or blank value must be
	// an instance (any one of them, subclasses included). The check is made
	// when the value's types are known; see [Options].
	Classes []string
	// Scheme, when set, is the name of the concept scheme (see [Schemes])
	// the value must be a concept of.
	Scheme string
	// TopConcept requires the value to be a top concept of Scheme (for
	// example a lifecycle phase rather than a stage).
	TopConcept bool
	// Pattern, when set, is a regular expression (RE2, anchored by the
	// author) that the lexical form of every literal value must match.
	Pattern string
	// UniqueLang allows at most one value per language tag.
	UniqueLang bool
	// With lists properties that must be present whenever this one is (a
	// value needs its currency).
	With []string
	// Description says in words what is expected; it goes into SHACL as
	// sh:description.
	Description string
	// Severity is how serious a value that breaks this shape is: the zero
	// value, [SeverityViolation], makes imports fail; [SeverityWarning]
	// only reports.
	Severity Severity
}

// Severity says how serious a [Violation] is, as SHACL's sh:severity does.
type Severity uint8

// The severities of a [PropertyShape] and of the [Violation]s it finds.
const (
	// SeverityViolation is a value the data must not have (sh:Violation).
	SeverityViolation Severity = iota
	// SeverityWarning is a value kept, and reported, because nothing
	// better is known for it (sh:Warning).
	SeverityWarning
)

// String returns the SHACL name of the severity: Violation or Warning.
func (s Severity) String() string {
	if s == SeverityWarning {
		return "Warning"
	}
	return "Violation"
}

// Shape constrains the entities of one class.
type Shape struct {
	// Class is the class whose instances (subclasses included) the shape
	// applies to.
	Class string
	// Kind is the entity kind of the class's instance IRIs (see [Kinds]),
	// or "" when it has none of its own.
	Kind string
	// Properties constrains properties one by one.
	Properties []PropertyShape
	// AnyOf lists groups of properties of which at least one, in every
	// group, must have a value (an engagement is in a procurement or a
	// mission).
	AnyOf [][]string
	// TypeIn, when set, requires the entity to be typed with at least one of
	// these classes besides Class (a reference is also a bibo:Report, a
	// bibo:Book, ...).
	TypeIn []string
}

// Datatype sets used by the shapes.
var (
	textTypes = []string{XSDString, RDFLangString}
	dateTypes = []string{XSDDate, XSDDateTime, XSDGYearMonth, XSDGYear}
)

// Patterns used by the shapes.
const (
	patternCountry  = `^[A-Z]{2}$`
	patternCurrency = `^[A-Z]{3}$`
	patternDOI      = `^10\.[0-9]{4,9}/\S+$`
	// patternLanguageValue is an IRI of the EU language authority table
	// (see [LanguageIRI]) or, for a language that table lacks, a BCP 47
	// tag as a literal. SHACL applies sh:pattern to IRIs too.
	patternLanguageValue = `^(http://publications\.europa\.eu/resource/authority/language/[A-Z]{3}|[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*)$`
	patternYearLabel     = `^-?[0-9]{4}[a-z]?$`
	patternNonBlank      = `\S`
)

// text is a property whose values are plain or language-tagged strings.
func text(path string, min, max int, desc string) PropertyShape {
	return PropertyShape{Path: path, Min: min, Max: max, Kind: ValueLiteral, Datatypes: textTypes,
		Pattern: patternNonBlank, Description: desc}
}

// name is a text property with at most one value per language: a name, a
// title, a label.
func name(path string, min int, desc string) PropertyShape {
	p := text(path, min, 0, desc)
	p.UniqueLang = true
	return p
}

// link is a property whose values are instances of one of classes.
func link(path string, min, max int, desc string, classes ...string) PropertyShape {
	return PropertyShape{Path: path, Min: min, Max: max, Kind: ValueNode, Classes: classes, Description: desc}
}

// concept is a property whose values are concepts of a scheme.
func concept(path string, min, max int, scheme, desc string) PropertyShape {
	return PropertyShape{Path: path, Min: min, Max: max, Kind: ValueNode, Scheme: scheme, Description: desc}
}

// typed is a property whose values are literals of one of datatypes.
func typed(path string, min, max int, pattern, desc string, datatypes ...string) PropertyShape {
	return PropertyShape{Path: path, Min: min, Max: max, Kind: ValueLiteral, Datatypes: datatypes, Pattern: pattern, Description: desc}
}

// provenance is the optional link from any entity to the documents it was
// taken from.
func provenance() PropertyShape {
	return link(PROVWasDerivedFrom, 0, 0, "the source documents the entity was taken from")
}

// ReferenceTypes returns the classes one of which every Reference must also
// have: the BIBO document types and the project's own two.
func ReferenceTypes() []string {
	return []string{BIBOReport, BIBOAcademicArticle, BIBOArticle, BIBOBook, BIBOEditedBook,
		BIBOChapter, BIBOBookSection, BIBOProceedings, BIBOWebpage, BIBOSlideshow,
		ClassPaper, ClassWorkingPaper}
}

// Shapes returns the shapes of every class, in a fixed order. The slice and
// its contents are new on each call, so callers may change them.
func Shapes() []Shape {
	return []Shape{
		{
			Class: ClassActor, Kind: KindActor,
			Properties: []PropertyShape{
				name(RDFSLabel, 0, "the name of the actor, at most one per language"),
				name(FOAFName, 0, "the name of the actor, at most one per language"),
				text(SKOSAltLabel, 0, 0, "other names and acronyms"),
				text(DCTermsDescription, 0, 0, "a description"),
				concept(PropSector, 0, 0, SchemeSector, "the stakeholder sector"),
				concept(PropGovernmentLevel, 0, 1, SchemeGovernmentLevel, "the level of government"),
				typed(PropCountry, 0, 1, patternCountry, "an ISO 3166-1 alpha-2 country code", XSDString),
				link(ORGSubOrganizationOf, 0, 0, "the parent organisation", ClassActor),
				link(FOAFHomepage, 0, 0, "the website"),
				link(OWLSameAs, 0, 0, "the same actor elsewhere, such as Wikidata"),
				typed(PropOCDSPartyID, 0, 0, patternNonBlank, "an OCDS party identifier", XSDString),
				provenance(),
			},
			// Actors named in bibliographies come with foaf:name; the
			// others with rdfs:label. Either will do.
			AnyOf: [][]string{{RDFSLabel, FOAFName}},
		},
		{
			Class: ClassAdministration, Kind: KindActor,
			Properties: []PropertyShape{
				concept(PropSector, 1, 0, SchemeSector, "the stakeholder sector of the administration"),
				concept(PropGovernmentLevel, 1, 1, SchemeGovernmentLevel, "the level of government of the administration"),
			},
		},
		{
			Class: ClassPerson, Kind: KindPerson,
			Properties: []PropertyShape{
				text(FOAFFamilyName, 1, 1, "the family name"),
				text(FOAFGivenName, 0, 1, "the given names or initials"),
				text(FOAFName, 0, 1, "the full name"),
				link(ORGMemberOf, 0, 0, "an organisation the person belongs to", ClassActor),
				link(OWLSameAs, 0, 0, "the same person elsewhere, such as ORCID or Wikidata"),
				provenance(),
			},
		},
		{
			Class: ClassMission, Kind: KindMission,
			Properties: []PropertyShape{
				name(DCTermsTitle, 1, "the title, at most one per language"),
				text(DCTermsDescription, 0, 0, "a description"),
				text(PropChallenge, 0, 0, "the challenge addressed"),
				text(PropGoal, 0, 0, "the goal"),
				text(PropTarget, 0, 0, "a target"),
				typed(PropStartYear, 0, 1, "", "the first year", XSDGYear),
				typed(PropEndYear, 0, 1, "", "the last year", XSDGYear),
				link(PropOwner, 1, 0, "the owning administration", ClassAdministration),
				link(DCTermsContributor, 0, 0, "a contributing actor", ClassActor),
				provenance(),
			},
		},
		{
			Class: ClassProcurement, Kind: KindProcurement,
			Properties: []PropertyShape{
				name(DCTermsTitle, 1, "the title, at most one per language"),
				text(DCTermsDescription, 0, 0, "a description"),
				link(PropBuyer, 1, 0, "the buying administration", ClassAdministration),
				text(PropPurpose, 0, 0, "the purpose"),
				text(PropAISystem, 0, 0, "the AI system"),
				concept(PropRiskClass, 0, 1, SchemeRiskClass, "the EU AI Act risk class"),
				concept(PropStatus, 0, 1, SchemeProcurementStatus, "the status"),
				concept(PropStageReached, 0, 0, SchemeLifecycle, "a lifecycle stage reached"),
				link(PropMilestone, 0, 0, "a milestone", ClassMilestone),
				{Path: PropValue, Max: 1, Kind: ValueLiteral, Datatypes: []string{XSDDecimal, XSDInteger},
					With: []string{PropCurrency}, Description: "the value, with its currency"},
				typed(PropCurrency, 0, 1, patternCurrency, "an ISO 4217 currency code", XSDString),
				concept(PropProcedureType, 0, 1, SchemeProcedureType, "the procedure type"),
				link(PropSupplier, 0, 0, "a supplier", ClassActor),
				typed(PropOCID, 0, 1, patternNonBlank, "the OCDS ocid", XSDString),
				link(PropServesMission, 0, 0, "a mission served", ClassMission),
				typed(PropIsDigitalPublicInfrastructure, 0, 1, "", "true or false", XSDBoolean),
				typed(PropImpactAssessment, 0, 1, "", "true or false: an impact assessment was made", XSDBoolean),
				{Path: PropLegalBasis, Kind: ValueAny, Datatypes: textTypes, Description: "the legal basis, as text or as an IRI"},
				link(PropRegisterEntry, 0, 0, "the page of the entry in a public register"),
				typed(PropPublicParticipation, 0, 1, "", "true or false: the public took part", XSDBoolean),
				typed(PropRegisterStatus, 0, 1, patternNonBlank, "the status as the register words it", XSDString),
				typed(PropTenderPeriodStart, 0, 1, "", "the date the tender period opens", dateTypes...),
				typed(PropTenderPeriodEnd, 0, 1, "", "the date the tender period closes", dateTypes...),
				typed(PropContractSigned, 0, 0, "", "the date a contract was signed", dateTypes...),
				typed(PropContractPeriodStart, 0, 0, "", "the date a contract's period starts", dateTypes...),
				typed(PropContractPeriodEnd, 0, 0, "", "the date a contract's period ends", dateTypes...),
				provenance(),
			},
		},
		{
			Class: ClassMilestone, Kind: KindMilestone,
			Properties: []PropertyShape{
				concept(PropStage, 1, 1, SchemeLifecycle, "the lifecycle stage reached"),
				typed(DCTermsDate, 1, 1, "", "the date it was reached", dateTypes...),
			},
		},
		{
			Class: ClassMechanism, Kind: KindMechanism,
			Properties: []PropertyShape{
				name(RDFSLabel, 1, "the name, at most one per language"),
				text(SKOSAltLabel, 0, 0, "other names"),
				text(DCTermsDescription, 0, 0, "a description"),
				concept(PropInstitutionalisation, 0, 0, SchemeInstitutionalisation, "the degree of institutionalisation"),
				concept(PropDemocraticFunction, 0, 0, SchemeDemocraticFunction, "a democratic function"),
				{Path: PropFitsPhase, Kind: ValueNode, Scheme: SchemeLifecycle, TopConcept: true,
					Description: "a lifecycle phase (Purpose, Delivery or Impact)"},
				concept(PropLever, 0, 0, SchemeLever, "a lever of change"),
				concept(PropOpenGovernmentTier, 0, 0, SchemeOpenGovernmentTier, "a tier of open government"),
				concept(PropDecisionStage, 0, 0, SchemeDecisionStage, "a stage of decision making"),
				concept(PropInfluenceLevel, 0, 0, SchemeInfluence, "a level of influence the mechanism allows"),
				{Path: PropExample, Kind: ValueAny, Description: "an example, as text or as an entity"},
				link(DCTermsSubject, 0, 0, "a subject"),
				provenance(),
			},
		},
		{
			Class: ClassEngagement, Kind: KindEngagement,
			Properties: []PropertyShape{
				link(PropActor, 1, 1, "the actor that took part", ClassActor),
				link(PropProcurement, 0, 1, "the procurement", ClassProcurement),
				link(PropMission, 0, 1, "the mission", ClassMission),
				concept(PropStage, 1, 1, SchemeLifecycle, "the lifecycle stage or phase"),
				link(PropMechanism, 0, 1, "the mechanism", ClassMechanism),
				name(PropRole, 0, "the role, at most one per language"),
				concept(PropInfluenceLevel, 0, 1, SchemeInfluence, "the level of influence reached"),
				typed(DCTermsDate, 0, 1, "", "the date", dateTypes...),
				link(PropEvidence, 0, 0, "a reference documenting the engagement", ClassReference),
				text(DCTermsDescription, 0, 0, "a description"),
				provenance(),
			},
			AnyOf: [][]string{{PropProcurement, PropMission}},
		},
		{
			Class: ClassReference, Kind: KindReference,
			TypeIn: ReferenceTypes(),
			Properties: []PropertyShape{
				name(DCTermsTitle, 1, "the title, at most one per language"),
				link(DCTermsCreator, 0, 0, "an author", ClassPerson, ClassActor),
				link(BIBOAuthorList, 0, 1, "the ordered list of authors (an rdf:Seq)"),
				link(BIBOEditor, 0, 0, "an editor of the work or of its container", ClassPerson, ClassActor),
				link(BIBOEditorList, 0, 1, "the ordered list of editors (an rdf:Seq)"),
				typed(DCTermsIssued, 1, 1, "", "the year or date of publication", dateTypes...),
				typed(PropYearLabel, 0, 1, patternYearLabel, "the year as cited, such as 2019a", XSDString),
				text(PropContainer, 0, 1, "the journal, book or proceedings it is in"),
				link(DCTermsIsPartOf, 0, 0, "the container as an entity"),
				text(PropSeries, 0, 1, "the series"),
				typed(BIBONumber, 0, 1, patternNonBlank, "the number in the series", XSDString),
				text(BIBOEdition, 0, 1, "the edition"),
				typed(BIBOChapterNumber, 0, 1, patternNonBlank, "the chapter number", XSDString),
				typed(BIBOVolume, 0, 1, patternNonBlank, "the volume", XSDString),
				typed(BIBOIssue, 0, 1, patternNonBlank, "the issue", XSDString),
				typed(BIBOPages, 0, 1, patternNonBlank, "the pages", XSDString),
				{Path: DCTermsPublisher, Kind: ValueAny, Classes: []string{ClassActor}, Datatypes: textTypes,
					Description: "a publisher: an actor, or its name as cited"},
				text(PropPlace, 0, 0, "a place of publication"),
				link(SchemaURL, 0, 0, "a web address"),
				typed(BIBODOI, 0, 1, patternDOI, "a DOI such as 10.1000/xyz", XSDString),
				{Path: DCTermsLanguage, Kind: ValueAny, Datatypes: []string{XSDLanguage, XSDString}, Pattern: patternLanguageValue,
					Description: "a language: an IRI of the EU language authority table such as " + NSLanguage + "ENG, or a BCP 47 tag such as la for a language that table lacks"},
				{Path: DCTermsLanguage, Kind: ValueNode, Severity: SeverityWarning,
					Description: "an IRI of the EU language authority table; a language tag kept as a literal names a language civicgraph's copy of that table lacks"},
				link(PropAbout, 0, 0, "an entity or concept it is about"),
				link(DCTermsReferences, 0, 0, "a reference it cites", ClassReference),
				link(BIBOTranslationOf, 0, 1, "the work it translates", ClassReference),
				link(DCTermsSubject, 0, 0, "a subject"),
				text(DCTermsDescription, 0, 0, "an abstract or description"),
				provenance(),
			},
		},
		{
			Class: ClassStatement, Kind: KindStatement,
			Properties: []PropertyShape{
				name(DCTermsTitle, 1, "the statement in one sentence, at most one per language"),
				text(DCTermsDescription, 0, 0, "the explanation"),
				concept(PropStatementType, 1, 1, SchemeStatementType, "the statement type"),
				link(PropAbout, 0, 0, "an entity or concept it concerns"),
				typed(SchemaPosition, 0, 1, "", "its position in the source's list", XSDInteger),
				link(PROVWasDerivedFrom, 1, 0, "the reference it was taken from", ClassReference),
			},
		},
		{
			Class: SKOSConcept,
			Properties: []PropertyShape{
				name(SKOSPrefLabel, 1, "the preferred label, at most one per language"),
				text(SKOSAltLabel, 0, 0, "other labels"),
				name(SKOSDefinition, 0, "the definition, at most one per language"),
				{Path: SKOSNotation, Max: 1, Kind: ValueLiteral, Pattern: patternNonBlank, Description: "the code"},
				{Path: SKOSInScheme, Min: 1, Kind: ValueNode, Classes: []string{SKOSConceptScheme}, Description: "the concept scheme"},
				link(SKOSBroader, 0, 0, "a broader concept", SKOSConcept),
				link(SKOSNarrower, 0, 0, "a narrower concept", SKOSConcept),
				typed(PropOrder, 0, 1, "", "the position in an ordered scheme", XSDInteger),
			},
		},
	}
}
