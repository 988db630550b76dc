package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"civicgraph/server"
)

const testToken = "test-token-0123456789abcdef"

func bearer(token string) http.Header { return http.Header{"Authorization": {"Bearer " + token}} }

func TestServer_MutationAuth(t *testing.T) {
	st := newFixtureStore(t)
	const m = `mutation { addTriples(triples: [{subject: "https://example.org/a", predicate: "https://example.org/p", object: "x"}]) }`
	for _, tc := range []struct {
		name   string
		opts   server.Options
		header http.Header
		code   string
	}{
		{"NoToken", server.Options{Token: testToken}, nil, "UNAUTHORIZED"},
		{"WrongToken", server.Options{Token: testToken}, bearer("test-token-0123456789abcdeX"), "UNAUTHORIZED"},
		{"NotBearer", server.Options{Token: testToken}, http.Header{"Authorization": {testToken}}, "UNAUTHORIZED"},
		{"NoTokenConfigured", server.Options{}, bearer(""), "UNAUTHORIZED"},
		{"ReadOnly", server.Options{Token: testToken, ReadOnly: true}, bearer(testToken), "FORBIDDEN"},
		{"CrossOriginWithoutToken", server.Options{Token: testToken, CORSOrigins: []string{"https://app.example.org"}},
			http.Header{"Origin": {"https://app.example.org"}}, "UNAUTHORIZED"},
		{"Allowed", server.Options{Token: testToken}, bearer(testToken), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Store = st
			ts, _ := newTestServer(t, tc.opts)
			_, b := post(t, ts, m, nil, tc.header)
			r := decode(t, b)
			if r.errorCode() != tc.code {
				t.Fatalf("response %s, want code %q", b, tc.code)
			}
			if tc.code != "" && (len(r.Errors[0].Path) != 1 || r.Errors[0].Path[0] != "addTriples") {
				t.Errorf("error path %v, want [addTriples]", r.Errors[0].Path)
			}
		})
	}
}

func TestServer_Mutations(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{Token: testToken, Store: newFixtureStore(t)})
	run := func(t *testing.T, q string, vars map[string]any) gqlResponse {
		t.Helper()
		_, b := post(t, ts, q, vars, bearer(testToken))
		return decode(t, b)
	}
	ok := func(t *testing.T, q string, vars map[string]any) map[string]any {
		t.Helper()
		r := run(t, q, vars)
		if len(r.Errors) > 0 {
			t.Fatalf("%s: %+v", q, r.Errors)
		}
		var out map[string]any
		json.Unmarshal(r.Data, &out)
		return out
	}
	fail := func(t *testing.T, q string, vars map[string]any, code string) gqlResponse {
		t.Helper()
		r := run(t, q, vars)
		if r.errorCode() != code {
			t.Fatalf("%s: errors %+v, want code %s", q, r.Errors, code)
		}
		return r
	}

	t.Run("CreateEntity", func(t *testing.T) {
		out := ok(t, `mutation { createEntity(input: {class: "Actor", label: "Open Streets Collective",
			properties: [{predicate: "https://w3id.org/civicgraph/ns#sector", values: ["https://w3id.org/civicgraph/concept/sector/civil-society"]},
			             {predicate: "https://w3id.org/civicgraph/ns#country", values: ["PT"]}]}) { __typename id ... on Actor { country sectors { id } } } }`, nil)
		got, _ := json.Marshal(out)
		for _, want := range []string{`"__typename":"Actor"`, `"id":"actor/open-streets-collective"`, `"country":"PT"`, `concept/sector/civil-society`} {
			if !strings.Contains(string(got), want) {
				t.Errorf("createEntity returned %s, want %s", got, want)
			}
		}
		fail(t, `mutation { createEntity(input: {class: "Actor", label: "Open Streets Collective"}) { id } }`, nil, "ALREADY_EXISTS")
		// The search index follows writes.
		out = ok(t, `{ search(text: "open streets") { node { id } } }`, nil)
		if got, _ := json.Marshal(out); !strings.Contains(string(got), "actor/open-streets-collective") {
			t.Errorf("search after create: %s", got)
		}
	})
	t.Run("Validation", func(t *testing.T) {
		r := fail(t, `mutation { createEntity(input: {class: "Administration", label: "Nowhere Council",
			properties: [{predicate: "https://w3id.org/civicgraph/ns#country", values: ["Portugal"]}]}) { id } }`, nil, "VALIDATION")
		e := r.Errors[0]
		if len(e.Path) != 1 || e.Path[0] != "createEntity" {
			t.Errorf("path %v, want [createEntity]", e.Path)
		}
		vs, _ := e.Extensions["violations"].([]any)
		constraints := map[string]bool{}
		for _, v := range vs {
			constraints[v.(map[string]any)["constraint"].(string)] = true
		}
		for _, c := range []string{"min-count", "pattern"} {
			if !constraints[c] {
				t.Errorf("violations %v lack %s", vs, c)
			}
		}
		if ok(t, `{ node(id: "actor/nowhere-council") { id } }`, nil)["node"] != nil {
			t.Errorf("an invalid entity was written")
		}
	})
	t.Run("UpdateEntity", func(t *testing.T) {
		out := ok(t, `mutation { updateEntity(input: {iri: "https://w3id.org/civicgraph/id/actor/acme-ai", label: "Acme Artificial Intelligence",
			properties: [{predicate: "https://w3id.org/civicgraph/ns#country", values: ["BE"]}]}) { label ... on Actor { country } } }`, nil)
		got, _ := json.Marshal(out)
		if !strings.Contains(string(got), `"country":"BE"`) || !strings.Contains(string(got), `"label":"Acme Artificial Intelligence"`) {
			t.Errorf("updateEntity returned %s", got)
		}
		fail(t, `mutation { updateEntity(input: {iri: "https://w3id.org/civicgraph/id/actor/acme-ai", properties: [{predicate: "https://w3id.org/civicgraph/ns#country", values: ["Belgium"]}]}) { id } }`, nil, "VALIDATION")
		fail(t, `mutation { updateEntity(input: {iri: "https://w3id.org/civicgraph/id/actor/nobody", label: "x"}) { id } }`, nil, "NOT_FOUND")
	})
	t.Run("CreateEngagement", func(t *testing.T) {
		out := ok(t, `mutation { createEngagement(input: {actor: "actor/acme-ai", procurement: "procurement/traffic-ai", stage: "award",
			influenceLevel: "involve", date: "2025-06", role: "bidder"}) { id stage { id } phase { id } influenceLevel { id } date role } }`, nil)
		got, _ := json.Marshal(out)
		for _, want := range []string{`"id":"engagement/traffic-ai-acme-ai-award"`, `concept/lifecycle/award`, `concept/lifecycle/delivery`, `"date":"2025-06"`} {
			if !strings.Contains(string(got), want) {
				t.Errorf("createEngagement returned %s, want %s", got, want)
			}
		}
		out = ok(t, `{ node(id: "procurement/traffic-ai") { ... on Procurement { engagements { nodes { id } } } } }`, nil)
		if got, _ := json.Marshal(out); strings.Count(string(got), `"id"`) != 3 {
			t.Errorf("procurement engagements after create: %s", got)
		}
		fail(t, `mutation { createEngagement(input: {actor: "actor/nobody", procurement: "procurement/traffic-ai", stage: "award"}) { id } }`, nil, "VALIDATION")
		fail(t, `mutation { createEngagement(input: {actor: "actor/acme-ai", stage: "award"}) { id } }`, nil, "VALIDATION")
		fail(t, `mutation { createEngagement(input: {actor: "actor/acme-ai", mission: "mission/fair-mobility", stage: "nonsense"}) { id } }`, nil, "VALIDATION")
		fail(t, `mutation { createEngagement(input: {actor: "actor/acme-ai", mission: "mission/fair-mobility", stage: "award", date: "June"}) { id } }`, nil, "BAD_INPUT")
	})
	t.Run("Triples", func(t *testing.T) {
		const add = `mutation($g: String) { addTriples(graph: $g, triples: [
			{subject: "https://example.org/s", predicate: "https://example.org/p", object: "plain"},
			{subject: "https://example.org/s", predicate: "https://example.org/p", object: "\"hola\"@es"},
			{subject: "https://example.org/s", predicate: "https://example.org/q", object: "https://example.org/o"}]) }`
		if out := ok(t, add, nil); out["addTriples"] != 3.0 {
			t.Errorf("addTriples = %v, want 3", out["addTriples"])
		}
		if out := ok(t, add, nil); out["addTriples"] != 0.0 {
			t.Errorf("addTriples again = %v, want 0", out["addTriples"])
		}
		out := ok(t, `{ triples(s: "https://example.org/s") { totalCount nodes { object { kind } graph { value } } } }`, nil)
		if got, _ := json.Marshal(out); !strings.Contains(string(got), `"totalCount":3`) || !strings.Contains(string(got), "graph/api") {
			t.Errorf("triples after add: %s", got)
		}
		if out := ok(t, `mutation { removeTriples(triples: [{subject: "https://example.org/s", predicate: "https://example.org/p", object: "plain"}]) }`, nil); out["removeTriples"] != 1.0 {
			t.Errorf("removeTriples = %v, want 1", out["removeTriples"])
		}
		fail(t, `mutation { addTriples(triples: [{subject: "relative", predicate: "https://example.org/p", object: "x"}]) }`, nil, "BAD_INPUT")
		fail(t, `mutation { addTriples(triples: [{subject: "https://example.org/s", predicate: "https://example.org/p", object: "\"open"}]) }`, nil, "BAD_INPUT")
	})
	t.Run("ImportData", func(t *testing.T) {
		const m = `mutation($c: String!, $f: String!) { importData(content: $c, format: $f, name: "upload.nt") { graph records quads } }`
		content := "<https://example.org/up> <http://www.w3.org/2000/01/rdf-schema#label> \"Uploaded thing\"@en .\n" +
			"<https://example.org/up> <https://example.org/p> <https://example.org/o> .\n"
		out := ok(t, m, map[string]any{"c": content, "f": "nt"})
		got, _ := json.Marshal(out)
		if !strings.Contains(string(got), `"graph":"https://w3id.org/civicgraph/graph/source/upload-nt"`) || !strings.Contains(string(got), `"records":2`) {
			t.Errorf("importData returned %s", got)
		}
		out = ok(t, `{ node(iri: "https://example.org/up") { label } search(text: "uploaded") { node { id } } }`, nil)
		if got, _ := json.Marshal(out); !strings.Contains(string(got), "Uploaded thing") || !strings.Contains(string(got), "https://example.org/up") {
			t.Errorf("after import: %s", got)
		}
		r := fail(t, m, map[string]any{"c": "<https://example.org/a> <https://example.org/p> .\n", "f": "nt"}, "BAD_INPUT")
		if !strings.Contains(r.Errors[0].Message, "upload.nt") {
			t.Errorf("import error %q does not name the input", r.Errors[0].Message)
		}
		fail(t, m, map[string]any{"c": "", "f": "docx"}, "BAD_INPUT")
	})
	t.Run("DeleteEntity", func(t *testing.T) {
		out := ok(t, `mutation { deleteEntity(iri: "https://w3id.org/civicgraph/id/engagement/traffic-ai-acme") }`, nil)
		if out["deleteEntity"] != 6.0 {
			t.Errorf("deleteEntity = %v, want 6", out["deleteEntity"])
		}
		if ok(t, `{ node(id: "engagement/traffic-ai-acme") { id } }`, nil)["node"] != nil {
			t.Errorf("deleted entity still there")
		}
		fail(t, `mutation { deleteEntity(iri: "https://w3id.org/civicgraph/id/engagement/traffic-ai-acme") }`, nil, "NOT_FOUND")
	})
}
