package graphtest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"civicgraph/graph"
)

// TestAll is the conformance suite: every way of writing (transactions, the
// empty-store bulk path, the live-store bulk path) must give a store whose
// sixteen pattern shapes, counts and statistics agree with a brute-force
// filter over the same quads. newStore must return an empty store.
func TestAll(t *testing.T, newStore func(testing.TB) *graph.Store) {
	writers := []struct {
		name string
		load func(testing.TB, *graph.Store, []graph.Quad) []graph.Quad
	}{
		{"Txn", func(t testing.TB, s *graph.Store, qs []graph.Quad) []graph.Quad { Load(t, s, qs); return qs }},
		{"StreamLoad", func(t testing.TB, s *graph.Store, qs []graph.Quad) []graph.Quad {
			if st := BulkLoad(t, s, qs); !st.Stream {
				t.Errorf("load into an empty store did not take the stream path")
			}
			return qs
		}},
		{"BatchLoad", func(t testing.TB, s *graph.Store, qs []graph.Quad) []graph.Quad {
			other := graph.Quad{S: Alice, P: Knows, O: Carol, G: graph.IRI(ex + "other")}
			Load(t, s, []graph.Quad{other})
			if st := BulkLoad(t, s, qs); st.Stream {
				t.Errorf("load into a non-empty store took the stream path")
			}
			return append(slices.Clone(qs), other)
		}},
		{"IncrementalLoad", func(t testing.TB, s *graph.Store, qs []graph.Quad) []graph.Quad {
			// A first bulk load leaves badger's memtables empty, so the
			// second goes through sorted tables on top of the first.
			other := graph.Quad{S: Alice, P: Knows, O: Carol, G: graph.IRI(ex + "other")}
			BulkLoad(t, s, []graph.Quad{other})
			if st := BulkLoad(t, s, qs); !st.Incremental {
				t.Errorf("load into a store just bulk-loaded did not take the incremental path: %+v", st)
			}
			return append(slices.Clone(qs), other)
		}},
		{"IncrementalReplace", func(t testing.TB, s *graph.Store, qs []graph.Quad) []graph.Quad {
			// The second load replaces every graph the first wrote.
			BulkLoad(t, s, qs[:len(qs)/2])
			BulkLoad(t, s, qs)
			return qs
		}},
		{"Duplicates", func(t testing.TB, s *graph.Store, qs []graph.Quad) []graph.Quad {
			BulkLoad(t, s, append(slices.Clone(qs), qs...))
			Load(t, s, qs)
			return qs
		}},
	}
	for _, w := range writers {
		t.Run(w.name, func(t *testing.T) {
			s := newStore(t)
			want := w.load(t, s, Fixture())
			CheckPatterns(t, s, want)
			CheckStats(t, s, want)
		})
	}
	t.Run("Delete", func(t *testing.T) {
		s := newStore(t)
		qs := Fixture()
		Load(t, s, qs)
		gone := []graph.Quad{qs[2], qs[4], qs[9], qs[10], qs[11], qs[12]}
		err := s.Update(t.Context(), func(tx *graph.Txn) error {
			for _, q := range gone {
				if err := tx.Delete(q); err != nil {
					return err
				}
			}
			// Deleting what is absent is a no-op.
			return tx.Delete(graph.Quad{S: Carol, P: Knows, O: Alice})
		})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.DeleteFunc(slices.Clone(qs), func(q graph.Quad) bool { return slices.Contains(gone, q) })
		CheckPatterns(t, s, want)
		CheckStats(t, s, want)
	})
	t.Run("FailedTxnChangesNothing", func(t *testing.T) {
		s := newStore(t)
		qs := Fixture()
		Load(t, s, qs[:5])
		boom := errors.New("boom")
		err := s.Update(t.Context(), func(tx *graph.Txn) error {
			for _, q := range qs[5:] {
				if err := tx.Add(q); err != nil {
					return err
				}
			}
			if err := tx.Delete(qs[0]); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("Update = %v, want boom", err)
		}
		CheckPatterns(t, s, qs[:5])
		CheckStats(t, s, qs[:5])
	})
	t.Run("InvalidQuad", func(t *testing.T) {
		s := newStore(t)
		bad := []graph.Quad{
			{S: graph.String("lit"), P: Knows, O: Bob},
			{S: Alice, P: B1, O: Bob},
			{S: Alice, P: Knows},
			{S: Alice, P: Knows, O: Bob, G: graph.String("g")},
		}
		for _, q := range bad {
			err := s.Update(t.Context(), func(tx *graph.Txn) error { return tx.Add(q) })
			if !errors.Is(err, graph.ErrInvalidQuad) {
				t.Errorf("Add(%s) = %v, want ErrInvalidQuad", q, err)
			}
		}
		CheckPatterns(t, s, nil)
	})
	t.Run("DropGraph", func(t *testing.T) {
		s := newStore(t)
		qs := Fixture()
		Load(t, s, qs)
		if err := s.DropGraph(t.Context(), G1); err != nil {
			t.Fatal(err)
		}
		if err := s.DropGraph(t.Context(), graph.IRI(ex+"missing")); err != nil {
			t.Fatalf("drop missing graph: %v", err)
		}
		want := slices.DeleteFunc(slices.Clone(qs), func(q graph.Quad) bool { return q.G == G1 })
		CheckPatterns(t, s, want)
		CheckStats(t, s, want)
		// The graph can be written again.
		Load(t, s, []graph.Quad{{S: Bob, P: Knows, O: Carol, G: G1}})
		CheckPatterns(t, s, append(want, graph.Quad{S: Bob, P: Knows, O: Carol, G: G1}))
	})
	t.Run("ReplaceGraph", func(t *testing.T) {
		s := newStore(t)
		qs := Fixture()
		Load(t, s, qs)
		repl := []graph.Quad{{S: Bob, P: Knows, O: Carol}, {S: Carol, P: Name, O: graph.String("Carol")}}
		var snapshotBefore []graph.Quad
		err := s.View(t.Context(), func(v *graph.View) error {
			if _, err := s.ReplaceGraph(t.Context(), G2, Seq(repl)); err != nil {
				return err
			}
			// A view opened before the replacement still sees the old graph.
			for q, err := range v.Match(graph.Pattern{G: G2}) {
				if err != nil {
					return err
				}
				snapshotBefore = append(snapshotBefore, q)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		SortQuads(snapshotBefore)
		if wantOld := Filter(qs, graph.Pattern{G: G2}); !slices.Equal(snapshotBefore, wantOld) {
			t.Errorf("old view sees %v, want %v", snapshotBefore, wantOld)
		}
		want := slices.DeleteFunc(slices.Clone(qs), func(q graph.Quad) bool { return q.G == G2 })
		for _, q := range repl {
			q.G = G2
			want = append(want, q)
		}
		CheckPatterns(t, s, want)
		CheckStats(t, s, want)
	})
	t.Run("DeleteMatch", func(t *testing.T) {
		s := newStore(t)
		qs := Fixture()
		Load(t, s, qs)
		gone := graph.Pattern{S: Bob, P: Name} // in two graphs, two literals
		err := s.Update(t.Context(), func(tx *graph.Txn) error {
			n, err := tx.DeleteMatch(gone)
			if err == nil && n != 2 {
				err = fmt.Errorf("DeleteMatch deleted %d quads, want 2", n)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		want := slices.DeleteFunc(slices.Clone(qs), func(q graph.Quad) bool { return q.S == Bob && q.P == Name })
		CheckPatterns(t, s, want)
		CheckStats(t, s, want)
	})
	t.Run("LoaderAppend", func(t *testing.T) {
		s := newStore(t)
		qs := Fixture()
		prov := func(i int) graph.Quad {
			return graph.Quad{S: graph.IRI(fmt.Sprintf("%sload/%d", ex, i)), P: Type, O: graph.IRI(ex + "Load")}
		}
		var want []graph.Quad
		for i, part := range [][]graph.Quad{qs[:6], qs[6:10], qs[10:]} {
			// Each load replaces the graphs it writes and appends one quad
			// to the default graph, which the first load also writes.
			l, err := s.NewLoader(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range part {
				if err := l.Add(q); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Append(prov(i)); err != nil {
				t.Fatal(err)
			}
			if _, err := l.Commit(); err != nil {
				t.Fatal(err)
			}
			want = append(want, part...)
			want = append(want, prov(i))
		}
		CheckPatterns(t, s, want)
		CheckStats(t, s, want)
	})
	t.Run("AbortedLoadChangesNothing", func(t *testing.T) {
		for _, how := range []string{"empty", "transaction", "bulk"} {
			s := newStore(t)
			var before []graph.Quad
			switch how {
			case "transaction":
				before = Fixture()[:4]
				Load(t, s, before)
			case "bulk":
				before = Fixture()[:4]
				BulkLoad(t, s, before)
			}
			st0, err := s.Stats(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			l, err := s.NewLoader(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range Fixture() {
				q.G = G1
				if err := l.Add(q); err != nil {
					t.Fatal(err)
				}
			}
			if err := l.Abort(); err != nil {
				t.Fatal(err)
			}
			CheckPatterns(t, s, before)
			st1, err := s.Stats(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			st0.DiskBytes, st1.DiskBytes = 0, 0
			if st0.Terms != st1.Terms || st0.Quads != st1.Quads {
				t.Errorf("store %s: stats after abort = %+v, before %+v", how, st1, st0)
			}
		}
	})
}

// CheckPatterns checks every pattern shape against a brute-force filter.
func CheckPatterns(t testing.TB, s *graph.Store, want []graph.Quad) {
	t.Helper()
	for _, p := range append(AllPatterns(Fixture()), graph.Pattern{}) {
		exp := Filter(want, p)
		got := Collect(t, s, p)
		if !slices.Equal(got, exp) {
			t.Errorf("Match(%s %+v):\n got %v\nwant %v", PatternName(p), p, got, exp)
		}
		n, err := s.Count(context.Background(), p)
		if err != nil {
			t.Fatalf("Count(%+v): %v", p, err)
		}
		if n != int64(len(exp)) {
			t.Errorf("Count(%s %+v) = %d, want %d", PatternName(p), p, n, len(exp))
		}
	}
}

// CheckStats checks the statistics against counts made by brute force.
func CheckStats(t testing.TB, s *graph.Store, want []graph.Quad) {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatalf("Stats: %v", err)
	}
	if st.Quads != int64(len(want)) {
		t.Errorf("Stats.Quads = %d, want %d", st.Quads, len(want))
	}
	type gs struct{ quads, subjects int64 }
	wantGraphs := map[graph.Term]gs{}
	subjects := map[[2]graph.Term]bool{}
	preds, classes := map[graph.Term]int64{}, map[graph.Term]int64{}
	typed := map[[2]graph.Term]bool{} // (class, subject)
	all := map[graph.Term]bool{}
	for _, q := range want {
		g := wantGraphs[q.G]
		g.quads++
		if !subjects[[2]graph.Term{q.G, q.S}] {
			subjects[[2]graph.Term{q.G, q.S}] = true
			g.subjects++
		}
		wantGraphs[q.G] = g
		preds[q.P]++
		if q.P == Type && !typed[[2]graph.Term{q.O, q.S}] {
			// A class's instances are distinct subjects, whatever the
			// number of graphs that type them.
			typed[[2]graph.Term{q.O, q.S}] = true
			classes[q.O]++
		}
		all[q.S] = true
	}
	gotGraphs := map[graph.Term]gs{}
	for _, g := range st.Graphs {
		gotGraphs[g.Graph] = gs{g.Quads, g.Subjects}
	}
	if !maps.Equal(gotGraphs, wantGraphs) {
		t.Errorf("Stats.Graphs = %v, want %v", gotGraphs, wantGraphs)
	}
	toMap := func(tc []graph.TermCount) map[graph.Term]int64 {
		m := map[graph.Term]int64{}
		for _, c := range tc {
			m[c.Term] = c.Count
		}
		return m
	}
	if got := toMap(st.Predicates); !maps.Equal(got, preds) {
		t.Errorf("Stats.Predicates = %v, want %v", got, preds)
	}
	if got := toMap(st.Classes); !maps.Equal(got, classes) {
		t.Errorf("Stats.Classes = %v, want %v", got, classes)
	}
	err = s.View(context.Background(), func(v *graph.View) error {
		n, err := v.DistinctSubjects()
		if err != nil {
			return err
		}
		if n != int64(len(all)) {
			t.Errorf("DistinctSubjects = %d, want %d", n, len(all))
		}
		gs, err := v.Graphs()
		if err != nil {
			return err
		}
		if len(gs) != len(wantGraphs) {
			t.Errorf("Graphs() = %v, want %d graphs", gs, len(wantGraphs))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
