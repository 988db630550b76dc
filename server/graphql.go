package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"

	"civicgraph/queries"
	"civicgraph/schema"
)

// NewSchema parses the GraphQL schema of [schema.GraphQL] over the
// resolver r with the limits of opts (MaxDepth, MaxQueryLength), keeping
// the SDL's descriptions for introspection. The command line's query
// subcommand runs queries on it without a server.
func NewSchema(r *queries.Resolver, opts Options) (*graphql.Schema, error) {
	opts = opts.withDefaults()
	return graphql.ParseSchema(schema.GraphQL(), r,
		graphql.UseStringDescriptions(),
		graphql.MaxDepth(opts.MaxDepth),
		graphql.MaxQueryLength(opts.MaxQueryLength),
		graphql.Logger(panicLogger{opts.Logger}),
	)
}

// panicLogger logs a resolver's panic (graphql-go turns it into an error).
type panicLogger struct{ l *slog.Logger }

// LogPanic logs value.
func (p panicLogger) LogPanic(ctx context.Context, value any) {
	p.l.ErrorContext(ctx, "graphql resolver panic", "panic", fmt.Sprint(value))
}

// request is a GraphQL request, from a POST body or GET parameters.
type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

// graphqlHandler serves the GraphQL endpoint; see graphql-go's relay
// handler, plus the body, cost, time and result limits.
type graphqlHandler struct {
	s        *graphql.Schema
	opts     Options
	limits   *metrics
	counts   *countCache
	inFlight *inFlight
	// res tells the cost model which lists their index serves.
	res *queries.Resolver
}

// errorResponse is a GraphQL response with one error and no data.
func errorResponse(code, msg string, ext map[string]any) []byte {
	e := map[string]any{"code": code}
	for k, v := range ext {
		e[k] = v
	}
	b, _ := json.Marshal(map[string]any{"errors": []map[string]any{{"message": msg, "extensions": e}}})
	return b
}

// Media types of GraphQL responses.
const (
	mediaJSON            = "application/json"
	mediaGraphQLResponse = "application/graphql-response+json"
)

// wantsGraphQLResponse reports whether the client prefers
// application/graphql-response+json to application/json in its Accept
// header (GraphQL over HTTP): then request errors get 4xx statuses.
func wantsGraphQLResponse(r *http.Request) bool {
	gq, jq := -1.0, -1.0
	for _, part := range strings.Split(strings.Join(r.Header.Values("Accept"), ","), ",") {
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
		case mediaGraphQLResponse:
			gq = max(gq, q)
		case mediaJSON:
			jq = max(jq, q)
		}
	}
	return gq > 0 && gq >= jq
}

// responseType is the media type of the response to r.
func responseType(r *http.Request) string {
	if wantsGraphQLResponse(r) {
		return mediaGraphQLResponse + "; charset=utf-8"
	}
	return mediaJSON
}

// requestErrorStatus is the status of a GraphQL request error (a syntax
// or validation error, a limit met before running): 400 for a client of
// application/graphql-response+json, as GraphQL over HTTP says; 200 for
// application/json, as GraphQL over HTTP keeps for it.
func requestErrorStatus(r *http.Request) int {
	if wantsGraphQLResponse(r) {
		return http.StatusBadRequest
	}
	return http.StatusOK
}

func writeGraphQLError(w http.ResponseWriter, r *http.Request, status int, err *queries.Error) {
	w.Header().Set("Content-Type", responseType(r))
	w.WriteHeader(status)
	w.Write(errorResponse(err.Code, err.Message, err.Details))
}

// ServeHTTP answers one GraphQL request: read it (GET parameters, a
// capped JSON body, or a multipart request with files), parse it and
// check its length and cost, run it under the time limit, and write the
// response unless it is over the result size limit.
//
// The cost is estimated on the server's own parse of the document
// (parseDocument, which follows graphql-go's grammar). It fails closed: a
// document that parse cannot read is never run; the client gets
// graphql-go's own syntax or validation errors, or, should graphql-go
// accept what parseDocument cannot read, a BAD_INPUT error saying so.
func (h *graphqlHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, rerr := h.read(w, r)
	if rerr != nil {
		if rerr.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", "Bearer")
		}
		writeGraphQLError(w, r, rerr.status, rerr.err)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		writeGraphQLError(w, r, http.StatusBadRequest, &queries.Error{Code: queries.CodeBadInput, Message: "no query"})
		return
	}
	if len(req.Query) > h.opts.MaxQueryLength {
		h.limits.limitHit("query length")
		writeGraphQLError(w, r, requestErrorStatus(r), queries.LimitError("query length", h.opts.MaxQueryLength, fmt.Sprintf("a query of %d bytes", len(req.Query))))
		return
	}
	doc, perr := parseDocument(req.Query)
	var op *operation
	if perr == nil {
		op, perr = doc.operation(req.OperationName)
	}
	if perr != nil {
		if errs := h.s.Validate(req.Query); len(errs) > 0 {
			h.markLimits(errs)
			h.logErrors(r.Context(), errs)
			h.write(w, r, requestErrorStatus(r), &graphql.Response{Errors: errs})
			return
		}
		writeGraphQLError(w, r, requestErrorStatus(r), &queries.Error{Code: queries.CodeBadInput,
			Message: fmt.Sprintf("the query cannot be read to estimate its cost, so it is not run: %v", perr)})
		return
	}
	if op.typ != "query" && r.Method == http.MethodGet {
		w.Header().Set("Allow", "POST")
		writeGraphQLError(w, r, http.StatusMethodNotAllowed, &queries.Error{Code: queries.CodeBadInput, Message: op.typ + " operations need POST"})
		return
	}
	model := costModel{schema: h.s.AST(), counts: h.counts.get(r.Context()), maxNodes: h.opts.MaxNodes}
	if h.res != nil {
		model.indexed = func(class, order string, filters []string) bool {
			return h.res.ListIndexed(r.Context(), class, order, filters)
		}
	}
	c := model.cost(doc, op, req.Variables)
	if c > h.opts.MaxCost {
		h.limits.limitHit("cost")
		writeGraphQLError(w, r, requestErrorStatus(r), queries.LimitError("cost", h.opts.MaxCost, fmt.Sprintf("a query of estimated cost %d", c)))
		return
	}
	if !authorized(r.Context()) {
		lane := h.inFlight.lane(c)
		if !h.inFlight.acquire(r.Context(), lane) {
			h.inFlight.refuse(w, r, h.limits, lane)
			return
		}
		defer func() { <-lane }()
	}
	timeout := h.opts.Timeout
	if isMultipart(r) {
		timeout = h.opts.UploadTimeout
	}
	ctx, cancel := queries.WithTimeout(r.Context(), timeout)
	defer cancel()
	resp := h.s.Exec(ctx, req.Query, req.OperationName, req.Variables)
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		h.limits.limitHit("timeout")
		writeGraphQLError(w, r, http.StatusOK, queries.TimeoutError(timeout))
		return
	}
	h.markLimits(resp.Errors)
	h.logErrors(ctx, resp.Errors)
	status := http.StatusOK
	if dropDataOnRequestErrors(resp) {
		status = requestErrorStatus(r)
	}
	h.write(w, r, status, resp)
}

// write writes resp with status, unless it is over the result size limit.
func (h *graphqlHandler) write(w http.ResponseWriter, r *http.Request, status int, resp *graphql.Response) {
	out, err := json.Marshal(resp)
	if err != nil {
		writeGraphQLError(w, r, http.StatusInternalServerError, &queries.Error{Code: queries.CodeInternal, Message: queries.ErrInternal.Error()})
		return
	}
	if len(out) > h.opts.MaxResultBytes {
		h.limits.limitHit("result size")
		writeGraphQLError(w, r, http.StatusOK, queries.LimitError("result size", h.opts.MaxResultBytes, fmt.Sprintf("a result of %d bytes", len(out))))
		return
	}
	w.Header().Set("Content-Type", responseType(r))
	w.WriteHeader(status)
	w.Write(out)
}

// read reads the request from GET parameters, a multipart body (checking
// first that the request may upload) or a JSON body.
func (h *graphqlHandler) read(w http.ResponseWriter, r *http.Request) (request, *requestError) {
	var req request
	switch {
	case r.Method == http.MethodGet:
		q := r.URL.Query()
		req.Query = q.Get("query")
		req.OperationName = q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				return req, badRequest("variables is not a JSON object")
			}
		}
	case isMultipart(r):
		if rerr := h.mayUpload(r); rerr != nil {
			return req, rerr
		}
		// An authorised upload gets UploadTimeout to arrive and to be
		// imported, beyond the http.Server's read and write timeouts.
		rc := http.NewResponseController(w)
		deadline := time.Now().Add(h.opts.UploadTimeout + 30*time.Second)
		_ = rc.SetReadDeadline(deadline) // not every ResponseWriter supports deadlines
		_ = rc.SetWriteDeadline(deadline)
		return h.readMultipart(w, r)
	default:
		body := http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes)
		if err := json.NewDecoder(body).Decode(&req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				h.limits.limitHit("body size")
				return req, &requestError{http.StatusRequestEntityTooLarge, queries.LimitError("body size", h.opts.MaxBodyBytes, "the request body")}
			}
			return req, badRequest("the body is not a GraphQL request in JSON: %v", err)
		}
	}
	return req, nil
}

// logErrors logs the causes of internal errors, which clients do not see,
// and counts errors by code.
func (h *graphqlHandler) logErrors(ctx context.Context, errs []*gqlerrors.QueryError) {
	for _, e := range errs {
		code := "GRAPHQL"
		if c, ok := e.Extensions["code"].(string); ok {
			code = c
		}
		h.limits.graphqlError(code)
		var qe *queries.Error
		if errors.As(e.ResolverError, &qe) && qe.Code == queries.CodeInternal {
			h.opts.Logger.ErrorContext(ctx, "graphql resolver failed", "path", fmt.Sprint(e.Path), "err", qe.Cause)
		}
	}
}

// dropDataOnRequestErrors removes the data of a response with an error
// that has no path: such an error is about the request as a whole, and
// graphql-go reports some (argument coercion) with an empty data object.
// It reports whether there was one.
func dropDataOnRequestErrors(resp *graphql.Response) bool {
	for _, e := range resp.Errors {
		if len(e.Path) == 0 {
			resp.Data = nil
			return true
		}
	}
	return false
}

// markLimits gives graphql-go's own limit errors the code and details of
// ours.
func (h *graphqlHandler) markLimits(errs []*gqlerrors.QueryError) {
	for _, e := range errs {
		if e.Rule == "MaxDepthExceeded" {
			h.limits.limitHit("depth")
			e.Extensions = map[string]any{"code": queries.CodeLimit, "limit": "depth", "value": h.opts.MaxDepth}
		}
	}
}
