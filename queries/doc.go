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
// # Search
//
// search ranks entities by BM25 over the words of their names, labels,
// titles and descriptions (names and titles weigh three times a
// description). The inverted index is built in memory from a snapshot on
// the first search, in about 2 s at a million triples, and built again on
// the first search after a write through this resolver.
//
// # Writes
//
// Mutations check Options.ReadOnly and Options.Authorized first. Entity
// and engagement writes validate the entity as it will be against
// [schema.Schema.ValidateWith], looking up in the store the types and
// schemes of what it links to (RequireTypedTargets), and return one
// [CodeValidation] error listing every violation in its "violations"
// extension. New quads go into the api named graph. importData hands
// uploads to Options.Import.
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
//   - The search index lives in memory and is not persisted; writes that
//     bypass this resolver (another process cannot: the store is locked)
//     would not reach it. A rebuild after a write costs a scan of the
//     searched properties.
//   - A write validates against a snapshot taken just before it; two
//     concurrent writes to one entity can each pass alone.
package queries
