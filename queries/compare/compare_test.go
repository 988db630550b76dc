package compare_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/queries/compare"
	"civicgraph/schema"
)

const ex = "https://example.org/"

func iri(s string) graph.Term { return graph.IRI(ex + s) }

// builder writes the quads of a fixture.
type builder struct{ qs []graph.Quad }

func (b *builder) add(s graph.Term, p string, o graph.Term, g string) {
	b.qs = append(b.qs, graph.Quad{S: s, P: graph.IRI(p), O: o, G: graph.IRI(ex + "graph/" + g)})
}

func concept(scheme, code string) graph.Term { return graph.IRI(schema.ConceptIRI(scheme, code)) }

func date(y int) graph.Term { return graph.Literal(fmt.Sprintf("%d-06-01", y), schema.XSDDate) }

func (b *builder) admin(id, country, level string) {
	s := iri(id)
	b.add(s, schema.RDFType, graph.IRI(schema.ClassAdministration), "actors")
	b.add(s, schema.RDFSLabel, graph.LangLiteral("Administration "+id, "en"), "actors")
	if country != "" {
		b.add(s, schema.PropCountry, graph.String(country), "actors")
	}
	if level != "" {
		b.add(s, schema.PropGovernmentLevel, concept(schema.SchemeGovernmentLevel, level), "actors")
	} else {
		b.add(s, schema.PropNotStated, graph.IRI(schema.PropGovernmentLevel), "actors")
	}
}

func (b *builder) proc(id, g, buyer string, year int) {
	s := iri(id)
	b.add(s, schema.RDFType, graph.IRI(schema.ClassProcurement), g)
	b.add(s, schema.PropBuyer, iri(buyer), g)
	if year != 0 {
		b.add(s, schema.DCTermsDate, date(year), g)
	}
}

func (b *builder) actor(id string, sectors ...string) {
	s := iri(id)
	b.add(s, schema.RDFType, graph.IRI(schema.ClassActor), "actors")
	for _, sec := range sectors {
		b.add(s, schema.PropSector, concept(schema.SchemeSector, sec), "actors")
	}
}

func (b *builder) mech(id, degree, function string) {
	s := iri(id)
	b.add(s, schema.RDFType, graph.IRI(schema.ClassMechanism), "toolbox")
	b.add(s, schema.PropInstitutionalisation, concept(schema.SchemeInstitutionalisation, degree), "toolbox")
	b.add(s, schema.PropDemocraticFunction, concept(schema.SchemeDemocraticFunction, function), "toolbox")
}

// eng writes an engagement; on is "proc:ID" or "mission:ID"; mech and
// infl may be "", year 0.
func (b *builder) eng(id, actor, on, stage, mech, infl string, year int) {
	s := iri(id)
	b.add(s, schema.RDFType, graph.IRI(schema.ClassEngagement), "engagements")
	b.add(s, schema.PropActor, iri(actor), "engagements")
	switch kind, x := on[:4], on[5:]; kind {
	case "proc":
		b.add(s, schema.PropProcurement, iri(x), "engagements")
	default:
		b.add(s, schema.PropMission, iri(on[8:]), "engagements")
	}
	b.add(s, schema.PropStage, concept(schema.SchemeLifecycle, stage), "engagements")
	if mech != "" {
		b.add(s, schema.PropMechanism, iri(mech), "engagements")
	}
	if infl != "" {
		b.add(s, schema.PropInfluenceLevel, concept(schema.SchemeInfluence, infl), "engagements")
	}
	if year != 0 {
		b.add(s, schema.DCTermsDate, date(year), "engagements")
	}
}

// fixture is the hand-built store every figure of TestCompare_Fixture was
// computed from by hand:
//
//	administrations  a (ES, local)  b (ES, regional)  c (NL, local)  d (NL, level not stated)
//	procurements     graph R (a register): p1 a 2020, p2 a 2021, p3 b 2021, p4 c 2022
//	                 graph O (an OCDS file): p5 c 2020, p6 d (no date)
//	signals          p1 registerEntry, impactAssessment true, legalBasis
//	                 p2 impactAssessment false; p3 registerEntry, cg:notStated impactAssessment
//	                 p5 dcterms:references (documents); nobody states publicParticipation
//	                 so R carries registerEntry, impactAssessment and legalBasis, O carries documents
//	actors           x civil-society, y academia, z (no sector), w industry + civil-society
//	mechanisms       m1 standing, consult; m2 informal, deliberate
//	engagements      e1 x p1 tendering     m1 consult     2020
//	                 e2 y p1 problem-framing m2 involve   2020
//	                 e3 x p2 monitoring    m1 empower     2021
//	                 e4 z p3 tendering     -  -           2021
//	                 e5 y p4 award         m2 inform      (no date: p4's year, 2022)
//	                 e6 w mission ms1 (owned by a) purpose m1 collaborate 2019
//
// Engagements point at procurements of R only: R records engagements, O
// does not (its procurements' coverage is missing).
func fixture() []graph.Quad {
	b := &builder{}
	b.admin("a", "ES", "local")
	b.admin("b", "ES", "regional")
	b.admin("c", "NL", "local")
	b.admin("d", "NL", "")
	b.proc("p1", "R", "a", 2020)
	b.proc("p2", "R", "a", 2021)
	b.proc("p3", "R", "b", 2021)
	b.proc("p4", "R", "c", 2022)
	b.proc("p5", "O", "c", 2020)
	b.proc("p6", "O", "d", 0)
	tr := graph.Literal("true", schema.XSDBoolean)
	b.add(iri("p1"), schema.PropRegisterEntry, graph.IRI("https://register.example.org/p1"), "R")
	b.add(iri("p1"), schema.PropImpactAssessment, tr, "R")
	b.add(iri("p1"), schema.PropLegalBasis, graph.LangLiteral("Wet 1", "nl"), "R")
	b.add(iri("p2"), schema.PropImpactAssessment, graph.Literal("false", schema.XSDBoolean), "R")
	b.add(iri("p3"), schema.PropRegisterEntry, graph.IRI("https://register.example.org/p3"), "R")
	b.add(iri("p3"), schema.PropNotStated, graph.IRI(schema.PropImpactAssessment), "R")
	b.add(iri("p5"), schema.DCTermsReferences, graph.IRI("https://docs.example.org/p5.pdf"), "O")
	b.actor("x", "civil-society")
	b.actor("y", "academia")
	b.actor("z")
	b.actor("w", "industry", "civil-society")
	b.mech("m1", "standing", "consult")
	b.mech("m2", "informal", "deliberate")
	b.add(iri("ms1"), schema.RDFType, graph.IRI(schema.ClassMission), "missions")
	b.add(iri("ms1"), schema.PropOwner, iri("a"), "missions")
	b.eng("e1", "x", "proc:p1", "tendering", "m1", "consult", 2020)
	b.eng("e2", "y", "proc:p1", "problem-framing", "m2", "involve", 2020)
	b.eng("e3", "x", "proc:p2", "monitoring", "m1", "empower", 2021)
	b.eng("e4", "z", "proc:p3", "tendering", "", "", 2021)
	b.eng("e5", "y", "proc:p4", "award", "m2", "inform", 0)
	b.eng("e6", "w", "mission:ms1", "purpose", "m1", "collaborate", 2019)
	return b.qs
}

func newStore(t testing.TB, qs []graph.Quad) *graph.Store {
	t.Helper()
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	s := graphtest.NewStore(t)
	graphtest.BulkLoad(t, s, append(sc.Quads(), qs...))
	return s
}

// run compares within one snapshot.
func run(t testing.TB, s *graph.Store, e *compare.Engine, req compare.Request) *compare.Matrix {
	t.Helper()
	var m *compare.Matrix
	err := s.View(t.Context(), func(v *graph.View) error {
		sum, err := e.Summary(t.Context(), v)
		if err != nil {
			return err
		}
		m, err = sum.Compare(v, req)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// want is an expected figure: the value (NaN for missing), basis,
// counted, missing.
type want struct {
	v                       float64
	basis, counted, missing int
}

var null = math.NaN()

func cellOf(t *testing.T, m *compare.Matrix, key, measure string) compare.Cell {
	t.Helper()
	rows := append(slices.Clone(m.Rows), m.Total)
	for _, r := range rows {
		if r.Key != key {
			continue
		}
		for _, c := range r.Cells {
			if c.Measure == measure {
				return c
			}
		}
	}
	t.Fatalf("no cell %s/%s", key, measure)
	return compare.Cell{}
}

func check(t *testing.T, m *compare.Matrix, key string, wants map[string]want) {
	t.Helper()
	for measure, w := range wants {
		c := cellOf(t, m, key, measure)
		got := null
		if c.Value != nil {
			got = *c.Value
		}
		same := math.IsNaN(w.v) && math.IsNaN(got) || math.Abs(w.v-got) < 1e-4
		if !same || c.Basis != w.basis || c.Counted != w.counted || c.Missing != w.missing {
			t.Errorf("%s %s = %s (basis %d, counted %d, missing %d), want %v (basis %d, counted %d, missing %d)",
				key, measure, compare.FormatValue(c.Value), c.Basis, c.Counted, c.Missing, w.v, w.basis, w.counted, w.missing)
		}
	}
}

func TestCompare_Fixture(t *testing.T) {
	s := newStore(t, fixture())
	e := compare.NewEngine()
	m := run(t, s, e, compare.Request{})
	if len(m.Rows) != 4 || m.Administrations != 4 || m.Unattributed != 0 || m.Undated != 0 {
		t.Fatalf("rows %d, administrations %d, unattributed %d, undated %d; want 4, 4, 0, 0", len(m.Rows), m.Administrations, m.Unattributed, m.Undated)
	}
	// Administration a: procurements p1, p2; engagements e1, e2, e3 and e6
	// (in its mission).
	check(t, m, ex+"a", map[string]want{
		"procurements": {2, 2, 2, 0},
		"engagements":  {4, 4, 4, 0},
		// x, y, x, w: 3 distinct.
		"actors": {3, 4, 3, 0},
		// e1, e2, e3 are in its procurements, both of which R records
		// engagements for: 3 / 2.
		"engagementsPerProcurement": {1.5, 2, 3, 0},
		// p1 and p2 both have one: 2 / 2.
		"coverage": {1, 2, 2, 0},
		// purpose: p1 (e2 at problem framing); delivery: p1 (e1 at
		// tendering); impact: p2 (e3 at monitoring): 1 / 2 each.
		"coverage.purpose":  {0.5, 2, 1, 0},
		"coverage.delivery": {0.5, 2, 1, 0},
		"coverage.impact":   {0.5, 2, 1, 0},
		// civil society (x, x, w), academia (y), industry (w).
		"sectors": {3, 4, 3, 0},
		// counts 3, 1, 1 of 5: H = -(0.6 ln 0.6 + 2 * 0.2 ln 0.2) = 0.950271;
		// / ln 6 = 0.530356.
		"diversity": {0.530356, 4, 4, 0},
		// consult 2, involve 3, empower 5, collaborate 4: highest empower
		// (one engagement), lower median of 2 3 4 5 is 3 (involve).
		"influenceMax":    {5, 4, 1, 0},
		"influenceMedian": {3, 4, 4, 0},
		// involve, empower, collaborate: 3 / 4.
		"involveShare": {0.75, 4, 3, 0},
		// m1 and m2.
		"mechanisms": {2, 4, 2, 0},
		// m1 is standing: e1, e3, e6 = 3 / 4.
		"institutionalised":              {0.75, 4, 3, 0},
		"institutionalisation.informal":  {0.25, 4, 1, 0},
		"institutionalisation.statutory": {0, 4, 0, 0},
		"function.consult":               {0.75, 4, 3, 0},
		"function.deliberate":            {0.25, 4, 1, 0},
		// R carries registerEntry, impactAssessment, legalBasis: p1 yes,
		// p2 no (known, since R carries them) = 1 / 2 each.
		"registerEntry":    {0.5, 2, 1, 0},
		"impactAssessment": {0.5, 2, 1, 0},
		"legalBasis":       {0.5, 2, 1, 0},
		// No source states these for a's procurements: missing, not 0.
		"publicConsultation": {null, 2, 0, 2},
		"documents":          {null, 2, 0, 2},
		// Mean of 0.5, 0.5, 0.5; p1 has a positive signal.
		"transparency": {0.5, 2, 1, 0},
		// (1 + 0.530356 + 0.75 + 0.75 + 0.5) / 5 = 0.706071.
		"index": {0.706071, 6, 6, 0},
	})
	// Administration b: p3 and e4 (actor z has no sector; no mechanism, no
	// influence level).
	check(t, m, ex+"b", map[string]want{
		"procurements":              {1, 1, 1, 0},
		"engagementsPerProcurement": {1, 1, 1, 0},
		"coverage.delivery":         {1, 1, 1, 0},
		"coverage.purpose":          {0, 1, 0, 0},
		"sectors":                   {null, 1, 0, 1},
		"diversity":                 {null, 1, 0, 1},
		"influenceMax":              {null, 1, 0, 1},
		"involveShare":              {null, 1, 0, 1},
		"mechanisms":                {null, 1, 0, 1},
		"institutionalised":         {null, 1, 0, 1},
		"registerEntry":             {1, 1, 1, 0},
		// cg:notStated impactAssessment: missing.
		"impactAssessment": {null, 1, 0, 1},
		"legalBasis":       {0, 1, 0, 0},
		// Mean of 1 and 0.
		"transparency": {0.5, 1, 1, 0},
		// diversity and depth are missing, so is the index.
		"index": {null, 2, 2, 0},
	})
	// Administration c: p4 (R) with e5, p5 (O, which records no
	// engagements and carries only documents).
	check(t, m, ex+"c", map[string]want{
		"procurements":              {2, 2, 2, 0},
		"engagementsPerProcurement": {1, 2, 1, 1},
		"coverage":                  {1, 2, 1, 1},
		// one sector: H = 0.
		"diversity":     {0, 1, 1, 0},
		"influenceMax":  {1, 1, 1, 0},
		"involveShare":  {0, 1, 0, 0},
		"registerEntry": {0, 2, 0, 1},
		"documents":     {1, 2, 1, 1},
		// mean of registerEntry 0, impactAssessment 0, legalBasis 0,
		// documents 1.
		"transparency": {0.25, 2, 1, 0},
		// (1 + 0 + 0 + 0 + 0.25) / 5.
		"index": {0.25, 3, 3, 0},
	})
	// Administration d: p6 only (O, no engagements recorded).
	check(t, m, ex+"d", map[string]want{
		"procurements":              {1, 1, 1, 0},
		"engagements":               {0, 0, 0, 0},
		"actors":                    {0, 0, 0, 0},
		"engagementsPerProcurement": {null, 1, 0, 1},
		"coverage":                  {null, 1, 0, 1},
		"diversity":                 {null, 0, 0, 0},
		"registerEntry":             {null, 1, 0, 1},
		"documents":                 {0, 1, 0, 0},
		"transparency":              {0, 1, 0, 0},
		"index":                     {null, 1, 1, 0},
	})
	check(t, m, compare.TotalKey, map[string]want{
		"procurements": {6, 6, 6, 0},
		"engagements":  {6, 6, 6, 0},
		// x, y, z, w.
		"actors": {4, 6, 4, 0},
		// e1..e5 in procurements; R's four procurements are known.
		"engagementsPerProcurement": {1.25, 6, 5, 2},
		"coverage":                  {1, 6, 4, 2},
	})

	t.Run("Stage", func(t *testing.T) {
		// Single stages are measures when asked for: tendering in p1 (e1).
		m := run(t, s, e, compare.Request{Measures: []string{"coverage.tendering"}})
		check(t, m, ex+"a", map[string]want{"coverage.tendering": {0.5, 2, 1, 0}})
	})
	t.Run("ByCountry", func(t *testing.T) {
		m := run(t, s, e, compare.Request{GroupBy: "country", Measures: []string{"procurements", "actors", "coverage"}})
		if len(m.Rows) != 2 || m.Rows[0].Key != "ES" || m.Rows[0].Administrations != 2 {
			t.Fatalf("rows = %+v", m.Rows)
		}
		// ES: a and b: p1 p2 p3, all covered; actors x y w z.
		check(t, m, "ES", map[string]want{"procurements": {3, 3, 3, 0}, "actors": {4, 5, 4, 0}, "coverage": {1, 3, 3, 0}})
		check(t, m, "NL", map[string]want{"procurements": {3, 3, 3, 0}, "coverage": {1, 3, 1, 2}})
	})
	t.Run("ByLevelAndCountry", func(t *testing.T) {
		m := run(t, s, e, compare.Request{GroupBy: "level,country", Measures: []string{"procurements"}})
		var keys []string
		for _, r := range m.Rows {
			keys = append(keys, r.Key)
		}
		if want := []string{"local|ES", "local|NL", "not-stated|NL", "regional|ES"}; !slices.Equal(keys, want) {
			t.Errorf("keys = %v, want %v", keys, want)
		}
	})
	t.Run("Window", func(t *testing.T) {
		from, to := 2021, 2022
		m := run(t, s, e, compare.Request{From: &from, To: &to, Measures: []string{"procurements", "engagements", "coverage.impact"}})
		// p6 has no year.
		if m.Undated != 1 {
			t.Errorf("undated = %d, want 1", m.Undated)
		}
		// a: p2 and e3 (2021).
		check(t, m, ex+"a", map[string]want{"procurements": {1, 1, 1, 0}, "engagements": {1, 1, 1, 0}, "coverage.impact": {1, 1, 1, 0}})
		// c: p4 (2022) and e5 (p4's year).
		check(t, m, ex+"c", map[string]want{"procurements": {1, 1, 1, 0}, "engagements": {1, 1, 1, 0}})
	})
	t.Run("Filter", func(t *testing.T) {
		m := run(t, s, e, compare.Request{Measures: []string{"engagements", "coverage"},
			Filter: compare.Filter{Phases: []graph.Term{concept(schema.SchemeLifecycle, "delivery")}}})
		// a: e1 only (tendering); coverage p1 of p1, p2.
		check(t, m, ex+"a", map[string]want{"engagements": {1, 1, 1, 0}, "coverage": {0.5, 2, 1, 0}})
		m = run(t, s, e, compare.Request{Measures: []string{"engagements"},
			Filter: compare.Filter{Sectors: []graph.Term{concept(schema.SchemeSector, "civil-society")}}})
		// e1, e3 (x) and e6 (w).
		check(t, m, ex+"a", map[string]want{"engagements": {3, 3, 3, 0}})
		m = run(t, s, e, compare.Request{Measures: []string{"engagements"},
			Filter: compare.Filter{Kinds: []graph.Term{concept(schema.SchemeInstitutionalisation, "informal")}, Influence: []graph.Term{concept(schema.SchemeInfluence, "involve")}}})
		check(t, m, ex+"a", map[string]want{"engagements": {1, 1, 1, 0}})
	})
	t.Run("Weights", func(t *testing.T) {
		// With diversity, depth and institutionalisation at weight 0, b's
		// index rests on coverage 1 and transparency 0.5.
		m := run(t, s, e, compare.Request{Measures: []string{"index"}, Weights: map[string]float64{"diversity": 0, "depth": 0, "institutionalisation": 0}})
		// (coverage 1 + transparency 0.5) / 2.
		check(t, m, ex+"b", map[string]want{"index": {0.75, 2, 2, 0}})
		// a: (2 * 1 + 0.5) / 3.
		m = run(t, s, e, compare.Request{Measures: []string{"index"}, Weights: map[string]float64{"coverage": 2, "diversity": 0, "depth": 0, "institutionalisation": 0}})
		check(t, m, ex+"a", map[string]want{"index": {2.5 / 3, 6, 6, 0}})
		if c := cellOf(t, m, ex+"a", "index"); len(c.Parts) != 5 || c.Parts[1].Value == nil {
			t.Errorf("index parts = %+v, want all five with their values", c.Parts)
		}
	})
	t.Run("BadInput", func(t *testing.T) {
		for _, req := range []compare.Request{
			{Measures: []string{"nope"}},
			{GroupBy: "colour"},
			{GroupBy: "scheme:nope"},
			{Weights: map[string]float64{"beauty": 1}},
			{Weights: map[string]float64{"coverage": -1}},
		} {
			err := s.View(t.Context(), func(v *graph.View) error {
				sum, err := e.Summary(t.Context(), v)
				if err != nil {
					return err
				}
				_, err = sum.Compare(v, req)
				return err
			})
			var ie *compare.InputError
			if !errors.As(err, &ie) || len(ie.Expected) == 0 {
				t.Errorf("Compare(%+v) = %v, want an InputError listing the valid values", req, err)
			}
		}
	})
}

func TestCompare_Records(t *testing.T) {
	s := newStore(t, fixture())
	e := compare.NewEngine()
	err := s.View(t.Context(), func(v *graph.View) error {
		sum, err := e.Summary(t.Context(), v)
		if err != nil {
			return err
		}
		names := func(ids []graph.ID) []string {
			var out []string
			for _, id := range ids {
				tm, err := v.Resolve(id)
				if err != nil {
					t.Fatal(err)
				}
				out = append(out, tm.Value[len(ex):])
			}
			slices.Sort(out)
			return out
		}
		for _, tc := range []struct {
			key, measure string
			which        compare.Which
			want         []string
		}{
			{ex + "a", "coverage.impact", compare.Counted, []string{"p2"}},
			{ex + "a", "actors", compare.Counted, []string{"w", "x", "y"}},
			{ex + "a", "influenceMax", compare.Counted, []string{"e3"}},
			{ex + "a", "engagementsPerProcurement", compare.Counted, []string{"e1", "e2", "e3"}},
			{ex + "c", "coverage", compare.Missing, []string{"p5"}},
			{ex + "b", "impactAssessment", compare.Missing, []string{"p3"}},
			{ex + "b", "sectors", compare.Missing, []string{"e4"}},
			{compare.TotalKey, "documents", compare.Counted, []string{"p5"}},
			{compare.TotalKey, "engagements", compare.Basis, []string{"e1", "e2", "e3", "e4", "e5", "e6"}},
		} {
			ids, err := sum.Records(v, compare.Request{}, tc.key, tc.measure, tc.which)
			if err != nil {
				return err
			}
			if got := names(ids); !slices.Equal(got, tc.want) {
				t.Errorf("Records(%s, %s, %d) = %v, want %v", tc.key, tc.measure, tc.which, got, tc.want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCompare_Profile(t *testing.T) {
	s := newStore(t, fixture())
	e := compare.NewEngine()
	err := s.View(t.Context(), func(v *graph.View) error {
		sum, err := e.Summary(t.Context(), v)
		if err != nil {
			return err
		}
		p, err := sum.Profile(v, iri("c"), compare.Request{Measures: []string{"procurements", "coverage", "transparency"}})
		if err != nil {
			return err
		}
		// Peers of c (local): a and c.
		if p.Peers != 2 || p.Level != schema.ConceptIRI(schema.SchemeGovernmentLevel, "local") {
			t.Errorf("peers %d, level %s; want 2, local", p.Peers, p.Level)
		}
		// procurements: a 2, c 2: both first. coverage: a 1, c 1.
		// transparency: a 0.5, c 0.25: c second.
		wantRanks := map[string][2]int{"procurements": {1, 2}, "coverage": {1, 2}, "transparency": {2, 2}}
		for _, r := range p.Ranks {
			w := wantRanks[r.Measure]
			if r.Rank == nil || *r.Rank != w[0] || r.Of != w[1] {
				t.Errorf("rank of %s = %v of %d, want %d of %d", r.Measure, r.Rank, r.Of, w[0], w[1])
			}
		}
		// Trend: 2020 (p5), 2022 (p4, e5).
		var years []int
		for _, y := range p.Trend {
			years = append(years, y.Year)
		}
		if !slices.Equal(years, []int{2020, 2022}) {
			t.Errorf("trend years = %v, want [2020 2022]", years)
		}
		if v := p.Trend[1].Cells[1].Value; v == nil || *v != 1 {
			t.Errorf("coverage in 2022 = %v, want 1", v)
		}
		if p, err := sum.Profile(v, iri("x"), compare.Request{}); err != nil || p != nil {
			t.Errorf("Profile(actor x) = %v, %v; want nil, nil", p, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// randomStore builds a store of n administrations with random countries
// and levels (some missing), procurements, engagements and signals.
func randomQuads(seed uint64, admins, procs, engs int) []graph.Quad {
	r := rand.New(rand.NewPCG(seed, 1))
	b := &builder{}
	countries := []string{"ES", "NL", "IT", ""}
	levels := []string{"local", "regional", "national", ""}
	stages := []string{"problem-framing", "tendering", "award", "monitoring", "purpose", "delivery"}
	sectors := []string{"civil-society", "academia", "industry", "citizens"}
	infl := []string{"inform", "consult", "involve", "collaborate", "empower", ""}
	for i := range admins {
		b.admin(fmt.Sprintf("a%d", i), countries[r.IntN(4)], levels[r.IntN(4)])
	}
	for i := range 8 {
		var ss []string
		for k := r.IntN(3); k > 0; k-- {
			ss = append(ss, sectors[r.IntN(4)])
		}
		b.actor(fmt.Sprintf("x%d", i), ss...)
	}
	b.mech("m0", "standing", "consult")
	b.mech("m1", "informal", "deliberate")
	for i := range procs {
		g := []string{"R", "O", "S"}[r.IntN(3)]
		id := fmt.Sprintf("p%d", i)
		b.proc(id, g, fmt.Sprintf("a%d", r.IntN(admins)), []int{0, 2019, 2020, 2021}[r.IntN(4)])
		if r.IntN(2) == 0 {
			b.add(iri(id), schema.PropRegisterEntry, iri("page/"+id), g)
		}
		switch r.IntN(4) {
		case 0:
			b.add(iri(id), schema.PropImpactAssessment, graph.Literal("true", schema.XSDBoolean), g)
		case 1:
			b.add(iri(id), schema.PropNotStated, graph.IRI(schema.PropImpactAssessment), g)
		}
	}
	for i := range engs {
		mech := []string{"m0", "m1", ""}[r.IntN(3)]
		b.eng(fmt.Sprintf("e%d", i), fmt.Sprintf("x%d", r.IntN(8)), fmt.Sprintf("proc:p%d", r.IntN(procs)),
			stages[r.IntN(len(stages))], mech, infl[r.IntN(len(infl))], []int{0, 2019, 2020, 2021, 2022}[r.IntN(5)])
	}
	return b.qs
}

// TestCompare_Properties checks, on random stores, that the groups add up
// to the total (for every figure that adds) and that the drill-down of
// every cell lists as many records as the cell says.
func TestCompare_Properties(t *testing.T) {
	for seed := range uint64(4) {
		s := newStore(t, randomQuads(seed, 12, 60, 200))
		e := compare.NewEngine()
		from := 2020
		for _, req := range []compare.Request{
			{GroupBy: "country"},
			{GroupBy: "level,country", From: &from},
			{GroupBy: "administration", Filter: compare.Filter{Phases: []graph.Term{concept(schema.SchemeLifecycle, "delivery")}}},
		} {
			err := s.View(t.Context(), func(v *graph.View) error {
				sum, err := e.Summary(t.Context(), v)
				if err != nil {
					return err
				}
				m, err := sum.Compare(v, req)
				if err != nil {
					return err
				}
				admins := 0
				for _, r := range m.Rows {
					admins += r.Administrations
				}
				if admins != m.Total.Administrations {
					t.Errorf("seed %d %s: administrations add to %d, total %d", seed, req.GroupBy, admins, m.Total.Administrations)
				}
				for j, ms := range m.Measures {
					var basis, missing, counted int
					for _, r := range m.Rows {
						basis += r.Cells[j].Basis
						missing += r.Cells[j].Missing
						counted += r.Cells[j].Counted
					}
					tc := m.Total.Cells[j]
					distinct := ms.ID == "actors" || ms.ID == "sectors" || ms.ID == "mechanisms"
					if basis != tc.Basis || missing != tc.Missing || !distinct && ms.ID != "influenceMax" && counted != tc.Counted {
						t.Errorf("seed %d %s %s: groups add to basis %d missing %d counted %d, total %d %d %d",
							seed, req.GroupBy, ms.ID, basis, missing, counted, tc.Basis, tc.Missing, tc.Counted)
					}
					if ms.Unit == "count" && !distinct {
						sum := 0.0
						for _, r := range m.Rows {
							sum += *r.Cells[j].Value
						}
						if sum != *tc.Value {
							t.Errorf("seed %d %s %s: values add to %v, total %v", seed, req.GroupBy, ms.ID, sum, *tc.Value)
						}
					}
					for _, r := range append(slices.Clone(m.Rows), m.Total) {
						c := r.Cells[j]
						for which, n := range map[compare.Which]int{compare.Basis: c.Basis, compare.Counted: c.Counted, compare.Missing: c.Missing} {
							if ms.ID == "index" && which != compare.Missing {
								continue // the index rests on both kinds of record
							}
							ids, err := sum.Records(v, req, r.Key, ms.ID, which)
							if err != nil {
								return err
							}
							if len(ids) != n {
								t.Errorf("seed %d %s row %s %s: %d records of kind %d, cell says %d", seed, req.GroupBy, r.Key, ms.ID, len(ids), which, n)
							}
						}
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestCompare_ConcurrentWrites compares while a writer adds, in each
// transaction, one procurement and one engagement in it: every answer must
// come from one snapshot, so the total engagements minus procurements stay
// what they were, and the coverage's basis is the procurements.
func TestCompare_ConcurrentWrites(t *testing.T) {
	s := newStore(t, fixture())
	e := compare.NewEngine()
	base := run(t, s, e, compare.Request{Measures: []string{"procurements", "engagements"}})
	diff := *base.Total.Cells[1].Value - *base.Total.Cells[0].Value
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	var wg sync.WaitGroup
	const writes = 40
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range writes {
			p, en := iri(fmt.Sprintf("new/p%d", i)), iri(fmt.Sprintf("new/e%d", i))
			g := graph.IRI(ex + "graph/R")
			err := s.Update(ctx, func(tx *graph.Txn) error {
				for _, q := range []graph.Quad{
					{S: p, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassProcurement), G: g},
					{S: p, P: graph.IRI(schema.PropBuyer), O: iri("a"), G: g},
					{S: en, P: graph.IRI(schema.RDFType), O: graph.IRI(schema.ClassEngagement), G: g},
					{S: en, P: graph.IRI(schema.PropProcurement), O: p, G: g},
					{S: en, P: graph.IRI(schema.PropActor), O: iri("x"), G: g},
				} {
					if err := tx.Add(q); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Error(err)
				return
			}
		}
	}()
	last := 0.0
	for {
		m := run(t, s, e, compare.Request{Measures: []string{"procurements", "engagements", "coverage"}})
		procs, engs := *m.Total.Cells[0].Value, *m.Total.Cells[1].Value
		if engs-procs != diff {
			t.Fatalf("engagements %v - procurements %v = %v, want %v: not one snapshot", engs, procs, engs-procs, diff)
		}
		if cov := m.Total.Cells[2]; float64(cov.Basis) != procs {
			t.Fatalf("coverage basis %d, procurements %v", cov.Basis, procs)
		}
		if procs < last {
			t.Fatalf("procurements went from %v back to %v", last, procs)
		}
		last = procs
		if procs == *base.Total.Cells[0].Value+writes {
			break
		}
	}
	wg.Wait()
}
