package ocds_test

import (
	"civicgraph/internal/rdftest"
	"civicgraph/internal/realdata"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReader_RealData reads every sample in shared/realdata/ocds-*: each
// must import, or fail with an *ocds.Error that names where and why. It
// logs the counts; what it imports must meet the shapes.
func TestReader_RealData(t *testing.T) {
	dir := realdata.Dir(t)
	files, err := filepath.Glob(filepath.Join(dir, "ocds-*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var samples []string
	for _, f := range files {
		if !strings.Contains(f, "ocds-schema-") {
			samples = append(samples, f)
		}
	}
	if len(samples) == 0 {
		t.Fatalf("no OCDS samples under %s", dir)
	}
	s := loadSchema(t)
	for _, f := range samples {
		name := filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			quads, r, err := readAll(t, data, name)
			if strings.Contains(name, "encoding-iso-8859-1") {
				if err == nil {
					t.Fatalf("read %s: no error, want one for ISO-8859-1 text", name)
				}
				e := asError(t, err)
				if e.Line == 0 || e.Path == "" {
					t.Errorf("error %v: want a line and a path", e)
				}
				t.Logf("%s: fails as it should: %v", name, err)
				return
			}
			if err != nil {
				t.Fatalf("read %s: %v", name, err)
			}
			checkQuads(t, quads)
			vs := s.Validate(quads)
			t.Logf("%s: %d records, %d bytes, %d quads, %d violations", name, r.Records(), r.BytesRead(), len(quads), len(vs))
			for _, v := range vs {
				t.Errorf("violation: %v", v) // what the data does not say is cg:notStated, so none is expected
			}
			if testing.Verbose() {
				t.Log("\n" + rdftest.NQuadsLines(t, quads))
			}
		})
	}
}
