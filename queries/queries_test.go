package queries_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/queries"
	"civicgraph/schema"
)

func TestParseTerm(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     graph.Term
		wantErr  bool
	}{
		{"BareIRI", "https://example.org/a", graph.IRI("https://example.org/a"), false},
		{"BracketIRI", "<https://example.org/a>", graph.IRI("https://example.org/a"), false},
		{"Blank", "_:b1", graph.Blank("b1"), false},
		{"Simple", `"hello"`, graph.String("hello"), false},
		{"Lang", `"hola"@es`, graph.LangLiteral("hola", "es"), false},
		{"Typed", `"42"^^<http://www.w3.org/2001/XMLSchema#integer>`, graph.Literal("42", schema.XSDInteger), false},
		{"Escapes", `"a\"b\\c\n\u00e9\U0001F600"`, graph.String("a\"b\\c\né😀"), false},
		{"Unterminated", `"open`, graph.Term{}, true},
		{"BadSuffix", `"x"en`, graph.Term{}, true},
		{"BadEscape", `"\q"`, graph.Term{}, true},
		{"ShortUnicode", `"\u00"`, graph.Term{}, true},
		{"Empty", "", graph.Term{}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := queries.ParseTerm(tc.in)
			if (err != nil) != tc.wantErr {
				t.Fatalf("ParseTerm(%q) error = %v, want error %v", tc.in, err, tc.wantErr)
			}
			var qe *queries.Error
			if err != nil && (!errors.As(err, &qe) || qe.Code != queries.CodeBadInput) {
				t.Errorf("ParseTerm(%q) error %v, want a BAD_INPUT *queries.Error", tc.in, err)
			}
			if got != tc.want {
				t.Errorf("ParseTerm(%q) = %#v, want %#v", tc.in, got, tc.want)
			}
		})
	}
}

func newResolver(t *testing.T) *queries.Resolver {
	t.Helper()
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(t.Context(), s, schema.DefaultBase); err != nil {
		t.Fatal(err)
	}
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	return queries.New(s, sc, queries.Options{MaxPage: 10000})
}

// TestResolver_TimeoutReachesScans shows that a request's deadline stops
// the store's scans: a long scan under an expired deadline fails with the
// timeout error naming the limit.
func TestResolver_TimeoutReachesScans(t *testing.T) {
	r := newResolver(t)
	ctx, cancel := queries.WithTimeout(t.Context(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	_, err := r.Triples(ctx, queries.TriplesArgs{First: 5000})
	var qe *queries.Error
	if !errors.As(err, &qe) || qe.Code != queries.CodeTimeout || qe.Details["value"] != "1ns" {
		t.Fatalf("Triples under an expired deadline: %v, want a TIMEOUT error with value 1ns", err)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("the error does not wrap context.DeadlineExceeded: %v", err)
	}
	// And the same scan without a deadline succeeds.
	conn, err := r.Triples(t.Context(), queries.TriplesArgs{First: 5000})
	if err != nil || conn.TotalCount() < 5000 {
		t.Fatalf("Triples: %v (total %d)", err, conn.TotalCount())
	}
}

func TestResolver_Node(t *testing.T) {
	r := newResolver(t)
	iri := "https://w3id.org/civicgraph/concept/lifecycle/award"
	for _, tc := range []struct {
		name    string
		args    queries.NodeArgs
		wantID  string
		wantNil bool
		code    string
	}{
		{"ByIRI", queries.NodeArgs{IRI: &iri}, "concept/lifecycle/award", false, ""},
		{"ByID", queries.NodeArgs{ID: ptr("concept/lifecycle/award")}, "concept/lifecycle/award", false, ""},
		{"ByFullIRIAsID", queries.NodeArgs{ID: &iri}, "concept/lifecycle/award", false, ""},
		{"Unknown", queries.NodeArgs{ID: ptr("actor/nobody")}, "", true, ""},
		{"Neither", queries.NodeArgs{}, "", true, queries.CodeBadInput},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := r.Node(t.Context(), tc.args)
			var qe *queries.Error
			if tc.code != "" {
				if !errors.As(err, &qe) || qe.Code != tc.code {
					t.Fatalf("Node: %v, want code %s", err, tc.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (n == nil) != tc.wantNil {
				t.Fatalf("Node = %v, want nil %v", n, tc.wantNil)
			}
			if n != nil && string(n.ID()) != tc.wantID {
				t.Errorf("ID = %s, want %s", n.ID(), tc.wantID)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }
