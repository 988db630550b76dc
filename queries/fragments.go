package queries

import (
	"civicgraph/graph"
)

// FragmentPage is one page of a triple pattern fragment: the triples of
// the store (all graphs merged) that match a pattern, as [Fragment]
// returns them.
type FragmentPage struct {
	// Triples are the page's triples, each once, in the order of the index
	// that serves the pattern.
	Triples []graph.Triple
	// Total is the number of triples matching the pattern. It is exact
	// when Exact is set; otherwise it is the number of matching quads in
	// all graphs, an upper bound (a triple that several graphs hold counts
	// once per graph).
	Total int64
	// Exact says whether Total is exact.
	Exact bool
	// More says whether triples follow this page.
	More bool
}

// Fragment returns the page of the triples matching p (its S, P and O; its
// graph is ignored: the fragment is over the union of all graphs) that
// skips offset triples and holds at most limit. The page is read with one
// prefix scan of the index that serves the pattern (see package graph);
// skipping costs a step of that scan per skipped quad. A triple held by
// several graphs is given once: where the index keeps a triple's graphs
// together (a bound subject, or nothing bound) the scan drops the repeats;
// elsewhere each quad is kept only in the first graph that holds its
// triple, one seek on the subject index per quad (unless the predicate is
// bound and only one graph uses it).
func Fragment(v *graph.View, p graph.Pattern, offset, limit int) (FragmentPage, error) {
	var page FragmentPage
	if offset < 0 {
		offset = 0
	}
	ip, ok, err := v.ToIDs(graph.Pattern{S: p.S, P: p.P, O: p.O})
	if err != nil {
		return page, err
	}
	if !ok {
		page.Exact = true
		return page, nil
	}
	graphs, err := v.Graphs()
	if err != nil {
		return page, err
	}
	// With the subject bound (or nothing bound) the index's last position
	// is the graph, so the graphs of a triple come one after another.
	adjacent := ip.S != 0 || (ip.P == 0 && ip.O == 0) || len(graphs) < 2
	oneGraph := len(graphs) < 2 // so quads are triples and counts exact
	if !adjacent && ip.P != 0 {
		// A predicate that one graph alone uses cannot repeat a triple
		// (the counters per graph answer this without a scan).
		n, err := graphsWith(v, graphs, ip.P)
		if err != nil {
			return page, err
		}
		adjacent, oneGraph = n < 2, oneGraph || n < 2
	}
	var prev graph.IDQuad
	first := true
	seen := 0 // distinct triples passed so far
	ended := true
	for q, err := range v.MatchIDs(ip) {
		if err != nil {
			return page, err
		}
		if !first && q.S == prev.S && q.P == prev.P && q.O == prev.O {
			continue
		}
		first, prev = false, q
		if !adjacent {
			canonical, err := firstGraph(v, q)
			if err != nil {
				return page, err
			}
			if !canonical {
				continue
			}
		}
		if seen >= offset+limit {
			ended = false
			break
		}
		if seen >= offset {
			t, err := v.ResolveQuad(q)
			if err != nil {
				return page, err
			}
			page.Triples = append(page.Triples, graph.Triple{S: t.S, P: t.P, O: t.O})
		}
		seen++
	}
	page.More = !ended
	if ended {
		page.Total, page.Exact = int64(seen), true
		return page, nil
	}
	n, err := v.CountIDs(ip)
	if err != nil {
		return page, err
	}
	page.Total = max(n, int64(seen))
	page.Exact = oneGraph
	return page, nil
}

// firstGraph reports whether q is in the first graph, in the subject
// index's order, that holds q's triple.
func firstGraph(v *graph.View, q graph.IDQuad) (bool, error) {
	for f, err := range v.MatchIDs(graph.IDPattern{S: q.S, P: q.P, O: q.O}) {
		if err != nil {
			return false, err
		}
		return f.G == q.G, nil
	}
	return false, nil
}

// graphsWith counts the graphs among graphs that hold quads with
// predicate p, stopping at two.
func graphsWith(v *graph.View, graphs []graph.Term, p graph.ID) (int, error) {
	n := 0
	for _, g := range graphs {
		pat := graph.IDPattern{P: p, DefaultGraph: g.IsZero()}
		if !g.IsZero() {
			id, err := v.Lookup(g)
			if err != nil {
				return 0, err
			}
			pat.G = id
		}
		c, err := v.CountIDs(pat)
		if err != nil {
			return 0, err
		}
		if c > 0 {
			if n++; n == 2 {
				break
			}
		}
	}
	return n, nil
}
