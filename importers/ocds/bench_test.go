package ocds_test

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"testing"

	"civicgraph/importers/ocds"
)

// releaseBytes returns one release of a made-up contracting process n: a
// buyer (one of 50), two tenderers (one of 500 each), an award and a
// contract, items with a CPV code, documents, about 2 KB of JSON.
func releaseBytes(n int) []byte {
	return fmt.Appendf(nil, `{"ocid": "ocds-bench-%[1]d", "id": "%[1]d-1", "date": "2024-03-01T10:00:00Z", "language": "en", "tag": ["award", "contract"],
 "parties": [
  {"id": "XX-BUY-%[2]d", "name": "Municipality %[2]d", "identifier": {"scheme": "XX-BUY", "id": "%[2]d"}, "address": {"countryName": "Netherlands"}, "roles": ["buyer"]},
  {"id": "XX-SUP-%[3]d", "name": "Supplier %[3]d BV", "identifier": {"scheme": "XX-SUP", "id": "%[3]d"}, "roles": ["tenderer", "supplier"]},
  {"id": "XX-SUP-%[4]d", "name": "Supplier %[4]d BV", "identifier": {"scheme": "XX-SUP", "id": "%[4]d"}, "roles": ["tenderer"]}],
 "buyer": {"id": "XX-BUY-%[2]d", "name": "Municipality %[2]d"},
 "tender": {"id": "%[1]d", "title": "Decision support system %[1]d", "description": "A system that helps case workers prioritise applications.",
  "status": "complete", "procurementMethod": "open", "value": {"amount": 125000.50, "currency": "EUR"},
  "tenderPeriod": {"startDate": "2024-01-15T00:00:00Z", "endDate": "2024-02-15T00:00:00Z"},
  "items": [{"id": "1", "description": "Software", "classification": {"scheme": "CPV", "id": "72212000-4"}, "quantity": 1}],
  "documents": [{"id": "d1", "title": "Tender notice", "url": "https://example.org/notices/%[1]d.pdf", "format": "application/pdf"}]},
 "awards": [{"id": "a1", "status": "active", "date": "2024-02-28T00:00:00Z", "value": {"amount": 119000, "currency": "EUR"},
  "suppliers": [{"id": "XX-SUP-%[3]d", "name": "Supplier %[3]d BV"}]}],
 "contracts": [{"id": "c1", "awardID": "a1", "status": "active", "dateSigned": "2024-03-01T00:00:00Z",
  "period": {"startDate": "2024-04-01T00:00:00Z", "endDate": "2025-03-31T00:00:00Z"}, "value": {"amount": 119000, "currency": "EUR"}}]}`,
		n, n%50, n%500, (n+250)%500)
}

// releasePackage returns a release package of n releases.
func releasePackage(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"version": "1.1", "publisher": {"name": "bench"}, "releases": [`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(releaseBytes(i))
	}
	b.WriteString("]}\n")
	return b.Bytes()
}

// BenchmarkReader reads release packages of several sizes and reports
// releases/s and quads per release.
func BenchmarkReader(b *testing.B) {
	for _, n := range []int{100, 10000} {
		data := releasePackage(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			quads := 0
			for b.Loop() {
				r := ocds.NewReader(bytes.NewReader(data), "bench.json", testBase)
				quads = 0
				for {
					_, err := r.Read()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					quads++
				}
				if r.Records() != n {
					b.Fatalf("Records() = %d, want %d", r.Records(), n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "releases/s")
			b.ReportMetric(float64(quads)/float64(n), "quads/release")
		})
	}
}
