package ocds_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/importers/ocds"
	"civicgraph/rdf/problems"
)

// FuzzReader feeds arbitrary input to the reader. Whatever the input, the
// reader must not panic or loop, every quad must be valid and have no
// graph, and any error must be an *ocds.Error or a list of them, no more
// than the input has bytes (the input is in memory, so there are no I/O
// errors). Seeds are every fixture in testdata.
func FuzzReader(f *testing.F) {
	for _, dir := range []string{"TestReader_Golden", "TestReader_Errors"} {
		files, err := filepath.Glob(filepath.Join("testdata", dir, "*.json*"))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{
		``, ` `, `{}`, `[]`, `null`, `{"releases": null}`, `{"records": []}`,
		`{"ocid": "a"}`, `{"ocid": "a"}{"ocid": "a"}{"ocid": "b"}`,
		`[{"ocid": "a", "awards": [{"id": 1, "value": {"amount": "1e3", "currency": "usd"}}]}]`,
		`{"releases": [{"url": "http://x"}, {"ocid": "a"}]}`,
		// Several problems, for the recovery.
		"{\"ocid\": \"a\", \"date\": 1}\n{\"ocid\": \"b\", \"date\": }\n{\"ocid\": \"c\"\n[{\"ocid\": \"d\"}]\n\"x\"\n{\"releases\": {\"a\": [1]}}",
		"{\"releases\": [{\"ocid\": \"a\", \"tender\": []}, {\"ocid\": \"b\"}, {\"ocid\": \"a\"}, {\"date\": \"x\"}, {\"ocid\": \"c\"}]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := ocds.NewReader(bytes.NewReader(data), "fuzz.json", testBase)
		limit := 1000 + 100*len(data)
		for n := 0; ; n++ {
			if n > limit {
				t.Fatalf("more than %d quads from %d bytes", limit, len(data))
			}
			q, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				errs := []error{err}
				var all *problems.List
				if errors.As(err, &all) {
					errs = all.Errors
					if all.Total < 2 || all.Total > len(data)+1 {
						t.Fatalf("%d errors from %d bytes", all.Total, len(data))
					}
				}
				for _, err := range errs {
					e, ok := err.(*ocds.Error)
					if !ok || !errors.Is(err, ocds.ErrInvalid) {
						t.Fatalf("error %v (%T) is not an *ocds.Error", err, err)
					}
					if e.Line < 0 || e.Col < 0 || e.Line > 0 && e.Col < 1 {
						t.Fatalf("error %v has position %d:%d", err, e.Line, e.Col)
					}
				}
				if _, again := r.Read(); again != err {
					t.Fatalf("Read after error %v = %v, want the same error", err, again)
				}
				break
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("invalid quad %v: %v", q, err)
			}
			if !q.G.IsZero() {
				t.Fatalf("quad %v has a graph", q)
			}
		}
		if r.BytesRead() > int64(len(data)) || r.Records() > len(data) {
			t.Fatalf("BytesRead() = %d, Records() = %d for %d bytes", r.BytesRead(), r.Records(), len(data))
		}
	})
}
