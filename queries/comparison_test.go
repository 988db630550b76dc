package queries_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/graph-gophers/graphql-go"

	"civicgraph/queries"
	"civicgraph/schema"
)

func newCompareGraphQL(t *testing.T) *graphql.Schema {
	t.Helper()
	r, _ := newResolverWithData(t, 6000)
	s, err := graphql.ParseSchema(schema.GraphQL(), r, graphql.UseStringDescriptions())
	if err != nil {
		t.Fatalf("parse schema: %v", err)
	}
	return s
}

// TestCompare_GraphQL runs compare and administrationProfile through the
// real schema over generated data: filter values by code, label in
// another language or IRI give the same figures, unknown ones are refused
// with the valid values, and every cell's drill-down has as many records
// as the cell says.
func TestCompare_GraphQL(t *testing.T) {
	s := newCompareGraphQL(t)
	const q = `query($f: CompareFilter, $w: YearWindow) { compare(groupBy: "level", measures: ["engagements", "coverage", "diversity", "influenceMax", "index"], filter: $f, window: $w) {
		groupBy administrations undated measures { id unit basis }
		rows { key label administrations node { id } cells { measure value basis counted missing missingShare concept { id } parts { part value }
			b: records(first: 1) { totalCount } c: records(which: COUNTED, first: 2) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } m: records(which: MISSING) { totalCount } } }
		total { key cells { value basis } } } }`
	base := mustExec(t, s, q, nil)
	rows := dig(base, "compare", "rows").([]any)
	if len(rows) == 0 {
		t.Fatalf("no rows: %v", base)
	}
	for _, r := range rows {
		for _, c := range dig(r, "cells").([]any) {
			m := dig(c, "measure")
			for _, x := range []struct{ conn, field string }{{"b", "basis"}, {"c", "counted"}, {"m", "missing"}} {
				if m == "index" && x.conn != "m" {
					continue
				}
				if got, want := dig(c, x.conn, "totalCount"), dig(c, x.field); got != want {
					t.Errorf("row %v %v: %s records %v, cell says %v", dig(r, "key"), m, x.field, got, want)
				}
			}
			if m == "index" && len(dig(c, "parts").([]any)) != 5 {
				t.Errorf("index parts = %v, want 5", dig(c, "parts"))
			}
		}
	}
	// The same filter by code, by Catalan and Spanish label, and by IRI.
	var first string
	for _, v := range []string{"delivery", "Provisió", "Provisión", schema.ConceptIRI(schema.SchemeLifecycle, "delivery")} {
		d := mustExec(t, s, q, map[string]any{"f": map[string]any{"phase": []any{v}}})
		got := fmt.Sprint(dig(d, "compare", "total"))
		if first == "" {
			first = got
		} else if got != first {
			t.Errorf("phase %q gives %s, want %s", v, got, first)
		}
	}
	if first == fmt.Sprint(dig(base, "compare", "total")) {
		t.Errorf("the phase filter changed nothing: %s", first)
	}
	for _, tc := range []struct {
		f    map[string]any
		want string
	}{
		{map[string]any{"sector": []any{"civil societies"}}, "civil-society"},
		{map[string]any{"mechanismKind": []any{"perpetual"}}, "standing"},
		{map[string]any{"influenceLevel": []any{"total"}}, "empower"},
		{map[string]any{"phase": []any{"tendering"}}, "purpose"},
	} {
		res := exec(t, s, q, map[string]any{"f": tc.f})
		if res.code() != queries.CodeBadInput || !strings.Contains(res.Errors[0].Message, tc.want) {
			t.Errorf("filter %v: %+v, want BAD_INPUT listing %s", tc.f, res.Errors, tc.want)
		}
	}
	res := exec(t, s, `{ compare(measures: ["beauty"]) { groupBy } }`, nil)
	if res.code() != queries.CodeBadInput || !strings.Contains(res.Errors[0].Message, "involveShare") {
		t.Errorf("unknown measure: %+v", res.Errors)
	}
	res = exec(t, s, `{ compare(ids: ["actor/nobody"]) { groupBy } }`, nil)
	if res.code() != queries.CodeNotFound {
		t.Errorf("unknown administration: %+v", res.Errors)
	}
	// A window leaves out what has no year and says how much.
	d := mustExec(t, s, q, map[string]any{"w": map[string]any{"from": 2020, "to": 2021}})
	if fmt.Sprint(dig(d, "compare", "total")) == fmt.Sprint(dig(base, "compare", "total")) {
		t.Errorf("window changed nothing")
	}
	// Pages of a drill-down follow each other without overlap.
	d = mustExec(t, s, `{ compare(groupBy: "country", measures: ["engagements"]) { total { cell(measure: "engagements") {
		p1: records(first: 3) { nodes { id } pageInfo { endCursor } } } } } }`, nil)
	cur := dig(d, "compare", "total", "cell", "p1", "pageInfo", "endCursor").(string)
	d2 := mustExec(t, s, `query($a: String) { compare(groupBy: "country", measures: ["engagements"]) { total { cell(measure: "engagements") {
		records(first: 3, after: $a) { nodes { id } } } } } }`, map[string]any{"a": cur})
	last := dig(d, "compare", "total", "cell", "p1", "nodes", 2, "id").(string)
	next := dig(d2, "compare", "total", "cell", "records", "nodes", 0, "id").(string)
	if next <= last || !strings.HasPrefix(next, "engagement/") {
		t.Errorf("page 2 starts at %s after %s", next, last)
	}
}

func TestAdministrationProfile_GraphQL(t *testing.T) {
	s := newCompareGraphQL(t)
	d := mustExec(t, s, `{ compare(measures: ["engagements"]) { rows { key cells { value } } } }`, nil)
	// The administration with the most engagements.
	best, bestN := "", -1.0
	for _, r := range dig(d, "compare", "rows").([]any) {
		if n := dig(r, "cells", 0, "value").(float64); n > bestN {
			best, bestN = dig(r, "key").(string), n
		}
	}
	p := mustExec(t, s, `query($id: String!) { administrationProfile(id: $id, measures: ["engagements", "coverage"]) {
		administration { id } level { id } peers measures { id } row { key cells { value } }
		trend { year cells { measure value basis records { totalCount } } } ranks { measure rank of value } } }`, map[string]any{"id": best})
	if got := dig(p, "administrationProfile", "administration", "id"); got != best {
		t.Errorf("administration = %v, want %s", got, best)
	}
	if r := dig(p, "administrationProfile", "ranks", 0, "rank"); r != float64(1) {
		t.Errorf("rank in engagements of the administration with the most = %v, want 1", r)
	}
	sum := 0.0
	for _, y := range dig(p, "administrationProfile", "trend").([]any) {
		sum += dig(y, "cells", 0, "value").(float64)
		if dig(y, "cells", 0, "basis") != dig(y, "cells", 0, "records", "totalCount") {
			t.Errorf("year %v: records %v, basis %v", dig(y, "year"), dig(y, "cells", 0, "records", "totalCount"), dig(y, "cells", 0, "basis"))
		}
	}
	if sum != bestN {
		t.Errorf("trend adds to %v engagements, the administration has %v (all dated)", sum, bestN)
	}
	res := exec(t, s, `{ administrationProfile(id: "actor/nobody") { peers } }`, nil)
	if res.code() != queries.CodeNotFound {
		t.Errorf("unknown administration: %+v", res.Errors)
	}
}
