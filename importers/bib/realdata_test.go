package bib_test

import (
	"civicgraph/importers/internal/realdata"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/schema"
)

// TestReader_RealData reads every bibliography sample in the shared real-data
// folder (bibliography-*/, see its SOURCES.md): each file must either
// parse, and then its quads must be well formed and break no shape, or
// fail with a ParseError that says where and what was expected. It logs how
// many files and entries parse.
func TestReader_RealData(t *testing.T) {
	root := realdata.Dir(t)
	files, err := filepath.Glob(filepath.Join(root, "bibliography-*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var parsed, failed, entries, distinct int
	for _, path := range files {
		switch filepath.Ext(path) {
		case ".bib", ".json", ".ris":
		default:
			continue
		}
		name := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			r := bib.NewReader(f, name, formatOf(t, path), schema.DefaultBase)
			quads, err := readAll(t, r)
			if err != nil {
				var pe *bib.ParseError
				if !errors.As(err, &pe) || pe.Line < 1 || pe.Col < 1 || pe.Expected == "" || pe.Found == "" ||
					!strings.HasPrefix(pe.Error(), name+":") {
					t.Fatalf("%s fails with an unclear error: %v", name, err)
				}
				failed++
				t.Logf("%s fails: %v", name, err)
				return
			}
			if r.Entries() == 0 {
				t.Fatalf("%s: no entries", name)
			}
			if fi, err := f.Stat(); err == nil && r.BytesRead() != fi.Size() {
				t.Errorf("%s: BytesRead = %d, want the file size %d", name, r.BytesRead(), fi.Size())
			}
			checkQuads(t, quads)
			parsed++
			entries += r.Entries()
			if _, err := f.Seek(0, 0); err != nil {
				t.Fatal(err)
			}
			cs, err := bib.Parse(f, name, formatOf(t, path))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			for _, c := range cs {
				if c.Title == "" || c.Year == "" || len(c.Authors) == 0 {
					t.Errorf("%s:%d: citation without a title, year or authors: %+v", name, c.Line, c)
				}
			}
			distinct += len(cs)
			t.Logf("%s: %d entries, %d distinct, %d quads", name, r.Entries(), len(cs), len(quads))
		})
	}
	if parsed+failed == 0 {
		t.Fatalf("no bibliography samples under %s", root)
	}
	t.Logf("%d of %d sample files parse (%d entries, %d distinct); %d fail with a ParseError",
		parsed, parsed+failed, entries, distinct, failed)
}
