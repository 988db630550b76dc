package main

import (
	"context"
	"fmt"
	"os"

	"civicgraph/importers/mapping"
	"civicgraph/schema"
)

// runMapping runs "mapping init FILE": it writes a starting mapping file for
// a CSV or JSON file whose layout no importer knows.
func runMapping(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "mapping", "mapping init FILE   (writes to stdout a starting mapping file for a CSV or JSON file: every column listed and commented, with the classes and properties it may map to; then civicgraph import --map FILE.map.toml FILE)", nil)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 || fs.Arg(0) != "init" {
		fs.Usage()
		return fmt.Errorf("%w: expected: mapping init FILE", errBadFlags)
	}
	path := fs.Arg(1)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("mapping init: %w", err)
	}
	defer f.Close()
	return mapping.WriteStarter(env.stdout, f, path)
}

// loadMapping reads the mapping file of import --map.
func loadMapping(path string) (*mapping.Mapping, error) {
	sc, err := schema.New()
	if err != nil {
		return nil, err
	}
	return mapping.Load(path, sc)
}
