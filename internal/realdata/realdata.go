// Package realdata finds, for tests, the real files from public sources that
// sit beside the repository in shared/realdata (W3C RDF test suites, OCDS
// and register samples, bibliographies). The project never copies them.
package realdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the folder of shared real data: $CIVICGRAPH_REALDATA when set,
// else the first shared/realdata found walking up from the test's working
// directory. When there is none it skips the test, or fails it under
// CI=true, where the data is required.
func Dir(tb testing.TB) string {
	tb.Helper()
	if dir := os.Getenv("CIVICGRAPH_REALDATA"); dir != "" {
		if _, err := os.Stat(dir); err != nil {
			tb.Fatalf("CIVICGRAPH_REALDATA: %v", err)
		}
		return dir
	}
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "realdata")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	const msg = "real sample data not found: set CIVICGRAPH_REALDATA or put shared/realdata beside the repository"
	if os.Getenv("CI") == "true" {
		tb.Fatal(msg + " (required under CI=true)")
	}
	tb.Skip(msg + "; skipping")
	return ""
}

// W3CSuite returns the folder of one W3C RDF test suite, such as
// "rdf-turtle", with its manifest.ttl; it skips or fails as [Dir] does.
func W3CSuite(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join(Dir(tb), "w3c-rdf-tests", name)
	if _, err := os.Stat(filepath.Join(dir, "manifest.ttl")); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("W3C suite %s is required under CI: %v", name, err)
		}
		tb.Skipf("W3C suite %s not found (%v); skipping", name, err)
	}
	return dir
}
