// Package queries answers what people ask of the graph, on top of the
// store's read API ([graph.View]): entities with everything said about them
// and their relations both ways, lists of each class with filters, ordering
// and cursor pagination, neighbourhoods, shortest paths, raw triple
// patterns and statistics. Its [Resolver] is the root resolver of the
// GraphQL schema in [schema.GraphQL]; package server serves it.
//
// # Entities
//
// Every entity is loaded with one scan of the SPOG index (everything said
// about its IRI, in any graph, values deduplicated and sorted). Its GraphQL
// type comes from its rdf:type values, the most specific first
// (Administration before Actor). Relations in reverse (an Actor's
// engagements, a Reference's citations) are scans of the POGS index with
// the predicate and the entity bound. Each field opens its own snapshot of
// the store, because graphql-go resolves fields concurrently and a
// [graph.View] belongs to one goroutine.
//
// # Lists
//
// A list collects the instances of a class and of its subclasses
// (rdfs:subClassOf in the store), filters them by predicate paths (the
// sector of an engagement is the sector of its actor), sorts them by IRI,
// label or year and cuts a page. A cursor is the sort key of the last
// element seen, so pages stay stable while data is added. Without filters
// and in IRI order, only the page's entities are loaded.
//
// # Traversal
//
// neighbors and paths walk links (IRIs and blank nodes, not literals) with
// the OSPG and SPOG indexes, by term id, within one snapshot. rdf:type is
// not followed unless asked for, as every class is a hub that would join
// everything to everything.
//
// # Errors
//
// Resolvers return [*Error] with a stable code ([CodeNotFound],
// [CodeLimit], ...) in its GraphQL extensions. Store errors reach clients
// as [CodeInternal] without their text; a cancelled or expired context as
// [CodeTimeout].
//
// # Caveats
//
//   - A list with a filter or an order other than IRI loads every instance
//     of the class: its cost grows with the class, not the page.
//   - The triples cursor is a position in index order; a write between two
//     pages can shift it.
//   - Counts are int32, as GraphQL's Int is.
package queries
