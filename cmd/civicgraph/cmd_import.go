package main

import (
	"context"
	"fmt"
	"os"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/importers/bib"
)

func runImport(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "import", "import [flags] FILE... (regular files; - reads standard input, with --format and --graph)", &cfg)
	format := fs.String("format", "", "format of every file: "+formatList()+" (default: from each file's extension)")
	encoding := fs.String("encoding", "", "encoding of CSV files when not UTF-8: latin1 or windows-1252")
	graphIRI := fs.String("graph", "", "named graph for triples without one (default: one graph per file, named after it)")
	dryRun := fs.Bool("dry-run", false, "parse and check everything, write nothing")
	quiet := fs.Bool("quiet", false, "no progress output")
	noValidate := fs.Bool("no-validate", false, "import domain formats (bibliographies, OCDS, citations) even when they break the shapes")
	restore := fs.Bool("restore", false, "take RDF dumps back as they are (civicgraph export --format nq): every statement keeps its graph, the default graph included, no provenance added")
	mapFile := fs.String("map", "", "read every file through this mapping file (FILE.map.toml; see civicgraph mapping init)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: no files to import", errBadFlags)
	}
	opts := importers.Options{DryRun: *dryRun, Base: cfg.base, Encoding: *encoding, NoValidate: *noValidate, Stdin: env.stdin, Restore: *restore}
	if *format != "" {
		f, err := importers.ParseFormat(*format)
		if err != nil {
			return fmt.Errorf("%w: --format: %v", errBadFlags, err)
		}
		opts.Format = f
	}
	if *graphIRI != "" {
		opts.Graph = graph.IRI(*graphIRI)
	}
	if *mapFile != "" {
		m, err := loadMapping(*mapFile)
		if err != nil {
			return err
		}
		opts.Map = m
	}
	if !*quiet {
		opts.Progress = env.stderr
		opts.Terminal = isTerminal(env.stderr)
	}
	var s *graph.Store
	if !*dryRun {
		var err error
		if s, err = openStore(ctx, &cfg, false); err != nil {
			return err
		}
		defer s.Close()
	}
	res, err := importers.ImportFiles(ctx, s, fs.Args(), opts)
	if err != nil {
		return err
	}
	if *dryRun {
		fmt.Fprintf(env.stdout, "dry run: %s, %s, no errors; nothing written\n", counted(res.Files, "file", "files"), counted(res.Records, "statement", "statements"))
		return nil
	}
	fmt.Fprintf(env.stdout, "imported %s: %s read, %s in %s, %s\n",
		counted(res.Files, "file", "files"), counted(res.Records, "statement", "statements"), counted(res.Load.Quads, "quad", "quads"),
		counted(res.Load.Graphs, "graph", "graphs"), counted(res.Load.NewTerms, "new term", "new terms"))
	for _, n := range res.Notes {
		fmt.Fprintln(env.stdout, "note:", n)
	}
	if res.Skipped > 0 {
		fmt.Fprintf(env.stdout, "left out %s whose organisation is not a public administration or is not named\n", counted(res.Skipped, "register entry", "register entries"))
	}
	if l := res.Linked; l != (bib.LinkStats{}) {
		fmt.Fprintf(env.stdout, "linked to what the store holds: %s, %s, %s\n",
			counted(l.References, "reference", "references"), counted(l.Persons, "person", "persons"), counted(l.Organizations, "organisation", "organisations"))
	}
	return s.Close()
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
