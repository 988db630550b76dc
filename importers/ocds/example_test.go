package ocds_test

import (
	"fmt"
	"io"
	"strings"

	"civicgraph/importers/ocds"
	"civicgraph/schema"
)

// ExampleNewReader reads a bare OCDS release and prints its quads.
func ExampleNewReader() {
	const release = `{
	  "ocid": "ocds-213czf-0042",
	  "date": "2024-03-01T10:00:00Z",
	  "tag": ["tender"],
	  "buyer": {"name": "Ajuntament de Girona", "address": {"countryName": "Spain"}},
	  "tender": {"title": "Chatbot", "status": "active", "value": {"amount": 1.5e4, "currency": "EUR"}}
	}`
	r := ocds.NewReader(strings.NewReader(release), "release.json", "https://example.org/id/")
	r.GovernmentLevel = schema.LevelLocal
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(strings.NewReplacer(schema.NS, "cg:", "https://example.org/id/", ":", schema.ConceptBase, "concept:").
			Replace(q.S.String() + " " + q.P.String() + " " + q.O.String()))
	}
	fmt.Println(r.Records(), "release")
	// Output:
	// <:procurement/ocds-213czf-0042> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <cg:Procurement>
	// <:procurement/ocds-213czf-0042> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://data.europa.eu/a4g/ontology#Procedure>
	// <:procurement/ocds-213czf-0042> <cg:ocid> "ocds-213czf-0042"
	// <:procurement/ocds-213czf-0042> <http://purl.org/dc/terms/title> "Chatbot"
	// <:procurement/ocds-213czf-0042> <cg:status> <concept:procurement-status/active>
	// <:procurement/ocds-213czf-0042> <cg:value> "15000"^^<http://www.w3.org/2001/XMLSchema#decimal>
	// <:procurement/ocds-213czf-0042> <cg:currency> "EUR"
	// <:actor/ajuntament-de-girona> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <cg:Actor>
	// <:actor/ajuntament-de-girona> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Organization>
	// <:actor/ajuntament-de-girona> <http://www.w3.org/2000/01/rdf-schema#label> "Ajuntament de Girona"
	// <:actor/ajuntament-de-girona> <cg:country> "ES"
	// <:actor/ajuntament-de-girona> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <cg:Administration>
	// <:actor/ajuntament-de-girona> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/org#Organization>
	// <:actor/ajuntament-de-girona> <cg:sector> <concept:sector/public-administration>
	// <:actor/ajuntament-de-girona> <cg:governmentLevel> <concept:government-level/local>
	// <:procurement/ocds-213czf-0042> <cg:buyer> <:actor/ajuntament-de-girona>
	// <:procurement/ocds-213czf-0042> <cg:stageReached> <concept:lifecycle/tendering>
	// <:procurement/ocds-213czf-0042> <cg:milestone> <:milestone/ocds-213czf-0042-tendering>
	// <:milestone/ocds-213czf-0042-tendering> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <cg:Milestone>
	// <:milestone/ocds-213czf-0042-tendering> <cg:stage> <concept:lifecycle/tendering>
	// <:milestone/ocds-213czf-0042-tendering> <http://purl.org/dc/terms/date> "2024-03-01T10:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>
	// 1 release
}
