package citation_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/importers/citation"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestParse_Golden parses real citations, taken verbatim from the sources'
// bibliographies and downloads, and compares every field of every citation
// with testdata/TestParse_Golden/<case>.golden, which was checked by hand.
// Run go test ./importers/citation -run TestParse_Golden -update to rewrite
// it, and review the diff.
func TestParse_Golden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", t.Name(), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs in testdata/%s: %v", t.Name(), err)
	}
	for _, in := range files {
		name := filepath.Base(in[:len(in)-len(".txt")])
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(in)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			got, err := citation.Parse(f, in)
			if err != nil {
				t.Fatalf("Parse(%s): %v", in, err)
			}
			goldenPath := in[:len(in)-len(".txt")] + ".golden"
			if *update {
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if err := enc.Encode(got); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(goldenPath, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("read golden file (run with -update to create it): %v", err)
			}
			var want []citation.Citation
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("golden file %s: %v", goldenPath, err)
			}
			if len(got) != len(want) {
				t.Fatalf("Parse(%s) gave %d citations, want %d", in, len(got), len(want))
			}
			if len(want) < 15 {
				t.Errorf("golden file %s has %d citations, want at least 15", goldenPath, len(want))
			}
			for i := range want {
				compareCitation(t, got[i], want[i])
			}
		})
	}
}
