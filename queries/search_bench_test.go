package queries_test

import (
	"os"
	"testing"

	"civicgraph/graph"
	"civicgraph/queries"
	"civicgraph/schema"
)

// BenchmarkSearchStore runs the load test's searches (server/load_test.go)
// against the store in CIVICGRAPH_LOAD_STORE, opened read-only: for
// example the seed plus the 1M generated file, as BENCHMARKS.md describes.
func BenchmarkSearchStore(b *testing.B) {
	dir := os.Getenv("CIVICGRAPH_LOAD_STORE")
	if dir == "" {
		b.Skip("set CIVICGRAPH_LOAD_STORE to a store directory to run this benchmark")
	}
	s, err := graph.Open(dir, graph.Options{GCInterval: -1, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	sc, _ := schema.New()
	r := queries.New(s, sc, queries.Options{})
	qs := []string{"digital ministry", "citizen panel", "university", "open data coll", "algorithm"}
	for _, q := range qs {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := r.Search(b.Context(), queries.SearchArgs{Text: q, First: 10}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
