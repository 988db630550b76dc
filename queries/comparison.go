package queries

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"civicgraph/graph"
	"civicgraph/queries/compare"
	"civicgraph/schema"
)

// The comparison of administrations (Query.compare and
// Query.administrationProfile) is computed by package compare from a
// columnar summary of one content of the store; this file resolves the
// arguments (filter values by code, label or IRI, with the filters of the
// lists), calls it, and wraps its answer for GraphQL, with drill-downs
// that load the records behind a cell.

// YearWindow is the input of a window of years.
type YearWindow struct {
	From *int32
	To   *int32
}

// CompareFilter is the input of the engagements a comparison counts.
type CompareFilter struct {
	Phase              *[]string
	Stage              *[]string
	Sector             *[]string
	Mechanism          *[]string
	MechanismKind      *[]string
	DemocraticFunction *[]string
	InfluenceLevel     *[]string
}

// IndexWeight is the input of one part's weight in the composite index.
type IndexWeight struct {
	Part   string
	Weight float64
}

// CompareArgs are the arguments of Query.compare.
type CompareArgs struct {
	Administrations *Filter
	IDs             *[]string
	GroupBy         string
	Measures        *[]string
	Window          *YearWindow
	Filter          *CompareFilter
	Weights         *[]IndexWeight
}

// ProfileArgs are the arguments of Query.administrationProfile.
type ProfileArgs struct {
	ID       string
	Measures *[]string
	Window   *YearWindow
	Filter   *CompareFilter
	Weights  *[]IndexWeight
}

// compareError turns package compare's input errors into BAD_INPUT.
func compareError(err error) error {
	var ie *compare.InputError
	if errors.As(err, &ie) {
		return &Error{Code: CodeBadInput, Message: ie.Error(), Cause: err,
			Details: map[string]any{"argument": ie.Argument, "value": ie.Value, "expected": ie.Expected}}
	}
	return err
}

// compareRequest resolves the arguments into a request, within v.
func (r *Resolver) compareRequest(ctx context.Context, v *graph.View, args CompareArgs) (compare.Request, error) {
	req := compare.Request{GroupBy: strings.TrimSpace(args.GroupBy)}
	if args.Measures != nil {
		for _, m := range *args.Measures {
			for _, x := range strings.Split(m, ",") {
				if x = strings.TrimSpace(x); x != "" {
					req.Measures = append(req.Measures, x)
				}
			}
		}
	}
	if w := args.Window; w != nil {
		if w.From != nil {
			req.From = new(int)
			*req.From = int(*w.From)
		}
		if w.To != nil {
			req.To = new(int)
			*req.To = int(*w.To)
		}
		if req.From != nil && req.To != nil && *req.From > *req.To {
			return req, errorf(CodeBadInput, "window: from %d is after to %d; expected from <= to", *req.From, *req.To)
		}
	}
	if args.Weights != nil {
		req.Weights = map[string]float64{}
		for _, w := range *args.Weights {
			req.Weights[strings.TrimSpace(w.Part)] = w.Weight
		}
	}
	m := &matcher{r: r, v: v, cache: map[graph.Term]*entity{}}
	if f := args.Filter; f != nil {
		for _, x := range []struct {
			name, scheme string
			vals         *[]string
			out          *[]graph.Term
		}{
			{"phase", schema.SchemeLifecycle, f.Phase, &req.Filter.Phases},
			{"stage", schema.SchemeLifecycle, f.Stage, &req.Filter.Stages},
			{"sector", schema.SchemeSector, f.Sector, &req.Filter.Sectors},
			{"mechanismKind", schema.SchemeInstitutionalisation, f.MechanismKind, &req.Filter.Kinds},
			{"democraticFunction", schema.SchemeDemocraticFunction, f.DemocraticFunction, &req.Filter.Functions},
			{"influenceLevel", schema.SchemeInfluence, f.InfluenceLevel, &req.Filter.Influence},
		} {
			if x.vals == nil {
				continue
			}
			for _, val := range *x.vals {
				t, err := m.concept(x.name, x.scheme, val)
				if err != nil {
					return req, err
				}
				*x.out = append(*x.out, t)
			}
		}
		if f.Mechanism != nil {
			for _, val := range *f.Mechanism {
				t, err := m.instance("mechanism", schema.ClassMechanism, val)
				if err != nil {
					return req, err
				}
				req.Filter.Mechanisms = append(req.Filter.Mechanisms, t)
			}
		}
	}
	if args.IDs != nil {
		req.Admins = []graph.Term{}
		for _, id := range *args.IDs {
			t := r.termOfID(strings.TrimSpace(id))
			e, err := m.get(t)
			if err != nil {
				return req, err
			}
			if !e.has(schema.ClassAdministration) {
				return req, &Error{Code: CodeNotFound, Message: "no administration " + quote(id) + " (argument ids); ids look like actor/ajuntament-de-barcelona or the full IRI",
					Details: map[string]any{"argument": "ids", "value": id}}
			}
			req.Admins = append(req.Admins, t)
		}
	}
	if args.Administrations != nil {
		ts, err := r.filtered(ctx, v, m, schema.ClassAdministration, args.Administrations)
		if err != nil {
			return req, err
		}
		if req.Admins != nil {
			ts = slices.DeleteFunc(ts, func(t graph.Term) bool { return !slices.Contains(req.Admins, t) })
		}
		req.Admins = ts
	}
	return req, nil
}

// filtered returns the instances of class that pass f, as a list query
// would (concept filters, country, years, text), in IRI order.
func (r *Resolver) filtered(ctx context.Context, v *graph.View, m *matcher, class string, f *Filter) ([]graph.Term, error) {
	spec := specFor(class)
	conds, err := r.compile(spec, f)
	if err != nil {
		return nil, err
	}
	ids, err := instances(v, class)
	if err != nil {
		return nil, err
	}
	for i := range conds {
		if conds[i].set == nil {
			if err := m.resolveValues(&conds[i], conds[i].scheme, conds[i].raw); err != nil {
				return nil, err
			}
		}
		set, err := m.conditionSet(conds[i])
		if err != nil {
			return nil, err
		}
		ids = slices.DeleteFunc(ids, func(id graph.ID) bool { return !set[id] })
	}
	out := make([]graph.Term, 0, len(ids))
	for i, id := range ids {
		if i&255 == 255 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		t, err := v.Resolve(id)
		if err != nil {
			return nil, err
		}
		if f.Text != nil || f.YearFrom != nil || f.YearTo != nil {
			e, err := r.load(v, t)
			if err != nil {
				return nil, err
			}
			ok, err := m.match(e, spec, f)
			if err != nil {
				return nil, err
			}
			if !ok {
				continue
			}
		}
		out = append(out, t)
	}
	compare.SortRecords(out)
	return out, nil
}

// CompareTable answers a comparison as package compare's Matrix, with row
// keys of administrations as ids (actor/...) and countries labelled with
// their English names: what the CSV and JSON downloads write.
func (r *Resolver) CompareTable(ctx context.Context, args CompareArgs) (*compare.Matrix, error) {
	res, err := r.Compare(ctx, args)
	if err != nil {
		return nil, err
	}
	m := *res.m
	m.Rows = slices.Clone(m.Rows)
	for i := range m.Rows {
		m.Rows[i].Key, m.Rows[i].Label = res.rowKey(&m.Rows[i]), res.rowLabel(&m.Rows[i])
		if m.Rows[i].Node != "" {
			m.Rows[i].Node = r.idOf(graph.IRI(m.Rows[i].Node))
		}
	}
	return &m, nil
}

// Compare resolves Query.compare.
func (r *Resolver) Compare(ctx context.Context, args CompareArgs) (*CompareMatrix, error) {
	out := &CompareMatrix{r: r}
	err := r.view(ctx, func(v *graph.View) error {
		req, err := r.compareRequest(ctx, v, args)
		if err != nil {
			return err
		}
		sum, err := r.compare.Summary(ctx, v)
		if err != nil {
			return err
		}
		m, err := sum.Compare(v, req)
		if err != nil {
			return compareError(err)
		}
		out.sum, out.req, out.m = sum, req, m
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// CompareMatrix resolves the CompareMatrix type.
type CompareMatrix struct {
	r   *Resolver
	sum *compare.Summary
	req compare.Request
	m   *compare.Matrix
}

// GroupBy resolves CompareMatrix.groupBy.
func (c *CompareMatrix) GroupBy() string { return c.m.GroupBy }

// Measures resolves CompareMatrix.measures.
func (c *CompareMatrix) Measures() []*CompareMeasure { return measuresOf(c.m.Measures) }

func measuresOf(ms []compare.Measure) []*CompareMeasure {
	out := make([]*CompareMeasure, len(ms))
	for i := range ms {
		out[i] = &CompareMeasure{ms[i]}
	}
	return out
}

// Weights resolves CompareMatrix.weights.
func (c *CompareMatrix) Weights() []*IndexPart {
	out := make([]*IndexPart, len(c.m.Weights))
	for i, p := range c.m.Weights {
		out[i] = &IndexPart{p}
	}
	return out
}

// YearFrom resolves CompareMatrix.yearFrom.
func (c *CompareMatrix) YearFrom() *int32 { return int32p(c.m.YearFrom) }

// YearTo resolves CompareMatrix.yearTo.
func (c *CompareMatrix) YearTo() *int32 { return int32p(c.m.YearTo) }

func int32p(p *int) *int32 {
	if p == nil {
		return nil
	}
	v := int32(*p)
	return &v
}

// Administrations resolves CompareMatrix.administrations.
func (c *CompareMatrix) Administrations() int32 { return int32(c.m.Administrations) }

// Undated resolves CompareMatrix.undated.
func (c *CompareMatrix) Undated() int32 { return int32(c.m.Undated) }

// Unattributed resolves CompareMatrix.unattributed.
func (c *CompareMatrix) Unattributed() int32 { return int32(c.m.Unattributed) }

// Rows resolves CompareMatrix.rows.
func (c *CompareMatrix) Rows() []*CompareRow {
	out := make([]*CompareRow, len(c.m.Rows))
	for i := range c.m.Rows {
		out[i] = &CompareRow{m: c, row: &c.m.Rows[i]}
	}
	return out
}

// Total resolves CompareMatrix.total.
func (c *CompareMatrix) Total() *CompareRow { return &CompareRow{m: c, row: &c.m.Total} }

func (c *CompareMatrix) rowKey(row *compare.Row) string {
	if row.Key == compare.TotalKey {
		return row.Key
	}
	parts := strings.Split(row.Key, "|")
	groups := strings.Split(c.m.GroupBy, ",")
	for i := range parts {
		if i < len(groups) && strings.TrimSpace(groups[i]) == "administration" {
			parts[i] = c.r.idOf(graph.IRI(parts[i]))
		}
	}
	return strings.Join(parts, "|")
}

func (c *CompareMatrix) rowLabel(row *compare.Row) string {
	if row.Key == compare.TotalKey {
		return row.Label
	}
	keys := strings.Split(row.Key, "|")
	labels := strings.Split(row.Label, " / ")
	groups := strings.Split(c.m.GroupBy, ",")
	if len(labels) != len(keys) {
		return row.Label
	}
	for i := range labels {
		if i < len(groups) && strings.TrimSpace(groups[i]) == "country" {
			for _, cn := range countryNames {
				if cn.code == keys[i] {
					labels[i] = cn.names[0]
				}
			}
		}
	}
	return strings.Join(labels, " / ")
}

// CompareMeasure resolves the CompareMeasure type.
type CompareMeasure struct{ m compare.Measure }

// ID resolves CompareMeasure.id.
func (m *CompareMeasure) ID() string { return m.m.ID }

// Label resolves CompareMeasure.label.
func (m *CompareMeasure) Label() string { return m.m.Label }

// Family resolves CompareMeasure.family.
func (m *CompareMeasure) Family() string { return m.m.Family }

// Unit resolves CompareMeasure.unit.
func (m *CompareMeasure) Unit() string { return m.m.Unit }

// Basis resolves CompareMeasure.basis.
func (m *CompareMeasure) Basis() string { return m.m.Basis }

// Description resolves CompareMeasure.description.
func (m *CompareMeasure) Description() string { return m.m.Description }

// IndexPart resolves the IndexPart type.
type IndexPart struct{ p compare.Part }

// Part resolves IndexPart.part.
func (p *IndexPart) Part() string { return p.p.Part }

// Measure resolves IndexPart.measure.
func (p *IndexPart) Measure() string { return p.p.Measure }

// Weight resolves IndexPart.weight.
func (p *IndexPart) Weight() float64 { return p.p.Weight }

// Value resolves IndexPart.value.
func (p *IndexPart) Value() *float64 { return p.p.Value }

// CompareRow resolves the CompareRow type.
type CompareRow struct {
	m   *CompareMatrix
	row *compare.Row
}

// Key resolves CompareRow.key.
func (r *CompareRow) Key() string { return r.m.rowKey(r.row) }

// Label resolves CompareRow.label.
func (r *CompareRow) Label() string { return r.m.rowLabel(r.row) }

// Node resolves CompareRow.node.
func (r *CompareRow) Node(ctx context.Context) (*Node, error) {
	if r.row.Node == "" {
		return nil, nil
	}
	es, err := r.m.r.loadAll(ctx, []graph.Term{graph.IRI(r.row.Node)})
	if err != nil {
		return nil, err
	}
	return es[0].node(), nil
}

// Administrations resolves CompareRow.administrations.
func (r *CompareRow) Administrations() int32 { return int32(r.row.Administrations) }

// Cells resolves CompareRow.cells.
func (r *CompareRow) Cells() []*CompareCell {
	out := make([]*CompareCell, len(r.row.Cells))
	for i := range r.row.Cells {
		out[i] = &CompareCell{row: r, c: &r.row.Cells[i]}
	}
	return out
}

// MeasureArgs are the arguments of CompareRow.cell.
type MeasureArgs struct{ Measure string }

// Cell resolves CompareRow.cell: nil when the measure is not a column.
func (r *CompareRow) Cell(args MeasureArgs) *CompareCell {
	for i := range r.row.Cells {
		if r.row.Cells[i].Measure == args.Measure {
			return &CompareCell{row: r, c: &r.row.Cells[i]}
		}
	}
	return nil
}

// CompareCell resolves the CompareCell type.
type CompareCell struct {
	row *CompareRow
	c   *compare.Cell
	// year, for a cell of a profile's trend, is its year.
	year *int
}

// Measure resolves CompareCell.measure.
func (c *CompareCell) Measure() string { return c.c.Measure }

// Value resolves CompareCell.value.
func (c *CompareCell) Value() *float64 { return c.c.Value }

// Concept resolves CompareCell.concept.
func (c *CompareCell) Concept(ctx context.Context) (*Concept, error) {
	if c.c.ConceptIRI == "" {
		return nil, nil
	}
	es, err := c.row.m.r.loadAll(ctx, []graph.Term{graph.IRI(c.c.ConceptIRI)})
	if err != nil {
		return nil, err
	}
	return asConcept(es[0]), nil
}

// Basis resolves CompareCell.basis.
func (c *CompareCell) Basis() int32 { return int32(c.c.Basis) }

// Counted resolves CompareCell.counted.
func (c *CompareCell) Counted() int32 { return int32(c.c.Counted) }

// Missing resolves CompareCell.missing.
func (c *CompareCell) Missing() int32 { return int32(c.c.Missing) }

// MissingShare resolves CompareCell.missingShare.
func (c *CompareCell) MissingShare() *float64 { return c.c.MissingShare }

// Parts resolves CompareCell.parts.
func (c *CompareCell) Parts() []*IndexPart {
	out := make([]*IndexPart, len(c.c.Parts))
	for i, p := range c.c.Parts {
		out[i] = &IndexPart{p}
	}
	return out
}

// CellRecordsArgs are the arguments of CompareCell.records.
type CellRecordsArgs struct {
	Which string
	First int32
	After *string
}

// Records resolves CompareCell.records: the records behind the figure,
// from the same summary as the figure, in IRI order.
func (c *CompareCell) Records(ctx context.Context, args CellRecordsArgs) (*Connection[*Node], error) {
	which := compare.Basis
	switch args.Which {
	case "COUNTED":
		which = compare.Counted
	case "MISSING":
		which = compare.Missing
	}
	m := c.row.m
	req := m.req
	if c.year != nil {
		req.From, req.To = c.year, c.year
	}
	rel := func(v *graph.View) ([]graph.Term, error) {
		ids, err := m.sum.Records(v, req, c.row.row.Key, c.c.Measure, which)
		if err != nil {
			return nil, compareError(err)
		}
		out := make([]graph.Term, len(ids))
		for i, id := range ids {
			if out[i], err = v.Resolve(id); err != nil {
				return nil, err
			}
		}
		return out, nil
	}
	return related(ctx, m.r, rel, PageArgs{First: args.First, After: args.After}, asNode)
}

// AdministrationProfile resolves Query.administrationProfile.
func (r *Resolver) AdministrationProfile(ctx context.Context, args ProfileArgs) (*AdministrationProfile, error) {
	out := &AdministrationProfile{}
	err := r.view(ctx, func(v *graph.View) error {
		req, err := r.compareRequest(ctx, v, CompareArgs{Measures: args.Measures, Window: args.Window, Filter: args.Filter, Weights: args.Weights})
		if err != nil {
			return err
		}
		t := r.termOfID(strings.TrimSpace(args.ID))
		sum, err := r.compare.Summary(ctx, v)
		if err != nil {
			return err
		}
		p, err := sum.Profile(v, t, req)
		if err != nil {
			return compareError(err)
		}
		if p == nil {
			return &Error{Code: CodeNotFound, Message: "no administration " + quote(args.ID) + " (argument id); ids look like actor/ajuntament-de-barcelona or the full IRI",
				Details: map[string]any{"argument": "id", "value": args.ID}}
		}
		e, err := r.load(v, t)
		if err != nil {
			return err
		}
		req.GroupBy = "administration"
		out.p, out.admin = p, e
		out.m = &CompareMatrix{r: r, sum: sum, req: req, m: &compare.Matrix{GroupBy: "administration", Measures: p.Measures}}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// AdministrationProfile resolves the AdministrationProfile type.
type AdministrationProfile struct {
	p     *compare.Profile
	admin *entity
	m     *CompareMatrix
}

// Administration resolves AdministrationProfile.administration.
func (p *AdministrationProfile) Administration() *Administration { return asAdmin(p.admin) }

// Level resolves AdministrationProfile.level.
func (p *AdministrationProfile) Level(ctx context.Context) (*Concept, error) {
	if p.p.Level == "" {
		return nil, nil
	}
	es, err := p.m.r.loadAll(ctx, []graph.Term{graph.IRI(p.p.Level)})
	if err != nil {
		return nil, err
	}
	return asConcept(es[0]), nil
}

// Peers resolves AdministrationProfile.peers.
func (p *AdministrationProfile) Peers() int32 { return int32(p.p.Peers) }

// Row resolves AdministrationProfile.row.
func (p *AdministrationProfile) Row() *CompareRow { return &CompareRow{m: p.m, row: &p.p.Row} }

// Measures resolves AdministrationProfile.measures.
func (p *AdministrationProfile) Measures() []*CompareMeasure { return measuresOf(p.p.Measures) }

// Trend resolves AdministrationProfile.trend.
func (p *AdministrationProfile) Trend() []*CompareYear {
	out := make([]*CompareYear, len(p.p.Trend))
	for i := range p.p.Trend {
		y := p.p.Trend[i]
		row := &CompareRow{m: p.m, row: &compare.Row{Key: p.p.Row.Key, Cells: y.Cells}}
		out[i] = &CompareYear{year: y.Year, row: row}
	}
	return out
}

// CompareYear resolves the CompareYear type.
type CompareYear struct {
	year int
	row  *CompareRow
}

// Year resolves CompareYear.year.
func (y *CompareYear) Year() int32 { return int32(y.year) }

// Cells resolves CompareYear.cells; their records are those of the year.
func (y *CompareYear) Cells() []*CompareCell {
	cells := y.row.Cells()
	for _, c := range cells {
		c.year = &y.year
	}
	return cells
}

// Ranks resolves AdministrationProfile.ranks.
func (p *AdministrationProfile) Ranks() []*CompareRank {
	out := make([]*CompareRank, len(p.p.Ranks))
	for i := range p.p.Ranks {
		out[i] = &CompareRank{p.p.Ranks[i]}
	}
	return out
}

// CompareRank resolves the CompareRank type.
type CompareRank struct{ r compare.Rank }

// Measure resolves CompareRank.measure.
func (r *CompareRank) Measure() string { return r.r.Measure }

// Rank resolves CompareRank.rank.
func (r *CompareRank) Rank() *int32 { return int32p(r.r.Rank) }

// Of resolves CompareRank.of.
func (r *CompareRank) Of() int32 { return int32(r.r.Of) }

// Value resolves CompareRank.value.
func (r *CompareRank) Value() *float64 { return r.r.Value }

// CompareParams lists the parameters [ParseCompareParams] reads, with what
// each takes: the query parameters of /compare.csv and /compare.json, and
// the flags of civicgraph compare.
var CompareParams = []struct{ Name, Help string }{
	{"groupBy", "administration, country, level, scheme:NAME, or several joined by commas (country,level)"},
	{"measures", "measure ids, comma-separated (default: all but single stages' coverage)"},
	{"from", "first year of the window"},
	{"to", "last year of the window"},
	{"ids", "administrations compared, by id or IRI (default: all)"},
	{"level", "administrations of these levels of government (code, label or IRI)"},
	{"country", "administrations of these countries (ISO code or name)"},
	{"text", "administrations whose names hold these words"},
	{"phase", "engagements at these lifecycle phases"},
	{"stage", "engagements at these lifecycle stages"},
	{"sector", "engagements of actors of these stakeholder sectors"},
	{"mechanism", "engagements through these mechanisms (id, IRI or label)"},
	{"mechanismKind", "engagements through mechanisms of these degrees of institutionalisation"},
	{"democraticFunction", "engagements through mechanisms of these democratic functions"},
	{"influenceLevel", "engagements at these IAP2 levels of influence"},
	{"weights", "weights of the index parts, PART=W comma-separated (coverage=2,transparency=0)"},
}

// ParseCompareParams reads the arguments of a comparison from named
// string values (see [CompareParams]); get returns the values given for a
// name (none when absent), and names lists every name given, so that an
// unknown one is refused. Lists take several values or comma-separated
// ones.
func ParseCompareParams(names []string, get func(name string) []string) (CompareArgs, error) {
	var args CompareArgs
	known := map[string]bool{}
	var valid []string
	for _, p := range CompareParams {
		known[p.Name] = true
		valid = append(valid, p.Name)
	}
	for _, n := range names {
		if !known[n] {
			return args, &Error{Code: CodeBadInput, Message: "parameter " + quote(n) + " is not one of " + strings.Join(valid, ", "),
				Details: map[string]any{"argument": n, "expected": valid}}
		}
	}
	list := func(name string) *[]string {
		vals := get(name)
		if len(vals) == 0 {
			return nil
		}
		var out []string
		for _, v := range vals {
			for _, x := range strings.Split(v, ",") {
				if x = strings.TrimSpace(x); x != "" {
					out = append(out, x)
				}
			}
		}
		return &out
	}
	one := func(name string) (string, error) {
		vals := get(name)
		switch len(vals) {
		case 0:
			return "", nil
		case 1:
			return strings.TrimSpace(vals[0]), nil
		}
		return "", errorf(CodeBadInput, "parameter %s: expected one value, found %d", name, len(vals))
	}
	year := func(name string) (*int32, error) {
		s, err := one(name)
		if err != nil || s == "" {
			return nil, err
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 || n > 9999 {
			return nil, errorf(CodeBadInput, "parameter %s: expected a year (such as 2021), found %s", name, quote(s))
		}
		y := int32(n)
		return &y, nil
	}
	var err error
	if args.GroupBy, err = one("groupBy"); err != nil {
		return args, err
	}
	args.Measures, args.IDs = list("measures"), list("ids")
	from, err := year("from")
	if err != nil {
		return args, err
	}
	to, err := year("to")
	if err != nil {
		return args, err
	}
	if from != nil || to != nil {
		args.Window = &YearWindow{From: from, To: to}
	}
	if l, c, t := list("level"), list("country"), get("text"); l != nil || c != nil || len(t) > 0 {
		args.Administrations = &Filter{Level: l, Country: c}
		if len(t) > 0 {
			s := strings.Join(t, " ")
			args.Administrations.Text = &s
		}
	}
	f := CompareFilter{Phase: list("phase"), Stage: list("stage"), Sector: list("sector"), Mechanism: list("mechanism"),
		MechanismKind: list("mechanismKind"), DemocraticFunction: list("democraticFunction"), InfluenceLevel: list("influenceLevel")}
	if f != (CompareFilter{}) {
		args.Filter = &f
	}
	if ws := list("weights"); ws != nil {
		args.Weights = &[]IndexWeight{}
		for _, w := range *ws {
			part, val, ok := strings.Cut(w, "=")
			x, err := strconv.ParseFloat(strings.TrimSpace(val), 64)
			if !ok || err != nil {
				return args, errorf(CodeBadInput, "parameter weights: expected PART=WEIGHT (coverage=2), found %s", quote(w))
			}
			*args.Weights = append(*args.Weights, IndexWeight{Part: strings.TrimSpace(part), Weight: x})
		}
	}
	return args, nil
}
