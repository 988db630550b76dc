package queries_test

import (
	"context"
	"os"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// BenchmarkSearchStoreParallel runs the same searches from 8 goroutines at
// once (GOMAXPROCS × parallelism), round robin, against the store in
// CIVICGRAPH_LOAD_STORE, and reports searches per second and the median
// and 99th percentile latency of one search.
func BenchmarkSearchStoreParallel(b *testing.B) {
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
	const clients = 8
	b.SetParallelism(max(1, clients/runtime.GOMAXPROCS(0)))
	var (
		mu   sync.Mutex
		lat  []time.Duration
		next atomic.Int64
	)
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			q := qs[int(next.Add(1))%len(qs)]
			t0 := time.Now()
			if _, err := r.Search(context.Background(), queries.SearchArgs{Text: q, First: 10}); err != nil {
				b.Error(err)
				return
			}
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
