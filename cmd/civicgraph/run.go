package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// errUsage is returned after a usage message was printed.
var errUsage = errors.New("usage")

// command is one subcommand.
type command struct {
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

// environment is what a subcommand gets from the process.
type environment struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

func commands() map[string]command {
	return map[string]command{
		"import":   {"import files (RDF syntaxes, CSV templates, bibliographies, OCDS) into the store; atomic, each file replaces its own graph", runImport},
		"export":   {"write the store, a graph, a class, an entity or its neighbourhood as N-Quads, N-Triples, Turtle, TriG, RDF/XML or JSON-LD to stdout", runExport},
		"stats":    {"print the store's statistics", runStats},
		"backup":   {"write a consistent backup of the store to a file or stdout", runBackup},
		"restore":  {"load a backup into an empty store", runRestore},
		"generate": {"write deterministic illustrative data for tests and benchmarks", runGenerate},
		"template": {"print the CSV template of a class (procurement, actor, engagement, ...)", runTemplate},
		"mapping":  {"mapping init FILE: write a starting mapping file for a CSV or JSON layout no importer knows (then import --map)", runMapping},
		"serve":    {"serve the GraphQL API over HTTP", runServe},
		"query":    {"run a GraphQL query against the store, without a server, and print JSON", runQuery},
		"compare":  {"compare administrations (by administration, country, level, any scheme) and write the matrix as CSV or JSON", runCompare},
		"version":  {"print the version, the commit it was built from and the Go version", runVersion},
		"help":     {"list the subcommands, or describe one", nil},
	}
}

// run is the whole program: it parses args and runs one subcommand.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	env := &environment{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	cmds := commands()
	if len(args) == 0 {
		usage(stderr, cmds)
		return errUsage
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(rest) > 0 {
			if c, ok := cmds[rest[0]]; ok && c.run != nil {
				if err := c.run(ctx, env, []string{"-h"}); !errors.Is(err, flag.ErrHelp) {
					return err
				}
				return nil
			}
			return fmt.Errorf("no subcommand %q; run \"civicgraph help\"", rest[0])
		}
		usage(stdout, cmds)
		return nil
	}
	c, ok := cmds[name]
	if !ok || c.run == nil {
		usage(stderr, cmds)
		return fmt.Errorf("no subcommand %q", name)
	}
	err := c.run(ctx, env, rest)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	return explainLocked(name, err)
}

func usage(w io.Writer, cmds map[string]command) {
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString("civicgraph: a knowledge graph of the public procurement of AI and of the stakeholders engaged in it\n\nUsage: civicgraph <subcommand> [flags]\n\nSubcommands:\n")
	for _, n := range names {
		fmt.Fprintf(&b, "  %-9s %s\n", n, cmds[n].summary)
	}
	b.WriteString("\nRun \"civicgraph help <subcommand>\" for its flags.\n")
	io.WriteString(w, b.String())
}

// exitCode maps an error to the process exit code: 0 ok, 2 usage, 1 other.
func exitCode(err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage), errors.Is(err, errBadFlags):
		return 2
	}
	return 1
}
