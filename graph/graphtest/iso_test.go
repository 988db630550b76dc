package graphtest_test

import (
	"io"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/rdf/nquads"
)

func TestIsomorphic(t *testing.T) {
	parse := func(s string) []graph.Quad {
		r := nquads.NewReader(strings.NewReader(s), "", true)
		var out []graph.Quad
		for {
			q, err := r.Read()
			if err == io.EOF {
				return out
			}
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, q)
		}
	}
	tests := []struct {
		name string
		a, b string
		want bool
	}{
		{"Ground", "<a:s> <a:p> <a:o> .", "<a:s> <a:p> <a:o> .", true},
		{"GroundDiffers", "<a:s> <a:p> <a:o> .", "<a:s> <a:p> <a:x> .", false},
		{"Duplicates", "<a:s> <a:p> <a:o> .\n<a:s> <a:p> <a:o> .", "<a:s> <a:p> <a:o> .", true},
		{"Relabel", "_:a <a:p> _:b .\n_:b <a:p> \"x\" _:g .", "_:x <a:p> _:y .\n_:y <a:p> \"x\" _:z .", true},
		{"Direction", "_:a <a:p> _:b .\n_:b <a:p> \"x\" .", "_:x <a:p> _:y .\n_:x <a:p> \"x\" .", false},
		{"Merged", "_:a <a:p> <a:o> .\n_:b <a:p> <a:o> .", "_:a <a:p> <a:o> .", false},
		{"Cycle", "_:a <a:p> _:b .\n_:b <a:p> _:c .\n_:c <a:p> _:a .", "_:z <a:p> _:x .\n_:x <a:p> _:y .\n_:y <a:p> _:z .", true},
		{"TwoCyclesVsOne", "_:a <a:p> _:b .\n_:b <a:p> _:a .\n_:c <a:p> _:d .\n_:d <a:p> _:c .",
			"_:a <a:p> _:b .\n_:b <a:p> _:c .\n_:c <a:p> _:d .\n_:d <a:p> _:a .", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := graphtest.Isomorphic(parse(tc.a), parse(tc.b)); got != tc.want {
				t.Errorf("Isomorphic(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}
