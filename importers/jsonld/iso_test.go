package jsonld_test

import "civicgraph/graph"

// isomorphic reports whether a and b are the same set of quads up to a
// renaming of blank nodes. It backtracks over blank node mappings, which is
// fine for test-sized graphs.
func isomorphic(a, b []graph.Quad) bool {
	setA, setB := quadSet(a), quadSet(b)
	if len(setA) != len(setB) {
		return false
	}
	blanksA, blanksB := blankNodes(setA), blankNodes(setB)
	if len(blanksA) != len(blanksB) {
		return false
	}
	quadsA := make([]graph.Quad, 0, len(setA))
	for q := range setA {
		quadsA = append(quadsA, q)
	}
	m := map[string]string{}
	used := map[string]bool{}
	var try func(k int) bool
	try = func(k int) bool {
		// Every quad whose blank nodes are all mapped must be in b.
		for _, q := range quadsA {
			mq, ok := mapQuad(q, m)
			if ok && !setB[mq] {
				return false
			}
		}
		if k == len(blanksA) {
			return true
		}
		for _, cand := range blanksB {
			if used[cand] {
				continue
			}
			m[blanksA[k]], used[cand] = cand, true
			if try(k + 1) {
				return true
			}
			delete(m, blanksA[k])
			used[cand] = false
		}
		return false
	}
	return try(0)
}

func quadSet(qs []graph.Quad) map[graph.Quad]bool {
	set := make(map[graph.Quad]bool, len(qs))
	for _, q := range qs {
		set[q] = true
	}
	return set
}

// blankNodes returns the blank node labels in set, each once.
func blankNodes(set map[graph.Quad]bool) []string {
	seen := map[string]bool{}
	var out []string
	for q := range set {
		for _, t := range []graph.Term{q.S, q.O, q.G} {
			if t.Kind == graph.KindBlank && !seen[t.Value] {
				seen[t.Value] = true
				out = append(out, t.Value)
			}
		}
	}
	return out
}

// mapQuad renames q's blank nodes through m; ok is false if one is unmapped.
func mapQuad(q graph.Quad, m map[string]string) (graph.Quad, bool) {
	ok := true
	f := func(t graph.Term) graph.Term {
		if t.Kind != graph.KindBlank {
			return t
		}
		v, found := m[t.Value]
		ok = ok && found
		return graph.Blank(v)
	}
	return graph.Quad{S: f(q.S), P: q.P, O: f(q.O), G: f(q.G)}, ok
}
