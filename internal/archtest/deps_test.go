package archtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// policy is a statement of which packages each of civicgraph's packages may
// import directly, as in Go's own go/build/deps_test.go. Keys and values are
// import-path prefixes; "std" is the standard library. A package not listed
// falls under its nearest listed parent. Arrows point one way: graph knows
// nothing of the domain or of HTTP, schema nothing of HTTP, and nothing
// imports cmd.
var policy = map[string][]string{
	// The store: the standard library and badger only. ristretto's z is
	// part of badger's API (StreamWriter.Write takes a *z.Buffer).
	"civicgraph/graph": {"std", "github.com/dgraph-io/badger/v4", "github.com/dgraph-io/ristretto/v2/z"},
	// Test helpers for the store.
	"civicgraph/graph/graphtest": {"std", "civicgraph/graph"},
	"civicgraph/schema":          {"std", "civicgraph/graph", "github.com/knakk/rdf"},
	// The RDF syntaxes (issue 11): one package per syntax, reader and
	// writer together, and the Format table. They know the terms and
	// quads of graph and nothing else of civicgraph: not the domain, not
	// the store's scans, not HTTP. json-gold does JSON-LD expansion.
	"civicgraph/rdf": {"std", "civicgraph/graph", "civicgraph/rdf", "github.com/piprate/json-gold"},
	// importers reads RDF through rdf and the domain formats itself;
	// importers/mapping reads mapping files (TOML) with go-toml v2 (issue 9).
	"civicgraph/importers": {"std", "civicgraph/graph", "civicgraph/schema", "civicgraph/importers", "civicgraph/rdf", "civicgraph/data", "github.com/knakk/rdf", "github.com/pelletier/go-toml/v2"},
	// export decides what to export and writes it through rdf.
	"civicgraph/export": {"std", "civicgraph/graph", "civicgraph/schema", "civicgraph/rdf"},
	// queries holds the GraphQL resolvers (DESIGN.md), whose signatures use
	// graphql-go's ID type; it knows nothing of HTTP.
	"civicgraph/queries": {"std", "civicgraph/graph", "civicgraph/schema", "civicgraph/queries/compare", "github.com/graph-gophers/graphql-go"},
	// queries/compare computes the comparison of administrations (issue 10).
	"civicgraph/queries/compare":   {"std", "civicgraph/graph", "civicgraph/schema"},
	"civicgraph/server":            {"std", "civicgraph/queries", "civicgraph/importers", "civicgraph/export", "civicgraph/rdf", "civicgraph/graph", "civicgraph/schema", "github.com/graph-gophers/graphql-go", "github.com/rs/cors", "github.com/prometheus/client_golang"},
	"civicgraph/data":              {"std"},
	"civicgraph/internal/generate": {"std", "civicgraph/schema"},
	"civicgraph/cmd":               {"std", "civicgraph/"},
	"civicgraph/bench":             {"std", "civicgraph/"},
	"civicgraph/internal":          {"std", "civicgraph/"},

	// web, the browser interface, is static files and the handler that
	// serves them: nothing of the project. The server takes it as an
	// interface (server.WebUI) and the binary wires it, so server does not
	// import web.
	"civicgraph/web": {"std"},
}

// forbiddenStd lists standard packages a package must not import even
// though they are standard: the store does no HTTP and reads no flags.
var forbiddenStd = map[string][]string{
	"civicgraph/graph":   {"net/http", "flag"},
	"civicgraph/schema":  {"net/http", "flag"},
	"civicgraph/queries": {"net/http", "flag"},
	"civicgraph/rdf":     {"net/http", "flag"},
}

type pkg struct {
	ImportPath string
	Imports    []string
	Standard   bool
}

func listPackages(t *testing.T) map[string]pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-json", "civicgraph/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	pkgs := map[string]pkg{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p pkg
		if err := dec.Decode(&p); err != nil {
			t.Fatal(err)
		}
		pkgs[p.ImportPath] = p
	}
	return pkgs
}

func rulesFor(path string) (string, []string) {
	best := ""
	for k := range policy {
		if (path == k || strings.HasPrefix(path, k+"/")) && len(k) > len(best) {
			best = k
		}
	}
	return best, policy[best]
}

func isStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") && first != "civicgraph"
}

// violations returns what breaks the policy when package path imports
// imports: the one checker both tests below use.
func violations(path string, imports []string) []string {
	rule, allowed := rulesFor(path)
	if rule == "" {
		return []string{path + ": no dependency rule covers this package; add one to the policy"}
	}
	var out []string
	for _, imp := range imports {
		if strings.HasPrefix(imp, "civicgraph/cmd") {
			out = append(out, path+" imports "+imp+": nothing imports cmd")
		}
		if isStd(imp) {
			for _, bad := range forbiddenStd[rule] {
				if imp == bad || strings.HasPrefix(imp, bad+"/") {
					out = append(out, path+" imports "+imp+", which the policy forbids for "+rule)
				}
			}
		}
		ok := false
		for _, a := range allowed {
			if (a == "std" && isStd(imp)) || imp == a || strings.HasPrefix(imp, strings.TrimSuffix(a, "/")+"/") {
				ok = true
				break
			}
		}
		if !ok {
			out = append(out, fmt.Sprintf("%s imports %s; %s may import only %v", path, imp, rule, allowed))
		}
	}
	return out
}

func TestDependencyPolicy(t *testing.T) {
	pkgs := listPackages(t)
	if len(pkgs) < 3 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	for path, p := range pkgs {
		for _, v := range violations(path, p.Imports) {
			t.Error(v)
		}
	}
}

// TestPolicyNamesRealPackages checks that every civicgraph path the policy
// names, as a rule or as an allowed import, is a package of the module or
// the parent of one: a rule for a package that does not exist (the
// civicgraph/web that DESIGN.md plans) says nothing true and hides typos.
// Add the rule with the package.
func TestPolicyNamesRealPackages(t *testing.T) {
	pkgs := listPackages(t)
	var paths []string
	for p := range pkgs {
		paths = append(paths, p)
	}
	if bad := unknownPolicyPaths(policy, paths); len(bad) > 0 {
		t.Errorf("the policy names civicgraph paths that match no package: %v", bad)
	}
}

// unknownPolicyPaths returns the civicgraph paths of policy, keys and
// allowed imports, that are neither a package of paths nor a parent of one.
func unknownPolicyPaths(policy map[string][]string, paths []string) []string {
	exists := func(p string) bool {
		p = strings.TrimSuffix(p, "/")
		for _, q := range paths {
			if q == p || strings.HasPrefix(q, p+"/") {
				return true
			}
		}
		return false
	}
	var bad []string
	for k, allowed := range policy {
		for _, p := range append([]string{k}, allowed...) {
			if strings.HasPrefix(p, "civicgraph") && !exists(p) && !slices.Contains(bad, p) {
				bad = append(bad, p)
			}
		}
	}
	slices.Sort(bad)
	return bad
}

func TestUnknownPolicyPaths(t *testing.T) {
	paths := []string{"civicgraph/graph", "civicgraph/server", "civicgraph/importers/bib"}
	tests := []struct {
		policy map[string][]string
		want   []string
	}{
		{map[string][]string{"civicgraph/graph": {"std"}, "civicgraph/importers": {"civicgraph/graph"}, "civicgraph/cmd": {"civicgraph/"}}, []string{"civicgraph/cmd"}},
		{map[string][]string{"civicgraph/server": {"civicgraph/web"}, "civicgraph/web": {"std"}}, []string{"civicgraph/web"}},
		{map[string][]string{"civicgraph/server": {"std", "civicgraph/graph"}}, nil},
	}
	for _, tc := range tests {
		if got := unknownPolicyPaths(tc.policy, paths); !slices.Equal(got, tc.want) {
			t.Errorf("unknownPolicyPaths(%v) = %v, want %v", tc.policy, got, tc.want)
		}
	}
}

// TestPolicyCatchesViolations runs the checker on made-up packages.
func TestPolicyCatchesViolations(t *testing.T) {
	tests := []struct {
		path    string
		imports []string
		bad     bool
	}{
		{"civicgraph/graph", []string{"civicgraph/schema"}, true},
		{"civicgraph/graph", []string{"github.com/rs/cors"}, true},
		{"civicgraph/graph", []string{"net/http"}, true},
		{"civicgraph/schema", []string{"civicgraph/cmd/civicgraph"}, true},
		{"civicgraph/nowhere", nil, true},
		{"civicgraph/graph", []string{"sort", "github.com/dgraph-io/badger/v4", "github.com/dgraph-io/badger/v4/options"}, false},
		{"civicgraph/server", []string{"civicgraph/queries", "github.com/rs/cors"}, false},
		{"civicgraph/rdf/turtle", []string{"civicgraph/graph", "civicgraph/rdf/internal/grammar"}, false},
		{"civicgraph/rdf/turtle", []string{"civicgraph/schema"}, true},
		{"civicgraph/rdf", []string{"civicgraph/importers"}, true},
		{"civicgraph/rdf/nquads", []string{"net/http"}, true},
		{"civicgraph/export", []string{"github.com/piprate/json-gold"}, true},
	}
	for _, tc := range tests {
		if got := violations(tc.path, tc.imports); (len(got) > 0) != tc.bad {
			t.Errorf("violations(%s, %v) = %v, want bad=%v", tc.path, tc.imports, got, tc.bad)
		}
	}
}

// TestStoreReadsNoEnvironment checks that graph takes its settings only from
// Options: only main reads the environment.
func TestStoreReadsNoEnvironment(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{range .GoFiles}}{{$.Dir}}/{{.}} {{end}}`, "civicgraph/graph").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range strings.Fields(string(out)) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"os.Getenv", "os.LookupEnv", "os.Args", "os.Exit", "slog.Default", "slog.SetDefault"} {
			if bytes.Contains(src, []byte(bad)) {
				t.Errorf("%s uses %s: the store takes its settings from Options", f, bad)
			}
		}
	}
}
