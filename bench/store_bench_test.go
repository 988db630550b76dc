package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/internal/generate"
)

// Benchmarks need generated files and stores that take seconds to build, so
// they are made once per process under one temporary directory.
var (
	setupOnce sync.Once
	workDir   string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if workDir != "" {
		os.RemoveAll(workDir)
	}
	os.Exit(code)
}

func work(b *testing.B) string {
	setupOnce.Do(func() {
		var err error
		if workDir, err = os.MkdirTemp("", "civicgraph-bench-"); err != nil {
			b.Fatal(err)
		}
	})
	return workDir
}

// dataFile writes (once) the generated N-Triples file of n statements.
func dataFile(b *testing.B, n int64) string {
	b.Helper()
	path := filepath.Join(work(b), fmt.Sprintf("gen-%d.nt", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := generate.Write(context.Background(), f, generate.Options{Triples: n, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	return path
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// maxRSS returns the process's peak resident set size in bytes.
func maxRSS() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Maxrss * 1024
}

func benchSizes() []int64 {
	sizes := []int64{1_000_000}
	if os.Getenv("CIVICGRAPH_BENCH_10M") != "" {
		sizes = append(sizes, 10_000_000)
	}
	return sizes
}

// BenchmarkImport imports a generated N-Triples file into an empty on-disk
// store, end to end: parse, dictionary, six indexes, sync. Peak RSS is the
// whole process's high-water mark, so run this benchmark alone
// (-bench Import/1M) for a meaningful figure. Set CIVICGRAPH_BENCH_10M=1
// for the 10M size.
func BenchmarkImport(b *testing.B) {
	for _, n := range benchSizes() {
		b.Run(label(n), func(b *testing.B) {
			file := dataFile(b, n)
			var disk int64
			start := time.Now()
			for b.Loop() {
				dir, err := os.MkdirTemp(work(b), "store-")
				if err != nil {
					b.Fatal(err)
				}
				s, err := graph.Open(dir, graph.Options{GCInterval: -1})
				if err != nil {
					b.Fatal(err)
				}
				res, err := importers.ImportFiles(context.Background(), s, []string{file}, importers.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if res.Records != n || !res.Load.Stream {
					b.Fatalf("imported %d statements (load %+v), want %d through the empty-store path", res.Records, res.Load, n)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				disk = dirSize(dir)
				os.RemoveAll(dir)
			}
			b.ReportMetric(float64(n)*float64(b.N)/time.Since(start).Seconds(), "triples/s")
			b.ReportMetric(float64(maxRSS())/(1<<20), "peakRSS-MiB")
			b.ReportMetric(float64(disk)/(1<<20), "disk-MiB")
		})
	}
}

// BenchmarkImportLive imports into a store that already holds the seed, as
// `civicgraph import` does on the default store. Just after the seed's
// bulk load, badger's memtables are empty and the load goes through sorted
// tables on top of the seed (incremental); after a small write it goes
// through a WriteBatch (batch).
func BenchmarkImportLive(b *testing.B) {
	n := int64(1_000_000)
	if v, err := strconv.ParseInt(os.Getenv("CIVICGRAPH_BENCH_LIVE_N"), 10, 64); err == nil && v > 0 {
		n = v
	}
	file := dataFile(b, n)
	for _, path := range []string{"incremental", "batch"} {
		b.Run(path, func(b *testing.B) { benchImportLive(b, file, n, path == "incremental") })
	}
}

func benchImportLive(b *testing.B, file string, n int64, incremental bool) {
	var spent time.Duration // import time only, without the seed
	for b.Loop() {
		b.StopTimer()
		dir, err := os.MkdirTemp(work(b), "store-")
		if err != nil {
			b.Fatal(err)
		}
		s, err := graph.Open(dir, graph.Options{GCInterval: -1})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := importers.Seed(context.Background(), s, ""); err != nil {
			b.Fatal(err)
		}
		if !incremental {
			// A small write leaves data in badger's memtable.
			q := graph.Quad{S: graph.IRI("https://example.org/bench"), P: graph.IRI("https://example.org/p"), O: graph.String("x")}
			if err := s.Update(context.Background(), func(tx *graph.Txn) error { return tx.Add(q) }); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		t0 := time.Now()
		res, err := importers.ImportFiles(context.Background(), s, []string{file}, importers.Options{})
		if err != nil {
			b.Fatal(err)
		}
		spent += time.Since(t0)
		if res.Load.Stream || res.Load.Incremental != incremental || res.Records != n {
			b.Fatalf("load = %+v (%d statements), want %d statements, incremental %v", res.Load, res.Records, n, incremental)
		}
		b.StopTimer()
		s.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.ReportMetric(float64(n)*float64(b.N)/spent.Seconds(), "triples/s")
}

func label(n int64) string {
	if n%1_000_000 == 0 {
		return fmt.Sprintf("%dM", n/1_000_000)
	}
	return strconv.FormatInt(n, 10)
}

// queryStore is a store loaded with the 1M file, shared by the query
// benchmarks, and the generator's sample of IRIs with the expected answers.
var (
	queryOnce   sync.Once
	queryS      *graph.Store
	querySample generate.Sample
)

func loadedStore(b *testing.B) (*graph.Store, generate.Sample) {
	b.Helper()
	queryOnce.Do(func() {
		file := dataFile(b, 1_000_000)
		dir := filepath.Join(work(b), "query-store")
		s, err := graph.Open(dir, graph.Options{GCInterval: -1})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := importers.ImportFiles(context.Background(), s, []string{file}, importers.Options{}); err != nil {
			b.Fatal(err)
		}
		querySample, err = generate.SampleIRIs(context.Background(), generate.Options{Triples: 1_000_000, Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		queryS = s
	})
	if queryS == nil {
		b.Fatal("query store setup failed")
	}
	return queryS, querySample
}

// benchQuery runs one query shape and checks its row count against the
// generator's expectation.
func benchQuery(b *testing.B, want int64, q func(ctx context.Context, s *graph.Store) (int64, error)) {
	s, _ := loadedStore(b)
	ctx := context.Background()
	durs := make([]time.Duration, 0, 1024)
	for b.Loop() {
		t0 := time.Now()
		n, err := q(ctx, s)
		durs = append(durs, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		if n != want {
			b.Fatalf("query returned %d rows, want %d", n, want)
		}
	}
	b.ReportMetric(float64(median(durs).Nanoseconds())/1e6, "median-ms")
	b.ReportMetric(float64(want), "rows")
}

func median(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// countMatch resolves every quad of a pattern to terms (what a client
// receives) and counts them.
func countMatch(ctx context.Context, s *graph.Store, p graph.Pattern) (int64, error) {
	var n int64
	for _, err := range s.Match(ctx, p) {
		if err != nil {
			return 0, err
		}
		n++
	}
	return n, nil
}

func BenchmarkQuery(b *testing.B) {
	_, smp := loadedStore(b)
	iri := graph.IRI
	b.Run("SingleSubject", func(b *testing.B) {
		benchQuery(b, smp.SubjectTriples, func(ctx context.Context, s *graph.Store) (int64, error) {
			return countMatch(ctx, s, graph.Pattern{S: iri(smp.Subject)})
		})
	})
	b.Run("PredicateObject", func(b *testing.B) {
		benchQuery(b, smp.ScanRows, func(ctx context.Context, s *graph.Store) (int64, error) {
			return countMatch(ctx, s, graph.Pattern{P: iri(smp.ScanPredicate), O: iri(smp.ScanObject)})
		})
	})
	b.Run("Object", func(b *testing.B) {
		benchQuery(b, smp.ObjectRows, func(ctx context.Context, s *graph.Store) (int64, error) {
			return countMatch(ctx, s, graph.Pattern{O: iri(smp.Object)})
		})
	})
	b.Run("TwoHopJoin", func(b *testing.B) {
		benchQuery(b, smp.TwoHopRows, func(ctx context.Context, s *graph.Store) (int64, error) {
			return twoHop(ctx, s, smp.Mission)
		})
	})
	b.Run("CountByPredicate", func(b *testing.B) {
		benchQuery(b, 1, func(ctx context.Context, s *graph.Store) (int64, error) {
			n, err := s.Count(ctx, graph.Pattern{P: iri(smp.CountPredicate)})
			if err != nil || n != smp.CountPredicateRows {
				return 0, fmt.Errorf("count = %d, want %d (%v)", n, smp.CountPredicateRows, err)
			}
			return 1, nil
		})
	})
}

// twoHop runs ?proc cg:servesMission mission . ?proc cg:buyer ?a .
// ?a rdfs:label ?name as nested index joins on ids, resolving the names.
func twoHop(ctx context.Context, s *graph.Store, mission string) (int64, error) {
	const (
		serves = "https://w3id.org/civicgraph/ns#servesMission"
		buyer  = "https://w3id.org/civicgraph/ns#buyer"
		label  = "http://www.w3.org/2000/01/rdf-schema#label"
	)
	var rows int64
	err := s.View(ctx, func(v *graph.View) error {
		ids := make([]graph.ID, 4)
		for i, t := range []string{serves, buyer, label, mission} {
			id, err := v.Lookup(graph.IRI(t))
			if err != nil || id == 0 {
				return fmt.Errorf("lookup %s: %d %v", t, id, err)
			}
			ids[i] = id
		}
		for p, err := range v.MatchIDs(graph.IDPattern{P: ids[0], O: ids[3]}) {
			if err != nil {
				return err
			}
			for a, err := range v.MatchIDs(graph.IDPattern{S: p.S, P: ids[1]}) {
				if err != nil {
					return err
				}
				for nm, err := range v.MatchIDs(graph.IDPattern{S: a.O, P: ids[2]}) {
					if err != nil {
						return err
					}
					if _, err := v.Resolve(nm.O); err != nil {
						return err
					}
					rows++
				}
			}
		}
		return nil
	})
	return rows, err
}
