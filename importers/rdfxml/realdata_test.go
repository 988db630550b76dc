package rdfxml_test

import (
	"os"
	"path/filepath"
	"testing"
)

// realdata returns the folder of shared real data: $CIVICGRAPH_REALDATA
// when set, else the first shared/realdata found walking up from the
// package folder. It skips the test when there is none, and fails instead
// when CI=true.
func realdata(tb testing.TB) string {
	tb.Helper()
	if dir := os.Getenv("CIVICGRAPH_REALDATA"); dir != "" {
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
	if os.Getenv("CI") == "true" {
		tb.Fatal("shared/realdata not found above the package folder and CIVICGRAPH_REALDATA not set; it is required under CI")
	}
	tb.Skip("shared/realdata not found above the package folder and CIVICGRAPH_REALDATA not set; skipping")
	return ""
}

// w3cSuite returns the folder of one W3C RDF test suite, such as
// "rdf-xml", skipping (or failing under CI=true) when it is absent.
func w3cSuite(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join(realdata(tb), "w3c-rdf-tests", name)
	if _, err := os.Stat(filepath.Join(dir, "manifest.ttl")); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("W3C %s suite is required under CI: %v", name, err)
		}
		tb.Skipf("W3C %s suite not found (%v); skipping", name, err)
	}
	return dir
}
