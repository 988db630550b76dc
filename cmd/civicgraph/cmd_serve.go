package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"civicgraph/server"
	"civicgraph/web"
)

// serveConfig holds the settings of the serve subcommand beyond config.
type serveConfig struct {
	addr        string
	corsOrigins string
	publicURL   string
	tokenFile   string
	token       string // from CIVICGRAPH_TOKEN or the token file; never logged
	readOnly    bool
	limits      server.Options
	shutdown    time.Duration
	memoryLimit string
	idleReturn  time.Duration
}

// parseBytes reads a size: a number of bytes, or one with a unit (KiB,
// MiB, GiB, TiB, or KB, MB, GB, TB in powers of ten). "off" or "0" is no
// limit (returned as math.MaxInt64).
func parseBytes(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "off" || s == "0" {
		return math.MaxInt64, nil
	}
	units := []struct {
		suffix string
		mult   float64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}
	mult := 1.0
	for _, u := range units {
		if rest, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = strings.TrimSpace(rest), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 || math.IsInf(f*mult, 0) || f*mult > math.MaxInt64/2 {
		return 0, fmt.Errorf("expected a size such as 1GiB, 512MiB or off")
	}
	return int64(f * mult), nil
}

// memoryLimitBytes returns the soft memory limit --memory-limit (or
// CIVICGRAPH_MEMORY_LIMIT) asks for, or 0 to keep the process's: main's
// defaultMemoryLimit (900 MiB), or GOMEMLIMIT when set.
func (sc *serveConfig) memoryLimitBytes() (int64, error) {
	v := sc.memoryLimit
	if v == "" {
		return 0, nil
	}
	n, err := parseBytes(v)
	if err != nil {
		return 0, fmt.Errorf("%w: --memory-limit %q: %v", errBadFlags, v, err)
	}
	return n, nil
}

// envInt reads an integer CIVICGRAPH_* default; a malformed value falls
// back to def here and is reported by serveConfig.load.
func envInt(getenv func(string) string, key string, def int) int {
	if v, err := strconv.Atoi(getenv(key)); err == nil {
		return v
	}
	return def
}

// envDuration reads a duration CIVICGRAPH_* default; a malformed value
// falls back to def here and is reported by serveConfig.load.
func envDuration(getenv func(string) string, key string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(getenv(key)); err == nil {
		return v
	}
	return def
}

func runServe(ctx context.Context, env *environment, args []string) error {
	var cfg config
	var sc serveConfig
	def := server.DefaultOptions()
	fs := newFlagSet(env, "serve", "serve [flags]", &cfg)
	addLogFlags(fs, env, &cfg)
	fs.StringVar(&sc.addr, "addr", envOr(env.getenv, "CIVICGRAPH_ADDR", "127.0.0.1:8080"), "listen address (env CIVICGRAPH_ADDR)")
	fs.StringVar(&sc.corsOrigins, "cors-origins", envOr(env.getenv, "CIVICGRAPH_CORS_ORIGINS", ""), "comma-separated origins allowed from browsers; empty sends no CORS headers (env CIVICGRAPH_CORS_ORIGINS)")
	fs.StringVar(&sc.publicURL, "public-url", envOr(env.getenv, "CIVICGRAPH_PUBLIC_URL", ""), "scheme and host (and path prefix) clients reach the server at behind a proxy, such as https://kg.example.org, for the absolute URLs of linked-data answers; default: those of each request (env CIVICGRAPH_PUBLIC_URL)")
	fs.StringVar(&sc.tokenFile, "token-file", envOr(env.getenv, "CIVICGRAPH_TOKEN_FILE", ""), "file holding the bearer token writes need, at least 16 characters; CIVICGRAPH_TOKEN gives it directly (env CIVICGRAPH_TOKEN_FILE)")
	fs.BoolVar(&sc.readOnly, "read-only", envOr(env.getenv, "CIVICGRAPH_READ_ONLY", "") == "true", "refuse every write (env CIVICGRAPH_READ_ONLY=true)")
	fs.Int64Var(&sc.limits.MaxBodyBytes, "max-body-bytes", int64(envInt(env.getenv, "CIVICGRAPH_MAX_BODY_BYTES", int(def.MaxBodyBytes))), "largest request body in bytes (env CIVICGRAPH_MAX_BODY_BYTES)")
	fs.Int64Var(&sc.limits.MaxUploadBytes, "max-upload", int64(envInt(env.getenv, "CIVICGRAPH_MAX_UPLOAD", int(def.MaxUploadBytes))), "largest multipart upload (importData with files) in bytes; held in memory while imported (env CIVICGRAPH_MAX_UPLOAD)")
	fs.IntVar(&sc.limits.MaxQueryLength, "max-query-length", envInt(env.getenv, "CIVICGRAPH_MAX_QUERY_LENGTH", def.MaxQueryLength), "longest GraphQL query in bytes (env CIVICGRAPH_MAX_QUERY_LENGTH)")
	fs.IntVar(&sc.limits.MaxDepth, "max-depth", envInt(env.getenv, "CIVICGRAPH_MAX_DEPTH", def.MaxDepth), "deepest GraphQL query; introspection needs 15 (env CIVICGRAPH_MAX_DEPTH)")
	fs.IntVar(&sc.limits.MaxCost, "max-cost", envInt(env.getenv, "CIVICGRAPH_MAX_COST", def.MaxCost), "highest estimated query cost: fields times the list sizes above them (env CIVICGRAPH_MAX_COST)")
	fs.IntVar(&sc.limits.MaxResultBytes, "max-result-bytes", envInt(env.getenv, "CIVICGRAPH_MAX_RESULT_BYTES", def.MaxResultBytes), "largest response in bytes (env CIVICGRAPH_MAX_RESULT_BYTES)")
	fs.IntVar(&sc.limits.MaxPage, "max-page", envInt(env.getenv, "CIVICGRAPH_MAX_PAGE", def.MaxPage), "largest page of a list (env CIVICGRAPH_MAX_PAGE)")
	fs.IntVar(&sc.limits.MaxNodes, "max-nodes", envInt(env.getenv, "CIVICGRAPH_MAX_NODES", def.MaxNodes), "most nodes neighbors returns and paths visits (env CIVICGRAPH_MAX_NODES)")
	fs.DurationVar(&sc.limits.Timeout, "timeout", envDuration(env.getenv, "CIVICGRAPH_TIMEOUT", def.Timeout), "time limit of one request (env CIVICGRAPH_TIMEOUT)")
	fs.DurationVar(&sc.limits.UploadTimeout, "upload-timeout", envDuration(env.getenv, "CIVICGRAPH_UPLOAD_TIMEOUT", def.UploadTimeout), "time limit of a multipart upload, transfer and import (env CIVICGRAPH_UPLOAD_TIMEOUT)")
	fs.IntVar(&sc.limits.MaxInFlight, "max-in-flight", envInt(env.getenv, "CIVICGRAPH_MAX_IN_FLIGHT", def.MaxInFlight), "light GraphQL requests without the token that run at once; more wait in a queue (env CIVICGRAPH_MAX_IN_FLIGHT)")
	fs.IntVar(&sc.limits.MaxHeavy, "max-heavy", envInt(env.getenv, "CIVICGRAPH_MAX_HEAVY", def.MaxHeavy), "heavy ones (estimated cost --heavy-cost or more) that run at once; keep it under the cores (env CIVICGRAPH_MAX_HEAVY)")
	fs.IntVar(&sc.limits.HeavyCost, "heavy-cost", envInt(env.getenv, "CIVICGRAPH_HEAVY_COST", def.HeavyCost), "estimated cost from which a request is heavy (env CIVICGRAPH_HEAVY_COST)")
	fs.IntVar(&sc.limits.MaxQueue, "max-queue", envInt(env.getenv, "CIVICGRAPH_MAX_QUEUE", def.MaxQueue), "requests that may wait for one of those slots; past it, or after --queue-wait, they get 503 with Retry-After, and /readyz says busy while the queue is full (env CIVICGRAPH_MAX_QUEUE)")
	fs.DurationVar(&sc.limits.QueueWait, "queue-wait", envDuration(env.getenv, "CIVICGRAPH_QUEUE_WAIT", def.QueueWait), "longest wait in the queue (env CIVICGRAPH_QUEUE_WAIT)")
	fs.StringVar(&sc.memoryLimit, "memory-limit", envOr(env.getenv, "CIVICGRAPH_MEMORY_LIMIT", ""), "Go's soft memory limit (runtime/debug.SetMemoryLimit), such as 1GiB or 512MiB, or off; the garbage collector works harder near it, so the heap returns to it after a burst. Default 900MiB, or GOMEMLIMIT when set (env CIVICGRAPH_MEMORY_LIMIT)")
	fs.DurationVar(&sc.idleReturn, "idle-return", envDuration(env.getenv, "CIVICGRAPH_IDLE_RETURN", 30*time.Second), "after this long without a request, give the heap's free memory back to the operating system and take the store's mapped files out of memory, once per quiet spell; 0 never (env CIVICGRAPH_IDLE_RETURN)")
	fs.DurationVar(&sc.shutdown, "shutdown-timeout", envDuration(env.getenv, "CIVICGRAPH_SHUTDOWN_TIMEOUT", 30*time.Second), "how long in-flight requests may take to finish on shutdown (env CIVICGRAPH_SHUTDOWN_TIMEOUT)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	if err := sc.load(env.getenv); err != nil {
		return err
	}
	if err := checkPublicURL(sc.publicURL); err != nil {
		return err
	}
	logger, err := cfg.logger(env.stderr)
	if err != nil {
		return err
	}
	memLimit, err := sc.memoryLimitBytes()
	if err != nil {
		return err
	}
	if memLimit > 0 {
		prev := debug.SetMemoryLimit(memLimit)
		defer debug.SetMemoryLimit(prev)
	}
	st, err := openStore(ctx, &cfg, sc.readOnly)
	if err != nil {
		return err
	}
	defer st.Close()
	opts := sc.limits
	opts.Store, opts.Logger, opts.Base = st, logger, cfg.base
	opts.Token, opts.ReadOnly = sc.token, sc.readOnly
	opts.CORSOrigins = splitList(sc.corsOrigins)
	opts.PublicURL = strings.TrimSuffix(sc.publicURL, "/")
	ui, err := web.New()
	if err != nil {
		return fmt.Errorf("web interface: %w", err)
	}
	opts.Web = ui
	h, err := server.New(opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", sc.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", sc.addr, err)
	}
	idleCtx, stopIdle := context.WithCancel(ctx)
	defer stopIdle()
	srv := &http.Server{
		Handler:           server.ReturnMemoryWhenIdle(idleCtx, h, sc.idleReturn, logger, func() { st.ReleaseMappedPages() }),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      opts.Timeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String()
	fmt.Fprintf(env.stdout, "civicgraph serving %s on %s/graphql\n", cfg.dataDir, url)
	fmt.Fprintf(env.stdout, "explorer in the browser: %s/\n", url)
	logger.InfoContext(ctx, "serving", "url", url, "data", cfg.dataDir, "read_only", sc.readOnly, "memory_limit", debug.SetMemoryLimit(-1), "max_in_flight", opts.MaxInFlight, "writes", sc.token != "" && !sc.readOnly)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		if !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("serve: %w", err)
		}
		return nil
	case <-ctx.Done():
	}
	// Stop accepting, let in-flight requests finish, then close the store
	// (deferred above), so no request sees a closed store.
	logger.Info("shutting down", "timeout", sc.shutdown)
	sctx, cancel := context.WithTimeout(context.Background(), sc.shutdown)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// load reads the token from CIVICGRAPH_TOKEN or the token file, and checks
// the limits.
func (sc *serveConfig) load(getenv func(string) string) error {
	for _, k := range []string{"CIVICGRAPH_MAX_BODY_BYTES", "CIVICGRAPH_MAX_UPLOAD", "CIVICGRAPH_MAX_QUERY_LENGTH", "CIVICGRAPH_MAX_DEPTH",
		"CIVICGRAPH_MAX_COST", "CIVICGRAPH_MAX_RESULT_BYTES", "CIVICGRAPH_MAX_PAGE", "CIVICGRAPH_MAX_NODES",
		"CIVICGRAPH_MAX_IN_FLIGHT", "CIVICGRAPH_MAX_HEAVY", "CIVICGRAPH_HEAVY_COST", "CIVICGRAPH_MAX_QUEUE"} {
		if v := getenv(k); v != "" {
			if _, err := strconv.Atoi(v); err != nil {
				return fmt.Errorf("%w: %s=%q: expected an integer", errBadFlags, k, v)
			}
		}
	}
	for _, k := range []string{"CIVICGRAPH_TIMEOUT", "CIVICGRAPH_SHUTDOWN_TIMEOUT", "CIVICGRAPH_QUEUE_WAIT"} {
		if v := getenv(k); v != "" {
			if _, err := time.ParseDuration(v); err != nil {
				return fmt.Errorf("%w: %s=%q: expected a duration such as 10s", errBadFlags, k, v)
			}
		}
	}
	sc.token = getenv("CIVICGRAPH_TOKEN")
	if sc.tokenFile != "" {
		b, err := os.ReadFile(sc.tokenFile)
		if err != nil {
			return fmt.Errorf("%w: --token-file: %v", errBadFlags, err)
		}
		sc.token = strings.TrimSpace(string(b))
		if sc.token == "" {
			return fmt.Errorf("%w: --token-file %s is empty", errBadFlags, sc.tokenFile)
		}
	}
	if sc.token != "" && len(sc.token) < 16 {
		return fmt.Errorf("%w: the token is %d characters; use at least 16", errBadFlags, len(sc.token))
	}
	l := sc.limits
	switch {
	case l.MaxBodyBytes <= 0, l.MaxUploadBytes <= 0, l.MaxQueryLength <= 0, l.MaxCost <= 0, l.MaxResultBytes <= 0, l.MaxPage <= 0, l.MaxNodes <= 0, l.Timeout <= 0,
		l.MaxInFlight <= 0, l.MaxHeavy <= 0, l.HeavyCost <= 0, l.MaxQueue <= 0, l.QueueWait <= 0:
		return fmt.Errorf("%w: limits must be positive", errBadFlags)
	case l.MaxDepth < 15:
		return fmt.Errorf("%w: --max-depth %d: expected at least 15, which the standard introspection query needs", errBadFlags, l.MaxDepth)
	}
	return nil
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// checkPublicURL refuses a --public-url that is not an absolute http or
// https URL without query or fragment ("" is no public URL).
func checkPublicURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return fmt.Errorf("%w: --public-url %q: expected an http or https URL such as https://kg.example.org, without query or fragment", errBadFlags, s)
	}
	return nil
}
