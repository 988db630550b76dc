package rdfxml_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"civicgraph/rdf/rdfxml"
)

// benchData returns an RDF/XML document of about n triples in the shape of
// typical procurement data: typed node elements with eight statements each,
// a mix of resources, plain, language-tagged and typed literals, and a
// nested blank node.
func benchData(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:dct="http://purl.org/dc/terms/"
         xmlns:epo="http://data.europa.eu/a4g/ontology#"
         xml:base="https://data.civicgraph.example/">
`)
	classes := []string{"Procurement", "Lot", "Organisation", "Contract"}
	for s := range (n + 7) / 8 {
		fmt.Fprintf(&b, `  <epo:%s rdf:about="procurement/%d">
    <dct:title xml:lang="en">Procurement of an AI system for case triage, lot %d</dct:title>
    <epo:hasEstimatedValue rdf:datatype="http://www.w3.org/2001/XMLSchema#decimal">%d.50</epo:hasEstimatedValue>
    <dct:issued rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2024-%02d-%02d</dct:issued>
    <epo:hasBuyer rdf:resource="organisation/%d"/>
    <dct:description>Line one
line two with "quotes" &amp; caf&#233; %d</dct:description>
    <dct:identifier>ocds-%06d</dct:identifier>
    <epo:hasLot rdf:nodeID="lot%d"/>
  </epo:%s>
`, classes[s%len(classes)], s, s, s*1000+17, s%12+1, s%28+1, s%500, s, s, s, classes[s%len(classes)])
	}
	b.WriteString("</rdf:RDF>\n")
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
				r := rdfxml.NewReader(bytes.NewReader(data), "bench")
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
			b.ReportMetric(float64(count)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
		})
	}
}
