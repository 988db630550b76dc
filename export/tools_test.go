package export_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/graph/graphtest"
)

// need returns the path of an outside tool, or skips the test (fails it
// under CI=true, where .ci/run installs every tool).
func need(t *testing.T, path, what, how string) string {
	t.Helper()
	if _, err := os.Stat(path); err == nil {
		return path
	}
	if p, err := exec.LookPath(path); err == nil {
		return p
	}
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s is not installed; CI must install it (%s)", what, how)
	}
	t.Skipf("%s is not installed (%s); skipping the outside check", what, how)
	return ""
}

// rdfJSDir is where .ci/run installs npm's jsonld and n3.
func rdfJSDir(t *testing.T) string {
	dir := os.Getenv("CIVICGRAPH_RDF_JS_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "civicgraph-rdf-js")
	}
	for _, m := range []string{"jsonld", "n3"} {
		need(t, filepath.Join(dir, "node_modules", m), "npm "+m, "run .ci/run's rdf-js block, or npm install --prefix DIR jsonld@8 n3@1 and set CIVICGRAPH_RDF_JS_DIR=DIR")
	}
	return dir
}

// outside checks that an outside tool's reading of doc, given as N-Quads
// on its stdout, is the graph want.
func outside(t *testing.T, tool string, out []byte, err error, want []graph.Quad) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s refuses our export: %v\n%s", tool, err, out)
	}
	got := parse(t, "nq", out)
	if !graphtest.Isomorphic(want, got) {
		t.Errorf("%s reads %d statements from our export, which holds %d; the graphs differ", tool, len(got), len(want))
	}
}

// TestWrite_Rapper has rapper (Debian raptor2-utils) read the seeded
// store exported as N-Triples, N-Quads, Turtle, TriG and RDF/XML, and
// checks it reads the graph civicgraph wrote.
func TestWrite_Rapper(t *testing.T) {
	rapper := need(t, "rapper", "rapper (Debian raptor2-utils)", "apt-get install raptor2-utils")
	s := seeded(t)
	dir := t.TempDir()
	for name, syntax := range map[string]string{"nt": "ntriples", "nq": "nquads", "ttl": "turtle", "trig": "trig", "rdfxml": "rdfxml"} {
		t.Run(name, func(t *testing.T) {
			doc := write(t, s, name, export.Slice{})
			file := filepath.Join(dir, "seed."+format(t, name).Extension())
			if err := os.WriteFile(file, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(rapper, "-q", "-i", syntax, "-o", "nquads", file, "http://example.org/base")
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if stderr.Len() > 0 {
				t.Errorf("rapper warns about our %s: %s", name, stderr.Bytes())
			}
			outside(t, "rapper", out, err, parse(t, name, doc))
		})
	}
}

// TestWrite_N3 has N3.js read the Turtle, TriG, N-Triples and N-Quads
// exports.
func TestWrite_N3(t *testing.T) {
	node := need(t, "node", "node", "apt-get install nodejs")
	dir := rdfJSDir(t)
	s := seeded(t)
	tmp := t.TempDir()
	for name, syntax := range map[string]string{"ttl": "Turtle", "trig": "TriG", "nt": "N-Triples", "nq": "N-Quads"} {
		t.Run(name, func(t *testing.T) {
			doc := write(t, s, name, export.Slice{})
			file := filepath.Join(tmp, "seed."+name)
			if err := os.WriteFile(file, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(node, filepath.Join("testdata", "rdfcheck.mjs"), dir, "n3", file, syntax).CombinedOutput()
			outside(t, "N3.js", out, err, parse(t, name, doc))
		})
	}
}

// TestWrite_JSONLDjs has jsonld.js, in safe mode and fetching nothing,
// turn the JSON-LD export into RDF: once with the context inline, once
// with the context named by URL and handed to its document loader, as a
// client that published context is served.
func TestWrite_JSONLDjs(t *testing.T) {
	node := need(t, "node", "node", "apt-get install nodejs")
	dir := rdfJSDir(t)
	s := seeded(t)
	tmp := t.TempDir()
	ctxFile := filepath.Join(tmp, "context.jsonld")
	if err := os.WriteFile(ctxFile, export.ContextDocument(), 0o644); err != nil {
		t.Fatal(err)
	}
	const ctxURL = "https://data.example.org" + export.ContextPath
	for _, tc := range []struct{ name, context string }{{"Inline", ""}, {"ByURL", ctxURL}} {
		t.Run(tc.name, func(t *testing.T) {
			var doc bytes.Buffer
			if _, err := export.Write(t.Context(), s, &doc, export.Options{Format: format(t, "jsonld"), Context: tc.context}); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(tmp, "seed"+tc.name+".jsonld")
			if err := os.WriteFile(file, doc.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd := exec.Command(node, filepath.Join("testdata", "rdfcheck.mjs"), dir, "jsonld", file, ctxURL, ctxFile)
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				out = stderr.Bytes()
			}
			want := parse(t, "nq", write(t, s, "nq", export.Slice{}))
			outside(t, "jsonld.js", out, err, want)
		})
	}
}

// controlStore returns a store whose literals hold every control
// character, U+0001 to U+001F and U+007F, and, with nul, U+0000 too.
func controlStore(t *testing.T, nul bool) *graph.Store {
	var ctl []byte
	for c := range 0x20 {
		if c > 0 || nul {
			ctl = append(ctl, byte(c))
		}
	}
	ctl = append(ctl, 0x7f)
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, []graph.Quad{
		{S: graph.IRI("http://example.org/s"), P: graph.IRI("http://example.org/p"), O: graph.String("controls: " + string(ctl)), G: graph.IRI("http://example.org/g")},
		{S: graph.IRI("http://example.org/s"), P: graph.IRI("http://example.org/p"), O: graph.LangLiteral("bel\a esc\x1b", "en")},
	})
	return s
}

// TestWrite_RapperControls has rapper read literals holding control
// characters, which the line-based syntaxes write escaped (issue 11: a raw
// U+0007 came back from rapper as ""). U+0000 is left out: raptor 2
// ends a literal at U+0000 even when it is escaped (it keeps C strings);
// TestWrite_N3Controls checks it.
func TestWrite_RapperControls(t *testing.T) {
	rapper := need(t, "rapper", "rapper (Debian raptor2-utils)", "apt-get install raptor2-utils")
	s := controlStore(t, false)
	dir := t.TempDir()
	for name, syntax := range map[string]string{"nt": "ntriples", "nq": "nquads", "ttl": "turtle", "trig": "trig"} {
		t.Run(name, func(t *testing.T) {
			doc := write(t, s, name, export.Slice{})
			file := filepath.Join(dir, "ctl."+name)
			if err := os.WriteFile(file, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(rapper, "-q", "-i", syntax, "-o", "nquads", file).Output()
			outside(t, "rapper", out, err, parse(t, name, doc))
		})
	}
}

// TestWrite_N3Controls has N3.js read literals holding every control
// character, U+0000 included.
func TestWrite_N3Controls(t *testing.T) {
	node := need(t, "node", "node", "apt-get install nodejs")
	dir := rdfJSDir(t)
	s := controlStore(t, true)
	tmp := t.TempDir()
	for name, syntax := range map[string]string{"ttl": "Turtle", "trig": "TriG", "nt": "N-Triples", "nq": "N-Quads"} {
		t.Run(name, func(t *testing.T) {
			doc := write(t, s, name, export.Slice{})
			file := filepath.Join(tmp, "ctl."+name)
			if err := os.WriteFile(file, doc, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(node, filepath.Join("testdata", "rdfcheck.mjs"), dir, "n3", file, syntax).CombinedOutput()
			outside(t, "N3.js", out, err, parse(t, name, doc))
		})
	}
}
