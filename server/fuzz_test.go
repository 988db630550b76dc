package server_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/server"
)

// FuzzServer_GraphQL posts arbitrary documents to the GraphQL endpoint. The
// handler never panics, always answers JSON with data or errors, every
// error has a message, and a request error (one with no path: syntax,
// validation, a limit) never comes with data.
func FuzzServer_GraphQL(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.graphql")
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, s := range []string{"", "{", "}", "{ node(id: \"x\") { ...F } } fragment F on Node { id ...F }",
		`query Q($f: Int = 3) { actors(first: $f) { totalCount } }`, `mutation { x }`, `"""`, "# only a comment",
		`{ __schema { types { name fields { name } } } }`, `{ a: actors(first: 1000) { nodes { engagements { id } } } }`} {
		f.Add(s)
	}
	h, err := server.New(server.Options{Store: shared, MaxNodes: 200, MaxPage: 100})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		body, _ := json.Marshal(map[string]any{"query": q})
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		var resp struct {
			Data   json.RawMessage `json:"data"`
			Errors []struct {
				Message string `json:"message"`
				Path    []any  `json:"path"`
			} `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, response is not JSON: %v\n%s", rec.Code, err, rec.Body.Bytes())
		}
		hasData := len(resp.Data) > 0 && string(resp.Data) != "null"
		if !hasData && len(resp.Errors) == 0 {
			t.Fatalf("neither data nor errors: %s", rec.Body.Bytes())
		}
		for _, e := range resp.Errors {
			if e.Message == "" {
				t.Errorf("error without a message: %s", rec.Body.Bytes())
			}
			if e.Path == nil && hasData {
				t.Errorf("request error with data: %s", rec.Body.Bytes())
			}
		}
	})
}
