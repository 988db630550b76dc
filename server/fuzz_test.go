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
		`{ __schema { types { name fields { name } } } }`, `{ a: actors(first: 1000) { nodes { engagements { nodes { id } } } } }`} {
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

// FuzzServer_Multipart posts arbitrary multipart bodies with the token.
// The handler never panics, answers JSON with data or errors, and refuses
// what it cannot read with a 4xx, never a 5xx.
func FuzzServer_Multipart(f *testing.F) {
	const boundary = "fuzzboundary"
	mut := importMutation("nt", "f.nt")
	for _, parts := range [][]part{
		uploadParts(mut, map[string]any{"f": nil}, `{"0":["variables.f"]}`, part{name: "0", fileName: "f.nt", content: "<https://example.org/a> <https://example.org/p> \"x\" .\n"}),
		uploadParts(`query($s: String!) { search(text: $s) { node { id } } }`, map[string]any{"s": nil}, `{"0":["variables.s"]}`, part{name: "0", fileName: "q.txt", content: "acme"}),
		uploadParts(`query($l: [String!]!) { __typename }`, map[string]any{"l": []any{nil, nil}}, `{"a":["variables.l.1"],"b":["variables.l.0"]}`, part{name: "b", content: "x"}, part{name: "a", content: "\xff"}),
		uploadParts(mut, map[string]any{"f": map[string]any{"g": nil}}, `{"0":["variables.f.g"]}`, part{name: "0", content: ""}),
		{{name: "operations", content: "[]"}},
		nil,
	} {
		body, _ := multipartBody(f, parts)
		f.Add(bytes.ReplaceAll(body, []byte(boundaryOf(body)), []byte(boundary)))
	}
	h, err := server.New(server.Options{Store: newFixtureStore(f), Token: testToken, MaxUploadBytes: 1 << 16, MaxBodyBytes: 4096})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
		req.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
		req.Header.Set("Authorization", "Bearer "+testToken)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.Bytes())
		}
		var resp struct {
			Data   json.RawMessage   `json:"data"`
			Errors []json.RawMessage `json:"errors"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
			t.Fatalf("status %d, response is not JSON: %v\n%s", rec.Code, err, rec.Body.Bytes())
		}
		if (len(resp.Data) == 0 || string(resp.Data) == "null") && len(resp.Errors) == 0 {
			t.Fatalf("neither data nor errors: %s", rec.Body.Bytes())
		}
	})
}

// boundaryOf returns the boundary of a multipart body: its first line
// without the leading dashes.
func boundaryOf(body []byte) string {
	line, _, _ := bytes.Cut(body, []byte("\r\n"))
	return string(bytes.TrimSuffix(bytes.TrimPrefix(line, []byte("--")), []byte("--")))
}
