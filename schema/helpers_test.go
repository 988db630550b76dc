package schema_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"

	"github.com/knakk/rdf"
)

// prefixes is prepended to every Turtle snippet in the tests.
const prefixes = `
@prefix cg: <https://w3id.org/civicgraph/ns#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix bibo: <http://purl.org/ontology/bibo/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <http://schema.org/> .
@prefix actor: <https://w3id.org/civicgraph/id/actor/> .
@prefix mission: <https://w3id.org/civicgraph/id/mission/> .
@prefix procurement: <https://w3id.org/civicgraph/id/procurement/> .
@prefix milestone: <https://w3id.org/civicgraph/id/milestone/> .
@prefix mechanism: <https://w3id.org/civicgraph/id/mechanism/> .
@prefix engagement: <https://w3id.org/civicgraph/id/engagement/> .
@prefix reference: <https://w3id.org/civicgraph/id/reference/> .
@prefix person: <https://w3id.org/civicgraph/id/person/> .
@prefix statement: <https://w3id.org/civicgraph/id/statement/> .
@prefix lc: <https://w3id.org/civicgraph/concept/lifecycle/> .
@prefix sec: <https://w3id.org/civicgraph/concept/sector/> .
@prefix lvl: <https://w3id.org/civicgraph/concept/government-level/> .
@prefix inst: <https://w3id.org/civicgraph/concept/institutionalisation/> .
@prefix df: <https://w3id.org/civicgraph/concept/democratic-function/> .
@prefix inf: <https://w3id.org/civicgraph/concept/influence/> .
@prefix ogt: <https://w3id.org/civicgraph/concept/open-government-tier/> .
@prefix ds: <https://w3id.org/civicgraph/concept/decision-stage/> .
@prefix lever: <https://w3id.org/civicgraph/concept/lever/> .
@prefix risk: <https://w3id.org/civicgraph/concept/ai-risk/> .
@prefix st: <https://w3id.org/civicgraph/concept/procurement-status/> .
@prefix pt: <https://w3id.org/civicgraph/concept/procedure-type/> .
@prefix stt: <https://w3id.org/civicgraph/concept/statement-type/> .
`

// parseTTL parses Turtle into quads in graph g (the zero Term for the
// default graph), failing the test on a syntax error.
func parseTTL(tb testing.TB, src string, g graph.Term) []graph.Quad {
	tb.Helper()
	dec := rdf.NewTripleDecoder(strings.NewReader(src), rdf.Turtle)
	var quads []graph.Quad
	for {
		tr, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return quads
		}
		if err != nil {
			tb.Fatalf("parse Turtle: %v", err)
		}
		quads = append(quads, graph.Quad{S: term(tr.Subj), P: term(tr.Pred), O: term(tr.Obj), G: g})
	}
}

func term(t rdf.Term) graph.Term {
	switch t := t.(type) {
	case rdf.IRI:
		return graph.IRI(t.String())
	case rdf.Blank:
		return graph.Blank(t.String())
	case rdf.Literal:
		if t.Lang() != "" {
			return graph.LangLiteral(t.String(), t.Lang())
		}
		return graph.Literal(t.String(), t.DataType.String())
	}
	return graph.Term{}
}

// newSchema returns a loaded Schema or fails the test.
func newSchema(tb testing.TB) *schema.Schema {
	tb.Helper()
	s, err := schema.New()
	if err != nil {
		tb.Fatalf("New() error = %v", err)
	}
	return s
}

// describe returns what quads say about subject iri: predicate → objects.
func describe(quads []graph.Quad, iri string) map[string][]graph.Term {
	m := map[string][]graph.Term{}
	for _, q := range quads {
		if q.S.Value == iri {
			m[q.P.Value] = append(m[q.P.Value], q.O)
		}
	}
	return m
}

// langs returns the language tags of the literals in ts.
func langs(ts []graph.Term) map[string]bool {
	m := map[string]bool{}
	for _, t := range ts {
		if t.Kind == graph.KindLiteral {
			m[t.Lang] = true
		}
	}
	return m
}
