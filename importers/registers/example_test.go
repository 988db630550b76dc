package registers_test

import (
	"fmt"
	"io"
	"strings"

	"civicgraph/importers/registers"
	"civicgraph/schema"
)

// ExampleNewReader detects the format of a small Algoritmeregister file
// and prints the procurement it maps to and its buyer.
func ExampleNewReader() {
	const in = `{"algoritmes": [{"id": "7", "title": "Verkeersmodel", "organisatie": "Provincie Zeeland",
  "doel": "Verkeersstromen voorspellen.", "status": "in_gebruik", "impactassessment": "Ja",
  "url": "https://algoritmes.overheid.nl/nl/algoritme/7"}]}`
	f, ok := registers.Detect([]byte(in), "algoritmes.json")
	fmt.Println(f, ok)
	r := registers.NewReader(strings.NewReader(in), "algoritmes.json", f, "https://example.org/id/")
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		if q.P.Value == schema.PropBuyer || q.P.Value == schema.PropGovernmentLevel {
			fmt.Println(q.S.Value, "→", q.O.Value)
		}
	}
	fmt.Println(r.Records(), "record")
	// Output:
	// algoritmeregister true
	// https://example.org/id/procurement/algoritmeregister-7 → https://example.org/id/actor/provincie-zeeland
	// https://example.org/id/actor/provincie-zeeland → https://w3id.org/civicgraph/concept/government-level/regional
	// 1 record
}
