package importers_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/importers/nquads"
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
	if res.Files != 2 || res.Records != 4 || res.Load.Quads != 4 || res.Load.Graphs != 3 {
		t.Errorf("result = %+v, want 2 files, 4 records, 4 quads in 3 graphs", res)
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
	if after.Quads != before.Quads || after.Terms != before.Terms || len(after.Graphs) != len(before.Graphs) {
		t.Errorf("failed import changed the store: %+v -> %+v", before, after)
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
		{"turtle", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, err := importers.ParseFormat(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseFormat(%q) = %q, %v", tc.in, got, err)
		}
	}
}
