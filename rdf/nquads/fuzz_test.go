package nquads_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/nquads"
)

// roundTrip writes qs with the export writer and parses the output again.
func roundTrip(tb testing.TB, qs []graph.Quad, quads bool) []graph.Quad {
	tb.Helper()
	var buf bytes.Buffer
	w := nquads.NewWriter(&buf, quads)
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

// FuzzReader checks that the reader never panics, fails only with
// ParseErrors in line order, returns only valid quads, and that what it
// reads survives a round trip through the writer unchanged.
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
				checkErrors(t, err, r.Line())
				if _, again := r.Read(); again != err {
					t.Fatalf("Read after the error = %v, want %v again", again, err)
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

// checkErrors checks the error Read ended with: one *ParseError, or a list
// of them in line order, at most one a line, with sane positions, and line,
// the reader's Line() at the end, the first error's line.
func checkErrors(t *testing.T, err error, line int) {
	t.Helper()
	errs := []error{err}
	if l, ok := err.(interface{ Unwrap() []error }); ok {
		errs = l.Unwrap()
		if len(errs) < 2 || len(errs) > 100 {
			t.Fatalf("Read error lists %d errors, want 2 to 100", len(errs))
		}
	}
	prev := 0
	for _, e := range errs {
		pe, ok := e.(*nquads.ParseError)
		if !ok {
			t.Fatalf("Read error %v is not a *ParseError", e)
		}
		if pe.Line <= prev || pe.Col < 1 {
			t.Fatalf("ParseError %#v: bad position after line %d", pe, prev)
		}
		prev = pe.Line
	}
	if first := errs[0].(*nquads.ParseError); first.Line != line {
		t.Fatalf("Line() = %d at the end, want the first error's line %d", line, first.Line)
	}
}
