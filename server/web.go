package server

import (
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// WebUI is a browser interface the server serves beside the API (package
// web's Handler; the binary wires it, so that the server does not import
// it): the app shell at its pages, its assets under /assets/, and the
// GraphQL console for a browser's GET /graphql.
type WebUI interface {
	http.Handler
	// Pages lists the paths, and path prefixes ending in a slash, of the
	// interface's pages.
	Pages() []string
	// ServeConsole answers with the GraphQL console.
	ServeConsole(w http.ResponseWriter, r *http.Request)
}

// routeWeb routes the pages and assets of ui on mux; ld guards the entity
// pages (/page/...).
func routeWeb(mux *http.ServeMux, ui WebUI, ld *linkedData) {
	for _, p := range ui.Pages() {
		var h http.Handler = ui
		switch p {
		case "/":
			p = "/{$}"
		case "/page/":
			h = ld.page(ui)
		}
		mux.Handle("GET "+p, h)
	}
	mux.Handle("GET /assets/", ui)
}

// consoleOr answers a GET from a browser (one whose Accept prefers
// text/html to JSON) with ui's GraphQL console, and any other request with
// api. Without ui it is api.
func consoleOr(ui WebUI, api http.Handler) http.Handler {
	if ui == nil {
		return api
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodGet && prefersHTML(r.Header.Values("Accept")) {
			ui.ServeConsole(w, r)
			return
		}
		w.Header().Add("Vary", "Accept")
		api.ServeHTTP(w, r)
	})
}

// prefersHTML reports whether an Accept header names text/html with a
// quality above that of every JSON type it accepts (explicitly or through
// a wildcard). A browser's navigation (text/html,...,*/*;q=0.8) does;
// fetch's */* and curl's do not.
func prefersHTML(accept []string) bool {
	html, json := -1.0, -1.0
	for _, line := range accept {
		for _, part := range strings.Split(line, ",") {
			mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
			if err != nil {
				continue
			}
			q := 1.0
			if v, ok := params["q"]; ok {
				if f, err := strconv.ParseFloat(v, 64); err == nil {
					q = f
				}
			}
			switch mt {
			case "text/html":
				html = max(html, q)
			case mediaJSON, mediaGraphQLResponse, "application/*", "*/*":
				json = max(json, q)
			}
		}
	}
	return html > 0 && html > json
}
