package server

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"

	"civicgraph/queries"
	"civicgraph/queries/compare"
)

// compareHandler serves the comparison of administrations as a download:
// GET /compare.csv?... and /compare.json?..., with the parameters of
// queries.CompareParams (groupBy, measures, from, to, ids, level, country,
// phase, sector, weights, ...). A bad parameter is a 400 that names it and
// the valid values; an unknown administration a 404.
func compareHandler(res *queries.Resolver, opts Options, format string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), opts.Timeout)
		defer cancel()
		q := r.URL.Query()
		names := make([]string, 0, len(q))
		for n := range q {
			names = append(names, n)
		}
		slices.Sort(names)
		args, err := queries.ParseCompareParams(names, func(n string) []string { return q[n] })
		var m *compare.Matrix
		if err == nil {
			m, err = res.CompareTable(ctx, args)
		}
		if err != nil {
			var qe *queries.Error
			switch {
			case errors.As(err, &qe) && qe.Code == queries.CodeBadInput:
				writeJSONError(w, http.StatusBadRequest, qe.Message)
			case errors.As(err, &qe) && qe.Code == queries.CodeNotFound:
				writeJSONError(w, http.StatusNotFound, qe.Message)
			case errors.As(err, &qe) && qe.Code == queries.CodeTimeout:
				writeJSONError(w, http.StatusServiceUnavailable, qe.Message)
			default:
				opts.Logger.ErrorContext(ctx, "compare failed", logRequestID, RequestID(ctx), "err", err)
				writeJSONError(w, http.StatusInternalServerError, "internal error")
			}
			return
		}
		if format == "csv" {
			w.Header().Set("Content-Type", "text/csv; charset=utf-8")
			w.Header().Set("Content-Disposition", `attachment; filename="compare.csv"`)
			if err := compare.WriteCSV(w, m); err != nil {
				opts.Logger.WarnContext(ctx, "compare CSV not written", logRequestID, RequestID(ctx), "err", err)
			}
			return
		}
		w.Header().Set("Content-Type", "application/json")
		enc := json.NewEncoder(w)
		enc.SetIndent("", " ")
		if err := enc.Encode(m); err != nil {
			opts.Logger.WarnContext(ctx, "compare JSON not written", logRequestID, RequestID(ctx), "err", err)
		}
	})
}
