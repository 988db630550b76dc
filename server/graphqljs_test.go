package server_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"civicgraph/server"
)

// graphQLJSDir finds a directory where npm installed graphql@16: the one
// CIVICGRAPH_GRAPHQL_JS_DIR names (.ci/run sets it), else the scratch
// directory .ci/run uses.
func graphQLJSDir() string {
	if d := os.Getenv("CIVICGRAPH_GRAPHQL_JS_DIR"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "civicgraph-graphql-js")
}

// TestServer_GraphQLJS runs testdata/introspect.mjs with graphql-js against
// the server on loopback: a standard client fetches the introspection,
// builds a client schema and validates queries with it. It needs node and
// npm's graphql@16 (see .ci/run); without them it skips, except under
// CI=true, where it fails.
func TestServer_GraphQLJS(t *testing.T) {
	missing := func(what string) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s; .ci/run installs it", what)
		}
		t.Skipf("%s; run .ci/run's graphql-js block, or npm install --prefix DIR graphql@16 and set CIVICGRAPH_GRAPHQL_JS_DIR=DIR", what)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		missing("node is not installed")
	}
	dir := graphQLJSDir()
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "graphql", "package.json")); err != nil {
		missing("npm package graphql is not installed in " + dir)
	}
	ts, _ := newTestServer(t, server.Options{})
	ctx, cancel := context.WithTimeout(t.Context(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, node, "testdata/introspect.mjs", ts.URL+"/graphql", dir).CombinedOutput()
	if err != nil {
		t.Fatalf("introspect.mjs: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
