package turtle_test

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/problems"
	"civicgraph/rdf/turtle"
)

// TestReader_Read_recovers checks that the reader goes on after a syntax
// error: every error in the input is reported, once, in order, and the
// statements around the errors are read. The common slips (a bad IRI, a
// bad escape, an undeclared prefix, a missing '.') give one error each.
func TestReader_Read_recovers(t *testing.T) {
	s, p := iri("s"), iri("p")
	o := func(n int) graph.Quad { return spo(s, p, iri(fmt.Sprint("o", n))) }
	g := func(q graph.Quad, name string) graph.Quad { q.G = iri(name); return q }
	tests := []struct {
		name string
		in   string
		trig bool
		want []graph.Quad // the statements to read, or nil to not check them
		errs []string     // the lines of the error
	}{
		{"BadIRI", prefix + ":s :p :o1 .\n:s :p <http://a/ b> .\n:s :p :o2 .", false,
			[]graph.Quad{o(1), o(2)},
			[]string{`in.ttl:3:17: expected '>' to end IRI, found " "`}},
		{"BadIRIWithDots", prefix + ":s :p <http://a/x.y\\u00ZZ.z> , :o9 .\n:s :p :o2 .", false,
			[]graph.Quad{o(2)},
			[]string{`in.ttl:2:20: expected 4 hex digits after \u, found "\\u00Z"`}},
		{"BadEscape", prefix + ":s :p \"a.\\qb\" , :o9 .\n:s :p :o2 .", false,
			[]graph.Quad{o(2)},
			[]string{`in.ttl:2:10: expected escape (\t \b \n \r \f \" \' \\ \u or \U), found "\\q"`}},
		{"BadEscapeInLongString", prefix + ":s :p \"\"\"a.\n. \\q .\"\"\" .\n:s :p :o2 .", false,
			[]graph.Quad{o(2)},
			[]string{`in.ttl:3:3: expected escape (\t \b \n \r \f \" \' \\ \u or \U), found "\\q"`}},
		{"UndeclaredPrefix", prefix + "ex:s :p :o1 .\n:s :p :o2 .\nex:s :p :o3 .\n:s ex:p :o4 .", false, nil,
			[]string{`in.ttl:2:1: expected declared prefix, found "ex:"`}},
		{"RelativeIRIs", "<s> <http://a/p> <http://a/o1> .\n<http://a/s> <http://a/p> <o2> .\n<http://a/s> <http://a/p> <http://a/o3> .", false, nil,
			[]string{`in.ttl:1:1: expected absolute IRI (no base IRI is set), found "<s>"`}},
		{"MissingDot", prefix + ":s :p :o1\n:s :p :o2 .\n:s :p :o3 .", false,
			[]graph.Quad{o(1), o(3)},
			[]string{`in.ttl:3:1: expected ',' or ';' or '.', found ":s"`}},
		{"MissingDotBeforePrefix", prefix + ":s :p :o1\n@prefix ex: <http://a/> .\nex:s ex:p ex:o2 .", false,
			[]graph.Quad{o(1), o(2)},
			[]string{`in.ttl:3:1: expected ',' or ';' or '.', found "@prefix"`}},
		{"MissingDotBeforeSPARQLPrefix", prefix + ":s :p :o1\nPREFIX ex: <http://a/>\nex:s ex:p ex:o2 .", false,
			[]graph.Quad{o(1), o(2)},
			[]string{`in.ttl:3:1: expected ',' or ';' or '.', found "PREFIX"`}},
		{"BadIRIAndMissingDotBeforePrefix", prefix + ":s :p <http://a/ b>\n@prefix ex: <http://a/> .\nex:s ex:p ex:o2 .", false,
			[]graph.Quad{o(2)},
			[]string{`in.ttl:2:17: expected '>' to end IRI, found " "`}},
		{"BadDirective", "@prefix ex <http://a/> .\n@prefix : <http://a/> .\n:s :p :o1 .", false,
			[]graph.Quad{o(1)},
			[]string{`in.ttl:1:11: expected prefix name and ':', found " "`}},
		{"DirectiveWithoutDot", "@prefix : <http://a/> :s :p :o9 .\n:s :p :o1 .", false,
			[]graph.Quad{o(1)},
			[]string{`in.ttl:1:23: expected '.' to end directive, found ":s"`}},
		{"BadUTF8InComment", prefix + ":s :p # \xff\n :o1 .", false,
			[]graph.Quad{o(1)},
			[]string{`in.ttl:2:9: expected valid UTF-8, found "\xff"`}},
		{"DotInPropertyList", prefix + ":s :p [ :q :o9 . ] .\n:s :p :o1 .", false, nil,
			[]string{`in.ttl:2:16: expected ',' or ';' or ']', found "."`}},
		{"UnclosedPropertyList", prefix + ":s :p [ :q :o9 .\n:s :p :o1 .", false, nil,
			[]string{`in.ttl:2:16: expected ',' or ';' or ']', found "."`}},
		{"UnclosedString", prefix + ":s :p \"abc .\n:s :p :o1 .", false,
			[]graph.Quad{o(1)},
			[]string{`in.ttl:2:13: expected closing '"' to end string (a line end needs a long string or \n), found "\n"`}},
		{"ThreeAmongGood", prefix + ":s :p :o1 .\n:s :p :o2, .\n:s :p :o3 .\n:s :p 1e .\n:s :p :o4 .\n:s :p \"x\"@ .\n:s :p :o5 .", false,
			[]graph.Quad{o(1), o(2), o(3), o(4), o(5)},
			[]string{
				`in.ttl:3:12: expected object (IRI, blank node, literal, '[' or '('), found "."`,
				`in.ttl:5:9: expected digits in exponent, found " "`,
				`in.ttl:7:11: expected language tag after '@', found " "`,
			}},
		{"ErrorThenMissingDotAtEnd", prefix + ":s :p <http://a/ b> .\n:s :p :o1", false,
			[]graph.Quad{o(1)},
			[]string{
				`in.ttl:2:17: expected '>' to end IRI, found " "`,
				`in.ttl:3:10: expected ',' or ';' or '.', found end of input`,
			}},
		{"TriGErrorInBlock", prefix + ":g { :s :p <http://a/ b> . :s :p :o1 }\n:h { :s :p :o2 }", true,
			[]graph.Quad{g(o(1), "g"), g(o(2), "h")},
			[]string{`in.ttl:2:22: expected '>' to end IRI, found " "`}},
		{"TriGErrorBeforeBrace", prefix + ":g { :s :p \"x\\q\" }\n:s :p :o1 .", true,
			[]graph.Quad{o(1)},
			[]string{`in.ttl:2:14: expected escape (\t \b \n \r \f \" \' \\ \u or \U), found "\\q"`}},
		{"TriGBadGraphLabel", prefix + "GRAPH <http://a/ g> { :s :p :o1 }\n:g { :s :p :o2 }", true,
			[]graph.Quad{o(1), g(o(2), "g")},
			[]string{`in.ttl:2:17: expected '>' to end IRI, found " "`}},
		{"TriGNestedBlock", prefix + ":g { { :s :p :o9 } }\n:g { :s :p :o1 }", true,
			[]graph.Quad{g(o(1), "g")},
			[]string{`in.ttl:2:6: expected subject or '}' to end graph block, found "{"`}},
		{"TriGDirectiveInBlock", "<http://a/g> { @prefix : <http://a/> . :s :p :o1 }", true,
			[]graph.Quad{g(o(1), "g")},
			[]string{`in.ttl:1:16: expected subject or '}' to end graph block, found "@prefix"`}},
		{"TriGMissingBrace", prefix + ":g { :s :p :o1 .\n:h { :s :p :o2 }", true, nil,
			[]string{`in.ttl:3:4: expected predicate (IRI or 'a'), found "{"`}},
		{"TriGUnclosedAtEnd", prefix + ":g { :s :p <http://a/ b>", true, nil,
			[]string{`in.ttl:2:22: expected '>' to end IRI, found " "`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := turtle.NewReader(strings.NewReader(tc.in), "in.ttl", tc.trig)
			got, err := readFrom(r)
			if err == nil {
				t.Fatalf("Read(%q) gave no error, want\n%s", tc.in, strings.Join(tc.errs, "\n"))
			}
			if lines := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(lines, tc.errs) {
				t.Errorf("Read(%q) error =\n%s\nwant\n%s", tc.in, err, strings.Join(tc.errs, "\n"))
			}
			if tc.want != nil && !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Read(%q) =\n%s\nwant\n%s", tc.in, nqOrdered(got), nqOrdered(tc.want))
			}
			var pe *turtle.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, turtle.ErrSyntax) {
				t.Fatalf("Read(%q) error %v: not a syntax error", tc.in, err)
			}
			if r.Line() != pe.Line {
				t.Errorf("Line() = %d at the end, want the first error's line %d", r.Line(), pe.Line)
			}
		})
	}
}

// TestReader_Read_manyErrors checks that past problems.Max errors the
// rest are counted, and that every good statement is still read.
func TestReader_Read_manyErrors(t *testing.T) {
	for _, n := range []int{2, problems.Max, 150} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b strings.Builder
			b.WriteString(prefix)
			for i := range n {
				fmt.Fprintf(&b, ":s :p :o%d .\n:s :p <http://a/ bad%d> .\n", i, i)
			}
			got, err := readAll(t, b.String(), "", false)
			if len(got) != n {
				t.Errorf("Read returned %d statements, want %d", len(got), n)
			}
			var all *problems.List
			if !errors.As(err, &all) || all.Total != n || len(all.Errors) != min(n, problems.Max) {
				t.Fatalf("Read error = %v, want a list of %d", err, n)
			}
			lines := strings.Split(err.Error(), "\n")
			for i, line := range lines[:min(n, problems.Max)] {
				if want := fmt.Sprintf(`test:%d:17: expected '>' to end IRI, found " "`, 2*i+3); line != want {
					t.Errorf("error %d = %s, want %s", i+1, line, want)
				}
			}
			if n > problems.Max {
				want := fmt.Sprintf("... and %d more problems (%d in all)", n-problems.Max, n)
				if len(lines) != problems.Max+1 || lines[problems.Max] != want {
					t.Errorf("Read error has %d lines, ending %q; want %d ending %q", len(lines), lines[len(lines)-1], problems.Max+1, want)
				}
			}
		})
	}
}
