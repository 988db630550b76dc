package importers_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/realdata"
	"civicgraph/schema"
)

const goodNT = "<http://e.org/a> <http://e.org/p> \"1\" .\n"

// realFile reads a file of the shared real data (skipping, or failing
// under CI=true, when it is absent).
func realFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(realdata.Dir(t), rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// storeState is what a failed import must leave as it was.
func storeState(t *testing.T, s *graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func sameState(t *testing.T, before, after graph.Stats) {
	t.Helper()
	if before.Quads != after.Quads || before.Terms != after.Terms || len(before.Graphs) != len(after.Graphs) {
		t.Errorf("a refused import changed the store: %d quads, %d terms, %d graphs -> %d, %d, %d",
			before.Quads, before.Terms, len(before.Graphs), after.Quads, after.Terms, len(after.Graphs))
	}
}

// TestImport_RefusesContent checks the inputs an import refuses before it
// writes anything: an empty file, one that gives no statements, and one
// whose content is plainly not the format it is read as. Each error names
// the file and says what the file looks like; the store is unchanged, the
// graph of an earlier import of the same name included.
func TestImport_RefusesContent(t *testing.T) {
	tests := []struct {
		name    string
		content func(t *testing.T) string
		format  importers.Format
		wantErr error
		want    []string // in the message
	}{
		{"data.nt", func(*testing.T) string { return "" }, "", importers.ErrEmpty, []string{"data.nt", "0 bytes"}},
		{"data.nt", func(*testing.T) string { return " \n\t\n" }, "", importers.ErrEmpty, []string{"data.nt", "only white space"}},
		{"only-prefixes.ttl", func(*testing.T) string { return "@prefix ex: <http://e.org/> .\n# nothing else\n" }, "",
			importers.ErrNoStatements, []string{"only-prefixes.ttl", "gave no statements", "looks like Turtle"}},
		{"plain.jsonld", func(*testing.T) string { return `{"name": "a plain JSON object", "n": 1}` }, "",
			importers.ErrNoStatements, []string{"plain.jsonld", "as JSON-LD", `a JSON object with keys "name", "n"`}},
		{"csl-list.json", func(t *testing.T) string { return realFile(t, "bibliography-commonmeta/csl-list.json") }, importers.JSONLD,
			importers.ErrNoStatements, []string{"csl-list.json", "as JSON-LD", "a JSON array of objects with keys"}},
		{"comments.bib", func(*testing.T) string { return "% a BibTeX file with no entries\nJust text.\n" }, "",
			importers.ErrNoStatements, []string{"comments.bib", "as BibTeX gave no statements"}},
		{"crossref.bib", func(t *testing.T) string { return realFile(t, "bibliography-commonmeta/crossref.bib") }, importers.RIS,
			importers.ErrFormatMismatch, []string{"crossref.bib", "read as RIS (as --format says)", "looks like BibTeX", "--format bibtex"}},
		{"example_full.ris", func(t *testing.T) string { return realFile(t, "bibliography-rispy/example_full.ris") }, importers.BibTeX,
			importers.ErrFormatMismatch, []string{"example_full.ris", "read as BibTeX", "looks like RIS", "--format ris"}},
		{"pure.ris", func(t *testing.T) string { return realFile(t, "bibliography-commonmeta/pure.bib") }, "",
			importers.ErrFormatMismatch, []string{"pure.ris", "by its extension .ris", "looks like BibTeX"}},
		{"cases.json", func(t *testing.T) string {
			return realFile(t, "jrc-ai-watch-t6x-registers/11-services-amsterdam-algorithm-register.csv")
		}, "", importers.ErrFormatMismatch, []string{"cases.json", "it is not JSON", "looks like CSV"}},
		{"notice.ttl", func(t *testing.T) string {
			return "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>\n"
		}, "",
			importers.ErrFormatMismatch, []string{"notice.ttl", "read as Turtle", "looks like RDF/XML", "--format rdfxml"}},
		{"page.rdf", func(*testing.T) string { return "<!DOCTYPE html>\n<html><body>Not found</body></html>\n" }, "",
			importers.ErrFormatMismatch, []string{"page.rdf", "looks like an HTML page"}},
		{"dump.nt", func(*testing.T) string { return "\x1f\x8b\x08\x00\x00\x00\x00\x00" }, "",
			importers.ErrFormatMismatch, []string{"dump.nt", "gzip-compressed"}},
	}
	for _, tc := range tests {
		t.Run(tc.name+"/"+string(tc.format), func(t *testing.T) {
			content := tc.content(t)
			s := graphtest.NewStore(t)
			// An earlier import of the same name: its graph must stay.
			if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: tc.name, R: strings.NewReader(goodNT)}},
				importers.Options{Format: importers.NTriples}); err != nil {
				t.Fatal(err)
			}
			before := storeState(t, s)
			_, err := importers.Import(t.Context(), s, []importers.Input{{Name: tc.name, R: strings.NewReader(content)}},
				importers.Options{Format: tc.format})
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Import(%s) = %v, want %v", tc.name, err, tc.wantErr)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if strings.Contains(err.Error(), "is JSON but") {
				t.Errorf("error %q calls non-JSON input JSON", err)
			}
			sameState(t, before, storeState(t, s))
			if n, _ := s.Count(t.Context(), graph.Pattern{G: importers.SourceGraph(tc.name)}); n != 1 {
				t.Errorf("the earlier graph of %s holds %d quads, want 1", tc.name, n)
			}
		})
	}
}

// TestImport_NotJSONMessage checks that a .json file which is not JSON at
// all is not reported as "JSON but neither OCDS ..." and that one which is
// JSON of an unknown layout says which keys it has.
func TestImport_NotJSONMessage(t *testing.T) {
	tests := []struct {
		content string
		want    string
	}{
		{"id,title\n1,Something\n", "it is not JSON: it looks like CSV with 2 columns"},
		{"Smith, J. (2019). A study. Journal.\n", `it is not JSON: it looks like plain text (it starts with "Smith, J. (2019). A study. Journal.")`},
		{`{"unknown": {"nested": 1}, "other": [1, 2]}`, `is a JSON object with keys "unknown", "other", but neither OCDS`},
	}
	for _, tc := range tests {
		_, err := importers.Import(t.Context(), nil, []importers.Input{{Name: "x.json", R: strings.NewReader(tc.content)}},
			importers.Options{DryRun: true})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Import(x.json = %q) = %v, want an error saying %q", tc.content, err, tc.want)
		}
	}
}

// TestImport_ProvenanceBaseName checks that the provenance record names
// the file by its base name, and that no statement holds the local path.
func TestImport_ProvenanceBaseName(t *testing.T) {
	s := graphtest.NewStore(t)
	const dir = "/home/someone/private/exports"
	crossref := realFile(t, "bibliography-commonmeta/crossref.bib")
	for _, name := range []string{dir + "/data.nt", dir + "/crossref.bib"} {
		content := goodNT
		if strings.HasSuffix(name, ".bib") {
			content = crossref
		}
		if _, err := importers.Import(t.Context(), s, []importers.Input{{Name: name, R: strings.NewReader(content)}}, importers.Options{}); err != nil {
			t.Fatal(err)
		}
		base := filepath.Base(name)
		if n, _ := s.Count(t.Context(), graph.Pattern{P: graph.IRI(schema.DCTermsTitle), O: graph.String(base), DefaultGraph: true}); n != 1 {
			t.Errorf("no provenance record titled %q", base)
		}
	}
	for q, err := range s.Match(t.Context(), graph.Pattern{}) {
		if err != nil {
			t.Fatal(err)
		}
		for _, term := range []graph.Term{q.S, q.O, q.G} {
			if strings.Contains(term.Value, dir) {
				t.Errorf("the store holds the local path: %v", q)
			}
		}
	}
}

// TestImport_GraphClash checks that two sources whose names give the same
// source graph never replace each other silently, through ImportFiles (the
// CLI: files of the same base name in two folders) and Import with names
// only (the server's uploads: names of the same slug), while re-importing
// the same source, or naming the graph, still replaces it.
func TestImport_GraphClash(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, content string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a/data.nt", goodNT)
	b := write("b/data.nt", "<http://e.org/b> <http://e.org/p> \"2\" .\n<http://e.org/b> <http://e.org/p> \"3\" .\n")
	g := importers.SourceGraph("data.nt")
	count := func(s *graph.Store, g graph.Term) int64 {
		n, err := s.Count(t.Context(), graph.Pattern{G: g})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	clash := func(t *testing.T, err error, want ...string) {
		t.Helper()
		if !errors.Is(err, importers.ErrGraphClash) {
			t.Fatalf("err = %v, want ErrGraphClash", err)
		}
		for _, w := range want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("error %q does not say %q", err, w)
			}
		}
	}

	t.Run("SameRun", func(t *testing.T) {
		s := graphtest.NewStore(t)
		before := storeState(t, s)
		_, err := importers.ImportFiles(t.Context(), s, []string{a, b}, importers.Options{})
		clash(t, err, a, b, "--graph", g.Value)
		sameState(t, before, storeState(t, s))
	})
	t.Run("LaterRun", func(t *testing.T) {
		s := graphtest.NewStore(t)
		if _, err := importers.ImportFiles(t.Context(), s, []string{a}, importers.Options{}); err != nil {
			t.Fatal(err)
		}
		before := storeState(t, s)
		_, err := importers.ImportFiles(t.Context(), s, []string{b}, importers.Options{})
		clash(t, err, b, `"data.nt"`, "--graph <"+g.Value+">")
		sameState(t, before, storeState(t, s))
		if n := count(s, g); n != 1 {
			t.Errorf("graph of a/data.nt holds %d quads, want 1", n)
		}
		// The same file again replaces its graph.
		write("a/data.nt", goodNT+"<http://e.org/a> <http://e.org/p> \"9\" .\n")
		if _, err := importers.ImportFiles(t.Context(), s, []string{a}, importers.Options{}); err != nil {
			t.Fatalf("re-import of the same file: %v", err)
		}
		if n := count(s, g); n != 2 {
			t.Errorf("re-imported graph holds %d quads, want 2", n)
		}
		// Naming the graph replaces it, whatever the file.
		if _, err := importers.ImportFiles(t.Context(), s, []string{b}, importers.Options{Graph: g}); err != nil {
			t.Fatalf("import with the graph named: %v", err)
		}
		if n := count(s, g); n != 2 {
			t.Errorf("graph replaced by b/data.nt holds %d quads, want 2", n)
		}
		// And from then on b/data.nt is that graph's source.
		if _, err := importers.ImportFiles(t.Context(), s, []string{b}, importers.Options{}); err != nil {
			t.Fatalf("re-import of b/data.nt: %v", err)
		}
		write("a/data.nt", goodNT) // restore for the other cases
	})
	t.Run("Uploads", func(t *testing.T) {
		s := graphtest.NewStore(t)
		up := func(name, content string) error {
			_, err := importers.Import(t.Context(), s, []importers.Input{{Name: name, R: strings.NewReader(content)}}, importers.Options{Format: importers.NTriples})
			return err
		}
		if err := up("My Data.nt", goodNT); err != nil {
			t.Fatal(err)
		}
		if importers.SourceGraph("My Data.nt") != importers.SourceGraph("my-data.nt") {
			t.Fatal("the two names were meant to give one graph")
		}
		before := storeState(t, s)
		clash(t, up("my-data.nt", goodNT), "my-data.nt", `"My Data.nt"`)
		sameState(t, before, storeState(t, s))
		if err := up("My Data.nt", goodNT+"<http://e.org/a> <http://e.org/p> \"9\" .\n"); err != nil {
			t.Fatalf("a new upload of the same name: %v", err)
		}
		if n := count(s, importers.SourceGraph("My Data.nt")); n != 2 {
			t.Errorf("re-uploaded graph holds %d quads, want 2", n)
		}
	})
}

// TestImportFiles_NotRegular checks that a directory or a device is
// refused before it is opened, and that "-" needs Stdin, --format and
// --graph.
func TestImportFiles_NotRegular(t *testing.T) {
	tests := []struct {
		name    string
		paths   []string
		opts    importers.Options
		wantErr error
		want    string
	}{
		{"Directory", []string{t.TempDir()}, importers.Options{Format: importers.NTriples}, importers.ErrNotRegular, "is a directory"},
		{"Device", []string{os.DevNull}, importers.Options{Format: importers.NTriples}, importers.ErrNotRegular, "is a character device"},
		{"StdinWithoutReader", []string{"-"}, importers.Options{Format: importers.NTriples, Graph: graph.IRI("http://e.org/g")}, importers.ErrStdin, "no standard input"},
		{"StdinWithoutFormat", []string{"-"}, importers.Options{Stdin: strings.NewReader(goodNT), Graph: graph.IRI("http://e.org/g")}, importers.ErrStdin, "needs --format and --graph"},
		{"StdinWithoutGraph", []string{"-"}, importers.Options{Stdin: strings.NewReader(goodNT), Format: importers.NTriples}, importers.ErrStdin, "needs --format and --graph"},
		{"StdinTwice", []string{"-", "-"}, importers.Options{Stdin: strings.NewReader(goodNT), Format: importers.NTriples, Graph: graph.IRI("http://e.org/g")}, importers.ErrStdin, "2 times"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.DryRun = true
			_, err := importers.ImportFiles(t.Context(), nil, tc.paths, tc.opts)
			if !errors.Is(err, tc.wantErr) || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("ImportFiles(%q) = %v, want %v saying %q", tc.paths, err, tc.wantErr, tc.want)
			}
		})
	}
	t.Run("Stdin", func(t *testing.T) {
		s := graphtest.NewStore(t)
		g := graph.IRI("http://e.org/piped")
		res, err := importers.ImportFiles(t.Context(), s, []string{"-"}, importers.Options{Stdin: strings.NewReader(goodNT), Format: importers.NTriples, Graph: g})
		if err != nil || res.Records != 1 {
			t.Fatalf("import of stdin = %+v, %v", res, err)
		}
		if n, _ := s.Count(t.Context(), graph.Pattern{G: g}); n != 1 {
			t.Errorf("graph %s holds %d quads, want 1", g, n)
		}
	})
}
