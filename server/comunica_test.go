package server_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"civicgraph/server"
)

// comunicaDir finds a directory where npm installed
// @comunica/query-sparql@4: the one CIVICGRAPH_COMUNICA_DIR names (.ci/run
// sets it), else the scratch directory .ci/run uses.
func comunicaDir() string {
	if d := os.Getenv("CIVICGRAPH_COMUNICA_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "civicgraph-comunica")
}

// TestFragments_Comunica runs SPARQL queries with Comunica, a standard
// linked-data client, against /fragments on loopback, and checks each
// answer against the same question asked through GraphQL. It needs node
// and npm's @comunica/query-sparql@4 (see .ci/run); without them it skips,
// except under CI=true, where it fails.
func TestFragments_Comunica(t *testing.T) {
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; .ci/run installs it", what)
		}
		t.Skipf("%s; run .ci/run's comunica block, or npm install --prefix DIR @comunica/query-sparql@4 and set CIVICGRAPH_COMUNICA_DIR=DIR", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	dir := comunicaDir()
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@comunica", "query-sparql", "package.json")); err != nil {
		missing("npm package @comunica/query-sparql is not installed in " + dir)
	}
	ts, _ := newTestServer(t, server.Options{})

	const prefixes = `PREFIX cg: <https://w3id.org/civicgraph/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
`
	// Each question twice: in SPARQL, and in GraphQL with a function that
	// turns the response's data into the same rows.
	type question struct {
		name, sparql, graphql string
		rows                  func(t *testing.T, data json.RawMessage) []string
	}
	iris := func(field string) func(t *testing.T, data json.RawMessage) []string {
		return func(t *testing.T, data json.RawMessage) []string {
			var d map[string]struct {
				Nodes []struct{ IRI string }
			}
			mustUnmarshal(t, data, &d)
			var out []string
			for _, n := range d[field].Nodes {
				out = append(out, n.IRI)
			}
			return out
		}
	}
	questions := []question{
		{
			name:    "administrations",
			sparql:  `SELECT ?a WHERE { ?a a cg:Administration }`,
			graphql: `{ administrations(first: 1000) { nodes { iri } } }`,
			rows:    iris("administrations"),
		},
		{
			name:    "persons (two pages of a fragment)",
			sparql:  `SELECT ?p WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }`,
			graphql: `{ persons(first: 1000) { nodes { iri } } }`,
			rows:    iris("persons"),
		},
		{
			name: "civil society actors",
			sparql: `SELECT DISTINCT ?a WHERE { ?a cg:sector <https://w3id.org/civicgraph/concept/sector/civil-society> .
				{ ?a a cg:Actor } UNION { ?a a cg:Administration } }`,
			graphql: `{ actors(filter: {sector: ["civil-society"]}, first: 1000) { nodes { iri } } }`,
			rows:    iris("actors"),
		},
		{
			name:    "engagements of an actor, with their procurement",
			sparql:  `SELECT ?e ?p WHERE { ?e cg:actor <https://w3id.org/civicgraph/id/actor/testville-civic-lab> ; cg:procurement ?p }`,
			graphql: `{ node(id: "actor/testville-civic-lab") { ... on Actor { engagements(first: 100) { nodes { iri procurement { iri } } } } } }`,
			rows: func(t *testing.T, data json.RawMessage) []string {
				var d struct {
					Node struct {
						Engagements struct {
							Nodes []struct {
								IRI         string
								Procurement *struct{ IRI string }
							}
						}
					}
				}
				mustUnmarshal(t, data, &d)
				var out []string
				for _, n := range d.Node.Engagements.Nodes {
					if n.Procurement != nil {
						out = append(out, n.IRI+"\t"+n.Procurement.IRI)
					}
				}
				return out
			},
		},
		{
			name:    "procurements and the English label of their buyer",
			sparql:  `SELECT ?p ?l WHERE { ?p a cg:Procurement ; cg:buyer ?b . ?b rdfs:label ?l FILTER(lang(?l) = "en") }`,
			graphql: `{ procurements(first: 1000) { nodes { iri buyer { label(lang: "en") } } } }`,
			rows: func(t *testing.T, data json.RawMessage) []string {
				var d struct {
					Procurements struct {
						Nodes []struct {
							IRI   string
							Buyer *struct{ Label *string }
						}
					}
				}
				mustUnmarshal(t, data, &d)
				var out []string
				for _, n := range d.Procurements.Nodes {
					if n.Buyer != nil && n.Buyer.Label != nil {
						out = append(out, n.IRI+"\t"+*n.Buyer.Label)
					}
				}
				return out
			},
		},
		{
			name:    "how many references",
			sparql:  `SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a cg:Reference }`,
			graphql: `{ references { totalCount } }`,
			rows: func(t *testing.T, data json.RawMessage) []string {
				var d struct{ References struct{ TotalCount int } }
				mustUnmarshal(t, data, &d)
				return []string{strconv.Itoa(d.References.TotalCount)}
			},
		},
		{
			name:    "what has this title",
			sparql:  `SELECT ?s WHERE { ?s dcterms:title "Fair mobility for Testville"@en }`,
			graphql: `{ triples(p: "http://purl.org/dc/terms/title", o: "\"Fair mobility for Testville\"@en") { nodes { subject { value } } } }`,
			rows: func(t *testing.T, data json.RawMessage) []string {
				var d struct {
					Triples struct {
						Nodes []struct{ Subject struct{ Value string } }
					}
				}
				mustUnmarshal(t, data, &d)
				var out []string
				for _, n := range d.Triples.Nodes {
					out = append(out, n.Subject.Value)
				}
				return out
			},
		},
	}
	type sparqlQuery struct {
		Name   string `json:"name"`
		SPARQL string `json:"sparql"`
	}
	var qs []sparqlQuery
	for _, q := range questions {
		qs = append(qs, sparqlQuery{q.name, prefixes + q.sparql})
	}
	b, _ := json.Marshal(qs)
	file := filepath.Join(t.TempDir(), "queries.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "testdata/comunica.mjs", ts.URL+"/fragments", file, dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("comunica.mjs: %v\n%s", err, stderr.String())
	}
	var got map[string][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("comunica.mjs output: %v\n%s", err, out)
	}
	for _, q := range questions {
		t.Run(q.name, func(t *testing.T) {
			r := query(t, ts, q.graphql, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("GraphQL: %s", r.Errors[0].Message)
			}
			want := q.rows(t, r.Data)
			slices.Sort(want)
			if len(want) == 0 {
				t.Fatal("GraphQL answers nothing: the question tests nothing")
			}
			t.Logf("%d rows", len(want))
			if !slices.Equal(got[q.name], want) {
				t.Errorf("SPARQL through /fragments:\n%q\nGraphQL:\n%q", got[q.name], want)
			}
		})
	}
}

func mustUnmarshal(t *testing.T, data json.RawMessage, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("GraphQL data: %v\n%s", err, data)
	}
}
