package main

import (
	"bufio"
	"context"
	"fmt"
	"strings"

	"civicgraph/internal/generate"
)

func runGenerate(ctx context.Context, env *environment, args []string) error {
	var names []string
	for _, f := range generate.Formats() {
		names = append(names, string(f))
	}
	fs := newFlagSet(env, "generate", "generate [flags] > FILE", nil)
	triples := fs.Int64("triples", 1000, "number of statements to write (ocds, csv:procurement: procurements until their N-Triples statements reach it)")
	seed := fs.Int64("seed", 1, "seed: the same seed gives the same bytes")
	format := fs.String("format", "nt", strings.Join(names, ", "))
	admins := fs.Int64("administrations", 0, "with --procurements and --engagements: write these numbers of entities instead of --triples statements (the comparison benchmark: 1000, 100000, 500000)")
	procs := fs.Int64("procurements", 0, "procurements to write (see --administrations)")
	engs := fs.Int64("engagements", 0, "engagements to write (see --administrations)")
	base := fs.String("base", envOr(env.getenv, "CIVICGRAPH_BASE", ""), "base IRI of instances (env CIVICGRAPH_BASE; default the project's)")
	if err := parse(fs, args); err != nil {
		return err
	}
	f, err := generate.ParseFormat(*format)
	if err != nil {
		return fmt.Errorf("%w: --format %q: expected one of %s", errBadFlags, *format, strings.Join(names, ", "))
	}
	if *triples < 0 {
		return fmt.Errorf("%w: --triples %d: expected a count of 0 or more", errBadFlags, *triples)
	}
	opts := generate.Options{Triples: *triples, Seed: *seed, Base: *base, Format: f}
	if *admins != 0 || *procs != 0 || *engs != 0 {
		if *admins <= 0 || *procs <= 0 || *engs < 0 {
			return fmt.Errorf("%w: --administrations %d --procurements %d --engagements %d: expected all three, the first two above 0", errBadFlags, *admins, *procs, *engs)
		}
		plan := generate.PlanFor(*admins, *procs, *engs)
		opts.Plan, opts.Triples = &plan, 0
	}
	bw := bufio.NewWriterSize(env.stdout, 1<<20)
	if err := generate.Write(ctx, bw, opts); err != nil {
		return err
	}
	return bw.Flush()
}
