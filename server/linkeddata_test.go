package server_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/rdf/nquads"
	"civicgraph/schema"
	"civicgraph/server"
	"civicgraph/web"
)

// get sends a GET (or HEAD) with an Accept header ("" for none) and
// returns the response with its body read. Redirects are not followed.
func get(t testing.TB, ts *httptest.Server, method, path, accept string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	c := *ts.Client()
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

var (
	importStamp = regexp.MustCompile(`[0-9]{8}T[0-9]{6}\.[0-9]+Z`)
	dateTime    = regexp.MustCompile(`"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z"`)
)

// golden compares got, with the test server's URL replaced by
// http://HOST, with testdata/name, or rewrites it with -update.
func golden(t *testing.T, ts *httptest.Server, name string, got []byte) {
	t.Helper()
	got = bytes.ReplaceAll(got, []byte(ts.URL), []byte("http://HOST"))
	// Import times change on every run.
	got = importStamp.ReplaceAll(got, []byte("STAMP"))
	got = dateTime.ReplaceAll(got, []byte(`"TIME"`))
	path := filepath.Join("testdata", "linkeddata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./server -run %s -update and review the diff.\ngot:\n%s", name, t.Name(), got)
	}
}

// parseNQuads reads an N-Quads (or N-Triples) body.
func parseNQuads(t testing.TB, b []byte) []graph.Quad {
	t.Helper()
	r := nquads.NewReader(bytes.NewReader(b), "response", true)
	var out []graph.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatalf("response is not N-Quads: %v\n%s", err, b)
		}
		out = append(out, q)
	}
}

func TestLinkedData_ID(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	tests := []struct {
		name, path, accept string
		status             int
		location           string
	}{
		{"Browser", "/id/actor/nesta", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", 303, "/page/actor/nesta"},
		{"Turtle", "/id/actor/nesta", "text/turtle", 303, "/data/actor/nesta.ttl"},
		{"NTriples", "/id/actor/nesta", "application/n-triples", 303, "/data/actor/nesta.nt"},
		{"RDFClientPreference", "/id/actor/nesta", "application/rdf+xml, text/turtle;q=0.5, application/n-triples;q=0.9", 303, "/data/actor/nesta.rdf"},
		{"JSONLD", "/id/actor/nesta", "application/ld+json", 303, "/data/actor/nesta.jsonld"},
		{"AnyType", "/id/actor/nesta", "*/*", 303, "/page/actor/nesta"},
		{"NoAccept", "/id/actor/nesta", "", 303, "/page/actor/nesta"},
		{"TextWildcard", "/id/actor/nesta", "text/*", 303, "/page/actor/nesta"},
		{"HTMLRefused", "/id/actor/nesta", "text/html;q=0, */*", 303, "/data/actor/nesta.ttl"},
		{"Illustrative", "/id/procurement/traffic-ai", "text/turtle", 303, "/data/procurement/traffic-ai.ttl"},
		{"NotAcceptable", "/id/actor/nesta", "application/json", 406, ""},
		{"Unknown", "/id/actor/nobody", "text/turtle", 404, ""},
		{"NoSlug", "/id/actor", "text/turtle", 404, ""},
		{"Concept", "/id/concept/lifecycle", "text/turtle", 404, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, ts, http.MethodGet, tc.path, tc.accept)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("Location"); got != tc.location {
				t.Errorf("Location %q, want %q", got, tc.location)
			}
			if got := resp.Header.Get("Vary"); got != "Accept" {
				t.Errorf("Vary %q, want Accept", got)
			}
			if tc.status == 406 && !strings.Contains(string(body), "text/turtle, application/n-triples") {
				t.Errorf("406 body does not list the offered types: %s", body)
			}
		})
	}
	t.Run("Head", func(t *testing.T) {
		resp, _ := get(t, ts, http.MethodHead, "/id/actor/nesta", "text/turtle")
		if resp.StatusCode != 303 || resp.Header.Get("Location") != "/data/actor/nesta.ttl" {
			t.Errorf("HEAD: %d %q", resp.StatusCode, resp.Header.Get("Location"))
		}
	})
}

// TestLinkedData_Page follows /id to the explorer's page of an entity:
// the page names the entity's description in every syntax with
// rel=alternate (each of which answers in its type) and the entity's IRI
// as canonical; an entity the store lacks gets the page with status 404.
func TestLinkedData_Page(t *testing.T) {
	ui, err := web.New()
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := newTestServer(t, server.Options{Web: ui})
	const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	resp, _ := get(t, ts, http.MethodGet, "/id/actor/nesta", browser)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || loc != "/page/actor/nesta" {
		t.Fatalf("GET /id/actor/nesta from a browser: %d to %q", resp.StatusCode, loc)
	}
	resp, body := get(t, ts, http.MethodGet, loc, browser)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") || !bytes.Contains(body, []byte("<main")) {
		t.Fatalf("GET %s: %d %s", loc, resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	links := resp.Header.Values("Link")
	alternates := map[string]string{} // type -> URL
	for _, l := range links {
		m := regexp.MustCompile(`^<([^>]+)>; rel="alternate"; type="([^"]+)"$`).FindStringSubmatch(l)
		if m != nil {
			alternates[m[2]] = m[1]
		}
	}
	if !slices.Contains(links, `<https://w3id.org/civicgraph/id/actor/nesta>; rel="canonical"`) {
		t.Errorf("Link headers %q lack the entity's IRI as canonical", links)
	}
	for _, mt := range []string{"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"} {
		u, ok := alternates[mt]
		if !ok {
			t.Errorf("no rel=alternate link of type %s in %q", mt, links)
			continue
		}
		resp, body := get(t, ts, http.MethodGet, u, "")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), mt) || !bytes.Contains(body, []byte("nesta")) {
			t.Errorf("GET %s: %d %s, %d bytes", u, resp.StatusCode, resp.Header.Get("Content-Type"), len(body))
		}
	}
	for _, path := range []string{"/page/actor/nobody", "/page/actor/has%20space", "/page/nokind/x"} {
		resp, body := get(t, ts, http.MethodGet, path, browser)
		if resp.StatusCode != 404 || !bytes.Contains(body, []byte("<main")) || len(resp.Header.Values("Link")) != 0 {
			t.Errorf("GET %s: %d, links %q; want 404 with the page, which explains, and no links", path, resp.StatusCode, resp.Header.Values("Link"))
		}
	}
	// A cached copy of a 404 is not revalidated into a 304.
	resp, _ = get(t, ts, http.MethodGet, "/page/actor/nesta", browser)
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, ts.URL+"/page/actor/nobody", nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	if r2, err := ts.Client().Do(req); err != nil || r2.StatusCode != 404 {
		t.Errorf("GET an unknown page with If-None-Match: %v %v, want 404", r2.StatusCode, err)
	} else {
		r2.Body.Close()
	}
}

// TestLinkedData_Context checks /context.jsonld: the context the dumps
// name with context=url, which a JSON-LD processor fetching it gets whole.
func TestLinkedData_Context(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	resp, body := get(t, ts, http.MethodGet, "/context.jsonld", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/ld+json" {
		t.Fatalf("GET /context.jsonld: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var doc struct {
		Context map[string]any `json:"@context"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, body)
	}
	for _, p := range export.Prefixes() {
		if doc.Context[p.Name] != p.IRI {
			t.Errorf("@context[%q] = %v, want %q", p.Name, doc.Context[p.Name], p.IRI)
		}
	}
	_, dump := get(t, ts, http.MethodGet, "/dump?format=jsonld&context=url&class=Mechanism", "")
	if !bytes.Contains(dump, []byte(`"@context": "`+ts.URL+`/context.jsonld"`)) && !bytes.Contains(dump, []byte(`"@context":"`+ts.URL+`/context.jsonld"`)) {
		t.Errorf("a dump with context=url does not name %s/context.jsonld: %.300s", ts.URL, dump)
	}
}

func TestLinkedData_IDUnderOtherBase(t *testing.T) {
	const base = "http://127.0.0.1/kg/"
	s := newFixtureStore(t)
	ts, _ := newTestServer(t, server.Options{Store: s, Base: base})
	// The fixture is under the default base: nothing under this one.
	resp, _ := get(t, ts, http.MethodGet, "/id/actor/nesta", "text/turtle")
	if resp.StatusCode != 404 {
		t.Errorf("status %d, want 404 for an entity under another base", resp.StatusCode)
	}
	iri := graph.IRI(base + "actor/somebody")
	if err := s.Update(t.Context(), func(tx *graph.Txn) error {
		return tx.Add(graph.Quad{S: iri, P: graph.IRI(schema.RDFSLabel), O: graph.String("Somebody")})
	}); err != nil {
		t.Fatal(err)
	}
	resp, body := get(t, ts, http.MethodGet, "/data/actor/somebody.nt", "")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	want := `<http://127.0.0.1/kg/actor/somebody> <http://www.w3.org/2000/01/rdf-schema#label> "Somebody" .` + "\n"
	if string(body) != want {
		t.Errorf("body %q, want %q", body, want)
	}
}

func TestLinkedData_Data(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	tests := []struct {
		name, path, accept string
		status             int
		contentType        string
		vary               string
		contentLocation    string
		golden             string
	}{
		{"TurtleByExtension", "/data/procurement/traffic-ai.ttl", "", 200, "text/turtle; charset=utf-8", "", "", "traffic-ai.ttl"},
		{"NTriplesByExtension", "/data/procurement/traffic-ai.nt", "application/json", 200, "application/n-triples; charset=utf-8", "", "", "traffic-ai.nt"},
		{"Negotiated", "/data/actor/testville-civic-lab", "application/n-triples;q=0.9, text/turtle;q=0.1", 200, "application/n-triples; charset=utf-8", "Accept", "/data/actor/testville-civic-lab.nt", "testville-civic-lab.nt"},
		{"NegotiatedDefault", "/data/actor/testville-civic-lab", "*/*", 200, "text/turtle; charset=utf-8", "Accept", "/data/actor/testville-civic-lab.ttl", ""},
		{"JSONLDByExtension", "/data/procurement/traffic-ai.jsonld", "", 200, "application/ld+json; charset=utf-8", "", "", "traffic-ai.jsonld"},
		{"RDFXMLByExtension", "/data/procurement/traffic-ai.rdf", "", 200, "application/rdf+xml; charset=utf-8", "", "", "traffic-ai.rdf"},
		{"NotAcceptable", "/data/actor/testville-civic-lab", "text/html", 406, "text/plain; charset=utf-8", "Accept", "", ""},
		{"Unknown", "/data/actor/nobody.ttl", "", 404, "text/plain; charset=utf-8", "", "", ""},
		{"UnknownExtension", "/data/actor/testville-civic-lab.xyz", "", 404, "text/plain; charset=utf-8", "Accept", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, ts, http.MethodGet, tc.path, tc.accept)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("Content-Type %q, want %q", got, tc.contentType)
			}
			if got := resp.Header.Get("Vary"); got != tc.vary {
				t.Errorf("Vary %q, want %q", got, tc.vary)
			}
			if got := resp.Header.Get("Content-Location"); got != tc.contentLocation {
				t.Errorf("Content-Location %q, want %q", got, tc.contentLocation)
			}
			if tc.golden != "" {
				golden(t, ts, tc.golden, body)
			}
		})
	}
	t.Run("CBD", func(t *testing.T) {
		// The description holds everything said about the entity, and the
		// labels of what it links to, each triple once.
		_, body := get(t, ts, http.MethodGet, "/data/procurement/traffic-ai.nt", "")
		got := parseNQuads(t, body)
		subject := graph.IRI(schema.DefaultBase + "procurement/traffic-ai")
		var want int
		for q, err := range shared.Match(t.Context(), graph.Pattern{S: subject}) {
			if err != nil {
				t.Fatal(err)
			}
			want++
			if !slices.Contains(got, graph.Quad{S: q.S, P: q.P, O: q.O}) {
				t.Errorf("description lacks %s", q)
			}
		}
		var about int
		for i, q := range got {
			if q.S == subject {
				about++
			}
			if slices.Contains(got[:i], q) {
				t.Errorf("%s given twice", q)
			}
		}
		if about != want {
			t.Errorf("%d triples about the entity, the store has %d", about, want)
		}
		buyer := graph.Quad{S: graph.IRI(schema.DefaultBase + "actor/testville-city-council"), P: graph.IRI(schema.RDFSLabel), O: graph.LangLiteral("Testville City Council", "en")}
		if !slices.Contains(got, buyer) {
			t.Errorf("description lacks the buyer's label %s", buyer)
		}
	})
}

func TestLinkedData_VoID(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	resp, body := get(t, ts, http.MethodGet, "/.well-known/void", "")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/turtle; charset=utf-8" || resp.Header.Get("Vary") != "Accept" {
		t.Fatalf("status %d, Content-Type %q, Vary %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Vary"))
	}
	golden(t, ts, "void.ttl", body)
	resp, body = get(t, ts, http.MethodGet, "/.well-known/void", "application/n-triples")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	qs := parseNQuads(t, body)
	has := func(s, p string, o graph.Term) bool {
		return slices.Contains(qs, graph.Quad{S: graph.IRI(s), P: graph.IRI(p), O: o})
	}
	dataset := ts.URL + "/.well-known/void#dataset"
	graphs, err := shared.Graphs(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range graphs {
		if g.IsZero() {
			continue
		}
		if !has(dataset, schema.VOIDSubset, g) {
			t.Errorf("no void:subset %s", g)
		}
		n, err := shared.Count(t.Context(), graph.Pattern{G: g})
		if err != nil {
			t.Fatal(err)
		}
		if !has(g.Value, schema.VOIDTriples, graph.Literal(strconv.FormatInt(n, 10), schema.XSDInteger)) {
			t.Errorf("%s: no void:triples %d", g, n)
		}
		licensed := slices.ContainsFunc(qs, func(q graph.Quad) bool {
			return q.S == g && (q.P.Value == schema.DCTermsLicense || q.P.Value == schema.PropNotStated && q.O.Value == schema.DCTermsLicense)
		})
		if !licensed {
			t.Errorf("%s has no licence and does not say it has none", g)
		}
	}
	for _, g := range []string{schema.GraphOntology, schema.GraphConcepts, schema.GraphShapes} {
		if !has(g, schema.DCTermsLicense, graph.IRI("https://creativecommons.org/licenses/by/4.0/")) {
			t.Errorf("%s: no licence", g)
		}
	}
	// The fixture's import: its graph was generated by an activity that
	// used the file.
	if !slices.ContainsFunc(qs, func(q graph.Quad) bool {
		return q.S.Value == schema.GraphIllustrative && q.P.Value == schema.PROVWasGeneratedBy
	}) {
		t.Error("the illustrative graph has no prov:wasGeneratedBy")
	}
	for _, want := range []struct{ s, p, o string }{
		{dataset, schema.VOIDDataDump, ts.URL + "/dump?format=nq"},
		{ts.URL + "/fragments", schema.DCATServesDataset, dataset},
		{ts.URL + "/graphql", schema.DCATServesDataset, dataset},
	} {
		if !has(want.s, want.p, graph.IRI(want.o)) {
			t.Errorf("no <%s> <%s> <%s>", want.s, want.p, want.o)
		}
	}
	resp, _ = get(t, ts, http.MethodGet, "/.well-known/void", "application/x-unknown")
	if resp.StatusCode != 406 {
		t.Errorf("application/x-unknown: status %d, want 406", resp.StatusCode)
	}
}

func TestLinkedData_PublicURL(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{PublicURL: "https://kg.example.org/"})
	_, body := get(t, ts, http.MethodGet, "/fragments?subject="+url.QueryEscape(schema.DefaultBase+"actor/nesta"), "application/n-quads")
	if !bytes.Contains(body, []byte("<https://kg.example.org/fragments?subject=")) || bytes.Contains(body, []byte(ts.URL)) {
		t.Errorf("URLs not under the public URL:\n%s", body)
	}
}
