package main

import (
	"context"
	"fmt"
	"strings"

	"civicgraph/importers/csvtab"
	"civicgraph/schema"
)

func runTemplate(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "template", "template CLASS   (prints the CSV template of a class: its header row and what each column takes)", nil)
	if err := parse(fs, args); err != nil {
		return err
	}
	sc, err := schema.New()
	if err != nil {
		return err
	}
	if fs.NArg() != 1 {
		var names []string
		for _, t := range csvtab.Templates(sc) {
			names = append(names, t.Name)
		}
		fs.Usage()
		return fmt.Errorf("%w: name one class: %s", errBadFlags, strings.Join(names, ", "))
	}
	t, err := csvtab.Find(sc, fs.Arg(0))
	if err != nil {
		return fmt.Errorf("%w: %v", errBadFlags, err)
	}
	return t.Write(env.stdout)
}
