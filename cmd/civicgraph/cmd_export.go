package main

import (
	"bufio"
	"context"
	"fmt"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/rdf"
)

func runExport(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "export", "export [flags] > FILE", &cfg)
	format := fs.String("format", "nq", "nq (quads), nt or ttl (triples: the union of the graphs, each triple once)")
	graphIRI := fs.String("graph", "", "export only this named graph")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	bw := bufio.NewWriterSize(env.stdout, 1<<16)
	f, ok := rdf.Lookup(*format)
	if !ok || f.NewWriter == nil {
		return fmt.Errorf("%w: --format %q: expected nq, nt, ttl or trig", errBadFlags, *format)
	}
	w := f.NewWriter(bw, rdf.WriterOptions{Prefixes: export.Prefixes()})
	triples := !f.Quads
	s, err := openStore(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer s.Close()
	p := graph.Pattern{}
	if *graphIRI != "" {
		p.G = graph.IRI(*graphIRI)
	}
	if err := export.Quads(ctx, s, p, w, triples); err != nil {
		return err
	}
	return bw.Flush()
}
