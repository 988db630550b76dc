package compare

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// ErrBadInput is returned (wrapped in an [*InputError]) when a request
// names a measure, grouping, index part or value the summary does not know.
var ErrBadInput = errors.New("compare: bad input")

// InputError says which argument of a request was wrong, and what it
// expected.
type InputError struct {
	Argument string
	Value    string
	Expected []string
	Msg      string
}

func (e *InputError) Error() string {
	return fmt.Sprintf("%s: %q %s; expected one of %s", e.Argument, e.Value, e.Msg, strings.Join(e.Expected, ", "))
}

// Unwrap returns ErrBadInput.
func (e *InputError) Unwrap() error { return ErrBadInput }

// NotStated is the key of the group of administrations that do not say
// what they are grouped by.
const NotStated = "not-stated"

// TotalKey is the key of the total row.
const TotalKey = "total"

// Filter limits the engagements a comparison counts. Values are terms the
// caller resolved (concepts of the schemes, mechanisms); an empty list
// does not filter.
type Filter struct {
	Phases, Stages, Sectors, Mechanisms, Kinds, Functions, Influence []graph.Term
}

// Request is a comparison.
type Request struct {
	// Admins, when not nil, are the administrations compared.
	Admins []graph.Term
	// GroupBy is administration, country, level, scheme:NAME, or several
	// joined by commas. Empty means administration.
	GroupBy string
	// Measures are measure ids; empty means DefaultMeasures.
	Measures []string
	// From and To bound the years, both included; nil is open.
	From, To *int
	Filter   Filter
	// Weights of the index parts by name; parts not named weigh 1.
	Weights map[string]float64
}

// Row is one group and its figures.
type Row struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	// Node is the IRI of the administration or concept the group stands
	// for, when one does.
	Node            string `json:"node,omitempty"`
	Administrations int    `json:"administrations"`
	Cells           []Cell `json:"cells"`
	// admins are the positions of the group's administrations.
	admins []int32
}

// Matrix is the answer to a comparison.
type Matrix struct {
	GroupBy         string    `json:"groupBy"`
	Measures        []Measure `json:"measures"`
	Weights         []Part    `json:"weights"`
	YearFrom        *int      `json:"yearFrom"`
	YearTo          *int      `json:"yearTo"`
	Administrations int       `json:"administrations"`
	Undated         int       `json:"undated"`
	Unattributed    int       `json:"unattributed"`
	Rows            []Row     `json:"rows"`
	Total           Row       `json:"total"`
}

// plan is a request checked against a summary.
type plan struct {
	req      Request
	groups   []string
	measures []string
	weights  []Part
	admins   []int32
	keep     func(e int32) bool
}

func (s *Summary) plan(v *graph.View, req Request) (*plan, error) {
	p := &plan{req: req}
	if req.GroupBy == "" {
		req.GroupBy = "administration"
		p.req.GroupBy = req.GroupBy
	}
	for _, g := range strings.Split(req.GroupBy, ",") {
		g = strings.TrimSpace(g)
		switch {
		case g == "administration", g == "country", g == "level":
		case strings.HasPrefix(g, "scheme:"):
			name := strings.TrimPrefix(g, "scheme:")
			if s.schemes[name] == nil || len(s.schemes[name].concepts) == 0 {
				return nil, &InputError{Argument: "groupBy", Value: g, Msg: "names no concept scheme in the store", Expected: s.schemeNames()}
			}
		default:
			return nil, &InputError{Argument: "groupBy", Value: g, Msg: "is no grouping",
				Expected: append([]string{"administration", "country", "level"}, s.schemeNames()...)}
		}
		p.groups = append(p.groups, g)
	}
	p.measures = req.Measures
	if len(p.measures) == 0 {
		p.measures = s.DefaultMeasures()
	}
	valid := map[string]bool{}
	var ids []string
	for _, m := range s.Measures() {
		valid[m.ID] = true
		ids = append(ids, m.ID)
	}
	for _, m := range p.measures {
		if !valid[m] {
			return nil, &InputError{Argument: "measures", Value: m, Msg: "is no measure", Expected: ids}
		}
	}
	for name, w := range req.Weights {
		if !slices.Contains(IndexParts(), name) {
			return nil, &InputError{Argument: "weights", Value: name, Msg: "is no part of the index", Expected: IndexParts()}
		}
		if w < 0 {
			return nil, &InputError{Argument: "weights", Value: fmt.Sprint(w), Msg: "is a negative weight of " + name, Expected: []string{"0 or more"}}
		}
	}
	for _, ip := range indexParts {
		w, ok := req.Weights[ip.part]
		if !ok {
			w = 1
		}
		p.weights = append(p.weights, Part{Part: ip.part, Measure: ip.measure, Weight: w})
	}
	if req.Admins == nil {
		p.admins = make([]int32, len(s.admins))
		for i := range p.admins {
			p.admins[i] = int32(i)
		}
	} else {
		for _, t := range req.Admins {
			id, err := v.Lookup(t)
			if err != nil {
				return nil, fmt.Errorf("compare: look up %s: %w", t.Value, err)
			}
			if a, ok := s.adminPos[id]; ok && id != 0 && !slices.Contains(p.admins, a) {
				p.admins = append(p.admins, a)
			}
		}
		slices.Sort(p.admins)
	}
	keep, err := s.engFilter(v, req.Filter)
	if err != nil {
		return nil, err
	}
	p.keep = keep
	return p, nil
}

func (s *Summary) schemeNames() []string {
	var out []string
	for n, sc := range s.schemes {
		if len(sc.concepts) > 0 {
			out = append(out, "scheme:"+n)
		}
	}
	slices.Sort(out)
	return out
}

// engFilter compiles f into a test of an engagement.
func (s *Summary) engFilter(v *graph.View, f Filter) (func(int32) bool, error) {
	mask := func(sc *scheme, ts []graph.Term, arg string) (uint32, error) {
		var m uint32
		for _, t := range ts {
			i := slices.IndexFunc(sc.concepts, func(c concept) bool { return c.term == t })
			if i < 0 || i >= 32 {
				var codes []string
				for _, c := range sc.concepts {
					codes = append(codes, c.code)
				}
				return 0, &InputError{Argument: "filter." + arg, Value: t.Value, Msg: "is not a concept of the " + sc.name + " scheme", Expected: codes}
			}
			m |= 1 << i
		}
		return m, nil
	}
	phases, err := mask(s.lifecycle, f.Phases, "phase")
	if err != nil {
		return nil, err
	}
	stages, err := mask(s.lifecycle, f.Stages, "stage")
	if err != nil {
		return nil, err
	}
	sectors, err := mask(s.sectors, f.Sectors, "sector")
	if err != nil {
		return nil, err
	}
	kinds, err := mask(s.degrees, f.Kinds, "mechanismKind")
	if err != nil {
		return nil, err
	}
	funcs, err := mask(s.functions, f.Functions, "democraticFunction")
	if err != nil {
		return nil, err
	}
	infl, err := mask(s.influence, f.Influence, "influenceLevel")
	if err != nil {
		return nil, err
	}
	var mechs map[int32]bool
	if len(f.Mechanisms) > 0 {
		mechs = map[int32]bool{}
		for _, t := range f.Mechanisms {
			id, err := v.Lookup(t)
			if err != nil {
				return nil, fmt.Errorf("compare: look up %s: %w", t.Value, err)
			}
			if m := slices.Index(s.mechIDs, id); m >= 0 && id != 0 {
				mechs[int32(m)] = true
			}
		}
	}
	if phases == 0 && stages == 0 && sectors == 0 && kinds == 0 && funcs == 0 && infl == 0 && mechs == nil {
		return nil, nil
	}
	return func(e int32) bool {
		st := s.engStage[e]
		if phases != 0 && (st < 0 || s.phaseOf[st] < 0 || phases&(1<<s.phaseOf[st]) == 0) {
			return false
		}
		if stages != 0 && (st < 0 || stages&(1<<st) == 0) {
			return false
		}
		if sectors != 0 && (s.engActor[e] < 0 || s.actorSect[s.engActor[e]]&sectors == 0) {
			return false
		}
		if infl != 0 && (s.engInfl[e] < 0 || infl&(1<<s.engInfl[e]) == 0) {
			return false
		}
		m := s.engMech[e]
		if mechs != nil && !mechs[m] {
			return false
		}
		if kinds != 0 && (m < 0 || s.mechDeg[m]&kinds == 0) {
			return false
		}
		if funcs != 0 && (m < 0 || s.mechFunc[m]&funcs == 0) {
			return false
		}
		return true
	}, nil
}

// inWindow reports whether year y is in the window, and whether it was
// left out for having no year.
func (p *plan) inWindow(y int16) (in, undated bool) {
	if p.req.From == nil && p.req.To == nil {
		return true, false
	}
	if y == 0 {
		return false, true
	}
	return (p.req.From == nil || int(y) >= *p.req.From) && (p.req.To == nil || int(y) <= *p.req.To), false
}

// bucketOf gathers the records of admins that the plan keeps, counting
// those left out for want of a year.
func (s *Summary) bucketOf(p *plan, admins []int32, undated *int) *bucket {
	b := &bucket{}
	if len(admins) == 1 && p.keep == nil && p.req.From == nil && p.req.To == nil {
		// Positions are clustered by administration: no copy.
		b.procs, b.engs = s.adminProcs[admins[0]], s.adminEngs[admins[0]]
		return b
	}
	np, ne := 0, 0
	for _, a := range admins {
		np += len(s.adminProcs[a])
		ne += len(s.adminEngs[a])
	}
	b.procs, b.engs = make([]int32, 0, np), make([]int32, 0, ne)
	for _, a := range admins {
		for _, pr := range s.adminProcs[a] {
			in, u := p.inWindow(s.procYear[pr])
			if u && undated != nil {
				*undated++
			}
			if in {
				b.procs = append(b.procs, pr)
			}
		}
		for _, e := range s.adminEngs[a] {
			if p.keep != nil && !p.keep(e) {
				continue
			}
			in, u := p.inWindow(s.engYear[e])
			if u && undated != nil {
				*undated++
			}
			if in {
				b.engs = append(b.engs, e)
			}
		}
	}
	return b
}

// groupKey returns the key, label and node of administration a under one
// grouping.
func (s *Summary) groupKey(g string, a int32) (key, label, node string) {
	switch g {
	case "administration":
		return s.admins[a].Value, s.adminLabel[a], s.admins[a].Value
	case "country":
		if cc := s.adminCC[a]; cc != "" {
			return cc, cc, ""
		}
		return NotStated, "not stated", ""
	}
	name := schema.SchemeGovernmentLevel
	if g != "level" {
		name = strings.TrimPrefix(g, "scheme:")
	}
	if id, ok := s.adminConcs[a][name]; ok {
		c := s.conceptByID[id].c
		return c.code, c.label, c.term.Value
	}
	return NotStated, "not stated", ""
}

// rows groups the plan's administrations.
func (s *Summary) rows(p *plan) []Row {
	byKey := map[string]*Row{}
	var order []string
	for _, a := range p.admins {
		var keys, labels, nodes []string
		for _, g := range p.groups {
			k, l, n := s.groupKey(g, a)
			keys, labels, nodes = append(keys, k), append(labels, l), append(nodes, n)
		}
		key := strings.Join(keys, "|")
		r := byKey[key]
		if r == nil {
			r = &Row{Key: key, Label: strings.Join(labels, " / ")}
			if len(nodes) == 1 {
				r.Node = nodes[0]
			}
			byKey[key] = r
			order = append(order, key)
		}
		r.admins = append(r.admins, a)
		r.Administrations++
	}
	slices.Sort(order)
	out := make([]Row, len(order))
	for i, k := range order {
		out[i] = *byKey[k]
	}
	return out
}

// Compare answers req from the summary. v is a snapshot of the same
// version, used to look up the terms of the request.
func (s *Summary) Compare(v *graph.View, req Request) (*Matrix, error) {
	p, err := s.plan(v, req)
	if err != nil {
		return nil, err
	}
	m := &Matrix{GroupBy: p.req.GroupBy, YearFrom: req.From, YearTo: req.To, Administrations: len(p.admins), Weights: p.weights}
	all := s.Measures()
	for _, id := range p.measures {
		i := slices.IndexFunc(all, func(x Measure) bool { return x.ID == id })
		m.Measures = append(m.Measures, all[i])
	}
	w := s.getWork()
	defer s.putWork(w)
	w.withTotal()
	m.Rows = s.rows(p)
	for i := range m.Rows {
		r := &m.Rows[i]
		a := w.run(s.bucketOf(p, r.admins, &m.Undated))
		r.Cells = s.cells(p, a)
	}
	// The groups partition the administrations: the total is their sum
	// (with distinct counts over all of them), gathered by the same runs.
	total := Row{Key: TotalKey, Label: "total", Administrations: len(p.admins), admins: p.admins}
	total.Cells = s.cells(p, w.tot)
	m.Total = total
	m.Unattributed = s.unattrib
	return m, nil
}

func (s *Summary) cells(p *plan, a *acc) []Cell {
	out := make([]Cell, len(p.measures))
	for i, id := range p.measures {
		out[i] = s.cell(id, a, p.weights)
	}
	return out
}

// Which says which records of a cell to list.
type Which int

// The records of a cell.
const (
	Basis   Which = iota // every record the figure rests on
	Counted              // those counted (or the distinct things counted)
	Missing              // those lacking the data
)

// Records returns the ids of the records behind the cell of measure in the
// row with key (TotalKey for the total row) of req's matrix: procurements,
// engagements, or for distinct counts the things counted (actors,
// mechanisms, sector concepts). Their number is the cell's Basis, Counted
// or Missing.
func (s *Summary) Records(v *graph.View, req Request, key, measure string, which Which) ([]graph.ID, error) {
	req.Measures = []string{measure}
	p, err := s.plan(v, req)
	if err != nil {
		return nil, err
	}
	admins := p.admins
	if key != TotalKey {
		rows := s.rows(p)
		i := slices.IndexFunc(rows, func(r Row) bool { return r.Key == key })
		if i < 0 {
			return nil, &InputError{Argument: "key", Value: key, Msg: "is no row of the comparison", Expected: []string{"a row key"}}
		}
		admins = rows[i].admins
	}
	return s.records(p, s.bucketOf(p, admins, nil), measure, which), nil
}

func (s *Summary) records(p *plan, b *bucket, measure string, which Which) []graph.ID {
	w := s.getWork()
	defer s.putWork(w)
	a := w.run(b)
	var out []graph.ID
	procs := func(pick func(p int32) bool) {
		for _, pr := range b.procs {
			if pick(pr) {
				out = append(out, s.procIDs[pr])
			}
		}
	}
	engs := func(pick func(e int32) bool) {
		for _, e := range b.engs {
			if pick(e) {
				out = append(out, s.engIDs[e])
			}
		}
	}
	all := func(int32) bool { return true }
	none := func(int32) bool { return false }
	// basis, counted and missing tests by the measure's basis.
	var pc, pm func(int32) bool // procurements: counted, missing
	var ec, em func(int32) bool // engagements
	var things func() []graph.ID
	onProcs := func(e int32) bool { pr := s.engProc[e]; return pr >= 0 && w.procStamp[pr] == w.seq }
	noSector := func(e int32) bool { return s.engActor[e] < 0 || s.actorSect[s.engActor[e]] == 0 }
	noDeg := func(e int32) bool { return s.engMech[e] < 0 || s.mechDeg[s.engMech[e]] == 0 }
	noFn := func(e int32) bool { return s.engMech[e] < 0 || s.mechFunc[s.engMech[e]] == 0 }
	noInfl := func(e int32) bool { return s.engInfl[e] < 0 }
	noEng := func(pr int32) bool { return !s.procEng[pr] }
	switch measure {
	case "procurements":
		pc, pm = all, none
	case "engagements":
		ec, em = all, none
	case "engagementsPerProcurement":
		pc, pm = none, noEng
		if which == Counted {
			engs(onProcs)
			return out
		}
	case "coverage":
		pc, pm = func(pr int32) bool { return w.procMask[pr]&anyEngagement != 0 }, noEng
	case "actors":
		em = func(e int32) bool { return s.engActor[e] < 0 }
		things = func() []graph.ID {
			seen := map[int32]bool{}
			for _, e := range b.engs {
				if ac := s.engActor[e]; ac >= 0 && !seen[ac] {
					seen[ac] = true
					out = append(out, s.actorIDs[ac])
				}
			}
			return out
		}
	case "mechanisms":
		em = func(e int32) bool { return s.engMech[e] < 0 }
		things = func() []graph.ID {
			seen := map[int32]bool{}
			for _, e := range b.engs {
				if m := s.engMech[e]; m >= 0 && !seen[m] {
					seen[m] = true
					out = append(out, s.mechIDs[m])
				}
			}
			return out
		}
	case "sectors":
		em = noSector
		things = func() []graph.ID {
			for k, n := range a.sectorCnt {
				if n > 0 {
					out = append(out, s.sectors.concepts[k].id)
				}
			}
			return out
		}
	case "diversity":
		ec, em = func(e int32) bool { return !noSector(e) }, noSector
	case "influenceMax":
		maxK := int8(-1)
		for k := len(a.infl) - 1; k >= 0; k-- {
			if a.infl[k] > 0 {
				maxK = int8(k)
				break
			}
		}
		ec, em = func(e int32) bool { return maxK >= 0 && s.engInfl[e] == maxK }, noInfl
	case "influenceMedian":
		ec, em = func(e int32) bool { return !noInfl(e) }, noInfl
	case "involveShare":
		ec, em = func(e int32) bool { return int(s.engInfl[e]) >= s.involve }, noInfl
	case "institutionalised":
		ec, em = func(e int32) bool { return !noDeg(e) && s.mechDeg[s.engMech[e]]&w.instMask != 0 }, noDeg
	case "transparency":
		pc, pm = func(pr int32) bool { return s.procYes[pr] != 0 }, func(pr int32) bool { return s.procKnown[pr] == 0 }
	case "index":
		if which == Missing {
			return nil
		}
		procs(all)
		engs(all)
		return out
	default:
		if k, ok := signalIndex(measure); ok {
			pc = func(pr int32) bool { return s.procKnown[pr]&(1<<k) != 0 && s.procYes[pr]&(1<<k) != 0 }
			pm = func(pr int32) bool { return s.procKnown[pr]&(1<<k) == 0 }
			break
		}
		scope, code, _ := strings.Cut(measure, ".")
		switch scope {
		case "coverage":
			i := s.lifecycleIndex(code)
			pc, pm = func(pr int32) bool { return w.procMask[pr]&(1<<i) != 0 }, noEng
		case "institutionalisation":
			i := slices.IndexFunc(s.degrees.concepts, func(c concept) bool { return c.code == code })
			ec, em = func(e int32) bool { return !noDeg(e) && s.mechDeg[s.engMech[e]]&(1<<i) != 0 }, noDeg
		case "function":
			i := slices.IndexFunc(s.functions.concepts, func(c concept) bool { return c.code == code })
			ec, em = func(e int32) bool { return !noFn(e) && s.mechFunc[s.engMech[e]]&(1<<i) != 0 }, noFn
		}
	}
	if pc != nil { // a procurement measure
		switch which {
		case Basis:
			procs(all)
		case Counted:
			procs(pc)
		case Missing:
			procs(pm)
		}
		return out
	}
	switch which {
	case Basis:
		engs(all)
	case Counted:
		if things != nil {
			return things()
		}
		engs(ec)
	case Missing:
		engs(em)
	}
	return out
}

// Profile is one administration, its trend and its ranks.
type Profile struct {
	Admin    string    `json:"administration"`
	Level    string    `json:"level,omitempty"`
	Peers    int       `json:"peers"`
	Measures []Measure `json:"measures"`
	Row      Row       `json:"row"`
	Trend    []Year    `json:"trend"`
	Ranks    []Rank    `json:"ranks"`
}

// Year is the figures of one year of a profile.
type Year struct {
	Year  int    `json:"year"`
	Cells []Cell `json:"cells"`
}

// Rank is an administration's rank for one measure among its peers.
type Rank struct {
	Measure string   `json:"measure"`
	Rank    *int     `json:"rank"`
	Of      int      `json:"of"`
	Value   *float64 `json:"value"`
}

// Profile returns administration admin's figures under req (whose Admins
// and GroupBy it ignores), its trend by year and its ranks among the
// administrations of its level of government. It returns nil when admin is
// no administration of the store.
func (s *Summary) Profile(v *graph.View, admin graph.Term, req Request) (*Profile, error) {
	req.Admins, req.GroupBy = nil, "administration"
	p, err := s.plan(v, req)
	if err != nil {
		return nil, err
	}
	id, err := v.Lookup(admin)
	if err != nil {
		return nil, fmt.Errorf("compare: look up %s: %w", admin.Value, err)
	}
	a, ok := s.adminPos[id]
	if !ok || id == 0 {
		return nil, nil
	}
	all := s.Measures()
	pr := &Profile{Admin: admin.Value}
	for _, mid := range p.measures {
		i := slices.IndexFunc(all, func(x Measure) bool { return x.ID == mid })
		pr.Measures = append(pr.Measures, all[i])
	}
	level, hasLevel := s.adminConcs[a][schema.SchemeGovernmentLevel]
	if hasLevel {
		pr.Level = s.conceptByID[level].c.term.Value
	}
	var peers []int32
	for i := range s.admins {
		l, ok := s.adminConcs[i][schema.SchemeGovernmentLevel]
		if !hasLevel || ok && l == level {
			peers = append(peers, int32(i))
		}
	}
	pr.Peers = len(peers)
	w := s.getWork()
	defer s.putWork(w)
	values := make([][]Cell, len(peers))
	plain := p.keep == nil && p.req.From == nil && p.req.To == nil
	for i, peer := range peers {
		if plain {
			values[i] = s.cells(p, s.adminAcc[peer])
		} else {
			values[i] = s.cells(p, w.run(s.bucketOf(p, []int32{peer}, nil)))
		}
		if peer == a {
			k, l, n := s.groupKey("administration", a)
			pr.Row = Row{Key: k, Label: l, Node: n, Administrations: 1, Cells: values[i], admins: []int32{a}}
		}
	}
	me := slices.Index(peers, a)
	for j, mid := range p.measures {
		r := Rank{Measure: mid, Value: values[me][j].Value}
		for i := range peers {
			if x := values[i][j].Value; x != nil {
				r.Of++
				if r.Value != nil && *x > *r.Value {
					if r.Rank == nil {
						r.Rank = new(int)
					}
					*r.Rank++
				}
			}
		}
		if r.Value != nil {
			if r.Rank == nil {
				r.Rank = new(int)
			}
			*r.Rank++
		}
		pr.Ranks = append(pr.Ranks, r)
	}
	// Trend: the administration's records by year.
	byYear := map[int16]*bucket{}
	get := func(y int16) *bucket {
		if byYear[y] == nil {
			byYear[y] = &bucket{}
		}
		return byYear[y]
	}
	b := s.bucketOf(p, []int32{a}, nil)
	for _, x := range b.procs {
		if y := s.procYear[x]; y != 0 {
			get(y).procs = append(get(y).procs, x)
		}
	}
	for _, e := range b.engs {
		if y := s.engYear[e]; y != 0 {
			get(y).engs = append(get(y).engs, e)
		}
	}
	years := make([]int16, 0, len(byYear))
	for y := range byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	for _, y := range years {
		pr.Trend = append(pr.Trend, Year{Year: int(y), Cells: s.cells(p, w.run(byYear[y]))})
	}
	return pr, nil
}

// SortRecords sorts terms in IRI order (the order of drill-downs).
func SortRecords(ts []graph.Term) {
	slices.SortFunc(ts, func(a, b graph.Term) int { return cmp.Compare(a.Value, b.Value) })
}
