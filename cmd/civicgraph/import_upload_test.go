package main

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/server"
)

// TestServer_UploadGraphNames runs the server's upload path (a GraphQL
// multipart importData, which calls the same importers code as the CLI) on
// a real store: an upload whose name reduces to the graph of an earlier
// upload of another name is refused, naming both, and leaves that graph;
// an upload of the same name replaces it; an empty upload is refused,
// naming the file.
func TestServer_UploadGraphNames(t *testing.T) {
	s, err := graph.Open(filepath.Join(t.TempDir(), "store"), graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	const token = "test-token"
	h, err := server.New(server.Options{Store: s, Token: token})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)

	upload := func(name, content string) (graphIRI string, errs []string) {
		t.Helper()
		ops, _ := json.Marshal(map[string]any{
			"query":     `mutation($f: String!, $n: String!) { importData(content: $f, format: "nt", name: $n) { graph records } }`,
			"variables": map[string]any{"f": nil, "n": name},
		})
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("operations", string(ops))
		mw.WriteField("map", `{"0":["variables.f"]}`)
		fw, _ := mw.CreateFormFile("0", name)
		io.WriteString(fw, content)
		mw.Close()
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/graphql", &buf)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out struct {
			Data struct {
				ImportData *struct{ Graph string }
			}
			Errors []struct{ Message string }
		}
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		for _, e := range out.Errors {
			errs = append(errs, e.Message)
		}
		if out.Data.ImportData != nil {
			graphIRI = out.Data.ImportData.Graph
		}
		return graphIRI, errs
	}
	count := func(g string) int64 {
		n, err := s.Count(t.Context(), graph.Pattern{G: graph.IRI(g)})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	const line = "<http://e.org/s> <http://e.org/p> \"1\" .\n"

	g, errs := upload("My Data.nt", line)
	if len(errs) > 0 || g != importers.SourceGraph("my-data.nt").Value {
		t.Fatalf("first upload: graph %q, errors %q", g, errs)
	}
	_, errs = upload("my-data.nt", line+line+"<http://e.org/s> <http://e.org/p> \"2\" .\n")
	if len(errs) != 1 || !strings.Contains(errs[0], "my-data.nt") || !strings.Contains(errs[0], `"My Data.nt"`) {
		t.Errorf("upload of another name for the same graph: errors %q, want one naming both", errs)
	}
	if n := count(g); n != 1 {
		t.Errorf("graph of My Data.nt holds %d quads after the refused upload, want 1", n)
	}
	if _, errs = upload("My Data.nt", line+"<http://e.org/s> <http://e.org/p> \"3\" .\n"); len(errs) > 0 {
		t.Errorf("a new upload of the same name: %q", errs)
	}
	if n := count(g); n != 2 {
		t.Errorf("re-uploaded graph holds %d quads, want 2", n)
	}
	_, errs = upload("My Data.nt", "")
	if len(errs) != 1 || !strings.Contains(errs[0], "My Data.nt") || !strings.Contains(errs[0], "empty") {
		t.Errorf("empty upload: errors %q, want one naming the file and saying it is empty", errs)
	}
	if n := count(g); n != 2 {
		t.Errorf("an empty upload changed the graph: %d quads, want 2", n)
	}
}
