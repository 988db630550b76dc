package queries_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/generate"
	"civicgraph/queries"
	"civicgraph/schema"
)

// FuzzCompareParams feeds query strings (name=value&...) through
// ParseCompareParams and CompareTable over generated data: every request
// is answered or refused as the client's fault (BAD_INPUT, NOT_FOUND),
// never with an internal error, and an answer's groups add up to its
// total.
func FuzzCompareParams(f *testing.F) {
	for _, s := range []string{
		"groupBy=country&measures=procurements,coverage",
		"groupBy=level,country&from=2019&to=2022&phase=Provisió",
		"sector=civil-society&mechanismKind=standing&weights=coverage=2,transparency=0",
		"groupBy=scheme:sector&influenceLevel=involve&democraticFunction=consult",
		"ids=actor/nobody", "from=2030&to=2010", "measures=coverage.tendering&stage=award",
		"colour=red", "weights=depth=-1", "groupBy=",
	} {
		f.Add(s)
	}
	s := graphtest.NewStore(f)
	if _, err := importers.Seed(f.Context(), s, schema.DefaultBase); err != nil {
		f.Fatal(err)
	}
	plan := generate.PlanFor(12, 150, 600)
	var buf bytes.Buffer
	if err := generate.Write(f.Context(), &buf, generate.Options{Seed: 1, Plan: &plan, Format: generate.NQuads}); err != nil {
		f.Fatal(err)
	}
	if _, err := importers.Import(f.Context(), s, []importers.Input{{Name: "gen.nq", R: &buf}}, importers.Options{Format: importers.NQuads}); err != nil {
		f.Fatal(err)
	}
	sc, err := schema.New()
	if err != nil {
		f.Fatal(err)
	}
	res := queries.New(s, sc, queries.Options{})
	f.Fuzz(func(t *testing.T, q string) {
		vals := map[string][]string{}
		var names []string
		for _, kv := range strings.Split(q, "&") {
			k, v, _ := strings.Cut(kv, "=")
			if _, ok := vals[k]; !ok {
				names = append(names, k)
			}
			vals[k] = append(vals[k], v)
		}
		args, err := queries.ParseCompareParams(names, func(n string) []string { return vals[n] })
		if err == nil {
			m, err2 := res.CompareTable(t.Context(), args)
			if err = err2; err == nil {
				n := 0
				for _, r := range m.Rows {
					n += r.Administrations
				}
				if n != m.Total.Administrations {
					t.Fatalf("%q: groups hold %d administrations, the total %d", q, n, m.Total.Administrations)
				}
			}
		}
		var qe *queries.Error
		if err != nil && (!errors.As(err, &qe) || qe.Code != queries.CodeBadInput && qe.Code != queries.CodeNotFound) {
			t.Fatalf("%q: %v, want BAD_INPUT or NOT_FOUND", q, err)
		}
	})
}
