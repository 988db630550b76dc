package rdfxml_test

import (
	"civicgraph/internal/rdftest"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/rdfxml"
)

const head = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/">`

func parseNQuads(tb testing.TB, s string) []graph.Quad {
	tb.Helper()
	qs, err := rdftest.ReadAll(nquads.NewReader(strings.NewReader(s), "want", true))
	if err != nil {
		tb.Fatalf("bad expected N-Quads: %v", err)
	}
	return qs
}

func TestReader_Read(t *testing.T) {
	tests := []struct {
		name string
		base string
		in   string
		want string // N-Triples, compared as a set up to blank node labels
	}{
		{
			name: "NoRDFRoot",
			in:   `<ex:T xmlns:ex="http://ex/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="http://ex/s" ex:p="v"/>`,
			want: "<http://ex/s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/T> .\n<http://ex/s> <http://ex/p> \"v\" .\n",
		},
		{
			name: "EntitiesAndBase",
			in: `<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY ex "http://ex/"> <!ENTITY % p "x">]>` + head +
				`<rdf:Description rdf:about="&ex;s" xml:base="http://ex/dir/doc#frag"><ex:p rdf:resource="../o"/><ex:q rdf:resource=""/></rdf:Description></rdf:RDF>`,
			want: "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/s> <http://ex/q> <http://ex/dir/doc> .\n",
		},
		{
			name: "Latin1",
			in:   "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + head + "<rdf:Description rdf:about=\"http://ex/s\"><ex:p>caf\xe9</ex:p></rdf:Description></rdf:RDF>",
			want: "<http://ex/s> <http://ex/p> \"caf\u00e9\" .\n",
		},
		{
			name: "NodeIDsAndGenerated",
			in:   head + `<rdf:Description rdf:nodeID="g1"><ex:p><rdf:Description/></ex:p><ex:q rdf:nodeID="g1"/><ex:r rdf:nodeID="a.b"/></rdf:Description></rdf:RDF>`,
			want: "_:a <http://ex/p> _:b .\n_:a <http://ex/q> _:a .\n_:a <http://ex/r> _:c .\n",
		},
		{
			name: "XMLLiteralNamespaces",
			in: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/" xmlns:h="http://h/">` +
				`<rdf:Description rdf:about="http://ex/s"><ex:p rdf:parseType="Literal"><h:a z="1" h:b="2" a="&lt;&quot;"><h:c/>x&gt;<!--c--></h:a></ex:p></rdf:Description></rdf:RDF>`,
			want: `<http://ex/s> <http://ex/p> "<h:a xmlns:h=\"http://h/\" a=\"&lt;&quot;\" z=\"1\" h:b=\"2\"><h:c></h:c>x&gt;<!--c--></h:a>"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#XMLLiteral> .` + "\n",
		},
		{
			name: "LanguageScope",
			in:   head + `<rdf:Description rdf:about="http://ex/s" xml:lang="en" ex:a="x"><ex:p>y</ex:p><ex:q xml:lang="">z</ex:q><ex:r rdf:datatype="http://ex/dt">w</ex:r></rdf:Description></rdf:RDF>`,
			want: "<http://ex/s> <http://ex/a> \"x\"@en .\n<http://ex/s> <http://ex/p> \"y\"@en .\n<http://ex/s> <http://ex/q> \"z\" .\n<http://ex/s> <http://ex/r> \"w\"^^<http://ex/dt> .\n",
		},
		{
			name: "EmptyPropertyWithAttributes",
			base: "http://ex/doc",
			in:   head + `<rdf:Description rdf:about="s"><ex:p ex:q="v" rdf:type="T"/><ex:e/></rdf:Description></rdf:RDF>`,
			want: "<http://ex/s> <http://ex/p> _:b .\n_:b <http://ex/q> \"v\" .\n_:b <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/T> .\n<http://ex/s> <http://ex/e> \"\" .\n",
		},
		{
			name: "EmptyDocument",
			in:   head + `</rdf:RDF>`,
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rdfxml.NewReader(strings.NewReader(tc.in), tc.name+".rdf")
			if tc.base != "" {
				r.SetBase(tc.base)
			}
			got, err := rdftest.ReadAll(r)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			want := parseNQuads(t, tc.want)
			if !graphtest.Isomorphic(got, want) {
				t.Errorf("Read(%s) =\n%s\nwant\n%s", tc.name, lines(got), lines(want))
			}
			if r.BytesRead() != int64(len(tc.in)) && !strings.Contains(tc.in, "ISO-8859-1") {
				t.Errorf("BytesRead() = %d, want %d", r.BytesRead(), len(tc.in))
			}
		})
	}
}

func TestReader_Errors(t *testing.T) {
	tests := []struct {
		name     string
		base     string
		in       string
		wantLine int
		wantPath string
		expected string // in ParseError.Expected
	}{
		{name: "Empty", in: "", wantLine: 1, expected: "a root element"},
		{name: "NotXML", in: "<x y></x>", wantLine: 1, expected: "well-formed XML"},
		{name: "TextOutsideRoot", in: "{}", wantLine: 1, expected: "only white space outside the root element"},
		{name: "RelativeNamespace", in: `<rdf:0 xmlns:rdf="0"/>`, expected: "absolute IRI"},
		{name: "Unclosed", in: head + "\n<rdf:Description>", wantLine: 2, wantPath: "/rdf:RDF/rdf:Description", expected: "</rdf:Description>"},
		{name: "Mismatched", in: head + "</ex:x>", expected: "</rdf:RDF>"},
		{name: "SecondRoot", in: head + "</rdf:RDF><rdf:RDF/>", expected: "end of input after the root element"},
		{name: "TextBetweenNodes", in: head + "hello</rdf:RDF>", wantPath: "/rdf:RDF", expected: "only white space"},
		{name: "UndeclaredPrefix", in: head + "<foo:T/></rdf:RDF>", expected: "a declared namespace prefix"},
		{name: "NoNamespace", in: head + "<T/></rdf:RDF>", expected: "a name in a namespace"},
		{name: "RelativeWithoutBase", in: head + `<ex:T rdf:about="x"/></rdf:RDF>`, expected: "an absolute IRI"},
		{name: "BadLang", in: head + `<ex:T xml:lang="en US"/></rdf:RDF>`, expected: "a language tag"},
		{name: "TwoObjects", in: head + `<ex:T><ex:p><ex:A/><ex:B/></ex:p></ex:T></rdf:RDF>`, expected: "only one node element"},
		{name: "TextAndNode", in: head + `<ex:T><ex:p>x<ex:A/></ex:p></ex:T></rdf:RDF>`, expected: "either text or a node element"},
		{name: "ResourceAndText", in: head + `<ex:T><ex:p rdf:resource="http://ex/o">x</ex:p></ex:T></rdf:RDF>`, expected: "no text"},
		{name: "DatatypeAndResource", in: head + `<ex:T><ex:p rdf:resource="http://ex/o" rdf:datatype="http://ex/d"/></ex:T></rdf:RDF>`, expected: "no rdf:datatype"},
		{name: "AboutOnProperty", in: head + `<ex:T><ex:p rdf:about="http://ex/o"/></ex:T></rdf:RDF>`, expected: "not rdf:about"},
		{name: "DuplicateID", base: "http://ex/", in: head + `<ex:T rdf:ID="a"/><ex:T rdf:ID="a"/></rdf:RDF>`, expected: "not used before"},
		{name: "Directive", in: head + `<!DOCTYPE x></rdf:RDF>`, expected: "no declaration"},
		// RDF forbids these characters in IRIs (issue 11).
		{name: "SpaceInAbout", in: head + "\n" + `<ex:T rdf:about="http://ex/a b"/></rdf:RDF>`, wantLine: 2, expected: "an IRI without spaces"},
		{name: "SpaceInRelativeResource", base: "http://ex/", in: head + `<ex:T><ex:p rdf:resource="a b"/></ex:T></rdf:RDF>`, expected: "an IRI without spaces"},
		{name: "BraceInDatatype", in: head + `<ex:T><ex:p rdf:datatype="http://ex/{d}">1</ex:p></ex:T></rdf:RDF>`, expected: "an IRI without spaces"},
		{name: "ControlInType", in: head + `<ex:T rdf:type="http://ex/&#x9;"/></rdf:RDF>`, expected: "an IRI without spaces"},
		{name: "LessThanInBase", in: head + `<ex:T xml:base="http://ex/&lt;/" rdf:about="x"/></rdf:RDF>`, expected: "an IRI without spaces"},
		{name: "SpaceInNamespace", in: `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/a b#"><ex:T/></rdf:RDF>`, expected: "a namespace name that is an IRI without spaces"},
		{name: "OtherCharset", in: `<?xml version="1.0" encoding="EBCDIC"?><x/>`, expected: "well-formed XML in UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := rdfxml.NewReader(strings.NewReader(tc.in), "bad.rdf")
			if tc.base != "" {
				r.SetBase(tc.base)
			}
			_, err := rdftest.ReadAll(r)
			var pe *rdfxml.ParseError
			if !errors.As(err, &pe) || !errors.Is(err, rdfxml.ErrSyntax) {
				t.Fatalf("Read(%q) error = %v, want a *ParseError", tc.in, err)
			}
			if _, again := r.Read(); again != err {
				t.Errorf("second Read error = %v, want the same error %v", again, err)
			}
			if pe.File != "bad.rdf" || !strings.Contains(pe.Expected, tc.expected) {
				t.Errorf("ParseError %#v: want File bad.rdf and Expected containing %q", pe, tc.expected)
			}
			if tc.wantLine != 0 && (pe.Line != tc.wantLine || r.Line() != tc.wantLine) {
				t.Errorf("ParseError.Line = %d, Line() = %d, want %d", pe.Line, r.Line(), tc.wantLine)
			}
			if tc.wantPath != "" && pe.Path != tc.wantPath {
				t.Errorf("ParseError.Path = %q, want %q", pe.Path, tc.wantPath)
			}
		})
	}
}

func TestReader_SetBase(t *testing.T) {
	r := rdfxml.NewReader(strings.NewReader(head+"</rdf:RDF>"), "x.rdf")
	r.SetBase("relative/")
	if _, err := r.Read(); !errors.Is(err, rdfxml.ErrBaseIRI) {
		t.Fatalf("Read error = %v, want ErrBaseIRI", err)
	}
	r = rdfxml.NewReader(strings.NewReader(head+"</rdf:RDF>"), "x.rdf")
	r.SetBase("http://ex/a b/")
	if _, err := r.Read(); !errors.Is(err, rdfxml.ErrBaseIRI) {
		t.Fatalf("Read with a base with a space: error = %v, want ErrBaseIRI", err)
	}
}

func TestReader_IOError(t *testing.T) {
	boom := errors.New("boom")
	r := rdfxml.NewReader(io.MultiReader(strings.NewReader(head), iotest.ErrReader(boom)), "x.rdf")
	_, err := r.Read()
	if !errors.Is(err, boom) || errors.Is(err, rdfxml.ErrSyntax) {
		t.Fatalf("Read error = %v, want the reader's error, not a syntax error", err)
	}
}

// TestReader_BlankScope checks that two readers of the same document give
// blank nodes that do not collide, and that a document's own nodeIDs do
// not collide with the reader's generated blank nodes.
func TestReader_BlankScope(t *testing.T) {
	doc := head + `<rdf:Description rdf:nodeID="b1"><ex:p><rdf:Description/></ex:p></rdf:Description></rdf:RDF>`
	seen := map[graph.Term]int{}
	for i := range 2 {
		qs, err := rdftest.ReadAll(rdfxml.NewReader(strings.NewReader(doc), "doc"))
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			if q.S == q.O {
				t.Errorf("nodeID b1 and a generated node got the same label: %v", q)
			}
			for _, term := range []graph.Term{q.S, q.O} {
				if j, ok := seen[term]; ok && j != i {
					t.Errorf("blank node %v appears in the output of two readers", term)
				}
				seen[term] = i
			}
		}
	}
	if len(seen) != 4 {
		t.Errorf("%d distinct blank nodes, want 4", len(seen))
	}
}

// TestReader_Testdata reads the sample documents in testdata and checks
// the statement count and that Line follows the input.
func TestReader_Testdata(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "procurement.rdf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := rdfxml.NewReader(f, "procurement.rdf")
	n, last := 0, 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if r.Line() < last {
			t.Errorf("Line() went back from %d to %d", last, r.Line())
		}
		last = r.Line()
		n++
	}
	if n != 26 {
		t.Errorf("read %d statements, want 26", n)
	}
}
