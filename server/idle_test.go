package server_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"civicgraph/server"
)

// TestReturnMemoryWhenIdle serves through the wrapper on loopback: memory
// goes back once after the server has been quiet for the idle time, not
// while a request runs however long, and once more after the next quiet
// spell.
func TestReturnMemoryWhenIdle(t *testing.T) {
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	release := make(chan struct{})
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			<-release
		}
		w.Write([]byte("ok"))
	})
	const idle = 40 * time.Millisecond
	var also atomic.Int64
	ts := httptest.NewServer(server.ReturnMemoryWhenIdle(t.Context(), h, idle, logger, func() { also.Add(1) }))
	defer ts.Close()
	const msg = "returned free memory"
	waitFor := func(n int) {
		t.Helper()
		for deadline := time.Now().Add(5 * time.Second); strings.Count(logs.String(), msg) < n; {
			if time.Now().After(deadline) {
				t.Fatalf("memory returned %d times, want %d", strings.Count(logs.String(), msg), n)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	get := func(path string) {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Error(err)
			return
		}
		resp.Body.Close()
	}
	waitFor(1) // quiet from the start
	slow := make(chan struct{})
	go func() { get("/slow"); close(slow) }()
	time.Sleep(idle) // the slow request has started
	before := strings.Count(logs.String(), msg)
	time.Sleep(5 * idle)
	if got := strings.Count(logs.String(), msg); got != before {
		t.Errorf("memory returned while a request ran (%d times, before %d)", got, before)
	}
	close(release)
	<-slow
	waitFor(before + 1)
	time.Sleep(5 * idle)
	if got := strings.Count(logs.String(), msg); got != before+1 {
		t.Errorf("memory returned %d times in one quiet spell, want once", got-before)
	}
	if n, want := also.Load(), int64(strings.Count(logs.String(), msg)); n != want {
		t.Errorf("the extra release ran %d times, memory was returned %d times", n, want)
	}
	if h2 := server.ReturnMemoryWhenIdle(t.Context(), h, 0, logger); h2 == nil {
		t.Error("idle 0 gave no handler")
	}
}
