package graph_test

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
)

func versionOf(t *testing.T, s *graph.Store) graph.Version {
	t.Helper()
	var ver graph.Version
	if err := s.View(t.Context(), func(v *graph.View) error { ver = v.Version(); return nil }); err != nil {
		t.Fatal(err)
	}
	return ver
}

func load(ctx context.Context, s *graph.Store, qs []graph.Quad) error {
	l, err := s.NewLoader(ctx)
	if err != nil {
		return err
	}
	for _, q := range qs {
		if err := l.Add(q); err != nil {
			l.Abort()
			return err
		}
	}
	_, err = l.Commit()
	return err
}

func quadsIn(g string, n int) []graph.Quad {
	var qs []graph.Quad
	for i := range n {
		qs = append(qs, graph.Quad{S: graph.IRI(fmt.Sprintf("https://example.org/s%d", i)), P: graph.IRI("https://example.org/p"),
			O: graph.String(fmt.Sprintf("value %d", i)), G: graph.IRI(g)})
	}
	return qs
}

// TestView_Version checks that every way of writing moves the version
// that Views see on, and that reading does not: what queries derive from a
// snapshot (sorted lists) is kept while the version stays.
func TestView_Version(t *testing.T) {
	ctx := context.Background()
	s := graphtest.NewStore(t)
	seen := []graph.Version{versionOf(t, s)}
	step := func(name string, write func() error) {
		t.Helper()
		if err := write(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ver := versionOf(t, s)
		if slices.Contains(seen, ver) {
			t.Errorf("%s: the version did not change (or came back to an earlier one)", name)
		}
		if again := versionOf(t, s); again != ver {
			t.Errorf("%s: two Views without a write between them have different versions", name)
		}
		seen = append(seen, ver)
	}
	step("LoadIntoEmptyStore", func() error { return load(ctx, s, quadsIn("https://example.org/g1", 50)) })
	step("LoadOnTopOfData", func() error { return load(ctx, s, quadsIn("https://example.org/g2", 50)) })
	step("ReplaceGraph", func() error { return load(ctx, s, quadsIn("https://example.org/g2", 10)) })
	step("UpdateAddNewGraph", func() error { graphtest.Load(t, s, quadsIn("https://example.org/g3", 3)); return nil })
	step("UpdateAddSameGraph", func() error {
		return s.Update(ctx, func(tx *graph.Txn) error {
			return tx.Add(graph.Quad{S: graph.IRI("https://example.org/x"), P: graph.IRI("https://example.org/p"), O: graph.String("x"), G: graph.IRI("https://example.org/g3")})
		})
	})
	step("UpdateDelete", func() error {
		return s.Update(ctx, func(tx *graph.Txn) error { return tx.Delete(quadsIn("https://example.org/g3", 1)[0]) })
	})
	step("DropGraph", func() error { return s.DropGraph(ctx, graph.IRI("https://example.org/g1")) })
	var backup bytes.Buffer
	if err := s.Backup(ctx, &backup); err != nil {
		t.Fatal(err)
	}
	// Restore writes into an empty store only.
	s = graphtest.NewStore(t)
	seen = []graph.Version{versionOf(t, s)}
	step("Restore", func() error { return s.Restore(ctx, bytes.NewReader(backup.Bytes())) })
}
