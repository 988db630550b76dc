// Package rdf is civicgraph's layer of RDF syntaxes: one sub-package per
// syntax, each with its Reader and its Writer, and the one [Format] table
// that import, export, content negotiation and provenance share.
//
//   - [civicgraph/rdf/nquads]: N-Triples and N-Quads.
//   - [civicgraph/rdf/turtle]: Turtle and TriG.
//   - [civicgraph/rdf/rdfxml]: RDF/XML.
//   - [civicgraph/rdf/jsonld]: JSON-LD.
//
// The layer imports only [civicgraph/graph] (the terms and quads) and
// json-gold (JSON-LD expansion); it knows nothing of the domain, the
// store's scans or HTTP. What to read into the store, and what to take out
// of it, is decided above: in importers and export.
//
// # Readers
//
// Every reader streams (JSON-LD, whose algorithms need the whole document,
// excepted), refuses what its grammar refuses with the file, line and
// column, and refuses IRIs holding a character RDF forbids (a space, a
// control, or one of <>"{}|^`\), raw or escaped, in every syntax.
//
// # Writers
//
// Every writer streams: it holds one statement, or one subject's block,
// at a time. Each escapes every character its grammar does not allow raw
// (controls in N-Triples and Turtle literals as \u0000 ... or the short
// escapes \t \n ...), and refuses, with an error wrapping
// [graph.ErrInvalidQuad], a quad it cannot write: a relative IRI, an IRI
// with a forbidden character, a bad blank node label, invalid UTF-8, and
// in RDF/XML a character XML 1.0 cannot hold or a predicate that cannot be
// split into a namespace and an XML name.
package rdf
