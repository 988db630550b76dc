package graph_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
)

func TestOpen_Reopen(t *testing.T) {
	dir := t.TempDir()
	s, err := graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	graphtest.Load(t, s, graphtest.Fixture())
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	s, err = graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	graphtest.CheckPatterns(t, s, graphtest.Fixture())
	graphtest.CheckStats(t, s, graphtest.Fixture())
}

func TestOpen_Locked(t *testing.T) {
	dir := t.TempDir()
	s, err := graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, err = graph.Open(dir, graph.Options{GCInterval: -1})
	if !errors.Is(err, graph.ErrLocked) {
		t.Fatalf("second Open = %v, want ErrLocked", err)
	}
}

func TestOpen_ReadOnly(t *testing.T) {
	dir := t.TempDir()
	s, err := graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	graphtest.Load(t, s, graphtest.Fixture())
	s.Close()
	ro, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	graphtest.CheckPatterns(t, ro, graphtest.Fixture())
	err = ro.Update(t.Context(), func(tx *graph.Txn) error { return nil })
	if !errors.Is(err, graph.ErrReadOnly) {
		t.Errorf("Update on read-only store = %v, want ErrReadOnly", err)
	}
}

func TestStore_BackupRestore(t *testing.T) {
	src := graphtest.NewStore(t)
	graphtest.Load(t, src, graphtest.Fixture())
	var buf bytes.Buffer
	if err := src.Backup(t.Context(), &buf); err != nil {
		t.Fatal(err)
	}
	dst := graphtest.NewStore(t)
	if err := dst.Restore(t.Context(), bytes.NewReader(buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	graphtest.CheckPatterns(t, dst, graphtest.Fixture())
	graphtest.CheckStats(t, dst, graphtest.Fixture())
	// The restored store takes new writes with fresh ids.
	extra := graph.Quad{S: graphtest.Carol, P: graphtest.Knows, O: graph.IRI("http://example.org/dave")}
	graphtest.Load(t, dst, []graph.Quad{extra})
	graphtest.CheckPatterns(t, dst, append(graphtest.Fixture(), extra))

	t.Run("NotEmpty", func(t *testing.T) {
		if err := dst.Restore(t.Context(), bytes.NewReader(buf.Bytes())); !errors.Is(err, graph.ErrNotEmpty) {
			t.Errorf("Restore into a non-empty store = %v, want ErrNotEmpty", err)
		}
	})
	t.Run("NotABackup", func(t *testing.T) {
		s := graphtest.NewStore(t)
		if err := s.Restore(t.Context(), bytes.NewReader([]byte("hello, this is not a backup at all"))); err == nil {
			t.Error("Restore of garbage succeeded")
		}
		graphtest.CheckPatterns(t, s, nil)
	})
	corrupted := bytes.Clone(buf.Bytes())
	corrupted[len(corrupted)/2] ^= 0x20
	for name, data := range map[string][]byte{
		"Truncated":       buf.Bytes()[:buf.Len()/2],
		"TruncatedEnd":    buf.Bytes()[:buf.Len()-3],
		"Corrupted":       corrupted,
		"TrailingGarbage": append(bytes.Clone(buf.Bytes()), 'x'),
	} {
		t.Run(name, func(t *testing.T) {
			s := graphtest.NewStore(t)
			if err := s.Restore(t.Context(), bytes.NewReader(data)); err == nil {
				t.Fatal("Restore of a damaged backup succeeded")
			}
			// The store is empty and works: a failed restore must not wedge it.
			graphtest.CheckPatterns(t, s, nil)
			graphtest.Load(t, s, graphtest.Fixture())
			graphtest.CheckPatterns(t, s, graphtest.Fixture())
		})
	}
}

// TestStore_ConcurrentReadersOneWriter runs readers against a writer that
// moves a quad between graphs; a reader must always see exactly one copy.
func TestStore_ConcurrentReadersOneWriter(t *testing.T) {
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, graphtest.Fixture())
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	moving := func(i int) graph.Quad {
		return graph.Quad{S: graphtest.Alice, P: graphtest.Knows, O: graph.IRI("http://example.org/moving"), G: graph.IRI(fmt.Sprintf("http://example.org/m%d", i%2))}
	}
	graphtest.Load(t, s, []graph.Quad{moving(0)})
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for r := 0; r < 4; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				err := s.View(ctx, func(v *graph.View) error {
					n, err := v.Count(graph.Pattern{O: graph.IRI("http://example.org/moving")})
					if err != nil {
						return err
					}
					if n != 1 {
						return fmt.Errorf("reader saw %d copies of the moving quad", n)
					}
					var got []graph.Quad
					for q, err := range v.Match(graph.Pattern{S: graphtest.Alice}) {
						if err != nil {
							return err
						}
						got = append(got, q)
					}
					if len(got) != 6 {
						return fmt.Errorf("reader saw %d quads about alice, want 6", len(got))
					}
					return nil
				})
				if err != nil && ctx.Err() == nil {
					errs <- err
					return
				}
			}
		}()
	}
	for i := 0; i < 200; i++ {
		err := s.Update(t.Context(), func(tx *graph.Txn) error {
			if err := tx.Delete(moving(i)); err != nil {
				return err
			}
			return tx.Add(moving(i + 1))
		})
		if err != nil {
			t.Fatal(err)
		}
		if i%50 == 0 {
			if _, err := s.ReplaceGraph(t.Context(), graphtest.G2, graphtest.Seq(slices.Clone(graphtest.Fixture()[10:]))); err != nil {
				t.Fatal(err)
			}
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func ExampleOpen() {
	dir, _ := tempDir()
	defer os.RemoveAll(dir)
	s, err := graph.Open(dir, graph.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	ctx := context.Background()
	alice, knows, bob := graph.IRI("http://example.org/alice"), graph.IRI("http://example.org/knows"), graph.IRI("http://example.org/bob")
	err = s.Update(ctx, func(tx *graph.Txn) error {
		return tx.Add(graph.Quad{S: alice, P: knows, O: bob})
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for q, err := range s.Match(ctx, graph.Pattern{P: knows}) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(q)
	}
	// Output: <http://example.org/alice> <http://example.org/knows> <http://example.org/bob> .
}

// TestView_ResolveAll resolves runs of ids in one pass, close together
// and far apart, cached and not, and refuses ids out of order or unknown.
func TestView_ResolveAll(t *testing.T) {
	s := graphtest.NewStore(t)
	var quads []graph.Quad
	for i := range 300 {
		quads = append(quads, graph.Quad{S: graph.IRI(fmt.Sprintf("http://example.org/s%03d", i)), P: graph.IRI("http://example.org/p"), O: graph.String(fmt.Sprintf("value %d", i))})
	}
	if err := s.Update(t.Context(), func(tx *graph.Txn) error {
		for _, q := range quads {
			if err := tx.Add(q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	err := s.View(t.Context(), func(v *graph.View) error {
		var ids []graph.ID
		want := map[graph.ID]graph.Term{}
		for i, q := range quads {
			if i%7 == 3 || i > 250 && i%2 == 0 || i < 20 { // runs and gaps
				for _, tm := range []graph.Term{q.S, q.O} {
					id, err := v.Lookup(tm)
					if err != nil {
						return err
					}
					ids = append(ids, id)
					want[id] = tm
				}
			}
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		if _, err := v.Resolve(ids[5]); err != nil { // one in the cache
			return err
		}
		n := 0
		err := v.ResolveAll(ids, func(i int, tm graph.Term) error {
			if tm != want[ids[i]] {
				t.Errorf("ResolveAll: id %d = %v, want %v", ids[i], tm, want[ids[i]])
			}
			n++
			return nil
		})
		if err != nil || n != len(ids) {
			t.Errorf("ResolveAll: %d of %d terms, %v", n, len(ids), err)
		}
		if err := v.ResolveAll([]graph.ID{ids[2], ids[1]}, func(int, graph.Term) error { return nil }); err == nil {
			t.Error("ResolveAll took ids out of order")
		}
		if err := v.ResolveAll([]graph.ID{ids[0], 1 << 40}, func(int, graph.Term) error { return nil }); err == nil {
			t.Error("ResolveAll resolved an unknown id")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
