// Package nquads is a strict, streaming parser for RDF 1.1 N-Triples and
// N-Quads.
//
// # Usage
//
// [NewReader] wraps an [io.Reader]; each call to [Reader.Read] returns the
// next statement as a [graph.Quad] and [io.EOF] after the last one:
//
//	r := nquads.NewReader(f, "data.nq", true)
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
// The reader implements the whole W3C grammar: absolute IRIs with \u and \U
// escapes, blank node labels per the PN_CHARS rules, literals with ECHAR and
// UCHAR escapes, language tags and datatypes, comments, blank lines, and
// LF, CRLF or CR line ends. A literal typed xsd:string becomes a simple
// literal ([graph.Literal] folds it); language tags are kept as written.
//
// # Errors
//
// A syntax error names the file, line and column, what was found and what
// was expected, as a [*ParseError], which unwraps to [ErrSyntax]. The
// reader does not stop at the first one: every statement is one line, so
// it records the error, skips the rest of that line and goes on with the
// next, so that one run lists every bad line. The statements of the good
// lines are returned as usual; at the end of the input Read returns the
// errors instead of io.EOF. With one error that is the *ParseError itself;
// with more it is a list, one error a line, of the first 100 and then
// "... and N more problems (T in all)", whose Unwrap() []error gives the
// ParseErrors in input order, so errors.As finds the first. A caller that
// must not keep a partial input (importers.Import does not) should drop
// what it read when Read ends with an error. Errors from the underlying
// reader stop the reader at once and are returned wrapped, not as a
// ParseError, together with any syntax errors found before them.
//
// # Speed and memory
//
// The reader reads through a fixed buffer and parses bytes directly, with no
// regular expressions and no allocation per line beyond the term strings.
// Repeated strings (predicates, classes, graph names, datatypes, language
// tags, sorted subjects) come from a small fixed-size cache, so they are
// allocated once. Memory does not grow with the input: the buffer grows
// to at most 1 MiB, and a line longer than that is assembled in a side
// buffer. A line is always held whole, so a server taking uploads should
// cap their size.
//
// # Caveats
//
//   - Columns count bytes from 1, not characters, as Go's own tools do.
//   - Input must be UTF-8; an invalid byte anywhere on a line, comments
//     included, is a syntax error. A byte order mark at the very start of
//     the input is skipped.
//   - Whitespace is allowed wherever the grammar has a token boundary, so
//     "x" @en and "x" ^^ <dt> are accepted, as in Turtle.
//   - A literal typed rdf:langString without a language tag is accepted
//     as written, since the grammar allows it; RDF semantics do not.
//   - IRIs are checked for the characters the grammar forbids and for a
//     scheme (relative IRIs are errors); they are not otherwise validated
//     against RFC 3987. A \u escape may produce any Unicode scalar value,
//     even one that could not appear raw, as RDF 1.1 allows.
package nquads
