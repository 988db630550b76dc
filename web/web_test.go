package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"civicgraph/web"
)

func newHandler(t testing.TB) *web.Handler {
	t.Helper()
	h, err := web.New()
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	return h
}

// get serves one request through h.
func get(h http.Handler, method, target string, header http.Header) *http.Response {
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

// assetLinks returns the /assets/ URLs the shell links, with their ?v=.
func assetLinks(t testing.TB, h http.Handler) []string {
	t.Helper()
	resp := get(h, http.MethodGet, "/", nil)
	b, _ := io.ReadAll(resp.Body)
	links := regexp.MustCompile(`"(/assets/[^"]+)"`).FindAllStringSubmatch(string(b), -1)
	var out []string
	for _, l := range links {
		out = append(out, l[1])
	}
	if len(out) < 5 {
		t.Fatalf("the shell links %d assets, want the style sheet, the icon and the scripts:\n%s", len(out), b)
	}
	return out
}

func TestHandler_ServeHTTP(t *testing.T) {
	h := newHandler(t)
	links := assetLinks(t, h)
	var css string
	for _, l := range links {
		if strings.HasPrefix(l, "/assets/app.css?v=") {
			css = l
		}
	}
	if css == "" {
		t.Fatalf("the shell does not link /assets/app.css with a version: %v", links)
	}
	tests := []struct {
		name, method, target string
		status               int
		ctype, cache         string
	}{
		{"Start", "GET", "/", 200, "text/html; charset=utf-8", "no-cache"},
		{"Search", "GET", "/search?q=barcelona", 200, "text/html; charset=utf-8", "no-cache"},
		{"EntityPage", "GET", "/page/actor/ajuntament-de-barcelona", 200, "text/html; charset=utf-8", "no-cache"},
		{"ConceptPage", "GET", "/page/concept/sector/civil-society", 200, "text/html; charset=utf-8", "no-cache"},
		{"Bibliography", "GET", "/bibliography?yearFrom=2019", 200, "text/html; charset=utf-8", "no-cache"},
		{"Console", "GET", "/console", 200, "text/html; charset=utf-8", "no-cache"},
		{"Import", "GET", "/import", 200, "text/html; charset=utf-8", "no-cache"},
		{"Compare", "GET", "/compare", 200, "text/html; charset=utf-8", "no-cache"},
		{"Paths", "GET", "/paths", 200, "text/html; charset=utf-8", "no-cache"},
		{"Head", "HEAD", "/", 200, "text/html; charset=utf-8", "no-cache"},
		{"VersionedCSS", "GET", css, 200, "text/css; charset=utf-8", "public, max-age=31536000, immutable"},
		{"UnversionedCSS", "GET", "/assets/app.css", 200, "text/css; charset=utf-8", "no-cache"},
		{"StaleVersion", "GET", "/assets/app.css?v=0000000000000000", 200, "text/css; charset=utf-8", "no-cache"},
		{"Script", "GET", "/assets/core.js", 200, "text/javascript; charset=utf-8", "no-cache"},
		{"Icon", "GET", "/assets/icon.svg", 200, "image/svg+xml", "no-cache"},
		{"UnknownAsset", "GET", "/assets/nope.js", 404, "text/plain; charset=utf-8", ""},
		{"AssetDirectory", "GET", "/assets/", 404, "text/plain; charset=utf-8", ""},
		{"UnknownPage", "GET", "/nowhere", 404, "text/plain; charset=utf-8", ""},
		{"PageWithoutSlug", "GET", "/page/actor", 404, "text/plain; charset=utf-8", ""},
		{"PageWithEmptySegment", "GET", "/page/actor//x", 404, "text/plain; charset=utf-8", ""},
		{"Post", "POST", "/", 405, "text/plain; charset=utf-8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(h, tt.method, tt.target, nil)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("%s %s: status %d, want %d: %s", tt.method, tt.target, resp.StatusCode, tt.status, body)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if got := resp.Header.Get("Cache-Control"); got != tt.cache {
				t.Errorf("Cache-Control %q, want %q", got, tt.cache)
			}
			if tt.status != 200 {
				return
			}
			if resp.Header.Get("ETag") == "" {
				t.Error("no ETag")
			}
			if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no X-Content-Type-Options: nosniff")
			}
			if tt.method == "HEAD" && len(body) != 0 {
				t.Errorf("HEAD has a body of %d bytes", len(body))
			}
			if tt.method == "GET" && len(body) == 0 {
				t.Error("empty body")
			}
			if strings.HasPrefix(tt.ctype, "text/html") && !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'none'") {
				t.Errorf("the shell has no strict Content-Security-Policy: %q", resp.Header.Get("Content-Security-Policy"))
			}
		})
	}
}

// TestHandler_ETag checks that a client holding a file gets 304.
func TestHandler_ETag(t *testing.T) {
	h := newHandler(t)
	for _, target := range []string{"/", "/assets/core.js", "/page/actor/nesta"} {
		first := get(h, "GET", target, nil)
		etag := first.Header.Get("ETag")
		again := get(h, "GET", target, http.Header{"If-None-Match": {`"other", ` + etag}})
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("%s with If-None-Match %s: status %d, want 304", target, etag, again.StatusCode)
		}
		other := get(h, "GET", target, http.Header{"If-None-Match": {`"other"`}})
		if other.StatusCode != http.StatusOK {
			t.Errorf("%s with another ETag: status %d, want 200", target, other.StatusCode)
		}
	}
}

// TestHandler_Assets checks that every linked asset answers, that every
// asset is linked, and that the scripts load nothing from elsewhere.
func TestHandler_Assets(t *testing.T) {
	h := newHandler(t)
	outside := regexp.MustCompile(`(?i:(src|href)\s*=\s*["']https?://)|\bimport\s*\(|importScripts|fetch\(\s*["']https?://`)
	for _, l := range assetLinks(t, h) {
		resp := get(h, "GET", l, nil)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Errorf("%s: status %d", l, resp.StatusCode)
		}
		if m := outside.Find(body); m != nil {
			t.Errorf("%s loads something from elsewhere: %s", l, m)
		}
	}
	shell := get(h, "GET", "/", nil)
	b, _ := io.ReadAll(shell.Body)
	for _, name := range []string{"app.css", "core.js", "graph.js", "cite.js", "pages.js", "biblio.js", "console.js", "compare.js", "main.js", "icon.svg"} {
		if !strings.Contains(string(b), `"/assets/`+name+`?v=`) {
			t.Errorf("the shell does not link %s with its version", name)
		}
	}
}

func TestHandler_Pages(t *testing.T) {
	h := newHandler(t)
	for _, p := range h.Pages() {
		target := p
		if strings.HasSuffix(p, "/") && p != "/" {
			target += "actor/nesta"
		}
		if resp := get(h, "GET", target, nil); resp.StatusCode != 200 {
			t.Errorf("page %s (%s): status %d", p, target, resp.StatusCode)
		}
	}
}

func TestIsPage(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"/", true},
		{"/search", true},
		{"/page/actor/nesta", true},
		{"/page/concept/sector/civil-society", true},
		{"/page/", false},
		{"/page/actor", false},
		{"/page/actor/", false},
		{"/page//nesta", false},
		{"/page/actor/nesta/", false},
		{"/searchx", false},
		{"/assets/app.css", false},
		{"/graphql", false},
	}
	for _, tt := range tests {
		if got := web.IsPage(tt.path); got != tt.want {
			t.Errorf("IsPage(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

// FuzzIsPage checks that IsPage never panics and that what it accepts is
// a page path the handler serves.
func FuzzIsPage(f *testing.F) {
	for _, s := range []string{"/", "/page/actor/nesta", "/page//", "/page/a/b/c", "/x"} {
		f.Add(s)
	}
	h := newHandler(f)
	f.Fuzz(func(t *testing.T, p string) {
		if !web.IsPage(p) {
			return
		}
		if !strings.HasPrefix(p, "/") {
			t.Fatalf("IsPage(%q) without a leading slash", p)
		}
		req := httptest.NewRequest("GET", "/", nil)
		req.URL.Path = p
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("IsPage(%q) but the handler answers %d", p, rec.Code)
		}
	})
}
