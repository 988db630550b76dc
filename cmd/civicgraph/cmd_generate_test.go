package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRun_GenerateFormats generates each format the way bench/formats.sh
// does and imports it into an empty store, the way a user runs it.
func TestRun_GenerateFormats(t *testing.T) {
	tests := []struct {
		format, file string
		importArgs   []string
	}{
		{"nt", "g.nt", nil},
		{"nq", "g.nq", nil},
		{"ttl", "g.ttl", nil},
		{"ocds", "g.jsonl", nil},
		{"csv:procurement", "g.csv", []string{"--format", "csv:procurement"}},
	}
	for _, tc := range tests {
		t.Run(tc.format, func(t *testing.T) {
			gen := mustCLI(t, "generate", "--triples", "3000", "--seed", "2", "--format", tc.format)
			if again := mustCLI(t, "generate", "--triples", "3000", "--seed", "2", "--format", tc.format); again != gen {
				t.Fatalf("generate --format %s is not deterministic", tc.format)
			}
			file := writeFile(t, tc.file, gen)
			dir := filepath.Join(t.TempDir(), "store")
			args := append([]string{"import", "--quiet", "--empty", "--data", dir}, tc.importArgs...)
			out := mustCLI(t, append(args, file)...)
			if !strings.HasPrefix(out, "imported 1 file: ") {
				t.Errorf("import of generate --format %s: %q", tc.format, out)
			}
		})
	}
}

func TestRun_GenerateBadFormat(t *testing.T) {
	_, _, err := cli(t, nil, "generate", "--format", "rdfxml")
	if code := exitCode(err); code != 2 || !strings.Contains(err.Error(), "csv:procurement") {
		t.Errorf("generate --format rdfxml = %v (exit %d), want exit 2 listing the formats", err, code)
	}
}
