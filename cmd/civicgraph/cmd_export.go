package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"fmt"
	"strings"

	"civicgraph/export"
	"civicgraph/rdf"
	"civicgraph/schema"
)

func runExport(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "export", "export [flags] > FILE", &cfg)
	format := fs.String("format", "nq", "syntax: nq (N-Quads: every graph, lossless; import --restore takes it back), nt, ttl, trig, rdfxml or jsonld (nt, ttl and rdfxml hold the union of the graphs, each triple once)")
	graphName := fs.String("graph", "", "export only this named graph (an IRI, or a name under "+schema.GraphBase+" such as seed/playbook)")
	class := fs.String("class", "", "export the descriptions of the instances of this class (an IRI, cg:Procurement, or Procurement)")
	entity := fs.String("entity", "", "export the description of this entity (its Concise Bounded Description; an IRI or a prefixed name)")
	depth := fs.Int("depth", 0, fmt.Sprintf("with --entity: also the entities up to this many links away, both ways (at most %d)", export.MaxDepth))
	noSchema := fs.Bool("no-schema", false, "leave out the ontology and shapes graphs: the data alone")
	gz := fs.Bool("gzip", false, "compress the output with gzip")
	ctxURL := fs.String("context", "", "jsonld: name this URL as the @context (where the server publishes it, e.g. https://data.example.org"+export.ContextPath+"); default: the context inline")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: export takes no arguments (got %q); it writes to standard output", errBadFlags, fs.Args())
	}
	f, ok := rdf.Lookup(*format)
	if !ok {
		return fmt.Errorf("%w: --format %q: expected one of %s", errBadFlags, *format, strings.Join(rdf.Names(), ", "))
	}
	opts := export.Options{Format: f, Context: *ctxURL, Slice: export.Slice{NoSchema: *noSchema, Depth: *depth}}
	var err error
	if *graphName != "" {
		name := *graphName
		if !strings.Contains(name, ":") {
			name = schema.GraphIRI(name)
		}
		if opts.Graph, err = export.ExpandIRI(name); err != nil {
			return fmt.Errorf("%w: --graph: %v", errBadFlags, err)
		}
	}
	if *class != "" {
		name := *class
		if !strings.Contains(name, ":") {
			name = schema.NS + name
		}
		if opts.Class, err = export.ExpandIRI(name); err != nil {
			return fmt.Errorf("%w: --class: %v", errBadFlags, err)
		}
	}
	if *entity != "" {
		if opts.Entity, err = export.ExpandIRI(*entity); err != nil {
			return fmt.Errorf("%w: --entity: %v", errBadFlags, err)
		}
	}
	s, err := openStore(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer s.Close()
	// Refuse an unknown graph, class or entity before writing anything.
	if err := export.Check(ctx, s, opts.Slice); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(env.stdout, 1<<16)
	var zw *gzip.Writer
	w := bw
	if *gz {
		zw = gzip.NewWriter(bw)
		w = bufio.NewWriterSize(zw, 1<<16)
	}
	if _, err := export.Write(ctx, s, w, opts); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	if zw != nil {
		if err := zw.Close(); err != nil {
			return fmt.Errorf("export: gzip: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export: write: %w", err)
	}
	return nil
}
