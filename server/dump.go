package server

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"civicgraph/export"
	"civicgraph/rdf"
	"civicgraph/schema"
)

// dumpTimeout bounds the time of GET /dump, which outlasts the server's
// write timeout on a large store.
const dumpTimeout = time.Hour

// dumpHandler serves GET /dump: the store, or a slice of it, as RDF,
// streamed from one consistent snapshot (see package export).
//
// Parameters:
//
//	format   nt, nq, ttl, trig, rdfxml or jsonld (the rdf table's names and
//	         aliases); without it the Accept header chooses, N-Quads first
//	graph    one named graph: an IRI, a prefixed name, or a name under
//	         the graph base (seed/playbook)
//	schema   0 leaves out the ontology and shapes graphs
//	class    the instances of a class: an IRI, cg:Procurement or Procurement
//	entity   one entity's Concise Bounded Description: an IRI or prefixed name
//	depth    with entity, the neighbourhood up to depth links away
//	gzip     1: a gzip file (Content-Type application/gzip, file name .gz)
//	context  jsonld: "url" names the published context,
//	         {scheme}://{host}/context.jsonld, instead of writing it inline
//
// Without gzip=1, a client whose Accept-Encoding takes gzip gets the dump
// with Content-Encoding: gzip. Answers: 400 for a bad parameter, 404 for
// an unknown graph, class or entity, 406 when Accept takes no RDF syntax;
// Content-Type is the syntax's media type, Content-Disposition names a
// file (civicgraph[-slice].ext). A dump that fails midway ends the
// response without its final chunk, so that the client sees a broken
// stream rather than a short dump that looks whole.
func dumpHandler(opts Options) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Vary", "Accept, Accept-Encoding")
		q := r.URL.Query()
		f, status, err := dumpFormat(q.Get("format"), r.Header.Get("Accept"))
		if err != nil {
			writeJSONError(w, status, err.Error())
			return
		}
		eo, err := dumpOptions(q, f)
		if err != nil {
			writeJSONError(w, http.StatusBadRequest, err.Error())
			return
		}
		if f.Name == "jsonld" && q.Get("context") == "url" {
			eo.Context = publicOrigin(opts, r) + export.ContextPath
		}
		if err := export.Check(r.Context(), opts.Store, eo.Slice); err != nil {
			switch {
			case errors.Is(err, export.ErrUnknownGraph), errors.Is(err, export.ErrUnknownEntity), errors.Is(err, export.ErrUnknownClass):
				writeJSONError(w, http.StatusNotFound, err.Error())
			case errors.Is(err, export.ErrBadSlice):
				writeJSONError(w, http.StatusBadRequest, err.Error())
			default:
				opts.Logger.ErrorContext(r.Context(), "dump failed", logRequestID, RequestID(r.Context()), "err", err)
				writeJSONError(w, http.StatusInternalServerError, "the store could not be read")
			}
			return
		}
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(dumpTimeout))
		file := dumpFileName(eo) + "." + f.Extension()
		var out io.Writer = w
		var zw *gzip.Writer
		h := w.Header()
		switch {
		case q.Get("gzip") == "1":
			h.Set("Content-Type", "application/gzip")
			file += ".gz"
			zw = gzip.NewWriter(w)
		case acceptsGzip(r.Header.Get("Accept-Encoding")):
			h.Set("Content-Type", contentType(f))
			h.Set("Content-Encoding", "gzip")
			zw = gzip.NewWriter(w)
		default:
			h.Set("Content-Type", contentType(f))
		}
		if zw != nil {
			out = zw
		}
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": file}))
		bw := bufio.NewWriterSize(out, 1<<16)
		start := time.Now()
		res, err := export.Write(r.Context(), opts.Store, bw, eo)
		if err == nil {
			err = bw.Flush()
		}
		if err == nil && zw != nil {
			err = zw.Close()
		}
		if err != nil {
			opts.Logger.ErrorContext(r.Context(), "dump failed", logRequestID, RequestID(r.Context()), "err", err)
			panic(http.ErrAbortHandler)
		}
		opts.Logger.InfoContext(r.Context(), "dump done", logRequestID, RequestID(r.Context()), logFormat, f.Name, logQuads, res.Quads, logDuration, time.Since(start))
	})
}

// dumpFormat returns the format a request asks for: by name, or by its
// Accept header, and the status to answer when it names none.
func dumpFormat(name, accept string) (rdf.Format, int, error) {
	names := strings.Join(rdf.Names(), ", ")
	if name != "" {
		f, ok := rdf.Lookup(name)
		if !ok {
			return f, http.StatusBadRequest, fmt.Errorf("format %q: expected one of %s", name, names)
		}
		return f, 0, nil
	}
	offers := rdf.Formats()
	// N-Quads first: the whole store, lossless, for "*/*".
	for i, f := range offers {
		if f.Name == "nq" {
			offers[0], offers[i] = offers[i], offers[0]
		}
	}
	f, ok := rdf.Negotiate(accept, offers)
	if !ok {
		return f, http.StatusNotAcceptable, fmt.Errorf("the Accept header %q takes none of the dump's syntaxes; name one with format= (%s)", accept, names)
	}
	return f, 0, nil
}

// dumpOptions reads the slice parameters.
func dumpOptions(q map[string][]string, f rdf.Format) (export.Options, error) {
	get := func(k string) string {
		if v := q[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	o := export.Options{Format: f}
	var err error
	if g := get("graph"); g != "" {
		if !strings.Contains(g, ":") {
			g = schema.GraphIRI(g)
		}
		if o.Graph, err = export.ExpandIRI(g); err != nil {
			return o, fmt.Errorf("graph: %w", err)
		}
	}
	switch get("schema") {
	case "", "1":
	case "0":
		o.NoSchema = true
	default:
		return o, fmt.Errorf("schema=%q: expected 0 (leave out the ontology and shapes) or 1", get("schema"))
	}
	if c := get("class"); c != "" {
		if !strings.Contains(c, ":") {
			c = schema.NS + c
		}
		if o.Class, err = export.ExpandIRI(c); err != nil {
			return o, fmt.Errorf("class: %w", err)
		}
	}
	if e := get("entity"); e != "" {
		if o.Entity, err = export.ExpandIRI(e); err != nil {
			return o, fmt.Errorf("entity: %w", err)
		}
	}
	if d := get("depth"); d != "" {
		if o.Depth, err = strconv.Atoi(d); err != nil {
			return o, fmt.Errorf("depth=%q: expected 0 to %d", d, export.MaxDepth)
		}
	}
	if g := get("gzip"); g != "" && g != "0" && g != "1" {
		return o, fmt.Errorf("gzip=%q: expected 1 or 0", g)
	}
	if c := get("context"); c != "" && c != "url" && c != "inline" {
		return o, fmt.Errorf("context=%q: expected url or inline", c)
	}
	return o, nil
}

// contentType is f's media type, with the charset for text types.
func contentType(f rdf.Format) string {
	if strings.HasPrefix(f.MediaType(), "text/") {
		return f.MediaType() + "; charset=utf-8"
	}
	return f.MediaType()
}

// dumpFileName names the file of a dump after its slice: civicgraph,
// civicgraph-seed-playbook, civicgraph-class-Procurement, ...
func dumpFileName(o export.Options) string {
	name := "civicgraph"
	last := func(iri string) string {
		iri = strings.TrimRight(iri, "/#")
		if i := strings.LastIndexAny(iri, "/#:"); i >= 0 {
			iri = iri[i+1:]
		}
		return iri
	}
	switch {
	case o.Entity != "":
		name += "-" + last(o.Entity)
	case o.Class != "":
		name += "-class-" + last(o.Class)
	case o.Graph != "":
		name += "-" + strings.ReplaceAll(strings.TrimPrefix(o.Graph, schema.GraphBase), "/", "-")
	case o.NoSchema:
		name += "-data"
	}
	return safeFileName(name)
}

// safeFileName keeps letters, digits, '-', '_' and '.', replacing the rest.
func safeFileName(s string) string {
	b := []byte(s)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			b[i] = '_'
		}
	}
	return string(b)
}

// acceptsGzip reports whether an Accept-Encoding header takes gzip.
func acceptsGzip(header string) bool {
	for part := range strings.SplitSeq(header, ",") {
		fields := strings.Split(part, ";")
		coding := strings.ToLower(strings.TrimSpace(fields[0]))
		if coding != "gzip" && coding != "x-gzip" {
			continue
		}
		for _, p := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(k, "q") {
				if q, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err != nil || q == 0 {
					return false
				}
			}
		}
		return true
	}
	return false
}
