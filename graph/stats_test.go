package graph_test

import (
	"context"
	"fmt"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
)

// TestStats_ClassInstancesAreDistinctSubjects types subjects in several
// graphs: a class's instances count each subject once (the seed and an
// import both typing one mechanism made stats say 28 where there were 27).
func TestStats_ClassInstancesAreDistinctSubjects(t *testing.T) {
	ex := func(s string) graph.Term { return graph.IRI("http://example.org/" + s) }
	typ := func(s, class, g string) graph.Quad {
		q := graph.Quad{S: ex(s), P: graphtest.Type, O: ex(class)}
		if g != "" {
			q.G = ex(g)
		}
		return q
	}
	tests := []struct {
		name  string
		quads []graph.Quad
		want  map[string]int64
	}{
		{"OneGraph", []graph.Quad{typ("a", "Mechanism", "g1"), typ("b", "Mechanism", "g1")}, map[string]int64{"Mechanism": 2}},
		{"SameSubjectTwoGraphs", []graph.Quad{typ("a", "Mechanism", "g1"), typ("a", "Mechanism", "g2"), typ("b", "Mechanism", "g2")}, map[string]int64{"Mechanism": 2}},
		{"DefaultAndNamedGraph", []graph.Quad{typ("a", "Mechanism", ""), typ("a", "Mechanism", "g1")}, map[string]int64{"Mechanism": 1}},
		{"TwoClasses", []graph.Quad{typ("a", "Mechanism", "g1"), typ("a", "Actor", "g2"), typ("a", "Actor", "g3"), typ("c", "Actor", "g3")}, map[string]int64{"Mechanism": 1, "Actor": 2}},
		{"OtherPredicatesAround", []graph.Quad{
			typ("a", "Mechanism", "g1"),
			{S: ex("a"), P: graph.IRI("http://example.org/a"), O: ex("Mechanism"), G: ex("g1")},
			{S: ex("a"), P: graph.IRI("http://zzz.example/z"), O: ex("Mechanism"), G: ex("g2")},
			typ("a", "Mechanism", "g2"),
		}, map[string]int64{"Mechanism": 1}},
	}
	for _, tc := range tests {
		for _, mode := range []string{"Update", "Loader"} {
			t.Run(tc.name+"/"+mode, func(t *testing.T) {
				s, err := graph.Open(t.TempDir(), graph.Options{GCInterval: -1})
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				ctx := context.Background()
				if mode == "Update" {
					err = s.Update(ctx, func(tx *graph.Txn) error {
						for _, q := range tc.quads {
							if err := tx.Add(q); err != nil {
								return err
							}
						}
						return nil
					})
				} else {
					var l *graph.Loader
					if l, err = s.NewLoader(ctx); err == nil {
						for _, q := range tc.quads {
							if err = l.Add(q); err != nil {
								break
							}
						}
						if err == nil {
							_, err = l.Commit()
						}
					}
				}
				if err != nil {
					t.Fatal(err)
				}
				st, err := s.Stats(ctx)
				if err != nil {
					t.Fatal(err)
				}
				got := map[string]int64{}
				for _, c := range st.Classes {
					got[c.Term.Value[len("http://example.org/"):]] = c.Count
				}
				if len(got) != len(tc.want) {
					t.Errorf("classes = %v, want %v", got, tc.want)
				}
				for k, v := range tc.want {
					if got[k] != v {
						t.Errorf("instances of %s = %d, want %d (all: %v)", k, got[k], v, got)
					}
				}
				graphtest.CheckStats(t, s, tc.quads)
			})
		}
	}
}

// TestStats_DiskBytes: a new store's files take room on disk, and Stats
// says so at once (badger's own size counters stay 0 for a while).
func TestStats_DiskBytes(t *testing.T) {
	for _, tc := range []struct {
		name  string
		quads int
	}{{"Empty", 0}, {"OneQuad", 1}, {"Hundred", 100}} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := graph.Open(t.TempDir(), graph.Options{GCInterval: -1})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			ctx := context.Background()
			if tc.quads > 0 {
				err := s.Update(ctx, func(tx *graph.Txn) error {
					for i := range tc.quads {
						if err := tx.Add(graph.Quad{S: graph.IRI("http://example.org/s"), P: graph.IRI("http://example.org/p"), O: graph.String(fmt.Sprint(i))}); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			st, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.DiskBytes <= 0 {
				t.Errorf("DiskBytes = %d on a store with files, want more than 0", st.DiskBytes)
			}
			// Preallocated, sparse log files count for what they hold:
			// far less than their nominal gigabytes.
			if st.DiskBytes > 1<<30 {
				t.Errorf("DiskBytes = %d: counts the nominal size of sparse files", st.DiskBytes)
			}
		})
	}
}
