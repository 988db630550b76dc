package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"civicgraph/server"
)

var update = flag.Bool("update", false, "rewrite the golden .json files of testdata")

// TestServer_Golden runs each testdata/*.graphql through real HTTP on
// loopback and compares the response, as normalised JSON, with the .json
// beside it.
func TestServer_Golden(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	files, err := filepath.Glob("testdata/*.graphql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden queries: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".graphql")
		t.Run(name, func(t *testing.T) {
			q, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			status, body := post(t, ts, string(q), variablesOf(t, string(q)), nil)
			if status != http.StatusOK {
				t.Fatalf("status %d: %s", status, body)
			}
			got := normalise(t, body)
			golden := strings.TrimSuffix(f, ".graphql") + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./server -run TestServer_Golden -update)", err)
			}
			if !bytes.Equal(got, normalise(t, want)) {
				t.Errorf("response differs from %s (rerun with -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

func TestServer_Health(t *testing.T) {
	ts, st := newTestServer(t, server.Options{Store: newFixtureStore(t)})
	for _, tc := range []struct {
		path string
		want int
	}{{"/healthz", 200}, {"/readyz", 200}, {"/nothing", 404}} {
		resp, err := ts.Client().Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("GET %s = %d, want %d", tc.path, resp.StatusCode, tc.want)
		}
	}
	st.Close()
	resp, err := ts.Client().Get(ts.URL + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz with the store closed = %d, want 503", resp.StatusCode)
	}
}

func TestServer_Get(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	get := func(params url.Values) (int, []byte) {
		resp, err := ts.Client().Get(ts.URL + "/graphql?" + params.Encode())
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, b
	}
	t.Run("Query", func(t *testing.T) {
		status, b := get(url.Values{"query": {`query($id: ID) { node(id: $id) { label } }`}, "variables": {`{"id":"actor/acme-ai"}`}})
		if status != 200 || !strings.Contains(string(b), `"Acme AI"`) {
			t.Errorf("GET query = %d %s", status, b)
		}
	})
	t.Run("MutationRefused", func(t *testing.T) {
		status, b := get(url.Values{"query": {`mutation { deleteEntity(iri: "x") }`}})
		if status != http.StatusMethodNotAllowed {
			t.Errorf("GET mutation = %d %s, want 405", status, b)
		}
	})
	t.Run("NoQuery", func(t *testing.T) {
		if status, _ := get(url.Values{}); status != http.StatusBadRequest {
			t.Errorf("GET without query = %d, want 400", status)
		}
	})
}

func TestServer_Pagination(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	const q = `query($after: String) { actors(first: 7, orderBy: LABEL, after: $after) {
		totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`
	type page struct {
		Actors struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ ID string }
			}
			PageInfo struct {
				HasNextPage, HasPreviousPage bool
				EndCursor                    *string
			}
		}
	}
	seen := map[string]bool{}
	var after any
	total, pages := -1, 0
	for {
		r := query(t, ts, q, map[string]any{"after": after})
		if len(r.Errors) > 0 {
			t.Fatalf("errors: %+v", r.Errors)
		}
		var p page
		if err := json.Unmarshal(r.Data, &p); err != nil {
			t.Fatal(err)
		}
		if total >= 0 && p.Actors.TotalCount != total {
			t.Fatalf("totalCount changed from %d to %d", total, p.Actors.TotalCount)
		}
		total = p.Actors.TotalCount
		if p.Actors.PageInfo.HasPreviousPage != (pages > 0) {
			t.Errorf("page %d: hasPreviousPage = %v", pages, p.Actors.PageInfo.HasPreviousPage)
		}
		pages++
		for _, e := range p.Actors.Edges {
			if seen[e.Node.ID] {
				t.Fatalf("%s on two pages", e.Node.ID)
			}
			seen[e.Node.ID] = true
		}
		if !p.Actors.PageInfo.HasNextPage {
			break
		}
		after = *p.Actors.PageInfo.EndCursor
	}
	if len(seen) != total || total < 3 {
		t.Errorf("walked %d actors in %d pages, totalCount %d", len(seen), pages, total)
	}
}

// TestServer_Concurrent runs many queries at once; run it with -race.
func TestServer_Concurrent(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	qs := []string{
		`{ node(id: "procurement/traffic-ai") { ... on Procurement { buyer { label } engagements { nodes { actor { label } } } } } }`,
		`{ engagements(filter: {sector: ["civil-society"]}) { totalCount } }`,
		`{ neighbors(iri: "https://w3id.org/civicgraph/id/actor/acme-ai", depth: 2) { nodes { id } } }`,
		`{ paths(from: "https://w3id.org/civicgraph/id/actor/acme-ai", to: "https://w3id.org/civicgraph/id/mission/fair-mobility") { length } }`,
	}
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			for j := range 5 {
				r := query(t, ts, qs[(i+j)%len(qs)], nil)
				if len(r.Errors) > 0 || len(r.Data) == 0 {
					t.Errorf("query %d: %+v", (i+j)%len(qs), r.Errors)
				}
			}
		})
	}
	wg.Wait()
}

// TestServer_ImportWhileReading imports through the API while clients keep
// querying: the import into the fixture store (bulk-loaded, so badger's
// memtables are empty) goes through sorted tables, whose commit waits for
// open snapshots; readers must neither fail nor see half of it.
func TestServer_ImportWhileReading(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{Token: testToken, Store: newFixtureStore(t)})
	var nt strings.Builder
	const n = 3000
	for i := range n {
		fmt.Fprintf(&nt, "<https://example.org/bulk/%d> <http://www.w3.org/2000/01/rdf-schema#label> \"bulk item %d\" .\n", i, i)
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				r := query(t, ts, `query($g: String) { triples(graph: $g) { totalCount } }`, map[string]any{"g": "https://w3id.org/civicgraph/graph/source/bulk-nt"})
				var out struct{ Triples struct{ TotalCount int } }
				if len(r.Errors) > 0 || json.Unmarshal(r.Data, &out) != nil {
					t.Errorf("query during import: %+v", r.Errors)
					return
				}
				if c := out.Triples.TotalCount; c != 0 && c != n {
					t.Errorf("a reader saw %d triples of the import, want 0 or %d", c, n)
					return
				}
			}
		})
	}
	status, b := post(t, ts, importMutation("nt", "bulk.nt"), map[string]any{"f": nt.String()}, bearer(testToken))
	close(stop)
	wg.Wait()
	if r := decode(t, b); status != http.StatusOK || len(r.Errors) > 0 {
		t.Fatalf("import: %d %s", status, b)
	}
	r := query(t, ts, `{ triples(graph: "https://w3id.org/civicgraph/graph/source/bulk-nt") { totalCount } }`, nil)
	if !strings.Contains(string(r.Data), fmt.Sprintf(`"totalCount":%d`, n)) {
		t.Errorf("after import: %s", r.Data)
	}
}
