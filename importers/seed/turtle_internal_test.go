package seed

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/schema"
)

func TestParseTurtle(t *testing.T) {
	g := graph.IRI(schema.GraphIRI("t"))
	const base = "https://example.org/id/"
	tests := []struct {
		name    string
		in      string
		want    []graph.Quad
		wantErr bool
	}{
		{
			name: "RelativeIRIsAndPrefixes",
			in:   "@prefix st: <statement/> .\n@prefix dcterms: <http://purl.org/dc/terms/> .\nst:a dcterms:title \"A\"@en ; dcterms:relation <mechanism/b> .",
			want: []graph.Quad{
				{S: graph.IRI(base + "statement/a"), P: graph.IRI(schema.DCTermsTitle), O: graph.LangLiteral("A", "en"), G: g},
				{S: graph.IRI(base + "statement/a"), P: graph.IRI(schema.DCTermsRelation), O: graph.IRI(base + "mechanism/b"), G: g},
			},
		},
		{
			name: "TypedLiteralAndBlankNode",
			in:   "<a> <http://schema.org/position> 3 ; <p> [ <q> \"x\" ] .",
			want: []graph.Quad{
				{S: graph.IRI(base + "a"), P: graph.IRI(schema.SchemaPosition), O: graph.Literal("3", schema.XSDInteger), G: g},
				{S: graph.IRI(base + "a"), P: graph.IRI(base + "p"), O: graph.Blank("t-ttl-b1"), G: g},
				{S: graph.Blank("t-ttl-b1"), P: graph.IRI(base + "q"), O: graph.String("x"), G: g},
			},
		},
		{name: "SyntaxError", in: "<a> <b> .", wantErr: true},
		{name: "LiteralSubject", in: "\"a\" <b> <c> .", wantErr: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseTurtle("t.ttl", []byte(tc.in), base, g)
			if tc.wantErr {
				if !errors.Is(err, ErrTurtle) || !strings.Contains(err.Error(), "t.ttl") {
					t.Fatalf("parseTurtle(%q) error = %v, want ErrTurtle naming the file", tc.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseTurtle(%q): %v", tc.in, err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("parseTurtle(%q) = %v, want %v", tc.in, got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quad %d = %s, want %s", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// TestParseTurtle_KnakkCrashes records documents on which knakk/rdf's
// Turtle lexer panics in its own goroutine, which kills the process (found
// by fuzzing parseTurtle). Each runs in a child process. When a knakk
// upgrade fixes one, the test says so: then the crasher can go into a fuzz
// corpus and a fuzz target for the Turtle path can come back.
func TestParseTurtle_KnakkCrashes(t *testing.T) {
	if p := os.Getenv("SEED_KNAKK_CRASHER"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = parseTurtle(p, b, schema.DefaultBase, graph.Term{})
		return
	}
	if testing.Short() {
		t.Skip("runs child processes")
	}
	files, err := filepath.Glob(filepath.Join("testdata", "knakk-crashers", "*.ttl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no crashers in testdata/knakk-crashers: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestParseTurtle_KnakkCrashes$")
			cmd.Env = append(os.Environ(), "SEED_KNAKK_CRASHER="+f)
			out, err := cmd.CombinedOutput()
			if err == nil {
				t.Errorf("knakk/rdf no longer crashes on %s: move it to a fuzz corpus", f)
				return
			}
			if !strings.Contains(string(out), "github.com/knakk/rdf.(*lexer)") {
				t.Errorf("child failed, but not in knakk's lexer:\n%s", out)
			}
		})
	}
}
