package bib

import (
	"slices"

	"civicgraph/graph"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

// LinkStats counts what a [Linker] found in its [Index]: the distinct works,
// persons and organisations of the entries it linked that the index
// already held, whether or not the IRI minted for them was already the
// one in the index.
type LinkStats struct {
	References    int
	Persons       int
	Organizations int
}

// Add adds the counts of o to s.
func (s *LinkStats) Add(o LinkStats) {
	s.References += o.References
	s.Persons += o.Persons
	s.Organizations += o.Organizations
}

// Linker rewrites the quads of the entries of one input so that they use
// the IRIs of the works, persons and organisations an [Index] holds:
//
//   - a work whose [Key] is that of a Reference in the index (the same
//     DOI; or, when either lacks a DOI, the same normalised title, year
//     and first author) takes the Reference's IRI, and so do its author
//     and editor lists ({work}#authors, {work}#editors). Two works of one
//     input never take the same Reference: the second keeps its own IRI.
//   - a person takes the IRI of the one person of the index with the same
//     normalised family name whose given names are compatible (see the
//     package documentation, Deduplication): "Smith, J." and "Smith, John"
//     are one person, "Smith, John" and "Smith, Jane" are two, and
//     "Smith, J." with both in the index is neither.
//   - an organisation (a corporate author, a publisher) takes the IRI of
//     the one organisation with the same normalised name, or else with it
//     as another name (skos:altLabel).
//
// A person or organisation so linked, or whose minted IRI the index
// already describes, is described with the names the index gives it
// (foaf:familyName, foaf:givenName, foaf:name; rdfs:label, foaf:name), one
// value of each, instead of the entry's, so that it keeps one name across
// sources; the entry's spelling, when it differs, is kept as foaf:nick (a
// person) or skos:altLabel (an organisation). A work keeps the entry's
// description: each source says what it says of the work.
//
// A Linker remembers its choices, so that an entry repeated in the input
// (see [Entry.DuplicateOf]) links as the first did. It is used by one
// goroutine at a time.
type Linker struct {
	ix   *Index
	base string

	refs   map[string]string // minted reference IRI → IRI used
	agents map[string]string // minted person or organisation IRI → linked IRI, "" for none
	taken  map[string]bool   // references of the index a work of the input has taken
	stats  LinkStats
	seen   *Index // the linked quads, for a later input's index
}

// NewLinker returns a Linker to ix of the entries whose quads
// [citation.Citation.Quads] minted under base. A nil ix links nothing.
func NewLinker(ix *Index, base string) *Linker {
	return &Linker{ix: ix, base: base, refs: map[string]string{}, agents: map[string]string{},
		taken: map[string]bool{}, seen: NewIndex()}
}

// Stats returns the counts of what the Linker has found so far.
func (l *Linker) Stats() LinkStats { return l.stats }

// Linked returns an Index of what the linked entries say (their quads as
// Link returned them), for the linking of a later input.
func (l *Linker) Linked() *Index { return l.seen }

// Link rewrites quads, the quads of citation c as [citation.Citation.Quads]
// minted them under the Linker's base (or those [Reader.Next] returns for
// it), to use the IRIs of the Index, and returns them. It rewrites the
// slice in place.
func (l *Linker) Link(c citation.Citation, quads []graph.Quad) []graph.Quad {
	if l.ix == nil {
		l.seen.Add(quads)
		return quads
	}
	rename := map[string]string{}
	var linked []string // agents described with the index's names
	agent := func(p citation.Person) {
		person := !p.IsOrganization()
		kind := schema.KindActor
		if person {
			kind = schema.KindPerson
		}
		minted := schema.EntityIRI(l.base, kind, p.Slug())
		to, done := l.agents[minted]
		if !done {
			switch {
			case person:
				to = l.ix.findPerson(p.Family, p.Given)
			default:
				to = l.ix.findOrg(p.Family)
			}
			if to == "" && l.ix.knows(minted, person) {
				to = minted
			}
			l.agents[minted] = to
			switch {
			case to == "":
			case person:
				l.stats.Persons++
			default:
				l.stats.Organizations++
			}
		}
		if to == "" {
			return
		}
		if to != minted {
			rename[minted] = to
		}
		if !slices.Contains(linked, to) {
			linked = append(linked, to)
		}
	}
	for _, ps := range [][]citation.Person{c.Authors, c.Editors, c.ContainerEditors} {
		for _, p := range ps {
			agent(p)
		}
	}
	for _, name := range c.Publishers {
		agent(citation.Person{Family: name})
	}

	minted := schema.EntityIRI(l.base, schema.KindReference, c.Slug())
	ref, done := l.refs[minted]
	if !done {
		ref = l.reference(c, minted)
		l.refs[minted] = ref
	}
	if ref != minted {
		rename[minted] = ref
		rename[minted+"#authors"] = ref + "#authors"
		rename[minted+"#editors"] = ref + "#editors"
	}

	iri := func(t graph.Term) graph.Term {
		if t.Kind == graph.KindIRI {
			if to, ok := rename[t.Value]; ok {
				t.Value = to
			}
		}
		return t
	}
	out := quads[:0]
	described := map[string]graph.Term{} // linked agent → graph of its description
	spelled := map[string]graph.Term{}   // linked agent → the entry's full name of it
	for _, q := range quads {
		q.S, q.O = iri(q.S), iri(q.O)
		if q.S.Kind == graph.KindIRI && slices.Contains(linked, q.S.Value) && isNamePredicate(q.P.Value) {
			described[q.S.Value] = q.G
			if q.P.Value == schema.FOAFName || q.P.Value == schema.RDFSLabel {
				spelled[q.S.Value] = q.O
			}
			continue
		}
		out = append(out, q)
	}
	for _, a := range linked {
		if g, ok := described[a]; ok {
			out = append(out, l.names(a, g)...)
			if alt, ok := l.variant(a, spelled[a]); ok {
				out = append(out, graph.Quad{S: graph.IRI(a), P: graph.IRI(alt), O: spelled[a], G: g})
			}
		}
	}
	l.seen.Add(out)
	return out
}

// reference returns the IRI the work of c, minted as minted, takes: the
// Reference of the index it is, if one is and no other work of the input
// has taken it, and otherwise minted.
func (l *Linker) reference(c citation.Citation, minted string) string {
	doi := ""
	if c.DOI != "" {
		doi, _ = normDOI(c.DOI)
	}
	// The first author's family name, and the names the index gives the
	// agent the first author is linked to (an organisation cited by an
	// alias is keyed by its name).
	families := []string{firstFamily(c)}
	var first []citation.Person
	switch {
	case len(c.Authors) > 0:
		first = c.Authors[:1]
	case len(c.Editors) > 0:
		first = c.Editors[:1]
	}
	for _, p := range first {
		kind := schema.KindActor
		if !p.IsOrganization() {
			kind = schema.KindPerson
		}
		if to := l.agents[schema.EntityIRI(l.base, kind, p.Slug())]; to != "" {
			families = append(families, l.ix.familyNames(to)...)
		}
	}
	var keys []string
	for _, f := range families {
		if k := titleKeyOf(c.Title, c.Year, f); k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	cands := l.ix.findReference(doi, keys)
	if len(cands) == 0 {
		if l.ix.is(minted, schema.ClassReference) {
			// Another work under the same IRI (see the Caveats): no
			// work of the input is to join them.
			l.taken[minted] = true
		}
		return minted
	}
	to := ""
	if slices.Contains(cands, minted) {
		to = minted
	} else {
		for _, cand := range cands {
			if !l.taken[cand] {
				to = cand
				break
			}
		}
	}
	if to == "" || l.taken[to] {
		return minted
	}
	l.taken[to] = true
	l.stats.References++
	return to
}

// variant reports whether name, an entry's full name of linked agent a, is
// a spelling the index does not give it, and the predicate that keeps it:
// foaf:nick for a person, skos:altLabel for an organisation.
func (l *Linker) variant(a string, name graph.Term) (string, bool) {
	if name.IsZero() {
		return "", false
	}
	alt, own := schema.SKOSAltLabel, [][]graph.Term{l.ix.terms(a, schema.RDFSLabel), l.ix.terms(a, schema.FOAFName)}
	if l.ix.is(a, schema.ClassPerson) {
		alt, own = foafNick, [][]graph.Term{l.ix.terms(a, schema.FOAFName)}
	}
	own = append(own, l.ix.terms(a, alt))
	for _, ts := range own {
		for _, t := range ts {
			if t.Value == name.Value {
				return "", false
			}
		}
	}
	return alt, true
}

// isNamePredicate reports whether p names a person or an organisation.
func isNamePredicate(p string) bool {
	switch p {
	case schema.FOAFName, schema.FOAFFamilyName, schema.FOAFGivenName, schema.RDFSLabel:
		return true
	}
	return false
}

// names returns the quads, in graph g, that name agent a as the index
// names it: one value of each naming predicate, the first in order.
func (l *Linker) names(a string, g graph.Term) []graph.Quad {
	var out []graph.Quad
	add := func(p string, vs ...[]graph.Term) {
		for _, v := range vs {
			if len(v) > 0 {
				out = append(out, graph.Quad{S: graph.IRI(a), P: graph.IRI(p), O: v[0], G: g})
				return
			}
		}
	}
	if l.ix.is(a, schema.ClassPerson) {
		add(schema.FOAFFamilyName, l.ix.terms(a, schema.FOAFFamilyName))
		add(schema.FOAFGivenName, l.ix.terms(a, schema.FOAFGivenName))
		add(schema.FOAFName, l.ix.terms(a, schema.FOAFName))
		return out
	}
	label, name := l.ix.terms(a, schema.RDFSLabel), l.ix.terms(a, schema.FOAFName)
	add(schema.RDFSLabel, label, name)
	add(schema.FOAFName, name, label)
	return out
}
