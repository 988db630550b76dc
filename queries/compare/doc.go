// Package compare compares public administrations: for groups of
// administrations (each one, a country, a level of government, a concept
// of any scheme, or several of these), measures of the volume, lifecycle
// coverage, diversity, depth and institutionalisation of stakeholder
// engagement in the procurements they buy, the transparency signals that
// public registers carry about those procurements, and a composite index
// whose parts are never hidden. It imports only graph and schema; package
// queries resolves filter values (codes, labels, IRIs) and serves the
// result over GraphQL, CSV and JSON.
//
// # A columnar summary of one content of the store
//
// [Engine.Summary] derives a [Summary] from one snapshot: the
// administrations with their country, level and concepts; the procurements
// with their buyer, year and transparency signals; the engagements with
// their administration (the buyer of their procurement, else the owner of
// their mission), actor, lifecycle stage and phase, mechanism, influence
// level and year; the sectors of each actor; the degree of
// institutionalisation and the democratic functions of each mechanism.
// Each column is a slice indexed by position, read with one scan of each
// predicate involved (no entity is loaded). The summary is kept for the
// store's [graph.Content] and used only by snapshots that see the same
// quads, so it is never stale: any write readers can see changes the
// content, and the next comparison builds the summary again from its own
// snapshot (a load's pending batches move the [graph.Version] on but not
// the content, and do not). A comparison
// then makes one pass over the records of each group, in memory.
//
// The build reads the store one named graph at a time: the pairs of each
// scanned predicate and the instances of each counted class, in that
// graph. The Engine keeps these facts with the graph's
// [graph.GraphState], so that after a write it reads again only the
// graphs the write changed, then joins every graph's facts in memory
// (about 150 ms at 500,000 engagements, against 1.3 s from nothing).
//
// # Missing data
//
// Every figure ([Cell]) says how many records it rests on (Basis), how
// many it counted and how many lack the data it needs (Missing). A figure
// with no record holding its data is nil, never zero. A transparency
// signal is known for a procurement when the procurement states it (true
// or false, or present), or when the source it came from (its named graph)
// states that signal for some other procurement, so that its absence here
// means "no"; a source that never states it, or cg:notStated, makes it
// missing.
//
// # Caveats
//
//   - After a write the join is redone over every graph's facts, and a
//     write into the graph that holds most records reads it all again: no
//     counter is updated by the write itself. The kept facts cost about
//     16 bytes per scanned statement.
//   - A drill-down ([Summary.Records]) makes its group's pass again: asking
//     the records of every cell of a 1,000-row matrix in one request makes
//     30,000 passes, which the server's time limit cuts short.
//   - An administration with several concepts of a grouping scheme is put
//     in the group of the first (by cg:order, then code), so that groups
//     partition the administrations and their sum is the total.
package compare
