package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/rdf/nquads"
	"civicgraph/rdf/turtle"
)

// TestRun_ImportListsEveryError imports files with several bad lines
// among good ones: the error names every bad line, with its column and
// what was expected, the exit code is 1, and the store is unchanged. A
// dry run reports the same errors.
func TestRun_ImportListsEveryError(t *testing.T) {
	const good = "<http://example.org/s> <http://example.org/p> <http://example.org/o> .\n"
	manyBad := strings.Repeat(good+"<http://example.org/s> <http://example.org/p> .\n", 150)
	tests := []struct {
		name    string
		file    string
		content string
		want    []string // the error's lines after the file name, in order
		first   func(error) (line int, ok bool)
	}{
		{"NTriples", "bad.nt",
			good +
				"<relative> <http://example.org/p> <http://example.org/o> .\n" +
				good +
				"<http://example.org/s> <http://example.org/p> \"a\\qb\" .\n" +
				"# a comment\n" +
				"<http://example.org/s> <http://example.org/p> <http://example.org/o>\n" +
				good,
			[]string{
				`:2:1: expected absolute IRI (with a scheme), found "<relative>"`,
				`:4:49: expected escape (\t \b \n \r \f \" \' \\ \u or \U), found "\\q"`,
				`:6:69: expected '.' to end triple, found end of line`,
			},
			func(err error) (int, bool) {
				var pe *nquads.ParseError
				if !errors.As(err, &pe) {
					return 0, false
				}
				return pe.Line, true
			}},
		{"Turtle", "bad.ttl",
			"@prefix ex: <http://example.org/> .\n" +
				"ex:s ex:p ex:o1 .\n" +
				"ex:s ex:p <http://example.org/ o2> .\n" +
				"ex:s ex:p ex:o3 ;\n" +
				"     ex:q \"x\\qy\" .\n" +
				"nope:s ex:p ex:o4 .\n" +
				"ex:s ex:p ex:o5\n" +
				"ex:s ex:p ex:o6 .\n",
			[]string{
				`:3:31: expected '>' to end IRI, found " "`,
				`:5:13: expected escape (\t \b \n \r \f \" \' \\ \u or \U), found "\\q"`,
				`:6:1: expected declared prefix, found "nope:"`,
				`:8:1: expected ',' or ';' or '.', found "ex:s"`,
			},
			func(err error) (int, bool) {
				var pe *turtle.ParseError
				if !errors.As(err, &pe) {
					return 0, false
				}
				return pe.Line, true
			}},
		{"ManyErrors", "many.nt", manyBad,
			append(func() []string {
				var lines []string
				for i := range 100 {
					lines = append(lines, fmt.Sprintf(`:%d:47: expected object (IRI, blank node or literal), found "."`, 2*i+2))
				}
				return lines
			}(), "... and 50 more problems (150 in all)"),
			func(err error) (int, bool) {
				var pe *nquads.ParseError
				if !errors.As(err, &pe) {
					return 0, false
				}
				return pe.Line, true
			}},
	}
	prefill := writeFile(t, "prefill.nt", good)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := writeFile(t, tc.file, tc.content)
			var want []string
			for _, w := range tc.want {
				if strings.HasPrefix(w, ":") {
					w = file + w
				}
				want = append(want, w)
			}
			dir := filepath.Join(t.TempDir(), "store")
			mustCLI(t, "import", "--quiet", "--data", dir, prefill)
			before := mustCLI(t, "export", "--format", "nq", "--data", dir)
			statsBefore := mustCLI(t, "stats", "--json", "--data", dir)

			for _, args := range [][]string{
				{"import", "--quiet", "--data", dir, file},
				{"import", "--quiet", "--dry-run", "--data", dir, file},
			} {
				_, _, err := cli(t, nil, args...)
				if err == nil {
					t.Fatalf("civicgraph %s succeeded, want an error", strings.Join(args, " "))
				}
				if code := exitCode(err); code != 1 {
					t.Errorf("civicgraph %s: exit code %d, want 1", strings.Join(args, " "), code)
				}
				got := strings.Split(strings.TrimPrefix(err.Error(), "import: "), "\n")
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("civicgraph %s: error =\n%s\nwant\n%s", strings.Join(args, " "), err, strings.Join(want, "\n"))
				}
				if line, ok := tc.first(err); !ok || !strings.HasPrefix(want[0], fmt.Sprintf("%s:%d:", file, line)) {
					t.Errorf("errors.As(err, ParseError) = line %d (%v), want the first error", line, ok)
				}
			}
			if after := mustCLI(t, "export", "--format", "nq", "--data", dir); after != before {
				t.Errorf("store changed by a failed import: %d bytes of export before, %d after", len(before), len(after))
			}
			if after := mustCLI(t, "stats", "--json", "--data", dir); !sameStats(t, after, statsBefore) {
				t.Errorf("stats changed by a failed import:\nbefore %s\nafter %s", statsBefore, after)
			}
		})
	}
}
