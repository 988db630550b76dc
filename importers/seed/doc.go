// Package seed turns the seed files of package data into quads. Only the
// citations go through a parser the importers share (package
// importers/citation, which importers/bib also uses); the CSV files are read
// by a mapper of this package and the statements by github.com/knakk/rdf,
// not by the importers' CSV templates or Turtle reader. importers.Seed then
// writes the quads in one load through the store's Loader, as imports do,
// when a new store is created.
//
// # Usage
//
//	quads, err := seed.Quads(schema.DefaultBase)
//	if err != nil {
//		return err // names the file, the line and, for CSV, the column
//	}
//
// # What is read
//
//   - sources.csv: the six source texts. Each becomes the named graph
//     [schema.GraphIRI]("seed/<id>") and the entity {base}source/<id>; in the
//     default graph, the graph prov:wasDerivedFrom the source.
//   - references/<source>/bibliography.txt and works.txt: citations, read
//     with package importers/citation, corrected by
//     references/corrections.csv, into the source's graph. The organisations
//     they name are linked to actors.csv by name or alias.
//   - passages.csv: verbatim passages of the sources, each
//     {base}source/<id>, a bibo:Excerpt of its source, which later facts
//     are prov:wasDerivedFrom.
//   - facts.csv: what the sources say about a work (sponsor, method with
//     numbers and sectors, authors, dates) or the order of the levers,
//     asserted and reified as {base}statement/<id>, an rdf:Statement
//     derived from its passages.
//   - actors.csv, mechanisms.csv, documents.csv, relations.csv,
//     descriptions.csv, passages.csv, facts.csv: read by a small
//     header-driven CSV mapper. Columns are
//     found by their header; an unknown or missing column, an unknown source,
//     concept code or entity is an error ([CSVError]) naming file, line and
//     column.
//   - statements/<source>.ttl: Turtle, read with github.com/knakk/rdf, with
//     relative IRIs resolved against the base; a panic in the parser becomes
//     an error ([ErrTurtle]).
//
// data/README.md says which file holds what and where each fact came from.
//
// # Checks
//
// Quads fails, wrapping [ErrData], when two citations make one Reference
// IRI, when a citation names an organisation actors.csv does not list, when
// a concept code is not in schema/concepts.ttl, or when a quad points to an
// entity under the base that no quad describes. Every quad it returns
// passes [graph.Quad.Validate]; the tests also run [schema.Schema.Validate]
// over the result.
//
// # Caveats
//
//   - The files are small and read whole; this is not a streaming importer.
//   - knakk/rdf's Turtle lexer runs in a goroutine of its own and panics
//     on some malformed documents (testdata/knakk-crashers); such a panic
//     ends the process and cannot be recovered. The seed parses only its
//     own embedded files, so this never happens here, but the Turtle path
//     is not safe for untrusted input.
package seed
