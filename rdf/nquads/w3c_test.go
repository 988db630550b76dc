package nquads_test

import (
	"bufio"
	"bytes"
	"civicgraph/internal/realdata"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/rdf/nquads"
)

// manifestTest is one entry of a W3C test manifest.
type manifestTest struct {
	name   string // the entry's fragment, e.g. "nt-syntax-uri-01"
	typ    string // the rdft: class, e.g. "TestNTriplesPositiveSyntax"
	action string // input file, relative to the manifest
	result string // expected output file for eval tests
}

// readManifest reads a W3C manifest.ttl with line-oriented code: the suites
// write one entry per block, starting "<#name>", with "rdf:type rdft:TestX"
// (or "a rdft:TestX") on that line or its own, "mf:action <file> ;" and
// maybe "mf:result <file> ;" on lines of their own. It
// returns the entries in the order of the mf:entries list and fails if the
// list and the blocks disagree, so no test can be silently dropped.
func readManifest(tb testing.TB, path string) []manifestTest {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var (
		order   []string
		byName  = map[string]*manifestTest{}
		cur     *manifestTest
		inList  bool
		fileRef = func(line string) string {
			i, j := strings.IndexByte(line, '<'), strings.IndexByte(line, '>')
			if i < 0 || j < i {
				tb.Fatalf("%s: no <file> in %q", path, line)
			}
			return line[i+1 : j]
		}
	)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		fields := strings.Fields(line)
		switch {
		case strings.HasPrefix(line, "mf:entries"):
			inList = true
		case inList && line == ") .":
			inList = false
		case inList && strings.HasPrefix(line, "<#"):
			order = append(order, strings.TrimSuffix(strings.TrimPrefix(line, "<#"), ">"))
		case len(fields) > 0 && strings.HasPrefix(fields[0], "<#"):
			name := strings.TrimSuffix(strings.TrimPrefix(fields[0], "<#"), ">")
			cur = &manifestTest{name: name}
			byName[name] = cur
			if len(fields) >= 3 && (fields[1] == "a" || fields[1] == "rdf:type") {
				cur.typ = strings.TrimPrefix(fields[2], "rdft:")
			}
		case cur != nil && len(fields) >= 2 && (fields[0] == "a" || fields[0] == "rdf:type"):
			cur.typ = strings.TrimPrefix(fields[1], "rdft:")
		case cur != nil && strings.HasPrefix(line, "mf:action"):
			cur.action = fileRef(line)
		case cur != nil && strings.HasPrefix(line, "mf:result"):
			cur.result = fileRef(line)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(order) != len(byName) {
		tb.Fatalf("%s: mf:entries lists %d tests, %d are defined", path, len(order), len(byName))
	}
	tests := make([]manifestTest, 0, len(order))
	for _, name := range order {
		mt, ok := byName[name]
		if !ok || mt.action == "" || mt.typ == "" {
			tb.Fatalf("%s: entry %q has no definition with a type and an mf:action", path, name)
		}
		tests = append(tests, *mt)
	}
	return tests
}

func parseFile(tb testing.TB, path string, quads bool) ([]graph.Quad, error) {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return readAll(tb, bytes.NewReader(data), filepath.Base(path), quads)
}

// TestW3CSuites runs every test of the W3C RDF 1.1 N-Triples and N-Quads
// suites: positive syntax tests must parse, negative ones must fail with a
// ParseError, and eval tests must give the quads of their result file.
func TestW3CSuites(t *testing.T) {
	suites := filepath.Join(realdata.Dir(t), "w3c-rdf-tests")
	for _, suite := range []struct {
		dir      string
		quads    bool
		positive string
		negative string
		eval     string
	}{
		{"rdf-n-triples", false, "TestNTriplesPositiveSyntax", "TestNTriplesNegativeSyntax", "TestNTriplesEval"},
		{"rdf-n-quads", true, "TestNQuadsPositiveSyntax", "TestNQuadsNegativeSyntax", "TestNQuadsEval"},
	} {
		t.Run(suite.dir, func(t *testing.T) {
			dir := filepath.Join(suites, suite.dir)
			tests := readManifest(t, filepath.Join(dir, "manifest.ttl"))
			var pos, neg, eval, failed int
			for _, mt := range tests {
				ok := t.Run(mt.name, func(t *testing.T) {
					got, err := parseFile(t, filepath.Join(dir, mt.action), suite.quads)
					switch mt.typ {
					case suite.positive:
						pos++
						if err != nil {
							t.Errorf("%s: positive syntax test failed to parse: %v", mt.action, err)
						}
					case suite.negative:
						neg++
						var pe *nquads.ParseError
						if !errors.As(err, &pe) {
							t.Errorf("%s: negative syntax test gave err = %v, want a *ParseError", mt.action, err)
						}
					case suite.eval:
						eval++
						if err != nil {
							t.Fatalf("%s: eval test failed to parse: %v", mt.action, err)
						}
						want, err := parseFile(t, filepath.Join(dir, mt.result), suite.quads)
						if err != nil {
							t.Fatalf("%s: result file: %v", mt.result, err)
						}
						if !graphtest.Isomorphic(got, want) {
							t.Errorf("%s: got %v, want the quads of %s: %v", mt.action, got, mt.result, want)
						}
					default:
						t.Errorf("unknown test type %q", mt.typ)
					}
				})
				if !ok {
					failed++
				}
			}
			t.Logf("%s: %d tests: %d positive syntax, %d negative syntax, %d eval; %d passed, %d failed",
				suite.dir, len(tests), pos, neg, eval, len(tests)-failed, failed)
		})
	}
}

// TestW3CTurtleResults parses the expected results of the W3C Turtle eval
// tests, which are N-Triples files, as a further positive corpus, and
// checks that each survives a round trip through the writer.
func TestW3CTurtleResults(t *testing.T) {
	dir := filepath.Join(filepath.Join(realdata.Dir(t), "w3c-rdf-tests"), "rdf-turtle")
	seen := map[string]bool{}
	for _, mt := range readManifest(t, filepath.Join(dir, "manifest.ttl")) {
		if mt.result == "" || seen[mt.result] {
			continue
		}
		seen[mt.result] = true
		t.Run(mt.result, func(t *testing.T) {
			got, err := parseFile(t, filepath.Join(dir, mt.result), false)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			again := roundTrip(t, got, false)
			if !graphtest.Isomorphic(got, again) {
				t.Errorf("round trip changed the graph: %v, then %v", got, again)
			}
		})
	}
	t.Logf("rdf-turtle: %d result files parsed", len(seen))
	if len(seen) == 0 {
		t.Error("no Turtle eval results found")
	}
}

func TestIsomorphic(t *testing.T) {
	parse := func(s string) []graph.Quad {
		q, err := readAll(t, strings.NewReader(s), "", true)
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
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := graphtest.Isomorphic(parse(tc.a), parse(tc.b)); got != tc.want {
				t.Errorf("graphtest.Isomorphic(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
