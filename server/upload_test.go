package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"civicgraph/server"
)

// part is one field of a multipart request, a file when fileName is set.
type part struct{ name, fileName, content string }

// uploadParts returns the parts of a GraphQL multipart request: operations
// (query, with vars), map, then the files.
func uploadParts(query string, vars map[string]any, fileMap string, files ...part) []part {
	ops, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	return append([]part{{name: "operations", content: string(ops)}, {name: "map", content: fileMap}}, files...)
}

// testFile returns the part of testdata/upload/name as file field field.
func testFile(t testing.TB, field, name string) part {
	t.Helper()
	b, err := os.ReadFile("testdata/upload/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return part{name: field, fileName: name, content: string(b)}
}

// multipartBody encodes parts as multipart/form-data and returns the body
// and its content type.
func multipartBody(t testing.TB, parts []part) ([]byte, string) {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.fileName != "" {
			w, err = mw.CreateFormFile(p.name, p.fileName)
		} else {
			w, err = mw.CreateFormField(p.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.content)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), mw.FormDataContentType()
}

// postMultipart sends parts to /graphql as a multipart request, as curl -F
// does, and returns the status and the raw body.
func postMultipart(t testing.TB, ts *httptest.Server, parts []part, header http.Header) (int, []byte) {
	t.Helper()
	body, ct := multipartBody(t, parts)
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
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
	return resp.StatusCode, b
}

// importMutation imports $f in format under name.
func importMutation(format, name string) string {
	return fmt.Sprintf(`mutation($f: String!) { importData(content: $f, format: %q, name: %q) { graph records quads } }`, format, name)
}

type importOut struct {
	ImportData struct {
		Graph   string
		Records int
		Quads   int
	}
}

func TestServer_Upload(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{Token: testToken, Store: newFixtureStore(t)})
	ok := func(t *testing.T, status int, b []byte, out any) {
		t.Helper()
		r := decode(t, b)
		if status != http.StatusOK || len(r.Errors) > 0 {
			t.Fatalf("status %d: %s", status, b)
		}
		if err := json.Unmarshal(r.Data, out); err != nil {
			t.Fatal(err)
		}
	}
	count := func(t *testing.T, g string) int {
		t.Helper()
		var out struct{ Triples struct{ TotalCount int } }
		status, b := post(t, ts, `query($g: String) { triples(graph: $g) { totalCount } }`, map[string]any{"g": g}, nil)
		ok(t, status, b, &out)
		return out.Triples.TotalCount
	}

	t.Run("BibTeX", func(t *testing.T) {
		// What the README's curl example sends.
		status, b := postMultipart(t, ts, uploadParts(importMutation("bibtex", "refs.bib"), map[string]any{"f": nil},
			`{"0":["variables.f"]}`, testFile(t, "0", "refs.bib")), bearer(testToken))
		var out importOut
		ok(t, status, b, &out)
		res := out.ImportData
		if res.Graph != "https://w3id.org/civicgraph/graph/source/refs-bib" || res.Records == 0 || res.Quads == 0 {
			t.Fatalf("importData = %+v", res)
		}
		// records counts the statements, all in the source graph; quads adds
		// the provenance records.
		if n := count(t, res.Graph); n != res.Records || res.Quads < n {
			t.Errorf("the graph holds %d triples; importData = %+v", n, res)
		}
		var found struct {
			Search []struct{ Node struct{ IRI, Label string } }
		}
		status, b = post(t, ts, `{ search(text: "participatory procurement") { node { iri label } } }`, nil, nil)
		ok(t, status, b, &found)
		if len(found.Search) == 0 || !strings.Contains(found.Search[0].Node.IRI, "/reference/") ||
			found.Search[0].Node.Label != "Participatory Procurement of Algorithmic Systems" {
			t.Errorf("search after upload: %s", b)
		}
		// The LaTeX accent became UTF-8, and the author a person.
		status, b = post(t, ts, `{ search(text: "Peña", class: "http://xmlns.com/foaf/0.1/Person") { node { label } } }`, nil, nil)
		if !bytes.Contains(b, []byte(`"label":"Ana Peña"`)) {
			t.Errorf("search for the author: %d %s", status, b)
		}
	})
	t.Run("OneFileTwoPaths", func(t *testing.T) {
		const m = `mutation($a: String!, $b: String!) {
			a: importData(content: $a, format: "nt", name: "things-a.nt") { graph }
			b: importData(content: $b, format: "nt", name: "things-b.nt") { graph } }`
		status, b := postMultipart(t, ts, uploadParts(m, map[string]any{"a": nil, "b": nil},
			`{"file":["variables.a","variables.b"]}`, testFile(t, "file", "things.nt")), bearer(testToken))
		var out map[string]struct{ Graph string }
		ok(t, status, b, &out)
		if out["a"].Graph == out["b"].Graph {
			t.Errorf("importData = %s", b)
		}
		for _, k := range []string{"a", "b"} {
			if n := count(t, out[k].Graph); n != 3 {
				t.Errorf("%s holds %d triples, want 3", out[k].Graph, n)
			}
		}
		var node struct{ Node struct{ Label string } }
		status, b = post(t, ts, `{ node(iri: "https://example.org/uploaded/lamp") { label } }`, nil, nil)
		ok(t, status, b, &node)
		if node.Node.Label != "Streetlamp sensor, café district" {
			t.Errorf("uploaded node: %s", b)
		}
	})
	t.Run("SyntaxError", func(t *testing.T) {
		bad := part{name: "0", fileName: "broken.nt", content: "<https://example.org/a> <https://example.org/p> \"x\" .\n<https://example.org/a> <https://example.org/p> .\n"}
		status, b := postMultipart(t, ts, uploadParts(importMutation("nt", "broken.nt"), map[string]any{"f": nil},
			`{"0":["variables.f"]}`, bad), bearer(testToken))
		r := decode(t, b)
		if status != http.StatusOK || r.errorCode() != "BAD_INPUT" || !strings.Contains(r.Errors[0].Message, "broken.nt") {
			t.Fatalf("upload of a broken file: %d %s", status, b)
		}
		if n := count(t, "https://w3id.org/civicgraph/graph/source/broken-nt"); n != 0 {
			t.Errorf("a failed import left %d triples", n)
		}
	})
	t.Run("Query", func(t *testing.T) {
		// A multipart request may be a query; its file is a string like any.
		status, b := postMultipart(t, ts, uploadParts(`query($s: String!) { search(text: $s) { node { id } } }`, map[string]any{"s": nil},
			`{"0":["variables.s"]}`, part{name: "0", fileName: "q.txt", content: "acme"}), bearer(testToken))
		if r := decode(t, b); status != http.StatusOK || len(r.Errors) > 0 || !bytes.Contains(b, []byte("acme-ai")) {
			t.Errorf("query with a file: %d %s", status, b)
		}
	})
}

func TestServer_UploadErrors(t *testing.T) {
	st := newFixtureStore(t)
	const m = `mutation($f: String!) { importData(content: $f, format: "nt", name: "x.nt") { quads } }`
	f := part{name: "0", fileName: "x.nt", content: "<https://example.org/a> <https://example.org/p> \"x\" .\n"}
	ops, _ := json.Marshal(map[string]any{"query": m, "variables": map[string]any{"f": nil}})
	operations := part{name: "operations", content: string(ops)}
	vars := map[string]any{"f": nil}
	for _, tc := range []struct {
		name    string
		opts    server.Options
		parts   []part
		status  int
		code    string
		wantMsg string
	}{
		{"MapFirst", server.Options{}, []part{{name: "map", content: `{"0":["variables.f"]}`}, operations, f},
			400, "BAD_INPUT", `the field "map" where operations must be`},
		{"NoMap", server.Options{}, []part{operations},
			400, "BAD_INPUT", "no map field"},
		{"NoFields", server.Options{}, nil,
			400, "BAD_INPUT", "no operations field"},
		{"BadOperations", server.Options{}, []part{{name: "operations", content: "{"}, {name: "map", content: `{}`}},
			400, "BAD_INPUT", "operations: not a GraphQL request in JSON"},
		{"Batch", server.Options{}, []part{{name: "operations", content: `[` + string(ops) + `]`}, {name: "map", content: `{}`}},
			400, "BAD_INPUT", "batched operations"},
		{"BadMap", server.Options{}, uploadParts(m, vars, `["variables.f"]`, f),
			400, "BAD_INPUT", "map: not a JSON object"},
		{"EmptyPaths", server.Options{}, uploadParts(m, vars, `{"0":[]}`, f),
			400, "BAD_INPUT", `map: file field "0" has no paths`},
		{"PathNotFound", server.Options{}, uploadParts(m, vars, `{"0":["variables.g"]}`, f),
			400, "BAD_INPUT", `map: file field "0": path "variables.g": operations has no variable g`},
		{"NoVariables", server.Options{}, uploadParts(m, nil, `{"0":["variables.f"]}`, f),
			400, "BAD_INPUT", `path "variables.f": operations has no variable f (give it the value null)`},
		{"PathNotVariables", server.Options{}, uploadParts(m, vars, `{"0":["query"]}`, f),
			400, "BAD_INPUT", `path "query": expected variables.NAME`},
		{"MissingFile", server.Options{}, uploadParts(m, map[string]any{"f": nil, "g": nil}, `{"0":["variables.f"],"1":["variables.g"]}`, f),
			400, "BAD_INPUT", `map names the file field "1", but the request has no such part`},
		{"UnmappedFile", server.Options{}, uploadParts(m, vars, `{"0":["variables.f"]}`, f, part{name: "1", fileName: "y.nt", content: "x"}),
			400, "BAD_INPUT", `file field "1" is not in the map field`},
		{"FileTwice", server.Options{}, uploadParts(m, vars, `{"0":["variables.f"]}`, f, f),
			400, "BAD_INPUT", `file field "0" comes twice`},
		{"NotUTF8", server.Options{}, uploadParts(m, vars, `{"0":["variables.f"]}`, part{name: "0", fileName: "latin1.nt", content: "# ok\n# caf\xe9\n"}),
			400, "BAD_INPUT", `file field "0" (latin1.nt) is not UTF-8 text: byte 0xe9 at offset 10 (line 2)`},
		{"UploadTooBig", server.Options{MaxUploadBytes: 4096}, uploadParts(m, vars, `{"0":["variables.f"]}`,
			part{name: "0", fileName: "big.nt", content: strings.Repeat(f.content, 100)}),
			413, "LIMIT", `the multipart request, in file field "0" (big.nt), exceeds the upload size limit of 4096`},
		{"OperationsTooBig", server.Options{MaxBodyBytes: 100}, uploadParts(m, vars, `{"0":["variables.f"]}`, f),
			413, "LIMIT", "the operations field exceeds the body size limit of 100"},
		{"QueryLength", server.Options{MaxQueryLength: 20}, uploadParts(m, vars, `{"0":["variables.f"]}`, f),
			200, "LIMIT", "exceeds the query length limit of 20"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Store, tc.opts.Token = st, testToken
			ts, _ := newTestServer(t, tc.opts)
			status, b := postMultipart(t, ts, tc.parts, bearer(testToken))
			r := decode(t, b)
			if status != tc.status || r.errorCode() != tc.code {
				t.Fatalf("status %d, response %s; want %d and code %s", status, b, tc.status, tc.code)
			}
			if !strings.Contains(r.Errors[0].Message, tc.wantMsg) {
				t.Errorf("message %q, want it to contain %q", r.Errors[0].Message, tc.wantMsg)
			}
			if len(r.Data) > 0 && string(r.Data) != "null" {
				t.Errorf("a refused request came with data: %s", r.Data)
			}
			if tc.code == "LIMIT" {
				if _, ok := r.Errors[0].Extensions["limit"].(string); !ok {
					t.Errorf("limit error without the limit's name: %s", b)
				}
			}
		})
	}
	t.Run("Malformed", func(t *testing.T) {
		ts, _ := newTestServer(t, server.Options{Store: st, Token: testToken})
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/graphql", strings.NewReader("--b\r\nnot a header\r\n\r\n"))
		req.Header.Set("Content-Type", "multipart/form-data; boundary=b")
		req.Header.Set("Authorization", "Bearer "+testToken)
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if r := decode(t, b); resp.StatusCode != 400 || r.errorCode() != "BAD_INPUT" || !strings.Contains(r.Errors[0].Message, "malformed in the operations field") {
			t.Errorf("malformed multipart body: %d %s", resp.StatusCode, b)
		}
	})
}

// TestServer_UploadAuth checks that a multipart request, which a browser
// sends from any origin without a CORS preflight, needs the token like
// every write, and is refused before its body is read.
func TestServer_UploadAuth(t *testing.T) {
	st := newFixtureStore(t)
	const origin = "https://app.example.org"
	parts := func(t *testing.T) []part {
		return uploadParts(importMutation("bibtex", "refs.bib"), map[string]any{"f": nil}, `{"0":["variables.f"]}`, testFile(t, "0", "refs.bib"))
	}
	withOrigin := func(h http.Header, o string) http.Header {
		h = h.Clone()
		if h == nil {
			h = http.Header{}
		}
		h.Set("Origin", o)
		return h
	}
	cors := []string{origin}
	for _, tc := range []struct {
		name   string
		opts   server.Options
		header http.Header
		status int
		code   string
	}{
		{"NoToken", server.Options{Token: testToken}, nil, 401, "UNAUTHORIZED"},
		{"WrongToken", server.Options{Token: testToken}, bearer("test-token-0123456789abcdeX"), 401, "UNAUTHORIZED"},
		{"NotBearer", server.Options{Token: testToken}, http.Header{"Authorization": {testToken}}, 401, "UNAUTHORIZED"},
		{"NoTokenConfigured", server.Options{}, bearer(""), 401, "UNAUTHORIZED"},
		{"ReadOnly", server.Options{Token: testToken, ReadOnly: true}, bearer(testToken), 403, "FORBIDDEN"},
		{"CrossOriginWithoutToken", server.Options{Token: testToken, CORSOrigins: cors}, withOrigin(nil, origin), 401, "UNAUTHORIZED"},
		{"CrossOriginWrongToken", server.Options{Token: testToken, CORSOrigins: cors}, withOrigin(bearer("wrong-token-0123456789abcdef"), origin), 401, "UNAUTHORIZED"},
		{"OtherOriginWithoutToken", server.Options{Token: testToken, CORSOrigins: cors}, withOrigin(nil, "https://evil.example.com"), 401, "UNAUTHORIZED"},
		{"NoCORSWithoutToken", server.Options{Token: testToken}, withOrigin(nil, "https://evil.example.com"), 401, "UNAUTHORIZED"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Store = st
			ts, _ := newTestServer(t, tc.opts)
			status, b := postMultipart(t, ts, parts(t), tc.header)
			if r := decode(t, b); status != tc.status || r.errorCode() != tc.code {
				t.Fatalf("status %d, response %s; want %d and code %s", status, b, tc.status, tc.code)
			}
		})
	}
	t.Run("LargeBodyWithoutToken", func(t *testing.T) {
		// Refused from the headers: the server reads none of the 32 MiB.
		ts, _ := newTestServer(t, server.Options{Store: st, Token: testToken})
		big := part{name: "0", fileName: "big.nt", content: strings.Repeat("# padding padding padding padding\n", 1<<20)}
		start := time.Now()
		status, b := postMultipart(t, ts, uploadParts(importMutation("nt", "big.nt"), map[string]any{"f": nil}, `{"0":["variables.f"]}`, big), nil)
		if r := decode(t, b); status != 401 || r.errorCode() != "UNAUTHORIZED" {
			t.Fatalf("status %d, response %s", status, b)
		}
		t.Logf("refused in %v", time.Since(start))
	})
	t.Run("NothingImported", func(t *testing.T) {
		ts, _ := newTestServer(t, server.Options{Store: st})
		r := query(t, ts, `{ triples(graph: "https://w3id.org/civicgraph/graph/source/refs-bib") { totalCount } }`, nil)
		if string(r.Data) != `{"triples":{"totalCount":0}}` {
			t.Errorf("after refused uploads: %s", r.Data)
		}
	})
}

// TestServer_UploadShutdown shuts the server down while an upload is still
// arriving: Shutdown waits for the import, which is written, and the client
// gets its answer.
func TestServer_UploadShutdown(t *testing.T) {
	st := newFixtureStore(t)
	h, err := server.New(server.Options{Store: st, Token: testToken})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	body, ct := multipartBody(t, uploadParts(importMutation("nt", "things.nt"), map[string]any{"f": nil},
		`{"0":["variables.f"]}`, testFile(t, "0", "things.nt")))
	pr, pw := io.Pipe()
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, "http://"+ln.Addr().String()+"/graphql", pr)
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Authorization", "Bearer "+testToken)
	type result struct {
		status int
		body   []byte
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			got <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		got <- result{resp.StatusCode, b, err}
	}()
	// Send half the body, shut down, then send the rest.
	half := len(body) / 2
	if _, err := pw.Write(body[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // the request is in the handler
	shut := make(chan error, 1)
	go func() { shut <- srv.Shutdown(t.Context()) }()
	time.Sleep(50 * time.Millisecond)
	if _, err := pw.Write(body[half:]); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	res := <-got
	if res.err != nil || res.status != 200 || !bytes.Contains(res.body, []byte(`"records":3`)) {
		t.Fatalf("upload during shutdown: %d %s %v", res.status, res.body, res.err)
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if err := <-served; err != http.ErrServerClosed {
		t.Errorf("Serve: %v, want http.ErrServerClosed", err)
	}
}

// TestServer_UploadTimeout checks that an upload runs under UploadTimeout,
// not the request Timeout: with a Timeout too short for any import, the
// same content fails inline and imports as a file.
func TestServer_UploadTimeout(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{Token: testToken, Store: newFixtureStore(t), Timeout: time.Nanosecond, UploadTimeout: time.Minute})
	content, err := os.ReadFile("testdata/upload/things.nt")
	if err != nil {
		t.Fatal(err)
	}
	_, b := post(t, ts, importMutation("nt", "inline.nt"), map[string]any{"f": string(content)}, bearer(testToken))
	if code := decode(t, b).errorCode(); code != "TIMEOUT" {
		t.Fatalf("inline import under a 1ns timeout: %s, want a TIMEOUT error", b)
	}
	status, b := postMultipart(t, ts, uploadParts(importMutation("nt", "things.nt"), map[string]any{"f": nil},
		`{"0":["variables.f"]}`, testFile(t, "0", "things.nt")), bearer(testToken))
	if r := decode(t, b); status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("upload under UploadTimeout: %d %s", status, b)
	}
}
