package graphtest

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"civicgraph/graph"
)

// Isomorphic reports whether a and b are the same set of quads up to a
// renaming of blank nodes. Blank nodes are first coloured by their
// surroundings, refined until stable, so the backtracking search only
// tries candidates of the same colour.
func Isomorphic(a, b []graph.Quad) bool {
	setA, setB := quadSet(a), quadSet(b)
	if len(setA) != len(setB) {
		return false
	}
	colA, colB := colours(setA), colours(setB)
	if len(colA) != len(colB) {
		return false
	}
	count := map[string]int{}
	for _, c := range colA {
		count[c]++
	}
	for _, c := range colB {
		count[c]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	blanksA := make([]string, 0, len(colA))
	for v := range colA {
		blanksA = append(blanksA, v)
	}
	// Map the blank nodes with the rarest colours first.
	classSize := map[string]int{}
	for _, c := range colA {
		classSize[c]++
	}
	slices.SortFunc(blanksA, func(x, y string) int {
		if d := classSize[colA[x]] - classSize[colA[y]]; d != 0 {
			return d
		}
		return strings.Compare(x, y)
	})
	byBlank := map[string][]graph.Quad{}
	for q := range setA {
		ground := true
		for _, t := range []graph.Term{q.S, q.O, q.G} {
			if t.Kind == graph.KindBlank {
				byBlank[t.Value] = append(byBlank[t.Value], q)
				ground = false
			}
		}
		if ground && !setB[q] {
			return false
		}
	}
	m := map[string]string{}
	used := map[string]bool{}
	var try func(k int) bool
	try = func(k int) bool {
		if k == len(blanksA) {
			return true
		}
		x := blanksA[k]
		for y, c := range colB {
			if used[y] || c != colA[x] {
				continue
			}
			m[x], used[y] = y, true
			ok := true
			for _, q := range byBlank[x] {
				if mq, all := mapQuad(q, m); all && !setB[mq] {
					ok = false
					break
				}
			}
			if ok && try(k+1) {
				return true
			}
			delete(m, x)
			used[y] = false
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

// colours gives each blank node in set a colour that depends only on the
// graph's shape around it, not on labels: ground neighbours, predicates,
// positions and, after refinement, the colours of blank neighbours.
func colours(set map[graph.Quad]bool) map[string]string {
	col := map[string]string{}
	for q := range set {
		for _, t := range []graph.Term{q.S, q.O, q.G} {
			if t.Kind == graph.KindBlank {
				col[t.Value] = ""
			}
		}
	}
	name := func(t graph.Term) string {
		if t.Kind == graph.KindBlank {
			return "_" + col[t.Value]
		}
		return t.String()
	}
	for range len(col) + 1 {
		sigs := map[string][]string{}
		for q := range set {
			parts := [4]string{name(q.S), q.P.String(), name(q.O), name(q.G)}
			for i, t := range []graph.Term{q.S, q.O, q.G} {
				if t.Kind == graph.KindBlank {
					sigs[t.Value] = append(sigs[t.Value], string(rune('0'+i))+strings.Join(parts[:], " "))
				}
			}
		}
		next := make(map[string]string, len(col))
		classes := map[string]bool{}
		for v, s := range sigs {
			slices.Sort(s)
			h := sha256.Sum256([]byte(col[v] + "|" + strings.Join(s, "\n")))
			next[v] = hex.EncodeToString(h[:8])
			classes[next[v]] = true
		}
		old := map[string]bool{}
		for _, c := range col {
			old[c] = true
		}
		col = next
		if len(classes) == len(old) {
			break
		}
	}
	return col
}

// mapQuad renames q's blank nodes through m; all is false if one is
// unmapped.
func mapQuad(q graph.Quad, m map[string]string) (graph.Quad, bool) {
	all := true
	f := func(t graph.Term) graph.Term {
		if t.Kind != graph.KindBlank {
			return t
		}
		v, found := m[t.Value]
		all = all && found
		return graph.Blank(v)
	}
	return graph.Quad{S: f(q.S), P: q.P, O: f(q.O), G: f(q.G)}, all
}
