package queries

import (
	"slices"
	"strconv"

	"civicgraph/graph"
	"civicgraph/schema"
)

// DatasetDescription returns what the store says of itself as a VoID and
// DCAT description of dataset (an IRI the caller chooses): its size
// (void:triples counts the quads of all graphs, void:distinctSubjects the
// subjects, each once whatever the graphs that hold it), one void:classPartition per class
// with its instances, one void:propertyPartition per predicate with its
// quads, and one void:subset per named graph with its quads and distinct
// subjects. Each named graph comes with what the default graph says of
// it (its provenance: the activity that generated it, what that activity
// used and who ran it, what it was derived from, its title, licence and
// dates), followed two links deep; a graph with no dcterms:license says
// cg:notStated dcterms:license. The counts the import recorded
// (void:triples of a graph's provenance) are replaced by the live ones.
// The triples are in a fixed order, grouped by subject.
func DatasetDescription(v *graph.View, dataset graph.Term) ([]graph.Triple, error) {
	st, err := v.Stats()
	if err != nil {
		return nil, err
	}
	iri := graph.IRI
	integer := func(n int64) graph.Term { return graph.Literal(strconv.FormatInt(n, 10), schema.XSDInteger) }
	var out []graph.Triple
	seen := map[graph.Triple]bool{}
	add := func(s graph.Term, p string, o graph.Term) {
		t := graph.Triple{S: s, P: iri(p), O: o}
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	add(dataset, schema.RDFType, iri(schema.VOIDDataset))
	add(dataset, schema.RDFType, iri(schema.DCATDataset))
	add(dataset, schema.VOIDTriples, integer(st.Quads))
	subjects, err := v.DistinctSubjects()
	if err != nil {
		return nil, err
	}
	add(dataset, schema.VOIDDistinctSubjects, integer(subjects))
	add(dataset, schema.VOIDClasses, integer(int64(len(st.Classes))))
	add(dataset, schema.VOIDProperties, integer(int64(len(st.Predicates))))
	for i, c := range st.Classes {
		part := graph.Blank("class" + strconv.Itoa(i+1))
		add(dataset, schema.VOIDClassPartition, part)
		add(part, schema.VOIDClass, c.Term)
		add(part, schema.VOIDEntities, integer(c.Count))
	}
	for i, p := range st.Predicates {
		part := graph.Blank("property" + strconv.Itoa(i+1))
		add(dataset, schema.VOIDPropertyPartition, part)
		add(part, schema.VOIDProperty, p.Term)
		add(part, schema.VOIDTriples, integer(p.Count))
	}
	for _, g := range st.Graphs {
		if g.Graph.IsZero() || g.Graph.Kind != graph.KindIRI {
			continue
		}
		add(dataset, schema.VOIDSubset, g.Graph)
		add(g.Graph, schema.RDFType, iri(schema.VOIDDataset))
		add(g.Graph, schema.VOIDTriples, integer(g.Quads))
		add(g.Graph, schema.VOIDDistinctSubjects, integer(g.Subjects))
		licensed := false
		err := describeDefault(v, g.Graph, 2, map[graph.Term]bool{}, func(q graph.Quad) {
			if q.S == g.Graph && q.P.Value == schema.VOIDTriples {
				return
			}
			if q.S == g.Graph && q.P.Value == schema.DCTermsLicense {
				licensed = true
			}
			add(q.S, q.P.Value, q.O)
		})
		if err != nil {
			return nil, err
		}
		if !licensed {
			add(g.Graph, schema.PropNotStated, iri(schema.DCTermsLicense))
		}
	}
	return groupBySubject(out), nil
}

// groupBySubject orders ts by subject, subjects in the order they first
// come, keeping the order of each subject's triples.
func groupBySubject(ts []graph.Triple) []graph.Triple {
	first := map[graph.Term]int{}
	for _, t := range ts {
		if _, ok := first[t.S]; !ok {
			first[t.S] = len(first)
		}
	}
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b graph.Triple) int { return first[a.S] - first[b.S] })
	return out
}

// describeDefault passes to fn what the default graph says about t, then,
// depth more links deep, about the IRIs and blank nodes it points to
// (rdf:type's classes aside).
func describeDefault(v *graph.View, t graph.Term, depth int, done map[graph.Term]bool, fn func(graph.Quad)) error {
	if done[t] {
		return nil
	}
	done[t] = true
	var next []graph.Term
	for q, err := range v.Match(graph.Pattern{S: t, DefaultGraph: true}) {
		if err != nil {
			return err
		}
		fn(q)
		if q.P.Value != graph.RDFType && (q.O.Kind == graph.KindIRI || q.O.Kind == graph.KindBlank) {
			next = append(next, q.O)
		}
	}
	if depth == 0 {
		return nil
	}
	for _, o := range next {
		if err := describeDefault(v, o, depth-1, done, fn); err != nil {
			return err
		}
	}
	return nil
}
