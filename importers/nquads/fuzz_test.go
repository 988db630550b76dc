package nquads_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/importers/nquads"
)

// roundTrip writes qs with the export writer and parses the output again.
func roundTrip(tb testing.TB, qs []graph.Quad, quads bool) []graph.Quad {
	tb.Helper()
	var buf bytes.Buffer
	w := export.NewNQuadsWriter(&buf, quads)
	for _, q := range qs {
		if err := w.Write(q); err != nil {
			tb.Fatalf("Write(%v): %v", q, err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	again, err := readAll(tb, &buf, "roundtrip", quads)
	if err != nil {
		tb.Fatalf("reparse of %q: %v", buf.String(), err)
	}
	return again
}

// FuzzReader checks that the reader never panics, fails only with a
// ParseError, returns only valid quads, and that what it reads survives a
// round trip through the writer unchanged.
func FuzzReader(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.n[tq]"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, filepath.Ext(name) == ".nq")
	}
	for _, s := range []string{
		"",
		"<http://a/s> <http://a/p> <http://a/o> .",
		"_:b0 <http://a/p> \"x\\u00e9\\n\"@en-GB <http://a/g> .\r\n",
		"<http://a/s><http://a/p>\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>_:g.#c",
		"<http://a/\\u0020> <http://a/p> \"\\U0001F600\\\"\" .\r",
		"_:a.b <http://a/p> _:c.",
		"<http://a/s> <http://a/p> \"\\uD800\" .",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, quads bool) {
		r := nquads.NewReader(bytes.NewReader(data), "fuzz", quads)
		var got []graph.Quad
		for {
			q, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *nquads.ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("Read error %v is not a *ParseError", err)
				}
				if pe.Line != r.Line() || pe.Col < 1 {
					t.Fatalf("ParseError %#v: bad position (Line() = %d)", pe, r.Line())
				}
				break
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("Read returned an invalid quad: %v", err)
			}
			if !quads && !q.G.IsZero() {
				t.Fatalf("N-Triples Read returned a graph name: %v", q)
			}
			got = append(got, q)
		}
		if r.BytesRead() > int64(len(data)) {
			t.Fatalf("BytesRead() = %d > input length %d", r.BytesRead(), len(data))
		}
		if again := roundTrip(t, got, quads); !reflect.DeepEqual(got, again) && len(got)+len(again) > 0 {
			t.Fatalf("round trip changed the quads:\n got %v\nthen %v", got, again)
		}
	})
}
