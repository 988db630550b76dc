package turtle_test

import (
	"bytes"
	"civicgraph/internal/realdata"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/turtle"
)

// Vocabulary of the W3C test manifests.
const (
	mfNS  = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
	rdftN = "http://www.w3.org/ns/rdftest#"
	rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
)

// manifestTest is one entry of a W3C test manifest.
type manifestTest struct {
	name   string // the entry's fragment, e.g. "IRI_subject"
	typ    string // the rdft: class, e.g. "TestTurtleEval"
	action string // input file, relative to the manifest
	result string // expected output file for eval tests
	base   string // the base IRI of the input: mf:assumedTestBase + action
}

// manifestDoc is the IRI a manifest is read with: its relative IRIs name
// files beside it.
const manifestDoc = "file:///manifest/manifest.ttl"

// readManifest reads a W3C manifest.ttl with the package's own reader and
// returns its tests in the order of its mf:entries list. The input's base
// IRI is the manifest's mf:assumedTestBase plus the file name. It fails
// if any listed entry lacks a type or an action, so no test is dropped.
func readManifest(tb testing.TB, path string) []manifestTest {
	tb.Helper()
	quads := parseFile(tb, path, manifestDoc, false)
	props := map[graph.Term]map[string][]graph.Term{}
	for _, q := range quads {
		if props[q.S] == nil {
			props[q.S] = map[string][]graph.Term{}
		}
		props[q.S][q.P.Value] = append(props[q.S][q.P.Value], q.O)
	}
	one := func(s graph.Term, p string) graph.Term {
		if vs := props[s][p]; len(vs) == 1 {
			return vs[0]
		}
		return graph.Term{}
	}
	doc := graph.IRI(manifestDoc)
	testBase := one(doc, mfNS+"assumedTestBase").Value
	if testBase == "" {
		tb.Fatalf("%s: no mf:assumedTestBase", path)
	}
	file := func(t graph.Term) string {
		if t.IsZero() {
			return ""
		}
		name, ok := strings.CutPrefix(t.Value, "file:///manifest/")
		if !ok {
			tb.Fatalf("%s: %s is not a file beside the manifest", path, t)
		}
		return name
	}
	var tests []manifestTest
	seen := map[graph.Term]bool{}
	for list := one(doc, mfNS+"entries"); list.Value != rdfNS+"nil"; list = one(list, rdfNS+"rest") {
		if list.IsZero() || seen[list] {
			tb.Fatalf("%s: mf:entries is not a well-formed list", path)
		}
		seen[list] = true
		entry := one(list, rdfNS+"first")
		typ, _ := strings.CutPrefix(one(entry, rdfNS+"type").Value, rdftN)
		mt := manifestTest{
			name:   strings.TrimPrefix(entry.Value, manifestDoc+"#"),
			typ:    typ,
			action: file(one(entry, mfNS+"action")),
			result: file(one(entry, mfNS+"result")),
		}
		if mt.typ == "" || mt.action == "" {
			tb.Fatalf("%s: entry %s has no rdft: type or no mf:action", path, entry)
		}
		mt.base = testBase + mt.action
		tests = append(tests, mt)
	}
	return tests
}

// parseFile parses a Turtle or TriG file with base as its base IRI and
// fails the test on any error.
func parseFile(tb testing.TB, path, base string, trig bool) []graph.Quad {
	tb.Helper()
	got, err := parseFileErr(tb, path, base, trig)
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

// parseFileErr parses a Turtle or TriG file with base as its base IRI.
func parseFileErr(tb testing.TB, path, base string, trig bool) ([]graph.Quad, error) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r := turtle.NewReader(bytes.NewReader(data), filepath.Base(path), trig)
	if err := r.SetBase(base); err != nil {
		tb.Fatal(err)
	}
	return readFrom(r)
}

// parseNTriples parses an expected-results file with rdf/nquads.
func parseNTriples(tb testing.TB, path string) []graph.Quad {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	got, err := readNQuads(bytes.NewReader(data), filepath.Base(path))
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

// TestW3CTurtle runs every test of the W3C RDF 1.1 Turtle suite: positive
// syntax tests must parse, negative ones must fail with a ParseError, and
// eval tests must give a graph isomorphic to their N-Triples result.
func TestW3CTurtle(t *testing.T) {
	dir := filepath.Join(filepath.Join(realdata.Dir(t), "w3c-rdf-tests"), "rdf-turtle")
	tests := readManifest(t, filepath.Join(dir, "manifest.ttl"))
	counts := map[string]int{}
	failed := 0
	for _, mt := range tests {
		counts[mt.typ]++
		ok := t.Run(mt.name, func(t *testing.T) {
			got, err := parseFileErr(t, filepath.Join(dir, mt.action), mt.base, false)
			var pe *turtle.ParseError
			switch mt.typ {
			case "TestTurtlePositiveSyntax":
				if err != nil {
					t.Errorf("%s: positive syntax test failed to parse: %v", mt.action, err)
				}
			case "TestTurtleNegativeSyntax", "TestTurtleNegativeEval":
				if !errors.As(err, &pe) {
					t.Errorf("%s: negative test gave err = %v, want a *ParseError", mt.action, err)
				}
			case "TestTurtleEval":
				if err != nil {
					t.Fatalf("%s: eval test failed to parse: %v", mt.action, err)
				}
				want := parseNTriples(t, filepath.Join(dir, mt.result))
				if !graphtest.Isomorphic(got, want) {
					t.Errorf("%s: got\n%s\nwant the graph of %s:\n%s", mt.action, nq(got), mt.result, nq(want))
				}
			default:
				t.Errorf("unknown test type %q", mt.typ)
			}
		})
		if !ok {
			failed++
		}
	}
	t.Logf("rdf-turtle: %d tests: %d positive syntax, %d negative syntax, %d eval, %d negative eval; %d passed, %d failed",
		len(tests), counts["TestTurtlePositiveSyntax"], counts["TestTurtleNegativeSyntax"],
		counts["TestTurtleEval"], counts["TestTurtleNegativeEval"], len(tests)-failed, failed)
	if len(tests) == 0 {
		t.Error("the manifest lists no tests")
	}
}

// nq formats quads as N-Quads lines, for failure messages.
func nq(qs []graph.Quad) string {
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = q.String()
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// readNQuads parses N-Quads with rdf/nquads.
func readNQuads(in io.Reader, name string) ([]graph.Quad, error) {
	r := nquads.NewReader(in, name, true)
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
