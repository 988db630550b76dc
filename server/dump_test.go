package server_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf"
	"civicgraph/schema"
	"civicgraph/server"
)

// getDump sends GET /dump?query with header and returns the response, its
// body read (gunzipped when gunzip is set).
func getDump(t *testing.T, base, query string, header http.Header, gunzip bool) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/dump?"+query, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	// A transport of our own, so that Go's client neither asks for gzip
	// nor decompresses behind our back.
	resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var r io.Reader = resp.Body
	if gunzip {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatalf("GET /dump?%s: body is not gzip: %v", query, err)
		}
		r = zr
	}
	body, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("GET /dump?%s: reading the body: %v", query, err)
	}
	return resp, body
}

// parseDump reads body as format name with civicgraph's reader.
func parseDump(t *testing.T, name string, body []byte) []graph.Quad {
	t.Helper()
	f, _ := rdf.Lookup(name)
	r, err := f.NewReader(bytes.NewReader(body), "dump", rdf.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := rdftest.ReadAll(r)
	if err != nil {
		t.Fatalf("the %s dump does not parse: %v", name, err)
	}
	return qs
}

func TestDump_Formats(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	for _, f := range rdf.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			resp, body := getDump(t, ts.URL, "format="+f.Name, nil, false)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, body)
			}
			mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
			if mt != f.MediaType() {
				t.Errorf("Content-Type %q, want %s", resp.Header.Get("Content-Type"), f.MediaType())
			}
			_, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition"))
			if err != nil || params["filename"] != "civicgraph."+f.Extension() {
				t.Errorf("Content-Disposition %q, want the file civicgraph.%s", resp.Header.Get("Content-Disposition"), f.Extension())
			}
			if !strings.Contains(resp.Header.Get("Vary"), "Accept") {
				t.Errorf("Vary %q lacks Accept", resp.Header.Get("Vary"))
			}
			if qs := parseDump(t, f.Name, body); len(qs) < 1000 {
				t.Errorf("the %s dump holds %d statements", f.Name, len(qs))
			}
		})
	}
}

func TestDump_Slices(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	t.Run("Graph", func(t *testing.T) {
		resp, body := getDump(t, ts.URL, "format=nq&graph=illustrative", nil, false)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		qs := parseDump(t, "nq", body)
		if len(qs) == 0 {
			t.Fatal("the illustrative graph's dump is empty")
		}
		for _, q := range qs {
			if q.G.Value != schema.GraphIllustrative {
				t.Fatalf("quad outside the graph: %v", q)
			}
		}
		if !strings.Contains(resp.Header.Get("Content-Disposition"), "civicgraph-illustrative.nq") {
			t.Errorf("Content-Disposition %q", resp.Header.Get("Content-Disposition"))
		}
	})
	t.Run("ClassAndEntity", func(t *testing.T) {
		resp, body := getDump(t, ts.URL, "format=nt&class=Mechanism", nil, false)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		qs := parseDump(t, "nt", body)
		var entity string
		for _, q := range qs {
			if q.P.Value == graph.RDFType && q.O.Value == schema.ClassMechanism {
				entity = q.S.Value
				break
			}
		}
		if entity == "" {
			t.Fatal("the class dump holds no mechanism")
		}
		resp, body = getDump(t, ts.URL, "format=ttl&entity="+url.QueryEscape(entity), nil, false)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", resp.StatusCode, body)
		}
		for _, q := range parseDump(t, "ttl", body) {
			if q.S.Value != entity && q.S.Kind != graph.KindBlank {
				t.Fatalf("the entity's description holds %v", q)
			}
		}
		resp, body = getDump(t, ts.URL, "format=nt&depth=1&entity="+url.QueryEscape(entity), nil, false)
		if resp.StatusCode != http.StatusOK || len(parseDump(t, "nt", body)) == 0 {
			t.Errorf("neighbourhood: status %d", resp.StatusCode)
		}
	})
	t.Run("NoSchema", func(t *testing.T) {
		_, body := getDump(t, ts.URL, "format=nq&schema=0", nil, false)
		for _, q := range parseDump(t, "nq", body) {
			if q.G.Value == schema.GraphOntology || q.G.Value == schema.GraphShapes {
				t.Fatalf("schema=0 dump holds %v", q)
			}
		}
	})
}

func TestDump_Errors(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	for _, tc := range []struct {
		name, query, accept string
		status              int
		says                string
	}{
		{"UnknownGraph", "format=nq&graph=nope", "", http.StatusNotFound, "unknown graph"},
		{"UnknownEntity", "entity=" + url.QueryEscape("https://example.org/nobody"), "", http.StatusNotFound, "unknown entity"},
		{"UnknownClass", "class=Nothing", "", http.StatusNotFound, "unknown class"},
		{"UnknownFormat", "format=csv", "", http.StatusBadRequest, "expected one of nt, nq"},
		{"BadDepth", "entity=cg:x&depth=9", "", http.StatusBadRequest, "depth"},
		{"DepthNotNumber", "entity=cg:x&depth=deep", "", http.StatusBadRequest, "depth"},
		{"BadSchema", "schema=maybe", "", http.StatusBadRequest, "schema"},
		{"BadGzip", "gzip=yes", "", http.StatusBadRequest, "gzip"},
		{"NotAnIRI", "entity=nobody", "", http.StatusBadRequest, "absolute IRI"},
		{"NotAcceptable", "", "text/html", http.StatusNotAcceptable, "format="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.accept != "" {
				h.Set("Accept", tc.accept)
			}
			resp, body := getDump(t, ts.URL, tc.query, h, false)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			var e struct{ Error string }
			if err := json.Unmarshal(body, &e); err != nil || !strings.Contains(e.Error, tc.says) {
				t.Errorf("body %s does not say %q", body, tc.says)
			}
		})
	}
}

func TestDump_Negotiation(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	for accept, want := range map[string]string{
		"":                                     "nq",
		"*/*":                                  "nq",
		"text/turtle":                          "ttl",
		"application/ld+json, */*;q=0.1":       "jsonld",
		"text/html, application/rdf+xml;q=0.9": "rdfxml",
	} {
		h := http.Header{}
		if accept != "" {
			h.Set("Accept", accept)
		}
		resp, body := getDump(t, ts.URL, "graph=illustrative", h, false)
		f, _ := rdf.Lookup(want)
		if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); resp.StatusCode != http.StatusOK || mt != f.MediaType() {
			t.Errorf("Accept %q: status %d, Content-Type %q, want %s", accept, resp.StatusCode, resp.Header.Get("Content-Type"), f.MediaType())
			continue
		}
		parseDump(t, want, body)
	}
}

func TestDump_Gzip(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	t.Run("File", func(t *testing.T) {
		resp, body := getDump(t, ts.URL, "format=nt&gzip=1", nil, true)
		if ct := resp.Header.Get("Content-Type"); ct != "application/gzip" || resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("Content-Type %q, Content-Encoding %q; want a gzip file", ct, resp.Header.Get("Content-Encoding"))
		}
		if !strings.Contains(resp.Header.Get("Content-Disposition"), "civicgraph.nt.gz") {
			t.Errorf("Content-Disposition %q", resp.Header.Get("Content-Disposition"))
		}
		parseDump(t, "nt", body)
	})
	t.Run("AcceptEncoding", func(t *testing.T) {
		resp, body := getDump(t, ts.URL, "format=ttl", http.Header{"Accept-Encoding": {"br;q=1.0, gzip;q=0.8"}}, true)
		if resp.Header.Get("Content-Encoding") != "gzip" || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/turtle") {
			t.Errorf("Content-Encoding %q, Content-Type %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
		}
		parseDump(t, "ttl", body)
	})
	t.Run("GzipRefused", func(t *testing.T) {
		resp, body := getDump(t, ts.URL, "format=nt", http.Header{"Accept-Encoding": {"gzip;q=0"}}, false)
		if resp.Header.Get("Content-Encoding") != "" {
			t.Errorf("Content-Encoding %q for gzip;q=0", resp.Header.Get("Content-Encoding"))
		}
		parseDump(t, "nt", body)
	})
}

func TestDump_JSONLDContextURL(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	resp, body := getDump(t, ts.URL, "format=jsonld&graph=illustrative&context=url", nil, false)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	var doc struct {
		Context any `json:"@context"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if want := ts.URL + "/context.jsonld"; doc.Context != want {
		t.Errorf("@context = %v, want %s", doc.Context, want)
	}
}
