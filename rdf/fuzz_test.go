package rdf_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf"
)

// FuzzWriters writes a quad made of the fuzzed strings in every syntax and
// reads it back: each writer either refuses it with graph.ErrInvalidQuad
// or writes what its reader reads back as the same graph.
func FuzzWriters(f *testing.F) {
	f.Add("plain", "p", "en", "s")
	f.Add("nul \x00 bel \a cr \r lt < amp & quote \" backslash \\", "a/b#c", "", "x.y")
	f.Add("\uFFFE\U0001F600", "p1", "EN-gb", "_a")
	f.Add("]]> --> <!-- &amp;", "rdf:li", "x", "b0")
	f.Fuzz(func(t *testing.T, lexical, local, lang, label string) {
		if !utf8.ValidString(lexical) || !utf8.ValidString(local) {
			return
		}
		o := graph.String(lexical)
		if lang != "" {
			o = graph.LangLiteral(lexical, lang)
		}
		qs := []graph.Quad{
			{S: graph.IRI(ex + "s"), P: graph.IRI(ex + local), O: o},
			{S: graph.Blank(label), P: graph.IRI(ex + "p"), O: graph.IRI(ex + local), G: graph.IRI(ex + "g")},
		}
		for _, format := range rdf.Formats() {
			var buf bytes.Buffer
			w := format.NewWriter(&buf, rdf.WriterOptions{Prefixes: prefixes})
			var written []graph.Quad
			for _, q := range qs {
				err := w.Write(q)
				if errors.Is(err, graph.ErrInvalidQuad) {
					continue
				}
				if err != nil {
					t.Fatalf("%s: Write(%v): %v", format.Name, q, err)
				}
				if !format.Quads {
					q.G = graph.Term{}
				}
				written = append(written, q)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			r, err := format.NewReader(bytes.NewReader(buf.Bytes()), "fuzz", rdf.ReaderOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := rdftest.ReadAll(r)
			if err != nil {
				t.Fatalf("%s reader refuses the %s writer's output: %v\n%s", format.Name, format.Name, err, buf.Bytes())
			}
			if !graphtest.Isomorphic(foldLang(written), foldLang(got)) {
				t.Fatalf("%s round trip changed the graph:\nwrote %v\n read %v\n%s", format.Name, written, got, buf.Bytes())
			}
		}
	})
}

// FuzzNegotiate checks that any Accept header gives one of the offers, or
// none, without panicking, and that an offered type named alone gets it.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"text/turtle;q=0.5, */*;q=0.1", "application/*;q=abc,,;;", "", "a/b;q=", "*/x", "text/html;q=0.000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, accept string) {
		offered := []string{"text/html", "text/turtle", "application/n-triples"}
		mt, ok := rdf.NegotiateType(accept, offered)
		if ok && !slices.Contains(offered, mt) {
			t.Fatalf("NegotiateType(%q) = %q, not offered", accept, mt)
		}
		for _, o := range offered {
			if got, ok := rdf.NegotiateType(o, offered); !ok || got != o {
				t.Fatalf("NegotiateType(%q) = %q, %v", o, got, ok)
			}
		}
		offers := rdf.Formats()
		got, ok := rdf.Negotiate(accept, offers)
		if ok {
			found := false
			for _, o := range offers {
				found = found || o.Name == got.Name
			}
			if !found {
				t.Fatalf("Negotiate(%q) = %q, not an offer", accept, got.Name)
			}
		}
	})
}
