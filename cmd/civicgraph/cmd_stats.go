package main

import (
	"context"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"civicgraph/graph"
)

func runStats(ctx context.Context, env *environment, args []string) error {
	var cfg config
	fs := newFlagSet(env, "stats", "stats [flags]", &cfg)
	asJSON := fs.Bool("json", false, "print JSON")
	top := fs.Int("top", 20, "how many predicates and classes to list")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := cfg.validate(); err != nil {
		return err
	}
	s, err := openStore(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer s.Close()
	var st graph.Stats
	var subjects int64
	err = s.View(ctx, func(v *graph.View) error {
		var err error
		if st, err = v.Stats(); err != nil {
			return err
		}
		subjects, err = v.DistinctSubjects()
		return err
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return writeStatsJSON(env, st, subjects)
	}
	w := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "store\t%s\n", cfg.dataDir)
	fmt.Fprintf(w, "quads\t%d\n", st.Quads)
	fmt.Fprintf(w, "distinct subjects\t%d\n", subjects)
	fmt.Fprintf(w, "terms\t%d\n", st.Terms)
	fmt.Fprintf(w, "bytes on disk\t%d\n", st.DiskBytes)
	fmt.Fprintf(w, "\ngraph\tquads\tsubjects\n")
	for _, g := range st.Graphs {
		fmt.Fprintf(w, "%s\t%d\t%d\n", graphName(g.Graph), g.Quads, g.Subjects)
	}
	fmt.Fprintf(w, "\npredicate\tquads\n")
	for i, p := range st.Predicates {
		if i == *top {
			break
		}
		fmt.Fprintf(w, "%s\t%d\n", p.Term, p.Count)
	}
	fmt.Fprintf(w, "\nclass\tinstances\n")
	for i, c := range st.Classes {
		if i == *top {
			break
		}
		fmt.Fprintf(w, "%s\t%d\n", c.Term, c.Count)
	}
	return w.Flush()
}

func graphName(g graph.Term) string {
	if g.IsZero() {
		return "(default graph)"
	}
	return g.String()
}

func writeStatsJSON(env *environment, st graph.Stats, subjects int64) error {
	type count struct {
		Term  string `json:"term"`
		Count int64  `json:"count"`
	}
	type gstat struct {
		Graph    string `json:"graph"`
		Quads    int64  `json:"quads"`
		Subjects int64  `json:"subjects"`
	}
	out := struct {
		Quads            int64   `json:"quads"`
		DistinctSubjects int64   `json:"distinctSubjects"`
		Terms            int64   `json:"terms"`
		DiskBytes        int64   `json:"diskBytes"`
		Graphs           []gstat `json:"graphs"`
		Predicates       []count `json:"predicates"`
		Classes          []count `json:"classes"`
	}{Quads: st.Quads, DistinctSubjects: subjects, Terms: st.Terms, DiskBytes: st.DiskBytes}
	for _, g := range st.Graphs {
		name := ""
		if !g.Graph.IsZero() {
			name = g.Graph.Value
		}
		out.Graphs = append(out.Graphs, gstat{name, g.Quads, g.Subjects})
	}
	for _, p := range st.Predicates {
		out.Predicates = append(out.Predicates, count{p.Term.Value, p.Count})
	}
	for _, c := range st.Classes {
		out.Classes = append(out.Classes, count{c.Term.Value, c.Count})
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
