package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// static holds the shell and the assets, embedded at build time.
//
//go:embed static
var static embed.FS

// pages are the paths (and, ending in a slash, the path prefixes) that
// answer the app shell.
var pages = []string{"/", "/search", "/page/", "/paths", "/bibliography", "/console", "/import", "/compare"}

// asset is one embedded file, ready to serve.
type asset struct {
	body  []byte
	ctype string
	etag  string
}

// Handler serves the browser interface; see the package documentation.
type Handler struct {
	shell  asset
	assets map[string]asset
}

// New returns the handler of the browser interface.
func New() (*Handler, error) {
	h := &Handler{assets: map[string]asset{}}
	err := fs.WalkDir(static, "static/assets", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		h.assets[strings.TrimPrefix(p, "static/assets/")] = newAsset(b, path.Ext(p))
		return nil
	})
	if err != nil {
		return nil, err
	}
	shell, err := static.ReadFile("static/index.html")
	if err != nil {
		return nil, err
	}
	// Link the assets with their hashes, so that browsers may keep them.
	for name, a := range h.assets {
		shell = bytes.ReplaceAll(shell, []byte(`"/assets/`+name+`"`), []byte(`"/assets/`+name+`?v=`+a.etag[1:17]+`"`))
	}
	h.shell = newAsset(shell, ".html")
	return h, nil
}

func newAsset(b []byte, ext string) asset {
	sum := sha256.Sum256(b)
	ctype := mime.TypeByExtension(ext)
	switch ext {
	case ".js":
		ctype = "text/javascript; charset=utf-8"
	case ".css":
		ctype = "text/css; charset=utf-8"
	case ".html":
		ctype = "text/html; charset=utf-8"
	case ".svg":
		ctype = "image/svg+xml"
	}
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	return asset{body: b, ctype: ctype, etag: `"` + hex.EncodeToString(sum[:16]) + `"`}
}

// csp is the content security policy of the shell: everything from the
// server itself, nothing inline, nothing from elsewhere.
const csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP serves the shell for the pages of [Handler.Pages], the assets under
// /assets/, and 404 for anything else.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if name, ok := strings.CutPrefix(p, "/assets/"); ok {
		a, found := h.assets[name]
		if !found {
			http.Error(w, "no such asset: "+name, http.StatusNotFound)
			return
		}
		if v := r.URL.Query().Get("v"); v != "" && v == a.etag[1:17] {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		serve(w, r, a)
		return
	}
	if !IsPage(p) {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Security-Policy", csp)
	w.Header().Set("X-Frame-Options", "DENY")
	w.Header().Set("Referrer-Policy", "same-origin")
	serve(w, r, h.shell)
}

// ServeConsole serves the shell whatever the path, for a server that
// answers a browser's GET /graphql with the console.
func (h *Handler) ServeConsole(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Security-Policy", csp)
	w.Header().Set("Vary", "Accept")
	serve(w, r, h.shell)
}

// Pages lists the paths (and, ending in a slash, the path prefixes) that
// answer the app shell. A server routes them, and /assets/, to the
// handler.
func (h *Handler) Pages() []string { return append([]string(nil), pages...) }

// IsPage reports whether p is the path of a page of the interface.
func IsPage(p string) bool {
	for _, pg := range pages {
		prefix := strings.HasSuffix(pg, "/") && pg != "/"
		if !prefix && pg == p {
			return true
		}
		if prefix && strings.HasPrefix(p, pg) {
			// /page/{kind}/{slug}, where a slug may have segments of its
			// own (concept/sector/civil-society); none empty.
			kind, slug, ok := strings.Cut(strings.TrimPrefix(p, pg), "/")
			return ok && kind != "" && slug != "" && !strings.Contains("/"+slug+"/", "//")
		}
	}
	return false
}

// serve writes a with its type and ETag, or 304 when the client has it.
func serve(w http.ResponseWriter, r *http.Request, a asset) {
	w.Header().Set("ETag", a.etag)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatch(match, a.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", a.ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(a.body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(a.body)
	}
}

// etagMatch reports whether an If-None-Match header names etag.
func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == etag || t == "*" {
			return true
		}
	}
	return false
}
