package jsonld_test

import (
	"bytes"
	"civicgraph/internal/rdftest"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/jsonld"
)

// FuzzReader checks that the reader never panics, fails only with a
// ParseError (or, for documents that name a remote context, the error
// saying so), returns only valid quads, and that what it returns can be
// written as N-Quads and read back unchanged.
func FuzzReader(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json*"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		`{"@context": {"@vocab": "http://ex/", "t": {"@container": "@language"}, "l": {"@container": "@list"}}, "@id": "s", "t": {"en": "x"}, "l": [1, 2.5, true], "@graph": [{"@id": "_:b", "p": {"@value": "v", "@language": "nl"}}]}`,
		`[{"@id": "http://ex/g", "@graph": {"@id": "http://ex/s", "http://ex/p": {"@id": "http://ex/o"}}}]`,
		`{"@context": {"@base": "http://ex/", "@version": 1.1, "n": {"@id": "http://ex/n", "@type": "@id", "@context": {"k": "http://ex/k"}}}, "@id": "a", "n": {"@id": "b", "k": "v"}, "@reverse": {"http://ex/r": {"@id": "c"}}}`,
		`{"@context": "http://ex/ctx", "x": 1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := jsonld.NewReader(bytes.NewReader(data), "fuzz")
		r.SetBase("http://example.org/base/doc")
		var got []graph.Quad
		for {
			q, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *jsonld.ParseError
				if !errors.As(err, &pe) && !isExpected(err) {
					t.Fatalf("Read error %v is not a *ParseError", err)
				}
				if pe != nil && (pe.Expected == "" || pe.Error() == "") {
					t.Fatalf("ParseError %#v says nothing", pe)
				}
				break
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("Read returned an invalid quad: %v", err)
			}
			got = append(got, q)
		}
		if r.BytesRead() > int64(len(data)) || r.BytesRead() < 0 {
			t.Fatalf("BytesRead() = %d, input length %d", r.BytesRead(), len(data))
		}
		rdftest.RoundTrip(t, got)
	})
}

// isExpected reports whether err is an error other than a ParseError that
// the reader may return for some input.
func isExpected(err error) bool { return errors.Is(err, jsonld.ErrRemoteContext) }
