package export_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/turtle"
)

func TestTurtleWriter_Golden(t *testing.T) {
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, graphtest.Fixture())
	var buf bytes.Buffer
	if err := export.Quads(t.Context(), s, graph.Pattern{}, turtle.NewWriter(&buf, false, export.Prefixes()), true); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "TestTurtleWriter", "fixture.ttl.golden")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Turtle output differs from %s:\n%s", golden, buf.String())
	}
}

func TestTurtleWriter_RejectsBadTerms(t *testing.T) {
	var buf bytes.Buffer
	w := turtle.NewWriter(&buf, false, export.Prefixes())
	bad := graph.Quad{S: graph.IRI("relative"), P: graph.IRI("http://e.org/p"), O: graph.String("x")}
	if err := w.Write(bad); err == nil {
		t.Error("wrote a relative IRI")
	}
	good := graph.Quad{S: graph.IRI("http://e.org/s"), P: graph.IRI("http://e.org/p"), O: graph.String("x")}
	if err := w.Write(good); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "relative") {
		t.Errorf("output holds part of the refused quad:\n%s", buf.String())
	}
}

// TestTurtle_SeedParsesWithRapper dumps a seeded store (ontology, concepts,
// shapes, seed knowledge) as Turtle and has rapper parse it; rapper must
// count as many triples as the store's N-Triples export holds.
func TestTurtle_SeedParsesWithRapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rapper (Debian raptor2-utils) is not installed; CI must install it")
		}
		t.Skip("rapper (Debian raptor2-utils) is not installed; skipping the outside check of our Turtle")
	}
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(context.Background(), s, ""); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var ttl, nt bytes.Buffer
	if err := export.Quads(t.Context(), s, graph.Pattern{}, turtle.NewWriter(&ttl, false, export.Prefixes()), true); err != nil {
		t.Fatal(err)
	}
	if err := export.Quads(t.Context(), s, graph.Pattern{}, nquads.NewWriter(&nt, false), true); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "seed.ttl")
	if err := os.WriteFile(file, ttl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(rapper, "-i", "turtle", "-c", file).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper rejects our Turtle: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`returned (\d+) triples`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("cannot read rapper's count from %q", out)
	}
	got, _ := strconv.Atoi(string(m[1]))
	if want := bytes.Count(nt.Bytes(), []byte("\n")); got != want || want < 1000 {
		t.Errorf("rapper counts %d triples in the Turtle dump, the N-Triples dump has %d", got, want)
	}
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")
