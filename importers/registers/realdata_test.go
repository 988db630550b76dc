package registers_test

import (
	"civicgraph/internal/realdata"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/importers/registers"
	"civicgraph/schema"
)

// TestReader_RealData reads every file of the register folders of the
// real sample data: each either imports, with valid quads that meet every
// shape (a level of government the data does not give is recorded with
// cg:notStated), or is not detected as a register and fails with an
// [*registers.Error] in every format. A register folder that is missing
// or empty fails the test: the data is there (realdata.Dir skips when it
// is not), so a glob that finds nothing means the test checks nothing.
func TestReader_RealData(t *testing.T) {
	dir := realdata.Dir(t)
	s := loadSchema(t)
	for _, sub := range []string{"nl-algoritmeregister", "nl-algoritmeregister-publicatiestandaard",
		"algoritmeregister-standard", "jrc-ai-watch-public-sector-cases", "jrc-ai-watch-t6x-registers"} {
		files, err := filepath.Glob(filepath.Join(dir, sub, "*"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Errorf("%s: no files in %s; the real data is incomplete", sub, filepath.Join(dir, sub))
			continue
		}
		for _, path := range files {
			name := sub + "/" + filepath.Base(path)
			t.Run(name, func(t *testing.T) {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				head := data[:min(len(data), 4096)]
				f, ok := registers.Detect(head, name)
				if !ok {
					for _, f := range registers.Formats() {
						_, _, err := readAll(t, data, name, f)
						if err == nil {
							t.Errorf("%s read as %s without error, but Detect does not know it", name, f)
							continue
						}
						e := asError(t, err)
						t.Logf("not a register; as %s: %v", f, e)
					}
					return
				}
				quads, r, err := readAll(t, data, name, f)
				if err != nil {
					t.Fatalf("read %s as %s: %v", name, f, err)
				}
				checkQuads(t, quads)
				checkShapes(t, s, quads)
				t.Logf("%s: format %s, %d records (%d skipped: buyer not public or not named), %d quads, %d administrations whose level is not stated, %d bytes",
					name, f, r.Records(), r.Skipped(), len(quads), notStated(quads, schema.PropGovernmentLevel), r.BytesRead())
				if r.Records() == 0 || len(quads) == 0 {
					t.Errorf("no records read")
				}
			})
		}
	}
}
