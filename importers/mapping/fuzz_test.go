package mapping_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"testing"

	"civicgraph/importers/mapping"
)

// FuzzParse checks that no mapping file makes Parse panic, and that every
// refusal is a *FileError (wrapping ErrBadMapping).
func FuzzParse(f *testing.F) {
	for _, n := range []string{"usecases.map.toml", "records.map.toml", "records-jsonl.map.toml"} {
		data, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("[[entity]]\nclass = \"Actor\"\niri = [\"a\"]\n[[entity.property]]\nproperty = \"label\"\ncolumn = \"a\"\n"))
	f.Add([]byte("x = [1, {a = 2}]\n[t]\n[[t.u]]\n"))
	sc := loadSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := mapping.Parse("fuzz.map.toml", data, sc)
		if err != nil {
			if !errors.Is(err, mapping.ErrBadMapping) {
				t.Fatalf("error does not wrap ErrBadMapping: %v", err)
			}
			return
		}
		if m == nil {
			t.Fatal("nil mapping without error")
		}
	})
}

// FuzzReader checks that no CSV or JSON input makes the mapped readers
// panic or loop, and that their errors are the package's own.
func FuzzReader(f *testing.F) {
	for _, n := range []string{"usecases.csv", "records.json", "records.jsonl"} {
		data, err := os.ReadFile("testdata/" + n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("case_id,agency\n\"x\n"))
	sc := loadSchema(f)
	maps := []*mapping.Mapping{loadMap(f, sc, "usecases.map.toml"), loadMap(f, sc, "records.map.toml"), loadMap(f, sc, "records-jsonl.map.toml")}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, m := range maps {
			r := mapping.NewReader(bytes.NewReader(data), "fuzz", m, "")
			for i := 0; ; i++ {
				if i > 10*len(data)+100 {
					t.Fatalf("%s: more quads than the input can hold", m.Name)
				}
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					if !errors.Is(err, mapping.ErrInvalid) {
						t.Fatalf("%s: error does not wrap ErrInvalid: %v", m.Name, err)
					}
					break
				}
			}
		}
	})
}
