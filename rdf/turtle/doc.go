// Package turtle is a strict, streaming parser for RDF 1.1 Turtle and
// TriG.
//
// # Usage
//
// [NewReader] wraps an [io.Reader]; each call to [Reader.Read] returns the
// next statement as a [graph.Quad] and [io.EOF] after the last one:
//
//	r := turtle.NewReader(f, "data.ttl", false) // true for TriG
//	if err := r.SetBase("https://example.org/data.ttl"); err != nil {
//		return err // only needed if the input has relative IRIs
//	}
//	for {
//		q, err := r.Read()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			return err // every syntax error: where and why
//		}
//		// use q
//	}
//
// The reader implements the whole W3C grammar and passes every test of the
// W3C RDF 1.1 Turtle suite: @prefix and PREFIX, @base and BASE, IRIs with
// \u and \U escapes resolved against the base IRI by RFC 3986, prefixed
// names with PN_LOCAL escapes (which are decoded) and %hex (which is kept),
// 'a', blank node labels, '[' ']' property lists, collections (as
// rdf:first, rdf:rest and rdf:nil), the four string forms with their
// escapes, language tags, datatypes, integers, decimals and doubles
// (typed xsd:integer, xsd:decimal and xsd:double, written as in the
// input, signs included), booleans, ';' and ',' lists, and comments.
//
// With trig true the input is TriG: graph blocks, "label { ... }" or
// "GRAPH label { ... }" with an IRI or blank node label, give their
// statements that label as G; statements outside blocks, or in "{ ... }",
// are in the default graph (zero G). With trig false every statement is
// in the default graph and braces are syntax errors.
//
// # Blank nodes
//
// A blank node label means the same node throughout one input, across
// TriG graphs too. Labels are kept as written, so "_:b1" reads as
// [graph.Blank]("b1"). The nodes the reader makes for '[' ']' and
// collections are labelled "_g1", "_g2" and so on, counted per Reader; a
// label in the input that starts with "_g" gets "_g_" in front ("_:_g1"
// reads as "_g__g1"), so no label in the input can name a made node. Two
// Readers use the same labels for different nodes: a caller merging inputs
// must keep them apart, as it must for N-Triples.
//
// # Errors
//
// A syntax error names the file, line and column, what was found and what
// was expected, as a [*ParseError], which unwraps to [ErrSyntax]. The
// reader does not stop at the first one, so that one run lists every
// problem: it records the error, skips to the end of the statement in
// error and goes on. The skip ends after the next '.' outside IRIs,
// strings, comments, names and numbers; in TriG also at the '}' that
// closes the graph block, or at a '{' that opens one. A '.' inside an
// unclosed '[' or '(' ends the statement too, unless a ']' or ')' follows
// it. The skip stops before a directive (and GRAPH in TriG) so that a
// statement missing its '.' does not take the next prefix declaration
// with it; an error in a directive skips the rest of its line; a short
// string that does not close on its line is taken to have a stray quote.
// When the error is at a token that ends a statement or starts what comes
// next ('.', '}', '{', a directive, GRAPH) the reader resumes right there.
// An undeclared prefix and a relative IRI without a base IRI are reported
// at their first use only: later uses are read with a placeholder
// namespace or base. An invalid UTF-8 byte in a comment is reported and
// skipped. So the usual slips (a bad IRI, a bad escape, an undeclared
// prefix, a missing '.') give one error each; a file broken in stranger
// ways may give a few more, each at a real fault in what the reader saw.
//
// Statements are returned as usual around the errors, those completed
// before an error in the same statement included, and at the end of the
// input Read returns the errors instead of io.EOF. With one error that is
// the *ParseError itself; with more it is a list, one error a line, of the
// first 100 and then "... and N more problems (T in all)", whose
// Unwrap() []error gives the ParseErrors in input order, so errors.As
// finds the first. A caller that must not keep a partial input
// (importers.Import does not) should drop what it read when Read ends with
// an error. Errors from the underlying reader stop the reader at once and
// are returned wrapped, not as a ParseError, together with any syntax
// errors found before them.
//
// # Streaming, speed and memory
//
// The parser is a pushdown automaton with its own stack, not a recursive
// descent, so Read returns each statement as soon as its last token is
// read: a subject with a million objects, a long collection or a large
// graph block stream like any other input. The reader reads through one
// buffer, 64 KiB unless a single token is longer, and parses bytes
// directly with no regular expressions. Repeated strings (predicates,
// prefixed names, datatypes, language tags, short literals) come from a
// small fixed-size cache, so they are allocated once. Memory does not grow
// with the input; what is held is the current token, the prefix map and
// the nesting stack. On one core it reads a few million triples a second.
//
// # Caveats
//
//   - Columns count bytes from 1, not characters, as Go's own tools do.
//     LF, CRLF and a lone CR each end a line.
//   - Input must be UTF-8; an invalid byte anywhere, comments included, is
//     a syntax error. A byte order mark at the very start is skipped.
//   - An IRI with a scheme is used as written; only relative IRIs are
//     resolved (and have "." and ".." segments removed). IRIs are checked
//     for the characters the grammar forbids, raw or escaped, not
//     otherwise validated against RFC 3987.
//   - Without a base IRI, from [Reader.SetBase] or the input, a relative
//     IRI is a syntax error.
//   - Property lists and collections may nest 10000 deep; deeper nesting
//     is a syntax error rather than unbounded memory.
//   - A token is held whole, so one huge literal takes its size in memory
//     (twice, while the buffer grows); a server taking uploads should cap
//     their size. The prefix map grows with the number of distinct
//     prefixes declared. An error keeps and quotes only the first few
//     dozen bytes of a token, so errors about huge tokens stay short.
//   - Comments count as white space everywhere, so "[ # note" + newline +
//     "]" is an empty blank node, as "[ ]" is.
//   - A literal typed xsd:string becomes a simple literal ([graph.Literal]
//     folds it); one typed rdf:langString without a language tag is
//     accepted as written, since the grammar allows it.
package turtle
