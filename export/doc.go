// Package export decides what leaves the store: the whole store, a named
// graph, a slice of it. How it is written is the business of the writers
// in civicgraph/rdf, one per syntax, which export chooses through the
// [rdf.Format] table.
package export
