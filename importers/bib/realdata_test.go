package bib_test

import (
	"civicgraph/internal/realdata"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/schema"
)

// TestReader_RealData reads every bibliography sample in the shared real-data
// folder (bibliography-*/, see its SOURCES.md): each file is a real
// bibliography and must parse, its quads well formed and breaking no shape,
// every citation with a title, a year and authors.
func TestReader_RealData(t *testing.T) {
	root := realdata.Dir(t)
	files, err := filepath.Glob(filepath.Join(root, "bibliography-*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var parsed, entries, distinct int
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
				// These are real files: every one must import. An error
				// must still say where and what was expected.
				var pe *bib.ParseError
				if errors.As(err, &pe) && (pe.Line < 1 || pe.Col < 1 || pe.Expected == "" || pe.Found == "" ||
					!strings.HasPrefix(pe.Error(), name+":")) {
					t.Errorf("%s fails with an unclear error: %v", name, err)
				}
				t.Fatalf("%s does not parse: %v", name, err)
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
	if parsed == 0 {
		t.Fatalf("no bibliography samples parsed under %s", root)
	}
	t.Logf("%d sample files parse (%d entries, %d distinct)", parsed, entries, distinct)
}
