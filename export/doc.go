// Package export turns the graph, or a slice of it, into RDF streams.
//
// # N-Triples and N-Quads
//
// [NQuadsWriter] writes [graph.Quad] values as canonical N-Triples or
// N-Quads (RDF 1.1): one statement per line, one space between terms, " ."
// and a line feed at the end, literals escaping only '"', '\', LF and CR,
// and IRIs escaping, as \u00XX, only the characters the grammar forbids in
// them. Output is buffered; call [NQuadsWriter.Flush] at the end.
//
// # Caveats
//
//   - Terms are checked as they are written: a quad that the N-Quads
//     grammar cannot express (a relative IRI, a bad blank node label or
//     language tag, invalid UTF-8, a literal subject) is refused with an
//     error wrapping [graph.ErrInvalidQuad], and nothing of it is written.
//     The writer stays usable, so a caller may skip such quads.
//   - Language tags are written as stored; they are not lower-cased.
//   - A literal typed xsd:string is written as a simple literal, as
//     canonical N-Triples requires.
package export
