package turtle_test

import (
	"civicgraph/internal/realdata"
	"path/filepath"
	"reflect"
	"testing"

	"civicgraph/graph"
)

// quad returns a statement in graph g.
func quad(s, p, o, g graph.Term) graph.Quad { return graph.Quad{S: s, P: p, O: o, G: g} }

func TestReader_Read_trig(t *testing.T) {
	s, p, o, g := iri("s"), iri("p"), iri("o"), iri("g")
	b := graph.Blank
	var dflt graph.Term
	tests := []struct {
		name string
		in   string
		want []graph.Quad
	}{
		{"DefaultGraphOutside", prefix + ":s :p :o .", []graph.Quad{spo(s, p, o)}},
		{"DefaultGraphBlock", prefix + "{ :s :p :o }", []graph.Quad{spo(s, p, o)}},
		{"EmptyBlocks", prefix + "{ } :g { } GRAPH :g {}", nil},
		{"NamedBlock", prefix + ":g { :s :p :o . :s :p :o2 }", []graph.Quad{quad(s, p, o, g), quad(s, p, iri("o2"), g)}},
		{"GraphKeyword", prefix + "graph :g { :s :p :o . }", []graph.Quad{quad(s, p, o, g)}},
		{"IRIRefLabel", "<http://a/g> { <http://a/s> <http://a/p> <http://a/o> }", []graph.Quad{quad(s, p, o, g)}},
		{"BlankLabel", prefix + "_:g { :s :p :o } GRAPH [] { :s :p :o }", []graph.Quad{
			quad(s, p, o, b("g")), quad(s, p, o, b("_g1")),
		}},
		{"AnonLabel", prefix + "[] { :s :p :o }", []graph.Quad{quad(s, p, o, b("_g1"))}},
		{"LabelOnNextLine", prefix + ":g\n# c\n{ :s :p :o }", []graph.Quad{quad(s, p, o, g)}},
		{"BackToDefault", prefix + ":g { :s :p :o } :s :p :o2 . { :s :p :o3 }", []graph.Quad{
			quad(s, p, o, g), quad(s, p, iri("o2"), dflt), quad(s, p, iri("o3"), dflt),
		}},
		{"EndWithoutDot", prefix + ":g { :s :p :o ; }", []graph.Quad{quad(s, p, o, g)}},
		{"PropertyListInBlock", prefix + ":g { [ :p :o ] } :g { [ :p :o ] :p :o2 . }", []graph.Quad{
			quad(b("_g1"), p, o, g), quad(b("_g2"), p, o, g), quad(b("_g2"), p, iri("o2"), g),
		}},
		{"CollectionInBlock", prefix + ":g { ( :o ) :p () }", []graph.Quad{
			quad(b("_g1"), graph.IRI(rdf+"first"), o, g),
			quad(b("_g1"), graph.IRI(rdf+"rest"), graph.IRI(rdf+"nil"), g),
			quad(b("_g1"), p, graph.IRI(rdf+"nil"), g),
		}},
		{"LabelsSharedAcrossGraphs", prefix + ":g { _:x :p :o } _:x :p :o .", []graph.Quad{
			quad(b("x"), p, o, g), quad(b("x"), p, o, dflt),
		}},
		{"SubjectNotLabel", prefix + ":s :p :o . :g {}", []graph.Quad{spo(s, p, o)}},
		{"DirectivesBetweenBlocks", "PREFIX : <http://a/>\n:g { :s :p :o } @prefix : <http://b/> . :g { :s :p :o }", []graph.Quad{
			quad(s, p, o, g), quad(graph.IRI("http://b/s"), graph.IRI("http://b/p"), graph.IRI("http://b/o"), graph.IRI("http://b/g")),
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readAll(t, tc.in, "", true)
			if err != nil {
				t.Fatalf("Read(%q): %v", tc.in, err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Read(%q) =\n%s\nwant\n%s", tc.in, nqOrdered(got), nqOrdered(tc.want))
			}
		})
	}
}

// TestW3CTurtleAsTriG checks that every positive test of the W3C Turtle
// suite, syntax and eval, parses as TriG to the same statements, all in
// the default graph: TriG is a superset of Turtle.
func TestW3CTurtleAsTriG(t *testing.T) {
	dir := filepath.Join(filepath.Join(realdata.Dir(t), "w3c-rdf-tests"), "rdf-turtle")
	n := 0
	for _, mt := range readManifest(t, filepath.Join(dir, "manifest.ttl")) {
		if mt.typ != "TestTurtlePositiveSyntax" && mt.typ != "TestTurtleEval" {
			continue
		}
		n++
		t.Run(mt.name, func(t *testing.T) {
			path := filepath.Join(dir, mt.action)
			want := parseFile(t, path, mt.base, false)
			got, err := parseFileErr(t, path, mt.base, true)
			if err != nil {
				t.Fatalf("%s as TriG: %v", mt.action, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s as TriG =\n%s\nas Turtle\n%s", mt.action, nqOrdered(got), nqOrdered(want))
			}
		})
	}
	t.Logf("rdf-turtle: %d positive tests parsed as TriG", n)
}
