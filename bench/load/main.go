// Command load drives GraphQL load at a civicgraph server and prints what
// it saw. It replaces the TestLoad "test" that lived in package server
// (it asserted nothing; it is a benchmark driver).
//
// Two modes:
//
//	go run ./bench/load -mode kinds -store DIR [-seconds 3] [-out FILE.json]
//	go run ./bench/load -mode soak -url http://127.0.0.1:8099 [-clients 64] [-duration 60s] \
//	    [-upload FILE -upload-at 10s -upload-format nt] [-out FILE.json]
//
// kinds serves DIR read-only in this process (so the client's CPU counts
// against the server's) and sends each kind of request (entity lookup, a
// filtered list page, search, 2-hop neighbours) from 1, 8 and 64 clients
// for -seconds each, printing requests per second and the median and 99th
// percentile latency.
//
// soak sends a mix (lookups, filtered and ordered lists, neighbours,
// search) from -clients clients for -duration at a running server (see
// bench/soak.sh), uploads -upload through importData (token in
// CIVICGRAPH_TOKEN) at -upload-at, and prints per kind the requests,
// errors, timeouts (client timeout or a TIMEOUT error), refusals (503)
// and latencies, and the upload's result. It exits 1 when any request
// failed.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/signal"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"civicgraph/graph"
	"civicgraph/server"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:])
	stop()
	if err != nil && !errors.Is(err, flag.ErrHelp) {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type config struct {
	mode         string
	url          string
	store        string
	seconds      float64
	clients      int
	duration     time.Duration
	timeout      time.Duration
	upload       string
	uploadAt     time.Duration
	uploadFormat string
	out          string
}

func run(ctx context.Context, args []string) error {
	var c config
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.StringVar(&c.mode, "mode", "soak", "kinds or soak")
	fs.StringVar(&c.url, "url", "", "soak: base URL of a running server")
	fs.StringVar(&c.store, "store", "", "kinds: store directory to serve read-only in this process")
	fs.Float64Var(&c.seconds, "seconds", 3, "kinds: seconds per kind and client count")
	fs.IntVar(&c.clients, "clients", 64, "soak: concurrent clients")
	fs.DurationVar(&c.duration, "duration", time.Minute, "soak: how long")
	fs.DurationVar(&c.timeout, "timeout", 15*time.Second, "client timeout of one request (a timeout when over)")
	fs.StringVar(&c.upload, "upload", "", "soak: file to upload through importData during the run")
	fs.DurationVar(&c.uploadAt, "upload-at", 10*time.Second, "soak: when to upload")
	fs.StringVar(&c.uploadFormat, "upload-format", "nt", "soak: importer format of the upload")
	fs.StringVar(&c.out, "out", "", "write the results as JSON to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch c.mode {
	case "kinds":
		return runKinds(ctx, c)
	case "soak":
		return runSoak(ctx, c)
	}
	return fmt.Errorf("-mode %q: expected kinds or soak", c.mode)
}

// client sends GraphQL requests to one server.
type client struct {
	url  string
	http *http.Client
}

func newClient(url string, timeout time.Duration) *client {
	return &client{url: url + "/graphql", http: &http.Client{Timeout: timeout,
		Transport: &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 256}}}
}

// outcome is what one request came to.
type outcome int

const (
	ok outcome = iota
	failed
	timedOut
	refused // 503: the in-flight limit
)

// send posts a query; the error says what went wrong.
func (c *client) send(ctx context.Context, q string, vars map[string]any) ([]byte, outcome, error) {
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return nil, failed, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, timedOut, err
		}
		return nil, failed, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, failed, err
	}
	if resp.StatusCode == http.StatusServiceUnavailable {
		return b, refused, fmt.Errorf("status 503: %.200s", b)
	}
	var r struct {
		Errors []struct {
			Message    string         `json:"message"`
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	json.Unmarshal(b, &r)
	if len(r.Errors) > 0 {
		if r.Errors[0].Extensions["code"] == "TIMEOUT" {
			return b, timedOut, fmt.Errorf("%s", r.Errors[0].Message)
		}
		return b, failed, fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
	}
	if resp.StatusCode != http.StatusOK {
		return b, failed, fmt.Errorf("status %d: %.300s", resp.StatusCode, b)
	}
	return b, ok, nil
}

// sample returns up to 1,000 IRIs of a list field.
func (c *client) sample(ctx context.Context, field string) ([]string, error) {
	b, _, err := c.send(ctx, fmt.Sprintf(`{ %s(first: 1000) { nodes { iri } } }`, field), nil)
	if err != nil {
		return nil, fmt.Errorf("sample %s: %w", field, err)
	}
	var r struct {
		Data map[string]struct{ Nodes []struct{ IRI string } }
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("sample %s: %w", field, err)
	}
	var out []string
	for _, n := range r.Data[field].Nodes {
		out = append(out, n.IRI)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sample %s: none in the store", field)
	}
	return out, nil
}

// kind is one sort of request.
type kind struct {
	name  string
	query string
	vars  func(i int) map[string]any
}

func kinds(actors, procs []string) []kind {
	pick := func(xs []string, i int) string { return xs[i%len(xs)] }
	return []kind{
		{"lookup", `query($iri: String!) { node(iri: $iri) { id label types ... on Actor { country } } }`,
			func(i int) map[string]any { return map[string]any{"iri": pick(actors, i)} }},
		{"list", `query($c: [String!]) { actors(filter: {country: $c}, first: 20) { totalCount nodes { id label } } }`,
			func(i int) map[string]any {
				return map[string]any{"c": []string{pick([]string{"NL", "ES", "FR", "DE"}, i)}}
			}},
		{"ordered", `query($y: Int) { procurements(orderBy: YEAR, filter: {yearFrom: $y}, first: 20) { totalCount nodes { id label } } }`,
			func(i int) map[string]any { return map[string]any{"y": 2015 + i%10} }},
		{"search", `query($q: String!) { search(text: $q, first: 10) { score node { id label } } }`,
			func(i int) map[string]any {
				return map[string]any{"q": pick([]string{"digital ministry", "citizen panel", "university", "open data coll", "algorithm"}, i)}
			}},
		{"neighbors2", `query($iri: String!) { neighbors(iri: $iri, depth: 2, limit: 100) { nodes { id } truncated } }`,
			func(i int) map[string]any { return map[string]any{"iri": pick(procs, i)} }},
	}
}

// stats are the figures of one kind.
type stats struct {
	Kind     string  `json:"kind"`
	Clients  int     `json:"clients"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Timeouts int     `json:"timeouts"`
	Refused  int     `json:"refused"`
	PerSec   float64 `json:"reqPerSec"`
	P50ms    float64 `json:"p50ms"`
	P99ms    float64 `json:"p99ms"`
	MaxMs    float64 `json:"maxMs"`
	FirstErr string  `json:"firstError,omitempty"`
}

// recorder collects the outcomes of one kind.
type recorder struct {
	mu  sync.Mutex // guards the rest
	lat []time.Duration
	st  stats
}

func (r *recorder) add(d time.Duration, o outcome, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lat = append(r.lat, d)
	r.st.Requests++
	switch o {
	case failed:
		r.st.Errors++
	case timedOut:
		r.st.Timeouts++
	case refused:
		r.st.Refused++
	}
	if err != nil && r.st.FirstErr == "" {
		r.st.FirstErr = err.Error()
	}
}

func (r *recorder) done(elapsed time.Duration) stats {
	slices.Sort(r.lat)
	pct := func(p float64) float64 {
		if len(r.lat) == 0 {
			return 0
		}
		return float64(r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))].Microseconds()) / 1000
	}
	r.st.PerSec = float64(r.st.Requests) / elapsed.Seconds()
	r.st.P50ms, r.st.P99ms, r.st.MaxMs = pct(0.50), pct(0.99), pct(1)
	return r.st
}

func runKinds(ctx context.Context, c config) error {
	if c.store == "" {
		return errors.New("-mode kinds needs -store DIR")
	}
	st, err := graph.Open(c.store, graph.Options{ReadOnly: true, GCInterval: -1})
	if err != nil {
		return err
	}
	defer st.Close()
	h, err := server.New(server.Options{Store: st})
	if err != nil {
		return err
	}
	ts := httptest.NewServer(h)
	defer ts.Close()
	cl := newClient(ts.URL, c.timeout)
	actors, err := cl.sample(ctx, "actors")
	if err != nil {
		return err
	}
	procs, err := cl.sample(ctx, "procurements")
	if err != nil {
		return err
	}
	t0 := time.Now()
	if _, _, err := cl.send(ctx, `{ search(text: "council", first: 1) { score } }`, nil); err != nil {
		return err
	}
	fmt.Printf("first search (cold caches): %v\n", time.Since(t0).Round(time.Millisecond))
	var results []stats
	for _, k := range kinds(actors, procs) {
		for _, clients := range []int{1, 8, 64} {
			var rec recorder
			rec.st.Kind, rec.st.Clients = k.name, clients
			var next atomic.Int64
			deadline := time.Now().Add(time.Duration(c.seconds * float64(time.Second)))
			start := time.Now()
			var wg sync.WaitGroup
			for range clients {
				wg.Go(func() {
					for time.Now().Before(deadline) && ctx.Err() == nil {
						i := int(next.Add(1))
						t0 := time.Now()
						_, o, err := cl.send(ctx, k.query, k.vars(i))
						rec.add(time.Since(t0), o, err)
					}
				})
			}
			wg.Wait()
			r := rec.done(time.Since(start))
			results = append(results, r)
			fmt.Printf("%-10s clients %2d: %7d requests, %8.0f req/s, p50 %7.2f ms, p99 %7.2f ms, errors %d\n",
				r.Kind, r.Clients, r.Requests, r.PerSec, r.P50ms, r.P99ms, r.Errors+r.Timeouts+r.Refused)
		}
	}
	return writeOut(c.out, results)
}

// soakResult is the output of a soak.
type soakResult struct {
	Clients   int           `json:"clients"`
	Seconds   float64       `json:"seconds"`
	Requests  int           `json:"requests"`
	PerSec    float64       `json:"reqPerSec"`
	Errors    int           `json:"errors"`
	Timeouts  int           `json:"timeouts"`
	Refused   int           `json:"refused"`
	Kinds     []stats       `json:"kinds"`
	Upload    *uploadResult `json:"upload,omitempty"`
	FirstErrs []string      `json:"firstErrors,omitempty"`
}

type uploadResult struct {
	File    string  `json:"file"`
	Bytes   int     `json:"bytes"`
	Seconds float64 `json:"seconds"`
	Quads   int     `json:"quads"`
	Error   string  `json:"error,omitempty"`
}

func runSoak(ctx context.Context, c config) error {
	if c.url == "" {
		return errors.New("-mode soak needs -url")
	}
	cl := newClient(c.url, c.timeout)
	actors, err := cl.sample(ctx, "actors")
	if err != nil {
		return err
	}
	procs, err := cl.sample(ctx, "procurements")
	if err != nil {
		return err
	}
	ks := kinds(actors, procs)
	recs := make([]*recorder, len(ks))
	for i, k := range ks {
		recs[i] = &recorder{st: stats{Kind: k.name, Clients: c.clients}}
	}
	var up *uploadResult
	var upDone sync.WaitGroup
	if c.upload != "" {
		upDone.Go(func() {
			select {
			case <-time.After(c.uploadAt):
			case <-ctx.Done():
				return
			}
			up = upload(ctx, c)
			fmt.Printf("upload of %s: %d quads in %.1f s %s\n", up.File, up.Quads, up.Seconds, up.Error)
		})
	}
	var next atomic.Int64
	deadline := time.Now().Add(c.duration)
	start := time.Now()
	// refusedIn counts refusals by the second, from the start, in which
	// the refused request was sent: whether they gather around the upload.
	var refusedMu sync.Mutex
	refusedIn := map[int]int{}
	var wg sync.WaitGroup
	for range c.clients {
		wg.Go(func() {
			for time.Now().Before(deadline) && ctx.Err() == nil {
				i := int(next.Add(1))
				k := i % len(ks)
				t0 := time.Now()
				_, o, err := cl.send(ctx, ks[k].query, ks[k].vars(i/len(ks)))
				recs[k].add(time.Since(t0), o, err)
				if o == refused {
					refusedMu.Lock()
					refusedIn[int(t0.Sub(start).Seconds())]++
					refusedMu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	upDone.Wait()
	if len(refusedIn) > 0 {
		secs := slices.Sorted(maps.Keys(refusedIn))
		fmt.Print("refused requests by the second they were sent (upload at ", c.uploadAt, "):")
		for _, sec := range secs {
			fmt.Printf(" %ds:%d", sec, refusedIn[sec])
		}
		fmt.Println()
	}
	res := soakResult{Clients: c.clients, Seconds: elapsed.Seconds(), Upload: up}
	for _, r := range recs {
		s := r.done(elapsed)
		res.Kinds = append(res.Kinds, s)
		res.Requests += s.Requests
		res.Errors += s.Errors
		res.Timeouts += s.Timeouts
		res.Refused += s.Refused
		if s.FirstErr != "" {
			res.FirstErrs = append(res.FirstErrs, s.Kind+": "+s.FirstErr)
		}
		fmt.Printf("%-10s %7d requests, %7.1f req/s, p50 %8.2f ms, p99 %8.2f ms, max %8.2f ms, errors %d, timeouts %d, refused %d\n",
			s.Kind, s.Requests, s.PerSec, s.P50ms, s.P99ms, s.MaxMs, s.Errors, s.Timeouts, s.Refused)
	}
	res.PerSec = float64(res.Requests) / elapsed.Seconds()
	fmt.Printf("total      %7d requests, %7.1f req/s, errors %d, timeouts %d, refused %d (%d clients, %.0f s)\n",
		res.Requests, res.PerSec, res.Errors, res.Timeouts, res.Refused, c.clients, elapsed.Seconds())
	for _, e := range res.FirstErrs {
		fmt.Println("first error of", e)
	}
	if err := writeOut(c.out, res); err != nil {
		return err
	}
	if res.Errors+res.Timeouts+res.Refused > 0 || (up != nil && up.Error != "") {
		return errors.New("some requests failed")
	}
	return nil
}

// upload posts c.upload as a GraphQL multipart request to importData.
func upload(ctx context.Context, c config) *uploadResult {
	res := &uploadResult{File: c.upload}
	fail := func(err error) *uploadResult { res.Error = err.Error(); return res }
	content, err := os.ReadFile(c.upload)
	if err != nil {
		return fail(err)
	}
	res.Bytes = len(content)
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	ops, _ := json.Marshal(map[string]any{
		"query":     fmt.Sprintf(`mutation($f: String!) { importData(content: $f, format: %q, name: "soak-upload") { quads } }`, c.uploadFormat),
		"variables": map[string]any{"f": nil},
	})
	mw.WriteField("operations", string(ops))
	mw.WriteField("map", `{"0":["variables.f"]}`)
	fw, _ := mw.CreateFormFile("0", "soak-upload."+c.uploadFormat)
	fw.Write(content)
	mw.Close()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url+"/graphql", &buf)
	if err != nil {
		return fail(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+os.Getenv("CIVICGRAPH_TOKEN"))
	t0 := time.Now()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fail(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	res.Seconds = time.Since(t0).Seconds()
	var r struct {
		Data   struct{ ImportData struct{ Quads int } }
		Errors []json.RawMessage
	}
	if err := json.Unmarshal(b, &r); err != nil || len(r.Errors) > 0 || resp.StatusCode != http.StatusOK {
		return fail(fmt.Errorf("status %d: %.300s", resp.StatusCode, b))
	}
	res.Quads = r.Data.ImportData.Quads
	return res
}

func writeOut(path string, v any) error {
	if path == "" {
		return nil
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
