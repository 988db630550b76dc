package registers_test

import (
	"civicgraph/internal/rdftest"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/importers/registers"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestReader_Golden reads each fixture in testdata/TestReader_Golden and
// compares its quads, as sorted N-Quads, with the .golden file beside it.
func TestReader_Golden(t *testing.T) {
	s := loadSchema(t)
	tests := []struct {
		name     string
		file     string
		format   registers.Format
		records  int
		skipped  int
		noLevel  int // administrations the data gives no level for (cg:notStated)
		lastLine int
	}{
		{"Algoritmeregister", "algoritmeregister.json", registers.Algoritmeregister, 3, 0, 1, 25},
		{"JRCCases", "jrc.csv", registers.JRCCases, 5, 2, 1, 16},
		{"T6XServices", "t6x.csv", registers.T6XServices, 2, 0, 0, 4},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join("testdata", "TestReader_Golden", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if f, ok := registers.Detect(data, tc.file); !ok || f != tc.format {
				t.Errorf("Detect(%s) = %q, %v, want %q, true", tc.file, f, ok, tc.format)
			}
			quads, r, err := readAll(t, data, tc.file, tc.format)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			checkQuads(t, quads)
			checkShapes(t, s, quads)
			if got := notStated(quads, schema.PropGovernmentLevel); got != tc.noLevel {
				t.Errorf("administrations whose level is not stated = %d, want %d", got, tc.noLevel)
			}
			if r.Records() != tc.records || r.Skipped() != tc.skipped {
				t.Errorf("Records, Skipped = %d, %d, want %d, %d", r.Records(), r.Skipped(), tc.records, tc.skipped)
			}
			if r.Line() != tc.lastLine {
				t.Errorf("Line() = %d, want %d", r.Line(), tc.lastLine)
			}
			if r.BytesRead() != int64(len(data)) {
				t.Errorf("BytesRead() = %d, want %d", r.BytesRead(), len(data))
			}
			got := rdftest.NQuadsLines(t, quads)
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("quads differ from %s:\ngot:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}
