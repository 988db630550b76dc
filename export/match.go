package export

import (
	"iter"

	"civicgraph/graph"
)

// cacheSlots is the number of terms a resolver keeps: a power of two.
const cacheSlots = 1 << 14

// resolver turns term ids into terms, keeping the terms it resolved last
// in a direct-mapped cache of fixed size: predicates, classes, graph names,
// datatypes and the subject of a run of statements repeat on nearly every
// quad of a scan, so most are found here rather than in the dictionary.
type resolver struct {
	v     *graph.View
	ids   [cacheSlots]graph.ID
	terms [cacheSlots]graph.Term
}

func newResolver(v *graph.View) *resolver { return &resolver{v: v} }

func (r *resolver) term(id graph.ID) (graph.Term, error) {
	if id == 0 {
		return graph.Term{}, nil
	}
	slot := (id * 0x9E3779B97F4A7C15) >> (64 - 14)
	if r.ids[slot] == id {
		return r.terms[slot], nil
	}
	t, err := r.v.Resolve(id)
	if err != nil {
		return t, err
	}
	r.ids[slot], r.terms[slot] = id, t
	return t, nil
}

// match yields the quads matching p, like [graph.View.Match], resolving
// terms through the cache.
func (r *resolver) match(p graph.Pattern) iter.Seq2[graph.Quad, error] {
	return func(yield func(graph.Quad, error) bool) {
		ip, ok, err := r.v.ToIDs(p)
		if err != nil {
			yield(graph.Quad{}, err)
			return
		}
		if !ok {
			return
		}
		for iq, err := range r.v.MatchIDs(ip) {
			if err != nil {
				yield(graph.Quad{}, err)
				return
			}
			var q graph.Quad
			if q.S, err = r.term(iq.S); err == nil {
				if q.P, err = r.term(iq.P); err == nil {
					if q.O, err = r.term(iq.O); err == nil {
						q.G, err = r.term(iq.G)
					}
				}
			}
			if !yield(q, err) || err != nil {
				return
			}
		}
	}
}
