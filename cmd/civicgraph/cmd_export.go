package main

import (
	"bufio"
	"context"
	"fmt"

	"civicgraph/export"
	"civicgraph/graph"
)

func runExport(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "export", "export [flags] > FILE", &cfg)
	format := fs.String("format", "nq", "nt (triples; the union of all graphs) or nq (quads)")
	graphIRI := fs.String("graph", "", "export only this named graph")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	var quads bool
	switch *format {
	case "nt", "ntriples":
	case "nq", "nquads":
		quads = true
	default:
		return fmt.Errorf("%w: --format %q: expected nt or nq", errBadFlags, *format)
	}
	s, err := openStore(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer s.Close()
	p := graph.Pattern{}
	if *graphIRI != "" {
		p.G = graph.IRI(*graphIRI)
	}
	bw := bufio.NewWriterSize(env.stdout, 1<<16)
	if err := export.Quads(ctx, s, p, export.NewNQuadsWriter(bw, quads)); err != nil {
		return err
	}
	return bw.Flush()
}
