// Package jsonld reads JSON-LD 1.1 documents and returns their RDF
// statements as quads, with the same API as the streaming readers of
// rdf/nquads and rdf/rdfxml.
//
// # Usage
//
// [NewReader] wraps an [io.Reader]; each call to [Reader.Read] returns the
// next statement as a [graph.Quad] and [io.EOF] after the last one.
// Statements in a named graph (a node object with @graph and @id) have that
// graph as G; the others are in the default graph (zero G):
//
//	r := jsonld.NewReader(f, "data.jsonld")
//	r.SetBase("https://data.example/data.jsonld")
//	for {
//		q, err := r.Read()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			return err // a *ParseError says where and why
//		}
//		// use q
//	}
//
// The conversion is the JSON-LD 1.1 Deserialize JSON-LD to RDF algorithm
// as implemented by github.com/piprate/json-gold. Terms map onto
// civicgraph's: IRIs to [graph.IRI], blank nodes to [graph.Blank], literals
// to [graph.Literal] (xsd:string folded into simple literals) or
// [graph.LangLiteral]. Native numbers and booleans become xsd:integer,
// xsd:double and xsd:boolean literals in their canonical forms.
//
// # Remote contexts
//
// The reader never fetches anything. A document whose @context (or an
// @import in it) is a URL fails with an error wrapping [ErrRemoteContext]
// that names the URL; inline the context to import such a document.
//
// # Blank nodes
//
// The processor numbers blank nodes _:b0, _:b1, ... in every document, so
// each Reader prefixes the labels with a token of its own: two documents,
// or the same document read twice, never share a blank node.
//
// # Errors
//
// Invalid JSON gives a [*ParseError] with the line and column; a document
// nested too deeply, one with the JSON path; a JSON-LD error of the
// processor, its error code (for example "invalid @id value") and details.
// ParseError unwraps to [ErrSyntax]. Any panic of the processor is
// recovered and reported as a ParseError, so no input crashes the process.
//
// # Caveats
//
//   - Not streaming. The JSON-LD algorithms (context processing,
//     expansion, node map generation) need the whole document, so the
//     first Read reads all of it, converts it, and holds the statements;
//     memory is several times the document's size. Input larger than
//     [MaxInputSize] (256 MiB) is refused with [ErrTooLarge] before it is
//     parsed. Convert larger datasets to N-Quads, which stream.
//   - [Reader.Line] is always 0: the processor does not say where in the
//     input a statement came from.
//   - Statements with a relative IRI are dropped, as the specification
//     says, when no base IRI is set by [Reader.SetBase] or @base.
//   - Arrays and objects may nest at most 256 deep.
//   - Contexts may not make the document stand for much more than it is.
//     Before processing, the reader works out the longest IRI a term or
//     prefix expands to, times the keys and strings that could use it,
//     and the term definitions that embedded and scoped contexts would
//     copy; a document for which either passes 16 times its size plus
//     1 MiB is refused with a [*ParseError] naming the term or the counts.
//     (A 842 KB document with a 4 KB prefix used 60,000 times made the
//     processor allocate 472 MB.)
//   - An @id, @type, key or term definition meant as an IRI with a
//     character RDF forbids in IRIs (space, control characters,
//     <>"{}|^`\) is an error, pointing at where the document has it,
//     rather than a statement the processor would drop without a word.
//     A relative one with no base IRI is dropped, as above.
//   - An error quotes only a short excerpt of the offending text.
//   - Numbers are decoded exactly (as json.Number); a number with a
//     fraction or exponent, or an integer beyond 64 bits, becomes an
//     xsd:double, as the specification says.
package jsonld
