package nquads_test

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/nquads"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

const (
	exw    = "http://example.org/"
	xsdInt = "http://www.w3.org/2001/XMLSchema#integer"
)

func wiri(s string) graph.Term { return graph.IRI(exw + s) }

// goldenQuads is the input of the golden tests: every kind of term, graph
// names, and the characters that need escaping.
func goldenQuads() []graph.Quad {
	s, p := wiri("s"), wiri("p")
	return []graph.Quad{
		{S: s, P: graph.IRI(graph.RDFType), O: wiri("Class")},
		{S: s, P: p, O: graph.String("plain"), G: wiri("g1")},
		{S: s, P: p, O: graph.LangLiteral("bonjour", "fr-CA"), G: wiri("g1")},
		{S: s, P: p, O: graph.Literal("42", xsdInt), G: graph.Blank("g2")},
		{S: s, P: p, O: graph.Term{Kind: graph.KindLiteral, Value: "xsd", Datatype: graph.XSDString}},
		{S: graph.Blank("b0"), P: p, O: graph.Blank("b1.x")},
		{S: s, P: p, O: graph.String("quote \" backslash \\ newline \n return \r tab \t bell \a caf\u00e9 \U0001F600")},
		{S: graph.IRI(exw + "caf\u00e9?q=\u2603#x"), P: p, O: graph.String("nul \x00 del \x7f vt \v ff \f bs \b esc \x1b")},
		{S: s, P: p, O: graph.Literal("x", exw+"dt?q=1#frag"), G: wiri("g1")},
	}
}

func TestWriter(t *testing.T) {
	tests := []struct {
		name  string
		quads bool
	}{
		{"ntriples", false},
		{"nquads", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := nquads.NewWriter(&buf, tc.quads)
			for _, q := range goldenQuads() {
				if err := w.Write(q); err != nil {
					t.Fatalf("Write(%v): %v", q, err)
				}
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", t.Name()+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got := buf.String(); got != string(want) {
				t.Errorf("output differs from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

func TestWriter_Write_errors(t *testing.T) {
	s, p, o := wiri("s"), wiri("p"), wiri("o")
	tests := []struct {
		name string
		q    graph.Quad
	}{
		{"LiteralSubject", graph.Quad{S: graph.String("s"), P: p, O: o}},
		{"BlankPredicate", graph.Quad{S: s, P: graph.Blank("p"), O: o}},
		{"NoObject", graph.Quad{S: s, P: p}},
		{"LiteralGraph", graph.Quad{S: s, P: p, O: o, G: graph.String("g")}},
		{"RelativeSubject", graph.Quad{S: graph.IRI("s"), P: p, O: o}},
		{"RelativePredicate", graph.Quad{S: s, P: graph.IRI("/p"), O: o}},
		{"RelativeDatatype", graph.Quad{S: s, P: p, O: graph.Literal("1", "int")}},
		{"EmptyIRI", graph.Quad{S: s, P: p, O: graph.IRI("")}},
		{"BadSchemeChar", graph.Quad{S: graph.IRI("a_b:c"), P: p, O: o}},
		{"BadUTF8IRI", graph.Quad{S: graph.IRI(exw + "\xff"), P: p, O: o}},
		{"BadUTF8Literal", graph.Quad{S: s, P: p, O: graph.String("a\xc3")}},
		{"BadLang", graph.Quad{S: s, P: p, O: graph.LangLiteral("x", "en_GB")}},
		{"BadLangDash", graph.Quad{S: s, P: p, O: graph.LangLiteral("x", "en-")}},
		{"BadLangDigitStart", graph.Quad{S: s, P: p, O: graph.LangLiteral("x", "1en")}},
		{"EmptyLabel", graph.Quad{S: graph.Blank(""), P: p, O: o}},
		{"LabelSpace", graph.Quad{S: graph.Blank("a b"), P: p, O: o}},
		{"LabelColon", graph.Quad{S: s, P: p, O: graph.Blank("a:b")}},
		{"LabelDotEnd", graph.Quad{S: s, P: p, O: graph.Blank("a.")}},
		{"LabelDashStart", graph.Quad{S: s, P: p, O: graph.Blank("-a")}},
		{"LabelBadUTF8", graph.Quad{S: s, P: p, O: graph.Blank("a\xff")}},
		{"BadGraphIRI", graph.Quad{S: s, P: p, O: o, G: graph.IRI("g")}},
		{"IRISpace", graph.Quad{S: graph.IRI(exw + "a b"), P: p, O: o}},
		{"IRINul", graph.Quad{S: s, P: p, O: graph.IRI(exw + "a\x00")}},
		{"IRIBrackets", graph.Quad{S: s, P: graph.IRI(exw + "<p>"), O: o}},
		{"IRIBackslashInDatatype", graph.Quad{S: s, P: p, O: graph.Literal("1", exw+"a\\b")}},
		{"IRIQuoteInGraph", graph.Quad{S: s, P: p, O: o, G: graph.IRI(exw + "g\"")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := nquads.NewWriter(&buf, true)
			err := w.Write(tc.q)
			if !errors.Is(err, graph.ErrInvalidQuad) {
				t.Fatalf("Write(%#v) = %v, want an error wrapping graph.ErrInvalidQuad", tc.q, err)
			}
			// The writer goes on, and nothing of the refused quad was written.
			if err := w.Write(graph.Quad{S: s, P: p, O: o}); err != nil {
				t.Fatalf("Write after a refused quad: %v", err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			if got, want := buf.String(), "<"+exw+"s> <"+exw+"p> <"+exw+"o> .\n"; got != want {
				t.Errorf("output = %q, want %q", got, want)
			}
		})
	}
}

func TestWriter_validTerms(t *testing.T) {
	p := wiri("p")
	for _, tc := range []struct{ name, label string }{
		{"Digit", "0"}, {"Underscore", "_x"}, {"Dots", "a.b.c"}, {"Dash", "a-b"},
		{"Unicode", "\u00e9t\u00e9\u00b7\u0300\u203f"}, {"Astral", "\U00010000x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := nquads.NewWriter(io.Discard, false)
			if err := w.Write(graph.Quad{S: graph.Blank(tc.label), P: p, O: graph.LangLiteral("x", "EN-gb-1996")}); err != nil {
				t.Errorf("Write with label %q: %v", tc.label, err)
			}
		})
	}
}

// failWriter fails every write.
type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

func TestWriter_Flush_error(t *testing.T) {
	boom := errors.New("boom")
	w := nquads.NewWriter(failWriter{boom}, false)
	q := graph.Quad{S: wiri("s"), P: wiri("p"), O: wiri("o")}
	if err := w.Write(q); err != nil {
		t.Fatalf("Write before flushing: %v", err)
	}
	if err := w.Flush(); !errors.Is(err, boom) {
		t.Fatalf("Flush = %v, want an error wrapping %v", err, boom)
	}
	if err := w.Write(q); !errors.Is(err, boom) {
		t.Errorf("Write after a failed Flush = %v, want the same error", err)
	}
}

func TestWriter_buffering(t *testing.T) {
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf, false)
	q := graph.Quad{S: wiri("s"), P: wiri("p"), O: graph.String(strings.Repeat("x", 1000))}
	const n = 1000
	for range n {
		if err := w.Write(q); err != nil {
			t.Fatal(err)
		}
	}
	if buf.Len() == 0 {
		t.Error("nothing written before Flush: the buffer should be bounded")
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(buf.String(), "\n"); got != n {
		t.Errorf("wrote %d lines, want %d", got, n)
	}
}

func ExampleWriter() {
	w := nquads.NewWriter(os.Stdout, true)
	_ = w.Write(graph.Quad{
		S: graph.IRI("http://example.org/alice"),
		P: graph.IRI("http://xmlns.com/foaf/0.1/name"),
		O: graph.LangLiteral("Alice \"Al\" Smith", "en"),
		G: graph.IRI("http://example.org/people"),
	})
	_ = w.Write(graph.Quad{
		S: graph.IRI("http://example.org/alice"),
		P: graph.IRI("http://xmlns.com/foaf/0.1/age"),
		O: graph.Literal("42", "http://www.w3.org/2001/XMLSchema#integer"),
	})
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice \"Al\" Smith"@en <http://example.org/people> .
	// <http://example.org/alice> <http://xmlns.com/foaf/0.1/age> "42"^^<http://www.w3.org/2001/XMLSchema#integer> .
}

func BenchmarkWriter_Write(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("quads=%d", n), func(b *testing.B) {
			qs := benchQuads(n)
			b.ReportAllocs()
			var size int64
			for b.Loop() {
				cw := &countWriter{}
				w := nquads.NewWriter(cw, true)
				for _, q := range qs {
					if err := w.Write(q); err != nil {
						b.Fatal(err)
					}
				}
				if err := w.Flush(); err != nil {
					b.Fatal(err)
				}
				size = cw.n
			}
			b.SetBytes(size)
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}

// countWriter counts and drops what it is given.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// benchQuads returns n typical quads: sorted subjects, a few predicates,
// and a mix of IRIs, plain, language-tagged and typed literals.
func benchQuads(n int) []graph.Quad {
	const base = "https://data.civicgraph.example/"
	preds := []graph.Term{
		graph.IRI(graph.RDFType), graph.IRI("http://purl.org/dc/terms/title"),
		graph.IRI("http://data.europa.eu/a4g/ontology#hasEstimatedValue"), graph.IRI("http://purl.org/dc/terms/description"),
	}
	qs := make([]graph.Quad, n)
	for i := range qs {
		s := i / 4
		q := graph.Quad{S: graph.IRI(fmt.Sprintf("%sprocurement/%d", base, s)), P: preds[i%4], G: graph.IRI(base + "graph/source")}
		switch i % 4 {
		case 0:
			q.O = graph.IRI("http://data.europa.eu/a4g/ontology#Procurement")
		case 1:
			q.O = graph.LangLiteral(fmt.Sprintf("Procurement of an AI system for case triage, lot %d", s), "en")
		case 2:
			q.O = graph.Literal(fmt.Sprintf("%d.50", s*1000+17), "http://www.w3.org/2001/XMLSchema#decimal")
		case 3:
			q.O = graph.String(fmt.Sprintf("Line one\nline two with \"quotes\" and caf\u00e9 %d", s))
		}
		qs[i] = q
	}
	return qs
}
