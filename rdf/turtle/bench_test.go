package turtle_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"civicgraph/rdf/turtle"
)

// benchData returns Turtle with n triples, written as a typical dump is:
// prefixes, then one block per subject with ';' between predicates and ','
// between objects, and a mix of prefixed names, IRIs, plain,
// language-tagged and typed literals, numbers, a few escapes, blank nodes
// and property lists. With trig true the blocks are spread over a few
// graph blocks.
func benchData(n int, trig bool) []byte {
	var b bytes.Buffer
	b.WriteString(`@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix epo: <http://data.europa.eu/a4g/ontology#> .
@prefix cg: <https://data.civicgraph.example/> .

`)
	classes := []string{"epo:Procurement", "epo:Lot", "epo:Organisation", "epo:Contract"}
	// Each subject block holds 12 triples.
	const perBlock = 12
	blocks := (n + perBlock - 1) / perBlock
	graphs := 0
	for s := range blocks {
		if trig && s%1000 == 0 {
			if s > 0 {
				b.WriteString("}\n")
			}
			fmt.Fprintf(&b, "cg:graph\\/source-%d {\n", graphs)
			graphs++
		}
		fmt.Fprintf(&b, "cg:procurement\\/%d a %s ;\n", s, classes[s%len(classes)])
		fmt.Fprintf(&b, "    dct:title \"Procurement of an AI system for case triage, lot %d\"@en ,\n", s)
		fmt.Fprintf(&b, "        \"Aanbesteding van een AI-systeem voor triage, perceel %d\"@nl ;\n", s)
		fmt.Fprintf(&b, "    epo:hasEstimatedValue %d.50 ;\n", s*1000+17)
		fmt.Fprintf(&b, "    dct:issued \"2024-%02d-%02d\"^^xsd:date ;\n", s%12+1, s%28+1)
		fmt.Fprintf(&b, "    epo:hasBuyer <https://data.civicgraph.example/organisation/%d> ;\n", s%500)
		fmt.Fprintf(&b, "    dct:description \"\"\"Line one\nline two with \"quotes\" and caf\\u00E9 %d\"\"\" ;\n", s)
		fmt.Fprintf(&b, "    dct:identifier \"ocds-%06d\" ;\n", s)
		fmt.Fprintf(&b, "    epo:hasLot [ a epo:Lot ; epo:hasLotNumber %d ] ;\n", s%7) // 3 triples
		fmt.Fprintf(&b, "    epo:isSubjectToAward true ;\n")
		fmt.Fprintf(&b, "    dct:relation _:r%d .\n\n", s%100)
	}
	if trig {
		b.WriteString("}\n")
	}
	return b.Bytes()
}

func BenchmarkReader_Read(b *testing.B) {
	for _, trig := range []bool{false, true} {
		for _, n := range []int{1_000, 100_000} {
			format := "turtle"
			if trig {
				format = "trig"
			}
			b.Run(fmt.Sprintf("%s/triples=%d", format, n), func(b *testing.B) {
				data := benchData(n, trig)
				want := countTriples(b, data, trig)
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if got := countTriples(b, data, trig); got != want {
						b.Fatalf("read %d triples, want %d", got, want)
					}
				}
				b.ReportMetric(float64(want)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
			})
		}
	}
}

// countTriples parses data and returns the number of statements.
func countTriples(tb testing.TB, data []byte, trig bool) int {
	r := turtle.NewReader(bytes.NewReader(data), "bench", trig)
	n := 0
	for {
		_, err := r.Read()
		if err == io.EOF {
			return n
		}
		if err != nil {
			tb.Fatal(err)
		}
		n++
	}
}
