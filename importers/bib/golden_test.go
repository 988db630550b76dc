package bib_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestParse_Golden parses the hand-written bibliographies in
// testdata/TestParse_Golden (one per format, each using most of what its
// format allows) and compares every field of every citation with
// <file>.golden, and the quads the Reader writes with <file>.nq.golden.
// Run go test ./importers/bib -run TestParse_Golden -update to rewrite them,
// and review the diff.
func TestParse_Golden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", t.Name(), "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range files {
		if strings.HasSuffix(in, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			format := formatOf(t, in)
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := bib.Parse(bytes.NewReader(data), in, format)
			if err != nil {
				t.Fatalf("Parse(%s): %v", in, err)
			}
			golden(t, in+".golden", func() []byte {
				var b bytes.Buffer
				enc := json.NewEncoder(&b)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", "  ")
				if err := enc.Encode(got); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}, func(data []byte) {
				var want []citation.Citation
				if err := json.Unmarshal(data, &want); err != nil {
					t.Fatalf("golden file %s.golden: %v", in, err)
				}
				if len(got) != len(want) {
					t.Fatalf("Parse(%s) gave %d citations, want %d", in, len(got), len(want))
				}
				for i := range want {
					compareCitation(t, in+":"+want[i].Title, got[i], want[i])
				}
			})

			quads, err := readAll(t, bib.NewReader(bytes.NewReader(data), in, format, schema.DefaultBase))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			checkQuadsAllowing(t, quads, func(v schema.Violation) bool {
				// The inputs have entries without a year on purpose.
				return v.Code == schema.CodeMinCount && v.Path == schema.DCTermsIssued
			})
			var b strings.Builder
			for _, q := range quads {
				b.WriteString(q.String())
				b.WriteByte('\n')
			}
			golden(t, in+".nq.golden", func() []byte { return []byte(b.String()) }, func(data []byte) {
				if b.String() != string(data) {
					t.Errorf("the Reader's quads differ from %s.nq.golden; run with -update and review the diff", in)
				}
			})
		})
	}
	if n < 3 {
		t.Fatalf("found %d golden inputs in testdata/%s, want one per format", n, t.Name())
	}
}

// golden writes the golden file path with make under -update, then reads
// it and hands it to check.
func golden(t *testing.T, path string, make func() []byte, check func([]byte)) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, make(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	check(data)
}
