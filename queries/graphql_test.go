package queries_test

import (
	"encoding/json"
	"fmt"
	"slices"
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
		{"TriplesUnknownIRIIsAnEmptyPattern", `{ triples(s: "https://example.org/nothing") { totalCount } }`, "", ""},
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

// pageAll follows a connection field page by page (first n) and returns
// the ids seen, failing on a repeated id or a total that differs from the
// ids seen.
func pageAll(t *testing.T, s *graphql.Schema, query string, n int, path ...any) []string {
	t.Helper()
	var ids []string
	var after any
	for range 1000 {
		data := mustExec(t, s, query, map[string]any{"first": n, "after": after})
		conn := dig(data, path...)
		if conn == nil {
			t.Fatalf("%s: no connection at %v in %v", query, path, data)
		}
		for _, node := range dig(conn, "nodes").([]any) {
			id := dig(node, "id").(string)
			if slices.Contains(ids, id) {
				t.Fatalf("%s: %s seen twice", query, id)
			}
			ids = append(ids, id)
		}
		if total := num(dig(conn, "totalCount")); !dig(conn, "pageInfo", "hasNextPage").(bool) {
			if total != len(ids) {
				t.Fatalf("%s: totalCount %d, paged through %d", query, total, len(ids))
			}
			return ids
		}
		after = dig(conn, "pageInfo", "endCursor")
	}
	t.Fatalf("%s: more than 1000 pages", query)
	return nil
}

func TestGraphQL_RelatedConnections(t *testing.T) {
	s, _ := newGraphQL(t)
	const page = `totalCount pageInfo { hasNextPage endCursor } nodes { id }`
	// The work that holds the NPG paper's bibliography cites many.
	var holder string
	for _, id := range []string{"reference/pena-lopez-2025-new", "reference/pena-lopez-2025-nova", "reference/pena-lopez-2025-nueva"} {
		d := mustExec(t, s, `query($id: ID!) { node(id: $id) { ... on Reference { cites { totalCount } } } }`, map[string]any{"id": id})
		if num(dig(d, "node", "cites", "totalCount")) > 5 {
			holder = id
		}
	}
	if holder == "" {
		t.Fatal("no version of the NPG paper cites more than 5 references")
	}
	for _, tc := range []struct {
		name, query string
		path        []any
		min         int
	}{
		{"Cites", `query($first: Int, $after: String) { node(id: "` + holder + `") { ... on Reference { l: cites(first: $first, after: $after) { ` + page + ` } } } }`, []any{"node", "l"}, 6},
		{"CitedBy", `query($first: Int, $after: String) { references(first: 1, filter: {text: "meaningful stakeholder engagement"}) { nodes { l: citedBy(first: $first, after: $after) { ` + page + ` } } } }`, []any{"references", "nodes", 0, "l"}, 0},
		{"ActorPublications", `query($first: Int, $after: String) { node(id: "actor/nesta") { ... on Actor { l: publications(first: $first, after: $after) { ` + page + ` } } } }`, []any{"node", "l"}, 1},
		{"ConceptUsedBy", `query($first: Int, $after: String) { node(id: "concept/sector/civil-society") { ... on Concept { l: usedBy(first: $first, after: $after) { ` + page + ` } } } }`, []any{"node", "l"}, 3},
		{"StatementDerivedFrom", `query($first: Int, $after: String) { statements(first: 1) { nodes { l: derivedFrom(first: $first, after: $after) { ` + page + ` } } } }`, []any{"statements", "nodes", 0, "l"}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ids := pageAll(t, s, tc.query, 2, tc.path...)
			if len(ids) < tc.min {
				t.Errorf("%d ids, want at least %d", len(ids), tc.min)
			}
			if !slices.IsSorted(ids) && tc.name != "ConceptUsedBy" {
				// IRI order; ids are IRIs shortened by the same base.
				t.Errorf("ids not in IRI order: %v", ids)
			}
			// One big page gives the same ids.
			if all := pageAll(t, s, tc.query, 1000, tc.path...); !slices.Equal(all, ids) {
				t.Errorf("one page %v, pages of 2 %v", all, ids)
			}
		})
	}
	t.Run("BadCursor", func(t *testing.T) {
		res := exec(t, s, `{ node(id: "`+holder+`") { ... on Reference { cites(after: "%%%") { totalCount } } } }`, nil)
		if res.code() != queries.CodeBadInput {
			t.Errorf("code %q, want BAD_INPUT: %+v", res.code(), res)
		}
	})
}

func TestGraphQL_Translations(t *testing.T) {
	s, _ := newGraphQL(t)
	const q = `query($id: ID!) { node(id: $id) { ... on Reference {
		translationOf { id } translations { nodes { id } } versions { nodes { id languages } }
		cites { totalCount } workCites { totalCount nodes { id } } } } }`
	versions := []string{"reference/pena-lopez-2025-new", "reference/pena-lopez-2025-nova", "reference/pena-lopez-2025-nueva"}
	var work string
	cited := 0
	for _, id := range versions {
		d := mustExec(t, s, q, map[string]any{"id": id})
		var vs []string
		for _, n := range dig(d, "node", "versions", "nodes").([]any) {
			vs = append(vs, dig(n, "id").(string))
		}
		if !slices.Equal(vs, versions) {
			t.Errorf("%s: versions %v, want %v", id, vs, versions)
		}
		wc := mustJSON(t, dig(d, "node", "workCites"))
		if work == "" {
			work = wc
		} else if wc != work {
			t.Errorf("%s: workCites differ from the other versions':\n%s\n%s", id, wc, work)
		}
		cited = max(cited, num(dig(d, "node", "cites", "totalCount")))
		switch id {
		case "reference/pena-lopez-2025-nova": // the Catalan original
			if dig(d, "node", "translationOf") != nil {
				t.Errorf("the original is a translation of %v", dig(d, "node", "translationOf"))
			}
			if n := len(dig(d, "node", "translations", "nodes").([]any)); n != 2 {
				t.Errorf("the original has %d translations, want 2", n)
			}
		default:
			if got := dig(d, "node", "translationOf", "id"); got != "reference/pena-lopez-2025-nova" {
				t.Errorf("%s: translationOf %v, want the Catalan original", id, got)
			}
		}
	}
	if !strings.Contains(work, `"totalCount":`) || cited == 0 || !strings.Contains(work, fmt.Sprintf(`"totalCount":%d`, cited)) {
		t.Errorf("workCites %s, want the %d references of the version that holds them", work, cited)
	}
}

func TestGraphQL_ReferenceFilters(t *testing.T) {
	s, _ := newGraphQL(t)
	count := func(t *testing.T, filter string) int {
		t.Helper()
		return num(dig(mustExec(t, s, `{ l: references(filter: `+filter+`) { totalCount } }`, nil), "l", "totalCount"))
	}
	byID := count(t, `{author: ["actor/nesta"]}`)
	if byID == 0 {
		t.Fatal("no reference by actor/nesta in the seed")
	}
	// Every reference the filter returns has Nesta among its authors.
	d := mustExec(t, s, `{ references(first: 100, filter: {author: ["actor/nesta"]}) { nodes { id authors { id } } } }`, nil)
	for _, n := range dig(d, "references", "nodes").([]any) {
		if !strings.Contains(mustJSON(t, n), `"actor/nesta"`) {
			t.Errorf("author filter returned %s", mustJSON(t, n))
		}
	}
	bibliography := num(dig(mustExec(t, s, `{ node(id: "reference/pena-lopez-2025-new") { ... on Reference { workCites { totalCount } } } }`, nil), "node", "workCites", "totalCount"))
	for _, tc := range []struct {
		name, filter string
		check        func(n int) bool
		want         string // the check, in words
		code, msg    string
	}{
		{"AuthorByName", `{author: ["NESTA"]}`, func(n int) bool { return n >= byID }, "at least the references by id", "", ""},
		{"AuthorIRI", `{author: ["` + schema.DefaultBase + `actor/nesta"]}`, func(n int) bool { return n == byID }, "as by id", "", ""},
		{"AuthorPersonSurname", `{author: ["Peña-López"]}`, func(n int) bool { return n > 0 }, "some", "", ""},
		{"AuthorUnknown", `{author: ["Nobody Atall"]}`, nil, "", queries.CodeBadInput, `filter author: "Nobody Atall" is not an author (a person or organisation) of any reference`},
		{"Publisher", `{publisher: ["nesta"]}`, func(n int) bool { return n > 0 }, "some", "", ""},
		{"PublisherUnknown", `{publisher: ["Acme Press Unknown"]}`, nil, "", queries.CodeBadInput, "is not a publisher of any reference"},
		{"CitedByOriginal", `{citedBy: ["reference/pena-lopez-2025-nova"]}`, func(n int) bool { return n == bibliography && n > 0 }, "the work's bibliography", "", ""},
		{"CitedByTranslation", `{citedBy: ["reference/pena-lopez-2025-nueva"]}`, func(n int) bool { return n == bibliography }, "the work's bibliography", "", ""},
		{"CitedByUnknown", `{citedBy: ["reference/nothing"]}`, nil, "", queries.CodeNotFound, "no entity reference/nothing (argument filter.citedBy)"},
		{"GraphName", `{graph: ["playbook"]}`, func(n int) bool { return n > 0 }, "some", "", ""},
		{"GraphIRI", `{graph: ["` + schema.GraphSeedPlaybook + `"]}`, func(n int) bool { return n == count(t, `{graph: ["seed/playbook"]}`) }, "as by name", "", ""},
		{"GraphUnknown", `{graph: ["nowhere"]}`, nil, "", queries.CodeBadInput, `filter graph: "nowhere" is not a named graph of the store; expected a graph IRI or one of `},
		{"LanguageCode", `{language: ["ca"]}`, func(n int) bool { return n > 0 }, "some", "", ""},
		{"LanguageName", `{language: ["Català"]}`, func(n int) bool { return n == count(t, `{language: ["CA"]}`) }, "as by code", "", ""},
		{"LanguageNameEs", `{language: ["inglés"]}`, func(n int) bool { return n == count(t, `{language: ["en"]}`) && n > 0 }, "as by code", "", ""},
		{"LanguageUnknown", `{language: ["Klingonese"]}`, nil, "", queries.CodeBadInput, `filter language: "Klingonese" is not a language; expected a language tag (the store holds `},
		{"TextFindsAuthorName", `{text: "nesta"}`, func(n int) bool { return n >= byID }, "at least the references by Nesta", "", ""},
		{"Combined", `{author: ["actor/nesta"], language: ["en"]}`, func(n int) bool { return n > 0 && n <= byID }, "some of Nesta's", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := exec(t, s, `{ l: references(filter: `+tc.filter+`) { totalCount } }`, nil)
			if res.code() != tc.code {
				t.Fatalf("code %q, want %q; response %+v", res.code(), tc.code, res)
			}
			if tc.code != "" {
				if !strings.Contains(res.Errors[0].Message, tc.msg) {
					t.Errorf("message %q, want it to contain %q", res.Errors[0].Message, tc.msg)
				}
				return
			}
			if n := num(dig(res.Data, "l", "totalCount")); !tc.check(n) {
				t.Errorf("totalCount %d, want %s", n, tc.want)
			}
		})
	}
	t.Run("NotForActors", func(t *testing.T) {
		res := exec(t, s, `{ actors(filter: {author: ["actor/nesta"]}) { totalCount } }`, nil)
		if res.code() != queries.CodeBadInput || !strings.Contains(res.Errors[0].Message, "filter author does not apply to actors") {
			t.Errorf("%+v, want BAD_INPUT: filter author does not apply to actors", res)
		}
	})
}
