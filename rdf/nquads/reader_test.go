package nquads_test

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"civicgraph/graph"
	"civicgraph/rdf/nquads"
)

// readAll parses all of in and returns the quads read and the error Read
// ended with (nil at a clean end).
func readAll(tb testing.TB, in io.Reader, name string, quads bool) ([]graph.Quad, error) {
	tb.Helper()
	r := nquads.NewReader(in, name, quads)
	var out []graph.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

const ex = "http://example/"

func iri(s string) graph.Term { return graph.IRI(ex + s) }

func TestReader_Read(t *testing.T) {
	s, p, o, g := iri("s"), iri("p"), iri("o"), iri("g")
	tests := []struct {
		name  string
		in    string
		quads bool
		want  []graph.Quad
	}{
		{"Empty", "", false, nil},
		{"OnlyComments", "# a\n\n   # b\r\n\t\n", false, nil},
		{"Triple", "<http://example/s> <http://example/p> <http://example/o> .\n", false,
			[]graph.Quad{{S: s, P: p, O: o}}},
		{"NoFinalNewline", "<http://example/s> <http://example/p> <http://example/o> .", false,
			[]graph.Quad{{S: s, P: p, O: o}}},
		{"Quad", "<http://example/s> <http://example/p> <http://example/o> <http://example/g> .\n", true,
			[]graph.Quad{{S: s, P: p, O: o, G: g}}},
		{"QuadDefaultGraph", "<http://example/s> <http://example/p> <http://example/o> .\n", true,
			[]graph.Quad{{S: s, P: p, O: o}}},
		{"BlankGraph", "_:b1 <http://example/p> _:b2 _:g .", true,
			[]graph.Quad{{S: graph.Blank("b1"), P: p, O: graph.Blank("b2"), G: graph.Blank("g")}}},
		{"MinimalWhitespace", `<http://example/s><http://example/p>"x"@en<http://example/g>.`, true,
			[]graph.Quad{{S: s, P: p, O: graph.LangLiteral("x", "en"), G: g}}},
		{"MinimalWhitespaceBlank", `_:s<http://example/p>_:o.`, false,
			[]graph.Quad{{S: graph.Blank("s"), P: p, O: graph.Blank("o")}}},
		{"Tabs", "\t<http://example/s>\t<http://example/p>\t\"x\"\t.\t# c", false,
			[]graph.Quad{{S: s, P: p, O: graph.String("x")}}},
		{"CommentAfterDot", `<http://example/s> <http://example/p> <http://example/o> .#c`, false,
			[]graph.Quad{{S: s, P: p, O: o}}},
		{"LabelDots", `_:a.b <http://example/p> _:c.d.`, false,
			[]graph.Quad{{S: graph.Blank("a.b"), P: p, O: graph.Blank("c.d")}}},
		{"LabelChars", "_:0_-a\u00b7\u0300 <http://example/p> _:\u00e9t\u00e9 .", false,
			[]graph.Quad{{S: graph.Blank("0_-a\u00b7\u0300"), P: p, O: graph.Blank("\u00e9t\u00e9")}}},
		{"Escapes", `<http://example/s> <http://example/p> "\t\b\n\r\f\"\'\\\u00e9\U0001F600" .`, false,
			[]graph.Quad{{S: s, P: p, O: graph.String("\t\b\n\r\f\"'\\\u00e9\U0001F600")}}},
		{"RawControls", "<http://example/s> <http://example/p> \"a\x00\x01\tb\" .", false,
			[]graph.Quad{{S: s, P: p, O: graph.String("a\x00\x01\tb")}}},
		{"IRIEscapes", `<http://example/\u0073\U0000002Dx\u00e9> <http://example/p> <http://example/o> .`, false,
			[]graph.Quad{{S: graph.IRI(ex + "s-x\u00e9"), P: p, O: o}}},
		{"UnicodeIRI", "<http://example/\u00e9\U0001F600> <http://example/p> <http://example/o> .", false,
			[]graph.Quad{{S: graph.IRI(ex + "\u00e9\U0001F600"), P: p, O: o}}},
		{"XSDStringFolds", `<http://example/s> <http://example/p> "1"^^<http://www.w3.org/2001/XMLSchema#string> .`, false,
			[]graph.Quad{{S: s, P: p, O: graph.String("1")}}},
		{"Datatype", `<http://example/s> <http://example/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .`, false,
			[]graph.Quad{{S: s, P: p, O: graph.Literal("1", "http://www.w3.org/2001/XMLSchema#integer")}}},
		{"DatatypeSpaces", `<http://example/s> <http://example/p> "1" ^^ <http://example/dt> .`, false,
			[]graph.Quad{{S: s, P: p, O: graph.Literal("1", ex+"dt")}}},
		{"LangKeptAsWritten", `<http://example/s> <http://example/p> "x"@EN-gb-2x .`, false,
			[]graph.Quad{{S: s, P: p, O: graph.LangLiteral("x", "EN-gb-2x")}}},
		{"EmptyLiteral", `<http://example/s> <http://example/p> "" .`, false,
			[]graph.Quad{{S: s, P: p, O: graph.String("")}}},
		{"LineEnds", "<http://example/s> <http://example/p> \"1\" .\r\n<http://example/s> <http://example/p> \"2\" .\r" +
			"<http://example/s> <http://example/p> \"3\" .\n\r\n\r<http://example/s> <http://example/p> \"4\" .", false,
			[]graph.Quad{{S: s, P: p, O: graph.String("1")}, {S: s, P: p, O: graph.String("2")},
				{S: s, P: p, O: graph.String("3")}, {S: s, P: p, O: graph.String("4")}}},
		{"ByteOrderMark", "\ufeff<http://example/s> <http://example/p> <http://example/o> .", false,
			[]graph.Quad{{S: s, P: p, O: o}}},
		{"OtherSchemes", `<urn:x-a:b> <a+b-c.d:p> <mailto:me@example.org> .`, false,
			[]graph.Quad{{S: graph.IRI("urn:x-a:b"), P: graph.IRI("a+b-c.d:p"), O: graph.IRI("mailto:me@example.org")}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readAll(t, strings.NewReader(tc.in), "", tc.quads)
			if err != nil {
				t.Fatalf("Read(%q) error: %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Read(%q) = %v, want %v", tc.in, got, tc.want)
			}
			for _, q := range got {
				if err := q.Validate(); err != nil {
					t.Errorf("Read(%q) returned an invalid quad: %v", tc.in, err)
				}
			}
		})
	}
}

func TestReader_Read_errors(t *testing.T) {
	const spo = "<http://example/s> <http://example/p> <http://example/o>"
	tests := []struct {
		name     string
		in       string
		quads    bool
		line     int
		col      int
		found    string
		expected string
	}{
		{"SpaceInIRI", "<http://example/ space> <http://example/p> <http://example/o> .", false,
			1, 17, " ", "'>' to end IRI"},
		{"UnclosedIRI", "<http://example/s", false, 1, 18, "", "'>' to end IRI"},
		{"RelativeSubject", "<s> <http://example/p> <http://example/o> .", false,
			1, 1, "<s>", "absolute IRI (with a scheme)"},
		{"RelativeDatatype", `<http://example/s> <http://example/p> "foo"^^<dt> .`, false,
			1, 46, "<dt>", "absolute IRI (with a scheme)"},
		{"RelativeEscapedGraph", spo + ` <\u0067> .`, true, 1, 58, `<\u0067>`, "absolute IRI (with a scheme)"},
		// RDF forbids these in IRIs, escaped or not (issue 11).
		{"EscapedSpaceInIRI", `<http://example/\U00000020x> <http://example/p> <http://example/o> .`, false,
			1, 17, `\U00000020`, "escape of a character allowed in an IRI (not a space, control or <>\"{}|^`\\)"},
		{"EscapedLessThanInGraph", spo + ` <http://example/\u003C> .`, true,
			1, 74, `\u003C`, "escape of a character allowed in an IRI (not a space, control or <>\"{}|^`\\)"},
		{"EscapedControlInObject", `<http://example/s> <http://example/p> <http://example/\u0007> .`, false,
			1, 55, `\u0007`, "escape of a character allowed in an IRI (not a space, control or <>\"{}|^`\\)"},
		{"RawControlInIRI", "<http://example/\x1b> <http://example/p> <http://example/o> .", false,
			1, 17, "\x1b", "'>' to end IRI"},
		{"RawBraceInIRI", "<http://example/{x}> <http://example/p> <http://example/o> .", false,
			1, 17, "{", "'>' to end IRI"},
		{"CharEscapeInIRI", `<http://example/\n> <http://example/p> <http://example/o> .`, false,
			1, 17, `\n`, `\u or \U escape`},
		{"BadHexInIRI", `<http://example/\u00ZZ11> <http://example/p> <http://example/o> .`, false,
			1, 17, `\u00Z`, `4 hex digits after \u`},
		{"ShortLongEscape", `<http://example/s> <http://example/p> "\U0000WXYZ" .`, false,
			1, 40, `\U0000W`, `8 hex digits after \U`},
		{"Surrogate", `<http://example/s> <http://example/p> "\uD800" .`, false,
			1, 40, `\uD800`, "escape of a Unicode scalar value (not a surrogate, at most 10FFFF)"},
		{"BeyondMaxRune", `<http://example/\U00110000> <http://example/p> <http://example/o> .`, false,
			1, 17, `\U00110000`, "escape of a Unicode scalar value (not a surrogate, at most 10FFFF)"},
		{"OverflowsRune", `<http://example/s> <http://example/p> "\U80000000" .`, false,
			1, 40, `\U80000000`, "escape of a Unicode scalar value (not a surrogate, at most 10FFFF)"},
		{"BadStringEscape", `<http://example/s> <http://example/p> "a\zb" .`, false,
			1, 41, `\z`, `escape (\t \b \n \r \f \" \' \\ \u or \U)`},
		{"UnclosedLiteral", `<http://example/s> <http://example/p> "abc .`, false,
			1, 45, "", `'"' to end literal`},
		{"SingleQuotes", `<http://example/s> <http://example/p> 'abc' .`, false,
			1, 39, "'", "object (IRI, blank node or literal)"},
		{"Number", `<http://example/s> <http://example/p> 1 .`, false,
			1, 39, "1", "object (IRI, blank node or literal)"},
		{"BadLang", `<http://example/s> <http://example/p> "string"@1 .`, false,
			1, 48, "1", "language tag after '@'"},
		{"LangDash", `<http://example/s> <http://example/p> "x"@en- .`, false,
			1, 46, " ", "letter or digit after '-' in language tag"},
		{"SingleCaret", `<http://example/s> <http://example/p> "x"^<http://example/dt> .`, false,
			1, 43, "<", "'^^' before datatype IRI"},
		{"CaretsNoIRI", `<http://example/s> <http://example/p> "x"^^xsd:string .`, false,
			1, 44, "x", "datatype IRI after '^^'"},
		{"ColonLabel", "_::a  <http://example/p> <http://example/o> .", false,
			1, 3, ":", "blank node label after '_:'"},
		{"LabelDotStart", "_:.a <http://example/p> <http://example/o> .", false,
			1, 3, ".", "blank node label after '_:'"},
		{"LabelColonInside", "_:abc:def  <http://example/p> <http://example/o> .", false,
			1, 6, ":", "predicate (IRI)"},
		{"UnderscoreOnly", "_a <http://example/p> <http://example/o> .", false,
			1, 2, "a", "':' after '_' in blank node"},
		{"LiteralSubject", `"s" <http://example/p> <http://example/o> .`, false,
			1, 1, `"`, "subject (IRI or blank node)"},
		{"BlankPredicate", `<http://example/s> _:p <http://example/o> .`, false,
			1, 20, "_", "predicate (IRI)"},
		{"MissingObject", `<http://example/s> <http://example/p> .`, false,
			1, 39, ".", "object (IRI, blank node or literal)"},
		{"MissingDot", spo, false, 1, 57, "", "'.' to end triple"},
		{"GraphInTriples", spo + " <http://example/g> .", false, 1, 58, "<", "'.' to end triple"},
		{"LiteralGraph", spo + ` "g" .`, true, 1, 58, `"`, "graph name (IRI or blank node) or '.' to end statement"},
		{"Quint", spo + " <http://example/g> <http://example/n> .", true,
			1, 77, "<", "'.' to end statement"},
		{"TwoStatements", spo + " . " + spo + " .", false, 1, 60, "<", "end of line after '.'"},
		{"CommaList", spo + `, <http://example/o2> .`, false, 1, 57, ",", "'.' to end triple"},
		{"Directive", "@prefix : <http://example/> .", false, 1, 1, "@", "subject (IRI or blank node)"},
		{"InvalidUTF8", "<http://example/s> <http://example/p> \"a\xffb\" .", false,
			1, 41, "\xff", "valid UTF-8"},
		{"InvalidUTF8InComment", "# \xc3\n", false, 1, 3, "\xc3", "valid UTF-8"},
		{"ThirdLineCRLF", "# comment\r\n\r\n" + spo + " ,\r\n", false, 3, 58, ",", "'.' to end triple"},
		{"SecondLineCR", spo + " .\r<http://example/ x> <http://example/p> <http://example/o> .\r", false,
			2, 17, " ", "'>' to end IRI"},
		{"ByteOrderMarkColumn", "\ufeff<s> <http://example/p> <http://example/o> .", false,
			1, 4, "<s>", "absolute IRI (with a scheme)"},
		{"NonASCIIFound", spo + " \u00e9 .", false, 1, 58, "\u00e9", "'.' to end triple"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readAll(t, strings.NewReader(tc.in), "in.nt", tc.quads)
			var pe *nquads.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Read(%q) error = %v, want a *ParseError", tc.in, err)
			}
			want := nquads.ParseError{File: "in.nt", Line: tc.line, Col: tc.col, Found: tc.found, Expected: tc.expected}
			if *pe != want {
				t.Errorf("Read(%q) error = %#v, want %#v", tc.in, *pe, want)
			}
			if !errors.Is(err, nquads.ErrSyntax) {
				t.Errorf("errors.Is(%v, ErrSyntax) = false, want true", err)
			}
		})
	}
}

func TestParseError_Error(t *testing.T) {
	tests := []struct {
		name string
		err  nquads.ParseError
		want string
	}{
		{"WithFile", nquads.ParseError{File: "data.nt", Line: 12, Col: 34, Found: " ", Expected: "'>' to end IRI"},
			`data.nt:12:34: expected '>' to end IRI, found " "`},
		{"NoFile", nquads.ParseError{Line: 1, Col: 5, Expected: "'.' to end triple"},
			`1:5: expected '.' to end triple, found end of line`},
		{"Quoted", nquads.ParseError{File: "a.nq", Line: 2, Col: 1, Found: "\xff", Expected: "valid UTF-8"},
			`a.nq:2:1: expected valid UTF-8, found "\xff"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.err.Error(); got != tc.want {
				t.Errorf("Error() = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestReader_Read_recovers checks that Read goes on after a bad line,
// returns the good lines' statements, and returns the error at the end,
// again on every later call.
func TestReader_Read_recovers(t *testing.T) {
	in := "<http://example/s> <http://example/p> <http://example/o> .\nbad\n<http://example/s> <http://example/p> <http://example/o2> .\n"
	r := nquads.NewReader(strings.NewReader(in), "x.nt", false)
	for _, want := range []int{1, 3} {
		if _, err := r.Read(); err != nil {
			t.Fatalf("Read: %v, want the statement on line %d", err, want)
		}
		if r.Line() != want {
			t.Errorf("Line() = %d, want %d", r.Line(), want)
		}
	}
	_, err1 := r.Read()
	_, err2 := r.Read()
	var pe *nquads.ParseError
	if !errors.As(err1, &pe) || pe.Line != 2 || err1 != err2 {
		t.Errorf("Read at end = %v, then %v; want the line 2 error twice", err1, err2)
	}
	if r.Line() != 2 {
		t.Errorf("Line() = %d after the error, want 2", r.Line())
	}
}

// TestReader_Read_manyErrors checks that every bad line is reported, in
// order, with its position, and that the good lines are still read.
func TestReader_Read_manyErrors(t *testing.T) {
	const good = "<http://example/s> <http://example/p> <http://example/o> .\n"
	tests := []struct {
		name      string
		in        string
		quads     bool
		wantQuads int
		want      []string // the lines of the error, in order
	}{
		{"One", good + "bad\n" + good, false, 2, []string{
			`in.nt:2:1: expected subject (IRI or blank node), found "b"`,
		}},
		{"ThreeAmongGood", good + "<s> <http://example/p> <http://example/o> .\n" + good +
			"<http://example/s> <http://example/p> \"a\\zb\" .\r\n" +
			"<http://example/s> <http://example/p> <http://example/o>\r" + good, false, 3, []string{
			`in.nt:2:1: expected absolute IRI (with a scheme), found "<s>"`,
			`in.nt:4:41: expected escape (\t \b \n \r \f \" \' \\ \u or \U), found "\\z"`,
			`in.nt:5:57: expected '.' to end triple, found end of line`,
		}},
		{"BadUTF8AndGraphName", "\xff\n" + good + "<http://example/s> <http://example/p> <http://example/o> \"g\" .", true, 1, []string{
			`in.nt:1:1: expected valid UTF-8, found "\xff"`,
			`in.nt:3:58: expected graph name (IRI or blank node) or '.' to end statement, found "\""`,
		}},
		{"LastLineNoNewline", good + "<http://example/s", false, 1, []string{
			`in.nt:2:18: expected '>' to end IRI, found end of line`,
		}},
		{"OnlyErrors", "a\nb\n", false, 0, []string{
			`in.nt:1:1: expected subject (IRI or blank node), found "a"`,
			`in.nt:2:1: expected subject (IRI or blank node), found "b"`,
		}},
		{"OneFifty", strings.Repeat(good+"x\n", 150), false, 150, append(
			func() []string {
				var lines []string
				for i := range 100 {
					lines = append(lines, fmt.Sprintf(`in.nt:%d:1: expected subject (IRI or blank node), found "x"`, 2*i+2))
				}
				return lines
			}(), "... and 50 more problems (150 in all)")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := nquads.NewReader(strings.NewReader(tc.in), "in.nt", tc.quads)
			n := 0
			var err error
			for {
				if _, err = r.Read(); err != nil {
					break
				}
				n++
			}
			if n != tc.wantQuads {
				t.Errorf("Read returned %d statements, want %d", n, tc.wantQuads)
			}
			if err == io.EOF {
				t.Fatalf("Read ended with io.EOF, want %d errors", len(tc.want))
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Read error =\n%s\nwant\n%s", err, strings.Join(tc.want, "\n"))
			}
			if !errors.Is(err, nquads.ErrSyntax) {
				t.Errorf("errors.Is(%v, ErrSyntax) = false, want true", err)
			}
			var pe *nquads.ParseError
			if !errors.As(err, &pe) || pe.Error() != tc.want[0] {
				t.Errorf("errors.As(err, *ParseError) = %v, want the first error %s", pe, tc.want[0])
			}
			if r.Line() != pe.Line {
				t.Errorf("Line() = %d at the end, want the first error's line %d", r.Line(), pe.Line)
			}
		})
	}
}

// TestReader_Read_syntaxThenReadError checks that a read error ends the
// input and is reported with the syntax errors found before it.
func TestReader_Read_syntaxThenReadError(t *testing.T) {
	boom := errors.New("boom")
	in := io.MultiReader(strings.NewReader("bad\n<http://example/s> <http://example/p> <http://example/o> .\n<http://exa"), iotest.ErrReader(boom))
	_, err := readAll(t, in, "x.nt", false)
	var pe *nquads.ParseError
	if !errors.Is(err, boom) || !errors.As(err, &pe) || pe.Line != 1 {
		t.Errorf("Read = %v, want the line 1 syntax error and the read error", err)
	}
}

func TestReader_Line(t *testing.T) {
	in := "# head\n<http://example/s> <http://example/p> \"1\" .\n\n\r\n<http://example/s> <http://example/p> \"2\" .\r\r<http://example/s> <http://example/p> \"3\" .\n"
	r := nquads.NewReader(strings.NewReader(in), "", false)
	for _, want := range []int{2, 5, 7} {
		if _, err := r.Read(); err != nil {
			t.Fatalf("Read: %v", err)
		}
		if got := r.Line(); got != want {
			t.Errorf("Line() = %d, want %d", got, want)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("Read at end = %v, want io.EOF", err)
	}
	if got := r.BytesRead(); got != int64(len(in)) {
		t.Errorf("BytesRead() = %d, want %d", got, len(in))
	}
}

// TestReader_longLines checks lines longer than the read buffer and line
// ends split across reads, through readers that return little at a time.
func TestReader_longLines(t *testing.T) {
	long := strings.Repeat("abc\u00e9", 500_000) // 2.5 MB, over the largest buffer
	var want []graph.Quad
	var b strings.Builder
	for i, end := range []string{"\n", "\r\n", "\r", "\r\n", "\n"} {
		lex := long[:len(long)-i*5]
		b.WriteString(`<http://example/s> <http://example/p> "` + lex + `"@en .` + end)
		want = append(want, graph.Quad{S: iri("s"), P: iri("p"), O: graph.LangLiteral(lex, "en")})
		b.WriteString("<http://example/s> <http://example/p> <http://example/o> ." + end)
		want = append(want, graph.Quad{S: iri("s"), P: iri("p"), O: iri("o")})
	}
	in := strings.TrimSuffix(b.String(), "\n")
	readers := []struct {
		name string
		r    func() io.Reader
	}{
		{"Whole", func() io.Reader { return strings.NewReader(in) }},
		{"OneByte", func() io.Reader { return iotest.OneByteReader(strings.NewReader(in)) }},
		{"Half", func() io.Reader { return iotest.HalfReader(strings.NewReader(in)) }},
		{"DataErr", func() io.Reader { return iotest.DataErrReader(strings.NewReader(in)) }},
	}
	for _, rc := range readers {
		t.Run(rc.name, func(t *testing.T) {
			if rc.name == "OneByte" && testing.Short() {
				t.Skip("slow: one read per byte")
			}
			r := nquads.NewReader(rc.r(), "", false)
			var got []graph.Quad
			for {
				q, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("Read: %v", err)
				}
				got = append(got, q)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("Read gave %d quads, want %d equal to the input", len(got), len(want))
			}
			if r.BytesRead() != int64(len(in)) {
				t.Errorf("BytesRead() = %d, want %d", r.BytesRead(), len(in))
			}
			if r.Line() != len(want) {
				t.Errorf("Line() = %d, want %d", r.Line(), len(want))
			}
		})
	}
}

func TestReader_readError(t *testing.T) {
	boom := errors.New("boom")
	in := io.MultiReader(
		strings.NewReader("<http://example/s> <http://example/p> <http://example/o> .\n<http://exa"),
		iotest.ErrReader(boom))
	r := nquads.NewReader(in, "x.nt", false)
	if _, err := r.Read(); err != nil {
		t.Fatalf("first Read: %v", err)
	}
	_, err := r.Read()
	if !errors.Is(err, boom) {
		t.Fatalf("Read = %v, want an error wrapping %v", err, boom)
	}
	var pe *nquads.ParseError
	if errors.As(err, &pe) || errors.Is(err, nquads.ErrSyntax) {
		t.Errorf("Read = %v: a read error must not be a syntax error", err)
	}
}

// zeroReader always returns 0, nil: a broken io.Reader.
type zeroReader struct{}

func (zeroReader) Read([]byte) (int, error) { return 0, nil }

func TestReader_noProgress(t *testing.T) {
	_, err := nquads.NewReader(zeroReader{}, "", false).Read()
	if !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("Read = %v, want io.ErrNoProgress", err)
	}
}
