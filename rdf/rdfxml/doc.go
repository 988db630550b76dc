// Package rdfxml is a streaming parser for RDF 1.1 XML Syntax (RDF/XML),
// with the same API as rdf/nquads.
//
// # Usage
//
// [NewReader] wraps an [io.Reader]; each call to [Reader.Read] returns the
// next triple as a [graph.Quad] in the default graph (zero G) and [io.EOF]
// after the last one:
//
//	r := rdfxml.NewReader(f, "data.rdf")
//	r.SetBase("https://data.example/data.rdf") // for rdf:about="", rdf:ID, relative IRIs
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
// The reader implements the whole grammar of the specification: node and
// property elements, rdf:Description and typed node elements, property
// attributes, rdf:about, rdf:ID (with reification on property elements),
// rdf:nodeID, rdf:resource, rdf:datatype, rdf:li, parseType Resource,
// Collection and Literal (XML literals in exclusive canonical form),
// xml:base and xml:lang, and the omitted rdf:RDF root. It passes every
// test of the W3C RDF 1.1 RDF/XML suite.
//
// It is written on encoding/xml rather than on knakk/rdf's RDF/XML decoder,
// which lets runtime panics escape, resolves relative IRIs by rules of its
// own rather than RFC 3986, and names its blank nodes b0, b1, ..., the same
// labels a document's rdf:nodeID may use.
//
// # Blank nodes
//
// Each Reader prefixes every blank node label with a random token of its
// own, then "g" and a number for the nodes it makes, or "n" and the
// rdf:nodeID (hex-encoded after "h" when the ID has characters an
// N-Triples label cannot). Blank nodes of two documents, or of the same
// document read twice, never collide.
//
// # Errors
//
// The reader stops at the first error and returns it, and every later
// call, as a [*ParseError] with the file name, line, column, element path,
// what was found and what was expected. ParseError unwraps to [ErrSyntax].
// Errors from the underlying reader are returned wrapped, not as a
// ParseError. Unlike the N-Triples, Turtle and OCDS readers it does not
// go on to list later errors: encoding/xml stops at the first malformed
// token, and an RDF error leaves the element nesting, which the rest of
// the document depends on, in doubt.
//
// # Memory
//
// Memory does not grow with the input: the reader keeps the stack of open
// elements (at most 4096 deep), the triples of the current token, and the
// set of rdf:ID values seen (the specification forbids repeating one in a
// document).
//
// Entities declared in the internal DTD subset (at most 1024, each value
// at most 4096 bytes) expand where they are referred to, so a short
// document could stand for a huge one. The reader counts the bytes the
// references expand to and refuses the document, naming the entity and
// the line of the reference, once they pass 1 MiB plus 8 times the input
// read so far, or 1 GiB: the text the decoder builds stays within a small
// multiple of the input. An error quotes at most a short excerpt of the
// offending text.
//
// # Caveats
//
//   - The text of one property element, or one XML literal, is held whole.
//   - Lines and columns are those of encoding/xml: the position after the
//     token at fault, columns in bytes from 1.
//   - Input must be UTF-8, or declare ISO-8859-1 or US-ASCII. Entities
//     declared in the internal DTD subset with a literal value are
//     expanded; external DTDs and entities are not read.
//   - xml:lang must be a well-formed language tag (letters, then '-' and
//     letters or digits); others are errors, since N-Triples could not
//     carry them.
//   - IRIs are resolved by RFC 3986. One with a character RDF forbids in
//     IRIs (space, control characters, <>"{}|^`\), in an attribute or a
//     namespace name, is an error, as in the other RDF syntaxes; IRIs are
//     not otherwise validated.
//   - Unqualified about, ID, resource, parseType and type attributes are
//     read as rdf: ones, as the specification allows for old documents;
//     other unqualified attributes, and xml-prefixed ones, are ignored.
package rdfxml
