package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"civicgraph/graph"
)

// Project namespaces and IRI bases. Every IRI the project mints starts with
// one of these; other packages build IRIs from them and never spell them.
const (
	// NS is the namespace of the project ontology (prefix cg).
	NS = "https://w3id.org/civicgraph/ns#"
	// OntologyIRI is the stable IRI of the ontology document itself.
	OntologyIRI = "https://w3id.org/civicgraph/ns"
	// OntologyVersion is the version of the ontology shipped in this package.
	OntologyVersion = "0.1.0"
	// OntologyVersionIRI is the owl:versionIRI of this version of the ontology.
	OntologyVersionIRI = "https://w3id.org/civicgraph/ns/0.1.0"
	// DefaultBase is the default base IRI of instances. Instances are
	// {base}{kind}/{slug}; see [EntityIRI]. The base is configurable.
	DefaultBase = "https://w3id.org/civicgraph/id/"
	// ConceptBase is the base of concept and concept scheme IRIs; see
	// [ConceptIRI] and [SchemeIRI].
	ConceptBase = "https://w3id.org/civicgraph/concept/"
	// GraphBase is the base of named graph IRIs; see [GraphIRI].
	GraphBase = "https://w3id.org/civicgraph/graph/"
	// NSShapes is the namespace of the SHACL shapes (prefix cgsh); see
	// [Schema.WriteSHACL].
	NSShapes = "https://w3id.org/civicgraph/shapes#"
)

// Standard namespaces.
const (
	// NSRDF is the RDF namespace (prefix rdf).
	NSRDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	// NSRDFS is the RDF Schema namespace (prefix rdfs).
	NSRDFS = "http://www.w3.org/2000/01/rdf-schema#"
	// NSOWL is the OWL namespace (prefix owl).
	NSOWL = "http://www.w3.org/2002/07/owl#"
	// NSXSD is the XML Schema datatypes namespace (prefix xsd).
	NSXSD = "http://www.w3.org/2001/XMLSchema#"
	// NSSKOS is the SKOS namespace (prefix skos).
	NSSKOS = "http://www.w3.org/2004/02/skos/core#"
	// NSDCTerms is the DCMI terms namespace (prefix dcterms).
	NSDCTerms = "http://purl.org/dc/terms/"
	// NSFOAF is the FOAF namespace (prefix foaf).
	NSFOAF = "http://xmlns.com/foaf/0.1/"
	// NSORG is the W3C Organization Ontology namespace (prefix org).
	NSORG = "http://www.w3.org/ns/org#"
	// NSBIBO is the Bibliographic Ontology namespace (prefix bibo).
	NSBIBO = "http://purl.org/ontology/bibo/"
	// NSPROV is the PROV-O namespace (prefix prov).
	NSPROV = "http://www.w3.org/ns/prov#"
	// NSSchema is the schema.org namespace (prefix schema).
	NSSchema = "http://schema.org/"
	// NSEPO is the EU eProcurement Ontology namespace (prefix epo).
	NSEPO = "http://data.europa.eu/a4g/ontology#"
	// NSDCAT is the DCAT namespace (prefix dcat).
	NSDCAT = "http://www.w3.org/ns/dcat#"
	// NSVOID is the VoID namespace (prefix void).
	NSVOID = "http://rdfs.org/ns/void#"
	// NSSH is the SHACL namespace (prefix sh).
	NSSH = "http://www.w3.org/ns/shacl#"
)

// Prefix is a Turtle prefix and the namespace it stands for.
type Prefix struct {
	Name string // the prefix label, without the colon
	IRI  string // the namespace IRI
}

// Prefixes returns the prefixes the project uses, cg first, in a fixed
// order, for writers of Turtle and JSON-LD contexts. The slice is new on each
// call, so callers may change it.
func Prefixes() []Prefix {
	return []Prefix{
		{"cg", NS},
		{"rdf", NSRDF},
		{"rdfs", NSRDFS},
		{"owl", NSOWL},
		{"xsd", NSXSD},
		{"skos", NSSKOS},
		{"dcterms", NSDCTerms},
		{"foaf", NSFOAF},
		{"org", NSORG},
		{"bibo", NSBIBO},
		{"prov", NSPROV},
		{"schema", NSSchema},
		{"epo", NSEPO},
		{"dcat", NSDCAT},
		{"void", NSVOID},
		{"sh", NSSH},
	}
}

// Kinds of entity: the {kind} path segment of an instance IRI.
const (
	KindActor       = "actor"       // Actor and Administration
	KindMission     = "mission"     // Mission
	KindProcurement = "procurement" // Procurement
	KindMechanism   = "mechanism"   // Mechanism
	KindEngagement  = "engagement"  // Engagement
	KindReference   = "reference"   // Reference and its subclasses
	KindPerson      = "person"      // foaf:Person (authors, editors)
	KindStatement   = "statement"   // Statement (key insights, policy implications)
	KindSource      = "source"      // a source document an import came from
	KindMilestone   = "milestone"   // Milestone (a lifecycle stage reached on a date)
)

// Kinds returns every entity kind, in a fixed order.
func Kinds() []string {
	return []string{KindActor, KindMission, KindProcurement, KindMechanism, KindEngagement,
		KindReference, KindPerson, KindStatement, KindSource, KindMilestone}
}

// EntityIRI returns the IRI of the instance of the given kind and slug under
// base, that is base + kind + "/" + slug. A base without a final "/" or "#"
// gets a "/". The slug is used as given; pass it through [Slug] first when it
// comes from free text.
func EntityIRI(base, kind, slug string) string {
	if base != "" && !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	return base + kind + "/" + slug
}

// ConceptIRI returns the IRI of the concept with the given code in the given
// scheme: ConceptBase + scheme + "/" + code.
func ConceptIRI(scheme, code string) string { return ConceptBase + scheme + "/" + code }

// SchemeIRI returns the IRI of the concept scheme with the given name.
func SchemeIRI(scheme string) string { return ConceptBase + scheme }

// GraphIRI returns the IRI of the named graph with the given name, which may
// contain slashes ("seed/playbook").
func GraphIRI(name string) string { return GraphBase + name }

// Named graphs.
const (
	// GraphOntology holds the ontology (classes and properties).
	GraphOntology = GraphBase + "ontology"
	// GraphConcepts holds the SKOS concept schemes.
	GraphConcepts = GraphBase + "concepts"
	// GraphShapes holds the SHACL rendering of the shapes.
	GraphShapes = GraphBase + "shapes"
	// GraphSeedPlaybook holds the seed knowledge taken from the playbook.
	GraphSeedPlaybook = GraphBase + "seed/playbook"
	// GraphIllustrative holds illustrative (made-up) example data, kept apart
	// from knowledge taken from the sources.
	GraphIllustrative = GraphBase + "illustrative"
)

// FoldRune returns the lower-case ASCII letters or digit that r folds to
// in a slug ("ñ" → "n", "ß" → "ss"), and false when r has none (punctuation,
// other scripts).
func FoldRune(r rune) (string, bool) { return graph.FoldRune(r) }

// Slug turns s into an IRI path segment: lower-case ASCII letters and
// digits, with diacritics folded ("Peña-López" → "pena-lopez"), every other
// run of characters turned into one '-', and no '-' at either end.
// A name with nothing that folds to ASCII (Cyrillic, Greek, CJK) becomes
// "u" and twelve hex digits of its SHA-256, so distinct names stay distinct.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		f, ok := graph.FoldRune(r)
		if !ok {
			dash = b.Len() > 0
			continue
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(f)
	}
	if b.Len() == 0 && strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
		// Nothing foldable to ASCII (a name in Cyrillic, Greek, CJK, ...):
		// a digest keeps distinct names apart instead of all becoming "".
		sum := sha256.Sum256([]byte(strings.ToLower(strings.TrimSpace(s))))
		return "u" + hex.EncodeToString(sum[:6])
	}
	return b.String()
}

// Classes of the project ontology.
const (
	ClassActor          = NS + "Actor"          // any stakeholder; subclass of foaf:Agent
	ClassAdministration = NS + "Administration" // a public administration; an Actor and an org:Organization
	ClassMission        = NS + "Mission"        // a mission-oriented policy
	ClassProcurement    = NS + "Procurement"    // the procurement of an AI system; subclass of epo:Procedure
	ClassMechanism      = NS + "Mechanism"      // a participatory or engagement instrument
	ClassEngagement     = NS + "Engagement"     // an actor taking part in a procurement or mission; subclass of prov:Activity
	ClassReference      = NS + "Reference"      // a bibliographic reference; subclass of bibo:Document
	ClassPaper          = NS + "Paper"          // a paper or communication presented at a conference
	ClassWorkingPaper   = NS + "WorkingPaper"   // a paper in a working paper series; subclass of bibo:Report
	ClassStatement      = NS + "Statement"      // a key insight or policy implication; subclass of schema:Claim
	ClassMilestone      = NS + "Milestone"      // a lifecycle stage reached by a procurement on a date
	// ClassPerson is the class of persons (authors, editors): foaf:Person.
	ClassPerson = FOAFPerson
)

// Properties of the project ontology.
const (
	// Actor.
	PropSector          = NS + "sector"          // Actor → concept in the sector scheme
	PropGovernmentLevel = NS + "governmentLevel" // Actor → concept in the level scheme
	PropCountry         = NS + "country"         // Actor → ISO 3166-1 alpha-2 code
	PropOCDSPartyID     = NS + "ocdsPartyID"     // Actor → OCDS party identifier

	// Any entity.
	//
	// PropNotStated says that the source of an entity does not give a value
	// for a property (its object is the property's IRI): the level of
	// government of an organisation a register names without saying what
	// kind of body it is, the buyer of an OCDS release that names none. A
	// shape's minimum count is met by such a statement instead of a value,
	// so that missing data is recorded as missing rather than invented.
	PropNotStated = NS + "notStated" // any entity → rdf:Property

	// Mission.
	PropOwner     = NS + "owner"     // Mission → Administration
	PropChallenge = NS + "challenge" // Mission → text
	PropGoal      = NS + "goal"      // Mission → text
	PropTarget    = NS + "target"    // Mission → text
	PropStartYear = NS + "startYear" // Mission → xsd:gYear
	PropEndYear   = NS + "endYear"   // Mission → xsd:gYear

	// Procurement.
	PropBuyer                         = NS + "buyer"                         // Procurement → Administration
	PropPurpose                       = NS + "purpose"                       // Procurement → text
	PropAISystem                      = NS + "aiSystem"                      // Procurement → text describing the AI system
	PropRiskClass                     = NS + "riskClass"                     // Procurement → concept in the ai-risk scheme
	PropStatus                        = NS + "status"                        // Procurement → concept in the procurement-status scheme
	PropStageReached                  = NS + "stageReached"                  // Procurement → concept in the lifecycle scheme
	PropMilestone                     = NS + "milestone"                     // Procurement → Milestone
	PropValue                         = NS + "value"                         // Procurement → xsd:decimal
	PropCurrency                      = NS + "currency"                      // Procurement → ISO 4217 code
	PropProcedureType                 = NS + "procedureType"                 // Procurement → concept in the procedure-type scheme
	PropSupplier                      = NS + "supplier"                      // Procurement → Actor
	PropOCID                          = NS + "ocid"                          // Procurement → OCDS ocid
	PropServesMission                 = NS + "servesMission"                 // Procurement → Mission
	PropIsDigitalPublicInfrastructure = NS + "isDigitalPublicInfrastructure" // Procurement → xsd:boolean
	PropImpactAssessment              = NS + "impactAssessment"              // Procurement → xsd:boolean: an impact assessment was made
	PropLegalBasis                    = NS + "legalBasis"                    // Procurement → text or IRI of the legal basis
	PropRegisterEntry                 = NS + "registerEntry"                 // Procurement → its page in a public register
	PropPublicParticipation           = NS + "publicParticipation"           // Procurement → xsd:boolean: the source says the public took part
	PropRegisterStatus                = NS + "registerStatus"                // Procurement → the status as the register words it
	PropTenderPeriodStart             = NS + "tenderPeriodStart"             // Procurement → date the tender period opens
	PropTenderPeriodEnd               = NS + "tenderPeriodEnd"               // Procurement → date the tender period closes
	PropContractSigned                = NS + "contractSigned"                // Procurement → date a contract was signed
	PropContractPeriodStart           = NS + "contractPeriodStart"           // Procurement → date a contract's period starts
	PropContractPeriodEnd             = NS + "contractPeriodEnd"             // Procurement → date a contract's period ends

	// Mechanism.
	PropInstitutionalisation = NS + "institutionalisation" // Mechanism → concept in the institutionalisation scheme
	PropDemocraticFunction   = NS + "democraticFunction"   // Mechanism → concept in the democratic-function scheme
	PropFitsPhase            = NS + "fitsPhase"            // Mechanism → lifecycle phase
	PropLever                = NS + "lever"                // Mechanism → concept in the lever scheme
	PropOpenGovernmentTier   = NS + "openGovernmentTier"   // Mechanism → concept in the open-government-tier scheme
	PropDecisionStage        = NS + "decisionStage"        // Mechanism → concept in the decision-stage scheme
	PropExample              = NS + "example"              // Mechanism → text or entity

	// Engagement (and Milestone for PropStage).
	PropActor          = NS + "actor"          // Engagement → Actor
	PropProcurement    = NS + "procurement"    // Engagement → Procurement
	PropMission        = NS + "mission"        // Engagement → Mission
	PropStage          = NS + "stage"          // Engagement or Milestone → lifecycle concept
	PropMechanism      = NS + "mechanism"      // Engagement → Mechanism
	PropRole           = NS + "role"           // Engagement → text
	PropInfluenceLevel = NS + "influenceLevel" // Engagement or Mechanism → concept in the influence scheme
	PropEvidence       = NS + "evidence"       // Engagement → Reference

	// Reference.
	PropContainer = NS + "container" // Reference → title of the journal, book or proceedings it is in
	PropSeries    = NS + "series"    // Reference → title of the series it is in
	PropPlace     = NS + "place"     // Reference → place of publication
	PropYearLabel = NS + "yearLabel" // Reference → year as cited, with any suffix ("2019a")
	PropAbout     = NS + "about"     // Reference or Statement → any entity or concept

	// Statement.
	PropStatementType = NS + "statementType" // Statement → concept in the statement-type scheme

	// Concepts.
	PropOrder = NS + "order" // skos:Concept → xsd:integer position in an ordered scheme
)

// RDF, RDFS and OWL terms.
const (
	RDFType       = NSRDF + "type"
	RDFSeq        = NSRDF + "Seq"
	RDFLangString = NSRDF + "langString"
	RDFProperty   = NSRDF + "Property"

	RDFSLabel         = NSRDFS + "label"
	RDFSComment       = NSRDFS + "comment"
	RDFSDomain        = NSRDFS + "domain"
	RDFSRange         = NSRDFS + "range"
	RDFSSubClassOf    = NSRDFS + "subClassOf"
	RDFSSubPropertyOf = NSRDFS + "subPropertyOf"
	RDFSSeeAlso       = NSRDFS + "seeAlso"
	RDFSIsDefinedBy   = NSRDFS + "isDefinedBy"
	RDFSClass         = NSRDFS + "Class"
	RDFSLiteral       = NSRDFS + "Literal"
	RDFSResource      = NSRDFS + "Resource"

	OWLOntology           = NSOWL + "Ontology"
	OWLClass              = NSOWL + "Class"
	OWLObjectProperty     = NSOWL + "ObjectProperty"
	OWLDatatypeProperty   = NSOWL + "DatatypeProperty"
	OWLFunctionalProperty = NSOWL + "FunctionalProperty"
	OWLEquivalentClass    = NSOWL + "equivalentClass"
	OWLUnionOf            = NSOWL + "unionOf"
	OWLSameAs             = NSOWL + "sameAs"
	OWLVersionIRI         = NSOWL + "versionIRI"
	OWLVersionInfo        = NSOWL + "versionInfo"
	OWLImports            = NSOWL + "imports"
)

// XML Schema datatypes.
const (
	XSDString     = NSXSD + "string"
	XSDBoolean    = NSXSD + "boolean"
	XSDDecimal    = NSXSD + "decimal"
	XSDInteger    = NSXSD + "integer"
	XSDDate       = NSXSD + "date"
	XSDDateTime   = NSXSD + "dateTime"
	XSDGYear      = NSXSD + "gYear"
	XSDGYearMonth = NSXSD + "gYearMonth"
	XSDAnyURI     = NSXSD + "anyURI"
	XSDLanguage   = NSXSD + "language"
)

// SKOS terms.
const (
	SKOSConcept       = NSSKOS + "Concept"
	SKOSConceptScheme = NSSKOS + "ConceptScheme"
	SKOSPrefLabel     = NSSKOS + "prefLabel"
	SKOSAltLabel      = NSSKOS + "altLabel"
	SKOSDefinition    = NSSKOS + "definition"
	SKOSNotation      = NSSKOS + "notation"
	SKOSInScheme      = NSSKOS + "inScheme"
	SKOSHasTopConcept = NSSKOS + "hasTopConcept"
	SKOSTopConceptOf  = NSSKOS + "topConceptOf"
	SKOSBroader       = NSSKOS + "broader"
	SKOSNarrower      = NSSKOS + "narrower"
	SKOSScopeNote     = NSSKOS + "scopeNote"
	SKOSNote          = NSSKOS + "note"
	SKOSExactMatch    = NSSKOS + "exactMatch"
	SKOSCloseMatch    = NSSKOS + "closeMatch"
)

// DCMI terms.
const (
	DCTermsTitle       = NSDCTerms + "title"
	DCTermsDescription = NSDCTerms + "description"
	DCTermsCreator     = NSDCTerms + "creator"
	DCTermsContributor = NSDCTerms + "contributor"
	DCTermsIssued      = NSDCTerms + "issued"
	DCTermsModified    = NSDCTerms + "modified"
	DCTermsCreated     = NSDCTerms + "created"
	DCTermsDate        = NSDCTerms + "date"
	DCTermsPublisher   = NSDCTerms + "publisher"
	DCTermsIsPartOf    = NSDCTerms + "isPartOf"
	DCTermsLanguage    = NSDCTerms + "language"
	DCTermsSubject     = NSDCTerms + "subject"
	DCTermsReferences  = NSDCTerms + "references"
	DCTermsIdentifier  = NSDCTerms + "identifier"
	DCTermsSource      = NSDCTerms + "source"
	DCTermsFormat      = NSDCTerms + "format"
	DCTermsHasVersion  = NSDCTerms + "hasVersion"
	DCTermsSpatial     = NSDCTerms + "spatial"
	DCTermsType        = NSDCTerms + "type"
	DCTermsRelation    = NSDCTerms + "relation"
	DCTermsLicense     = NSDCTerms + "license"
	DCTermsRights      = NSDCTerms + "rights"
	// DCTermsDateSubmitted is the date an entry was submitted to a
	// register.
	DCTermsDateSubmitted = NSDCTerms + "dateSubmitted"
	// DCTermsAudience is who a service is for (the JRC interaction
	// G2C, G2B, G2G).
	DCTermsAudience = NSDCTerms + "audience"
)

// FOAF terms.
const (
	FOAFAgent        = NSFOAF + "Agent"
	FOAFPerson       = NSFOAF + "Person"
	FOAFOrganization = NSFOAF + "Organization"
	FOAFName         = NSFOAF + "name"
	FOAFFamilyName   = NSFOAF + "familyName"
	FOAFGivenName    = NSFOAF + "givenName"
	FOAFHomepage     = NSFOAF + "homepage"
)

// W3C Organization Ontology terms.
const (
	ORGOrganization      = NSORG + "Organization"
	ORGSubOrganizationOf = NSORG + "subOrganizationOf"
	ORGMemberOf          = NSORG + "memberOf"
	ORGClassification    = NSORG + "classification"
)

// BIBO terms.
const (
	BIBODocument        = NSBIBO + "Document"
	BIBOReport          = NSBIBO + "Report"
	BIBOArticle         = NSBIBO + "Article"
	BIBOAcademicArticle = NSBIBO + "AcademicArticle"
	BIBOBook            = NSBIBO + "Book"
	BIBOEditedBook      = NSBIBO + "EditedBook"
	BIBOChapter         = NSBIBO + "Chapter"
	BIBOBookSection     = NSBIBO + "BookSection"
	BIBOProceedings     = NSBIBO + "Proceedings"
	BIBOWebpage         = NSBIBO + "Webpage"
	BIBOSlideshow       = NSBIBO + "Slideshow"
	BIBOJournal         = NSBIBO + "Journal"
	BIBOSeries          = NSBIBO + "Series"
	BIBODOI             = NSBIBO + "doi"
	BIBOVolume          = NSBIBO + "volume"
	BIBOIssue           = NSBIBO + "issue"
	BIBOPages           = NSBIBO + "pages"
	BIBONumber          = NSBIBO + "number"
	BIBOEdition         = NSBIBO + "edition"
	BIBOChapterNumber   = NSBIBO + "chapter"
	BIBOEditor          = NSBIBO + "editor"
	BIBOAuthorList      = NSBIBO + "authorList"
	BIBOEditorList      = NSBIBO + "editorList"
	BIBOTranslationOf   = NSBIBO + "translationOf"
	BIBOCites           = NSBIBO + "cites"
)

// PROV-O terms.
const (
	PROVEntity            = NSPROV + "Entity"
	PROVActivity          = NSPROV + "Activity"
	PROVAgent             = NSPROV + "Agent"
	PROVPlan              = NSPROV + "Plan"
	PROVWasDerivedFrom    = NSPROV + "wasDerivedFrom"
	PROVWasGeneratedBy    = NSPROV + "wasGeneratedBy"
	PROVGeneratedAtTime   = NSPROV + "generatedAtTime"
	PROVStartedAtTime     = NSPROV + "startedAtTime"
	PROVEndedAtTime       = NSPROV + "endedAtTime"
	PROVWasAssociatedWith = NSPROV + "wasAssociatedWith"
	PROVUsed              = NSPROV + "used"
	PROVHadRole           = NSPROV + "hadRole"
)

// schema.org terms.
const (
	SchemaClaim                  = NSSchema + "Claim"
	SchemaURL                    = NSSchema + "url"
	SchemaAbout                  = NSSchema + "about"
	SchemaPosition               = NSSchema + "position"
	SchemaStartDate              = NSSchema + "startDate"
	SchemaEndDate                = NSSchema + "endDate"
	SchemaGovernmentOrganization = NSSchema + "GovernmentOrganization"
	SchemaPriceCurrency          = NSSchema + "priceCurrency"
)

// ePO terms the ontology maps to.
const (
	EPOProcedure               = NSEPO + "Procedure"
	EPOBuyer                   = NSEPO + "Buyer"
	EPOIsResponsibilityOfBuyer = NSEPO + "isResponsibilityOfBuyer"
	EPOHasProcedureType        = NSEPO + "hasProcedureType"
	EPOHasEstimatedValue       = NSEPO + "hasEstimatedValue"
	EPOHasPurpose              = NSEPO + "hasPurpose"
	EPOWinner                  = NSEPO + "Winner"
	EPOContractor              = NSEPO + "Contractor"
)

// DCAT and VoID terms, for dataset descriptions.
const (
	DCATDataset      = NSDCAT + "Dataset"
	DCATDistribution = NSDCAT + "Distribution"
	DCATDownloadURL  = NSDCAT + "downloadURL"
	DCATMediaType    = NSDCAT + "mediaType"
	DCATAccessURL    = NSDCAT + "accessURL"
	DCATLandingPage  = NSDCAT + "landingPage"

	VOIDDataset           = NSVOID + "Dataset"
	VOIDTriples           = NSVOID + "triples"
	VOIDEntities          = NSVOID + "entities"
	VOIDClasses           = NSVOID + "classes"
	VOIDProperties        = NSVOID + "properties"
	VOIDDistinctSubjects  = NSVOID + "distinctSubjects"
	VOIDDistinctObjects   = NSVOID + "distinctObjects"
	VOIDSparqlEndpoint    = NSVOID + "sparqlEndpoint"
	VOIDDataDump          = NSVOID + "dataDump"
	VOIDUriSpace          = NSVOID + "uriSpace"
	VOIDVocabulary        = NSVOID + "vocabulary"
	VOIDSubset            = NSVOID + "subset"
	VOIDClassPartition    = NSVOID + "classPartition"
	VOIDPropertyPartition = NSVOID + "propertyPartition"
	VOIDClass             = NSVOID + "class"
	VOIDProperty          = NSVOID + "property"
	VOIDRootResource      = NSVOID + "rootResource"
	VOIDExampleResource   = NSVOID + "exampleResource"
)

// Concept scheme names: the {scheme} segment of concept IRIs.
const (
	SchemeLifecycle            = "lifecycle"            // phases and stages of AI procurement
	SchemeSector               = "sector"               // stakeholder sectors
	SchemeGovernmentLevel      = "government-level"     // levels of government
	SchemeInstitutionalisation = "institutionalisation" // degrees of institutionalisation
	SchemeDemocraticFunction   = "democratic-function"  // democratic functions of a mechanism
	SchemeInfluence            = "influence"            // IAP2 levels of influence
	SchemeOpenGovernmentTier   = "open-government-tier" // tiers of open government
	SchemeDecisionStage        = "decision-stage"       // stages of decision making
	SchemeLever                = "lever"                // the six levers of change
	SchemeRiskClass            = "ai-risk"              // EU AI Act risk classes
	SchemeProcurementStatus    = "procurement-status"   // status of a procurement (OCDS tender status)
	SchemeProcedureType        = "procedure-type"       // procurement method (OCDS method)
	SchemeStatementType        = "statement-type"       // kinds of statement
)

// Concept IRIs of the lifecycle scheme: three phases and their stages.
const (
	PhasePurpose  = ConceptBase + SchemeLifecycle + "/purpose"
	PhaseDelivery = ConceptBase + SchemeLifecycle + "/delivery"
	PhaseImpact   = ConceptBase + SchemeLifecycle + "/impact"

	StageProblemFraming   = ConceptBase + SchemeLifecycle + "/problem-framing"
	StageNeedsAssessment  = ConceptBase + SchemeLifecycle + "/needs-assessment"
	StageMarketEngagement = ConceptBase + SchemeLifecycle + "/market-engagement"
	StageSpecification    = ConceptBase + SchemeLifecycle + "/specification"
	StageTendering        = ConceptBase + SchemeLifecycle + "/tendering"
	StageAward            = ConceptBase + SchemeLifecycle + "/award"
	StageContracting      = ConceptBase + SchemeLifecycle + "/contracting"
	StageDeployment       = ConceptBase + SchemeLifecycle + "/deployment"
	StageMonitoring       = ConceptBase + SchemeLifecycle + "/monitoring"
	StageEvaluation       = ConceptBase + SchemeLifecycle + "/evaluation"
	StageDecommissioning  = ConceptBase + SchemeLifecycle + "/decommissioning"
)

// Concept IRIs of the sector scheme.
const (
	SectorPublicAdministration      = ConceptBase + SchemeSector + "/public-administration"
	SectorCivilSociety              = ConceptBase + SchemeSector + "/civil-society"
	SectorAcademia                  = ConceptBase + SchemeSector + "/academia"
	SectorIndustry                  = ConceptBase + SchemeSector + "/industry"
	SectorInternationalOrganisation = ConceptBase + SchemeSector + "/international-organisation"
	SectorCitizens                  = ConceptBase + SchemeSector + "/citizens"
)

// Concept IRIs of the government-level scheme.
const (
	LevelInternational = ConceptBase + SchemeGovernmentLevel + "/international"
	LevelSupranational = ConceptBase + SchemeGovernmentLevel + "/supranational"
	LevelNational      = ConceptBase + SchemeGovernmentLevel + "/national"
	LevelRegional      = ConceptBase + SchemeGovernmentLevel + "/regional"
	LevelLocal         = ConceptBase + SchemeGovernmentLevel + "/local"
)

// Concept IRIs of the institutionalisation scheme, from least to most.
const (
	InstitutionalisationInformal  = ConceptBase + SchemeInstitutionalisation + "/informal"
	InstitutionalisationOneOff    = ConceptBase + SchemeInstitutionalisation + "/one-off"
	InstitutionalisationStanding  = ConceptBase + SchemeInstitutionalisation + "/standing"
	InstitutionalisationStatutory = ConceptBase + SchemeInstitutionalisation + "/statutory"
)

// Concept IRIs of the democratic-function scheme.
const (
	FunctionInform     = ConceptBase + SchemeDemocraticFunction + "/inform"
	FunctionConsult    = ConceptBase + SchemeDemocraticFunction + "/consult"
	FunctionDeliberate = ConceptBase + SchemeDemocraticFunction + "/deliberate"
	FunctionCoCreate   = ConceptBase + SchemeDemocraticFunction + "/co-create"
	FunctionCoDecide   = ConceptBase + SchemeDemocraticFunction + "/co-decide"
	FunctionOversee    = ConceptBase + SchemeDemocraticFunction + "/oversee"
)

// Concept IRIs of the influence scheme (IAP2 spectrum), from least to most.
const (
	InfluenceInform      = ConceptBase + SchemeInfluence + "/inform"
	InfluenceConsult     = ConceptBase + SchemeInfluence + "/consult"
	InfluenceInvolve     = ConceptBase + SchemeInfluence + "/involve"
	InfluenceCollaborate = ConceptBase + SchemeInfluence + "/collaborate"
	InfluenceEmpower     = ConceptBase + SchemeInfluence + "/empower"
)

// Concept IRIs of the open-government-tier scheme.
const (
	TierTransparency  = ConceptBase + SchemeOpenGovernmentTier + "/transparency"
	TierParticipation = ConceptBase + SchemeOpenGovernmentTier + "/participation"
	TierCollaboration = ConceptBase + SchemeOpenGovernmentTier + "/collaboration"
)

// Concept IRIs of the decision-stage scheme.
const (
	DecisionDiagnosis    = ConceptBase + SchemeDecisionStage + "/diagnosis"
	DecisionDeliberation = ConceptBase + SchemeDecisionStage + "/deliberation"
	DecisionNegotiation  = ConceptBase + SchemeDecisionStage + "/negotiation"
	DecisionVote         = ConceptBase + SchemeDecisionStage + "/vote"
	DecisionAssessment   = ConceptBase + SchemeDecisionStage + "/assessment"
)

// Concept IRIs of the lever scheme: the six levers of change.
const (
	LeverGovernance          = ConceptBase + SchemeLever + "/governance"
	LeverOrganisation        = ConceptBase + SchemeLever + "/organisation"
	LeverTalent              = ConceptBase + SchemeLever + "/talent"
	LeverProcesses           = ConceptBase + SchemeLever + "/processes"
	LeverQualityInManagement = ConceptBase + SchemeLever + "/quality-in-management"
	LeverDemocraticQuality   = ConceptBase + SchemeLever + "/democratic-quality"
)

// Concept IRIs of the ai-risk scheme (EU AI Act).
const (
	RiskUnacceptable = ConceptBase + SchemeRiskClass + "/unacceptable"
	RiskHigh         = ConceptBase + SchemeRiskClass + "/high"
	RiskLimited      = ConceptBase + SchemeRiskClass + "/limited"
	RiskMinimal      = ConceptBase + SchemeRiskClass + "/minimal"
)

// Concept IRIs of the procurement-status scheme (the OCDS tender status codes).
const (
	StatusPlanning     = ConceptBase + SchemeProcurementStatus + "/planning"
	StatusPlanned      = ConceptBase + SchemeProcurementStatus + "/planned"
	StatusActive       = ConceptBase + SchemeProcurementStatus + "/active"
	StatusCancelled    = ConceptBase + SchemeProcurementStatus + "/cancelled"
	StatusUnsuccessful = ConceptBase + SchemeProcurementStatus + "/unsuccessful"
	StatusComplete     = ConceptBase + SchemeProcurementStatus + "/complete"
	StatusWithdrawn    = ConceptBase + SchemeProcurementStatus + "/withdrawn"
)

// Concept IRIs of the procedure-type scheme (the OCDS method codes).
const (
	ProcedureOpen      = ConceptBase + SchemeProcedureType + "/open"
	ProcedureSelective = ConceptBase + SchemeProcedureType + "/selective"
	ProcedureLimited   = ConceptBase + SchemeProcedureType + "/limited"
	ProcedureDirect    = ConceptBase + SchemeProcedureType + "/direct"
)

// Concept IRIs of the statement-type scheme.
const (
	StatementKeyInsight        = ConceptBase + SchemeStatementType + "/key-insight"
	StatementPolicyImplication = ConceptBase + SchemeStatementType + "/policy-implication"
)
