package rdfxml_test

import (
	"bytes"
	"civicgraph/internal/rdftest"
	"civicgraph/internal/realdata"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/rdfxml"
	"civicgraph/rdf/turtle"
)

// w3cBase is the mf:assumedTestBase of the W3C RDF/XML suite: the IRI each
// test file is parsed as, which its expected N-Triples assume.
const w3cBase = "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/"

const (
	mf   = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	rdft = "http://www.w3.org/ns/rdftest#"
	rdf  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// manifestTest is one entry of a W3C test manifest.
type manifestTest struct {
	name   string // the entry's fragment, e.g. "amp-in-url-test001"
	typ    string // the rdft: class, e.g. "TestXMLEval"
	action string // input file, relative to the manifest
	result string // expected output file for eval tests
}

// readManifest reads a W3C manifest.ttl with the Turtle reader and returns
// its entries in the order of the mf:entries list. It fails if an entry
// has no type or action, so no test can be silently dropped.
func readManifest(tb testing.TB, path string) []manifestTest {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	r := turtle.NewReader(f, filepath.Base(path), false)
	if err := r.SetBase(w3cBase + "manifest.ttl"); err != nil {
		tb.Fatal(err)
	}
	props := map[graph.Term]map[string]graph.Term{}
	var entries graph.Term
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		if props[q.S] == nil {
			props[q.S] = map[string]graph.Term{}
		}
		props[q.S][q.P.Value] = q.O
		if q.P.Value == mf+"entries" {
			entries = q.O
		}
	}
	var tests []manifestTest
	for cell := entries; !cell.IsZero() && cell.Value != rdf+"nil"; cell = props[cell][rdf+"rest"] {
		entry := props[cell][rdf+"first"]
		p := props[entry]
		mt := manifestTest{
			name:   entry.Value[strings.LastIndexByte(entry.Value, '#')+1:],
			typ:    strings.TrimPrefix(p[rdf+"type"].Value, rdft),
			action: strings.TrimPrefix(p[mf+"action"].Value, w3cBase),
			result: strings.TrimPrefix(p[mf+"result"].Value, w3cBase),
		}
		if mt.typ == "" || mt.action == "" {
			tb.Fatalf("%s: entry %v has no type or no mf:action", path, entry)
		}
		tests = append(tests, mt)
	}
	if len(tests) == 0 {
		tb.Fatalf("%s: no mf:entries", path)
	}
	return tests
}

// TestW3CSuite runs every test of the W3C RDF 1.1 RDF/XML suite: negative
// syntax tests must fail with a ParseError, and eval tests must give the
// triples of their result file, up to blank node labels.
func TestW3CSuite(t *testing.T) {
	dir := realdata.W3CSuite(t, "rdf-xml")
	tests := readManifest(t, filepath.Join(dir, "manifest.ttl"))
	var neg, eval, failed int
	for _, mt := range tests {
		ok := t.Run(mt.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, mt.action))
			if err != nil {
				t.Fatal(err)
			}
			r := rdfxml.NewReader(bytes.NewReader(data), mt.action)
			r.SetBase(w3cBase + mt.action)
			got, err := rdftest.ReadAll(r)
			switch mt.typ {
			case "TestXMLNegativeSyntax":
				neg++
				var pe *rdfxml.ParseError
				if !errors.As(err, &pe) {
					t.Errorf("%s: negative syntax test gave err = %v, want a *ParseError", mt.action, err)
				}
			case "TestXMLEval":
				eval++
				if err != nil {
					t.Fatalf("%s: eval test failed to parse: %v", mt.action, err)
				}
				f, err := os.Open(filepath.Join(dir, mt.result))
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				want, err := rdftest.ReadAll(nquads.NewReader(f, mt.result, false))
				if err != nil {
					t.Fatalf("%s: result file: %v", mt.result, err)
				}
				if !graphtest.Isomorphic(got, want) {
					t.Errorf("%s: got\n%s\nwant the triples of %s:\n%s", mt.action, lines(got), mt.result, lines(want))
				}
			default:
				t.Errorf("unknown test type %q", mt.typ)
			}
		})
		if !ok {
			failed++
		}
	}
	t.Logf("rdf-xml: %d tests: %d negative syntax, %d eval; %d passed, %d failed",
		len(tests), neg, eval, len(tests)-failed, failed)
}

// lines returns qs as N-Quads lines.
func lines(qs []graph.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}
