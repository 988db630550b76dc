// Package importers turns inbound files into quads in the store.
//
// [Import] reads one or more files, each in a format named by the caller or
// guessed from the file name, and writes them through one [graph.Loader]:
// every file goes into a named graph of its own (its source graph), which
// the import replaces whole, and the import as a whole is atomic. If any
// file has a syntax error the import stops with the file, line, column and
// what was expected, and the store is exactly as before.
//
// Format parsers live in sub-packages (nquads for N-Triples and N-Quads,
// citation for plain citation lists); this package chooses among them and
// owns progress reporting.
//
// # Caveats
//
// A load into an empty store keeps its dictionary and quads in memory (about
// 16 bytes a triple plus the distinct terms) until it commits.
package importers
