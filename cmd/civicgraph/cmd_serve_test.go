package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// startServe runs "civicgraph serve" with args and env until the test
// ends, and returns the URL it printed and a function that stops it and
// returns run's error.
func startServe(t *testing.T, env map[string]string, args ...string) (string, func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	getenv := func(k string) string { return env[k] }
	go func() {
		err := run(ctx, append([]string{"serve"}, args...), getenv, strings.NewReader(""), pw, io.Discard)
		pw.CloseWithError(errors.New("serve returned"))
		done <- err
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	go io.Copy(io.Discard, pr)
	if err != nil {
		cancel()
		t.Fatalf("serve printed no URL: %v (run: %v)", err, <-done)
	}
	i := strings.Index(line, "http://")
	if i < 0 {
		t.Fatalf("serve printed %q, want a URL", line)
	}
	url := strings.TrimSpace(line[i:])
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(30 * time.Second):
			t.Fatal("serve did not stop")
			return nil
		}
	}
	t.Cleanup(func() { stop() })
	return url, stop
}

func TestRun_Serve(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	url, stop := startServe(t, nil, "--data", dir, "--addr", "127.0.0.1:0", "--log-level", "error")
	if !strings.HasSuffix(url, "/graphql") {
		t.Fatalf("printed URL %q does not end in /graphql", url)
	}
	resp, err := http.Post(url, "application/json", strings.NewReader(`{"query":"{ concepts(scheme: \"lifecycle\") { totalCount } }"}`))
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		Data struct{ Concepts struct{ TotalCount int } }
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	if err != nil || out.Data.Concepts.TotalCount != 14 {
		t.Fatalf("lifecycle concepts = %d, %v; want the 14 of the seed", out.Data.Concepts.TotalCount, err)
	}
	if err := stop(); err != nil {
		t.Fatalf("serve returned %v after cancel, want nil", err)
	}
	// The store was closed cleanly: it opens again.
	if _, _, err := cli(t, nil, "stats", "--data", dir); err != nil {
		t.Fatalf("stats after serve: %v", err)
	}
}

func TestRun_ServeEnv(t *testing.T) {
	tokenFile := filepath.Join(t.TempDir(), "token")
	if err := os.WriteFile(tokenFile, []byte("0123456789abcdef0123\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{
		"CIVICGRAPH_DATA": filepath.Join(t.TempDir(), "store"), "CIVICGRAPH_ADDR": "127.0.0.1:0",
		"CIVICGRAPH_CORS_ORIGINS": "https://example.org", "CIVICGRAPH_TOKEN_FILE": tokenFile, "CIVICGRAPH_LOG_LEVEL": "error",
	}
	url, _ := startServe(t, env)
	req, _ := http.NewRequest(http.MethodGet, strings.TrimSuffix(url, "/graphql")+"/healthz", nil)
	req.Header.Set("Origin", "https://example.org")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); got != "https://example.org" {
		t.Errorf("Access-Control-Allow-Origin = %q, want the configured origin", got)
	}
}

func TestRun_ServeBadFlags(t *testing.T) {
	short := filepath.Join(t.TempDir(), "short")
	os.WriteFile(short, []byte("abc"), 0o600)
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"ShallowDepth", []string{"--max-depth", "10"}},
		{"ShortToken", []string{"--token-file", short}},
		{"MissingTokenFile", []string{"--token-file", filepath.Join(t.TempDir(), "none")}},
		{"ZeroTimeout", []string{"--timeout", "0s"}},
		{"UnknownFlag", []string{"--nope"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"serve", "--data", filepath.Join(t.TempDir(), "s"), "--addr", "127.0.0.1:0"}, tc.args...)
			_, _, err := cli(t, nil, args...)
			if exitCode(err) != 2 {
				t.Errorf("serve %v: err %v, exit code %d, want 2", tc.args, err, exitCode(err))
			}
		})
	}
	for _, kv := range [][2]string{{"CIVICGRAPH_TIMEOUT", "ten"}, {"CIVICGRAPH_MAX_COST", "lots"}} {
		t.Run("Env"+kv[0], func(t *testing.T) {
			env := map[string]string{kv[0]: kv[1]}
			err := run(t.Context(), []string{"serve", "--data", filepath.Join(t.TempDir(), "s"), "--addr", "127.0.0.1:0"},
				func(k string) string { return env[k] }, strings.NewReader(""), io.Discard, io.Discard)
			if exitCode(err) != 2 || !strings.Contains(fmt.Sprint(err), kv[0]) {
				t.Errorf("serve with %s=%s: err %v, exit code %d, want 2 and the variable named", kv[0], kv[1], err, exitCode(err))
			}
		})
	}
}

func TestRun_Query(t *testing.T) {
	dir := newStore(t, false)
	out := mustCLI(t, "query", "--data", dir, `{ node(id: "concept/lifecycle/tendering") { label(lang: "ca") } }`)
	if !strings.Contains(out, `"label": "Licitació"`) {
		t.Errorf("query printed %s", out)
	}
	out, _, err := cli(t, strings.NewReader(`query($id: ID) { node(id: $id) { id } }`), "query", "--data", dir, "--variables", `{"id":"concept/lifecycle/award"}`, "-")
	if err != nil || !strings.Contains(out, `"id": "concept/lifecycle/award"`) {
		t.Errorf("query from stdin: %v\n%s", err, out)
	}
	out, _, err = cli(t, nil, "query", "--data", dir, `{ nothing }`)
	if err == nil || !strings.Contains(out, `"errors"`) {
		t.Errorf("bad query: err %v, printed %s", err, out)
	}
}

// TestRun_ServeShutdownInFlight stops serve while clients are sending
// queries: every request that gets an answer gets a whole, successful one
// (none sees a closed store), and serve returns nil.
func TestRun_ServeShutdownInFlight(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	url, stop := startServe(t, nil, "--data", dir, "--addr", "127.0.0.1:0", "--log-level", "error")
	const q = `{"query":"{ actors(first: 50, orderBy: LABEL) { totalCount nodes { label publications { nodes { title } } } } }"}`
	var answered, failed atomic.Int64
	var wg sync.WaitGroup
	done := make(chan struct{})
	for range 8 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				resp, err := http.Post(url, "application/json", strings.NewReader(q))
				if err != nil {
					continue // refused after the listener closed
				}
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 || !strings.Contains(string(b), `"totalCount"`) || strings.Contains(string(b), `"errors"`) {
					failed.Add(1)
					continue
				}
				answered.Add(1)
			}
		})
	}
	time.Sleep(500 * time.Millisecond)
	err := stop()
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatalf("serve returned %v, want nil", err)
	}
	if answered.Load() == 0 || failed.Load() > 0 {
		t.Errorf("%d answered, %d failed or cut short during shutdown", answered.Load(), failed.Load())
	}
}

// TestRun_ServePublicURL serves behind a public URL: the dataset
// description's absolute URLs use it; URLs no proxy could serve are
// refused as flags.
func TestRun_ServePublicURL(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	u, stop := startServe(t, nil, "--data", dir, "--addr", "127.0.0.1:0", "--log-level", "error", "--public-url", "https://kg.example.org/")
	defer stop()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, strings.TrimSuffix(u, "/graphql")+"/.well-known/void", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "text/turtle")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "<https://kg.example.org/fragments") {
		t.Errorf("GET /.well-known/void: %d, want the fragments endpoint under https://kg.example.org:\n%.600s", resp.StatusCode, body)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"kg.example.org", "ftp://kg.example.org", "https://kg.example.org/?x=1", "https://"} {
		if _, _, err := cli(t, nil, "serve", "--data", dir, "--public-url", bad); !errors.Is(err, errBadFlags) || !strings.Contains(err.Error(), "--public-url") {
			t.Errorf("--public-url %q: %v, want a flag error naming it", bad, err)
		}
	}
}
