package server

import (
	"os"
	"path/filepath"
	"testing"

	"civicgraph/graph/graphtest"
	"civicgraph/queries"
	"civicgraph/schema"
)

// FuzzParseDocument checks that the cost estimate's parser reads every
// document graphql-go validates (else such a query would be refused for
// nothing), and never panics. Where it is stricter than graphql-go
// (invalid documents), the handler fails closed.
func FuzzParseDocument(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.graphql")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{`{ é: actors(first: 1) { totalCount } }`, `query($n: Int = 3) { actors(first: $n) { totalCount } }`,
		`{ actors(filter: {country: ["NL"]}, orderBy: LABEL) { nodes { id } } }`, `"d" query Q { stats { quads } }`,
		`{ search(text: """a""") { score } }`, "{ actors { totalCount } } # c", `{ ...on Query { stats { quads } } }`} {
		f.Add(s)
	}
	sc, err := schema.New()
	if err != nil {
		f.Fatal(err)
	}
	gs, err := NewSchema(queries.New(graphtest.NewStore(f), sc, queries.Options{}), DefaultOptions())
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, perr := parseDocument(q)
		if perr == nil {
			return
		}
		if errs := gs.Validate(q); len(errs) == 0 {
			t.Errorf("graphql-go validates %q, the cost parser refuses it: %v", q, perr)
		}
	})
}
