package server

import (
	"net/url"
	"strings"
	"testing"

	"civicgraph/graph"
)

func TestParseFragmentQuery(t *testing.T) {
	tests := []struct {
		query   string
		s, p, o graph.Term
		page    int
		err     string
	}{
		{query: "", page: 1},
		{query: "subject=http%3A%2F%2Fa.example%2Fs&page=3", s: graph.IRI("http://a.example/s"), page: 3},
		{query: "predicate=%3Chttp%3A%2F%2Fa.example%2Fp%3E", p: graph.IRI("http://a.example/p"), page: 1},
		{query: "subject=%3Fs&object=%3Fo", page: 1},
		{query: "subject=_%3Ab1", page: 1},
		{query: "object=%22a%22b%22", o: graph.String(`a"b`), page: 1},
		{query: "object=%22chat%22%40fr", o: graph.LangLiteral("chat", "fr"), page: 1},
		{query: "object=%221%22%5E%5Ehttp%3A%2F%2Fwww.w3.org%2F2001%2FXMLSchema%23integer",
			o: graph.Literal("1", "http://www.w3.org/2001/XMLSchema#integer"), page: 1},
		{query: "object=%221%22%5E%5E%3Chttp%3A%2F%2Fwww.w3.org%2F2001%2FXMLSchema%23integer%3E",
			o: graph.Literal("1", "http://www.w3.org/2001/XMLSchema#integer"), page: 1},
		{query: "object=%22", err: "parameter object"},
		{query: "object=%22a%22x", err: "expected @lang or ^^datatype"},
		{query: "object=%22a%22%5E%5Ex", err: "not an absolute IRI"},
		{query: "predicate=%22a%22", err: "is a literal"},
		{query: "subject=a+b", err: "expected an absolute IRI"},
		{query: "subject=http%3A%2F%2Fa.example%2Fa+b", err: "expected an absolute IRI"},
		{query: "page=x", err: "parameter page"},
		{query: "page=100001", err: "parameter page"},
		{query: "subject=_%3A", err: "blank node label"},
	}
	for _, tc := range tests {
		q, _ := url.ParseQuery(tc.query)
		fq, err := parseFragmentQuery(q)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: error %v, want one containing %q", tc.query, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tc.query, err)
			continue
		}
		if fq.s != tc.s || fq.p != tc.p || fq.o != tc.o || fq.page != tc.page {
			t.Errorf("%s: got %v %v %v page %d, want %v %v %v page %d", tc.query, fq.s, fq.p, fq.o, fq.page, tc.s, tc.p, tc.o, tc.page)
		}
	}
}

// FuzzParseFragmentQuery checks that any query string is read or refused
// without panicking, that what is read is a valid pattern (IRIs and
// literals the N-Quads writer takes), and that the URL of its next page
// reads back as the same pattern.
func FuzzParseFragmentQuery(f *testing.F) {
	for _, s := range []string{"", "subject=http%3A%2F%2Fa.example%2Fs", "object=%22a%22%40en", "object=%221%22%5E%5Ehttp%3A%2F%2Fx.example%2Fd",
		"page=2&predicate=%3Fp", "object=%22%22", "subject=_%3Ax", "object=%22%5Cu0000%22"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		fq, err := parseFragmentQuery(q)
		if err != nil || fq.page >= maxFragmentPage {
			return
		}
		pat := graph.Quad{S: fq.s, P: fq.p, O: fq.o}
		if !fq.s.IsZero() && fq.s.Kind != graph.KindIRI || !fq.p.IsZero() && fq.p.Kind != graph.KindIRI {
			t.Fatalf("%q: subject %v, predicate %v", raw, fq.s, fq.p)
		}
		u, err := url.Parse(fragmentURL("http://h.example", fq, fq.page+1))
		if err != nil {
			t.Fatalf("%q: next page URL: %v", raw, err)
		}
		again, err := parseFragmentQuery(u.Query())
		if err != nil {
			t.Fatalf("%q: next page URL %s: %v", raw, u, err)
		}
		if (graph.Quad{S: again.s, P: again.p, O: again.o}) != pat || again.page != fq.page+1 {
			t.Fatalf("%q: next page %s reads as %v page %d, want %v page %d", raw, u, again, again.page, pat, fq.page+1)
		}
	})
}
