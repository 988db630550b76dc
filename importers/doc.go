// Package importers turns inbound files into quads in the store.
//
// [Import] reads one or more files, each in a format named by the caller or
// guessed from the file name, and writes them through one [graph.Loader]:
// every file goes into a named graph of its own (its source graph), which
// the import replaces whole, and the import as a whole is atomic. A parser
// that meets a bad statement, entry or record notes it and goes on at the
// next one it can find (the next line, statement, entry or release), so
// that one run reports every problem: file, line and column (or JSON path,
// or CSV row and column), what was found and what was expected, the first
// 100 listed and the rest counted. Then the import fails and the store is
// exactly as before. RDF/XML and JSON-LD, which are trees, stop at their
// first syntax error.
//
// Format parsers live in sub-packages (nquads for N-Triples and N-Quads,
// citation for plain citation lists); this package chooses among them and
// owns progress reporting. A CSV or JSON file of a layout no importer knows
// is read through a mapping file ([Options].Map, package mapping), or
// through a shipped mapping when its header matches one; otherwise it is
// refused with an error naming the CSV templates and the --map route.
//
// # Caveats
//
// A load into an empty store keeps its dictionary and quads in memory (about
// 16 bytes a triple plus the distinct terms) until it commits.
package importers
