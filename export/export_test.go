package export_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func format(t testing.TB, name string) rdf.Format {
	t.Helper()
	f, ok := rdf.Lookup(name)
	if !ok {
		t.Fatalf("no format %s", name)
	}
	return f
}

// write exports sl of s as format name.
func write(t testing.TB, s *graph.Store, name string, sl export.Slice) []byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := export.Write(t.Context(), s, &buf, export.Options{Format: format(t, name), Slice: sl}); err != nil {
		t.Fatalf("export %s %+v: %v", name, sl, err)
	}
	return buf.Bytes()
}

// parse reads doc, in format name, with civicgraph's reader.
func parse(t testing.TB, name string, doc []byte) []graph.Quad {
	t.Helper()
	r, err := format(t, name).NewReader(bytes.NewReader(doc), "dump", rdf.ReaderOptions{})
	if err != nil {
		t.Fatal(err)
	}
	qs, err := rdftest.ReadAll(r)
	if err != nil {
		t.Fatalf("our %s reader refuses our %s export: %v", name, name, err)
	}
	return qs
}

// seeded returns a new store holding the seed: the ontology, concepts and
// shapes (with blank nodes), the seed knowledge in named graphs, and the
// provenance of its imports in the default graph.
func seeded(t testing.TB) *graph.Store {
	t.Helper()
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(context.Background(), s, ""); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWrite_TurtleGolden(t *testing.T) {
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, graphtest.Fixture())
	for _, name := range []string{"ttl", "trig", "jsonld", "rdfxml", "nq"} {
		t.Run(name, func(t *testing.T) {
			got := write(t, s, name, export.Slice{})
			golden := filepath.Join("testdata", "golden", "fixture."+format(t, name).Extension())
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s export differs from %s:\n%s", name, golden, got)
			}
		})
	}
}

// TestWrite_RoundTrip exports the seeded store in every format, imports
// the dump into an empty store (import --restore), exports that, and
// checks the two dumps hold isomorphic graphs: blank nodes and the default
// graph's provenance included. For N-Quads the restored store must equal
// the first, quad for quad up to blank node names.
func TestWrite_RoundTrip(t *testing.T) {
	src := seeded(t)
	for _, f := range rdf.Formats() {
		t.Run(f.Name, func(t *testing.T) {
			first := write(t, src, f.Name, export.Slice{})
			dst := graphtest.NewStore(t)
			_, err := importers.Import(t.Context(), dst, []importers.Input{{Name: "dump." + f.Extension(), R: bytes.NewReader(first)}},
				importers.Options{Format: importers.Format(f.Name), Restore: true})
			if err != nil {
				t.Fatalf("import --restore of the %s dump: %v", f.Title, err)
			}
			second := write(t, dst, f.Name, export.Slice{})
			a, b := parse(t, f.Name, first), parse(t, f.Name, second)
			if len(a) < 5000 {
				t.Fatalf("the %s dump holds only %d statements", f.Title, len(a))
			}
			if !graphtest.Isomorphic(a, b) {
				t.Errorf("%s: export → import → export changed the graph (%d statements, then %d)", f.Title, len(a), len(b))
			}
			if f.Name == "nq" {
				before := graphtest.Collect(t, src, graph.Pattern{})
				after := graphtest.Collect(t, dst, graph.Pattern{})
				if !graphtest.Isomorphic(before, after) {
					t.Errorf("restoring the N-Quads dump gives a store of %d quads, not the %d of the original", len(after), len(before))
				}
				if n := len(graphtest.Collect(t, dst, graph.Pattern{DefaultGraph: true})); n == 0 {
					t.Error("the restored store has no default graph: the provenance was lost")
				}
			}
		})
	}
}

func TestWrite_Slices(t *testing.T) {
	s := seeded(t)
	all := parse(t, "nq", write(t, s, "nq", export.Slice{}))
	count := func(qs []graph.Quad, keep func(graph.Quad) bool) int {
		n := 0
		for _, q := range qs {
			if keep(q) {
				n++
			}
		}
		return n
	}
	t.Run("Graph", func(t *testing.T) {
		g := schema.GraphSeedPlaybook
		got := parse(t, "nq", write(t, s, "nq", export.Slice{Graph: g}))
		want := count(all, func(q graph.Quad) bool { return q.G.Value == g })
		if len(got) != want || want == 0 {
			t.Errorf("graph %s: %d quads, want %d", g, len(got), want)
		}
		for _, q := range got {
			if q.G.Value != g {
				t.Fatalf("quad outside the graph: %v", q)
			}
		}
	})
	t.Run("NoSchema", func(t *testing.T) {
		got := parse(t, "nq", write(t, s, "nq", export.Slice{NoSchema: true}))
		want := count(all, func(q graph.Quad) bool {
			return q.G.Value != schema.GraphOntology && q.G.Value != schema.GraphShapes
		})
		if len(got) != want || want == 0 || want == len(all) {
			t.Errorf("without schema: %d quads, want %d (of %d)", len(got), want, len(all))
		}
		if count(got, func(q graph.Quad) bool { return q.G.Value == schema.GraphConcepts }) == 0 {
			t.Error("the concept schemes were left out with the schema")
		}
	})
	t.Run("Class", func(t *testing.T) {
		got := parse(t, "nt", write(t, s, "nt", export.Slice{Class: schema.ClassMechanism}))
		subjects := map[graph.Term]bool{}
		for _, q := range got {
			if q.S.Kind == graph.KindIRI {
				subjects[q.S] = true
			}
		}
		want := map[graph.Term]bool{}
		for _, q := range all {
			if q.P.Value == graph.RDFType && q.O.Value == schema.ClassMechanism {
				want[q.S] = true
			}
		}
		if len(subjects) != len(want) || len(want) == 0 {
			t.Errorf("class export describes %d subjects, the store has %d mechanisms", len(subjects), len(want))
		}
	})
	var entity graph.Term
	for _, q := range all {
		if q.P.Value == graph.RDFType && q.O.Value == schema.ClassMechanism {
			entity = q.S
			break
		}
	}
	t.Run("Entity", func(t *testing.T) {
		got := parse(t, "nt", write(t, s, "nt", export.Slice{Entity: entity.Value}))
		want := count(triples(all), func(q graph.Quad) bool { return q.S == entity })
		if len(got) != want || want == 0 {
			t.Errorf("description of %s: %d triples, want %d", entity, len(got), want)
		}
	})
	t.Run("CBDFollowsBlankNodes", func(t *testing.T) {
		// A shape's description holds its property shapes, blank nodes.
		var shape graph.Term
		for _, q := range all {
			if q.G.Value == schema.GraphShapes && q.S.Kind == graph.KindIRI && q.O.Kind == graph.KindBlank {
				shape = q.S
				break
			}
		}
		if shape.IsZero() {
			t.Skip("no shape with a blank node in the seed")
		}
		got := parse(t, "nt", write(t, s, "nt", export.Slice{Entity: shape.Value}))
		if count(got, func(q graph.Quad) bool { return q.S.Kind == graph.KindBlank }) == 0 {
			t.Errorf("the description of %s does not follow its blank nodes", shape)
		}
	})
	t.Run("Neighbourhood", func(t *testing.T) {
		one := parse(t, "nt", write(t, s, "nt", export.Slice{Entity: entity.Value}))
		two := parse(t, "nt", write(t, s, "nt", export.Slice{Entity: entity.Value, Depth: 1}))
		if len(two) <= len(one) {
			t.Errorf("depth 1 gives %d triples, no more than the entity's own %d", len(two), len(one))
		}
	})
}

func triples(qs []graph.Quad) []graph.Quad {
	seen := map[graph.Quad]bool{}
	var out []graph.Quad
	for _, q := range qs {
		q.G = graph.Term{}
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

func TestWrite_Refusals(t *testing.T) {
	s := graphtest.NewStore(t)
	graphtest.Load(t, s, graphtest.Fixture())
	for _, tc := range []struct {
		name string
		sl   export.Slice
		want error
	}{
		{"UnknownGraph", export.Slice{Graph: "http://example.org/nope"}, export.ErrUnknownGraph},
		{"UnknownEntity", export.Slice{Entity: "http://example.org/nobody"}, export.ErrUnknownEntity},
		{"UnknownClass", export.Slice{Class: "http://example.org/Nothing"}, export.ErrUnknownClass},
		{"EntityOutsideGraph", export.Slice{Entity: graphtest.Carol.Value, Graph: graphtest.G2.Value}, export.ErrUnknownEntity},
		{"ClassAndEntity", export.Slice{Class: "http://example.org/Person", Entity: graphtest.Alice.Value}, export.ErrBadSlice},
		{"DepthWithoutEntity", export.Slice{Depth: 1}, export.ErrBadSlice},
		{"DepthTooDeep", export.Slice{Entity: graphtest.Alice.Value, Depth: export.MaxDepth + 1}, export.ErrBadSlice},
		{"RelativeGraph", export.Slice{Graph: "g1"}, export.ErrBadSlice},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := export.Check(t.Context(), s, tc.sl); !errors.Is(err, tc.want) {
				t.Errorf("Check = %v, want %v", err, tc.want)
			}
			var buf bytes.Buffer
			_, err := export.Write(t.Context(), s, &buf, export.Options{Format: format(t, "nq"), Slice: tc.sl})
			if !errors.Is(err, tc.want) || buf.Len() > 0 {
				t.Errorf("Write = %v with %d bytes written, want %v and nothing", err, buf.Len(), tc.want)
			}
		})
	}
	// The error names the graphs the store holds.
	err := export.Check(t.Context(), s, export.Slice{Graph: "http://example.org/nope"})
	if err == nil || !strings.Contains(err.Error(), graphtest.G1.Value) {
		t.Errorf("unknown graph error %v does not list the store's graphs", err)
	}
}

// TestWrite_RDFXMLRefusesControls checks that an export to RDF/XML of a
// literal XML cannot hold fails, naming the problem, while N-Triples
// carries it escaped.
func TestWrite_RDFXMLRefusesControls(t *testing.T) {
	s := graphtest.NewStore(t)
	q := graph.Quad{S: graph.IRI("http://example.org/s"), P: graph.IRI("http://example.org/p"), O: graph.String("bell \a nul \x00")}
	graphtest.Load(t, s, []graph.Quad{q})
	_, err := export.Write(t.Context(), s, &bytes.Buffer{}, export.Options{Format: format(t, "rdfxml")})
	if !errors.Is(err, graph.ErrInvalidQuad) || !strings.Contains(err.Error(), "XML 1.0") {
		t.Errorf("RDF/XML export = %v, want a refusal naming XML 1.0", err)
	}
	nt := write(t, s, "nt", export.Slice{})
	if !bytes.Contains(nt, []byte(`"bell \u0007 nul \u0000"`)) {
		t.Errorf("N-Triples export %q does not escape the controls", nt)
	}
	if got := parse(t, "nt", nt); len(got) != 1 || got[0] != q {
		t.Errorf("N-Triples export reads back as %v, want %v", got, q)
	}
}

func TestContextDocument(t *testing.T) {
	doc := string(export.ContextDocument())
	for _, p := range export.Prefixes() {
		if !strings.Contains(doc, `"`+p.Name+`": "`+p.IRI+`"`) {
			t.Errorf("context document lacks prefix %s", p.Name)
		}
	}
}

func TestExpandIRI(t *testing.T) {
	for in, want := range map[string]string{
		"cg:Procurement":       schema.NS + "Procurement",
		"dcterms:title":        "http://purl.org/dc/terms/title",
		"http://example.org/x": "http://example.org/x",
		"urn:isbn:1":           "urn:isbn:1",
	} {
		if got, err := export.ExpandIRI(in); err != nil || got != want {
			t.Errorf("ExpandIRI(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
	if _, err := export.ExpandIRI("Procurement"); !errors.Is(err, export.ErrBadSlice) {
		t.Errorf("ExpandIRI(Procurement) = %v, want ErrBadSlice", err)
	}
}
