// Package schema is the domain of civicgraph: the IRIs of the project
// ontology and of the standard vocabularies it reuses, the ontology itself,
// the SKOS concept schemes, and the shapes that entities are validated
// against.
//
// Other packages never spell an IRI by hand: they use the constants in this
// package ([ClassActor], [PropSector], [DCTermsTitle], ...) and the helpers
// [EntityIRI], [ConceptIRI], [SchemeIRI], [GraphIRI] and [Slug].
package schema
