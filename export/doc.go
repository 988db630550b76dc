// Package export decides what leaves the store, and writes it through the
// writers of civicgraph/rdf, chosen in the [rdf.Format] table.
//
// # Slices
//
// A [Slice] is one of:
//
//   - the whole store (the zero Slice): every graph, the default graph
//     (where import provenance lives) included;
//   - one named graph (Graph);
//   - the data without the ontology and the shapes (NoSchema): every
//     graph but those two, the concept schemes kept;
//   - one class (Class): the Concise Bounded Description of each of its
//     instances;
//   - one entity (Entity): its Concise Bounded Description, every
//     statement about it and, recursively, about the blank nodes those
//     reach;
//   - a neighbourhood (Entity and Depth): the descriptions of the entity
//     and of every entity up to Depth links away, following links both
//     ways (rdf:type links to classes excepted).
//
// Graph and NoSchema narrow the other slices too: the description of an
// entity inside one graph.
//
// # Graphs and triples
//
// N-Quads, TriG and JSON-LD keep graph names; the store's graphs are
// written one after the other, the default graph first, each in subject
// order. N-Triples, Turtle and RDF/XML hold one graph: they get the union
// of the selected graphs, each triple once.
//
// # Memory
//
// The whole store, a graph and the data slice stream in constant memory:
// one consistent snapshot ([graph.Store.View]) is scanned in index order
// and handed to the writer a statement at a time; the union of graphs is
// deduplicated by comparing each triple with the one before it, since the
// subject-ordered index puts a triple's copies side by side. A class is
// streamed an instance at a time, holding one description (and the names
// of the graphs, to tell whether an instance was already written). A
// neighbourhood holds the set of entities it has reached, at most
// [MaxEntities].
//
// # Errors
//
// A graph, entity or class the store does not know is an error
// ([ErrUnknownGraph], [ErrUnknownEntity], [ErrUnknownClass]), found
// before anything is written: [Check] finds it alone, for callers (the
// HTTP handler) that must answer before they start streaming. A quad the
// chosen syntax cannot express (a control character in RDF/XML) stops the
// export with the writer's error, wrapping [graph.ErrInvalidQuad].
package export
