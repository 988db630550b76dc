package bib_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
	"civicgraph/internal/realdata"
	"civicgraph/schema"
)

// formatOf returns the format of a sample file by its extension.
func formatOf(tb testing.TB, path string) bib.Format {
	tb.Helper()
	switch filepath.Ext(path) {
	case ".bib":
		return bib.BibTeX
	case ".json":
		return bib.CSLJSON
	case ".ris":
		return bib.RIS
	}
	tb.Fatalf("%s: no bibliography format has this extension", path)
	return ""
}

// testSchema returns the schema, loaded once for all tests, or nil when it
// does not load (then shape checks are skipped, and said so).
var testSchema = sync.OnceValues(schema.New)

// checkQuads checks that every quad is well formed and, when the schema
// loads, that the quads together break no shape.
func checkQuads(tb testing.TB, quads []graph.Quad) {
	tb.Helper()
	checkQuadsAllowing(tb, quads, func(schema.Violation) bool { return false })
}

// checkQuadsAllowing is checkQuads with the violations allowed reports
// true for let through.
func checkQuadsAllowing(tb testing.TB, quads []graph.Quad, allowed func(schema.Violation) bool) {
	tb.Helper()
	for _, q := range quads {
		if err := q.Validate(); err != nil {
			tb.Errorf("quad %s: %v", q, err)
		}
	}
	s, err := testSchema()
	if err != nil {
		tb.Logf("schema.New: %v; shapes not checked", err)
		return
	}
	for _, v := range s.Validate(quads) {
		if !allowed(v) {
			tb.Errorf("%v", v)
		}
	}
}

// readAll reads every quad of a Reader.
func readAll(tb testing.TB, r *bib.Reader) ([]graph.Quad, error) {
	tb.Helper()
	var out []graph.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

// compareCitation reports every field of got that differs from want.
func compareCitation(tb testing.TB, label string, got, want citation.Citation) {
	tb.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		name := gv.Type().Field(i).Name
		if gv.Field(i).Kind() == reflect.Slice && gv.Field(i).Len() == 0 && wv.Field(i).Len() == 0 {
			continue
		}
		if g, w := gv.Field(i).Interface(), wv.Field(i).Interface(); !reflect.DeepEqual(g, w) {
			tb.Errorf("%s: %s = %#v, want %#v", label, name, g, w)
		}
	}
}

// parseOne parses in and returns its only citation.
func parseOne(tb testing.TB, in string, format bib.Format) citation.Citation {
	tb.Helper()
	cs, err := bib.Parse(strings.NewReader(in), "in", format)
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	if len(cs) != 1 {
		tb.Fatalf("Parse gave %d citations, want 1", len(cs))
	}
	return cs[0]
}

// person is a citation.Person, for short tables.
func person(family, given string) citation.Person {
	return citation.Person{Family: family, Given: given}
}

// readReal returns a file of the shared real data, by its path under it;
// the test skips (or fails under CI=true) when the data is absent.
func readReal(tb testing.TB, rel string) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(realdata.Dir(tb), rel))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
