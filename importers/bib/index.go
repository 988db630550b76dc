package bib

import (
	"fmt"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Index is what a store already holds of bibliographies, as
// [citation.Citation.Quads] writes them: its References by [Key], its
// persons by name and its organisations (cg:Actor, foaf:Organization) by
// name, with the names it gives them. A [Linker] looks entries up in it so
// that an import reuses the IRIs of the works, people and organisations
// the store already has instead of minting second ones.
//
// An Index is built from quads ([ReadIndex] reads them from a store,
// [Index.Add] takes more) and looked up by one goroutine at a time.
type Index struct {
	facts map[string]map[string][]graph.Term // subject IRI → predicate IRI → values, in compareTerms order
	built bool                               // the maps below are up to date with facts

	refsByDOI   map[string][]string     // normalised DOI → reference IRIs
	refsByTitle map[string][]titleEntry // titleKeyOf → references
	persons     map[string][]personEntry
	orgs        map[string][]orgEntry
}

// titleEntry is a reference found by its title, year and first author.
type titleEntry struct {
	iri    string
	hasDOI bool
}

// personEntry is a person the store holds under one normalised family
// name, with the given names it gives them, each normalised and split into
// names and initials.
type personEntry struct {
	iri   string
	given [][]string
}

// orgEntry is an organisation found by one of its names; alt says the name
// is another name (skos:altLabel), not its name.
type orgEntry struct {
	iri string
	alt bool
}

// indexedPredicates are the predicates an Index reads; rdf:type only with
// the classes in indexedClasses. It is a read-only table.
var indexedPredicates = map[string]bool{
	schema.RDFType: true, schema.BIBODOI: true, schema.DCTermsTitle: true, schema.PropYearLabel: true,
	schema.DCTermsIssued: true, schema.BIBOAuthorList: true, schema.BIBOEditorList: true, rdfFirst: true,
	schema.FOAFFamilyName: true, schema.FOAFGivenName: true, schema.FOAFName: true, schema.RDFSLabel: true,
	schema.SKOSAltLabel: true,
}

// indexedClasses are the classes an Index tells apart. It is a read-only
// table.
var indexedClasses = map[string]bool{
	schema.ClassReference: true, schema.BIBOChapter: true, schema.ClassPaper: true,
	schema.ClassPerson: true, schema.ClassActor: true, schema.FOAFOrganization: true,
}

// rdfFirst is rdf:_1, the first member of an rdf:Seq.
const rdfFirst = schema.NSRDF + "_1"

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{facts: map[string]map[string][]graph.Term{}}
}

// Add adds what quads say of References, persons and organisations to the
// index, whatever their graph. Quads of other predicates, and quads whose
// subject is not an IRI, are ignored.
func (ix *Index) Add(quads []graph.Quad) {
	for _, q := range quads {
		ix.add(q.S, q.P, q.O)
	}
}

func (ix *Index) add(s, p, o graph.Term) {
	if s.Kind != graph.KindIRI || !indexedPredicates[p.Value] || p.Value == schema.RDFType && !indexedClasses[o.Value] {
		return
	}
	m := ix.facts[s.Value]
	if m == nil {
		m = map[string][]graph.Term{}
		ix.facts[s.Value] = m
	}
	vs := m[p.Value]
	i, found := slices.BinarySearchFunc(vs, o, compareTerms)
	if !found {
		m[p.Value] = slices.Insert(vs, i, o)
		ix.built = false
	}
}

// compareTerms orders terms by value, then language, datatype and kind.
func compareTerms(a, b graph.Term) int {
	if c := strings.Compare(a.Value, b.Value); c != 0 {
		return c
	}
	if c := strings.Compare(a.Lang, b.Lang); c != 0 {
		return c
	}
	if c := strings.Compare(a.Datatype, b.Datatype); c != 0 {
		return c
	}
	return int(a.Kind) - int(b.Kind)
}

// ReadIndex reads into an Index the References, persons and organisations
// the store holds, leaving out the quads of graph skip: the graph an
// import is about to replace, whose content is about to go. The zero Term
// leaves out nothing.
//
// It reads every subject typed cg:Reference, foaf:Person, cg:Actor or
// foaf:Organization once, and the first member of each author and editor
// list.
func ReadIndex(v *graph.View, skip graph.Term) (*Index, error) {
	ix := NewIndex()
	var skipID graph.ID
	if !skip.IsZero() {
		id, err := v.Lookup(skip)
		if err != nil {
			return nil, fmt.Errorf("bib: read index: %w", err)
		}
		if id == 0 {
			skip = graph.Term{} // the store has never seen it: nothing to leave out
		}
		skipID = id
	}
	kept := func(q graph.IDQuad) bool { return skip.IsZero() || q.G != skipID }
	typeID, err := v.Lookup(graph.IRI(schema.RDFType))
	if err != nil || typeID == 0 {
		return ix, wrapIndexErr(err)
	}
	// The subjects of the classes, in the order of the classes, each once.
	var subjects []graph.ID
	seen := map[graph.ID]bool{}
	for _, class := range []string{schema.ClassReference, schema.ClassPerson, schema.ClassActor, schema.FOAFOrganization} {
		cid, err := v.Lookup(graph.IRI(class))
		if err != nil {
			return nil, wrapIndexErr(err)
		}
		if cid == 0 {
			continue
		}
		for q, err := range v.MatchIDs(graph.IDPattern{P: typeID, O: cid}) {
			if err != nil {
				return nil, wrapIndexErr(err)
			}
			if kept(q) && !seen[q.S] {
				seen[q.S] = true
				subjects = append(subjects, q.S)
			}
		}
	}
	// The ids of the predicates read, and of the lists' predicates.
	preds := map[graph.ID]string{}
	for p := range indexedPredicates {
		id, err := v.Lookup(graph.IRI(p))
		if err != nil {
			return nil, wrapIndexErr(err)
		}
		if id != 0 {
			preds[id] = p
		}
	}
	var lists []graph.ID
	addAll := func(p graph.IDPattern) error {
		for q, err := range v.MatchIDs(p) {
			if err != nil {
				return err
			}
			pred, ok := preds[q.P]
			if !ok || !kept(q) {
				continue
			}
			t, err := v.ResolveQuad(q)
			if err != nil {
				return err
			}
			ix.add(t.S, t.P, t.O)
			if (pred == schema.BIBOAuthorList || pred == schema.BIBOEditorList) && t.O.Kind == graph.KindIRI {
				lists = append(lists, q.O)
			}
		}
		return nil
	}
	for _, s := range subjects {
		if err := addAll(graph.IDPattern{S: s}); err != nil {
			return nil, wrapIndexErr(err)
		}
	}
	firstID, err := v.Lookup(graph.IRI(rdfFirst))
	if err != nil {
		return nil, wrapIndexErr(err)
	}
	if firstID != 0 {
		for _, l := range lists {
			if err := addAll(graph.IDPattern{S: l, P: firstID}); err != nil {
				return nil, wrapIndexErr(err)
			}
		}
	}
	return ix, nil
}

func wrapIndexErr(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("bib: read index: %w", err)
}

// terms returns the values of predicate p of subject s, in order.
func (ix *Index) terms(s, p string) []graph.Term { return ix.facts[s][p] }

// values returns the lexical values of predicate p of subject s, in
// order.
func (ix *Index) values(s, p string) []string {
	ts := ix.facts[s][p]
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if len(out) == 0 || out[len(out)-1] != t.Value {
			out = append(out, t.Value)
		}
	}
	return out
}

// is reports whether s is typed class.
func (ix *Index) is(s, class string) bool {
	return slices.ContainsFunc(ix.terms(s, schema.RDFType), func(t graph.Term) bool { return t.Value == class })
}

// isOrg reports whether s is an organisation.
func (ix *Index) isOrg(s string) bool {
	return ix.is(s, schema.ClassActor) || ix.is(s, schema.FOAFOrganization)
}

// build computes the lookup maps from the facts.
func (ix *Index) build() {
	if ix.built {
		return
	}
	ix.built = true
	ix.refsByDOI = map[string][]string{}
	ix.refsByTitle = map[string][]titleEntry{}
	ix.persons = map[string][]personEntry{}
	ix.orgs = map[string][]orgEntry{}
	subjects := make([]string, 0, len(ix.facts))
	for s := range ix.facts {
		subjects = append(subjects, s)
	}
	slices.Sort(subjects) // candidates in IRI order, whatever the map's
	for _, s := range subjects {
		switch {
		case ix.is(s, schema.ClassReference):
			ix.buildReference(s)
		case ix.is(s, schema.ClassPerson):
			ix.buildPerson(s)
		case ix.isOrg(s):
			ix.buildOrg(s)
		}
	}
}

func (ix *Index) buildReference(s string) {
	var hasDOI bool
	for _, d := range ix.values(s, schema.BIBODOI) {
		if n, _ := normDOI(d); n != "" {
			ix.refsByDOI[n] = append(ix.refsByDOI[n], s)
			hasDOI = true
		}
	}
	years := ix.values(s, schema.PropYearLabel)
	if len(years) == 0 {
		years = ix.values(s, schema.DCTermsIssued)
	}
	if len(years) == 0 {
		years = []string{""}
	}
	// The first author, or else the first editor of the work itself (the
	// editors of a chapter or paper are those of its container, which Key
	// leaves out).
	families := ix.firstFamilies(s, schema.BIBOAuthorList)
	if len(families) == 0 && !ix.is(s, schema.BIBOChapter) && !ix.is(s, schema.ClassPaper) {
		families = ix.firstFamilies(s, schema.BIBOEditorList)
	}
	if len(families) == 0 {
		families = []string{""}
	}
	seen := map[string]bool{}
	for _, t := range ix.values(s, schema.DCTermsTitle) {
		for _, y := range years {
			for _, f := range families {
				if k := titleKeyOf(t, y, f); k != "" && !seen[k] {
					seen[k] = true
					ix.refsByTitle[k] = append(ix.refsByTitle[k], titleEntry{iri: s, hasDOI: hasDOI})
				}
			}
		}
	}
}

// firstFamilies returns the family names of the first members of the
// lists of reference s under predicate list: the family name of a person,
// the names of an organisation.
func (ix *Index) firstFamilies(s, list string) []string {
	var out []string
	for _, seq := range ix.values(s, list) {
		for _, a := range ix.values(seq, rdfFirst) {
			out = append(out, ix.familyNames(a)...)
		}
	}
	return out
}

// familyNames returns what Key takes as the family name of agent a: a
// person's family names, an organisation's names.
func (ix *Index) familyNames(a string) []string {
	if ix.is(a, schema.ClassPerson) {
		return ix.values(a, schema.FOAFFamilyName)
	}
	return append(slices.Clone(ix.values(a, schema.RDFSLabel)), ix.values(a, schema.FOAFName)...)
}

func (ix *Index) buildPerson(s string) {
	var given [][]string
	for _, g := range ix.values(s, schema.FOAFGivenName) {
		given = append(given, nameParts(g))
	}
	seen := map[string]bool{}
	for _, f := range ix.values(s, schema.FOAFFamilyName) {
		if n := normalise(f); n != "" && !seen[n] {
			seen[n] = true
			ix.persons[n] = append(ix.persons[n], personEntry{iri: s, given: given})
		}
	}
}

func (ix *Index) buildOrg(s string) {
	seen := map[string]bool{}
	for _, p := range []string{schema.RDFSLabel, schema.FOAFName, schema.SKOSAltLabel} {
		for _, name := range ix.values(s, p) {
			if n := normalise(name); n != "" && !seen[n] {
				seen[n] = true
				ix.orgs[n] = append(ix.orgs[n], orgEntry{iri: s, alt: p == schema.SKOSAltLabel})
			}
		}
	}
}

// nameParts splits given names, normalised, into names and initials:
// "J.-P." → ["j" "p"], "José María" → ["jose" "maria"].
func nameParts(given string) []string { return strings.Fields(normalise(given)) }

// compatibleGiven reports whether two persons' given names can be one
// person's: compared in order, as far as the shorter goes, two names must
// be the same, and an initial must be the first letter of the other name
// or initial. "J." and "John R." agree, "John" and "Jane" do not; so do
// not "John" and an empty given name.
func compatibleGiven(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		if isInitial(x) || isInitial(y) {
			if firstRune(x) != firstRune(y) {
				return false
			}
		} else if x != y {
			return false
		}
	}
	return true
}

func isInitial(s string) bool { return len([]rune(s)) == 1 }

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// findReference returns the References of the index that a work with DOI,
// or else with the title keys, is: by DOI when it has one the index knows,
// and otherwise by title, year and first author, among those that have no
// DOI when it has one (two DOIs are two works). They are in IRI order.
func (ix *Index) findReference(doi string, titleKeys []string) []string {
	ix.build()
	if doi != "" {
		if refs := ix.refsByDOI[doi]; len(refs) > 0 {
			return refs
		}
	}
	var out []string
	for _, k := range titleKeys {
		for _, e := range ix.refsByTitle[k] {
			if (doi == "" || !e.hasDOI) && !slices.Contains(out, e.iri) {
				out = append(out, e.iri)
			}
		}
	}
	slices.Sort(out)
	return out
}

// findPerson returns the person of the index with the family name and
// given names, or "": one whose family name is the same once normalised
// and whose every given name is compatible (see compatibleGiven). When more
// than one is, the one whose given name is the same once normalised; when
// that does not settle it, none, since they may be different people.
func (ix *Index) findPerson(family, given string) string {
	ix.build()
	parts := nameParts(given)
	var fit, exact []string
	for _, p := range ix.persons[normalise(family)] {
		ok, same := true, false
		for _, g := range p.given {
			ok = ok && compatibleGiven(parts, g)
			same = same || slices.Equal(parts, g)
		}
		if !ok || len(p.given) == 0 && len(parts) > 0 || slices.Contains(fit, p.iri) {
			continue
		}
		fit = append(fit, p.iri)
		if same {
			exact = append(exact, p.iri)
		}
	}
	switch {
	case len(fit) == 1:
		return fit[0]
	case len(exact) == 1:
		return exact[0]
	}
	return ""
}

// findOrg returns the organisation of the index with name, or "": one
// with the name (rdfs:label or foaf:name) the same once normalised, or else
// one with it as another name (skos:altLabel); none when two are.
func (ix *Index) findOrg(name string) string {
	ix.build()
	var byName, byAlt []string
	for _, o := range ix.orgs[normalise(name)] {
		if o.alt {
			byAlt = append(byAlt, o.iri)
		} else {
			byName = append(byName, o.iri)
		}
	}
	switch {
	case len(byName) == 1:
		return byName[0]
	case len(byName) == 0 && len(byAlt) == 1:
		return byAlt[0]
	}
	return ""
}

// knows reports whether the index describes s as a thing of the kind
// given: a person when person, else an organisation.
func (ix *Index) knows(s string, person bool) bool {
	if person {
		return ix.is(s, schema.ClassPerson) && len(ix.values(s, schema.FOAFFamilyName)) > 0
	}
	return ix.isOrg(s) && len(ix.values(s, schema.RDFSLabel))+len(ix.values(s, schema.FOAFName)) > 0
}

// Merge adds the facts of o to the index.
func (ix *Index) Merge(o *Index) {
	for s, m := range o.facts {
		for p, ts := range m {
			for _, t := range ts {
				ix.add(graph.IRI(s), graph.IRI(p), t)
			}
		}
	}
}
