package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

// TestRun_RefreshesAnOldSeed opens, for writing, a store whose ontology an
// earlier version wrote (here: one triple more): import says it replaced
// that graph with this version's, and says nothing the next time; a
// read-only command leaves the store alone.
func TestRun_RefreshesAnOldSeed(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	nt := filepath.Join(t.TempDir(), "one.nt")
	if err := os.WriteFile(nt, []byte("<https://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"a\" .\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := cli(t, nil, "import", "--data", dir, "--quiet", nt); err != nil {
		t.Fatal(err)
	}
	s, err := graph.Open(dir, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	err = s.Update(t.Context(), func(tx *graph.Txn) error {
		return tx.Add(graph.Quad{S: graph.IRI(schema.NS + "Administration"), P: graph.IRI(schema.RDFSSubClassOf),
			O: graph.IRI("https://schema.org/GovernmentOrganization"), G: graph.IRI(schema.GraphOntology)})
	})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := cli(t, nil, "stats", "--data", dir); err != nil || strings.Contains(stderr, "earlier version") {
		t.Errorf("stats: %v, stderr %q; want no refresh by a read-only command", err, stderr)
	}
	_, stderr, err := cli(t, nil, "import", "--data", dir, "--quiet", nt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "1 graph of the ontology, concepts, shapes and seed in "+dir+" came from an earlier version") || !strings.Contains(stderr, schema.GraphOntology) {
		t.Errorf("import on an old store said %q, want that it replaced the ontology graph", stderr)
	}
	if _, stderr, err := cli(t, nil, "import", "--data", dir, "--quiet", nt); err != nil || strings.Contains(stderr, "earlier version") {
		t.Errorf("the next import: %v, stderr %q; want nothing refreshed", err, stderr)
	}
}
