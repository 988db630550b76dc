package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"civicgraph/server"
)

func TestServer_Limits(t *testing.T) {
	st := shared
	deep := "{ node(id: \"x\") { " + "... on Actor { " + strings.Repeat("parent { ", 25) + "id" + strings.Repeat(" }", 25) + " }" + " } }"
	for _, tc := range []struct {
		name      string
		opts      server.Options
		query     string
		status    int
		limit     string
		value     any
		wantInMsg string
	}{
		{"Body", server.Options{MaxBodyBytes: 100}, `{ actors { totalCount } }` + strings.Repeat(" ", 200), 413, "body size", 100.0, "body size limit of 100"},
		{"QueryLength", server.Options{MaxQueryLength: 30}, `{ actors { totalCount } }` + strings.Repeat(" ", 20), 200, "query length", 30.0, "query length limit of 30"},
		{"Depth", server.Options{}, deep, 200, "depth", 20.0, "exceeds max depth 20"},
		{"Cost", server.Options{MaxCost: 1000}, `{ actors(first: 100) { nodes { engagements { nodes { id actor { id } } } } } }`, 200, "cost", 1000.0, "cost limit of 1000"},
		{"CostVariables", server.Options{MaxCost: 1000}, `query($n: Int) { actors(first: $n) { nodes { id label } } }`, 200, "cost", 1000.0, "cost limit of 1000"},
		{"CostFragments", server.Options{MaxCost: 50}, `{ actors(first: 10) { ...A } } fragment A on ActorConnection { nodes { id label types } }`, 200, "cost", 50.0, "cost limit of 50"},
		{"ResultSize", server.Options{MaxResultBytes: 500}, `{ actors(first: 50) { nodes { iri } } }`, 200, "result size", 500.0, "result size limit of 500"},
		{"Page", server.Options{MaxPage: 10}, `{ actors(first: 11) { totalCount } }`, 200, "page size", 10.0, "page size limit of 10"},
		{"Nodes", server.Options{MaxNodes: 5}, `{ neighbors(iri: "https://w3id.org/civicgraph/id/actor/acme-ai", limit: 6) { truncated } }`, 200, "nodes", 5.0, "nodes limit of 5"},
		{"Timeout", server.Options{Timeout: time.Nanosecond}, `{ triples(first: 1, after: "bzo1MDAw") { totalCount } }`, 200, "timeout", "1ns", "timeout limit of 1ns"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Store = st
			ts, _ := newTestServer(t, tc.opts)
			vars := map[string]any{"n": 500}
			status, b := post(t, ts, tc.query, vars, nil)
			if status != tc.status {
				t.Errorf("status %d, want %d", status, tc.status)
			}
			r := decode(t, b)
			if r.errorCode() != "LIMIT" && !(tc.limit == "timeout" && r.errorCode() == "TIMEOUT") {
				t.Fatalf("response %s, want a limit error", b)
			}
			e := r.Errors[0]
			if e.Extensions["limit"] != tc.limit || e.Extensions["value"] != tc.value {
				t.Errorf("extensions %v, want limit %q value %v", e.Extensions, tc.limit, tc.value)
			}
			if !strings.Contains(e.Message, tc.wantInMsg) {
				t.Errorf("message %q, want it to contain %q", e.Message, tc.wantInMsg)
			}
			if len(r.Data) > 0 && string(r.Data) != "null" && tc.limit != "page size" && tc.limit != "nodes" {
				t.Errorf("a refused request came with data: %s", r.Data)
			}
		})
	}
}

func TestServer_Introspection(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	// The start of the query GraphiQL sends (depth about 15 with TypeRef).
	r := query(t, ts, introspectionQuery, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("introspection: %+v", r.Errors)
	}
	if !bytes.Contains(r.Data, []byte(`"name":"Procurement"`)) || !bytes.Contains(r.Data, []byte(`The procurement of an AI system.`)) {
		t.Errorf("introspection lacks the Procurement type or its description")
	}
}

func TestServer_CORS(t *testing.T) {
	st := shared
	preflight := func(ts string) http.Header {
		req, _ := http.NewRequest(http.MethodOptions, ts+"/graphql", nil)
		req.Header.Set("Origin", "https://app.example.org")
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "content-type")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.Header
	}
	t.Run("NoOrigins", func(t *testing.T) {
		ts, _ := newTestServer(t, server.Options{Store: st})
		h := preflight(ts.URL)
		for k := range h {
			if strings.HasPrefix(k, "Access-Control-") {
				t.Errorf("header %s sent with no origins configured", k)
			}
		}
		_, _ = post(t, ts, `{ stats { quads } }`, nil, http.Header{"Origin": {"https://app.example.org"}})
	})
	t.Run("Configured", func(t *testing.T) {
		ts, _ := newTestServer(t, server.Options{Store: st, CORSOrigins: []string{"https://app.example.org"}})
		if got := preflight(ts.URL).Get("Access-Control-Allow-Origin"); got != "https://app.example.org" {
			t.Errorf("allowed origin %q", got)
		}
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/healthz", nil)
		req.Header.Set("Origin", "https://evil.example.com")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("other origin allowed: %q", got)
		}
	})
}

func TestServer_Metrics(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{MaxCost: 10, Token: testToken, Store: newFixtureStore(t)})
	query(t, ts, `{ stats { quads } }`, nil)
	query(t, ts, `{ actors(first: 100) { nodes { id } } }`, nil)
	// Imports: two N-Triples (one through a multipart upload), a BibTeX
	// upload, a syntax error, an unknown format and a CSV template (counted
	// as csv, whatever the template).
	const m = `mutation($c: String!, $f: String!) { importData(content: $c, format: $f, name: "m.nt") { quads } }`
	nt := "<https://example.org/m> <https://example.org/p> \"x\" .\n<https://example.org/m> <https://example.org/p> \"y\" .\n"
	imports := []struct {
		vars   map[string]any
		failed bool
	}{
		{map[string]any{"c": nt, "f": "nt"}, false},
		{map[string]any{"c": "<https://example.org/m> .\n", "f": "ntriples"}, true},
		{map[string]any{"c": nt, "f": "docx"}, true},
		{map[string]any{"c": "a,b\n", "f": "csv:no-such-template"}, true},
	}
	want := 0.0
	for _, im := range imports {
		_, b := post(t, ts, m, im.vars, bearer(testToken))
		r := decode(t, b)
		if (len(r.Errors) > 0) != im.failed {
			t.Fatalf("import %v: %s", im.vars["f"], b)
		}
		if !im.failed {
			var out struct{ ImportData struct{ Quads float64 } }
			json.Unmarshal(r.Data, &out)
			want += out.ImportData.Quads
		}
	}
	for _, up := range []struct{ format, name string }{{"nt", "things.nt"}, {"bibtex", "refs.bib"}} {
		_, b := postMultipart(t, ts, uploadParts(importMutation(up.format, up.name), map[string]any{"f": nil},
			`{"0":["variables.f"]}`, testFile(t, "0", up.name)), bearer(testToken))
		var out importOut
		if err := json.Unmarshal(decode(t, b).Data, &out); err != nil || out.ImportData.Quads == 0 {
			t.Fatalf("upload %s: %s", up.name, b)
		}
		want += float64(out.ImportData.Quads)
	}
	resp, err := http.Get(ts.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, want := range []string{
		`civicgraph_http_requests_total{code="200",route="POST /graphql"} 8`,
		`civicgraph_http_request_duration_seconds_bucket{route="POST /graphql"`,
		`civicgraph_limit_hits_total{limit="cost"} 1`,
		`civicgraph_imports_total{format="nt",result="ok"} 2`,
		`civicgraph_imports_total{format="nt",result="error"} 1`,
		`civicgraph_imports_total{format="bibtex",result="ok"} 1`,
		`civicgraph_imports_total{format="unknown",result="error"} 1`,
		`civicgraph_imports_total{format="csv",result="error"} 1`,
		fmt.Sprintf("civicgraph_import_quads_total %g\n", want),
		`civicgraph_import_duration_seconds_count{format="nt"} 3`,
		`civicgraph_import_duration_seconds_bucket{format="bibtex",le="+Inf"} 1`,
		"civicgraph_store_quads ",
		"civicgraph_store_disk_bytes ",
		"go_goroutines ",
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if t.Failed() {
		t.Logf("metrics:\n%s", b)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex // guards b
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServer_RequestLog(t *testing.T) {
	var logs syncBuffer
	const token = "s3cret-token-0123456789"
	ts, _ := newTestServer(t, server.Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), Token: token})
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, ts.URL+"/graphql", strings.NewReader(`{"query":"{ stats { quads } }"}`))
	req.Header.Set("X-Request-Id", "abc-123")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got != "abc-123" {
		t.Errorf("X-Request-Id = %q, want the client's", got)
	}
	resp, err = http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if id := resp.Header.Get("X-Request-Id"); len(id) != 16 {
		t.Errorf("generated X-Request-Id = %q, want 16 hex digits", id)
	}
	out := logs.String()
	for _, want := range []string{`"request_id":"abc-123"`, `"path":"/graphql"`, `"status":200`, `"msg":"request"`} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, token) {
		t.Errorf("the token was logged")
	}
}
