package turtle_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"civicgraph/rdf/turtle"
)

func TestReader_Read_errors(t *testing.T) {
	const s, p, o = "<http://a/s>", "<http://a/p>", "<http://a/o>"
	tests := []struct {
		name      string
		in        string
		trig      bool
		line, col int
		found     string
		expected  string
	}{
		{"MissingObject", s + " " + p + " .", false, 1, 27, ".", "object (IRI, blank node, literal, '[' or '(')"},
		{"MissingDotAtEnd", prefix + ":s :p :o", false, 2, 9, "", "',' or ';' or '.'"},
		{"SecondDot", "\r\n\r\n" + s + " " + p + " " + o + " . .", false, 3, 42, ".", "directive or subject"},
		{"LoneCRs", "\r\r" + s + " " + p + " " + o + " . .", false, 3, 42, ".", "directive or subject"},
		{"UndeclaredPrefix", "ex:s " + p + " " + o + " .", false, 1, 1, "ex:", "declared prefix"},
		{"RelativeWithoutBase", "<s> " + p + " " + o + " .", false, 1, 1, "<s>", "absolute IRI (no base IRI is set)"},
		{"LiteralSubject", `"x" ` + p + " " + o + " .", false, 1, 1, `"x"`, "directive or subject"},
		{"LiteralPredicate", s + ` "x"@en ` + o + " .", false, 1, 14, `"x"@en`, "predicate (IRI or 'a')"},
		{"BlankPredicate", s + " [] " + o + " .", false, 1, 14, "[]", "predicate (IRI or 'a')"},
		{"KeywordAObject", s + " " + p + " a .", false, 1, 27, "a", "object (IRI, blank node, literal, '[' or '(')"},
		{"UnknownWord", s + " " + p + " maybe .", false, 1, 27, "maybe", "object (IRI, blank node, literal, '[' or '(')"},
		{"N3Arrow", s + " => " + o + " .", false, 1, 14, "=", "predicate (IRI or 'a')"},
		{"BadEscapeInLongString", s + " " + p + " \"\"\"a\nb\\q\"\"\" .", false, 2, 2, `\q`, `escape (\t \b \n \r \f \" \' \\ \u or \U)`},
		{"UnterminatedString", s + " " + p + ` "abc`, false, 1, 31, "", `closing '"' to end string`},
		{"NewlineInShortString", s + " " + p + " 'ab\ncd' .", false, 1, 30, "\n", `closing "'" to end string (a line end needs a long string or \n)`},
		{"Surrogate", s + " " + p + ` "\uD800" .`, false, 1, 28, `\uD800`, "escape of a Unicode scalar value (not a surrogate, at most 10FFFF)"},
		{"SpaceInIRI", "<http://a/ s> " + p + " " + o + " .", false, 1, 11, " ", "'>' to end IRI"},
		{"EscapedSpaceInIRI", `<http://a/\u0020> ` + p + " " + o + " .", false, 1, 11, `\u0020`, "escape of a character allowed in an IRI"},
		{"BadUTF8InComment", "# ok\n# bad \xff\n", false, 2, 7, "\xff", "valid UTF-8"},
		{"BadUTF8InString", s + " " + p + " \"a\xc3\" .", false, 1, 29, "\xc3", "valid UTF-8"},
		{"BadLangTag", s + " " + p + ` "x"@en- .`, false, 1, 34, " ", "letter or digit after '-' in language tag"},
		{"NoLangTag", s + " " + p + ` "x"@1 .`, false, 1, 31, "1", "language tag after '@'"},
		{"LiteralDatatype", s + " " + p + ` "x"^^"y" .`, false, 1, 32, `"`, "datatype IRI after '^^'"},
		{"KeywordDatatype", s + " " + p + ` "x"^^a .`, false, 1, 32, "a", "datatype IRI after '^^'"},
		{"SingleCaret", s + " " + p + ` "x"^<http://a/dt> .`, false, 1, 31, "<", "'^^' before datatype IRI"},
		{"BadPercent", prefix + ":s :p :a%2x .", false, 2, 9, "%2x", "two hex digits after '%' in local name"},
		{"BadLocalEscape", prefix + ":s :p :a\\a .", false, 2, 9, `\a`, `local name escape (\ and one of _~.-!$&'()*+,;=/?#@%)`},
		{"PrefixEndsWithDot", "@prefix a.: <http://a/> .", false, 1, 10, ".", "prefix name and ':'"},
		{"PrefixWithoutColon", "@prefix ex <http://a/> .", false, 1, 11, " ", "prefix name and ':'"},
		{"PrefixWithoutIRI", "@prefix ex: ex:b .", false, 1, 13, "e", "IRI in angle brackets"},
		{"PrefixWithoutDot", "@prefix ex: <http://a/>\n" + s + " " + p + " " + o + " .", false, 2, 1, s, "'.' to end directive"},
		{"SPARQLPrefixWithDot", "PREFIX ex: <http://a/> .", false, 1, 24, ".", "directive or subject"},
		{"UpperCaseAtBase", "@BASE <http://a/> .", false, 1, 1, "@BASE", "directive or subject"},
		{"BadExponent", s + " " + p + " 1e .", false, 1, 29, " ", "digits in exponent"},
		{"SignAlone", s + " " + p + " + .", false, 1, 28, " ", "digits in number"},
		{"UnclosedPropertyList", s + " " + p + " [ " + p + " " + o + " .", false, 1, 55, ".", "',' or ';' or ']'"},
		{"EmptyPropertyListAlone", "[] .", false, 1, 4, ".", "predicate (IRI or 'a')"},
		{"SemicolonPropertyList", s + " " + p + " [ ; ] .", false, 1, 29, ";", "predicate (IRI or 'a')"},
		{"CollectionAlone", "( " + s + " ) .", false, 1, 18, ".", "predicate (IRI or 'a')"},
		{"UnclosedCollection", s + " " + p + " ( " + o, false, 1, 41, "", "object or ')' to end collection"},
		{"BlankLabelColon", "_x " + p + " " + o + " .", false, 1, 2, "x", "':' after '_' in blank node label"},
		{"BlankLabelStart", "_:-x " + p + " " + o + " .", false, 1, 3, "-", "blank node label after '_:'"},
		{"GraphBlockInTurtle", "{ " + s + " " + p + " " + o + " }", false, 1, 1, "{", "directive or subject"},
		{"GraphKeywordInTurtle", "GRAPH " + s + " { }", false, 1, 1, "GRAPH", "directive or subject"},
		{"TriGDirectiveInBlock", "{ @prefix : <http://a/> . }", true, 1, 3, "@prefix", "subject or '}' to end graph block"},
		{"TriGUnclosedBlock", s + " {\n" + s + " " + p + " " + o, true, 2, 39, "", "',' or ';' or '.' or '}'"},
		{"TriGUnclosedEmptyBlock", s + " {\n", true, 2, 1, "", "'}' to end graph block"},
		{"TriGNestedBlock", "{ { } }", true, 1, 3, "{", "subject or '}' to end graph block"},
		{"TriGGraphWithoutName", "GRAPH { }", true, 1, 7, "{", "graph name (IRI or blank node) after GRAPH"},
		{"TriGGraphWithoutBrace", "GRAPH " + s + " " + p + " " + o + " .", true, 1, 20, p, "'{' to start graph block"},
		{"TriGDotAfterBlock", "{ } .", true, 1, 5, ".", "directive, subject or graph block"},
		{"TriGDoubleDotInBlock", "{ " + s + " " + p + " " + o + " . . }", true, 1, 44, ".", "subject or '}' to end graph block"},
		{"TriGLiteralGraphName", `GRAPH "g" { }`, true, 1, 7, `"g"`, "graph name (IRI or blank node) after GRAPH"},
		{"TriGPropertyListGraphName", "[ " + p + " " + o + " ] { }", true, 1, 31, "{", "predicate or '.'"},
		{"TriGCollectionGraphName", "( ) { }", true, 1, 5, "{", "predicate (IRI or 'a')"},
		{"TriGCloseWithoutOpen", "}", true, 1, 1, "}", "directive, subject or graph block"},
		{"TooDeep", prefix + ":s :p " + strings.Repeat("(", 10_001), false, 2, 10_007, "(", "at most 10000 nested lists"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := turtle.NewReader(strings.NewReader(tc.in), "test.ttl", tc.trig)
			_, err := readFrom(r)
			// One error: the reader's recovery adds no spurious ones.
			pe, ok := err.(*turtle.ParseError)
			if !ok {
				t.Fatalf("Read(%q) error = %v, want one *ParseError", tc.in, err)
			}
			want := &turtle.ParseError{File: "test.ttl", Line: tc.line, Col: tc.col, Found: tc.found, Expected: tc.expected}
			if *pe != *want {
				t.Errorf("Read(%q) error = %#v,\nwant %#v", tc.in, pe, want)
			}
			if !errors.Is(err, turtle.ErrSyntax) {
				t.Errorf("errors.Is(%v, ErrSyntax) = false", err)
			}
			if r.Line() != tc.line {
				t.Errorf("Line() = %d after the error, want %d", r.Line(), tc.line)
			}
			if _, again := r.Read(); again != err {
				t.Errorf("second Read error = %v, want the first again", again)
			}
		})
	}
}

func TestParseError_Error(t *testing.T) {
	tests := []struct {
		err  turtle.ParseError
		want string
	}{
		{turtle.ParseError{File: "a.ttl", Line: 2, Col: 5, Found: "x", Expected: "'.'"}, `a.ttl:2:5: expected '.', found "x"`},
		{turtle.ParseError{Line: 1, Col: 1, Expected: "'}'"}, `1:1: expected '}', found end of input`},
		{turtle.ParseError{Line: 3, Col: 7, Found: "\n", Expected: "'\"'"}, `3:7: expected '"', found "\n"`},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

// TestReader_Read_beforeError checks that the statements completed before
// a syntax error are returned before it.
func TestReader_Read_beforeError(t *testing.T) {
	in := prefix + ":s :p :o1, :o2 ; :q [ :r :o3 ] , \"x"
	got, err := readAll(t, in, "", false)
	if !errors.Is(err, turtle.ErrSyntax) {
		t.Fatalf("Read(%q) error = %v, want a syntax error", in, err)
	}
	if len(got) != 4 {
		t.Errorf("Read(%q) returned %d statements before the error, want 4:\n%s", in, len(got), nqOrdered(got))
	}
}

func TestReader_SetBase(t *testing.T) {
	r := turtle.NewReader(strings.NewReader(""), "", false)
	if err := r.SetBase("relative/path"); !errors.Is(err, turtle.ErrBaseIRI) {
		t.Errorf("SetBase(relative) = %v, want ErrBaseIRI", err)
	}
	// RDF forbids spaces in IRIs; relative IRIs resolved against this
	// base would have one.
	if err := r.SetBase("http://a/b c/"); !errors.Is(err, turtle.ErrBaseIRI) {
		t.Errorf("SetBase(with a space) = %v, want ErrBaseIRI", err)
	}
	if err := r.SetBase("http://a/"); err != nil {
		t.Errorf("SetBase(absolute) = %v", err)
	}
	if _, err := r.Read(); err != io.EOF {
		t.Fatalf("Read = %v, want io.EOF", err)
	}
	if err := r.SetBase("http://b/"); err == nil {
		t.Error("SetBase after Read succeeded, want an error")
	}
}
