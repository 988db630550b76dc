package epo_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/epo"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf/turtle"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// readAll reads Turtle through an epo.Reader and returns every quad and
// the derived ones.
func readAll(tb testing.TB, data []byte, name string) (all, derived []graph.Quad, err error) {
	tb.Helper()
	r := epo.NewReader(turtle.NewReader(bytes.NewReader(data), name, false))
	for {
		q, err := r.Read()
		if err == io.EOF {
			return all, r.Derived(), nil
		}
		if err != nil {
			return all, r.Derived(), err
		}
		all = append(all, q)
	}
}

// TestReader_Golden maps each fixture and compares the derived quads, as
// sorted N-Quads, with the .golden file beside it; the derived quads must
// meet the shapes on their own, and every input quad must pass through.
func TestReader_Golden(t *testing.T) {
	s, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		file         string
		procurements int
		admins       int
		concepts     int
	}{
		{"notice.ttl", 4, 2, 3},
		{"plain.ttl", 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join("testdata", "TestReader_Golden", tc.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			all, derived, err := readAll(t, data, tc.file)
			if err != nil {
				t.Fatal(err)
			}
			plain, err := rdftest.ReadAll(turtle.NewReader(bytes.NewReader(data), tc.file, false))
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != len(plain)+len(derived) {
				t.Errorf("read %d quads, want the %d of the input and %d derived", len(all), len(plain), len(derived))
			}
			if vs := s.Validate(derived); len(vs) > 0 {
				t.Errorf("violations: %v", vs.Err())
			}
			count := func(class string) int {
				n := 0
				for _, q := range derived {
					if q.P.Value == schema.RDFType && q.O.Value == class {
						n++
					}
				}
				return n
			}
			if got := count(schema.ClassProcurement); got != tc.procurements {
				t.Errorf("procurements = %d, want %d", got, tc.procurements)
			}
			if got := count(schema.ClassAdministration); got != tc.admins {
				t.Errorf("administrations = %d, want %d", got, tc.admins)
			}
			if got := count(schema.SKOSConcept); got != tc.concepts {
				t.Errorf("concepts = %d, want %d", got, tc.concepts)
			}
			got := ""
			if len(derived) > 0 {
				got = rdftest.NQuadsLines(t, derived)
			}
			golden := path + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("derived quads differ from %s:\n%s", golden, got)
			}
		})
	}
}

// failing returns its quads, then an error.
type failing struct {
	quads []graph.Quad
	err   error
}

func (f *failing) Read() (graph.Quad, error) {
	if len(f.quads) == 0 {
		return graph.Quad{}, f.err
	}
	q := f.quads[0]
	f.quads = f.quads[1:]
	return q, nil
}

// TestReader_Error checks that an error of the wrapped reader comes
// through as it is, and derives nothing.
func TestReader_Error(t *testing.T) {
	errBad := errors.New("bad input")
	typed := graph.Quad{S: graph.IRI("http://x/p"), P: graph.IRI(schema.RDFType), O: graph.IRI(schema.EPOProcedure)}
	r := epo.NewReader(&failing{quads: []graph.Quad{typed}, err: errBad})
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(); !errors.Is(err, errBad) {
		t.Errorf("err = %v, want %v", err, errBad)
	}
	if d := r.Derived(); len(d) != 0 {
		t.Errorf("derived %d quads after an error, want none", len(d))
	}
}

// FuzzEnricher feeds Turtle to the mapping: it must not panic, and what
// it derives from valid RDF must be valid quads.
func FuzzEnricher(f *testing.F) {
	for _, name := range []string{"notice.ttl", "plain.ttl"} {
		data, err := os.ReadFile(filepath.Join("testdata", "TestReader_Golden", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, derived, err := readAll(t, data, "fuzz.ttl")
		if err != nil {
			return
		}
		for _, q := range derived {
			if err := q.Validate(); err != nil {
				t.Errorf("derived invalid quad %v: %v", q, err)
			}
		}
	})
}
