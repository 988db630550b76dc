package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/server"
)

// TestLoad is the load generator: it serves the store in
// CIVICGRAPH_LOAD_STORE (read-only) on loopback and sends each kind of
// request from 1, 8 and 64 concurrent clients for CIVICGRAPH_LOAD_SECONDS
// seconds (default 3) or 200,000 requests, whichever comes first, then
// prints requests per second and the median and 99th percentile latency.
// Kinds: entity lookup, a filtered list page, search, 2-hop neighbours.
// The client runs in the same process, so its CPU counts against the
// server's. Without CIVICGRAPH_LOAD_STORE it skips.
//
//	civicgraph generate --triples 1000000 > 1m.nt
//	civicgraph import --data /tmp/load1m 1m.nt
//	CIVICGRAPH_LOAD_STORE=/tmp/load1m go test ./server -run TestLoad -v
func TestLoad(t *testing.T) {
	dir := os.Getenv("CIVICGRAPH_LOAD_STORE")
	if dir == "" {
		t.Skip("set CIVICGRAPH_LOAD_STORE to a store directory to run the load generator")
	}
	seconds := 3.0
	if s, err := strconv.ParseFloat(os.Getenv("CIVICGRAPH_LOAD_SECONDS"), 64); err == nil && s > 0 {
		seconds = s
	}
	st, err := graph.Open(dir, graph.Options{ReadOnly: true, GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := server.New(server.Options{Store: st})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 128, MaxIdleConnsPerHost: 128}}
	send := func(q string, vars map[string]any) ([]byte, error) {
		body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
		resp, err := client.Post(ts.URL+"/graphql", "application/json", bytes.NewReader(body))
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err == nil && (resp.StatusCode != 200 || bytes.Contains(b, []byte(`"errors"`))) {
			err = fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
		}
		return b, err
	}
	// Sample entities to ask for.
	b, err := send(`{ actors(first: 1000) { totalCount nodes { iri } } }`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var sample struct {
		Data struct {
			Actors struct {
				TotalCount int
				Nodes      []struct{ IRI string }
			}
		}
	}
	json.Unmarshal(b, &sample)
	iris := make([]string, len(sample.Data.Actors.Nodes))
	for i, n := range sample.Data.Actors.Nodes {
		iris[i] = n.IRI
	}
	if len(iris) == 0 {
		t.Fatal("no actors in the store")
	}
	t0 := time.Now()
	if _, err := send(`{ search(text: "council", first: 1) { score } }`, nil); err != nil {
		t.Fatal(err)
	}
	t.Logf("first search (cold caches): %v", time.Since(t0).Round(time.Millisecond))
	stats, _ := st.Stats(t.Context())
	t.Logf("store %s: %d quads, %d actors; %.0f s per run", dir, stats.Quads, sample.Data.Actors.TotalCount, seconds)
	kinds := []struct {
		name  string
		query string
		vars  func(i int) map[string]any
	}{
		{"lookup", `query($iri: String!) { node(iri: $iri) { id label types ... on Actor { country } } }`,
			func(i int) map[string]any { return map[string]any{"iri": iris[i%len(iris)]} }},
		{"list", `query($c: [String!]) { actors(filter: {country: $c}, first: 20) { totalCount nodes { id label } } }`,
			func(i int) map[string]any {
				return map[string]any{"c": []string{[]string{"NL", "ES", "FR", "DE"}[i%4]}}
			}},
		{"search", `query($q: String!) { search(text: $q, first: 10) { score node { id label } } }`,
			func(i int) map[string]any {
				return map[string]any{"q": []string{"digital ministry", "citizen panel", "university", "open data coll", "algorithm"}[i%5]}
			}},
		{"neighbors2", `query($iri: String!) { neighbors(iri: $iri, depth: 2, limit: 100) { nodes { id } truncated } }`,
			func(i int) map[string]any { return map[string]any{"iri": iris[i%len(iris)]} }},
	}
	type result struct {
		Kind     string  `json:"kind"`
		Clients  int     `json:"clients"`
		Requests int     `json:"requests"`
		PerSec   float64 `json:"reqPerSec"`
		P50ms    float64 `json:"p50ms"`
		P99ms    float64 `json:"p99ms"`
	}
	var results []result
	for _, k := range kinds {
		for _, clients := range []int{1, 8, 64} {
			var next atomic.Int64
			var mu sync.Mutex // guards lat and firstErr
			var lat []time.Duration
			var firstErr error
			deadline := time.Now().Add(time.Duration(seconds * float64(time.Second)))
			start := time.Now()
			var wg sync.WaitGroup
			for range clients {
				wg.Go(func() {
					var mine []time.Duration
					for time.Now().Before(deadline) {
						i := int(next.Add(1))
						if i > 200000 {
							break
						}
						t0 := time.Now()
						_, err := send(k.query, k.vars(i))
						mine = append(mine, time.Since(t0))
						if err != nil {
							mu.Lock()
							if firstErr == nil {
								firstErr = err
							}
							mu.Unlock()
							break
						}
					}
					mu.Lock()
					lat = append(lat, mine...)
					mu.Unlock()
				})
			}
			wg.Wait()
			elapsed := time.Since(start)
			if firstErr != nil {
				t.Fatalf("%s: %v", k.name, firstErr)
			}
			slices.Sort(lat)
			pct := func(p float64) float64 {
				return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
			}
			r := result{k.name, clients, len(lat), float64(len(lat)) / elapsed.Seconds(), pct(0.50), pct(0.99)}
			results = append(results, r)
			t.Logf("%-10s clients %2d: %7d requests, %8.0f req/s, p50 %7.2f ms, p99 %7.2f ms", r.Kind, r.Clients, r.Requests, r.PerSec, r.P50ms, r.P99ms)
		}
	}
	if out := os.Getenv("CIVICGRAPH_LOAD_OUT"); out != "" {
		b, _ := json.MarshalIndent(results, "", "  ")
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
