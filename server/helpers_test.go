package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/schema"
	"civicgraph/server"
)

// shared is the fixture store of the tests that only read, made once by
// TestMain: seeding under -race takes seconds.
var shared *graph.Store

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "civicgraph-server-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := func() int {
		defer os.RemoveAll(dir)
		s, err := graph.Open(dir, graph.Options{GCInterval: -1})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer s.Close()
		if err := loadFixture(context.Background(), s); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		shared = s
		return m.Run()
	}()
	os.Exit(code)
}

// loadFixture loads the seed and testdata/fixture.nt (illustrative
// procurement data, in the illustrative graph) into s.
func loadFixture(ctx context.Context, s *graph.Store) error {
	if _, err := importers.Seed(ctx, s, schema.DefaultBase); err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	f, err := os.Open("testdata/fixture.nt")
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = importers.Import(ctx, s, []importers.Input{{Name: "fixture.nt", R: f}},
		importers.Options{Format: importers.NTriples, Graph: graph.IRI(schema.GraphIllustrative)})
	if err != nil {
		return fmt.Errorf("import fixture: %w", err)
	}
	return nil
}

// newFixtureStore returns a fixture store of the test's own, for tests
// that write or close it.
func newFixtureStore(t testing.TB) *graph.Store {
	t.Helper()
	s := graphtest.NewStore(t)
	if err := loadFixture(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	return s
}

// newTestServer serves opts.Store, or the shared fixture store, with opts
// on loopback.
func newTestServer(t testing.TB, opts server.Options) (*httptest.Server, *graph.Store) {
	t.Helper()
	if opts.Store == nil {
		opts.Store = shared
	}
	h, err := server.New(opts)
	if err != nil {
		t.Fatalf("server.New: %v", err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts, opts.Store
}

// gqlResponse is a GraphQL response as clients see it.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Path       []any          `json:"path"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// post sends a GraphQL request and returns the status and the raw body.
func post(t testing.TB, ts *httptest.Server, query string, vars map[string]any, header http.Header) (int, []byte) {
	t.Helper()
	status, _, b := postFull(t, ts, query, vars, header)
	return status, b
}

// postWithType posts a query with header and returns the status, the
// Content-Type and the body.
func postWithType(t testing.TB, ts *httptest.Server, query string, header http.Header) (int, string, []byte) {
	t.Helper()
	return postFull(t, ts, query, nil, header)
}

// postFull sends a GraphQL request and returns the status, the
// Content-Type and the raw body.
func postFull(t testing.TB, ts *httptest.Server, query string, vars map[string]any, header http.Header) (int, string, []byte) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

// query posts a query and decodes the response.
func query(t testing.TB, ts *httptest.Server, q string, vars map[string]any) gqlResponse {
	t.Helper()
	_, b := post(t, ts, q, vars, nil)
	return decode(t, b)
}

// decode decodes a GraphQL response.
func decode(t testing.TB, b []byte) gqlResponse {
	t.Helper()
	var r gqlResponse
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("response is not JSON: %v\n%s", err, b)
	}
	return r
}

// errorCode returns the code of the first error, or "".
func (r gqlResponse) errorCode() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// normalise re-encodes JSON with sorted keys and indentation.
func normalise(t testing.TB, b []byte) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	// Fields resolve concurrently, so errors come in any order.
	if m, ok := v.(map[string]any); ok {
		if errs, ok := m["errors"].([]any); ok {
			slices.SortFunc(errs, func(a, b any) int {
				ja, _ := json.Marshal(a)
				jb, _ := json.Marshal(b)
				return bytes.Compare(ja, jb)
			})
		}
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// variablesOf reads a "# variables: {...}" first line of a golden query.
func variablesOf(t testing.TB, q string) map[string]any {
	line, _, _ := strings.Cut(q, "\n")
	rest, ok := strings.CutPrefix(line, "# variables:")
	if !ok {
		return nil
	}
	var vars map[string]any
	if err := json.Unmarshal([]byte(rest), &vars); err != nil {
		t.Fatalf("variables line: %v", err)
	}
	return vars
}
