package server

import (
	"testing"

	"civicgraph/graph/graphtest"
	"civicgraph/queries"
	"civicgraph/schema"
)

func TestDocument_Cost(t *testing.T) {
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	gs, err := NewSchema(queries.New(graphtest.NewStore(t), sc, queries.Options{}), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	ast := gs.ASTSchema()
	for _, tc := range []struct {
		name  string
		query string
		vars  map[string]any
		want  int
	}{
		{"Scalar", `{ stats { quads } }`, nil, 2},
		{"DefaultPage", `{ actors { totalCount } }`, nil, 40},
		{"Page", `{ actors(first: 100) { nodes { id label } } }`, nil, 400},
		{"Variable", `query($n: Int) { actors(first: $n) { nodes { id } } }`, map[string]any{"n": 5.0}, 15},
		{"RelationList", `{ node(id: "x") { ... on Actor { engagements { nodes { id } } } } }`, nil, 61},
		{"Fragment", `{ actors(first: 2) { ...F } } fragment F on ActorConnection { edges { node { sectors { id } } } }`, nil, 2 + 2 + 2 + 40 + 40},
		{"Introspection", `{ __schema { types { name fields { name } } } }`, nil, 1},
		{"Named", `query A { stats { quads } } query B { actors(first: 3) { totalCount } }`, nil, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, ok := parseDocument(tc.query)
			if !ok {
				t.Fatalf("parseDocument(%q) failed", tc.query)
			}
			op, ok := doc.operation("")
			if !ok {
				op = doc.ops[0]
			}
			if got := doc.cost(ast, op, tc.vars); got != tc.want {
				t.Errorf("cost(%q) = %d, want %d", tc.query, got, tc.want)
			}
		})
	}
}

func TestParseDocument_Bad(t *testing.T) {
	for _, q := range []string{"{", "}", `{ a(x: "unterminated) }`, "query { a } garbage", "{ a(: 1) }", "\x00"} {
		if _, ok := parseDocument(q); ok {
			t.Errorf("parseDocument(%q) ok, want failure", q)
		}
	}
}
