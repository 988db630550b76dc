package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rs/cors"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/queries"
	"civicgraph/schema"
)

// New returns the server's handler: the GraphQL endpoint (POST, and GET
// for queries), health, readiness and metrics, wrapped in request logging,
// metrics and, when origins are configured, CORS.
func New(opts Options) (http.Handler, error) {
	h, _, err := newHandler(opts)
	return h, err
}

// newHandler is New, also returning the in-flight limiter (for tests).
func newHandler(opts Options) (http.Handler, *inFlight, error) {
	if opts.Store == nil {
		return nil, nil, ErrNoStore
	}
	opts = opts.withDefaults()
	if opts.Schema == nil {
		sc, err := schema.New()
		if err != nil {
			return nil, nil, err
		}
		opts.Schema = sc
	}
	m := newMetrics(opts.Store)
	res := queries.New(opts.Store, opts.Schema, queries.Options{
		Base: opts.Base, MaxPage: opts.MaxPage, MaxNodes: opts.MaxNodes, ReadOnly: opts.ReadOnly,
		Authorized: authorized, Import: importer(opts, m),
	})
	s, err := NewSchema(res, opts)
	if err != nil {
		return nil, nil, err
	}
	lim := newInFlight(opts)
	gql := &graphqlHandler{s: s, opts: opts, limits: m, counts: &countCache{store: opts.Store}, inFlight: lim}
	mux := http.NewServeMux()
	mux.Handle("POST /graphql", withAuth(opts.Token, gql))
	mux.Handle("GET /graphql", withAuth(opts.Token, consoleOr(opts.Web, gql)))
	mux.Handle("GET /admin/backup", withAuth(opts.Token, backupHandler(opts)))
	mux.Handle("GET /dump", dumpHandler(opts))
	ld := mountLinkedData(mux, opts)
	if opts.Web != nil {
		routeWeb(mux, opts.Web, ld)
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		if err := ready(r.Context(), opts.Store); err != nil {
			writeJSONError(w, http.StatusServiceUnavailable, "store not ready")
			return
		}
		if lim.busy() {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
			writeJSONError(w, http.StatusServiceUnavailable, "busy: every request slot is taken and the queue is full")
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	mux.Handle("GET /metrics", m.handler())
	mux.Handle("GET /compare.csv", compareHandler(res, opts, "csv"))
	mux.Handle("GET /compare.json", compareHandler(res, opts, "json"))
	var h http.Handler = mux
	if len(opts.CORSOrigins) > 0 {
		h = cors.New(cors.Options{
			AllowedOrigins: opts.CORSOrigins,
			AllowedMethods: []string{http.MethodGet, http.MethodPost},
			AllowedHeaders: []string{"Content-Type", "Authorization", "X-Request-Id"},
			ExposedHeaders: []string{"X-Request-Id"},
			MaxAge:         600,
		}).Handler(h)
	}
	return logRequests(opts.Logger, m, h), lim, nil
}

// importer returns the import function of the importData mutation: the
// importers package, with its errors sorted into what the client did wrong
// (a syntax error in the content, an unknown format: BAD_INPUT, with the
// importer's message naming the line and what was expected) and what it
// did not (the store: kept from the client). Every import is counted in
// the metrics, by format ("unknown" for a format the importers do not
// know, and csv for every csv:TEMPLATE, so that clients cannot make new
// series) and result.
func importer(opts Options, m *metrics) func(context.Context, string, string, io.Reader) (queries.ImportResult, error) {
	return func(ctx context.Context, name, format string, r io.Reader) (res queries.ImportResult, err error) {
		start := time.Now()
		label := "unknown"
		defer func() { m.imported(label, res.QuadsWritten, time.Since(start), err) }()
		f, err := importers.ParseFormat(format)
		if err != nil {
			return queries.ImportResult{}, &queries.Error{Code: queries.CodeBadInput, Message: err.Error(), Cause: err}
		}
		label, _, _ = strings.Cut(string(f), ":")
		iopts := importers.Options{Format: f, Base: opts.Base}
		if opts.Logger.Enabled(ctx, slog.LevelDebug) {
			iopts.Progress = &progressLog{ctx: ctx, l: opts.Logger, name: name}
		}
		out, err := importers.Import(ctx, opts.Store, []importers.Input{{Name: name, R: r}}, iopts)
		switch {
		case err == nil:
			opts.Logger.InfoContext(ctx, "import done", logRequestID, RequestID(ctx), logName, name, logFormat, label, logQuads, out.Load.Quads, logDuration, time.Since(start))
			return queries.ImportResult{GraphIRI: importers.SourceGraph(name).Value, RecordsRead: out.Records, QuadsWritten: out.Load.Quads}, nil
		case errors.Is(err, graph.ErrTooBig), errors.Is(err, graph.ErrNoSpace), errors.Is(err, graph.ErrReadOnly),
			errors.Is(err, graph.ErrClosed), errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			return queries.ImportResult{}, err
		}
		return queries.ImportResult{}, &queries.Error{Code: queries.CodeBadInput, Message: err.Error(), Cause: err}
	}
}

// progressLog writes an upload's progress lines (bytes read, then the
// phases of the load's commit) to the log at debug level, so that an
// operator can see what a long import is doing.
type progressLog struct {
	ctx  context.Context
	l    *slog.Logger
	name string
}

func (p *progressLog) Write(b []byte) (int, error) {
	p.l.DebugContext(p.ctx, "import progress", logRequestID, RequestID(p.ctx), logName, p.name, "progress", strings.TrimSpace(string(b)))
	return len(b), nil
}

// ready reports whether the store answers.
func ready(ctx context.Context, s *graph.Store) error {
	return s.View(ctx, func(*graph.View) error { return nil })
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

// writeJSONError writes {"error": msg} with status.
func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, map[string]string{"error": msg})
}
