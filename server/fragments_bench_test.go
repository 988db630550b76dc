package server_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/generate"
	"civicgraph/schema"
	"civicgraph/server"
)

// BenchmarkFragments_Page asks /fragments for pages of the fragments a
// SPARQL client asks while it plans and runs the generator's queries (one
// subject; rdf:type cg:Mission; an object; a predicate, first page and a
// deep page; the triples of the 2-hop join's mission), over real HTTP on
// loopback, from 8 concurrent clients (4 per core on 2 cores; from
// GOMAXPROCS×4 in general), and reports pages per second and the median
// and 99th percentile latency of a page. The store is the one in
// CIVICGRAPH_LOAD_STORE (opened read-only; the seed plus the 1M generated
// file, as BENCHMARKS.md describes, and the generator's sample must be of
// CIVICGRAPH_LOAD_TRIPLES statements, 1,000,000 by default), else 100,000
// generated statements loaded in a temporary store.
func BenchmarkFragments_Page(b *testing.B) {
	triples := 100_000
	var s *graph.Store
	if dir := os.Getenv("CIVICGRAPH_LOAD_STORE"); dir != "" {
		triples = 1_000_000
		if n, err := strconv.Atoi(os.Getenv("CIVICGRAPH_LOAD_TRIPLES")); err == nil {
			triples = n
		}
		var err error
		s, err = graph.Open(dir, graph.Options{GCInterval: -1, ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
	} else {
		s = graphtest.NewStore(b)
		pr, pw := io.Pipe()
		go func() {
			pw.CloseWithError(generate.Write(b.Context(), pw, generate.Options{Triples: int64(triples), Seed: 1}))
		}()
		if _, err := importers.Import(b.Context(), s, []importers.Input{{Name: "gen.nt", R: pr}}, importers.Options{Format: importers.NTriples}); err != nil {
			b.Fatal(err)
		}
	}
	sample, err := generate.SampleIRIs(b.Context(), generate.Options{Triples: int64(triples), Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	h, err := server.New(server.Options{Store: s})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	q := func(kv ...string) string {
		v := url.Values{}
		for i := 0; i < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return ts.URL + "/fragments?" + v.Encode()
	}
	urls := []string{
		q("subject", sample.Subject),
		q("predicate", sample.ScanPredicate, "object", sample.ScanObject),
		q("object", sample.Object),
		q("predicate", sample.CountPredicate),
		q("predicate", sample.CountPredicate, "page", "5"),
		q("predicate", schema.PropServesMission, "object", sample.Mission),
		q("predicate", schema.RDFSLabel),
	}
	client := ts.Client()
	client.Transport.(*http.Transport).MaxIdleConnsPerHost = 64
	fetch := func(u string) time.Duration {
		start := time.Now()
		req, _ := http.NewRequest(http.MethodGet, u, nil)
		req.Header.Set("Accept", "application/n-quads")
		resp, err := client.Do(req)
		if err != nil {
			b.Error(err)
			return 0
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Errorf("%s: status %d", u, resp.StatusCode)
		}
		return time.Since(start)
	}
	for _, u := range urls {
		fetch(u) // warm the caches
	}
	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism(4)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		i := 0
		for pb.Next() {
			mine = append(mine, fetch(urls[i%len(urls)]))
			i++
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) == 0 {
		return
	}
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(triples), "store-triples")
}
