package rdf_test

import (
	"bytes"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf"
)

const ex = "http://example.org/"

var prefixes = []rdf.Prefix{
	{Name: "ex", IRI: ex},
	{Name: "xsd", IRI: "http://www.w3.org/2001/XMLSchema#"},
	{Name: "rdfs", IRI: "http://www.w3.org/2000/01/rdf-schema#"},
}

// hardQuads are what every writer must carry through its reader: blank
// nodes, named graphs (the default one too), every kind of literal, and
// the characters each syntax escapes. xmlSafe is false for those XML 1.0
// cannot hold, which the RDF/XML writer refuses.
func hardQuads() (all []graph.Quad, xmlUnsafe map[int]bool) {
	s, p := graph.IRI(ex+"s"), graph.IRI(ex+"p")
	g := graph.IRI(ex + "graph/1")
	b0, b1 := graph.Blank("b0"), graph.Blank("n1.x")
	all = []graph.Quad{
		{S: s, P: graph.IRI(graph.RDFType), O: graph.IRI(ex + "Class")},
		{S: s, P: graph.IRI(graph.RDFType), O: b0},
		{S: s, P: p, O: graph.String("plain")},
		{S: s, P: p, O: graph.String("")},
		{S: s, P: p, O: graph.String("quote \" backslash \\ lt < gt > amp & apos ' nl \n cr \r crlf \r\n tab \t caf\u00e9 \U0001F600 \u2028")},
		{S: s, P: p, O: graph.String("  leading and trailing space  ")},
		{S: s, P: p, O: graph.LangLiteral("bonjour", "fr")},
		{S: s, P: p, O: graph.LangLiteral("colour", "en-GB")},
		{S: s, P: p, O: graph.Literal("042", "http://www.w3.org/2001/XMLSchema#integer")},
		{S: s, P: p, O: graph.Literal("1.50", "http://www.w3.org/2001/XMLSchema#decimal")},
		{S: s, P: p, O: graph.Literal("x y", ex+"dt?a=1&b=2#f")},
		{S: s, P: graph.IRI(ex + "p2"), O: graph.IRI(ex + "caf\u00e9?q=1&r=2#frag")},
		{S: b0, P: graph.IRI(ex + "rel"), O: b1},
		{S: b1, P: graph.IRI("http://www.w3.org/2000/01/rdf-schema#label"), O: graph.String("a blank node")},
		{S: graph.IRI("urn:isbn:0451450523"), P: graph.IRI(ex + "ns/other#name"), O: graph.String("urn subject")},
		{S: s, P: p, O: graph.String("in a graph"), G: g},
		{S: b0, P: p, O: s, G: g},
		{S: s, P: p, O: graph.String("in a blank graph"), G: graph.Blank("g2")},
		{S: g, P: graph.IRI("http://purl.org/dc/terms/source"), O: graph.String("provenance of the graph, in the default graph")},
		{S: s, P: p, O: graph.String("nul \x00 bel \a bs \b vt \v ff \f esc \x1b del \x7f")},
	}
	return all, map[int]bool{len(all) - 1: true}
}

// triples drops graph names and duplicates.
func triples(qs []graph.Quad) []graph.Quad {
	var out []graph.Quad
	for _, q := range qs {
		q.G = graph.Term{}
		if !slices.Contains(out, q) {
			out = append(out, q)
		}
	}
	return out
}

// foldLang lower-cases language tags, which RDF compares without case.
func foldLang(qs []graph.Quad) []graph.Quad {
	out := slices.Clone(qs)
	for i := range out {
		out[i].O.Lang = strings.ToLower(out[i].O.Lang)
	}
	return out
}

func TestFormats_RoundTrip(t *testing.T) {
	all, xmlUnsafe := hardQuads()
	for _, f := range rdf.Formats() {
		{
			t.Run(f.Name, func(t *testing.T) {
				var in []graph.Quad
				for i, q := range all {
					if f.Name == "rdfxml" && xmlUnsafe[i] {
						continue
					}
					in = append(in, q)
				}
				if !f.Quads {
					in = triples(in)
				}
				var buf bytes.Buffer
				w := f.NewWriter(&buf, rdf.WriterOptions{Prefixes: prefixes})
				for _, q := range in {
					if err := w.Write(q); err != nil {
						t.Fatalf("Write(%v): %v", q, err)
					}
				}
				if err := w.Flush(); err != nil {
					t.Fatal(err)
				}
				r, err := f.NewReader(bytes.NewReader(buf.Bytes()), "roundtrip."+f.Extension(), rdf.ReaderOptions{})
				if err != nil {
					t.Fatal(err)
				}
				out, err := rdftest.ReadAll(r)
				if err != nil {
					t.Fatalf("the %s reader refuses the %s writer's output: %v\n%s", f.Title, f.Title, err, buf.String())
				}
				if !graphtest.Isomorphic(foldLang(in), foldLang(out)) {
					t.Errorf("round trip through %s changed the graph:\n in  %s\n out %s\ndocument:\n%s", f.Title,
						rdftest.NQuadsLines(t, in), rdftest.NQuadsLines(t, out), buf.String())
				}
			})
		}
	}
}

// TestFormats_WritersRefuse checks every writer refuses, with an error
// wrapping graph.ErrInvalidQuad, what no RDF syntax can say, writes
// nothing of it, and goes on.
func TestFormats_WritersRefuse(t *testing.T) {
	s, p, o := graph.IRI(ex+"s"), graph.IRI(ex+"p"), graph.IRI(ex+"o")
	bad := map[string]graph.Quad{
		"RelativeSubject":  {S: graph.IRI("s"), P: p, O: o},
		"SpaceInIRI":       {S: graph.IRI(ex + "a b"), P: p, O: o},
		"NulInIRI":         {S: s, P: p, O: graph.IRI(ex + "a\x00")},
		"BracketInIRI":     {S: s, P: graph.IRI(ex + "<p>"), O: o},
		"QuoteInDatatype":  {S: s, P: p, O: graph.Literal("1", ex+"\"dt")},
		"BraceInGraph":     {S: s, P: p, O: o, G: graph.IRI(ex + "{g}")},
		"BadLabel":         {S: graph.Blank("a b"), P: p, O: o},
		"BadLang":          {S: s, P: p, O: graph.LangLiteral("x", "en_GB")},
		"BadUTF8":          {S: s, P: p, O: graph.String("a\xff")},
		"LiteralSubject":   {S: graph.String("s"), P: p, O: o},
		"BackslashInIRI":   {S: s, P: p, O: graph.IRI(ex + "a\\b")},
		"PipeCaretBacktic": {S: graph.IRI(ex + "a|b^c`d"), P: p, O: o},
	}
	for _, f := range rdf.Formats() {
		for name, q := range bad {
			if name == "BraceInGraph" && !f.Quads {
				continue
			}
			t.Run(f.Name+"/"+name, func(t *testing.T) {
				var buf bytes.Buffer
				w := f.NewWriter(&buf, rdf.WriterOptions{Prefixes: prefixes})
				if err := w.Write(q); !errors.Is(err, graph.ErrInvalidQuad) {
					t.Fatalf("Write(%#v) = %v, want an error wrapping graph.ErrInvalidQuad", q, err)
				}
				if err := w.Write(graph.Quad{S: s, P: p, O: o}); err != nil {
					t.Fatalf("Write after a refused quad: %v", err)
				}
				if err := w.Flush(); err != nil {
					t.Fatal(err)
				}
				r, err := f.NewReader(bytes.NewReader(buf.Bytes()), "out", rdf.ReaderOptions{})
				if err != nil {
					t.Fatal(err)
				}
				out, err := rdftest.ReadAll(r)
				if err != nil || len(out) != 1 {
					t.Errorf("after a refused quad the output reads as %v, %v; want the one good quad:\n%s", out, err, buf.String())
				}
			})
		}
	}
}

// TestRDFXML_RefusesXMLChars checks the RDF/XML writer refuses, by name,
// the characters XML 1.0 cannot hold.
func TestRDFXML_RefusesXMLChars(t *testing.T) {
	f, _ := rdf.Lookup("rdfxml")
	for _, c := range []string{"\x00", "\a", "\b", "\v", "\f", "\x1b", "\uFFFE", "\uFFFF"} {
		w := f.NewWriter(&bytes.Buffer{}, rdf.WriterOptions{})
		err := w.Write(graph.Quad{S: graph.IRI(ex + "s"), P: graph.IRI(ex + "p"), O: graph.String("a" + c)})
		if !errors.Is(err, graph.ErrInvalidQuad) || !strings.Contains(err.Error(), "XML 1.0 cannot hold") {
			t.Errorf("literal with %U: %v, want a refusal naming XML 1.0", []rune(c)[0], err)
		}
	}
	w := f.NewWriter(&bytes.Buffer{}, rdf.WriterOptions{})
	for _, p := range []string{ex + "p/", "urn:x:1", graph.RDFType[:len(graph.RDFType)-4] + "li"} {
		if err := w.Write(graph.Quad{S: graph.IRI(ex + "s"), P: graph.IRI(p), O: graph.String("x")}); !errors.Is(err, graph.ErrInvalidQuad) {
			t.Errorf("predicate %s: %v, want a refusal", p, err)
		}
	}
}

// TestReaders_RefuseForbiddenIRIs checks that the reader of every syntax
// refuses an IRI with a character RDF forbids, and says where.
func TestReaders_RefuseForbiddenIRIs(t *testing.T) {
	docs := map[string]string{
		"nt":     "<http://ex/s> <http://ex/p> <http://ex/o> .\n<http://ex/a b> <http://ex/p> <http://ex/o> .\n",
		"nq":     "<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g> .\n<http://ex/s> <http://ex/p> <http://ex/o> <http://ex/g{x}> .\n",
		"ttl":    "@prefix ex: <http://ex/> .\nex:s ex:p <http://ex/a|b> .\n",
		"trig":   "@prefix ex: <http://ex/> .\nex:g { ex:s ex:p <http://ex/a^b> . }\n",
		"rdfxml": "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://ex/\">\n  <rdf:Description rdf:about=\"http://ex/a b\"><ex:p>x</ex:p></rdf:Description>\n</rdf:RDF>\n",
		"jsonld": "{\n  \"@id\": \"http://ex/s\",\n  \"http://ex/p\": {\"@id\": \"http://ex/a b\"}\n}\n",
	}
	where := regexp.MustCompile(`:\d+:\d+: `)
	for _, f := range rdf.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			r, err := f.NewReader(strings.NewReader(docs[f.Name]), "doc."+f.Extension(), rdf.ReaderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			_, err = rdftest.ReadAll(r)
			if err == nil {
				t.Fatalf("%s reader accepts an IRI with a forbidden character", f.Title)
			}
			if !where.MatchString(err.Error()) {
				t.Errorf("%s reader's error does not say line and column: %v", f.Title, err)
			}
		})
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"nt", "nt"}, {"N-Triples", "nt"}, {"nquads", "nq"}, {"Turtle", "ttl"}, {"TRIG", "trig"},
		{"rdf/xml", "rdfxml"}, {"owl", "rdfxml"}, {"json-ld", "jsonld"},
	} {
		if f, ok := rdf.Lookup(tc.name); !ok || f.Name != tc.want {
			t.Errorf("Lookup(%q) = %q, %v, want %q", tc.name, f.Name, ok, tc.want)
		}
	}
	if _, ok := rdf.Lookup("csv"); ok {
		t.Error("Lookup(csv) found a format")
	}
	for path, want := range map[string]string{"a.NT": "nt", "x/y.nq": "nq", "o.owl": "rdfxml", "d.jsonld": "jsonld", "s.trig": "trig"} {
		if f, ok := rdf.ByExtension(path); !ok || f.Name != want {
			t.Errorf("ByExtension(%q) = %q, %v, want %q", path, f.Name, ok, want)
		}
	}
	for _, path := range []string{"noext", "a.json", "a.csv"} {
		if f, ok := rdf.ByExtension(path); ok {
			t.Errorf("ByExtension(%q) = %q", path, f.Name)
		}
	}
	for mt, want := range map[string]string{"text/turtle; charset=utf-8": "ttl", "application/n-quads": "nq", "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml"} {
		if f, ok := rdf.ByMediaType(mt); !ok || f.Name != want {
			t.Errorf("ByMediaType(%q) = %q, %v, want %q", mt, f.Name, ok, want)
		}
	}
	if got := strings.Join(rdf.Names(), " "); got != "nt nq ttl trig rdfxml jsonld" {
		t.Errorf("Names() = %q", got)
	}
	for _, f := range rdf.Formats() {
		if f.NewReader == nil || f.NewWriter == nil || len(f.MediaTypes) == 0 || len(f.Extensions) == 0 {
			t.Errorf("format %s lacks a reader, writer, media type or extension", f.Name)
		}
	}
}

func TestNegotiate(t *testing.T) {
	offers := rdf.Formats()
	for _, tc := range []struct {
		accept, want string
	}{
		{"", "nt"},
		{"*/*", "nt"},
		{"text/turtle", "ttl"},
		{"application/ld+json;q=0.9, text/turtle;q=0.5", "jsonld"},
		{"text/html, application/rdf+xml;q=0.8, */*;q=0.1", "rdfxml"},
		{"*/*, text/turtle", "ttl"},
		{"text/*", "ttl"},
		{"application/n-quads;q=0, application/*;q=0.5", "nt"},
		{"TEXT/TURTLE", "ttl"},
		{"text/turtle;q=abc, application/trig", "trig"}, // a bad q drops its element
		{"garbage", "nt"},                               // nothing readable: no preference
		{"text/html", ""},
		{"*/*;q=0", ""},
		{"*/*, application/n-triples;q=0", "nq"},
	} {
		f, ok := rdf.Negotiate(tc.accept, offers)
		if got := map[bool]string{true: f.Name}[ok]; got != tc.want {
			t.Errorf("Negotiate(%q) = %q, want %q", tc.accept, got, tc.want)
		}
	}
}

// TestNegotiateType offers a page beside RDF syntaxes, as /id does.
func TestNegotiateType(t *testing.T) {
	offered := []string{"text/html", "text/turtle", "application/n-triples"}
	tests := []struct {
		accept string
		want   string // "" for none acceptable
	}{
		{"", "text/html"},
		{"*/*", "text/html"},
		{"text/turtle", "text/turtle"},
		{"text/turtle;q=0.5, application/n-triples", "application/n-triples"},
		{"application/*", "application/n-triples"},
		{"text/*;q=0.3, application/n-triples;q=0.2", "text/html"},
		{"text/html;q=0, text/*", "text/turtle"},
		{"*/*;q=0.1, text/turtle;q=0", "text/html"},
		{"application/json", ""},
		{"text/turtle;q=0", ""},
		{"TEXT/Turtle", "text/turtle"},
		{"text/turtle; charset=utf-8; q=0.9, text/html; q=0.8", "text/turtle"},
		{"garbage", "text/html"},                                                         // nothing readable: no preference
		{"*/turtle", "text/html"},                                                        // not a media range: no preference
		{"text/turtle;q=2, application/json", ""},                                        // a bad q drops its element
		{"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "text/html"}, // a browser
	}
	for _, tc := range tests {
		got, ok := rdf.NegotiateType(tc.accept, offered)
		if !ok {
			got = ""
		}
		if got != tc.want {
			t.Errorf("NegotiateType(%q) = %q, want %q", tc.accept, got, tc.want)
		}
	}
}
