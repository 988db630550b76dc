package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/schema"
)

// errBadFlags is returned when flags do not parse or do not validate.
var errBadFlags = errors.New("bad flags")

// config holds the settings shared by subcommands. Each is a flag whose
// default comes from a CIVICGRAPH_* environment variable.
type config struct {
	dataDir   string
	empty     bool   // create a new store bare, without the seed
	base      string // base IRI of instances
	logLevel  string
	logFormat string
}

// defaultDataDir is the per-user data directory: $XDG_DATA_HOME/civicgraph,
// else ~/.local/share/civicgraph (on macOS ~/Library/Application
// Support/civicgraph, on Windows %LocalAppData%\civicgraph).
func defaultDataDir(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "civicgraph")
	}
	home := getenv("HOME")
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "civicgraph")
		}
	case "darwin":
		if home != "" {
			return filepath.Join(home, "Library", "Application Support", "civicgraph")
		}
	}
	if home == "" {
		return filepath.Join(os.TempDir(), "civicgraph")
	}
	return filepath.Join(home, ".local", "share", "civicgraph")
}

func envOr(getenv func(string) string, key, def string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return def
}

// newFlagSet returns a flag set for a subcommand with the shared flags.
func newFlagSet(env *environment, name, usage string, cfg *config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: civicgraph %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	if cfg != nil {
		fs.StringVar(&cfg.dataDir, "data", envOr(env.getenv, "CIVICGRAPH_DATA", defaultDataDir(env.getenv)), "store directory (env CIVICGRAPH_DATA)")
		fs.BoolVar(&cfg.empty, "empty", envOr(env.getenv, "CIVICGRAPH_EMPTY", "") == "true", "when the store does not exist yet, create it bare: no ontology, concepts or seed (env CIVICGRAPH_EMPTY=true)")
		fs.StringVar(&cfg.base, "base", envOr(env.getenv, "CIVICGRAPH_BASE", schema.DefaultBase), "base IRI of instances in the seed (env CIVICGRAPH_BASE)")
	}
	return fs
}

// addLogFlags adds the logging flags.
func addLogFlags(fs *flag.FlagSet, env *environment, cfg *config) {
	fs.StringVar(&cfg.logLevel, "log-level", envOr(env.getenv, "CIVICGRAPH_LOG_LEVEL", "info"), "debug, info, warn or error (env CIVICGRAPH_LOG_LEVEL)")
	fs.StringVar(&cfg.logFormat, "log-format", envOr(env.getenv, "CIVICGRAPH_LOG_FORMAT", "text"), "text or json (env CIVICGRAPH_LOG_FORMAT)")
}

// parse parses args; on failure the flag package has printed the problem.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errBadFlags, err)
	}
	return nil
}

func (c *config) validate() error {
	if strings.TrimSpace(c.dataDir) == "" {
		return fmt.Errorf("%w: --data is empty", errBadFlags)
	}
	switch c.logFormat {
	case "", "text", "json":
	default:
		return fmt.Errorf("%w: --log-format %q: expected text or json", errBadFlags, c.logFormat)
	}
	return nil
}

// logger builds the process's logger from the flags.
func (c *config) logger(w io.Writer) (*slog.Logger, error) {
	var level slog.Level
	if c.logLevel != "" {
		if err := level.UnmarshalText([]byte(c.logLevel)); err != nil {
			return nil, fmt.Errorf("%w: --log-level %q: expected debug, info, warn or error", errBadFlags, c.logLevel)
		}
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return slog.New(slog.NewTextHandler(w, opts)), nil
}

// openStore opens the store in cfg.dataDir. When there is none it creates
// one (even for a read-only use) and loads the seed into it, unless
// cfg.empty asks for a bare store.
func openStore(ctx context.Context, cfg *config, readOnly bool) (*graph.Store, error) {
	created := !graph.Exists(cfg.dataDir)
	if created {
		readOnly = false
	}
	s, err := graph.Open(cfg.dataDir, graph.Options{ReadOnly: readOnly})
	if err != nil {
		return nil, err
	}
	if created && !cfg.empty {
		if _, err := importers.Seed(ctx, s, cfg.base); err != nil {
			s.Close()
			return nil, fmt.Errorf("load the seed into new store %s: %w", cfg.dataDir, err)
		}
	}
	return s, nil
}
