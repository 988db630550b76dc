package server_test

import (
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
	"civicgraph/server"
)

// fragmentPage is one page of a fragment as a client reads it.
type fragmentPage struct {
	data           []graph.Quad // the default graph
	total          int64
	next, previous string
	template       string
}

// readFragment gets a page of /fragments as N-Quads and splits data from
// metadata.
func readFragment(t *testing.T, u string) fragmentPage {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "application/n-quads")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != 200 {
		t.Fatalf("GET %s: status %d: %s", u, resp.StatusCode, body)
	}
	var p fragmentPage
	meta := graph.IRI(u + "#metadata")
	for _, q := range parseNQuads(t, body) {
		switch {
		case q.G.IsZero():
			p.data = append(p.data, q)
		case q.G != meta:
			t.Fatalf("quad in graph %s, want the default graph or %s", q.G, meta)
		case q.S.Value == u && q.P.Value == schema.HydraTotalItems:
			p.total, _ = strconv.ParseInt(q.O.Value, 10, 64)
		case q.S.Value == u && q.P.Value == schema.HydraNext:
			p.next = q.O.Value
		case q.S.Value == u && q.P.Value == schema.HydraPrevious:
			p.previous = q.O.Value
		case q.P.Value == schema.HydraTemplate:
			p.template = q.O.Value
		}
	}
	return p
}

// distinctTriples returns the distinct triples of the store matching p.
func distinctTriples(t *testing.T, s *graph.Store, p graph.Pattern) []graph.Quad {
	t.Helper()
	var out []graph.Quad
	for q, err := range s.Match(t.Context(), p) {
		if err != nil {
			t.Fatal(err)
		}
		q.G = graph.Term{}
		out = append(out, q)
	}
	slices.SortFunc(out, compareQuads)
	return slices.Compact(out)
}

func compareQuads(a, b graph.Quad) int {
	for _, c := range [][2]graph.Term{{a.S, b.S}, {a.P, b.P}, {a.O, b.O}} {
		if n := graph.Compare(c[0], c[1]); n != 0 {
			return n
		}
	}
	return 0
}

func TestFragments_Patterns(t *testing.T) {
	ts, s := newTestServer(t, server.Options{})
	iri := func(v string) graph.Term { return graph.IRI(v) }
	tests := []struct {
		name    string
		query   url.Values
		pattern graph.Pattern
	}{
		{"Subject", url.Values{"subject": {schema.DefaultBase + "procurement/traffic-ai"}},
			graph.Pattern{S: iri(schema.DefaultBase + "procurement/traffic-ai")}},
		{"Predicate", url.Values{"predicate": {schema.FOAFName}}, graph.Pattern{P: iri(schema.FOAFName)}},
		{"PredicateObject", url.Values{"predicate": {schema.RDFType}, "object": {schema.ClassActor}},
			graph.Pattern{P: iri(schema.RDFType), O: iri(schema.ClassActor)}},
		{"Object", url.Values{"object": {schema.SectorCivilSociety}}, graph.Pattern{O: iri(schema.SectorCivilSociety)}},
		{"LangLiteral", url.Values{"object": {`"Halve traffic deaths by 2027"@en`}},
			graph.Pattern{O: graph.LangLiteral("Halve traffic deaths by 2027", "en")}},
		{"TypedLiteral", url.Values{"object": {`"2024"^^http://www.w3.org/2001/XMLSchema#gYear`}},
			graph.Pattern{O: graph.Literal("2024", "http://www.w3.org/2001/XMLSchema#gYear")}},
		{"SimpleLiteral", url.Values{"predicate": {schema.NS + "country"}, "object": {`"ES"`}},
			graph.Pattern{P: iri(schema.NS + "country"), O: graph.String("ES")}},
		{"Variables", url.Values{"subject": {"?s"}, "predicate": {schema.SKOSInScheme}, "object": {"?o"}},
			graph.Pattern{P: iri(schema.SKOSInScheme)}},
		{"Nothing", url.Values{"subject": {schema.DefaultBase + "actor/nobody"}},
			graph.Pattern{S: iri(schema.DefaultBase + "actor/nobody")}},
		{"Everything", nil, graph.Pattern{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := distinctTriples(t, s, tc.pattern)
			u := ts.URL + "/fragments"
			if len(tc.query) > 0 {
				u += "?" + tc.query.Encode()
			}
			first := readFragment(t, u)
			if first.template != ts.URL+"/fragments{?subject,predicate,object}" {
				t.Errorf("hydra:template %q", first.template)
			}
			if first.total < int64(len(want)) {
				t.Errorf("hydra:totalItems %d, under the %d triples that match", first.total, len(want))
			}
			// Follow hydra:next to the end: every matching triple once.
			var got []graph.Quad
			pages := 0
			for p := first; ; {
				pages++
				if len(p.data) > 100 {
					t.Fatalf("page %d has %d triples", pages, len(p.data))
				}
				got = append(got, p.data...)
				if p.next == "" {
					break
				}
				if pages > 1000 {
					t.Fatal("more than 1000 pages")
				}
				next := readFragment(t, p.next)
				if next.previous == "" {
					t.Errorf("page %d has no hydra:previous", pages+1)
				}
				p = next
			}
			n := len(got)
			slices.SortFunc(got, compareQuads)
			if len(slices.Compact(got)) != n {
				t.Errorf("%d triples over %d pages, %d distinct", n, pages, len(got))
			}
			if !slices.EqualFunc(got, want, func(a, b graph.Quad) bool { return a == b }) {
				t.Errorf("got %d triples over %d pages, want the store's %d", len(got), pages, len(want))
			}
			if pages == 1 && first.total != int64(len(want)) {
				t.Errorf("one page: hydra:totalItems %d, want exactly %d", first.total, len(want))
			}
		})
	}
}

func TestFragments_Requests(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	tests := []struct {
		name, query, accept string
		status              int
		contentType         string
		body                string // a part of the body
	}{
		{"TriG", "subject=" + url.QueryEscape(schema.DefaultBase+"actor/testville-civic-lab"), "", 200, "application/trig; charset=utf-8", "#metadata> {"},
		{"Comunica", "predicate=" + url.QueryEscape(schema.FOAFName), "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,application/n-triples;q=0.8,text/turtle;q=0.6", 200, "application/n-quads; charset=utf-8", ""},
		{"Turtle", "predicate=" + url.QueryEscape(schema.FOAFName), "text/turtle", 200, "text/turtle; charset=utf-8", "hydra"},
		{"NTriples", "", "application/n-triples", 200, "application/n-triples; charset=utf-8", "totalItems"},
		{"NotAcceptable", "", "text/html", 406, "text/plain; charset=utf-8", "application/trig, application/n-quads, text/turtle, application/n-triples"},
		{"LiteralSubject", "subject=%22x%22", "", 400, "text/plain; charset=utf-8", "parameter subject"},
		{"RelativeIRI", "predicate=name", "", 400, "text/plain; charset=utf-8", "expected an absolute IRI"},
		{"BadLiteral", "object=%22x%22%40", "", 400, "text/plain; charset=utf-8", "not a language tag"},
		{"BadPage", "page=0", "", 400, "text/plain; charset=utf-8", "parameter page"},
		{"PastTheEnd", "subject=" + url.QueryEscape(schema.DefaultBase+"actor/testville-civic-lab") + "&page=3", "", 200, "application/trig; charset=utf-8", "hydra/core#previous"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := "/fragments"
			if tc.query != "" {
				path += "?" + tc.query
			}
			resp, body := get(t, ts, http.MethodGet, path, tc.accept)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("Content-Type"); got != tc.contentType {
				t.Errorf("Content-Type %q, want %q", got, tc.contentType)
			}
			if tc.status != 400 && resp.Header.Get("Vary") != "Accept" {
				t.Errorf("Vary %q", resp.Header.Get("Vary"))
			}
			if !strings.Contains(string(body), tc.body) {
				t.Errorf("body lacks %q:\n%s", tc.body, body)
			}
		})
	}
	t.Run("Golden", func(t *testing.T) {
		_, body := get(t, ts, http.MethodGet, "/fragments?subject="+url.QueryEscape(schema.DefaultBase+"mission/fair-mobility"), "application/trig")
		golden(t, ts, "fragment-fair-mobility.trig", body)
	})
}
