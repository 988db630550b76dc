package queries

import (
	"cmp"
	"context"
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Filter is the input of list filters; see the Filter input of the SDL.
type Filter struct {
	Sector         *[]string
	Level          *[]string
	Country        *[]string
	Phase          *[]string
	Stage          *[]string
	Mechanism      *[]string
	InfluenceLevel *[]string
	Author         *[]string
	Publisher      *[]string
	CitedBy        *[]string
	Graph          *[]string
	Language       *[]string
	// Classification lists concepts a procurement is filed under
	// ("CPV:72000000" or a concept IRI); see classificationTerm.
	Classification *[]string
	YearFrom       *int32
	YearTo         *int32
	Text           *string
}

// ListArgs are the arguments of the list fields of Query.
type ListArgs struct {
	Filter  *Filter
	OrderBy string
	Desc    bool
	First   int32
	After   *string
}

// ConceptListArgs are the arguments of Query.concepts.
type ConceptListArgs struct {
	Scheme  *string
	Filter  *Filter
	OrderBy string
	Desc    bool
	First   int32
	After   *string
}

// PageInfo is the pagination state of a connection.
type PageInfo struct {
	hasNext, hasPrev bool
	start, end       *string
}

// HasNextPage resolves PageInfo.hasNextPage.
func (p *PageInfo) HasNextPage() bool { return p.hasNext }

// HasPreviousPage resolves PageInfo.hasPreviousPage.
func (p *PageInfo) HasPreviousPage() bool { return p.hasPrev }

// StartCursor resolves PageInfo.startCursor.
func (p *PageInfo) StartCursor() *string { return p.start }

// EndCursor resolves PageInfo.endCursor.
func (p *PageInfo) EndCursor() *string { return p.end }

// Connection is a page of a list (a Relay connection).
type Connection[T any] struct {
	total int
	edges []*Edge[T]
	info  PageInfo
}

// Edge is one element of a page and its cursor.
type Edge[T any] struct {
	cursor string
	node   T
}

// Cursor resolves Edge.cursor.
func (e *Edge[T]) Cursor() string { return e.cursor }

// Node resolves Edge.node.
func (e *Edge[T]) Node() T { return e.node }

// TotalCount resolves Connection.totalCount: the length of the whole list.
func (c *Connection[T]) TotalCount() int32 { return int32(c.total) }

// Edges resolves Connection.edges.
func (c *Connection[T]) Edges() []*Edge[T] { return c.edges }

// Nodes resolves Connection.nodes.
func (c *Connection[T]) Nodes() []T {
	out := make([]T, len(c.edges))
	for i, e := range c.edges {
		out[i] = e.node
	}
	return out
}

// PageInfo resolves Connection.pageInfo.
func (c *Connection[T]) PageInfo() *PageInfo { return &c.info }

// filterSpec says how a filter applies to a class: the predicate path from
// the entity to the value compared, and the concept scheme of codes.
type filterSpec struct {
	path   []string
	scheme string
}

// listSpec says how the list of a class is filtered.
type listSpec struct {
	class   string
	name    string                // the list's name in errors
	filters map[string]filterSpec // by filter name
	years   [][]string            // predicate paths to dates or years
	span    bool                  // years are a start and an end (missions)
}

func actorFilters(prefix ...string) map[string]filterSpec {
	p := func(pred string) []string { return append(slices.Clone(prefix), pred) }
	return map[string]filterSpec{
		"sector":  {p(schema.PropSector), schema.SchemeSector},
		"level":   {p(schema.PropGovernmentLevel), schema.SchemeGovernmentLevel},
		"country": {p(schema.PropCountry), ""},
	}
}

func specFor(class string) listSpec {
	switch class {
	case schema.ClassActor:
		return listSpec{class: class, name: "actors", filters: actorFilters()}
	case schema.ClassAdministration:
		return listSpec{class: class, name: "administrations", filters: actorFilters()}
	case schema.ClassMission:
		f := actorFilters(schema.PropOwner)
		delete(f, "sector")
		return listSpec{class: class, name: "missions", filters: f,
			years: [][]string{{schema.PropStartYear}, {schema.PropEndYear}}, span: true}
	case schema.ClassProcurement:
		f := actorFilters(schema.PropBuyer)
		delete(f, "sector")
		f["stage"] = filterSpec{[]string{schema.PropStageReached}, schema.SchemeLifecycle}
		f["phase"] = filterSpec{[]string{schema.PropStageReached}, schema.SchemeLifecycle}
		f["classification"] = filterSpec{[]string{schema.DCTermsSubject}, ""}
		return listSpec{class: class, name: "procurements", filters: f,
			years: [][]string{{schema.DCTermsDate}, {schema.PropMilestone, schema.DCTermsDate}}}
	case schema.ClassMechanism:
		return listSpec{class: class, name: "mechanisms", filters: map[string]filterSpec{
			"phase":          {[]string{schema.PropFitsPhase}, schema.SchemeLifecycle},
			"influenceLevel": {[]string{schema.PropInfluenceLevel}, schema.SchemeInfluence},
		}}
	case schema.ClassEngagement:
		f := actorFilters(schema.PropActor)
		f["stage"] = filterSpec{[]string{schema.PropStage}, schema.SchemeLifecycle}
		f["phase"] = filterSpec{[]string{schema.PropStage}, schema.SchemeLifecycle}
		f["mechanism"] = filterSpec{[]string{schema.PropMechanism}, ""}
		f["influenceLevel"] = filterSpec{[]string{schema.PropInfluenceLevel}, schema.SchemeInfluence}
		return listSpec{class: class, name: "engagements", filters: f, years: [][]string{{schema.DCTermsDate}}}
	case schema.ClassReference:
		return listSpec{class: class, name: "references", years: [][]string{{schema.DCTermsIssued}}}
	case schema.ClassPerson:
		return listSpec{class: class, name: "persons"}
	case schema.SKOSConcept:
		return listSpec{class: class, name: "concepts"}
	case schema.ClassStatement:
		return listSpec{class: class, name: "statements"}
	}
	return listSpec{class: class, name: class}
}

// condition is one compiled filter: the values wanted at the end of path.
type condition struct {
	name   string
	path   []string
	want   []graph.Term
	phase  bool     // a value matches when it or its broader concept is wanted
	scheme string   // the concept scheme of the values, if any
	raw    []string // the values as given, resolved into want by resolveValues
	// set, when not nil, computes the matching subjects instead of path
	// and want (the filters of references).
	set setFilter
}

// compile checks that every filter given applies to the list and turns it
// into conditions.
func (r *Resolver) compile(spec listSpec, f *Filter) ([]condition, error) {
	if f == nil {
		return nil, nil
	}
	var out []condition
	for _, x := range []struct {
		name string
		vals *[]string
	}{{"sector", f.Sector}, {"level", f.Level}, {"country", f.Country}, {"phase", f.Phase},
		{"stage", f.Stage}, {"mechanism", f.Mechanism}, {"influenceLevel", f.InfluenceLevel},
		{"classification", f.Classification}} {
		if x.vals == nil {
			continue
		}
		fs, ok := spec.filters[x.name]
		if !ok {
			return nil, errorf(CodeBadInput, "filter %s does not apply to %s", x.name, spec.name)
		}
		out = append(out, condition{name: x.name, path: fs.path, phase: x.name == "phase",
			scheme: fs.scheme, raw: *x.vals})
	}
	for _, x := range []struct {
		name string
		vals *[]string
	}{{"author", f.Author}, {"publisher", f.Publisher}, {"citedBy", f.CitedBy}, {"graph", f.Graph}, {"language", f.Language}} {
		if x.vals == nil {
			continue
		}
		if x.name != "graph" && spec.class != schema.ClassReference {
			return nil, errorf(CodeBadInput, "filter %s does not apply to %s (only to references)", x.name, spec.name)
		}
		out = append(out, condition{name: x.name, raw: *x.vals, set: referenceFilter(x.name, *x.vals)})
	}
	if (f.YearFrom != nil || f.YearTo != nil) && spec.years == nil {
		return nil, errorf(CodeBadInput, "filters yearFrom and yearTo do not apply to %s", spec.name)
	}
	return out, nil
}

// matcher evaluates conditions on entities within one snapshot, caching
// the entities it loads along paths.
type matcher struct {
	r     *Resolver
	v     *graph.View
	cache map[graph.Term]*entity
}

func (m *matcher) get(t graph.Term) (*entity, error) {
	if e, ok := m.cache[t]; ok {
		return e, nil
	}
	e, err := m.r.load(m.v, t)
	if err != nil {
		return nil, err
	}
	m.cache[t] = e
	return e, nil
}

// values returns the values at the end of path from e.
func (m *matcher) values(e *entity, path []string) ([]graph.Term, error) {
	cur := []*entity{e}
	for i, p := range path {
		var vals []graph.Term
		for _, x := range cur {
			vals = append(vals, x.props[p]...)
		}
		if i == len(path)-1 {
			return vals, nil
		}
		cur = cur[:0]
		for _, t := range vals {
			if t.Kind == graph.KindLiteral {
				continue
			}
			x, err := m.get(t)
			if err != nil {
				return nil, err
			}
			cur = append(cur, x)
		}
	}
	return nil, nil
}

// subjectsMatching returns the ids of the subjects whose values at the end
// of c's path are among c's wanted values, walking the path backwards
// through the POGS index (predicate and object bound), so that a filter
// costs index scans, not a load of every candidate.
func (m *matcher) subjectsMatching(c condition) (map[graph.ID]bool, error) {
	vals := map[graph.ID]bool{}
	add := func(t graph.Term) error {
		id, err := m.v.Lookup(t)
		if err == nil && id != 0 {
			vals[id] = true
		}
		return err
	}
	for _, w := range c.want {
		if err := add(w); err != nil {
			return nil, err
		}
		if c.phase {
			// A stage matches the phase it is narrower than.
			stages, err := subjects(m.v, schema.SKOSBroader, w)
			if err != nil {
				return nil, err
			}
			for _, st := range stages {
				if err := add(st); err != nil {
					return nil, err
				}
			}
		}
	}
	for i := len(c.path) - 1; i >= 0 && len(vals) > 0; i-- {
		pid, err := m.v.Lookup(graph.IRI(c.path[i]))
		if err != nil {
			return nil, err
		}
		next := map[graph.ID]bool{}
		if pid != 0 {
			for o := range vals {
				for q, err := range m.v.MatchIDs(graph.IDPattern{P: pid, O: o}) {
					if err != nil {
						return nil, err
					}
					next[q.S] = true
				}
			}
		}
		vals = next
	}
	return vals, nil
}

// conditionSet returns the ids of the subjects that pass c.
func (m *matcher) conditionSet(c condition) (map[graph.ID]bool, error) {
	if c.set != nil {
		return c.set(m)
	}
	return m.subjectsMatching(c)
}

// match applies the filters that need the entity itself: years and text.
func (m *matcher) match(e *entity, spec listSpec, f *Filter) (bool, error) {
	if f == nil {
		return true, nil
	}
	if f.YearFrom != nil || f.YearTo != nil {
		ok, err := m.yearMatch(e, spec, f.YearFrom, f.YearTo)
		if err != nil || !ok {
			return false, err
		}
	}
	if f.Text != nil {
		var linked []string
		if spec.class == schema.ClassReference {
			// Authors, editors and publishers are found by their names.
			for _, p := range []string{schema.DCTermsCreator, schema.BIBOEditor, schema.DCTermsPublisher} {
				for _, t := range e.props[p] {
					w, err := m.agentWords(t)
					if err != nil {
						return false, err
					}
					linked = append(linked, w...)
				}
			}
		}
		if !textMatch(e, *f.Text, linked...) {
			return false, nil
		}
	}
	return true, nil
}

func (m *matcher) years(e *entity, spec listSpec) ([]int32, error) {
	var out []int32
	for _, path := range spec.years {
		vals, err := m.values(e, path)
		if err != nil {
			return nil, err
		}
		for _, v := range vals {
			if v.Kind == graph.KindLiteral {
				if y := yearOf(&v.Value); y != nil {
					out = append(out, *y)
				}
			}
		}
	}
	return out, nil
}

func (m *matcher) yearMatch(e *entity, spec listSpec, from, to *int32) (bool, error) {
	ys, err := m.years(e, spec)
	if err != nil || len(ys) == 0 {
		return false, err
	}
	lo, hi := slices.Min(ys), slices.Max(ys)
	if !spec.span {
		for _, y := range ys {
			if (from == nil || y >= *from) && (to == nil || y <= *to) {
				return true, nil
			}
		}
		return false, nil
	}
	return (from == nil || hi >= *from) && (to == nil || lo <= *to), nil
}

// textMatch reports whether every word of q starts a word of one of e's
// labels, titles, names or descriptions, with case and Latin diacritics
// ignored, as search compares words ("licitacion" finds "Licitación"), or
// is one of more (words of linked names, such as a reference's authors).
func textMatch(e *entity, q string, more ...string) bool {
	have := more
	for _, p := range append(labelPreds(), append(descriptionPreds(), schema.SKOSAltLabel, schema.FOAFFamilyName, schema.FOAFGivenName)...) {
		for _, v := range e.props[p] {
			if v.Kind == graph.KindLiteral {
				have = append(have, graph.Words(v.Value)...)
			}
		}
	}
	for _, w := range graph.Words(q) {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// instances returns the distinct instances of class and of its
// subclasses (by rdfs:subClassOf in the store), in id order.
func instances(v *graph.View, class string) ([]graph.ID, error) {
	typ, err := v.Lookup(graph.IRI(schema.RDFType))
	if err != nil || typ == 0 {
		return nil, err
	}
	classes := []graph.Term{graph.IRI(class)}
	for i := 0; i < len(classes) && i < 64; i++ {
		subs, err := subjects(v, schema.RDFSSubClassOf, classes[i])
		if err != nil {
			return nil, err
		}
		for _, s := range subs {
			if !slices.Contains(classes, s) {
				classes = append(classes, s)
			}
		}
	}
	var out []graph.ID
	for _, c := range classes {
		cid, err := v.Lookup(c)
		if err != nil {
			return nil, err
		}
		if cid == 0 {
			continue
		}
		for q, err := range v.MatchIDs(graph.IDPattern{P: typ, O: cid}) {
			if err != nil {
				return nil, err
			}
			out = append(out, q.S)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// keyed is a list element with its sort key.
type keyed struct {
	key string
	t   graph.Term
	e   *entity
}

func encodeCursor(key string) string { return base64.RawURLEncoding.EncodeToString([]byte(key)) }

func decodeCursor(c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", errorf(CodeBadInput, "after: %q is not a cursor from this list", c)
	}
	return string(b), nil
}

// termKey is the IRI sort key of t.
func termKey(t graph.Term) string {
	if t.Kind == graph.KindBlank {
		return "_:" + t.Value
	}
	return t.Value
}

// sortKey is e's key in the given order; keys end with the IRI, so they
// are unique.
func (m *matcher) sortKey(e *entity, spec listSpec, order string) (string, error) {
	switch order {
	case "LABEL":
		l := ""
		if s := e.labelIn("en"); s != nil {
			l = strings.ToLower(*s)
		}
		return l + "\x00" + termKey(e.t), nil
	case "YEAR":
		ys, err := m.years(e, spec)
		if err != nil {
			return "", err
		}
		y := "\xff"
		if len(ys) > 0 {
			y = fmt.Sprintf("%06d", slices.Min(ys)+100000)
		}
		return y + "\x00" + termKey(e.t), nil
	}
	return termKey(e.t), nil
}

// list runs a list query of class: candidates, filter, order, page.
func list[T any](ctx context.Context, r *Resolver, class string, args ListArgs, extra func(*entity) bool, wrapf func(*entity) T) (*Connection[T], error) {
	spec := specFor(class)
	if err := r.checkFirst(args.First); err != nil {
		return nil, err
	}
	switch args.OrderBy {
	case "", "IRI", "LABEL":
	case "YEAR":
		if spec.years == nil {
			return nil, errorf(CodeBadInput, "orderBy YEAR does not apply to %s", spec.name)
		}
	default:
		return nil, errorf(CodeBadInput, "orderBy %q: expected IRI, LABEL or YEAR", args.OrderBy)
	}
	conds, err := r.compile(spec, args.Filter)
	if err != nil {
		return nil, err
	}
	var after *string
	if args.After != nil {
		a, err := decodeCursor(*args.After)
		if err != nil {
			return nil, err
		}
		after = &a
	}
	conn := &Connection[T]{}
	err = r.view(ctx, func(v *graph.View) error {
		m := &matcher{r: r, v: v, cache: map[graph.Term]*entity{}}
		for i := range conds {
			if conds[i].set != nil {
				continue
			}
			if err := m.resolveValues(&conds[i], conds[i].scheme, conds[i].raw); err != nil {
				return err
			}
		}
		f := args.Filter
		if extra == nil && (f == nil || f.Text == nil) {
			// Served by the list index: no entity is loaded but the page's.
			return indexedList(ctx, r, v, m, spec, args, conds, after, conn, wrapf)
		}
		sets := make([]map[graph.ID]bool, len(conds))
		for i, c := range conds {
			if sets[i], err = m.conditionSet(c); err != nil {
				return err
			}
		}
		ids, err := instances(v, class)
		if err != nil {
			return err
		}
		for _, set := range sets {
			ids = slices.DeleteFunc(ids, func(id graph.ID) bool { return !set[id] })
		}
		full := f != nil && (f.Text != nil || f.YearFrom != nil || f.YearTo != nil) ||
			extra != nil || (args.OrderBy != "" && args.OrderBy != "IRI")
		items := make([]keyed, 0, len(ids))
		for i, id := range ids {
			if i&255 == 255 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			t, err := v.Resolve(id)
			if err != nil {
				return err
			}
			if !full {
				items = append(items, keyed{key: termKey(t), t: t})
				continue
			}
			e, err := r.load(v, t)
			if err != nil {
				return err
			}
			if extra != nil && !extra(e) {
				continue
			}
			ok, err := m.match(e, spec, args.Filter)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			k, err := m.sortKey(e, spec, args.OrderBy)
			if err != nil {
				return err
			}
			items = append(items, keyed{key: k, t: t, e: e})
		}
		slices.SortFunc(items, func(a, b keyed) int {
			if args.Desc {
				return cmp.Compare(b.key, a.key)
			}
			return cmp.Compare(a.key, b.key)
		})
		conn.total = len(items)
		start := 0
		if after != nil {
			start, _ = slices.BinarySearchFunc(items, *after, func(it keyed, k string) int {
				if args.Desc {
					return cmp.Compare(k, it.key)
				}
				return cmp.Compare(it.key, k)
			})
			if start < len(items) && items[start].key == *after {
				start++
			}
		}
		end := min(start+int(args.First), len(items))
		conn.info.hasPrev = start > 0
		conn.info.hasNext = end < len(items)
		for _, it := range items[start:end] {
			e := it.e
			if e == nil {
				if e, err = r.load(v, it.t); err != nil {
					return err
				}
			}
			conn.edges = append(conn.edges, &Edge[T]{cursor: encodeCursor(it.key), node: wrapf(e)})
		}
		if len(conn.edges) > 0 {
			conn.info.start = &conn.edges[0].cursor
			conn.info.end = &conn.edges[len(conn.edges)-1].cursor
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return conn, nil
}

// indexedList fills conn with the page of a list from the list index of
// its class, filtered by conds (whose values are resolved).
func indexedList[T any](ctx context.Context, r *Resolver, v *graph.View, m *matcher, spec listSpec, args ListArgs, conds []condition, after *string, conn *Connection[T], wrapf func(*entity) T) error {
	f := args.Filter
	var from, to *int32
	if f != nil {
		from, to = f.YearFrom, f.YearTo
	}
	ix, err := r.index(ctx, v, spec, args.OrderBy, from != nil || to != nil)
	if err != nil {
		return err
	}
	var keep []bool
	for _, c := range conds {
		in, err := ix.conditionMask(m, c)
		if err != nil {
			return err
		}
		if keep == nil {
			keep = slices.Clone(in)
			continue
		}
		for i, ok := range in {
			keep[i] = keep[i] && ok
		}
	}
	p := ix.indexedPage(args.OrderBy, args.Desc, keep, from, to, after, int(args.First))
	conn.total = p.total
	conn.info.hasPrev, conn.info.hasNext = p.before, p.after
	for j, i := range p.items {
		e, err := r.load(v, ix.terms[i])
		if err != nil {
			return err
		}
		conn.edges = append(conn.edges, &Edge[T]{cursor: encodeCursor(p.keys[j]), node: wrapf(e)})
	}
	if len(conn.edges) > 0 {
		conn.info.start = &conn.edges[0].cursor
		conn.info.end = &conn.edges[len(conn.edges)-1].cursor
	}
	return nil
}

// Actors resolves Query.actors.
func (r *Resolver) Actors(ctx context.Context, args ListArgs) (*Connection[*Actor], error) {
	return list(ctx, r, schema.ClassActor, args, nil, asActor)
}

// Administrations resolves Query.administrations.
func (r *Resolver) Administrations(ctx context.Context, args ListArgs) (*Connection[*Administration], error) {
	return list(ctx, r, schema.ClassAdministration, args, nil, asAdmin)
}

// Missions resolves Query.missions.
func (r *Resolver) Missions(ctx context.Context, args ListArgs) (*Connection[*Mission], error) {
	return list(ctx, r, schema.ClassMission, args, nil, asMission)
}

// Procurements resolves Query.procurements.
func (r *Resolver) Procurements(ctx context.Context, args ListArgs) (*Connection[*Procurement], error) {
	return list(ctx, r, schema.ClassProcurement, args, nil, asProcurement)
}

// Mechanisms resolves Query.mechanisms.
func (r *Resolver) Mechanisms(ctx context.Context, args ListArgs) (*Connection[*Mechanism], error) {
	return list(ctx, r, schema.ClassMechanism, args, nil, asMechanism)
}

// Engagements resolves Query.engagements.
func (r *Resolver) Engagements(ctx context.Context, args ListArgs) (*Connection[*Engagement], error) {
	return list(ctx, r, schema.ClassEngagement, args, nil, asEngagement)
}

// References resolves Query.references.
func (r *Resolver) References(ctx context.Context, args ListArgs) (*Connection[*Reference], error) {
	return list(ctx, r, schema.ClassReference, args, nil, asReference)
}

// Persons resolves Query.persons.
func (r *Resolver) Persons(ctx context.Context, args ListArgs) (*Connection[*Person], error) {
	return list(ctx, r, schema.ClassPerson, args, nil, asPerson)
}

// Statements resolves Query.statements.
func (r *Resolver) Statements(ctx context.Context, args ListArgs) (*Connection[*Statement], error) {
	return list(ctx, r, schema.ClassStatement, args, nil, asStatement)
}

// Concepts resolves Query.concepts, optionally of one scheme (a name such
// as lifecycle, or the scheme's IRI).
func (r *Resolver) Concepts(ctx context.Context, args ConceptListArgs) (*Connection[*Concept], error) {
	la := ListArgs{Filter: args.Filter, OrderBy: args.OrderBy, Desc: args.Desc, First: args.First, After: args.After}
	var extra func(*entity) bool
	if args.Scheme != nil {
		want := graph.IRI(*args.Scheme)
		if !strings.Contains(*args.Scheme, ":") {
			want = graph.IRI(schema.SchemeIRI(*args.Scheme))
		}
		extra = func(e *entity) bool { return slices.Contains(e.props[schema.SKOSInScheme], want) }
	}
	return list(ctx, r, schema.SKOSConcept, la, extra, asConcept)
}
