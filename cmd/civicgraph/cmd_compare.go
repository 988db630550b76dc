package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"civicgraph/queries"
	"civicgraph/queries/compare"
	"civicgraph/schema"
)

// runCompare writes the comparison of administrations as CSV or JSON: the
// same matrix as GET /compare.csv and /compare.json, with the same
// parameters as flags (--group-by for groupBy, --mechanism-kind for
// mechanismKind, ...).
func runCompare(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "compare", "compare [flags] > FILE   (civicgraph compare --group-by country --measures procurements,impactAssessment --format csv)", &cfg)
	format := fs.String("format", "csv", "csv or json")
	vals := map[string]*string{}
	for _, p := range queries.CompareParams {
		vals[p.Name] = fs.String(flagName(p.Name), "", p.Help)
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		fs.Usage()
		return fmt.Errorf("%w: compare takes no arguments, found %q", errBadFlags, fs.Arg(0))
	}
	if *format != "csv" && *format != "json" {
		return fmt.Errorf("%w: --format %q: expected csv or json", errBadFlags, *format)
	}
	var names []string
	fs.Visit(func(f *flag.Flag) {
		for _, p := range queries.CompareParams {
			if flagName(p.Name) == f.Name {
				names = append(names, p.Name)
			}
		}
	})
	cargs, err := queries.ParseCompareParams(names, func(n string) []string {
		if v := vals[n]; v != nil && *v != "" {
			return []string{*v}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("%w: %v", errBadFlags, err)
	}
	st, err := openStore(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer st.Close()
	sc, err := schema.New()
	if err != nil {
		return err
	}
	res := queries.New(st, sc, queries.Options{Base: cfg.base, ReadOnly: true})
	m, err := res.CompareTable(ctx, cargs)
	var qe *queries.Error
	switch {
	case errors.As(err, &qe) && (qe.Code == queries.CodeBadInput || qe.Code == queries.CodeNotFound):
		return fmt.Errorf("%w: %v", errBadFlags, err)
	case err != nil:
		return fmt.Errorf("compare: %w", err)
	}
	if *format == "csv" {
		return compare.WriteCSV(env.stdout, m)
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", " ")
	return enc.Encode(m)
}

// flagName turns a parameter name into a flag: groupBy → group-by.
func flagName(param string) string {
	var b strings.Builder
	for _, r := range param {
		if r >= 'A' && r <= 'Z' {
			b.WriteByte('-')
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}
