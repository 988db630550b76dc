package main

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/schema"
)

// newStore creates a store in a new directory, with the seed unless bare,
// the way serve and import create one, and returns its directory.
func newStore(t *testing.T, bare bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !bare {
		if _, err := importers.Seed(t.Context(), s, schema.DefaultBase); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// expand replaces DIR, FILE and OUT in args.
func expand(args []string, dir, file, out string) []string {
	args = slices.Clone(args)
	for i, a := range args {
		a = strings.ReplaceAll(a, "DIR", dir)
		a = strings.ReplaceAll(a, "FILE", file)
		args[i] = strings.ReplaceAll(a, "OUT", out)
	}
	return args
}

// TestRun_FlagsAnywhere: flags go before, between or after the arguments,
// as users type them, in every subcommand; "--" ends them.
func TestRun_FlagsAnywhere(t *testing.T) {
	const nt = "<http://example.org/s> <http://example.org/p> \"o\" .\n"
	tests := []struct {
		name    string
		args    []string
		wantOut string
	}{
		{"ImportFlagsAfter", []string{"import", "FILE", "--data", "DIR", "--quiet"}, "imported 1 file: 1 statement read"},
		{"ImportFlagsAround", []string{"import", "--quiet", "FILE", "--data=DIR"}, "imported 1 file"},
		{"ImportDryRunAfter", []string{"import", "FILE", "--dry-run"}, "dry run: 1 file, 1 statement"},
		{"QueryFlagsAfter", []string{"query", `{ node(id: "concept/lifecycle/award") { id } }`, "--data", "DIR"}, `"id": "concept/lifecycle/award"`},
		{"QueryVariablesAfter", []string{"query", `query($id: ID) { node(id: $id) { id } }`, "--data", "DIR", "--variables", `{"id":"concept/lifecycle/award"}`}, `"id": "concept/lifecycle/award"`},
		{"StatsFlagsAfter", []string{"stats", "--json", "--data", "DIR"}, `"quads"`},
		{"ExportFlagsMixed", []string{"export", "--data", "DIR", "--format", "nt", "--graph", "https://w3id.org/civicgraph/graph/concepts"}, "concept/lifecycle/award"},
		{"BackupFileFirst", []string{"backup", "OUT", "--data", "DIR"}, ""},
		{"TemplateFlagsAfter", []string{"template", "procurement"}, "id,title"},
		{"GenerateFlagsAfter", []string{"generate", "--triples", "3", "--seed", "2"}, "<"},
		{"DoubleDashEndsFlags", []string{"import", "--data", "DIR", "--quiet", "--", "-dash.nt"}, "imported 1 file"},
		{"DoubleDashAsFlagValue", []string{"import", "--data", "DIR", "--quiet", "--graph", "--", "FILE"}, "imported 1 file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := newStore(t, false)
			work := t.TempDir()
			file := filepath.Join(work, "x.nt")
			for _, name := range []string{file, filepath.Join(work, "-dash.nt")} {
				if err := os.WriteFile(name, []byte(nt), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			t.Chdir(work)
			out := filepath.Join(work, "store.backup")
			args := expand(tc.args, dir, file, out)
			stdout, stderr, err := cli(t, nil, args...)
			if err != nil {
				t.Fatalf("civicgraph %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr)
			}
			if !strings.Contains(stdout, tc.wantOut) {
				t.Errorf("civicgraph %s printed %.300q, want %q", strings.Join(args, " "), stdout, tc.wantOut)
			}
			if tc.name == "BackupFileFirst" {
				if fi, err := os.Stat(out); err != nil || fi.Size() == 0 {
					t.Errorf("backup FILE --data DIR wrote no backup: %v", err)
				}
			}
		})
	}
}

// TestRun_ReadOnlyCommandsRefuseMissingStore: a typo in --data must not
// answer from a new, seeded store. Commands that only read refuse a
// directory without a store, naming it, and create nothing; serve and
// import create one and say so on stderr.
func TestRun_ReadOnlyCommandsRefuseMissingStore(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"Stats", []string{"stats", "--data", "DIR"}},
		{"Export", []string{"export", "--data", "DIR"}},
		{"Query", []string{"query", "--data", "DIR", `{ node(id: "concept/lifecycle/award") { id } }`}},
		{"Backup", []string{"backup", "--data", "DIR", "OUT"}},
		{"ServeReadOnly", []string{"serve", "--read-only", "--addr", "127.0.0.1:0", "--log-level", "error", "--data", "DIR"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "typo")
			out := filepath.Join(t.TempDir(), "b")
			args := expand(tc.args, dir, "", out)
			stdout, stderr, err := cli(t, nil, args...)
			if !errors.Is(err, errNoStore) || !strings.Contains(err.Error(), dir) {
				t.Errorf("civicgraph %s = %v, want an error naming %s", strings.Join(args, " "), err, dir)
			}
			if exitCode(err) != 1 {
				t.Errorf("exit code %d, want 1", exitCode(err))
			}
			if stdout != "" {
				t.Errorf("printed %.200q on stdout", stdout)
			}
			if _, serr := os.Stat(dir); !errors.Is(serr, os.ErrNotExist) {
				t.Errorf("created %s (%v); stderr %s", dir, serr, stderr)
			}
		})
	}
	t.Run("ImportCreatesAndSaysSo", func(t *testing.T) {
		dir := filepath.Join(t.TempDir(), "new")
		file := writeFile(t, "x.nt", "<http://example.org/s> <http://example.org/p> \"o\" .\n")
		_, stderr, err := cli(t, nil, "import", "--quiet", "--data", dir, file)
		if err != nil {
			t.Fatal(err)
		}
		if want := "created a new store in " + dir + ", with the ontology, concepts and seed"; !strings.Contains(stderr, want) {
			t.Errorf("stderr %q, want %q", stderr, want)
		}
		_, stderr, err = cli(t, nil, "import", "--quiet", "--data", dir, file)
		if err != nil || strings.Contains(stderr, "created") {
			t.Errorf("second import: %v, stderr %q (the store exists: nothing to say)", err, stderr)
		}
		bare := filepath.Join(t.TempDir(), "bare")
		if _, stderr, _ := cli(t, nil, "import", "--quiet", "--empty", "--data", bare, file); !strings.Contains(stderr, "created a new store in "+bare+", empty") {
			t.Errorf("import --empty said %q", stderr)
		}
	})
}

// TestRun_QueryErrorIsPrinted: a failed query says why on stderr (the
// error), not only in the JSON on stdout, which may go to a file.
func TestRun_QueryErrorIsPrinted(t *testing.T) {
	dir := newStore(t, false)
	for _, tc := range []struct {
		name, query string
		want        []string
	}{
		{"UnknownField", `{ nothing }`, []string{"1 error:", `Cannot query field "nothing"`, "line 1, column 3"}},
		{"Syntax", `{`, []string{"1 error:", "syntax error"}},
		{"Several", `{ a b c d }`, []string{"4 errors:", `field "a"`, `field "c"`, "and 1 more"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, _, err := cli(t, nil, "query", "--data", dir, tc.query)
			if err == nil {
				t.Fatalf("query %s succeeded", tc.query)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if !strings.Contains(stdout, `"errors"`) {
				t.Errorf("stdout lacks the errors: %s", stdout)
			}
		})
	}
}

// TestRun_HelpTexts checks what the help of each subcommand says.
func TestRun_HelpTexts(t *testing.T) {
	help := func(sub string) string {
		t.Helper()
		_, stderr, err := cli(t, nil, "help", sub)
		if err != nil {
			t.Fatalf("help %s: %v", sub, err)
		}
		return stderr
	}
	importHelp := help("import")
	for _, f := range append(importers.Formats(), importers.JSON) {
		if !strings.Contains(importHelp, string(f)) {
			t.Errorf("help import does not name format %s:\n%s", f, importHelp)
		}
	}
	for _, tc := range []struct {
		sub           string
		want, notWant []string
	}{
		{"import", []string{"-empty", "-base", "-data"}, nil},
		{"serve", []string{"-empty", "-base", "at least 16 characters"}, nil},
		{"query", []string{"-base", "-data"}, []string{"-empty"}},
		{"export", []string{"-data"}, []string{"-empty", "-base"}},
		{"restore", []string{"-data"}, []string{"-empty", "-base"}},
		{"stats", []string{"-data"}, []string{"-empty", "-base"}},
		{"backup", []string{"-data"}, []string{"-empty", "-base"}},
		{"template", []string{"CLASS"}, []string{"Flags"}},
		{"version", []string{"version"}, []string{"Flags"}},
	} {
		t.Run(tc.sub, func(t *testing.T) {
			h := help(tc.sub)
			for _, w := range tc.want {
				if !strings.Contains(h, w) {
					t.Errorf("help %s lacks %q:\n%s", tc.sub, w, h)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(h, w) {
					t.Errorf("help %s shows %q:\n%s", tc.sub, w, h)
				}
			}
		})
	}
	if _, stderr, _ := cli(t, nil, "template"); strings.Contains(stderr, "Flags") {
		t.Errorf("template without a class prints an empty flag list:\n%s", stderr)
	}
}

// TestRun_Plurals: one of a thing is singular.
func TestRun_Plurals(t *testing.T) {
	for _, tc := range []struct {
		name, content string
		want          []string
	}{
		{"One", "<http://example.org/s> <http://example.org/p> \"o\" .\n", []string{"imported 1 file: 1 statement read, ", " quads in 2 graphs, "}},
		{"Two", "<http://example.org/s> <http://example.org/p> \"o\" .\n<http://example.org/s> <http://example.org/p> \"o2\" .\n", []string{"imported 1 file: 2 statements read, "}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, "x.nt", tc.content)
			out := mustCLI(t, "import", "--quiet", "--empty", "--data", filepath.Join(t.TempDir(), "s"), file)
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("import printed %q, want %q", out, w)
				}
			}
		})
	}
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}, {11, "11 files"}} {
		if got := counted(tc.n, "file", "files"); got != tc.want {
			t.Errorf("counted(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestVersionText(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var out []debug.BuildSetting
		for i := 0; i < len(kv); i += 2 {
			out = append(out, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return out
	}
	for _, tc := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string
	}{
		{"Release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "civicgraph", Version: "v1.2.0"},
			Settings: settings("vcs.revision", "0123abcd", "vcs.time", "2026-12-05T08:00:00Z", "vcs.modified", "false")},
			true, "civicgraph v1.2.0 (commit 0123abcd, 2026-12-05T08:00:00Z) go1.26.8"},
		{"Modified", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"},
			Settings: settings("vcs.revision", "0123abcd", "vcs.modified", "true")},
			true, "civicgraph devel (commit 0123abcd, modified) go1.26.8"},
		{"NoVCS", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, true, "civicgraph devel (no VCS commit recorded) go1.26.8"},
		{"NoBuildInfo", nil, false, "civicgraph (no build information) " + runtime.Version()},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := versionText(tc.bi, tc.ok); got != tc.want {
				t.Errorf("versionText = %q, want %q", got, tc.want)
			}
		})
	}
	out := mustCLI(t, "version")
	if !strings.HasPrefix(out, "civicgraph ") || !strings.Contains(out, runtime.Version()) {
		t.Errorf("version printed %q", out)
	}
	if _, _, err := cli(t, nil, "version", "extra"); exitCode(err) != 2 {
		t.Errorf("version extra = %v, want a usage error", err)
	}
}

// TestRun_ImportShowsCommitPhases: after the input is read, the progress
// output says what the commit does (it said nothing for 16 s at 98%).
func TestRun_ImportShowsCommitPhases(t *testing.T) {
	file := writeFile(t, "g.nt", mustCLI(t, "generate", "--triples", "2000"))
	for _, tc := range []struct {
		name  string
		store func(t *testing.T) string
		want  []string
	}{
		{"EmptyStore", func(t *testing.T) string { return newStore(t, true) },
			[]string{"sorting the dictionary", "sorting and writing the indexes: 1 of 6", "writing the tables to disk"}},
		{"ReplaceGraph", func(t *testing.T) string {
			dir := newStore(t, false)
			mustCLI(t, "import", "--quiet", "--data", dir, file)
			return dir
		}, []string{"committing", "deleting the replaced graphs' old content"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.store(t)
			_, stderr, err := cli(t, nil, "import", "--data", dir, file)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("import's progress does not say %q:\n%s", w, stderr)
				}
			}
		})
	}
}
