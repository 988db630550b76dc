package web_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/internal/generate"
	"civicgraph/schema"
	"civicgraph/server"
	"civicgraph/web"
)

// playwrightDir finds a directory where npm installed playwright-core:
// the one CIVICGRAPH_PLAYWRIGHT_DIR names (.ci/run sets it), else the
// scratch directory .ci/run uses.
func playwrightDir() string {
	if d := os.Getenv("CIVICGRAPH_PLAYWRIGHT_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "civicgraph-playwright")
}

// chromiumPath is Debian's chromium, or CIVICGRAPH_CHROMIUM.
func chromiumPath() string {
	if p := os.Getenv("CIVICGRAPH_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// artefactsDir returns where the walk's screenshots go: a new directory
// under CIVICGRAPH_ARTEFACTS when set, else a temporary directory that is
// kept (its path is logged) so that the screenshots can be looked at.
func artefactsDir(t *testing.T) string {
	t.Helper()
	parent := os.Getenv("CIVICGRAPH_ARTEFACTS")
	if parent != "" {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			t.Fatalf("CIVICGRAPH_ARTEFACTS: %v", err)
		}
	}
	dir, err := os.MkdirTemp(parent, "web-browser-")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestBrowser_Walk runs testdata/walk.mjs: Debian's chromium, driven by
// npm's playwright-core, walks the explorer served by the real server on
// loopback over a real store holding the seed and illustrative
// procurement data (start page, search, an
// entity page and one of its neighbours, paths, the bibliography's
// filters and downloads, the GraphQL console, an import with the token,
// the comparison), at 1280 and 390 pixels wide. The script fails on any
// console error or failed request; the screenshots are kept as artefacts
// and the page times are logged, not asserted. Without node, chromium or
// playwright-core it skips, except under CI=true, where it fails.
func TestBrowser_Walk(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser walk takes a minute; not with -short")
	}
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; .ci/run installs it", what)
		}
		t.Skipf("%s; run .ci/run's browser block (apt-get install chromium; npm install --prefix DIR playwright-core, and set CIVICGRAPH_PLAYWRIGHT_DIR=DIR)", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	if _, err := os.Stat(chromiumPath()); err != nil {
		missing("chromium is not installed at " + chromiumPath())
	}
	pw := playwrightDir()
	if _, err := os.Stat(filepath.Join(pw, "node_modules", "playwright-core", "package.json")); err != nil {
		missing("npm package playwright-core is not installed in " + pw)
	}

	store := graphtest.NewStore(t)
	if _, err := importers.Seed(t.Context(), store, schema.DefaultBase); err != nil {
		t.Fatalf("seed: %v", err)
	}
	// Illustrative administrations, procurements and engagements (in
	// graphs labelled illustrative) give the comparison something to show.
	var gen bytes.Buffer
	plan := generate.PlanFor(12, 80, 400)
	if err := generate.Write(t.Context(), &gen, generate.Options{Seed: 1, Quads: true, Plan: &plan}); err != nil {
		t.Fatalf("generate: %v", err)
	}
	if _, err := importers.Import(t.Context(), store, []importers.Input{{Name: "illustrative.nq", R: &gen}}, importers.Options{Format: importers.NQuads}); err != nil {
		t.Fatalf("import the illustrative data: %v", err)
	}
	ui, err := web.New()
	if err != nil {
		t.Fatal(err)
	}
	const token = "browser-walk-token-0123456789"
	h, err := server.New(server.Options{Store: store, Token: token, Web: ui})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	defer ts.Close()

	art := artefactsDir(t)
	profile := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "testdata/walk.mjs", ts.URL, pw, art, token, profile)
	cmd.Env = append(os.Environ(), "CIVICGRAPH_CHROMIUM="+chromiumPath())
	out, err := cmd.CombinedOutput()
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		t.Log(line)
	}
	t.Logf("screenshots in %s", art)
	if err != nil {
		t.Fatalf("walk.mjs: %v", err)
	}
}
