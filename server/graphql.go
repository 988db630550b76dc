package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
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
	s      *graphql.Schema
	opts   Options
	limits *metrics
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

func writeGraphQLError(w http.ResponseWriter, status int, err *queries.Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(errorResponse(err.Code, err.Message, err.Details))
}

// ServeHTTP answers one GraphQL request: read it (GET parameters, a
// capped JSON body, or a multipart request with files), check its length
// and cost, run it under the time limit, and write the response unless it
// is over the result size limit.
func (h *graphqlHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	req, rerr := h.read(w, r)
	if rerr != nil {
		if rerr.status == http.StatusUnauthorized {
			w.Header().Set("WWW-Authenticate", "Bearer")
		}
		writeGraphQLError(w, rerr.status, rerr.err)
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		writeGraphQLError(w, http.StatusBadRequest, &queries.Error{Code: queries.CodeBadInput, Message: "no query"})
		return
	}
	if len(req.Query) > h.opts.MaxQueryLength {
		writeGraphQLError(w, http.StatusOK, queries.LimitError("query length", h.opts.MaxQueryLength, fmt.Sprintf("a query of %d bytes", len(req.Query))))
		return
	}
	if doc, ok := parseDocument(req.Query); ok {
		if op, ok := doc.operation(req.OperationName); ok {
			if op.typ != "query" && r.Method == http.MethodGet {
				w.Header().Set("Allow", "POST")
				writeGraphQLError(w, http.StatusMethodNotAllowed, &queries.Error{Code: queries.CodeBadInput, Message: op.typ + " operations need POST"})
				return
			}
			if c := doc.cost(h.s.ASTSchema(), op, req.Variables); c > h.opts.MaxCost {
				h.limits.limitHit("cost")
				writeGraphQLError(w, http.StatusOK, queries.LimitError("cost", h.opts.MaxCost, fmt.Sprintf("a query of estimated cost %d", c)))
				return
			}
		}
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
		writeGraphQLError(w, http.StatusOK, queries.TimeoutError(timeout))
		return
	}
	h.markLimits(resp.Errors)
	h.logErrors(ctx, resp.Errors)
	dropDataOnRequestErrors(resp)
	out, err := json.Marshal(resp)
	if err != nil {
		writeGraphQLError(w, http.StatusInternalServerError, &queries.Error{Code: queries.CodeInternal, Message: queries.ErrInternal.Error()})
		return
	}
	if len(out) > h.opts.MaxResultBytes {
		h.limits.limitHit("result size")
		writeGraphQLError(w, http.StatusOK, queries.LimitError("result size", h.opts.MaxResultBytes, fmt.Sprintf("a result of %d bytes", len(out))))
		return
	}
	w.Header().Set("Content-Type", "application/json")
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
func dropDataOnRequestErrors(resp *graphql.Response) {
	for _, e := range resp.Errors {
		if len(e.Path) == 0 {
			resp.Data = nil
			return
		}
	}
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
