package server

import (
	"context"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync/atomic"
	"time"
)

// ReturnMemoryWhenIdle wraps h so that, once no request has been running
// for idle, the Go heap's free memory goes back to the operating system
// (runtime/debug.FreeOSMemory, which collects first), once per quiet
// spell. After a burst the runtime gives memory back only slowly; this
// brings the server's resident size down to what it uses (its caches)
// soon after the burst ends. Each function of also runs then too (serve
// passes the store's [graph.Store.ReleaseMappedPages], so that the pages
// of its files a burst read are no longer counted in the resident set).
// The watcher stops with ctx; idle ≤ 0 returns h unchanged. logger
// records each return at debug level.
func ReturnMemoryWhenIdle(ctx context.Context, h http.Handler, idle time.Duration, logger *slog.Logger, also ...func()) http.Handler {
	if idle <= 0 {
		return h
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	var active atomic.Int64
	var last atomic.Int64 // UnixNano of the last request's end
	var done atomic.Bool  // memory returned since the last request
	last.Store(time.Now().UnixNano())
	go func() {
		t := time.NewTicker(max(idle/4, time.Millisecond))
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			if active.Load() != 0 || done.Load() || time.Since(time.Unix(0, last.Load())) < idle {
				continue
			}
			start := time.Now()
			debug.FreeOSMemory()
			for _, f := range also {
				f()
			}
			done.Store(true)
			logger.DebugContext(ctx, "idle: returned free memory to the operating system", "took", time.Since(start))
		}
	}()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		active.Add(1)
		done.Store(false)
		defer func() {
			last.Store(time.Now().UnixNano())
			active.Add(-1)
		}()
		h.ServeHTTP(w, r)
	})
}
