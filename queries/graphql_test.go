package queries_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/graph-gophers/graphql-go"

	"civicgraph/queries"
	"civicgraph/schema"
)

// gqlResult is the outcome of one GraphQL request run through graphql-go
// with the real schema and resolver.
type gqlResult struct {
	Data   map[string]any
	Errors []gqlError
}

type gqlError struct {
	Message    string
	Extensions map[string]any
}

// code returns the code of the first error, "" when there is none.
func (r gqlResult) code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// newGraphQL parses the API's SDL against a resolver over a freshly
// seeded store, the way package server does.
func newGraphQL(t *testing.T) (*graphql.Schema, *queries.Resolver) {
	t.Helper()
	r := newResolver(t)
	s, err := graphql.ParseSchema(schema.GraphQL(), r, graphql.UseStringDescriptions())
	if err != nil {
		t.Fatalf("parse schema: %v", err)
	}
	return s, r
}

// exec runs query with vars and decodes the response.
func exec(t *testing.T, s *graphql.Schema, query string, vars map[string]any) gqlResult {
	t.Helper()
	resp := s.Exec(t.Context(), query, "", vars)
	b, err := json.Marshal(resp)
	if err != nil {
		t.Fatal(err)
	}
	var out gqlResult
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return out
}

// mustExec runs query and fails the test on any error.
func mustExec(t *testing.T, s *graphql.Schema, query string, vars map[string]any) map[string]any {
	t.Helper()
	res := exec(t, s, query, vars)
	if len(res.Errors) > 0 {
		t.Fatalf("%s: errors %+v", query, res.Errors)
	}
	return res.Data
}

// dig walks a decoded JSON value along a path of keys and indexes.
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func num(v any) int {
	f, _ := v.(float64)
	return int(f)
}

func TestGraphQL_EntityIDs(t *testing.T) {
	s, _ := newGraphQL(t)
	const nestaIRI = schema.DefaultBase + "actor/nesta"
	for _, tc := range []struct {
		name, query string
		code        string // "" for success
		msg         string // a part of the error message
	}{
		{"NeighborsShortID", `{ neighbors(iri: "actor/nesta") { nodes { id } } }`, "", ""},
		{"NeighborsIRI", `{ neighbors(iri: "` + nestaIRI + `") { nodes { id } } }`, "", ""},
		{"NeighborsUnknown", `{ neighbors(iri: "actor/xyz") { nodes { id } } }`, queries.CodeNotFound, "no entity actor/xyz (argument iri); ids look like actor/nesta or the full IRI"},
		{"PathsShortIDs", `{ paths(from: "actor/nesta", to: "concept/sector/civil-society") { length } }`, "", ""},
		{"PathsMixed", `{ paths(from: "` + nestaIRI + `", to: "concept/sector/civil-society") { length } }`, "", ""},
		{"PathsUnknownTo", `{ paths(from: "actor/nesta", to: "actor/xyz") { length } }`, queries.CodeNotFound, "no entity actor/xyz (argument to)"},
		{"PathsUnknownFrom", `{ paths(from: "https://example.org/nothing", to: "actor/nesta") { length } }`, queries.CodeNotFound, "no entity https://example.org/nothing (argument from)"},
		{"TriplesShortSubject", `{ triples(s: "actor/nesta") { totalCount } }`, "", ""},
		{"TriplesShortObject", `{ triples(o: "actor/nesta") { totalCount } }`, "", ""},
		{"TriplesUnknownSubject", `{ triples(s: "actor/xyz") { totalCount } }`, queries.CodeNotFound, "no entity actor/xyz (argument s)"},
		{"TriplesLiteralObject", `{ triples(o: "\"Nesta\"") { totalCount } }`, "", ""},
		{"NodeIRIArgTakesID", `{ node(iri: "actor/nesta") { id } }`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := exec(t, s, tc.query, nil)
			if res.code() != tc.code {
				t.Fatalf("code %q, want %q; response %+v", res.code(), tc.code, res)
			}
			if tc.code != "" && !strings.Contains(res.Errors[0].Message, tc.msg) {
				t.Errorf("message %q, want it to contain %q", res.Errors[0].Message, tc.msg)
			}
		})
	}
	// The same entity through a short id and through its IRI gives the
	// same answer.
	a := mustExec(t, s, `{ triples(s: "actor/nesta") { totalCount } neighbors(iri: "actor/nesta") { nodes { id } } }`, nil)
	b := mustExec(t, s, `{ triples(s: "`+nestaIRI+`") { totalCount } neighbors(iri: "`+nestaIRI+`") { nodes { id } } }`, nil)
	if num(dig(a, "triples", "totalCount")) == 0 {
		t.Errorf("triples(s: actor/nesta) found nothing")
	}
	if ja, jb := mustJSON(t, a), mustJSON(t, b); ja != jb {
		t.Errorf("short id and IRI differ:\n%s\n%s", ja, jb)
	}
	if n := len(dig(a, "neighbors", "nodes").([]any)); n < 2 {
		t.Errorf("neighbors of actor/nesta: %d nodes, want the actor and its neighbours", n)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestGraphQL_FilterValues(t *testing.T) {
	s, _ := newGraphQL(t)
	count := func(t *testing.T, query string) int {
		t.Helper()
		return num(dig(mustExec(t, s, query, nil), "l", "totalCount"))
	}
	civil := count(t, `{ l: actors(filter: {sector: ["civil-society"]}) { totalCount } }`)
	if civil == 0 {
		t.Fatal("no civil-society actors in the seed")
	}
	gb := count(t, `{ l: actors(filter: {country: ["GB"]}) { totalCount } }`)
	if gb == 0 {
		t.Fatal("no GB actors in the seed")
	}
	delivery := count(t, `{ l: mechanisms(filter: {phase: ["delivery"]}) { totalCount } }`)
	for _, tc := range []struct {
		name, query string
		want        int    // the totalCount when code is ""
		code        string // "" for success
		msg         string
	}{
		{"SectorCode", `{ l: actors(filter: {sector: ["civil-society"]}) { totalCount } }`, civil, "", ""},
		{"SectorLabelEn", `{ l: actors(filter: {sector: ["civil society"]}) { totalCount } }`, civil, "", ""},
		{"SectorLabelCa", `{ l: actors(filter: {sector: ["Societat civil"]}) { totalCount } }`, civil, "", ""},
		{"SectorLabelEs", `{ l: actors(filter: {sector: ["SOCIEDAD CIVIL"]}) { totalCount } }`, civil, "", ""},
		{"SectorIRI", `{ l: actors(filter: {sector: ["` + schema.ConceptIRI("sector", "civil-society") + `"]}) { totalCount } }`, civil, "", ""},
		{"SectorUnknown", `{ l: actors(filter: {sector: ["civil societies"]}) { totalCount } }`, 0, queries.CodeBadInput,
			`filter sector: "civil societies" is not a concept of the sector scheme; expected one of academia, citizens, civil-society,`},
		{"CountryCode", `{ l: actors(filter: {country: ["gb"]}) { totalCount } }`, gb, "", ""},
		{"CountryName", `{ l: actors(filter: {country: ["United Kingdom"]}) { totalCount } }`, gb, "", ""},
		{"CountryNameEs", `{ l: actors(filter: {country: ["Reino Unido"]}) { totalCount } }`, gb, "", ""},
		{"CountryUnknown", `{ l: actors(filter: {country: ["Spainland"]}) { totalCount } }`, 0, queries.CodeBadInput,
			`filter country: "Spainland" is not a country; expected an ISO 3166-1 alpha-2 code (the store holds `},
		{"PhaseLabelCa", `{ l: mechanisms(filter: {phase: ["Provisió"]}) { totalCount } }`, delivery, "", ""},
		{"PhaseUnknown", `{ l: mechanisms(filter: {phase: ["nonsense"]}) { totalCount } }`, 0, queries.CodeBadInput,
			`filter phase: "nonsense" is not a lifecycle phase; expected one of delivery, impact, purpose`},
		{"PhaseIsNotAStage", `{ l: procurements(filter: {phase: ["tendering"]}) { totalCount } }`, 0, queries.CodeBadInput, "is not a lifecycle phase"},
		{"StageCode", `{ l: procurements(filter: {stage: ["tendering"]}) { totalCount } }`, -1, "", ""},
		{"StageUnknown", `{ l: engagements(filter: {stage: ["tender"]}) { totalCount } }`, 0, queries.CodeBadInput, "is not a concept of the lifecycle scheme"},
		{"InfluenceLabel", `{ l: engagements(filter: {influenceLevel: ["Empower"]}) { totalCount } }`, -1, "", ""},
		{"MechanismUnknown", `{ l: engagements(filter: {mechanism: ["mechanism/nothing"]}) { totalCount } }`, 0, queries.CodeBadInput,
			`filter mechanism: "mechanism/nothing" is not a mechanism in the store; expected an id (such as mechanism/`},
		{"LevelUnknown", `{ l: administrations(filter: {level: ["galactic"]}) { totalCount } }`, 0, queries.CodeBadInput, "is not a concept of the government-level scheme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := exec(t, s, tc.query, nil)
			if res.code() != tc.code {
				t.Fatalf("code %q, want %q; response %+v", res.code(), tc.code, res)
			}
			if tc.code != "" {
				if !strings.Contains(res.Errors[0].Message, tc.msg) {
					t.Errorf("message %q, want it to contain %q", res.Errors[0].Message, tc.msg)
				}
				return
			}
			if got := num(dig(res.Data, "l", "totalCount")); tc.want >= 0 && got != tc.want {
				t.Errorf("totalCount %d, want %d", got, tc.want)
			}
		})
	}
}
