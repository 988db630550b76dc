package server_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"civicgraph/graph/graphtest"
	"civicgraph/server"
)

// TestServer_CostHolds checks that the cost limit holds for documents that
// used to slip past it: every one is refused with the cost limit, not run.
func TestServer_CostHolds(t *testing.T) {
	var aliases strings.Builder
	aliases.WriteString("{")
	for i := range 1000 {
		fmt.Fprintf(&aliases, " a%d: actors(first: 1, orderBy: LABEL) { totalCount }", i)
	}
	aliases.WriteString(" }")
	for _, tc := range []struct {
		name    string
		maxCost int
		query   string
		vars    map[string]any
	}{
		// The server's old lexer stopped at a non-ASCII name and ran
		// the query without a cost check.
		{"NonASCIIAlias", 1000, `{ é: actors(first: 100) { nodes { engagements { id actor { id } } } } }`, nil},
		{"NonASCIIInComment", 1000, "# é\n{ actors(first: 100) { nodes { engagements { id actor { id } } } } }", nil},
		{"NonASCIIFragmentName", 1000, `{ actors(first: 100) { ...Fé } } fragment Fé on ActorConnection { nodes { engagements { id actor { id } } } }`, nil},
		// Variables count, by their default and by their value.
		{"VariableDefault", 0, `query($n: Int = 1000) { actors(first: $n) { nodes { backlinks(first: $n) { predicate } } } }`, nil},
		{"VariableSupplied", 0, `query($n: Int) { actors(first: $n) { nodes { backlinks(first: $n) { predicate } } } }`, map[string]any{"n": 1000}},
		// A scan costs the rows it touches, so 1,000 aliases of an
		// ordered list are refused up front.
		{"ScanAliases", 5000, aliases.String(), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ts, _ := newTestServer(t, server.Options{MaxCost: tc.maxCost})
			status, b := post(t, ts, tc.query, tc.vars, nil)
			r := decode(t, b)
			if status != http.StatusOK || r.errorCode() != "LIMIT" || r.Errors[0].Extensions["limit"] != "cost" {
				t.Fatalf("status %d, response %.300s; want the cost limit", status, b)
			}
			if len(r.Data) > 0 && string(r.Data) != "null" {
				t.Errorf("a refused query came with data")
			}
		})
	}
}

// TestServer_FailClosed checks that a document the cost estimate cannot
// read is not run: the client gets graphql-go's syntax error.
func TestServer_FailClosed(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	for _, q := range []string{`{ actors { totalCount }`, `{ actors(first: 1, first: 2) { totalCount } }`, "{ a\x00 }"} {
		_, b := post(t, ts, q, nil, nil)
		r := decode(t, b)
		if len(r.Errors) == 0 || (len(r.Data) > 0 && string(r.Data) != "null") {
			t.Errorf("%q: %s; want errors and no data", q, b)
		}
	}
}

func TestServer_BearerScheme(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{Token: testToken, Store: newFixtureStore(t)})
	const m = `mutation { addTriples(triples: [{subject: "https://example.org/s", predicate: "https://example.org/p", object: "\"o\""}]) }`
	for _, tc := range []struct {
		header string
		ok     bool
	}{
		{"Bearer " + testToken, true},
		{"bearer " + testToken, true},
		{"BEARER " + testToken, true},
		{"bEaReR  " + testToken, true},
		{"Basic " + testToken, false},
		{"Bearer", false},
		{"Bearer " + testToken + "x", false},
		{testToken, false},
	} {
		t.Run(tc.header, func(t *testing.T) {
			_, b := post(t, ts, m, nil, http.Header{"Authorization": {tc.header}})
			r := decode(t, b)
			if ok := len(r.Errors) == 0; ok != tc.ok {
				t.Errorf("Authorization %q: %s; want accepted %v", tc.header, b, tc.ok)
			}
		})
	}
}

// TestServer_GraphQLResponseMediaType checks GraphQL over HTTP: with
// Accept: application/graphql-response+json, request errors are 400 and
// the response has that media type; with application/json (or no
// Accept), GraphQL errors stay 200.
func TestServer_GraphQLResponseMediaType(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{MaxCost: 1000})
	const gr = "application/graphql-response+json"
	for _, tc := range []struct {
		name   string
		accept string
		query  string
		status int
		ctype  string
	}{
		{"ParseError", gr, `{ actors {`, 400, gr},
		{"ValidationError", gr, `{ noSuchField }`, 400, gr},
		{"CostLimit", gr, `{ actors(first: 1000) { nodes { engagements { id } } } }`, 400, gr},
		{"DepthLimit", gr, "{ node(id: \"x\") { ... on Actor { " + strings.Repeat("parent { ", 25) + "id" + strings.Repeat(" }", 25) + " } } }", 400, gr},
		{"Ok", gr, `{ stats { quads } }`, 200, gr},
		{"FieldError", gr, `{ actors(first: -1) { totalCount } }`, 200, gr},
		{"Preferred", gr + ", application/json;q=0.9", `{ noSuchField }`, 400, gr},
		{"JSONPreferred", "application/json, " + gr + ";q=0.5", `{ noSuchField }`, 200, "application/json"},
		{"JSONParseError", "application/json", `{ actors {`, 200, "application/json"},
		{"NoAccept", "", `{ noSuchField }`, 200, "application/json"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := http.Header{}
			if tc.accept != "" {
				h.Set("Accept", tc.accept)
			}
			status, ctype, b := postWithType(t, ts, tc.query, h)
			if status != tc.status {
				t.Errorf("status %d, want %d: %s", status, tc.status, b)
			}
			if !strings.HasPrefix(ctype, tc.ctype) {
				t.Errorf("Content-Type %q, want %s", ctype, tc.ctype)
			}
			if r := decode(t, b); tc.status == 200 && tc.name != "Ok" && len(r.Errors) == 0 {
				t.Errorf("no errors: %s", b)
			}
		})
	}
}

// TestServer_Backup takes a backup through GET /admin/backup and restores
// it into a new store, which then holds as many quads as the served one.
func TestServer_Backup(t *testing.T) {
	st := newFixtureStore(t)
	ts, _ := newTestServer(t, server.Options{Token: testToken, Store: st})
	noToken, _ := newTestServer(t, server.Options{Store: st})
	get := func(url string, h http.Header) (int, []byte) {
		req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, url+"/admin/backup", nil)
		for k, v := range h {
			req.Header[k] = v
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("reading the backup: %v", err)
		}
		return resp.StatusCode, b
	}
	for _, tc := range []struct {
		name   string
		url    string
		header http.Header
		status int
	}{
		{"NoToken", ts.URL, nil, http.StatusUnauthorized},
		{"WrongToken", ts.URL, bearer("wrong-token-0123456789"), http.StatusUnauthorized},
		{"ServerWithoutToken", noToken.URL, bearer(testToken), http.StatusForbidden},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if status, b := get(tc.url, tc.header); status != tc.status {
				t.Errorf("status %d, want %d: %.200s", status, tc.status, b)
			}
		})
	}
	status, b := get(ts.URL, bearer(testToken))
	if status != http.StatusOK {
		t.Fatalf("status %d: %.200s", status, b)
	}
	restored := graphtest.NewStore(t)
	if err := restored.Restore(t.Context(), bytes.NewReader(b)); err != nil {
		t.Fatalf("restore the backup: %v", err)
	}
	want, err := st.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	got, err := restored.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if got.Quads != want.Quads || want.Quads == 0 {
		t.Errorf("restored store holds %d quads, the served one %d", got.Quads, want.Quads)
	}
}
