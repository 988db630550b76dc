package compare

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Engine keeps the summary of the latest version of the store that a
// comparison asked for. It is safe for concurrent use.
type Engine struct {
	mu  sync.Mutex // guards sum, facts and building
	sum *Summary
	// content is what the store held when sum was built.
	content graph.Content
	// facts are the facts of each graph of the latest summary built: the
	// next build reads again only the graphs whose state has changed.
	facts map[graph.ID]*graphFacts
	// years holds the year of each date literal met so far: a term id
	// names the same term for the store's life.
	years map[graph.ID]int16
}

// NewEngine returns an Engine with no summary yet.
func NewEngine() *Engine { return &Engine{} }

// Summary returns the summary of the content of the store that v sees,
// building it from v when the one kept is of other content. Concurrent
// callers with the same content wait for one build.
func (e *Engine) Summary(ctx context.Context, v *graph.View) (*Summary, error) {
	content, err := v.Content()
	if err != nil {
		return nil, err
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.sum != nil && e.content == content {
		return e.sum, nil
	}
	if e.years == nil {
		e.years = map[graph.ID]int16{}
	}
	s, fs, err := build(ctx, v, e.facts, e.years)
	if err != nil {
		return nil, err
	}
	e.sum, e.facts, e.content = s, fs.byGraph, content
	return s, nil
}

// Signals are the transparency signals of a procurement, in the order of
// the bits of Summary's signal columns.
const (
	sigRegisterEntry = iota
	sigImpactAssessment
	sigLegalBasis
	sigPublicConsultation
	sigDocuments
	nSignals
)

// signalPreds are the predicates of the signals; boolean ones count as
// "yes" only with the value true.
var signalPreds = [nSignals]struct {
	pred    string
	boolean bool
}{
	{schema.PropRegisterEntry, false},
	{schema.PropImpactAssessment, true},
	{schema.PropLegalBasis, false},
	{schema.PropPublicParticipation, true},
	{schema.DCTermsReferences, false},
}

// concept is a concept of one of the schemes the summary reads.
type concept struct {
	id    graph.ID
	term  graph.Term
	code  string
	label string // English preferred label, else the code
	order int
}

// scheme is an ordered list of concepts (by cg:order, then code).
type scheme struct {
	name     string
	concepts []concept
	pos      map[graph.ID]int
}

func (s *scheme) index(id graph.ID) int {
	if i, ok := s.pos[id]; ok {
		return i
	}
	return -1
}

// Summary is the columnar summary of one content of the store. It is
// immutable once built and safe for concurrent use.
type Summary struct {
	// graphs counts the graphs the summary was built from, and reread
	// those it read from the store (the others' facts were kept from the
	// summary before).
	graphs, reread int

	// Concept schemes, by name; lifecycle holds phases then stages.
	schemes   map[string]*scheme
	lifecycle *scheme
	phaseOf   []int8 // for each lifecycle concept, the index of its phase (itself for a phase), -1 when none
	isPhase   []bool
	sectors   *scheme
	influence *scheme
	degrees   *scheme
	functions *scheme
	involve   int // index in influence of "involve" (its order, 3, when absent)

	// Administrations, in IRI order.
	admins      []graph.Term
	adminIDs    []graph.ID
	adminPos    map[graph.ID]int32
	adminLabel  []string
	adminCC     []string                 // ISO country code, "" when none
	adminConcs  []map[string]graph.ID    // first concept of each scheme the administration has
	adminProcs  [][]int32                // procurements it buys
	adminEngs   [][]int32                // engagements attributed to it
	conceptByID map[graph.ID]*conceptRef // every concept of every scheme

	// Procurements.
	procIDs   []graph.ID
	procPos   posIndex
	procAdmin []int32 // buyer position, -1 when none
	procYear  []int16 // 0 when none
	procKnown []uint8 // bit per signal: known
	procYes   []uint8 // bit per signal: yes
	// procEng says whether the procurement's source records engagements:
	// some engagement points at a procurement of one of its graphs.
	procEng   []bool
	procGraph [][]graph.ID // by position, the graphs each procurement is typed in (during the build)

	// Engagements.
	engIDs    []graph.ID
	engAdmin  []int32 // -1 when unattributed
	engProc   []int32 // -1 when about a mission (or nothing)
	engActor  []int32 // index into actors, -1 when none
	engStage  []int8  // lifecycle index, -1 when none
	engInfl   []int8  // influence index, -1 when none
	engMech   []int32 // index into mechs, -1 when none
	engYear   []int16 // 0 when none
	unattrib  int
	actorIDs  []graph.ID
	actorSect []uint32 // bit per sector index
	mechIDs   []graph.ID
	mechDeg   []uint32 // bit per degree index
	mechFunc  []uint32 // bit per function index

	// adminAcc is what each administration's records give without filter
	// or window.
	adminAcc []*acc
	// works pools the scratch state of requests.
	works sync.Pool
}

// conceptRef says which scheme a concept is in and its place there.
type conceptRef struct {
	scheme string
	c      *concept
}

// pids are the predicate ids the build reads.
type pids map[string]graph.ID

func build(ctx context.Context, v *graph.View, kept map[graph.ID]*graphFacts, years map[graph.ID]int16) (*Summary, *factSet, error) {
	s := &Summary{schemes: map[string]*scheme{}, conceptByID: map[graph.ID]*conceptRef{}}
	p := pids{}
	for _, iri := range []string{schema.RDFType, schema.SKOSInScheme, schema.SKOSNotation, schema.SKOSPrefLabel,
		schema.SKOSBroader, schema.PropOrder, schema.RDFSLabel, schema.FOAFName, schema.PropCountry,
		schema.PropBuyer, schema.PropOwner, schema.PropActor, schema.PropProcurement, schema.PropMission,
		schema.PropStage, schema.PropMechanism, schema.PropInfluenceLevel, schema.PropSector,
		schema.PropInstitutionalisation, schema.PropDemocraticFunction, schema.PropNotStated,
		schema.DCTermsDate, schema.SchemaStartDate, schema.DCTermsDateSubmitted, schema.PropTenderPeriodStart,
		schema.PropContractSigned, schema.PropRegisterEntry, schema.PropImpactAssessment, schema.PropLegalBasis,
		schema.PropPublicParticipation, schema.DCTermsReferences,
		schema.ClassAdministration, schema.ClassProcurement, schema.ClassEngagement} {
		id, err := v.Lookup(graph.IRI(iri))
		if err != nil {
			return nil, nil, fmt.Errorf("compare: look up %s: %w", iri, err)
		}
		p[iri] = id
	}
	fs, err := gatherFacts(v, p, kept)
	if err != nil {
		return nil, nil, err
	}
	s.reread, s.graphs = fs.reread, len(fs.graphs)
	if err := s.readSchemes(v, fs); err != nil {
		return nil, nil, err
	}
	if err := s.readAdmins(ctx, v, p, fs); err != nil {
		return nil, nil, err
	}
	yc := &yearCache{v: v, m: years}
	if err := s.readProcurements(v, fs, yc); err != nil {
		return nil, nil, err
	}
	if err := s.readEngagements(fs, yc); err != nil {
		return nil, nil, err
	}
	s.cluster()
	// What each administration has without filter or window: a profile
	// ranks an administration among its peers from these.
	w := newWork(s)
	s.adminAcc = make([]*acc, len(s.admins))
	for a := range s.admins {
		s.adminAcc[a] = w.run(&bucket{procs: s.adminProcs[a], engs: s.adminEngs[a]})
	}
	return s, fs, ctx.Err()
}

// cluster renumbers procurements and engagements so that those of each
// administration are contiguous (unattributed ones last): a comparison
// reads each group's records from adjacent memory instead of jumping
// across every column, which is most of its time at 500,000 engagements.
func (s *Summary) cluster() {
	// byAdmin orders positions by administration (unattributed last),
	// keeping their order within each: a counting sort.
	byAdmin := func(admin []int32) []int32 {
		start := make([]int32, len(s.admins)+2)
		slot := func(a int32) int {
			if a < 0 {
				return len(s.admins)
			}
			return int(a)
		}
		for _, a := range admin {
			start[slot(a)+1]++
		}
		for k := 1; k < len(start); k++ {
			start[k] += start[k-1]
		}
		order := make([]int32, len(admin))
		for i, a := range admin {
			k := slot(a)
			order[start[k]] = int32(i)
			start[k]++
		}
		return order
	}
	// Procurements.
	po := byAdmin(s.procAdmin)
	newProc := make([]int32, len(po))
	for n, o := range po {
		newProc[o] = int32(n)
	}
	s.procIDs = permute(s.procIDs, po)
	s.procAdmin = permute(s.procAdmin, po)
	s.procYear = permute(s.procYear, po)
	s.procKnown = permute(s.procKnown, po)
	s.procYes = permute(s.procYes, po)
	s.procEng = permute(s.procEng, po)
	for i, pr := range s.engProc {
		if pr >= 0 {
			s.engProc[i] = newProc[pr]
		}
	}
	// Engagements.
	eo := byAdmin(s.engAdmin)
	s.engIDs = permute(s.engIDs, eo)
	s.engAdmin = permute(s.engAdmin, eo)
	s.engProc = permute(s.engProc, eo)
	s.engActor = permute(s.engActor, eo)
	s.engStage = permute(s.engStage, eo)
	s.engInfl = permute(s.engInfl, eo)
	s.engMech = permute(s.engMech, eo)
	s.engYear = permute(s.engYear, eo)
	s.procPos = posIndex{}
	// Each administration's records are now a run of positions.
	runs := func(admin []int32, out [][]int32) {
		iota := make([]int32, len(admin))
		for i := range iota {
			iota[i] = int32(i)
		}
		for i := 0; i < len(admin); {
			j := i
			for j < len(admin) && admin[j] == admin[i] {
				j++
			}
			if a := admin[i]; a >= 0 {
				out[a] = iota[i:j:j]
			}
			i = j
		}
	}
	clear(s.adminProcs)
	clear(s.adminEngs)
	runs(s.procAdmin, s.adminProcs)
	runs(s.engAdmin, s.adminEngs)
}

// permute returns col in the order of positions order.
func permute[T any](col []T, order []int32) []T {
	out := make([]T, len(order))
	for n, o := range order {
		out[n] = col[o]
	}
	return out
}

func (s *Summary) readSchemes(v *graph.View, fs *factSet) error {
	byScheme := map[graph.ID][]graph.ID{}
	if err := fs.scan(schema.SKOSInScheme, func(q graph.IDQuad) error {
		if !slices.Contains(byScheme[q.O], q.S) {
			byScheme[q.O] = append(byScheme[q.O], q.S)
		}
		return nil
	}); err != nil {
		return err
	}
	all := map[graph.ID]*concept{}
	for sid, cs := range byScheme {
		st, err := v.Resolve(sid)
		if err != nil {
			return fmt.Errorf("compare: resolve scheme: %w", err)
		}
		name := strings.TrimPrefix(st.Value, schema.ConceptBase)
		sc := &scheme{name: name, pos: map[graph.ID]int{}}
		for _, c := range cs {
			t, err := v.Resolve(c)
			if err != nil {
				return fmt.Errorf("compare: resolve concept: %w", err)
			}
			code := t.Value[strings.LastIndexAny(t.Value, "/#")+1:]
			sc.concepts = append(sc.concepts, concept{id: c, term: t, code: code, label: code})
		}
		s.schemes[name] = sc
	}
	for _, sc := range s.schemes {
		for i := range sc.concepts {
			all[sc.concepts[i].id] = &sc.concepts[i]
		}
	}
	if err := fs.scan(schema.SKOSNotation, func(q graph.IDQuad) error {
		if c := all[q.S]; c != nil {
			t, err := v.Resolve(q.O)
			if err != nil {
				return fmt.Errorf("compare: resolve notation: %w", err)
			}
			c.code = t.Value
		}
		return nil
	}); err != nil {
		return err
	}
	if err := fs.scan(schema.PropOrder, func(q graph.IDQuad) error {
		if c := all[q.S]; c != nil {
			t, err := v.Resolve(q.O)
			if err != nil {
				return fmt.Errorf("compare: resolve order: %w", err)
			}
			if n, err := strconv.Atoi(t.Value); err == nil {
				c.order = n
			}
		}
		return nil
	}); err != nil {
		return err
	}
	labels := map[graph.ID]string{}
	if err := fs.scan(schema.SKOSPrefLabel, func(q graph.IDQuad) error {
		if all[q.S] == nil {
			return nil
		}
		t, err := v.Resolve(q.O)
		if err != nil {
			return fmt.Errorf("compare: resolve label: %w", err)
		}
		if t.Lang == "en" || labels[q.S] == "" && (t.Lang == "" || t.Lang == "en") {
			labels[q.S] = t.Value
		}
		return nil
	}); err != nil {
		return err
	}
	for id, l := range labels {
		all[id].label = l
	}
	broader := map[graph.ID]graph.ID{}
	if err := fs.scan(schema.SKOSBroader, func(q graph.IDQuad) error {
		if all[q.S] != nil {
			broader[q.S] = q.O
		}
		return nil
	}); err != nil {
		return err
	}
	for _, sc := range s.schemes {
		// Lifecycle: phases (no broader) before stages.
		depth := func(c concept) int {
			if _, ok := broader[c.id]; ok {
				return 1
			}
			return 0
		}
		slices.SortStableFunc(sc.concepts, func(a, b concept) int {
			return cmp.Or(cmp.Compare(depth(a), depth(b)), cmp.Compare(a.order, b.order), cmp.Compare(a.code, b.code))
		})
		for i := range sc.concepts {
			sc.pos[sc.concepts[i].id] = i
			s.conceptByID[sc.concepts[i].id] = &conceptRef{scheme: sc.name, c: &sc.concepts[i]}
		}
	}
	get := func(name string) *scheme {
		if sc := s.schemes[name]; sc != nil {
			return sc
		}
		sc := &scheme{name: name, pos: map[graph.ID]int{}}
		s.schemes[name] = sc
		return sc
	}
	s.lifecycle = get(schema.SchemeLifecycle)
	s.sectors = get(schema.SchemeSector)
	s.influence = get(schema.SchemeInfluence)
	s.degrees = get(schema.SchemeInstitutionalisation)
	s.functions = get(schema.SchemeDemocraticFunction)
	for _, sc := range []*scheme{s.sectors, s.degrees, s.functions} {
		if len(sc.concepts) > 32 {
			sc.concepts = sc.concepts[:32] // the bit masks hold 32
		}
	}
	s.phaseOf = make([]int8, len(s.lifecycle.concepts))
	s.isPhase = make([]bool, len(s.lifecycle.concepts))
	for i, c := range s.lifecycle.concepts {
		b, ok := broader[c.id]
		switch {
		case !ok:
			s.phaseOf[i], s.isPhase[i] = int8(i), true
		case s.lifecycle.index(b) >= 0:
			s.phaseOf[i] = int8(s.lifecycle.index(b))
		default:
			s.phaseOf[i] = -1
		}
	}
	s.involve = 2
	for i, c := range s.influence.concepts {
		if c.code == "involve" {
			s.involve = i
		}
	}
	return nil
}

func (s *Summary) readAdmins(ctx context.Context, v *graph.View, p pids, fs *factSet) error {
	ids, _ := fs.instances(schema.ClassAdministration, false)
	type adm struct {
		id graph.ID
		t  graph.Term
	}
	as := make([]adm, len(ids))
	for i, id := range ids {
		t, err := v.Resolve(id)
		if err != nil {
			return fmt.Errorf("compare: resolve administration: %w", err)
		}
		as[i] = adm{id, t}
	}
	slices.SortFunc(as, func(a, b adm) int { return graph.Compare(a.t, b.t) })
	n := len(as)
	s.admins, s.adminIDs = make([]graph.Term, n), make([]graph.ID, n)
	s.adminPos = make(map[graph.ID]int32, n)
	s.adminLabel, s.adminCC = make([]string, n), make([]string, n)
	s.adminConcs = make([]map[string]graph.ID, n)
	s.adminProcs, s.adminEngs = make([][]int32, n), make([][]int32, n)
	labelPreds := map[graph.ID]int{p[schema.RDFSLabel]: 1, p[schema.SKOSPrefLabel]: 2, p[schema.FOAFName]: 3}
	delete(labelPreds, 0)
	for i, a := range as {
		if i&255 == 255 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s.admins[i], s.adminIDs[i], s.adminPos[a.id] = a.t, a.id, int32(i)
		concs := map[string]graph.ID{}
		best, bestRank := "", 99
		for q, err := range v.MatchIDs(graph.IDPattern{S: a.id}) {
			if err != nil {
				return fmt.Errorf("compare: read administration %s: %w", a.t.Value, err)
			}
			if r := s.conceptByID[q.O]; r != nil {
				if cur, ok := concs[r.scheme]; !ok || s.conceptByID[cur].c.order > r.c.order ||
					s.conceptByID[cur].c.order == r.c.order && s.conceptByID[cur].c.code > r.c.code {
					concs[r.scheme] = q.O
				}
				continue
			}
			switch {
			case q.P == p[schema.PropCountry]:
				t, err := v.Resolve(q.O)
				if err != nil {
					return fmt.Errorf("compare: resolve country of %s: %w", a.t.Value, err)
				}
				if s.adminCC[i] == "" || t.Value < s.adminCC[i] {
					s.adminCC[i] = strings.ToUpper(t.Value)
				}
			case labelPreds[q.P] > 0:
				t, err := v.Resolve(q.O)
				if err != nil {
					return fmt.Errorf("compare: resolve label of %s: %w", a.t.Value, err)
				}
				rank := labelPreds[q.P] * 2
				if t.Lang == "en" || t.Lang == "" {
					rank--
				}
				if rank < bestRank || rank == bestRank && t.Value < best {
					best, bestRank = t.Value, rank
				}
			}
		}
		if best == "" {
			best = a.t.Value
		}
		s.adminLabel[i], s.adminConcs[i] = best, concs
	}
	return nil
}

// yearCache reads the year of date literals once per literal.
type yearCache struct {
	v *graph.View
	m map[graph.ID]int16
}

func (c *yearCache) year(id graph.ID) (int16, error) {
	if y, ok := c.m[id]; ok {
		return y, nil
	}
	t, err := c.v.Resolve(id)
	if err != nil {
		return 0, fmt.Errorf("compare: resolve date: %w", err)
	}
	var y int16
	if t.Kind == graph.KindLiteral && len(t.Value) >= 4 {
		if n, err := strconv.Atoi(t.Value[:4]); err == nil && n > 0 && n < 10000 {
			y = int16(n)
		}
	}
	c.m[id] = y
	return y, nil
}

func (s *Summary) readProcurements(v *graph.View, fs *factSet, years *yearCache) error {
	p := fs.p
	ids, graphs := fs.instances(schema.ClassProcurement, true)
	n := len(ids)
	pos := newPosIndex(ids)
	s.procIDs = ids
	s.procAdmin = make([]int32, n)
	for i := range s.procAdmin {
		s.procAdmin[i] = -1
	}
	s.procYear = make([]int16, n)
	s.procKnown, s.procYes = make([]uint8, n), make([]uint8, n)
	if err := fs.scan(schema.PropBuyer, func(q graph.IDQuad) error {
		i, ok := pos.get(q.S)
		if !ok {
			return nil
		}
		if a, ok := s.adminPos[q.O]; ok && (s.procAdmin[i] < 0 || a < s.procAdmin[i]) {
			s.procAdmin[i] = a
		}
		return nil
	}); err != nil {
		return err
	}
	for _, pred := range []string{schema.DCTermsDate, schema.SchemaStartDate, schema.DCTermsDateSubmitted,
		schema.PropTenderPeriodStart, schema.PropContractSigned} {
		if err := fs.scan(pred, func(q graph.IDQuad) error {
			i, ok := pos.get(q.S)
			if !ok {
				return nil
			}
			y, err := years.year(q.O)
			if err != nil || y == 0 {
				return err
			}
			if s.procYear[i] == 0 || y < s.procYear[i] {
				s.procYear[i] = y
			}
			return nil
		}); err != nil {
			return err
		}
	}
	// Signals: which graphs carry each, which procurements state it.
	trueID, err := v.Lookup(graph.Literal("true", schema.XSDBoolean))
	if err != nil {
		return fmt.Errorf("compare: look up true: %w", err)
	}
	carried := [nSignals]map[graph.ID]bool{}
	for k, sp := range signalPreds {
		carried[k] = map[graph.ID]bool{}
		if err := fs.scan(sp.pred, func(q graph.IDQuad) error {
			i, ok := pos.get(q.S)
			if !ok {
				return nil
			}
			carried[k][q.G] = true
			s.procKnown[i] |= 1 << k
			if !sp.boolean || q.O == trueID && trueID != 0 {
				s.procYes[i] |= 1 << k
			}
			return nil
		}); err != nil {
			return err
		}
	}
	for i := range ids {
		for k := range nSignals {
			if s.procKnown[i]&(1<<k) != 0 {
				continue
			}
			for _, g := range graphs[i] {
				if carried[k][g] {
					s.procKnown[i] |= 1 << k
					break
				}
			}
		}
	}
	notStated := map[graph.ID]int{}
	for k, sp := range signalPreds {
		if id := p[sp.pred]; id != 0 {
			notStated[id] = k
		}
	}
	if err := fs.scan(schema.PropNotStated, func(q graph.IDQuad) error {
		i, ok := pos.get(q.S)
		if !ok {
			return nil
		}
		if k, ok := notStated[q.O]; ok && s.procYes[i]&(1<<k) == 0 {
			s.procKnown[i] &^= 1 << k
		}
		return nil
	}); err != nil {
		return err
	}
	for i, a := range s.procAdmin {
		if a >= 0 {
			s.adminProcs[a] = append(s.adminProcs[a], int32(i))
		}
	}
	s.procPos, s.procGraph = pos, graphs
	return nil
}

func (s *Summary) readEngagements(fs *factSet, years *yearCache) error {
	ids, _ := fs.instances(schema.ClassEngagement, false)
	n := len(ids)
	pos := newPosIndex(ids)
	s.engIDs = ids
	fill := func(x []int32) []int32 {
		for i := range x {
			x[i] = -1
		}
		return x
	}
	s.engAdmin, s.engProc, s.engActor, s.engMech = fill(make([]int32, n)), fill(make([]int32, n)), fill(make([]int32, n)), fill(make([]int32, n))
	s.engStage, s.engInfl = make([]int8, n), make([]int8, n)
	for i := range n {
		s.engStage[i], s.engInfl[i] = -1, -1
	}
	s.engYear = make([]int16, n)
	missionOwner := map[graph.ID]int32{}
	if err := fs.scan(schema.PropOwner, func(q graph.IDQuad) error {
		if a, ok := s.adminPos[q.O]; ok {
			if cur, ok := missionOwner[q.S]; !ok || a < cur {
				missionOwner[q.S] = a
			}
		}
		return nil
	}); err != nil {
		return err
	}
	actorPos := map[graph.ID]int32{}
	mechPos := map[graph.ID]int32{}
	engMission := map[int32]graph.ID{}
	for _, x := range []struct {
		pred string
		fn   func(i int32, o graph.ID) error
	}{
		{schema.PropProcurement, func(i int32, o graph.ID) error {
			if pi, ok := s.procPos.get(o); ok && (s.engProc[i] < 0 || pi < s.engProc[i]) {
				s.engProc[i] = pi
			}
			return nil
		}},
		{schema.PropMission, func(i int32, o graph.ID) error {
			if cur, ok := engMission[i]; !ok || o < cur {
				engMission[i] = o
			}
			return nil
		}},
		{schema.PropActor, func(i int32, o graph.ID) error {
			s.engActor[i] = least(s.engActor[i], intern(actorPos, &s.actorIDs, o), s.actorIDs)
			return nil
		}},
		{schema.PropStage, func(i int32, o graph.ID) error {
			if k := s.lifecycle.index(o); k >= 0 && (s.engStage[i] < 0 || int8(k) > s.engStage[i]) {
				s.engStage[i] = int8(k)
			}
			return nil
		}},
		{schema.PropInfluenceLevel, func(i int32, o graph.ID) error {
			if k := s.influence.index(o); k >= 0 && int8(k) > s.engInfl[i] {
				s.engInfl[i] = int8(k)
			}
			return nil
		}},
		{schema.PropMechanism, func(i int32, o graph.ID) error {
			s.engMech[i] = least(s.engMech[i], intern(mechPos, &s.mechIDs, o), s.mechIDs)
			return nil
		}},
		{schema.DCTermsDate, func(i int32, o graph.ID) error {
			y, err := years.year(o)
			if err == nil && y != 0 && (s.engYear[i] == 0 || y < s.engYear[i]) {
				s.engYear[i] = y
			}
			return err
		}},
	} {
		if err := fs.scan(x.pred, func(q graph.IDQuad) error {
			if i, ok := pos.get(q.S); ok {
				return x.fn(i, q.O)
			}
			return nil
		}); err != nil {
			return err
		}
	}
	for i := range n {
		switch pr := s.engProc[i]; {
		case pr >= 0:
			s.engAdmin[i] = s.procAdmin[pr]
			if s.engYear[i] == 0 {
				s.engYear[i] = s.procYear[pr]
			}
		default:
			if m, ok := engMission[int32(i)]; ok {
				if a, ok := missionOwner[m]; ok {
					s.engAdmin[i] = a
				}
			}
		}
		if a := s.engAdmin[i]; a >= 0 {
			s.adminEngs[a] = append(s.adminEngs[a], int32(i))
		} else {
			s.unattrib++
		}
	}
	referenced := make([]bool, len(s.procIDs))
	for _, pr := range s.engProc {
		if pr >= 0 {
			referenced[pr] = true
		}
	}
	engaged := map[graph.ID]bool{}
	for i, ref := range referenced {
		if ref {
			for _, g := range s.procGraph[i] {
				engaged[g] = true
			}
		}
	}
	s.procEng = make([]bool, len(s.procIDs))
	for i := range s.procIDs {
		for _, g := range s.procGraph[i] {
			if engaged[g] {
				s.procEng[i] = true
				break
			}
		}
	}
	s.procGraph = nil
	s.actorSect = make([]uint32, len(s.actorIDs))
	if err := fs.scan(schema.PropSector, func(q graph.IDQuad) error {
		if a, ok := actorPos[q.S]; ok {
			if k := s.sectors.index(q.O); k >= 0 && k < 32 {
				s.actorSect[a] |= 1 << k
			}
		}
		return nil
	}); err != nil {
		return err
	}
	s.mechDeg, s.mechFunc = make([]uint32, len(s.mechIDs)), make([]uint32, len(s.mechIDs))
	for _, x := range []struct {
		pred string
		sc   *scheme
		col  []uint32
	}{{schema.PropInstitutionalisation, s.degrees, s.mechDeg}, {schema.PropDemocraticFunction, s.functions, s.mechFunc}} {
		if err := fs.scan(x.pred, func(q graph.IDQuad) error {
			if m, ok := mechPos[q.S]; ok {
				if k := x.sc.index(q.O); k >= 0 && k < 32 {
					x.col[m] |= 1 << k
				}
			}
			return nil
		}); err != nil {
			return err
		}
	}
	return nil
}

// intern returns the position of o in *ids, appending it when pos does
// not know it yet.
func intern(pos map[graph.ID]int32, ids *[]graph.ID, o graph.ID) int32 {
	p, ok := pos[o]
	if !ok {
		p = int32(len(*ids))
		pos[o] = p
		*ids = append(*ids, o)
	}
	return p
}

// least returns, of the positions cur (-1 for none) and p in ids, the one
// whose ID is smaller: a record with two values of a single-valued
// property is summarised by the same one whatever the scan's order.
func least(cur, p int32, ids []graph.ID) int32 {
	if cur < 0 || ids[p] < ids[cur] {
		return p
	}
	return cur
}
