package bib

import (
	"civicgraph/graph"
	"civicgraph/schema"
)

// foafNick is foaf:nick, which keeps the other spellings of a person's
// name.
const foafNick = schema.NSFOAF + "nick"

// variants keeps, for one input, the names first given to each person and
// organisation IRI. Spellings that differ only by diacritics, the case of a
// particle or a hyphen for a space (Iván and Ivan, di Noia and Di Noia,
// Labra Gayo and Labra-Gayo) give one slug, hence one IRI (see
// [citation.Person.Slug]): the first spelling names the agent, and each
// other full name is kept as foaf:nick (a person) or skos:altLabel (an
// organisation) instead of a second name, which the shapes refuse and
// which would make the agent two people.
type variants struct {
	first map[string]map[string]graph.Term // agent IRI → naming predicate → first value
	alt   map[[2]string]bool               // agent IRI, variant already kept
}

func newVariants() *variants {
	return &variants{first: map[string]map[string]graph.Term{}, alt: map[[2]string]bool{}}
}

// fold rewrites the quads of one entry: a name of an agent that differs
// from the first one the input gave becomes a variant (the full name) or
// is dropped (its family and given names, which the variant holds). It
// rewrites the slice in place.
func (v *variants) fold(quads []graph.Quad) []graph.Quad {
	out := quads[:0]
	var extra []graph.Quad
	for _, q := range quads {
		if q.S.Kind != graph.KindIRI || !isNamePredicate(q.P.Value) {
			out = append(out, q)
			continue
		}
		names := v.first[q.S.Value]
		if names == nil {
			names = map[string]graph.Term{}
			v.first[q.S.Value] = names
		}
		first, ok := names[q.P.Value]
		if !ok {
			names[q.P.Value] = q.O
			out = append(out, q)
			continue
		}
		if first == q.O {
			out = append(out, q)
			continue
		}
		alt := ""
		switch q.P.Value {
		case schema.FOAFName:
			if _, person := names[schema.FOAFFamilyName]; person {
				alt = foafNick
			}
		case schema.RDFSLabel:
			alt = schema.SKOSAltLabel
		}
		if alt != "" && !v.alt[[2]string{q.S.Value, q.O.Value}] {
			v.alt[[2]string{q.S.Value, q.O.Value}] = true
			extra = append(extra, graph.Quad{S: q.S, P: graph.IRI(alt), O: q.O, G: q.G})
		}
	}
	return append(out, extra...)
}
