package compare_test

import (
	"io"
	"os"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/generate"
	"civicgraph/queries/compare"
	"civicgraph/schema"
)

// benchStore opens the store in CIVICGRAPH_COMPARE_STORE read-only (the
// issue's sizes; BENCHMARKS.md says how to make it), or else builds a
// seeded store with a hundredth of them: 10 administrations, 1,000
// procurements, 5,000 engagements.
func benchStore(b *testing.B) *graph.Store { return openBenchStore(b, true) }

// openBenchStore is benchStore, read-write when readOnly is false.
func openBenchStore(b *testing.B, readOnly bool) *graph.Store {
	if dir := os.Getenv("CIVICGRAPH_COMPARE_STORE"); dir != "" {
		s, err := graph.Open(dir, graph.Options{GCInterval: -1, ReadOnly: readOnly})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { s.Close() })
		return s
	}
	s := graphtest.NewStore(b)
	if _, err := importers.Seed(b.Context(), s, schema.DefaultBase); err != nil {
		b.Fatal(err)
	}
	plan := generate.PlanFor(10, 1000, 5000)
	pr, pw := io.Pipe()
	go func() {
		pw.CloseWithError(generate.Write(b.Context(), pw, generate.Options{Seed: 1, Plan: &plan, Format: generate.NQuads}))
	}()
	if _, err := importers.Import(b.Context(), s, []importers.Input{{Name: "gen.nq", R: pr}}, importers.Options{Format: importers.NQuads}); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkCompare times the comparison on one version of the store: the
// build of the summary (once per version: after any write), the full
// matrix of every administration by the volume, phase and sector measures,
// the matrix of every measure, by administration and by country, and one
// administration's profile (its figures, trend by year and ranks among
// the administrations of its level).
func BenchmarkCompare(b *testing.B) {
	s := benchStore(b)
	e := compare.NewEngine()
	var admin graph.Term
	phaseSector := []string{"procurements", "engagements", "coverage", "coverage.purpose", "coverage.delivery", "coverage.impact", "sectors", "diversity"}
	err := s.View(b.Context(), func(v *graph.View) error {
		sum, err := e.Summary(b.Context(), v)
		if err != nil {
			return err
		}
		m, err := sum.Compare(v, compare.Request{Measures: []string{"engagements"}})
		if err != nil {
			return err
		}
		best := -1.0
		for _, r := range m.Rows {
			if x := *r.Cells[0].Value; x > best {
				best, admin = x, graph.IRI(r.Key)
			}
		}
		b.Logf("%d administrations; profile of %s (%v engagements)", m.Administrations, admin.Value, best)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("summary", func(b *testing.B) {
		// A new engine each time: what the first comparison after a write
		// costs.
		err := s.View(b.Context(), func(v *graph.View) error {
			start := time.Now()
			n := 0
			for b.Loop() {
				if _, err := compare.NewEngine().Summary(b.Context(), v); err != nil {
					return err
				}
				n++
			}
			b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(n), "summary-ms")
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	})
	for _, tc := range []struct {
		name, metric string
		fn           func(v *graph.View, sum *compare.Summary) error
	}{
		{"matrix/administration/phase+sector", "matrix-ms", func(v *graph.View, sum *compare.Summary) error {
			_, err := sum.Compare(v, compare.Request{Measures: phaseSector})
			return err
		}},
		{"matrix/administration/all", "matrix-ms", func(v *graph.View, sum *compare.Summary) error {
			_, err := sum.Compare(v, compare.Request{})
			return err
		}},
		{"matrix/country/all", "matrix-ms", func(v *graph.View, sum *compare.Summary) error {
			_, err := sum.Compare(v, compare.Request{GroupBy: "country"})
			return err
		}},
		{"profile", "profile-ms", func(v *graph.View, sum *compare.Summary) error {
			_, err := sum.Profile(v, admin, compare.Request{})
			return err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			err := s.View(b.Context(), func(v *graph.View) error {
				sum, err := e.Summary(b.Context(), v)
				if err != nil {
					return err
				}
				start, cpu0 := time.Now(), cpuTime()
				n := 0
				for b.Loop() {
					if err := tc.fn(v, sum); err != nil {
						return err
					}
					n++
				}
				// Wall time, and the process's CPU time, which does not
				// depend on what else the shared machine runs.
				b.ReportMetric(float64(time.Since(start).Microseconds())/1000/float64(n), tc.metric)
				if cpu := cpuTime() - cpu0; cpu > 0 {
					b.ReportMetric(float64(cpu.Microseconds())/1000/float64(n), "cpu-"+tc.metric)
				}
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkCompareAfterWrite times the first comparison's summary after
// a small write to a graph of its own (an engagement added through the
// API, say): the Engine reads that graph again and keeps the facts of the
// others. The write is undone after each round, so the store is left as
// it was.
func BenchmarkCompareAfterWrite(b *testing.B) {
	s := openBenchStore(b, false)
	e := compare.NewEngine()
	summary := func() (graphs, reread int) {
		err := s.View(b.Context(), func(v *graph.View) error {
			sum, err := e.Summary(b.Context(), v)
			if err == nil {
				graphs, reread = sum.Sources()
			}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		return graphs, reread
	}
	summary()
	g := graph.IRI(schema.GraphIRI("bench-after-write"))
	eng := graph.IRI(schema.DefaultBase + "id/engagement/bench-after-write")
	quads := []graph.Quad{
		{S: eng, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassEngagement), G: g},
		{S: eng, P: graph.IRI(schema.PropStage), O: graph.IRI(schema.ConceptIRI(schema.SchemeLifecycle, "award")), G: g},
	}
	write := func(add bool) {
		err := s.Update(b.Context(), func(tx *graph.Txn) error {
			for _, q := range quads {
				var err error
				if add {
					err = tx.Add(q)
				} else {
					err = tx.Delete(q)
				}
				if err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	var total time.Duration
	var graphs, reread int
	for b.Loop() {
		b.StopTimer()
		write(true)
		b.StartTimer()
		start := time.Now()
		graphs, reread = summary()
		total += time.Since(start)
		b.StopTimer()
		write(false)
		summary()
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "summary-ms")
	b.ReportMetric(float64(reread), "graphs-reread")
	b.Logf("%d graphs, %d read again after the write", graphs, reread)
}
