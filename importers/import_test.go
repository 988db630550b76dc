package importers_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/rdf/nquads"
	"civicgraph/schema"
)

func TestImport_GraphsAndAtomicity(t *testing.T) {
	s := graphtest.NewStore(t)
	nt := "<http://e.org/a> <http://e.org/p> \"1\" .\n<http://e.org/b> <http://e.org/p> \"2\" .\n"
	nq := "<http://e.org/c> <http://e.org/p> \"3\" <http://e.org/g> .\n<http://e.org/d> <http://e.org/p> \"4\" .\n"
	res, err := importers.Import(t.Context(), s, []importers.Input{
		{Name: "dir/one.nt", R: strings.NewReader(nt)},
		{Name: "two.nq", R: strings.NewReader(nq)},
	}, importers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Files != 2 || res.Records != 4 {
		t.Errorf("result = %+v, want 2 files, 4 records", res)
	}
	// Each input gets a provenance record in the default graph: an activity,
	// the source file with its digest, and each graph it wrote with its size.
	activities, _ := s.Count(t.Context(), graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(schema.PROVActivity), DefaultGraph: true})
	if activities != 2 {
		t.Errorf("%d prov:Activity records, want 2", activities)
	}
	sum := sha256.Sum256([]byte(nt))
	if n, _ := s.Count(t.Context(), graph.Pattern{P: graph.IRI(schema.DCTermsIdentifier), O: graph.String("sha256:" + hex.EncodeToString(sum[:]))}); n != 1 {
		t.Errorf("no source entity carries the digest of one.nt")
	}
	for g, want := range map[graph.Term]string{importers.SourceGraph("one.nt"): "2", graph.IRI("http://e.org/g"): "1"} {
		if n, _ := s.Count(t.Context(), graph.Pattern{S: g, P: graph.IRI(schema.VOIDTriples), O: graph.Literal(want, schema.XSDInteger)}); n != 1 {
			t.Errorf("graph %s lacks void:triples %s", g, want)
		}
	}
	if total, _ := s.Count(t.Context(), graph.Pattern{}); res.Load.Quads != total {
		t.Errorf("Load.Quads = %d, the store holds %d", res.Load.Quads, total)
	}
	tests := []struct {
		graph graph.Term
		want  int64
	}{
		{importers.SourceGraph("one.nt"), 2}, // N-Triples: the file's own graph
		{graph.IRI("http://e.org/g"), 1},     // N-Quads: the quad's graph
		{importers.SourceGraph("two.nq"), 1}, // N-Quads default graph: the file's graph
	}
	for _, tc := range tests {
		if n, err := s.Count(t.Context(), graph.Pattern{G: tc.graph}); err != nil || n != tc.want {
			t.Errorf("graph %s holds %d quads (%v), want %d", tc.graph, n, err, tc.want)
		}
	}

	// A bad second file leaves everything as it was, the good first file included.
	before, _ := s.Stats(t.Context())
	_, err = importers.Import(t.Context(), s, []importers.Input{
		{Name: "three.nt", R: strings.NewReader(nt)},
		{Name: "bad.nt", R: strings.NewReader(nt + "<http://e.org/x> <http://e.org/p> .\n")},
	}, importers.Options{})
	var pe *nquads.ParseError
	if !errors.As(err, &pe) || pe.File != "bad.nt" || pe.Line != 3 {
		t.Fatalf("import with a bad file = %v, want a ParseError at bad.nt:3", err)
	}
	after, _ := s.Stats(t.Context())
	if after.Quads != before.Quads {
		t.Errorf("failed import changed the quad count: %d -> %d", before.Quads, after.Quads)
	}
	if after.Quads != before.Quads || after.Terms != before.Terms || len(after.Graphs) != len(before.Graphs) {
		t.Errorf("failed import changed the store: %+v -> %+v", before, after)
	}
	// Importing a source again replaces the graph's description, keeps the
	// first activity, and adds a second.
	nt3 := nt + "<http://e.org/c> <http://e.org/p> \"3\" .\n"
	if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: "dir/one.nt", R: strings.NewReader(nt3)}}, importers.Options{}); err != nil {
		t.Fatal(err)
	}
	g1 := importers.SourceGraph("one.nt")
	if n, _ := s.Count(t.Context(), graph.Pattern{S: g1, P: graph.IRI(schema.VOIDTriples)}); n != 1 {
		t.Errorf("after a re-import, graph one.nt has %d void:triples, want 1", n)
	}
	if n, _ := s.Count(t.Context(), graph.Pattern{S: g1, P: graph.IRI(schema.VOIDTriples), O: graph.Literal("3", schema.XSDInteger)}); n != 1 {
		t.Errorf("after a re-import, graph one.nt's void:triples is not 3")
	}
	if n, _ := s.Count(t.Context(), graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(schema.PROVActivity), DefaultGraph: true}); n != 3 {
		t.Errorf("%d activities after three imports, want 3", n)
	}
}

// TestImport_BlankNodesAreScoped imports two files that both use _:b1: they
// must stay two nodes.
func TestImport_BlankNodesAreScoped(t *testing.T) {
	s := graphtest.NewStore(t)
	doc := "_:b1 <http://e.org/p> \"x\" .\n"
	_, err := importers.Import(t.Context(), s, []importers.Input{
		{Name: "one.nt", R: strings.NewReader(doc)},
		{Name: "two.nt", R: strings.NewReader(doc)},
	}, importers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	subjects := map[graph.Term]bool{}
	for q, err := range s.Match(t.Context(), graph.Pattern{P: graph.IRI("http://e.org/p")}) {
		if err != nil {
			t.Fatal(err)
		}
		subjects[q.S] = true
	}
	if len(subjects) != 2 {
		t.Errorf("two files' _:b1 became %d nodes, want 2: %v", len(subjects), subjects)
	}
}

func TestImport_DryRunAndProgress(t *testing.T) {
	var progress bytes.Buffer
	lines := strings.Repeat("<http://e.org/a> <http://e.org/p> \"1\" .\n", 5000)
	res, err := importers.Import(t.Context(), nil, []importers.Input{{Name: "x.nt", R: strings.NewReader(lines), Size: int64(len(lines))}},
		importers.Options{DryRun: true, Progress: &progress})
	if err != nil || res.Records != 5000 {
		t.Fatalf("dry run = %+v, %v", res, err)
	}
	if !strings.Contains(progress.String(), "5000 records") || strings.Contains(progress.String(), "\r") {
		t.Errorf("plain progress output = %q, want a final line with the record count and no carriage returns", progress.String())
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in   string
		want importers.Format
		ok   bool
	}{
		{"nt", importers.NTriples, true},
		{"N-Quads", importers.NQuads, true},
		{"turtle", importers.Turtle, true},
		{"csv:procurement", importers.Format("csv:procurement"), true},
		{"spaceship", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, err := importers.ParseFormat(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseFormat(%q) = %q, %v", tc.in, got, err)
		}
	}
}

// TestImport_CSVValidatedAgainstTheShapes checks that a CSV file whose rows
// are well formed but whose entities break the shapes (a procurement
// without its buyer) is refused, names what is missing, and writes
// nothing; --no-validate imports it.
func TestImport_CSVValidatedAgainstTheShapes(t *testing.T) {
	ctx := t.Context()
	s := graphtest.NewStore(t)
	in := func() []importers.Input {
		return []importers.Input{{Name: "procurements.csv", R: strings.NewReader("id,title\np,T\n")}}
	}
	_, err := importers.Import(ctx, s, in(), importers.Options{})
	var ve *importers.ValidationError
	if !errors.As(err, &ve) || !strings.Contains(err.Error(), "buyer") || !strings.Contains(err.Error(), "procurements.csv") {
		t.Fatalf("import of a procurement without a buyer = %v, want a ValidationError naming the file and buyer", err)
	}
	if n, err := s.Count(ctx, graph.Pattern{}); err != nil || n != 0 {
		t.Errorf("the refused import wrote %d quads (%v)", n, err)
	}
	if _, err := importers.Import(ctx, s, in(), importers.Options{NoValidate: true}); err != nil {
		t.Fatalf("--no-validate: %v", err)
	}
}
