package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"civicgraph/server"
	"civicgraph/web"
)

// TestServer_Web checks the routes of the browser interface on a real
// server: the pages and assets go to the interface, a browser's GET
// /graphql gets the console, and every other client of /graphql still
// gets JSON.
func TestServer_Web(t *testing.T) {
	ui, err := web.New()
	if err != nil {
		t.Fatal(err)
	}
	ts, _ := newTestServer(t, server.Options{Web: ui})
	bare, _ := newTestServer(t, server.Options{})
	const browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
	tests := []struct {
		name, method, path, accept string
		without                    bool // on a server without the interface
		status                     int
		ctype, body                string
	}{
		{"Start", "GET", "/", browser, false, 200, "text/html; charset=utf-8", "<title>civicgraph</title>"},
		{"EntityPage", "GET", "/page/actor/ajuntament-de-barcelona", browser, false, 200, "text/html; charset=utf-8", "/assets/core.js?v="},
		{"UnknownEntityPage", "GET", "/page/actor/nobody-at-all", browser, false, 404, "text/html; charset=utf-8", "/assets/core.js?v="},
		{"Bibliography", "GET", "/bibliography?author=pena-lopez", "", false, 200, "text/html; charset=utf-8", "<main"},
		{"Asset", "GET", "/assets/app.css", "", false, 200, "text/css; charset=utf-8", ":root"},
		{"UnknownAsset", "GET", "/assets/none.css", "", false, 404, "text/plain; charset=utf-8", "no such asset"},
		{"UnknownPath", "GET", "/nowhere", browser, false, 404, "text/plain; charset=utf-8", "not found"},
		{"ConsoleForBrowsers", "GET", "/graphql", browser, false, 200, "text/html; charset=utf-8", "<title>civicgraph</title>"},
		{"ConsoleWithQuery", "GET", "/graphql?query=%7Bstats%7Bquads%7D%7D", browser, false, 200, "text/html; charset=utf-8", "<main"},
		{"JSONForFetch", "GET", "/graphql?query=%7Bstats%7Bquads%7D%7D", "*/*", false, 200, "application/json", `"quads"`},
		{"JSONForCurl", "GET", "/graphql?query=%7Bstats%7Bquads%7D%7D", "", false, 200, "application/json", `"quads"`},
		{"GraphQLResponse", "GET", "/graphql?query=%7Bstats%7Bquads%7D%7D", "application/graphql-response+json", false, 200, "application/graphql-response+json; charset=utf-8", `"quads"`},
		{"Healthz", "GET", "/healthz", browser, false, 200, "application/json", "ok"},
		{"NoUIStart", "GET", "/", browser, true, 404, "text/plain; charset=utf-8", "not found"},
		{"NoUIGraphQL", "GET", "/graphql?query=%7Bstats%7Bquads%7D%7D", browser, true, 200, "application/json", `"quads"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := ts.URL
			if tt.without {
				base = bare.URL
			}
			req, err := http.NewRequestWithContext(t.Context(), tt.method, base+tt.path, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tt.status, b)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if !strings.Contains(string(b), tt.body) {
				t.Errorf("body does not contain %q:\n%.300s", tt.body, b)
			}
			if strings.HasPrefix(tt.path, "/graphql") && !tt.without && !strings.Contains(resp.Header.Get("Vary"), "Accept") {
				t.Errorf("GET /graphql answers by Accept without Vary: Accept (Vary %q)", resp.Header.Get("Vary"))
			}
		})
	}
}
