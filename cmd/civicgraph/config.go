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
	stderr    io.Writer // where openStore says that it created a store, and logs
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

// createsStore names the subcommands that create the store when --data
// names none; the others refuse a store that does not exist (a typo in
// --data must not answer from a new, seeded store). Only these take
// --empty, which says how to create it.
var createsStore = map[string]bool{"import": true, "serve": true}

// usesBase names the subcommands that take --base: those that may seed a
// new store, and query, whose resolvers write instance IRIs with it.
var usesBase = map[string]bool{"import": true, "serve": true, "query": true}

// newFlagSet returns a flag set for a subcommand with the shared flags:
// --data when cfg is not nil, and --empty and --base where they mean
// something (createsStore, usesBase). Flags go anywhere among the
// arguments (see parse).
func newFlagSet(env *environment, name, usage string, cfg *config) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: civicgraph %s\n", usage)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintf(env.stderr, "\nFlags (before, between or after the arguments; \"--\" ends them):\n")
			fs.PrintDefaults()
		}
	}
	if cfg != nil {
		cfg.stderr = env.stderr
		cfg.base = schema.DefaultBase
		fs.StringVar(&cfg.dataDir, "data", envOr(env.getenv, "CIVICGRAPH_DATA", defaultDataDir(env.getenv)), "store directory (env CIVICGRAPH_DATA)")
		if createsStore[name] {
			fs.BoolVar(&cfg.empty, "empty", envOr(env.getenv, "CIVICGRAPH_EMPTY", "") == "true", "when the store does not exist yet, create it bare: no ontology, concepts or seed (env CIVICGRAPH_EMPTY=true)")
		}
		if usesBase[name] {
			fs.StringVar(&cfg.base, "base", envOr(env.getenv, "CIVICGRAPH_BASE", schema.DefaultBase), "base IRI of instances in the seed (env CIVICGRAPH_BASE)")
		}
	}
	return fs
}

// addLogFlags adds the logging flags.
func addLogFlags(fs *flag.FlagSet, env *environment, cfg *config) {
	fs.StringVar(&cfg.logLevel, "log-level", envOr(env.getenv, "CIVICGRAPH_LOG_LEVEL", "info"), "debug, info, warn or error (env CIVICGRAPH_LOG_LEVEL)")
	fs.StringVar(&cfg.logFormat, "log-format", envOr(env.getenv, "CIVICGRAPH_LOG_FORMAT", "text"), "text or json (env CIVICGRAPH_LOG_FORMAT)")
}

// parse parses args, with flags anywhere among them, as users type them
// ("import FILE --data DIR" as well as "import --data DIR FILE"); "--"
// ends the flags, so that every argument after it is positional even when
// it starts with "-". Afterwards fs.Args() holds the positional arguments,
// in order. On failure the flag package has printed the problem.
func parse(fs *flag.FlagSet, args []string) error {
	positional, err := interleave(fs, args)
	if err == nil {
		// Hand the positional arguments to fs.Args(): after "--", Parse
		// takes everything as an argument and sets no flag.
		err = fs.Parse(append([]string{"--"}, positional...))
	}
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errBadFlags, err)
	}
	return nil
}

// interleave parses the flags in args wherever they stand and returns the
// other arguments. The flag package stops at the first argument that is not
// a flag; interleave takes that argument aside and goes on with the rest.
func interleave(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" && !takesValue(fs, args[:used-1]) {
			// Parse stopped at "--" (not at "--" given as a flag's value).
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// takesValue reports whether the last of parsed is a flag that takes its
// value from the next argument: a flag other than a boolean, without "=".
func takesValue(fs *flag.FlagSet, parsed []string) bool {
	if len(parsed) == 0 {
		return false
	}
	a := parsed[len(parsed)-1]
	if len(a) < 2 || a[0] != '-' || strings.Contains(a, "=") || a == "--" {
		return false
	}
	f := fs.Lookup(strings.TrimLeft(a, "-"))
	if f == nil {
		return false
	}
	b, ok := f.Value.(interface{ IsBoolFlag() bool })
	return !ok || !b.IsBoolFlag()
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

// openStore opens the store in cfg.dataDir. For reading (readOnly), the
// store must exist: a command that only reads refuses a directory that
// holds none, naming it, rather than answering from a new store. For
// writing, a missing store is created, with the seed unless cfg.empty
// asks for a bare one, and openStore says so on cfg.stderr. The store's
// log lines (a recovery after a crash, say) go to cfg.stderr too.
func openStore(ctx context.Context, cfg *config, readOnly bool) (*graph.Store, error) {
	logger, err := cfg.logger(cfg.errOut())
	if err != nil {
		return nil, err
	}
	created := !graph.Exists(cfg.dataDir)
	if created && readOnly {
		return nil, fmt.Errorf("%w in %s (check --data or CIVICGRAPH_DATA; \"civicgraph import\" or \"civicgraph serve\" creates a store)", errNoStore, cfg.dataDir)
	}
	s, err := graph.Open(cfg.dataDir, graph.Options{ReadOnly: readOnly, Logger: logger})
	if err != nil {
		return nil, err
	}
	if created {
		what := "with the ontology, concepts and seed"
		if cfg.empty {
			what = "empty"
		}
		fmt.Fprintf(cfg.errOut(), "civicgraph: created a new store in %s, %s\n", cfg.dataDir, what)
	}
	if created && !cfg.empty {
		if _, err := importers.Seed(ctx, s, cfg.base); err != nil {
			s.Close()
			return nil, fmt.Errorf("load the seed into new store %s: %w", cfg.dataDir, err)
		}
	}
	if !created && !readOnly {
		// A store made by an earlier version gets this version's
		// ontology, concepts, shapes and seed knowledge.
		refreshed, err := importers.RefreshSeed(ctx, s, cfg.base)
		switch {
		case errors.Is(err, importers.ErrSeedBase):
			logger.WarnContext(ctx, "seed not refreshed", "store", cfg.dataDir, "reason", err.Error())
		case err != nil:
			s.Close()
			return nil, fmt.Errorf("store %s: %w", cfg.dataDir, err)
		case len(refreshed) > 0:
			fmt.Fprintf(cfg.errOut(), "civicgraph: %s in %s came from an earlier version of civicgraph: replaced by this version's (%s)\n",
				counted(len(refreshed), "graph of the ontology, concepts, shapes and seed", "graphs of the ontology, concepts, shapes and seed"), cfg.dataDir, strings.Join(refreshed, ", "))
		}
	}
	return s, nil
}

// errNoStore is returned when a command that reads names a directory that
// holds no store.
var errNoStore = errors.New("no store")

func (c *config) errOut() io.Writer {
	if c.stderr == nil {
		return io.Discard
	}
	return c.stderr
}

// counted writes n and the noun in the singular or the plural: "1 file",
// "2 files".
func counted[N ~int | ~int64](n N, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// formatList lists every format the importer reads, for --format's help.
func formatList() string {
	var names []string
	for _, f := range importers.Formats() {
		names = append(names, string(f))
	}
	return strings.Join(names, ", ") + ", " + string(importers.JSON) + " (tells OCDS, CSL-JSON, registers and JSON-LD apart by content) or csv:<template>"
}
