package ocds_test

import (
	"civicgraph/internal/rdftest"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestReader_Golden reads each fixture in testdata/TestReader_Golden (one
// per input shape: release package, record package, OCDS 1.0 bare
// release, bare record, array, JSON Lines) and compares its quads, as
// sorted N-Quads lines, with the .nq file beside it. Every quad must be
// valid, and the quads must satisfy the shapes with no violation. Run
// go test ./importers/ocds -run TestReader_Golden -update to rewrite the
// .nq files, and review the diff.
func TestReader_Golden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", t.Name(), "*.json*"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no inputs in testdata/%s: %v", t.Name(), err)
	}
	s := loadSchema(t)
	for _, in := range inputs {
		name := filepath.Base(in)
		t.Run(strings.TrimSuffix(strings.TrimSuffix(name, ".jsonl"), ".json"), func(t *testing.T) {
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			quads, r, err := readAll(t, data, name)
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			if r.Records() == 0 {
				t.Errorf("Records() = 0 after reading %s", name)
			}
			if r.BytesRead() != int64(len(data)) {
				t.Errorf("BytesRead() = %d, want %d", r.BytesRead(), len(data))
			}
			checkQuads(t, quads)
			for _, v := range s.ValidateWith(quads, schema.Options{RequireTypedTargets: true}) {
				t.Errorf("violation: %v", v)
			}
			got := rdftest.NQuadsLines(t, quads)
			golden := strings.TrimSuffix(strings.TrimSuffix(in, ".jsonl"), ".json") + ".nq"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			if got != string(want) {
				t.Errorf("quads of %s differ from %s:\n%s", name, golden, lineDiff(string(want), got))
			}
		})
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(s, "\n") {
			m[l] = true
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if !g[l] {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if !w[l] {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}
