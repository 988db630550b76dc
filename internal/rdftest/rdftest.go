// Package rdftest holds helpers for the tests of the RDF parsers: reading
// a reader to the end, canonical N-Quads lines for golden files, and the
// round trip through the N-Quads writer and reader that every parser's fuzz
// target checks. It sits outside rdf so that importers' tests can use it too.
package rdftest

import (
	"bytes"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/nquads"
)

// Reader is what every parser's reader offers.
type Reader interface {
	Read() (graph.Quad, error)
}

// ReadAll reads every quad from r, stopping at the first error, which it
// returns with the quads read before it.
func ReadAll(r Reader) ([]graph.Quad, error) {
	var out []graph.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

// writeNQuads writes quads with the export writer, failing tb on error.
func writeNQuads(tb testing.TB, quads []graph.Quad) *bytes.Buffer {
	tb.Helper()
	var b bytes.Buffer
	w := nquads.NewWriter(&b, true)
	for _, q := range quads {
		if err := w.Write(q); err != nil {
			tb.Fatalf("export Write(%v): %v", q, err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return &b
}

// NQuadsLines returns quads as sorted, distinct N-Quads lines, for golden
// files.
func NQuadsLines(tb testing.TB, quads []graph.Quad) string {
	tb.Helper()
	lines := strings.SplitAfter(writeNQuads(tb, quads).String(), "\n")
	slices.Sort(lines)
	return strings.Join(slices.Compact(lines), "")
}

// RoundTrip writes quads as N-Quads and reads them back with the N-Quads
// reader; the quads must come back unchanged, in order.
func RoundTrip(tb testing.TB, quads []graph.Quad) {
	tb.Helper()
	buf := writeNQuads(tb, quads)
	text := buf.String()
	again, err := ReadAll(nquads.NewReader(buf, "roundtrip", true))
	if err != nil {
		tb.Fatalf("nquads cannot read the export %q: %v", text, err)
	}
	if len(quads)+len(again) > 0 && !reflect.DeepEqual(quads, again) {
		tb.Fatalf("round trip changed the quads:\n got %v\nthen %v", quads, again)
	}
}
