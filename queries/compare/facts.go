package compare

import (
	"fmt"
	"slices"

	"civicgraph/graph"
	"civicgraph/schema"
)

// scannedPredicates are the predicates whose every quad the summary reads.
var scannedPredicates = []string{
	schema.SKOSInScheme, schema.SKOSNotation, schema.PropOrder, schema.SKOSPrefLabel, schema.SKOSBroader,
	schema.PropBuyer, schema.DCTermsDate, schema.SchemaStartDate, schema.DCTermsDateSubmitted,
	schema.PropTenderPeriodStart, schema.PropContractSigned, schema.PropRegisterEntry,
	schema.PropImpactAssessment, schema.PropLegalBasis, schema.PropPublicParticipation,
	schema.DCTermsReferences, schema.PropNotStated, schema.PropOwner, schema.PropProcurement,
	schema.PropMission, schema.PropActor, schema.PropStage, schema.PropInfluenceLevel,
	schema.PropMechanism, schema.PropSector, schema.PropInstitutionalisation, schema.PropDemocraticFunction,
}

// countedClasses are the classes whose instances the summary reads.
var countedClasses = []string{schema.ClassAdministration, schema.ClassProcurement, schema.ClassEngagement}

// pair is a quad's subject and object; its predicate and graph are where
// the pair is kept.
type pair struct{ s, o graph.ID }

// graphFacts are the quads of one graph, in one state, that the summary
// reads: the (subject, object) pairs of each scanned predicate and the
// instances of each counted class. They depend on nothing but the
// graph's quads, so the Engine keeps them across writes to other graphs
// and reads again only the graphs a write changed.
type graphFacts struct {
	state graph.GraphState
	pairs map[graph.ID][]pair     // by predicate id
	types map[graph.ID][]graph.ID // by class id
}

// readFacts reads graph g's facts (g is 0 for the default graph).
func readFacts(v *graph.View, p pids, g graph.ID, st graph.GraphState) (*graphFacts, error) {
	f := &graphFacts{state: st, pairs: map[graph.ID][]pair{}, types: map[graph.ID][]graph.ID{}}
	for _, pred := range scannedPredicates {
		id := p[pred]
		if id == 0 {
			continue
		}
		pat := graph.IDPattern{P: id, G: g, DefaultGraph: g == 0}
		n, err := v.CountIDs(pat) // a counter: sizes the column
		if err != nil {
			return nil, fmt.Errorf("compare: count %s: %w", pred, err)
		}
		if n == 0 {
			continue
		}
		ps := make([]pair, 0, n)
		for q, err := range v.MatchIDs(pat) {
			if err != nil {
				return nil, fmt.Errorf("compare: scan %s: %w", pred, err)
			}
			ps = append(ps, pair{q.S, q.O})
		}
		if len(ps) > 0 {
			f.pairs[id] = slices.Clip(ps)
		}
	}
	if p[schema.RDFType] == 0 {
		return f, nil
	}
	for _, class := range countedClasses {
		id := p[class]
		if id == 0 {
			continue
		}
		pat := graph.IDPattern{P: p[schema.RDFType], O: id, G: g, DefaultGraph: g == 0}
		n, err := v.CountIDs(pat)
		if err != nil {
			return nil, fmt.Errorf("compare: count instances of %s: %w", class, err)
		}
		if n == 0 {
			continue
		}
		ss := make([]graph.ID, 0, n)
		for q, err := range v.MatchIDs(pat) {
			if err != nil {
				return nil, fmt.Errorf("compare: scan instances of %s: %w", class, err)
			}
			ss = append(ss, q.S)
		}
		if len(ss) > 0 {
			f.types[id] = slices.Clip(ss)
		}
	}
	return f, nil
}

// factSet is the facts of every graph of one version of the store.
type factSet struct {
	p       pids
	graphs  []graph.ID // in id order
	byGraph map[graph.ID]*graphFacts
	// reread counts the graphs read from the store for this version; the
	// others came from the Engine's facts of an earlier version.
	reread int
}

// gatherFacts returns the facts of every graph v sees, reusing those of
// kept whose graph is in the same state.
func gatherFacts(v *graph.View, p pids, kept map[graph.ID]*graphFacts) (*factSet, error) {
	states, err := v.GraphStates()
	if err != nil {
		return nil, fmt.Errorf("compare: graph states: %w", err)
	}
	fs := &factSet{p: p, byGraph: make(map[graph.ID]*graphFacts, len(states))}
	for g, st := range states {
		f := kept[g]
		if f == nil || f.state != st {
			if f, err = readFacts(v, p, g, st); err != nil {
				return nil, err
			}
			fs.reread++
		}
		fs.byGraph[g] = f
		fs.graphs = append(fs.graphs, g)
	}
	slices.Sort(fs.graphs)
	return fs, nil
}

// scan calls fn for every quad with predicate pred.
func (fs *factSet) scan(pred string, fn func(q graph.IDQuad) error) error {
	id := fs.p[pred]
	if id == 0 {
		return nil
	}
	for _, g := range fs.graphs {
		for _, pr := range fs.byGraph[g].pairs[id] {
			if err := fn(graph.IDQuad{S: pr.s, P: id, O: pr.o, G: g}); err != nil {
				return err
			}
		}
	}
	return nil
}

// instances returns the sorted, distinct subjects typed with class and,
// when withGraphs is set, by position, the graphs each is typed in. The
// instances of each graph come sorted from its index: when one graph
// holds them all, they are taken as they are.
func (fs *factSet) instances(class string, withGraphs bool) ([]graph.ID, [][]graph.ID) {
	cid := fs.p[class]
	if cid == 0 {
		return nil, nil
	}
	var lists [][]graph.ID
	var from []graph.ID
	total := 0
	for _, g := range fs.graphs {
		if ss := fs.byGraph[g].types[cid]; len(ss) > 0 {
			lists, from = append(lists, ss), append(from, g)
			total += len(ss)
		}
	}
	var out []graph.ID
	switch len(lists) {
	case 0:
		return nil, nil
	case 1:
		out = slices.Clone(lists[0])
	default:
		out = make([]graph.ID, 0, total)
		for _, ss := range lists {
			out = append(out, ss...)
		}
		slices.Sort(out)
		out = slices.Compact(out)
	}
	if !withGraphs {
		return out, nil
	}
	pos := newPosIndex(out)
	graphs := make([][]graph.ID, len(out))
	first := make([]graph.ID, len(out))
	for k, ss := range lists {
		g := from[k]
		for _, s := range ss {
			i, _ := pos.get(s)
			if graphs[i] == nil {
				first[i] = g
				graphs[i] = first[i : i+1 : i+1]
			} else if !slices.Contains(graphs[i], g) {
				graphs[i] = append(graphs[i], g)
			}
		}
	}
	return out, graphs
}

// Sources says how many graphs the summary was built from, and how many
// of them its build read from the store: the others' facts were kept
// from the summary of an earlier version, their graphs unchanged since.
func (s *Summary) Sources() (graphs, reread int) { return s.graphs, s.reread }
