package graph_test

import (
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
)

func TestConformance_Disk(t *testing.T) {
	graphtest.TestAll(t, graphtest.NewStore)
}

func TestConformance_InMemory(t *testing.T) {
	graphtest.TestAll(t, func(t testing.TB) *graph.Store {
		s, err := graph.Open("", graph.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
