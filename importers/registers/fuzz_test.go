package registers_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/importers/registers"
)

// fuzzFormat reads arbitrary input in format f and checks that the reader
// never panics, that every quad is valid, that an error is sticky and is
// either an [*registers.Error] or none, and that BytesRead never exceeds
// the input.
func fuzzFormat(f *testing.F, format registers.Format, seeds ...string) {
	for _, s := range seeds {
		data, err := os.ReadFile(filepath.Join("testdata", "TestReader_Golden", s))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := registers.NewReader(bytes.NewReader(data), "fuzz", format, testBase)
		for i := 0; ; i++ {
			q, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var e *registers.Error
				if !errors.As(err, &e) || !errors.Is(err, registers.ErrInvalid) {
					t.Fatalf("error %v (%T) is not an *registers.Error", err, err)
				}
				if _, err2 := r.Read(); err2 != err {
					t.Fatalf("second Read after error = %v, want %v", err2, err)
				}
				break
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("invalid quad %v: %v", q, err)
			}
		}
		if r.BytesRead() > int64(len(data)) {
			t.Fatalf("BytesRead = %d > %d", r.BytesRead(), len(data))
		}
		registers.Detect(data, "fuzz")
	})
}

// FuzzAlgoritmeregister fuzzes the Dutch Algoritmeregister JSON reader.
func FuzzAlgoritmeregister(f *testing.F) {
	f.Add([]byte(`[{"id": 1, "title": "t", "organisatie": "o"}]`))
	f.Add([]byte(`{"algoritmes": {}}`))
	fuzzFormat(f, registers.Algoritmeregister, "algoritmeregister.json")
}

// FuzzJRCCases fuzzes the JRC AI Watch cases CSV reader.
func FuzzJRCCases(f *testing.F) {
	fuzzFormat(f, registers.JRCCases, "jrc.csv")
}

// FuzzT6XServices fuzzes the T6-X services CSV reader.
func FuzzT6XServices(f *testing.F) {
	fuzzFormat(f, registers.T6XServices, "t6x.csv")
}
