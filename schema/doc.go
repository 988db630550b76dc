// Package schema is the domain of civicgraph: the IRIs of the project
// ontology and of the standard vocabularies it reuses, the ontology itself,
// the SKOS concept schemes, and the shapes that entities are validated
// against.
//
// # Vocabulary
//
// Other packages never spell an IRI by hand. vocab.go has one constant per
// IRI: classes ([ClassActor], [ClassProcurement], ...), properties of the
// project namespace [NS] ([PropSector], [PropBuyer], ...), the standard terms
// the project reuses ([DCTermsTitle], [FOAFFamilyName], [BIBODOI], ...), the
// concept schemes ([SchemeLifecycle], ...) and their concepts
// ([PhasePurpose], [StageAward], [InfluenceEmpower], ...), and the named
// graphs ([GraphOntology], [GraphConcepts], ...). Instance IRIs are
// {base}{kind}/{slug}, built with [EntityIRI] and [Slug] from a base that
// defaults to [DefaultBase]; concept IRIs come from [ConceptIRI] and
// [SchemeIRI], named graph IRIs from [GraphIRI]. [Prefixes] lists the Turtle
// prefixes for writers.
//
// # Ontology and concept schemes
//
// ontology.ttl and concepts.ttl are embedded. [New] parses them (with
// knakk/rdf) into a [Schema], which hands them out as quads for the seed
// loader ([Schema.Quads]: the ontology in [GraphOntology], the concepts in
// [GraphConcepts]) and answers questions about them ([Schema.Concept],
// [Schema.Concepts], [Schema.Label], [Schema.SuperClasses]). [Schemes] is
// the list of schemes and concept codes that concepts.ttl must define; New
// fails when the two disagree.
//
// # Shapes and validation
//
// [Shapes] says, for each class, which properties an entity has, how many
// values, of which kind, datatype or class, and from which concept scheme.
// [Schema.Validate] finds entities by rdf:type (subclasses included) and
// returns every [Violation], each naming the entity, the property, the value
// found and what was expected; the Code constants ([CodeMinCount], ...) say
// which kind of constraint it broke. [Schema.WriteSHACL] writes the same
// shapes as SHACL (shapes.ttl is its output, kept in step by a test), and
// [Schema.SHACLQuads] returns them in [GraphShapes].
//
// A [PropertyShape] with [SeverityWarning] reports without refusing: its
// violations carry that Severity, [Violations.Errors] sets them apart, and
// SHACL gets sh:severity sh:Warning. As in SHACL, a Pattern applies to IRI
// values too.
//
// # Languages
//
// dcterms:language is an IRI of the EU Publications Office's language
// authority table ([NSLanguage] + "ENG"). language.go holds the one table
// of BCP 47 tags and authority codes the project knows; [LanguageIRI] and
// [LanguageTag] convert. A tag the table lacks is written as an
// xsd:language literal, which the Reference shape accepts with a warning.
//
// Missing data is recorded, never invented: an entity that states
// cg:notStated P ([PropNotStated]) says its source gives no value for P,
// and meets a minimum count on P without one (in shapes.ttl, an sh:or of
// the count and sh:hasValue on cg:notStated).
//
// # Classifications
//
// Codes of classification schemes (CPV, UNSPSC, COFOG, any other) become
// SKOS concepts of one scheme each: [ClassificationQuads] writes the
// concept, its scheme, notation and label (or cg:notStated skos:prefLabel),
// and [ClassificationIRI] names it, keeping the EU's IRIs for the CPV
// ([CPVScheme]) and minting the others under [ClassificationBase].
// Procurements link them with dcterms:subject.
//
// A Schema is immutable after New and safe for concurrent use.
//
// # Caveats
//
//   - Validate checks a value's class only when it can find the value's
//     types: in the quads given, or through [Options].TypesOf. A link to an
//     entity described nowhere passes unless [Options].RequireTypedTargets is
//     set. SHACL's sh:class, in shapes.ttl, is stricter.
//   - Validate takes the quads of all graphs together: what matters is what
//     is said, not where.
//   - A concept scheme constraint accepts the concepts of concepts.ttl and
//     any concept the validated quads (or [Options].SchemesOf) put in that
//     scheme, so importers can extend schemes.
//   - Turtle does not allow "/" in a prefixed local name, so a prefix for
//     instances must end in the kind ("actor:" for {base}actor/), not in the
//     base.
//   - [Slug] folds the Latin letters of Latin-1 and Latin Extended-A; any
//     other non-ASCII letter becomes a separator.
package schema
