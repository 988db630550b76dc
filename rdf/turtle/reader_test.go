package turtle_test

import (
	"io"
	"reflect"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/turtle"
)

// readFrom reads r to the end and returns the quads read before the first
// error, and that error (nil at a clean end).
func readFrom(r *turtle.Reader) ([]graph.Quad, error) {
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

// readAll parses in as Turtle, or TriG, with base as the base IRI when it
// is not "".
func readAll(tb testing.TB, in string, base string, trig bool) ([]graph.Quad, error) {
	tb.Helper()
	r := turtle.NewReader(strings.NewReader(in), "test", trig)
	if base != "" {
		if err := r.SetBase(base); err != nil {
			tb.Fatal(err)
		}
	}
	return readFrom(r)
}

const (
	ex     = "http://a/"
	rdf    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	xsd    = "http://www.w3.org/2001/XMLSchema#"
	prefix = "@prefix : <http://a/> .\n"
)

func iri(s string) graph.Term { return graph.IRI(ex + s) }

// spo returns a triple in the default graph.
func spo(s, p, o graph.Term) graph.Quad { return graph.Quad{S: s, P: p, O: o} }

func TestReader_Read(t *testing.T) {
	s, p, o := iri("s"), iri("p"), iri("o")
	b := graph.Blank
	typed := func(lex, dt string) graph.Term { return graph.Literal(lex, xsd+dt) }
	first, rest, nilList := graph.IRI(rdf+"first"), graph.IRI(rdf+"rest"), graph.IRI(rdf+"nil")
	tests := []struct {
		name string
		in   string
		base string
		want []graph.Quad
	}{
		{"Empty", "", "", nil},
		{"OnlyComments", "# a\n\n   # b\r\n\t\n#c", "", nil},
		{"IRIs", "<http://a/s> <http://a/p> <http://a/o> .", "", []graph.Quad{spo(s, p, o)}},
		{"NoSpace", "<http://a/s><http://a/p><http://a/o>.", "", []graph.Quad{spo(s, p, o)}},
		{"PrefixedNames", prefix + ":s :p :o .", "", []graph.Quad{spo(s, p, o)}},
		{"SPARQLPrefix", "PrEfIx x: <http://a/>\nx:s x:p x:o .", "", []graph.Quad{spo(s, p, o)}},
		{"PrefixOnly", prefix + ": : : .", "", []graph.Quad{spo(iri(""), iri(""), iri(""))}},
		{"PrefixRedefined", prefix + "@prefix : <http://b/> .\n:s :p :o .", "",
			[]graph.Quad{spo(graph.IRI("http://b/s"), graph.IRI("http://b/p"), graph.IRI("http://b/o"))}},
		{"LocalEscapes", prefix + `:s :p :a\~b\.c%20d\-\!\#\/ .`, "", []graph.Quad{spo(s, p, iri("a~b.c%20d-!#/"))}},
		{"LocalDotsAndColons", prefix + ":s :p :a.b:c.:d.", "", []graph.Quad{spo(s, p, iri("a.b:c.:d"))}},
		{"LocalLeadingDigit", prefix + ":s :p :0a .", "", []graph.Quad{spo(s, p, iri("0a"))}},
		{"LocalNonASCII", prefix + ":s :p :\u00e9t\u00e9\u00b7 .", "", []graph.Quad{spo(s, p, iri("\u00e9t\u00e9\u00b7"))}},
		{"PrefixWithDot", "@prefix a.b: <http://a/> . a.b:s a.b:p a.b:o .", "", []graph.Quad{spo(s, p, o)}},
		{"KeywordA", prefix + ":s a :C .", "", []graph.Quad{spo(s, graph.IRI(graph.RDFType), iri("C"))}},
		{"KeywordsAsPrefixes", "@prefix a: <http://a/> . @prefix true: <http://a/> . a:s true:p a:o .", "", []graph.Quad{spo(s, p, o)}},
		{"Lists", prefix + ":s :p :o , :o2 ; :q :o ;; ; .", "",
			[]graph.Quad{spo(s, p, o), spo(s, p, iri("o2")), spo(s, iri("q"), o)}},
		{"BlankLabels", prefix + "_:x :p _:y1.z .", "", []graph.Quad{spo(b("x"), p, b("y1.z"))}},
		{"Anon", prefix + "[] :p [ ] .", "", []graph.Quad{spo(b("_g1"), p, b("_g2"))}},
		{"PropertyListObject", prefix + ":s :p [ :q :o ; :r [ :q 1 ] ] .", "", []graph.Quad{
			spo(b("_g1"), iri("q"), o),
			spo(b("_g2"), iri("q"), typed("1", "integer")),
			spo(b("_g1"), iri("r"), b("_g2")),
			spo(s, p, b("_g1")),
		}},
		{"PropertyListSubjectAlone", prefix + "[ :p :o ] .", "", []graph.Quad{spo(b("_g1"), p, o)}},
		{"PropertyListSubject", prefix + "[ :p :o ] :q :o2 .", "", []graph.Quad{spo(b("_g1"), p, o), spo(b("_g1"), iri("q"), iri("o2"))}},
		{"EmptyCollection", prefix + ":s :p () .", "", []graph.Quad{spo(s, p, nilList)}},
		{"Collection", prefix + ":s :p ( :a ( ) \"x\" ) .", "", []graph.Quad{
			spo(b("_g1"), first, iri("a")),
			spo(b("_g1"), rest, b("_g2")),
			spo(b("_g2"), first, nilList),
			spo(b("_g2"), rest, b("_g3")),
			spo(b("_g3"), first, graph.String("x")),
			spo(b("_g3"), rest, nilList),
			spo(s, p, b("_g1")),
		}},
		{"CollectionSubject", prefix + "( :a ) :p :o .", "", []graph.Quad{
			spo(b("_g1"), first, iri("a")),
			spo(b("_g1"), rest, nilList),
			spo(b("_g1"), p, o),
		}},
		{"NestedCollection", prefix + ":s :p ((:a)) .", "", []graph.Quad{
			spo(b("_g1"), first, iri("a")),
			spo(b("_g1"), rest, nilList),
			spo(b("_g2"), first, b("_g1")),
			spo(b("_g2"), rest, nilList),
			spo(s, p, b("_g2")),
		}},
		{"UserLabelLikeGenerated", prefix + "_:_g1 :p [] . _:_gx :p _:g1 .", "", []graph.Quad{
			spo(b("_g__g1"), p, b("_g1")),
			spo(b("_g__gx"), p, b("g1")),
		}},
		{"Strings", prefix + `:s :p "a'b", 'a"b', """a"b""c
d""", '''a'b''c
d''', "", '', """""", '''''' .`, "", []graph.Quad{
			spo(s, p, graph.String(`a'b`)), spo(s, p, graph.String(`a"b`)),
			spo(s, p, graph.String("a\"b\"\"c\nd")), spo(s, p, graph.String("a'b''c\nd")),
			spo(s, p, graph.String("")), spo(s, p, graph.String("")),
			spo(s, p, graph.String("")), spo(s, p, graph.String("")),
		}},
		{"LongStringQuotesBeforeEnd", prefix + `:s :p """a""""" .`, "", nil},
		{"Escapes", prefix + `:s :p "\t\b\n\r\f\"\'\\\u00e9\U0001F600" .`, "",
			[]graph.Quad{spo(s, p, graph.String("\t\b\n\r\f\"'\\\u00e9\U0001F600"))}},
		{"LangTags", prefix + `:s :p "x"@en, "y"@en-GB-oed, "z" @de .`, "", []graph.Quad{
			spo(s, p, graph.LangLiteral("x", "en")), spo(s, p, graph.LangLiteral("y", "en-GB-oed")),
			spo(s, p, graph.LangLiteral("z", "de")),
		}},
		{"Datatypes", prefix + `@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
:s :p "1"^^xsd:integer, "2"^^<http://a/dt>, "3" ^^ :dt, "4"^^xsd:string .`, "", []graph.Quad{
			spo(s, p, typed("1", "integer")), spo(s, p, graph.Literal("2", ex+"dt")),
			spo(s, p, graph.Literal("3", ex+"dt")), spo(s, p, graph.String("4")),
		}},
		{"Numbers", prefix + ":s :p 1, +2, -3, 4.5, -.5, +6.0, 7e1, 8.E-2, .9e+3, -0 .", "", []graph.Quad{
			spo(s, p, typed("1", "integer")), spo(s, p, typed("+2", "integer")),
			spo(s, p, typed("-3", "integer")), spo(s, p, typed("4.5", "decimal")),
			spo(s, p, typed("-.5", "decimal")), spo(s, p, typed("+6.0", "decimal")),
			spo(s, p, typed("7e1", "double")), spo(s, p, typed("8.E-2", "double")),
			spo(s, p, typed(".9e+3", "double")), spo(s, p, typed("-0", "integer")),
		}},
		{"NumberBeforeDot", prefix + ":s :p 1.\n:s :p 2.5.", "", []graph.Quad{
			spo(s, p, typed("1", "integer")), spo(s, p, typed("2.5", "decimal")),
		}},
		{"Booleans", prefix + ":s :p true, false .", "", []graph.Quad{
			spo(s, p, typed("true", "boolean")), spo(s, p, typed("false", "boolean")),
		}},
		{"BaseFromCaller", "<s> <#p> <../o> .", "http://a/x/y", []graph.Quad{
			spo(graph.IRI("http://a/x/s"), graph.IRI("http://a/x/y#p"), o),
		}},
		{"BaseDirectives", "@base <http://a/x/> . <s> <p> <o> . BASE <../y/> <s> <p> <o> .", "", []graph.Quad{
			spo(graph.IRI("http://a/x/s"), graph.IRI("http://a/x/p"), graph.IRI("http://a/x/o")),
			spo(graph.IRI("http://a/y/s"), graph.IRI("http://a/y/p"), graph.IRI("http://a/y/o")),
		}},
		{"RelativePrefix", "@base <http://a/x/> . @prefix : <../> . :s :p :o .", "", []graph.Quad{spo(s, p, o)}},
		{"IRIEscapes", `<http://a/\u0073> <http://a/\U00000070> <http://a/caf\u00E9> .`, "",
			[]graph.Quad{spo(s, p, iri("caf\u00e9"))}},
		{"LineEnds", prefix + ":s :p :o .\r:s :p :o2 .\r\n:s :p :o3 .\n", "", []graph.Quad{
			spo(s, p, o), spo(s, p, iri("o2")), spo(s, p, iri("o3")),
		}},
		{"ByteOrderMark", "\ufeff" + prefix + ":s :p :o .", "", []graph.Quad{spo(s, p, o)}},
		{"CommentsEverywhere", prefix + ":s#c\n:p#c\n:o#c\n,#c\n\"x\"#c\n@en#c\n.#c", "", []graph.Quad{
			spo(s, p, o), spo(s, p, graph.LangLiteral("x", "en")),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readAll(t, tc.in, tc.base, false)
			if tc.want == nil && tc.name == "LongStringQuotesBeforeEnd" {
				// """a""""" is the string "a" followed by "", a second
				// object without a comma: an error.
				if err == nil {
					t.Fatalf("Read(%q) = %v, want an error", tc.in, got)
				}
				return
			}
			if err != nil {
				t.Fatalf("Read(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Read(%q) =\n%s\nwant\n%s", tc.in, nqOrdered(got), nqOrdered(tc.want))
			}
		})
	}
}

// nqOrdered formats quads as N-Quads lines in their order.
func nqOrdered(qs []graph.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}
