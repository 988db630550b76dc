// Package codelist reads code lists: CSV files whose header starts with
// Code, Title and Description, the layout in which the Open Contracting
// Data Standard publishes its codelists (method.csv, tenderStatus.csv,
// partyRole.csv, ...). Each file becomes a SKOS concept scheme and each row
// a concept of it, so that the codes other data uses can be looked up,
// labelled and filtered on.
//
// # Mapping
//
//	file stem (method.csv → method)  → skos:ConceptScheme {base}codelist/<slug of the stem>,
//	                                    rdfs:label and dcterms:title the stem
//	row                              → skos:Concept {scheme IRI}/<code, path-escaped>,
//	                                    skos:inScheme and skos:topConceptOf the scheme
//	Code                             → skos:notation (exactly as written)
//	Title                            → skos:prefLabel
//	Description                      → skos:definition (left out when empty)
//	any other column (Category,      → skos:note "<column>: <value>" (left out when empty),
//	Deprecated, Extension, ...)         so that no value of the file is lost
//
// # Errors
//
// A row with fewer or more fields than the header, an empty or repeated
// code, or a file with no rows is an *Error naming the file, the line, the
// column and what was expected; it wraps ErrInvalid.
package codelist
