package bib_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/schema"
)

// benchAbstract makes the entries as long as real exported ones, which
// carry abstracts.
var benchAbstract = strings.Repeat("Public administrations increasingly procure algorithmic systems. ", 8)

// benchInput writes n distinct journal articles, each with three authors,
// a DOI, a URL and an abstract, in format.
func benchInput(format bib.Format, n int) string {
	var b strings.Builder
	if format == bib.CSLJSON {
		b.WriteString("[\n")
	}
	for i := range n {
		switch format {
		case bib.BibTeX:
			fmt.Fprintf(&b, `@article{pena%d,
  author = {Pe{\~n}a-L{\'o}pez, Ismael and Smith, John and M{\"u}ller, J{\"o}rg},
  title = {Open {Government} number %d: a study},
  journal = {Journal of Public Policy},
  year = {%d}, volume = {12}, number = {4}, pages = {101--120},
  doi = {10.1000/jpp.%d}, url = {https://example.org/a/%d},
  abstract = {%s},
}

`, i, i, 1950+i%70, i, i, benchAbstract)
		case bib.RIS:
			fmt.Fprintf(&b, "TY  - JOUR\nAU  - Peña-López, Ismael\nAU  - Smith, John\nAU  - Müller, Jörg\n"+
				"TI  - Open Government number %d: a study\nJO  - Journal of Public Policy\nPY  - %d\nVL  - 12\nIS  - 4\n"+
				"SP  - 101\nEP  - 120\nDO  - 10.1000/jpp.%d\nUR  - https://example.org/a/%d\nAB  - %s\nER  - \n\n",
				i, 1950+i%70, i, i, benchAbstract)
		case bib.CSLJSON:
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `  {"id": "pena%d", "type": "article-journal",
   "author": [{"family": "Peña-López", "given": "Ismael"}, {"family": "Smith", "given": "John"}, {"family": "Müller", "given": "Jörg"}],
   "title": "Open Government number %d: a study", "container-title": "Journal of Public Policy",
   "issued": {"date-parts": [[%d]]}, "volume": "12", "issue": "4", "page": "101-120",
   "DOI": "10.1000/jpp.%d", "URL": "https://example.org/a/%d", "abstract": "%s"}`,
				i, i, 1950+i%70, i, i, benchAbstract)
		}
	}
	if format == bib.CSLJSON {
		b.WriteString("\n]\n")
	}
	return b.String()
}

// BenchmarkReader reads every quad of n entries, end to end: parsing,
// normalising, deduplicating and mapping to quads.
func BenchmarkReader(b *testing.B) {
	for _, format := range bib.Formats() {
		for _, n := range []int{100, 10000} {
			in := benchInput(format, n)
			b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in)))
				quads := 0
				for b.Loop() {
					r := bib.NewReader(strings.NewReader(in), "bench", format, schema.DefaultBase)
					quads = 0
					for {
						_, err := r.Read()
						if errors.Is(err, io.EOF) {
							break
						}
						if err != nil {
							b.Fatal(err)
						}
						quads++
					}
					if r.Entries() != n {
						b.Fatalf("read %d entries, want %d", r.Entries(), n)
					}
				}
				b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
				b.ReportMetric(float64(quads), "quads/op")
			})
		}
	}
}

// BenchmarkParse parses n entries into citations, without quads.
func BenchmarkParse(b *testing.B) {
	for _, format := range bib.Formats() {
		const n = 10000
		in := benchInput(format, n)
		b.Run(fmt.Sprintf("%s/%d", format, n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				cs, err := bib.Parse(strings.NewReader(in), "bench", format)
				if err != nil || len(cs) != n {
					b.Fatalf("Parse gave %d citations, %v", len(cs), err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
