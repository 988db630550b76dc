package graph_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"civicgraph/graph"
)

// TestLoader_ReportsPhases: a load's commit says what it is doing, phase
// by phase, through OnProgress (a large commit was silent for 16 s after
// the progress display reached 98%).
func TestLoader_ReportsPhases(t *testing.T) {
	quads := func(g string, n, round int) []graph.Quad {
		out := make([]graph.Quad, n)
		for i := range out {
			out[i] = graph.Quad{S: graph.IRI(fmt.Sprintf("http://example.org/s%d", i)), P: graph.IRI("http://example.org/p"),
				O: graph.String(fmt.Sprintf("value %d of round %d", i, round)), G: graph.IRI("http://example.org/" + g)}
		}
		return out
	}
	tests := []struct {
		name   string
		opts   graph.Options
		before [][]graph.Quad // loads committed first
		load   []graph.Quad
		want   []string // phases in order; others may come between
		counts bool     // PhaseCleanup counts up to the replaced quads
	}{
		{"EmptyStore", graph.Options{}, nil, quads("g", 500, 1),
			[]string{graph.PhaseSorting, graph.PhaseIndexes, graph.PhaseText, graph.PhaseFlushing}, false},
		{"NewGraphBatch", graph.Options{}, [][]graph.Quad{quads("a", 10, 1)}, quads("g", 500, 1),
			[]string{graph.PhaseCommitting}, false},
		{"ReplaceGraphBatch", graph.Options{}, [][]graph.Quad{quads("g", 500, 1)}, quads("g", 500, 2),
			[]string{graph.PhaseCommitting, graph.PhaseCleanup}, true},
		{"ReplaceGraphSortedTables", graph.Options{FlattenMinQuads: 100}, [][]graph.Quad{quads("g", 500, 1)}, quads("g", 500, 2),
			[]string{graph.PhaseSorting, graph.PhaseIndexes, graph.PhaseText, graph.PhaseFlushing, graph.PhaseCommitting, graph.PhaseCleanup}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.GCInterval = -1
			dir := t.TempDir()
			s, err := graph.Open(dir, opts)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			load := func(qs []graph.Quad, fn func(graph.LoadProgress)) graph.LoadStats {
				t.Helper()
				l, err := s.NewLoader(ctx)
				if err != nil {
					t.Fatal(err)
				}
				l.OnProgress(fn)
				for _, q := range qs {
					if err := l.Add(q); err != nil {
						t.Fatal(err)
					}
				}
				st, err := l.Commit()
				if err != nil {
					t.Fatal(err)
				}
				return st
			}
			for _, qs := range tc.before {
				load(qs, nil)
			}
			// Reopen, so that badger's level 0 holds the tables of the
			// loads before, as after any restart.
			s.Close()
			if s, err = graph.Open(dir, opts); err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var got []graph.LoadProgress
			st := load(tc.load, func(p graph.LoadProgress) { got = append(got, p) })
			if tc.name == "ReplaceGraphSortedTables" && !st.Incremental {
				t.Errorf("the load took the batch path; the case is for sorted tables")
			}
			var phases []string
			for _, p := range got {
				if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
					phases = append(phases, p.Phase)
				}
			}
			i := 0
			for _, p := range phases {
				if i < len(tc.want) && p == tc.want[i] {
					i++
				}
			}
			if i != len(tc.want) {
				t.Errorf("phases = %q, want %q in this order", phases, tc.want)
			}
			var indexes []int64
			var cleaned int64
			for _, p := range got {
				switch p.Phase {
				case graph.PhaseIndexes:
					indexes = append(indexes, p.Done)
					if p.Total != 6 {
						t.Errorf("indexes phase total = %d, want 6", p.Total)
					}
				case graph.PhaseCleanup:
					if p.Done < cleaned || p.Done > p.Total {
						t.Errorf("cleanup progress %d of %d after %d", p.Done, p.Total, cleaned)
					}
					cleaned = p.Done
				}
			}
			if len(indexes) > 0 && !slices.Equal(indexes, []int64{0, 1, 2, 3, 4, 5}) {
				t.Errorf("indexes reported %v, want 0 to 5", indexes)
			}
			if tc.counts && cleaned != int64(len(tc.load)) {
				t.Errorf("cleanup reported %d quads deleted, want the %d replaced", cleaned, len(tc.load))
			}
			n, err := s.Count(ctx, graph.Pattern{G: graph.IRI("http://example.org/g")})
			if err != nil || n != int64(len(tc.load)) {
				t.Errorf("graph holds %d quads (%v), want %d", n, err, len(tc.load))
			}
		})
	}
}
