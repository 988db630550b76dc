package server

import (
	"bufio"
	"net/http"
	"time"
)

// backupTimeout bounds the time of GET /admin/backup.
const backupTimeout = time.Hour

// backupHandler serves GET /admin/backup: the store's backup (the format
// of graph.Store.Backup, which restore reads) of a consistent view, as it
// was when the request came, streamed while writes go on. It needs the
// token: 403 when the server has none, 401 without it. A backup that
// fails midway ends the response without its final chunk, so that the
// client sees a broken stream rather than a short backup that looks whole.
func backupHandler(opts Options) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case opts.Token == "":
			writeJSONError(w, http.StatusForbidden, "backups through the server need a token, and the server has none (set CIVICGRAPH_TOKEN or --token-file)")
			return
		case !authorized(r.Context()):
			w.Header().Set("WWW-Authenticate", "Bearer")
			writeJSONError(w, http.StatusUnauthorized, "a backup needs the bearer token (Authorization: Bearer <token>)")
			return
		}
		// A backup outlasts the server's write timeout.
		_ = http.NewResponseController(w).SetWriteDeadline(time.Now().Add(backupTimeout))
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Header().Set("Content-Disposition", `attachment; filename="civicgraph-`+time.Now().UTC().Format("20060102T150405Z")+`.backup"`)
		bw := bufio.NewWriterSize(w, 1<<20)
		start := time.Now()
		err := opts.Store.Backup(r.Context(), bw)
		if err == nil {
			err = bw.Flush()
		}
		if err != nil {
			opts.Logger.ErrorContext(r.Context(), "backup failed", logRequestID, RequestID(r.Context()), "err", err)
			panic(http.ErrAbortHandler)
		}
		opts.Logger.InfoContext(r.Context(), "backup done", logRequestID, RequestID(r.Context()), logDuration, time.Since(start))
	})
}
