package queries

import (
	"slices"

	"civicgraph/graph"
	"civicgraph/schema"
)

// labelPredicates are the predicates whose values name an entity, added to
// a description for every entity it links to (see [Describe]).
var labelPredicates = []string{schema.RDFSLabel, schema.SKOSPrefLabel, schema.FOAFName, schema.DCTermsTitle}

// Exists reports whether the store says anything about t: whether t is the
// subject of a quad in any graph.
func Exists(v *graph.View, t graph.Term) (bool, error) {
	id, err := v.Lookup(t)
	if err != nil || id == 0 {
		return false, err
	}
	for _, err := range v.MatchIDs(graph.IDPattern{S: id}) {
		if err != nil {
			return false, err
		}
		return true, nil
	}
	return false, nil
}

// Describe returns the Concise Bounded Description of t
// (https://www.w3.org/submission/CBD/): every triple with subject t, in any
// graph, and, recursively, every triple whose subject is a blank node
// object of a triple already in the description. To it are added the
// labels (rdfs:label, skos:prefLabel, foaf:name, dcterms:title) of every
// IRI the description links to, so that a client can show the links
// without dereferencing each. Graph names are dropped; a triple held by
// several graphs is given once. The triples are sorted by subject
// (t first), predicate and object. A t the store says nothing about
// gives no triples. Reifications of the description's statements are not
// included.
func Describe(v *graph.View, t graph.Term) ([]graph.Triple, error) {
	var out []graph.Triple
	seen := map[graph.Triple]bool{}
	add := func(tr graph.Triple) {
		if !seen[tr] {
			seen[tr] = true
			out = append(out, tr)
		}
	}
	done := map[graph.Term]bool{}
	queue := []graph.Term{t}
	linked := map[graph.Term]bool{}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		if done[s] {
			continue
		}
		done[s] = true
		for q, err := range v.Match(graph.Pattern{S: s}) {
			if err != nil {
				return nil, err
			}
			add(graph.Triple{S: q.S, P: q.P, O: q.O})
			switch q.O.Kind {
			case graph.KindBlank:
				queue = append(queue, q.O)
			case graph.KindIRI:
				if q.P.Value != graph.RDFType && q.O != t {
					linked[q.O] = true
				}
			}
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	for o := range linked {
		if done[o] {
			continue
		}
		for _, p := range labelPredicates {
			for q, err := range v.Match(graph.Pattern{S: o, P: graph.IRI(p)}) {
				if err != nil {
					return nil, err
				}
				add(graph.Triple{S: q.S, P: q.P, O: q.O})
			}
		}
	}
	slices.SortFunc(out, func(a, b graph.Triple) int {
		switch {
		case a.S == t && b.S != t:
			return -1
		case b.S == t && a.S != t:
			return 1
		}
		if c := graph.Compare(a.S, b.S); c != 0 {
			return c
		}
		if c := graph.Compare(a.P, b.P); c != 0 {
			return c
		}
		return graph.Compare(a.O, b.O)
	})
	return out, nil
}
