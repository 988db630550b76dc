// Package importers turns inbound files into quads in the store.
//
// [Import] reads one or more inputs, each in a format named by the caller or
// guessed from the file name (.json and .csv files also by their content),
// and writes them through one [graph.Loader]: every input goes into a named
// graph of its own (its source graph, see [SourceGraph]), which the import
// replaces whole, and the import as a whole is atomic. A parser that meets
// a bad statement, entry or record notes it and goes on at the next one it
// can find (the next line, statement, entry or release), so that one run
// reports every problem: file, line and column (or JSON path, or CSV row
// and column, or a bibliography entry's line and key), what was found and
// what was expected, the first 100 listed and the rest counted. Then the
// import fails and the store is exactly as before. RDF/XML and JSON-LD,
// which are trees, stop at their first syntax error. Domain formats are
// checked against the shapes of package schema before anything is written.
// [ImportFiles] opens files for Import; [Seed] loads what a new store starts
// with.
//
// # Formats
//
// The parsers live in sub-packages; this package chooses among them, maps
// their output to the store's graphs and owns provenance, validation and
// progress reporting:
//
//   - nquads: N-Triples and N-Quads;
//   - turtle: Turtle and TriG;
//   - rdfxml: RDF/XML;
//   - jsonld: JSON-LD;
//   - csvtab: CSV files, one template per class of the ontology;
//   - bib: bibliographies in BibTeX, RIS and CSL-JSON, and the linking of
//     their works, persons and organisations to what the store holds;
//   - citation: plain citation lists, and the mapping of a citation to the
//     ontology that bib shares;
//   - ocds: Open Contracting Data Standard releases and records;
//   - registers: public AI registers (the Dutch Algoritmeregister, the JRC
//     AI Watch cases, the T6-X registers);
//   - mapping: declarative mapping files that read any CSV or JSON
//     register, and the shipped ones chosen by a file's header;
//   - epo: typing of RDF in the eProcurement Ontology as domain entities;
//   - seed: the seed knowledge every new store starts with.
//
// # Nothing lost, nothing replaced by accident
//
// Before a parser sees an input, Import looks at its start (see look): an
// empty input is refused ([ErrEmpty]), and so is one that is plainly
// another format than the one it is read as ([ErrFormatMismatch]: BibTeX
// read as RIS, CSV in a .json file, an HTML page read as RDF/XML), with a
// message saying what the file looks like and which --format reads it. An
// input that gives no statements at all fails too ([ErrNoStatements]),
// rather than replacing a graph with nothing.
//
// A source graph is named after the input's base name, so names from
// different places can meet (a/data.nt and b/data.nt, or uploads "My
// refs.bib" and "my-refs.bib"). The graph's description records a digest
// of its input's origin (a file's absolute path, an upload's name), and an
// input from another origin is refused with [ErrGraphClash], naming both,
// unless the graph is named explicitly (Options.Graph, --graph);
// re-importing the same file or upload replaces its graph as before.
//
// Provenance records the input's base name and SHA-256, never its local
// path. [ImportFiles] reads regular files only ([ErrNotRegular]: a FIFO or a
// device could block for ever), standard input only as "-". An import stops
// as soon as its context is cancelled (a signal, a closed request), even
// inside a read that blocks, and leaves the store as it was.
//
// # Mapping files
//
// A CSV or JSON file of a layout no importer knows
// is read through a mapping file ([Options].Map, package mapping), or
// through a shipped mapping when its header matches one; otherwise it is
// refused with an error naming the CSV templates and the --map route.
//
// # Caveats
//
// A load into an empty store keeps its dictionary and quads in memory (about
// 16 bytes a triple plus the distinct terms) until it commits.
//
// The format check is a guess from the first 8 KiB; text that no rule
// recognises is left to the parser. Relative IRIs in RDF documents resolve
// against the file's own file: URL, which holds its local path.
//
// A cancelled import may leave one read of a pipe or a request body
// pending on a goroutine until that read returns.
package importers
