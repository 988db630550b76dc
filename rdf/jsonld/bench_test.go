package jsonld_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"civicgraph/rdf/jsonld"
)

// benchData returns a JSON-LD document of about n triples in the shape of
// typical procurement data: a context with a vocabulary, typed and
// language-mapped terms, and nodes of eight statements each in @graph.
func benchData(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"@context": {"@vocab": "http://data.europa.eu/a4g/ontology#", "@base": "https://data.civicgraph.example/",
  "dct": "http://purl.org/dc/terms/", "xsd": "http://www.w3.org/2001/XMLSchema#",
  "title": {"@id": "dct:title", "@container": "@language"}, "issued": {"@id": "dct:issued", "@type": "xsd:date"},
  "value": {"@id": "hasEstimatedValue", "@type": "xsd:decimal"}, "hasBuyer": {"@type": "@id"}},
 "@graph": [
`)
	classes := []string{"Procurement", "Lot", "Organisation", "Contract"}
	for s := range (n + 7) / 8 {
		if s > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `  {"@id": "procurement/%d", "@type": "%s", "title": {"en": "Procurement of an AI system for case triage, lot %d"},
   "value": "%d.50", "issued": "2024-%02d-%02d", "hasBuyer": "organisation/%d",
   "dct:description": "Line one\nline two with \"quotes\" and caf\u00e9 %d", "dct:identifier": "ocds-%06d", "hasLot": {"@id": "_:lot%d"}}`,
			s, classes[s%len(classes)], s, s*1000+17, s%12+1, s%28+1, s%500, s, s, s)
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

func BenchmarkReader_Read(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		b.Run(fmt.Sprintf("triples=%d", n), func(b *testing.B) {
			data := benchData(n)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			count := 0
			for b.Loop() {
				r := jsonld.NewReader(bytes.NewReader(data), "bench")
				count = 0
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
			}
			if count < n {
				b.Fatalf("read %d statements, want at least %d", count, n)
			}
			b.ReportMetric(float64(count)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}
