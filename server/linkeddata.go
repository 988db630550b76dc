package server

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/queries"
	"civicgraph/rdf"
	"civicgraph/schema"
)

// htmlType is the media type of the pages of package web, which /id
// redirects browsers to.
const htmlType = "text/html"

// linkedData serves the dereferenceable IRIs (/id), the descriptions of
// entities (/data), the dataset description (/.well-known/void) and the
// Triple Pattern Fragments (/fragments).
type linkedData struct {
	opts Options
	// dataFormats are the syntaxes of an entity's description (/data),
	// fragmentFormats those of a fragment and voidFormats those of the
	// dataset description, each in the server's order of preference. In
	// TriG, N-Quads and JSON-LD a fragment's metadata is in a graph of its
	// own; Turtle and N-Triples mix it with the data, as the
	// specification allows.
	dataFormats, fragmentFormats, voidFormats []rdf.Format
	// timed runs a handler under Options.Timeout.
	timed func(http.HandlerFunc) http.HandlerFunc
}

// mountLinkedData adds the linked-data routes to mux and returns their
// handler, which also guards the explorer's entity pages ([linkedData.page]).
func mountLinkedData(mux *http.ServeMux, opts Options) *linkedData {
	ld := &linkedData{opts: opts,
		dataFormats:     formatsNamed("ttl", "nt", "jsonld", "rdfxml"),
		fragmentFormats: formatsNamed("trig", "nq", "ttl", "nt", "jsonld"),
		voidFormats:     formatsNamed("ttl", "nt", "jsonld", "rdfxml"),
	}
	// Each request runs under Options.Timeout, which reaches the store's
	// scans.
	timed := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), opts.Timeout)
			defer cancel()
			h(w, r.WithContext(ctx))
		}
	}
	mux.HandleFunc("GET /id/{rest...}", timed(ld.serveID))
	mux.HandleFunc("GET /data/{rest...}", timed(ld.serveData))
	mux.HandleFunc("GET /fragments", timed(ld.serveFragments))
	mux.HandleFunc("GET /.well-known/void", timed(ld.serveVoID))
	mux.HandleFunc("GET "+export.ContextPath, serveContext)
	ld.timed = timed
	return ld
}

// serveContext answers GET /context.jsonld with the JSON-LD context the
// dumps name when asked to (context=url), cacheable for a day.
func serveContext(w http.ResponseWriter, r *http.Request) {
	doc := export.ContextDocument()
	w.Header().Set("Content-Type", "application/ld+json")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Header().Set("Access-Control-Allow-Origin", "*") // JSON-LD processors in browsers fetch it from anywhere
	w.Header().Set("Content-Length", strconv.Itoa(len(doc)))
	if r.Method != http.MethodHead {
		w.Write(doc)
	}
}

// page guards the explorer's entity pages, /page/{kind}/{slug}: for an
// entity the store describes, ui's page with a Link header naming its
// description in each RDF syntax (rel=alternate); for any other, ui's
// page with status 404, which the page itself explains (with a search for
// the slug).
func (ld *linkedData) page(ui http.Handler) http.Handler {
	return ld.timed(func(w http.ResponseWriter, r *http.Request) {
		rest := strings.TrimPrefix(r.URL.Path, "/page/")
		t, ok := ld.entityOf(rest)
		found := false
		if ok {
			var err error
			if found, err = ld.exists(r, t); err != nil {
				ld.storeError(w, r, err)
				return
			}
		}
		if !found {
			r.Header.Del("If-None-Match") // a 404 is never "not modified"
			ui.ServeHTTP(&statusWriter{ResponseWriter: w, status: http.StatusNotFound}, r)
			return
		}
		for _, f := range ld.dataFormats {
			w.Header().Add("Link", "</data/"+escapePath(rest)+"."+f.Extension()+`>; rel="alternate"; type="`+f.MediaType()+`"`)
		}
		w.Header().Add("Link", "<"+t.Value+`>; rel="canonical"`)
		ui.ServeHTTP(w, r)
	})
}

// statusWriter replaces the status of a 200 answer with status.
type statusWriter struct {
	http.ResponseWriter
	status int
}

// WriteHeader writes the header with w.status in place of 200.
func (w *statusWriter) WriteHeader(code int) {
	if code == http.StatusOK {
		code = w.status
	}
	w.ResponseWriter.WriteHeader(code)
}

// base returns the base IRI of instances, ending in "/" or "#".
func (ld *linkedData) base() string {
	b := ld.opts.Base
	if b == "" {
		b = schema.DefaultBase
	}
	if !strings.HasSuffix(b, "/") && !strings.HasSuffix(b, "#") {
		b += "/"
	}
	return b
}

// origin returns the scheme and host that URLs in responses start with:
// Options.PublicURL when set, else those the request came to.
func (ld *linkedData) origin(r *http.Request) string { return publicOrigin(ld.opts, r) }

// publicOrigin returns the scheme and host that URLs in responses start
// with: opts.PublicURL when set, else those the request came to.
func publicOrigin(opts Options, r *http.Request) string {
	if opts.PublicURL != "" {
		return strings.TrimSuffix(opts.PublicURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// entityOf returns the IRI that the path after /id/ or /data/ names:
// the base followed by that path, which must be a kind and a slug. ok is
// false for a path that cannot name an entity.
func (ld *linkedData) entityOf(rest string) (graph.Term, bool) {
	kind, slug, ok := strings.Cut(rest, "/")
	if !ok || kind == "" || slug == "" || strings.ContainsAny(rest, " <>\"{}|^`\\") {
		return graph.Term{}, false
	}
	return graph.IRI(schema.EntityIRI(ld.base(), kind, slug)), true
}

// exists reports whether the store describes t.
func (ld *linkedData) exists(r *http.Request, t graph.Term) (bool, error) {
	var ok bool
	err := ld.opts.Store.View(r.Context(), func(v *graph.View) error {
		var err error
		ok, err = queries.Exists(v, t)
		return err
	})
	return ok, err
}

// serveID answers GET /id/{kind}/{slug}, the IRI of an entity under the
// base, with 303 See Other to its page (/page/...) for browsers or to its
// description (/data/....ttl, ...) for RDF clients, as the Accept header
// prefers ("Cool URIs for the Semantic Web", section 4.3). An entity the
// store does not describe is 404; an Accept header that takes neither
// HTML nor an RDF syntax is 406.
func (ld *linkedData) serveID(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Accept")
	rest := r.PathValue("rest")
	t, ok := ld.entityOf(rest)
	if !ok {
		notFound(w, "no entity at "+r.URL.Path+"; entity IRIs look like /id/actor/nesta")
		return
	}
	found, err := ld.exists(r, t)
	if err != nil {
		ld.storeError(w, r, err)
		return
	}
	if !found {
		notFound(w, "no entity "+t.Value+" in the store")
		return
	}
	offered := append([]string{htmlType}, mediaTypes(ld.dataFormats)...)
	mt, ok := rdf.NegotiateType(r.Header.Get("Accept"), offered)
	if !ok {
		notAcceptable(w, offered)
		return
	}
	target := "/page/" + escapePath(rest)
	if mt != htmlType {
		target = "/data/" + escapePath(rest) + "." + formatOf(ld.dataFormats, mt).Extension()
	}
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusSeeOther)
}

// serveData answers GET /data/{kind}/{slug}[.ext]: the entity's Concise
// Bounded Description and the labels of what it links to
// ([queries.Describe]), in the syntax the extension names, or without
// one, the syntax the Accept header prefers (with Vary: Accept and the
// URL with the extension in Content-Location).
func (ld *linkedData) serveData(w http.ResponseWriter, r *http.Request) {
	rest := r.PathValue("rest")
	var f rdf.Format
	hasExt := false
	if i := strings.LastIndexByte(rest, '.'); i >= 0 && !strings.Contains(rest[i:], "/") {
		if ef, ok := formatByExt(ld.dataFormats, rest[i+1:]); ok {
			f, hasExt, rest = ef, true, rest[:i]
		}
	}
	if !hasExt {
		w.Header().Set("Vary", "Accept")
	}
	t, ok := ld.entityOf(rest)
	if !ok {
		notFound(w, "no entity at "+r.URL.Path+"; descriptions look like /data/actor/nesta.ttl")
		return
	}
	if !hasExt {
		offered := mediaTypes(ld.dataFormats)
		mt, ok := rdf.NegotiateType(r.Header.Get("Accept"), offered)
		if !ok {
			notAcceptable(w, offered)
			return
		}
		f = formatOf(ld.dataFormats, mt)
	}
	var triples []graph.Triple
	err := ld.opts.Store.View(r.Context(), func(v *graph.View) error {
		var err error
		triples, err = queries.Describe(v, t)
		return err
	})
	if err != nil {
		ld.storeError(w, r, err)
		return
	}
	if len(triples) == 0 {
		notFound(w, "no entity "+t.Value+" in the store")
		return
	}
	quads := make([]graph.Quad, len(triples))
	for i, tr := range triples {
		quads[i] = graph.Quad{S: tr.S, P: tr.P, O: tr.O}
	}
	if !hasExt {
		w.Header().Set("Content-Location", "/data/"+escapePath(rest)+"."+f.Extension())
	}
	ld.writeQuads(w, r, f, quads)
}

// writeQuads writes quads in f with status 200, buffered so that a
// failure midway is a 500 and not a truncated document.
func (ld *linkedData) writeQuads(w http.ResponseWriter, r *http.Request, f rdf.Format, quads []graph.Quad) {
	var buf bytes.Buffer
	if err := writeRDF(r.Context(), &buf, f, quads); err != nil {
		ld.storeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", f.MediaType()+"; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// storeError answers a failure of the store or of a writer: 503 when the
// request's time ran out or the store is closed, 500 otherwise; the cause
// is logged, not sent.
func (ld *linkedData) storeError(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	if errors.Is(err, graph.ErrClosed) || r.Context().Err() != nil {
		status = http.StatusServiceUnavailable
	}
	ld.opts.Logger.ErrorContext(r.Context(), "linked data request failed", logRequestID, RequestID(r.Context()), "path", r.URL.Path, "error", err)
	http.Error(w, http.StatusText(status), status)
}

// notFound answers 404 with a message in plain text.
func notFound(w http.ResponseWriter, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte(msg + "\n"))
}

// notAcceptable answers 406 with the media types offered, in plain text.
func notAcceptable(w http.ResponseWriter, offered []string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusNotAcceptable)
	w.Write([]byte("none of the media types accepted is available; offered: " + strings.Join(offered, ", ") + "\n"))
}

// escapePath escapes each segment of a slash-separated path.
func escapePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
