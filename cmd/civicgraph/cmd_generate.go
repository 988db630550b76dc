package main

import (
	"bufio"
	"context"
	"fmt"

	"civicgraph/internal/generate"
)

func runGenerate(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "generate", "generate [flags] > FILE", nil)
	triples := fs.Int64("triples", 1000, "number of statements to write")
	seed := fs.Int64("seed", 1, "seed: the same seed gives the same bytes")
	format := fs.String("format", "nt", "nt or nq")
	base := fs.String("base", envOr(env.getenv, "CIVICGRAPH_BASE", ""), "base IRI of instances (env CIVICGRAPH_BASE; default the project's)")
	if err := parse(fs, args); err != nil {
		return err
	}
	opts := generate.Options{Triples: *triples, Seed: *seed, Base: *base}
	switch *format {
	case "nt":
	case "nq":
		opts.Quads = true
	default:
		return fmt.Errorf("%w: --format %q: expected nt or nq", errBadFlags, *format)
	}
	if *triples < 0 {
		return fmt.Errorf("%w: --triples %d: expected a count of 0 or more", errBadFlags, *triples)
	}
	bw := bufio.NewWriterSize(env.stdout, 1<<20)
	if err := generate.Write(ctx, bw, opts); err != nil {
		return err
	}
	return bw.Flush()
}
