package nquads_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"civicgraph/rdf/nquads"
)

// benchData returns n lines of typical N-Triples, or N-Quads with graph
// names: sorted subjects with a handful of statements each, a small set of
// predicates and classes, and a mix of IRIs, plain, language-tagged and
// typed literals, a few with escapes.
func benchData(n int, quads bool) []byte {
	const (
		base = "https://data.civicgraph.example/"
		rdf  = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
		xsd  = "http://www.w3.org/2001/XMLSchema#"
		dct  = "http://purl.org/dc/terms/"
		epo  = "http://data.europa.eu/a4g/ontology#"
	)
	classes := []string{epo + "Procurement", epo + "Lot", epo + "Organisation", epo + "Contract"}
	var b bytes.Buffer
	for i := range n {
		s := i / 8
		fmt.Fprintf(&b, "<%sprocurement/%d> ", base, s)
		switch i % 8 {
		case 0:
			fmt.Fprintf(&b, "<%stype> <%s>", rdf, classes[s%len(classes)])
		case 1:
			fmt.Fprintf(&b, "<%stitle> \"Procurement of an AI system for case triage, lot %d\"@en", dct, s)
		case 2:
			fmt.Fprintf(&b, "<%shasEstimatedValue> \"%d.50\"^^<%sdecimal>", epo, s*1000+17, xsd)
		case 3:
			fmt.Fprintf(&b, "<%sissued> \"2024-%02d-%02d\"^^<%sdate>", dct, s%12+1, s%28+1, xsd)
		case 4:
			fmt.Fprintf(&b, "<%shasBuyer> <%sorganisation/%d>", epo, base, s%500)
		case 5:
			fmt.Fprintf(&b, "<%sdescription> \"Line one\\nline two with \\\"quotes\\\" and caf\\u00E9 %d\"", dct, s)
		case 6:
			fmt.Fprintf(&b, "<%sidentifier> \"ocds-%06d\"", dct, s)
		case 7:
			fmt.Fprintf(&b, "<%shasLot> _:lot%d", epo, s)
		}
		if quads {
			fmt.Fprintf(&b, " <%sgraph/source-%d>", base, s%20)
		}
		b.WriteString(" .\n")
	}
	return b.Bytes()
}

func BenchmarkReader_Read(b *testing.B) {
	for _, quads := range []bool{false, true} {
		for _, n := range []int{1_000, 100_000} {
			format := "ntriples"
			if quads {
				format = "nquads"
			}
			b.Run(fmt.Sprintf("%s/lines=%d", format, n), func(b *testing.B) {
				data := benchData(n, quads)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					r := nquads.NewReader(bytes.NewReader(data), "bench", quads)
					count := 0
					for {
						_, err := r.Read()
						if err == io.EOF {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
						count++
					}
					if count != n {
						b.Fatalf("read %d statements, want %d", count, n)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
			})
		}
	}
}
