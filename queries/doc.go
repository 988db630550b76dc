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
// element seen, so pages stay stable while data is added.
//
// Lists are served by the list index (listindex.go): for each class, the
// instances with their IRI keys, years and English labels, and the
// orders by IRI, year and label, read with one scan of each predicate
// involved, and the positions that pass each concept filter. It is
// derived from one content of the store ([graph.View.Content]) and used
// only by requests whose snapshot sees that content, so it is never stale:
// every write readers can see, by whatever path, changes the content, and
// the next list of the class builds it again. A request then filters positions in
// memory, counts and loads only its page's entities. A text filter, and
// the scheme argument of concepts, still load every candidate.
//
// Filter values name something the store holds: a concept of the filter's
// scheme by code, label (en, ca, es) or IRI; a country by ISO code or
// name; a mechanism, author or publisher by id, IRI or name; a graph by
// IRI or name; a language by tag or name. A value that names nothing is
// refused ([CodeBadInput]) with the valid values.
//
// # Relations
//
// Every list of related entities (an actor's engagements, a reference's
// citations) is a connection with totalCount and paging, in IRI order.
// Works published in several languages are linked by bibo:translationOf;
// Reference.versions and Reference.workCites follow it both ways, so the
// bibliography of a work is reached from any version.
//
// # Arguments that name entities
//
// node, neighbors, paths, triples (s and o), mutations and entity filters
// take an id (actor/nesta: the IRI relative to the instance base, or
// concept/... under the concept base) or the full IRI, read by one
// function; an id that names nothing is a [CodeNotFound] error that says
// what ids look like.
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
// description), reading the text index that the store keeps in the same
// commit as every write ([graph.View.Postings]); see search.go. The first
// search after a write derives from that snapshot a search index in memory
// (searchindex.go: the postings of the searched literals, scored, and which
// subjects use them), which the searches of that content read instead; it
// is never used for another content, so never stale.
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
//   - The first list of a class after a write builds the class's list
//     index again (at a million triples, 0.1 to 0.8 s; BENCHMARKS.md), and
//     the index holds a few dozen bytes per instance in memory. A text
//     filter loads every candidate entity.
//   - The triples cursor is a position in index order; a write between two
//     pages can shift it.
//   - Counts are int32, as GraphQL's Int is.
//   - A write validates against a snapshot taken just before it; two
//     concurrent writes to one entity can each pass alone.
package queries
