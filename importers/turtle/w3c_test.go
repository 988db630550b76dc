package turtle_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/nquads"
	"civicgraph/importers/turtle"
)

// w3cSuites returns the folder holding the W3C RDF test suites, found as
// shared/realdata/w3c-rdf-tests beside the repository. It skips the test
// when the folder is absent, and fails instead when CI=true.
func w3cSuites(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod not found above the package folder")
		}
		dir = parent
	}
	suites := filepath.Join(dir, "..", "shared", "realdata", "w3c-rdf-tests")
	if _, err := os.Stat(suites); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("W3C RDF test suites are required under CI: %v", err)
		}
		tb.Skipf("W3C RDF test suites not found (%v); skipping", err)
	}
	return suites
}

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

// parseNTriples parses an expected-results file with importers/nquads.
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
	dir := filepath.Join(w3cSuites(t), "rdf-turtle")
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
				if !isomorphic(got, want) {
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

func TestIsomorphic(t *testing.T) {
	parse := func(s string) []graph.Quad {
		q, err := readNQuads(strings.NewReader(s), "")
		if err != nil {
			t.Fatal(err)
		}
		return q
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"Ground", "<a:s> <a:p> <a:o> .", "<a:s> <a:p> <a:o> .", true},
		{"GroundDiffers", "<a:s> <a:p> <a:o> .", "<a:s> <a:p> <a:x> .", false},
		{"Duplicates", "<a:s> <a:p> <a:o> .\n<a:s> <a:p> <a:o> .", "<a:s> <a:p> <a:o> .", true},
		{"Relabel", "_:a <a:p> _:b .\n_:b <a:p> \"x\" _:g .", "_:x <a:p> _:y .\n_:y <a:p> \"x\" _:z .", true},
		{"Direction", "_:a <a:p> _:b .\n_:b <a:p> \"x\" .", "_:x <a:p> _:y .\n_:x <a:p> \"x\" .", false},
		{"Merged", "_:a <a:p> <a:o> .\n_:b <a:p> <a:o> .", "_:a <a:p> <a:o> .", false},
		{"Cycle", "_:a <a:p> _:b .\n_:b <a:p> _:c .\n_:c <a:p> _:a .", "_:z <a:p> _:x .\n_:x <a:p> _:y .\n_:y <a:p> _:z .", true},
		{"TwoCyclesVsOne", "_:a <a:p> _:b .\n_:b <a:p> _:a .\n_:c <a:p> _:d .\n_:d <a:p> _:c .",
			"_:a <a:p> _:b .\n_:b <a:p> _:c .\n_:c <a:p> _:d .\n_:d <a:p> _:a .", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := isomorphic(parse(tc.a), parse(tc.b)); got != tc.want {
				t.Errorf("isomorphic(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

// isomorphic reports whether a and b are the same set of quads up to a
// renaming of blank nodes. Blank nodes are first coloured by their
// surroundings, refined until stable, so the backtracking search only
// tries candidates of the same colour.
func isomorphic(a, b []graph.Quad) bool {
	setA, setB := quadSet(a), quadSet(b)
	if len(setA) != len(setB) {
		return false
	}
	colA, colB := colours(setA), colours(setB)
	if len(colA) != len(colB) {
		return false
	}
	count := map[string]int{}
	for _, c := range colA {
		count[c]++
	}
	for _, c := range colB {
		count[c]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	blanksA := make([]string, 0, len(colA))
	for v := range colA {
		blanksA = append(blanksA, v)
	}
	// Map the blank nodes with the rarest colours first.
	classSize := map[string]int{}
	for _, c := range colA {
		classSize[c]++
	}
	slices.SortFunc(blanksA, func(x, y string) int {
		if d := classSize[colA[x]] - classSize[colA[y]]; d != 0 {
			return d
		}
		return strings.Compare(x, y)
	})
	byBlank := map[string][]graph.Quad{}
	for q := range setA {
		ground := true
		for _, t := range []graph.Term{q.S, q.O, q.G} {
			if t.Kind == graph.KindBlank {
				byBlank[t.Value] = append(byBlank[t.Value], q)
				ground = false
			}
		}
		if ground && !setB[q] {
			return false
		}
	}
	m := map[string]string{}
	used := map[string]bool{}
	var try func(k int) bool
	try = func(k int) bool {
		if k == len(blanksA) {
			return true
		}
		x := blanksA[k]
		for y, c := range colB {
			if used[y] || c != colA[x] {
				continue
			}
			m[x], used[y] = y, true
			ok := true
			for _, q := range byBlank[x] {
				if mq, all := mapQuad(q, m); all && !setB[mq] {
					ok = false
					break
				}
			}
			if ok && try(k+1) {
				return true
			}
			delete(m, x)
			used[y] = false
		}
		return false
	}
	return try(0)
}

func quadSet(qs []graph.Quad) map[graph.Quad]bool {
	set := make(map[graph.Quad]bool, len(qs))
	for _, q := range qs {
		set[q] = true
	}
	return set
}

// colours gives each blank node in set a colour that depends only on the
// graph's shape around it, not on labels: ground neighbours, predicates,
// positions and, after refinement, the colours of blank neighbours.
func colours(set map[graph.Quad]bool) map[string]string {
	col := map[string]string{}
	for q := range set {
		for _, t := range []graph.Term{q.S, q.O, q.G} {
			if t.Kind == graph.KindBlank {
				col[t.Value] = ""
			}
		}
	}
	name := func(t graph.Term) string {
		if t.Kind == graph.KindBlank {
			return "_" + col[t.Value]
		}
		return t.String()
	}
	for range len(col) + 1 {
		sigs := map[string][]string{}
		for q := range set {
			parts := [4]string{name(q.S), q.P.String(), name(q.O), name(q.G)}
			for i, t := range []graph.Term{q.S, q.O, q.G} {
				if t.Kind == graph.KindBlank {
					sigs[t.Value] = append(sigs[t.Value], string(rune('0'+i))+strings.Join(parts[:], " "))
				}
			}
		}
		next := make(map[string]string, len(col))
		classes := map[string]bool{}
		for v, s := range sigs {
			slices.Sort(s)
			h := sha256.Sum256([]byte(col[v] + "|" + strings.Join(s, "\n")))
			next[v] = hex.EncodeToString(h[:8])
			classes[next[v]] = true
		}
		old := map[string]bool{}
		for _, c := range col {
			old[c] = true
		}
		col = next
		if len(classes) == len(old) {
			break
		}
	}
	return col
}

// mapQuad renames q's blank nodes through m; all is false if one is
// unmapped.
func mapQuad(q graph.Quad, m map[string]string) (graph.Quad, bool) {
	all := true
	f := func(t graph.Term) graph.Term {
		if t.Kind != graph.KindBlank {
			return t
		}
		v, found := m[t.Value]
		all = all && found
		return graph.Blank(v)
	}
	return graph.Quad{S: f(q.S), P: q.P, O: f(q.O), G: f(q.G)}, all
}

// readNQuads parses N-Quads with importers/nquads.
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
