package queries_test

import (
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/queries"
	"civicgraph/schema"
)

// BenchmarkListStore runs ordered and filtered lists against the store in
// CIVICGRAPH_LOAD_STORE (opened read-only; for example the seed plus the
// 1M generated file, as BENCHMARKS.md describes), from 8 concurrent
// clients, and reports requests per second, the median and 99th
// percentile latency of one request, the process's CPU time per request
// (which does not depend on what else the machine runs) and the time of
// the first request, which builds the list index.
func BenchmarkListStore(b *testing.B) {
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
	var r *queries.Resolver
	y := int32(2022)
	for _, tc := range []struct {
		name string
		run  func(b *testing.B) error
	}{
		{"procurements/YEAR/yearFrom", func(b *testing.B) error {
			_, err := r.Procurements(b.Context(), queries.ListArgs{OrderBy: "YEAR", Filter: &queries.Filter{YearFrom: &y}, First: 20})
			return err
		}},
		{"procurements/YEAR/desc", func(b *testing.B) error {
			_, err := r.Procurements(b.Context(), queries.ListArgs{OrderBy: "YEAR", Desc: true, First: 20})
			return err
		}},
		{"actors/LABEL/sector", func(b *testing.B) error {
			_, err := r.Actors(b.Context(), queries.ListArgs{OrderBy: "LABEL", Filter: &queries.Filter{Sector: &[]string{"civil-society"}}, First: 20})
			return err
		}},
		{"engagements/IRI/phase+year", func(b *testing.B) error {
			_, err := r.Engagements(b.Context(), queries.ListArgs{OrderBy: "IRI", Filter: &queries.Filter{Phase: &[]string{"delivery"}, YearFrom: &y}, First: 20})
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			// A new resolver: the first request builds the list index that
			// later ones reuse; time it apart.
			r = queries.New(s, sc, queries.Options{})
			start := time.Now()
			if err := tc.run(b); err != nil {
				b.Fatal(err)
			}
			firstMS := float64(time.Since(start).Microseconds()) / 1000
			const clients = 8
			var mu sync.Mutex
			var lat []time.Duration
			b.SetParallelism((clients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
			b.ResetTimer()
			cpu0 := cpuTime()
			t0 := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				var mine []time.Duration
				for pb.Next() {
					st := time.Now()
					if err := tc.run(b); err != nil {
						b.Error(err)
						return
					}
					mine = append(mine, time.Since(st))
				}
				mu.Lock()
				lat = append(lat, mine...)
				mu.Unlock()
			})
			el := time.Since(t0)
			cpu := cpuTime() - cpu0
			b.StopTimer()
			b.ReportMetric(firstMS, "first-ms")
			slices.Sort(lat)
			if len(lat) > 0 {
				b.ReportMetric(float64(len(lat))/el.Seconds(), "req/s")
				b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
				b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
				if cpu > 0 {
					b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(lat)), "cpu-ms/req")
				}
			}
		})
	}
}
