package server

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"civicgraph/graph/graphtest"
)

// TestServer_InFlight fills the request slots of a real server (the
// test takes them itself, as running requests would), then checks
// through HTTP that a light request waits in the queue and runs once a
// slot frees, that one more is refused with 503 and Retry-After while
// /readyz says busy, that the heavy lane fills on its own, and that a
// request with the token still passes.
func TestServer_InFlight(t *testing.T) {
	const token = "inflight-token-0123456789"
	h, lim, err := newHandler(Options{Store: graphtest.NewStore(t), Token: token,
		MaxInFlight: 1, MaxHeavy: 1, HeavyCost: 1000, MaxQueue: 1, QueueWait: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	send := func(q, auth string) (int, string, map[string]any) {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.URL+"/graphql", strings.NewReader(`{"query":"`+q+`"}`))
		req.Header.Set("Content-Type", "application/json")
		if auth != "" {
			req.Header.Set("Authorization", "Bearer "+auth)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Error(err)
			return 0, "", nil
		}
		defer resp.Body.Close()
		var body map[string]any
		b, _ := io.ReadAll(resp.Body)
		json.Unmarshal(b, &body)
		return resp.StatusCode, resp.Header.Get("Retry-After"), body
	}
	limitOf := func(body map[string]any) any {
		errs, _ := body["errors"].([]any)
		if len(errs) == 0 {
			return nil
		}
		ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
		return ext["limit"]
	}
	readyz := func() int {
		resp, err := ts.Client().Get(ts.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	const light, heavy = `{ stats { quads } }`, `{ actors(first: 1000) { totalCount } }`

	lim.light <- struct{}{} // a light request runs
	queued := make(chan int, 1)
	go func() { status, _, _ := send(light, ""); queued <- status }()
	for lim.queued.Load() == 0 {
		time.Sleep(time.Millisecond) // until the second one waits
	}
	if got := readyz(); got != http.StatusServiceUnavailable {
		t.Errorf("readyz %d with every slot taken and the queue full, want 503", got)
	}
	status, retry, body := send(light, "")
	if status != http.StatusServiceUnavailable || retry == "" || limitOf(body) != "in flight" {
		t.Errorf("third light request: status %d, Retry-After %q, %v; want 503 with Retry-After and the in flight limit", status, retry, body)
	}
	if status, _, body := send(light, token); status != http.StatusOK || body["errors"] != nil {
		t.Errorf("a request with the token while busy: %d %v", status, body)
	}
	<-lim.light // the running request ends: the queued one runs
	if got := <-queued; got != http.StatusOK {
		t.Errorf("queued request: status %d, want 200", got)
	}
	if got := readyz(); got != http.StatusOK {
		t.Errorf("readyz %d after the burst, want 200", got)
	}

	// The heavy lane: full while light requests still pass.
	lim.heavy <- struct{}{}
	lim.queued.Add(1) // the queue is full too
	status, _, body = send(heavy, "")
	if status != http.StatusServiceUnavailable || limitOf(body) != "heavy in flight" {
		t.Errorf("heavy request with the heavy lane full: status %d, %v; want 503 and the heavy in flight limit", status, body)
	}
	if status, _, body := send(light, ""); status != http.StatusOK || body["errors"] != nil {
		t.Errorf("light request with the heavy lane full: %d %v", status, body)
	}
	lim.queued.Add(-1)
	<-lim.heavy
}
