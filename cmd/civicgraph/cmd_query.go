package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"civicgraph/queries"
	"civicgraph/schema"
	"civicgraph/server"
)

func runQuery(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "query", "query [flags] 'GRAPHQL' (or - to read it from stdin)", &cfg)
	vars := fs.String("variables", "", "variables as a JSON object")
	op := fs.String("operation", "", "the operation to run, when the document has several")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return fmt.Errorf("%w: expected one query", errBadFlags)
	}
	q := fs.Arg(0)
	if q == "-" {
		b, err := io.ReadAll(env.stdin)
		if err != nil {
			return fmt.Errorf("read the query from stdin: %w", err)
		}
		q = string(b)
	}
	var variables map[string]any
	if *vars != "" {
		if err := json.NewDecoder(strings.NewReader(*vars)).Decode(&variables); err != nil {
			return fmt.Errorf("%w: --variables: expected a JSON object: %v", errBadFlags, err)
		}
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
	opts := server.DefaultOptions()
	res := queries.New(st, sc, queries.Options{Base: cfg.base, ReadOnly: true})
	gs, err := server.NewSchema(res, opts)
	if err != nil {
		return err
	}
	resp := gs.Exec(ctx, q, *op, variables)
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(resp); err != nil {
		return err
	}
	return queryErrors(resp.Errors)
}

// queryErrors turns a response's errors into one error that quotes them
// (the first few), so that the message on stderr says what went wrong even
// when stdout goes to a file.
func queryErrors[E error](errs []E) error {
	if len(errs) == 0 {
		return nil
	}
	const show = 3
	var msgs []string
	for i, e := range errs {
		if i == show {
			msgs = append(msgs, fmt.Sprintf("and %d more", len(errs)-show))
			break
		}
		msgs = append(msgs, e.Error())
	}
	return fmt.Errorf("the query returned %s: %s", counted(len(errs), "error", "errors"), strings.Join(msgs, "; "))
}
