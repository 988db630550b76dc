package seed_test

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"civicgraph/data"
	"civicgraph/graph"
	"civicgraph/importers/seed"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sourceOrder lists the source ids in the order their posts come in the
// source text.
var sourceOrder = []string{"playbook", "working-bibliography", "new-public-governance",
	"public-facilities", "draft-opinion", "open-government-department"}

// loadSeed returns the seed quads under the default base.
func loadSeed(t testing.TB) []graph.Quad {
	t.Helper()
	qs, err := seed.Quads(schema.DefaultBase)
	if err != nil {
		t.Fatalf("Quads: %v", err)
	}
	return qs
}

// sourcePosts reads the source text beside the repository
// (../shared/sources/playbook-and-posts.txt from the module root) and
// splits it into its posts, at the "Share:" lines. It skips the test when
// the file is absent, unless CI=true.
func sourcePosts(t *testing.T) [][]string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the package")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "sources", "playbook-and-posts.txt")
	f, err := os.Open(path)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("source text: %v", err)
		}
		t.Skipf("source text not available (%v); CI=true makes this a failure", err)
	}
	defer f.Close()
	var posts [][]string
	var cur []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.TrimSpace(line) == "Share:" {
			posts = append(posts, cur)
			cur = nil
			continue
		}
		cur = append(cur, line)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(posts) != len(sourceOrder) {
		t.Fatalf("source text has %d posts, want %d", len(posts), len(sourceOrder))
	}
	return posts
}

// heading returns the first non-blank line of a post.
func heading(post []string) string {
	for _, l := range post {
		if s := strings.TrimSpace(l); s != "" {
			return s
		}
	}
	return ""
}

// reCitationLine matches a line of the source text that is a citation in
// the plain style: authors, an optional editor mark, "(year)." and more. It
// is written here, apart from the parser, so that the count below does not
// trust the parser or the data files.
var reCitationLine = regexp.MustCompile(`^\S.*\s\((?:(?:Eds?|Coords?)\.\)\s\()?\d{4}[a-z]?\)\.\s+\S`)

func isA(qs []graph.Quad, class string) map[graph.Term]map[graph.Term]bool {
	out := map[graph.Term]map[graph.Term]bool{}
	for _, q := range qs {
		if q.P.Value == schema.RDFType && q.O.Value == class {
			if out[q.G] == nil {
				out[q.G] = map[graph.Term]bool{}
			}
			out[q.G][q.S] = true
		}
	}
	return out
}

// TestQuads_ReferencesPerSource checks, for each source, that the number of
// References in its named graph equals the number of citation lines in the
// post, counted in the source text itself.
func TestQuads_ReferencesPerSource(t *testing.T) {
	posts := sourcePosts(t)
	qs := loadSeed(t)
	refs := isA(qs, schema.ClassReference)
	titles := map[string]string{}
	for _, q := range qs {
		if q.P.Value == schema.DCTermsTitle && strings.Contains(q.S.Value, "/"+schema.KindSource+"/") {
			titles[q.S.Value] = q.O.Value
		}
	}
	total := 0
	for i, id := range sourceOrder {
		t.Run(id, func(t *testing.T) {
			want := 0
			for _, line := range posts[i] {
				if reCitationLine.MatchString(strings.TrimSpace(line)) {
					want++
				}
			}
			total += want
			g := graph.IRI(schema.GraphIRI(seed.GraphPrefix + id))
			if got := len(refs[g]); got != want {
				t.Errorf("graph %s has %d References, the post has %d citation lines", g.Value, got, want)
			}
			src := schema.EntityIRI(schema.DefaultBase, schema.KindSource, id)
			if got, want := titles[src], heading(posts[i]); got != want {
				t.Errorf("source %s has title %q, the post is headed %q", id, got, want)
			}
		})
	}
	all := map[graph.Term]bool{}
	for _, m := range refs {
		for s := range m {
			all[s] = true
		}
	}
	if len(all) != total {
		t.Errorf("the seed has %d distinct References, the sources have %d citation lines: two citations share an IRI", len(all), total)
	}
}

// TestData_Verbatim checks that every citation line in data/references is a
// line of the post of its source, as written.
func TestData_Verbatim(t *testing.T) {
	posts := sourcePosts(t)
	for i, id := range sourceOrder {
		lines := map[string]bool{}
		for _, l := range posts[i] {
			lines[strings.TrimSpace(l)] = true
		}
		for _, name := range []string{"bibliography.txt", "works.txt"} {
			b, err := fs.ReadFile(data.FS(), "references/"+id+"/"+name)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			for n, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
				if !lines[strings.TrimSpace(l)] {
					t.Errorf("references/%s/%s:%d is not a line of the %s post: %q", id, name, n+1, id, l)
				}
			}
		}
	}
}

// TestQuads_StatementsVerbatim checks that the statements quote the
// playbook post: the title and every part of the description are in it.
func TestQuads_StatementsVerbatim(t *testing.T) {
	posts := sourcePosts(t)
	text := strings.Join(posts[0], "\n")
	qs := loadSeed(t)
	stmts := isA(qs, schema.ClassStatement)[graph.IRI(schema.GraphSeedPlaybook)]
	types := map[string]int{}
	for _, q := range qs {
		if !stmts[q.S] {
			continue
		}
		switch q.P.Value {
		case schema.DCTermsTitle:
			if !strings.Contains(text, q.O.Value) {
				t.Errorf("%s: title %q is not in the playbook post", q.S.Value, q.O.Value)
			}
		case schema.DCTermsDescription:
			for _, part := range regexp.MustCompile(`; |: `).Split(q.O.Value, -1) {
				if part = strings.TrimSuffix(part, "."); !strings.Contains(text, part) {
					t.Errorf("%s: description part %q is not in the playbook post", q.S.Value, part)
				}
			}
		case schema.PropStatementType:
			types[q.O.Value]++
		}
	}
	if types[schema.StatementKeyInsight] != 5 || types[schema.StatementPolicyImplication] != 5 {
		t.Errorf("statement types = %v, want 5 key insights and 5 policy implications", types)
	}
}

// TestQuads_Valid checks that every quad is well-formed and that the seed,
// with the ontology and concept schemes, has no shape violations.
func TestQuads_Valid(t *testing.T) {
	qs := loadSeed(t)
	for _, q := range qs {
		if err := q.Validate(); err != nil {
			t.Errorf("%s: %v", q, err)
		}
	}
	s, err := schema.New()
	if err != nil {
		t.Fatalf("schema.New: %v", err)
	}
	// RequireTypedTargets: every entity the seed links to must be typed in
	// the seed itself (or the ontology and concept schemes).
	for _, v := range s.ValidateWith(append(slices.Clone(qs), s.Quads()...), schema.Options{RequireTypedTargets: true}) {
		t.Errorf("violation: %v", v)
	}
}

// TestQuads_Provenance checks that every named graph of the seed is derived
// from its source, in the default graph, that nothing is left in the
// default graph but the provenance and description of named graphs, and
// that every graph, those of the schema package included, has a licence or
// says that its source states none.
func TestQuads_Provenance(t *testing.T) {
	qs := loadSeed(t)
	derived := map[string]string{}
	graphs := map[string]bool{}
	licensed := map[string]bool{}
	for _, q := range qs {
		if q.G.IsZero() {
			if !strings.HasPrefix(q.S.Value, schema.GraphBase) {
				t.Errorf("default graph holds %s, want only what describes named graphs", q)
			}
			switch {
			case q.P.Value == schema.PROVWasDerivedFrom && derived[q.S.Value] == "":
				derived[q.S.Value] = q.O.Value
			case q.P.Value == schema.DCTermsLicense,
				q.P.Value == schema.PropNotStated && q.O.Value == schema.DCTermsLicense:
				licensed[q.S.Value] = true
			}
			continue
		}
		graphs[q.G.Value] = true
	}
	for _, g := range []string{schema.GraphOntology, schema.GraphConcepts, schema.GraphShapes} {
		if !licensed[g] {
			t.Errorf("graph %s has no dcterms:license", g)
		}
	}
	for _, id := range sourceOrder {
		g := schema.GraphIRI(seed.GraphPrefix + id)
		if !graphs[g] {
			t.Errorf("no quads in graph %s", g)
		}
		if want := schema.EntityIRI(schema.DefaultBase, schema.KindSource, id); derived[g] != want {
			t.Errorf("%s prov:wasDerivedFrom %q, want %q", g, derived[g], want)
		}
	}
	for g := range graphs {
		if _, ok := derived[g]; !ok {
			t.Errorf("graph %s has no provenance", g)
		}
		if !licensed[g] {
			t.Errorf("graph %s has no dcterms:license and no cg:notStated dcterms:license", g)
		}
	}
}

// TestQuads_Base checks that the instance base is honoured everywhere,
// Turtle included, and that loading is deterministic.
func TestQuads_Base(t *testing.T) {
	def := loadSeed(t)
	again := loadSeed(t)
	if !slices.Equal(def, again) {
		t.Error("two loads gave different quads")
	}
	const base = "https://example.org/kg/"
	other, err := seed.Quads(base)
	if err != nil {
		t.Fatal(err)
	}
	if len(other) != len(def) {
		t.Errorf("Quads(%q) gave %d quads, Quads(default) %d", base, len(other), len(def))
	}
	for _, q := range other {
		for _, term := range []graph.Term{q.S, q.P, q.O, q.G} {
			if term.Kind == graph.KindIRI && strings.HasPrefix(term.Value, schema.DefaultBase) {
				t.Fatalf("Quads(%q) has %s, under the default base", base, q)
			}
		}
	}
	if _, err := seed.Quads("https://example.org/kg"); err != nil {
		t.Errorf("Quads with a base without a final slash: %v", err)
	}
}

// counts is the shape of the golden seed-load counts.
type counts struct {
	Quads  int                       `json:"quads"`
	Graphs map[string]map[string]int `json:"graphs"`
}

// TestQuads_Counts compares the number of quads and of entities per class
// and graph with testdata/TestQuads_Counts/counts.golden. Run with -update
// after a change to data/, and review the diff.
func TestQuads_Counts(t *testing.T) {
	qs := loadSeed(t)
	c := counts{Quads: len(qs), Graphs: map[string]map[string]int{}}
	compact := func(iri string) string {
		for _, p := range schema.Prefixes() {
			if strings.HasPrefix(iri, p.IRI) {
				return p.Name + ":" + strings.TrimPrefix(iri, p.IRI)
			}
		}
		return iri
	}
	for _, q := range qs {
		g := strings.TrimPrefix(q.G.Value, schema.GraphBase)
		if q.G.IsZero() {
			g = "(default)"
		}
		if c.Graphs[g] == nil {
			c.Graphs[g] = map[string]int{}
		}
		c.Graphs[g]["quads"]++
		if q.P.Value == schema.RDFType {
			c.Graphs[g][compact(q.O.Value)]++
		}
	}
	path := filepath.Join("testdata", t.Name(), "counts.golden")
	got, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if string(got) != string(want) {
		t.Errorf("seed counts changed; run go test ./importers/seed -run TestQuads_Counts -update and review the diff.\ngot:\n%s", got)
	}
}

// TestQuads_Organisations checks that every organisation a reference points
// to (as author, editor or publisher) is a named Actor, and that every
// Administration has a sector and a level.
func TestQuads_Organisations(t *testing.T) {
	qs := loadSeed(t)
	named := map[string]bool{}
	actors := map[string]bool{}
	sector := map[string]bool{}
	level := map[string]bool{}
	for _, q := range qs {
		switch {
		case q.P.Value == schema.PropGovernmentLevel:
			level[q.S.Value] = true
		case q.P.Value == schema.RDFSLabel:
			named[q.S.Value] = true
		case q.P.Value == schema.RDFType && q.O.Value == schema.ClassActor:
			actors[q.S.Value] = true
		case q.P.Value == schema.PropSector:
			sector[q.S.Value] = true
		}
	}
	actorBase := schema.EntityIRI(schema.DefaultBase, schema.KindActor, "")
	var orgs []string
	for _, q := range qs {
		if strings.HasPrefix(q.O.Value, actorBase) && !named[q.O.Value] {
			orgs = append(orgs, q.O.Value)
		}
	}
	sort.Strings(orgs)
	if len(orgs) > 0 {
		t.Errorf("organisations without a name: %v", slices.Compact(orgs))
	}
	for _, q := range qs {
		if strings.HasPrefix(q.O.Value, actorBase) && !actors[q.O.Value] {
			t.Errorf("%s is not typed cg:Actor", q.O.Value)
		}
	}
	for a := range isAny(qs, schema.ClassAdministration) {
		if !sector[a] || !level[a] {
			t.Errorf("administration %s lacks a sector or a level", a)
		}
	}
}

// isAny returns the subjects typed class, in any graph.
func isAny(qs []graph.Quad, class string) map[string]bool {
	out := map[string]bool{}
	for _, q := range qs {
		if q.P.Value == schema.RDFType && q.O.Value == class {
			out[q.S.Value] = true
		}
	}
	return out
}

// TestQuads_Rapper checks the seed, written as N-Quads, and the statements
// Turtle file with rapper (Debian raptor2-utils), an independent parser. It
// skips when rapper is not installed, unless CI=true.
func TestQuads_Rapper(t *testing.T) {
	rapper, err := exec.LookPath("rapper")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("rapper not installed (apt-get install raptor2-utils)")
		}
		t.Skip("rapper not installed (apt-get install raptor2-utils); CI=true makes this a failure")
	}
	qs := loadSeed(t)
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	dir := t.TempDir()
	nq := filepath.Join(dir, "seed.nq")
	if err := os.WriteFile(nq, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.CommandContext(t.Context(), rapper, "-q", "-i", "nquads", "-c", nq).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper -i nquads: %v\n%s", err, out)
	}
	ttl, err := fs.ReadFile(data.FS(), "statements/playbook.ttl")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "playbook.ttl")
	if err := os.WriteFile(p, ttl, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err = exec.CommandContext(t.Context(), rapper, "-q", "-i", "turtle", "-I", schema.DefaultBase, "-c", p).CombinedOutput()
	if err != nil {
		t.Fatalf("rapper -i turtle: %v\n%s", err, out)
	}
}

// TestData_PassagesVerbatim checks that every passage of passages.csv is
// in the post of its source, as written.
func TestData_PassagesVerbatim(t *testing.T) {
	posts := sourcePosts(t)
	text := map[string]string{}
	for i, id := range sourceOrder {
		text[id] = strings.Join(posts[i], "\n")
	}
	qs := loadSeed(t)
	quotes := 0
	for _, q := range qs {
		if q.P.Value != "http://purl.org/ontology/bibo/content" {
			continue
		}
		quotes++
		src := strings.TrimPrefix(q.G.Value, schema.GraphIRI(seed.GraphPrefix))
		if !strings.Contains(text[src], q.O.Value) {
			t.Errorf("%s: %q is not in the %s post", q.S.Value, q.O.Value, src)
		}
	}
	if quotes == 0 {
		t.Error("no passage quotes in the seed")
	}
}

// TestQuads_FactsHaveEvidence checks every reified fact: it says what it
// is about, is asserted in its graph, has a label, and is derived from at
// least one passage (a bibo:Excerpt with its quote) of a source.
func TestQuads_FactsHaveEvidence(t *testing.T) {
	qs := loadSeed(t)
	has := map[graph.Quad]bool{}
	excerpts := map[graph.Term]bool{}
	for _, q := range qs {
		has[graph.Quad{S: q.S, P: q.P, O: q.O, G: q.G}] = true
		if q.P.Value == schema.RDFType && q.O.Value == "http://purl.org/ontology/bibo/Excerpt" {
			excerpts[q.S] = true
		}
	}
	for e := range excerpts {
		quoted := false
		for _, q := range qs {
			quoted = quoted || q.S == e && q.P.Value == "http://purl.org/ontology/bibo/content" && q.O.Value != ""
		}
		if !quoted {
			t.Errorf("passage %s has no quote", e.Value)
		}
	}
	type fact struct {
		s, p, o graph.Term
		label   bool
		from    int
	}
	facts := map[[2]graph.Term]*fact{} // by statement and graph
	const rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	for st := range isA(qs, rdf+"Statement") {
		for node := range isA(qs, rdf+"Statement")[st] {
			facts[[2]graph.Term{node, st}] = &fact{}
		}
	}
	for _, q := range qs {
		f := facts[[2]graph.Term{q.S, q.G}]
		if f == nil {
			continue
		}
		switch q.P.Value {
		case rdf + "subject":
			f.s = q.O
		case rdf + "predicate":
			f.p = q.O
		case rdf + "object":
			f.o = q.O
		case schema.RDFSLabel:
			f.label = true
		case schema.PROVWasDerivedFrom:
			if !excerpts[q.O] {
				t.Errorf("fact %s is derived from %s, which is not a passage", q.S.Value, q.O.Value)
			}
			f.from++
		}
	}
	if len(facts) < 20 {
		t.Errorf("%d facts in the seed, want at least 20", len(facts))
	}
	for k, f := range facts {
		if f.s.IsZero() || f.p.IsZero() || f.o.IsZero() || !f.label || f.from == 0 {
			t.Errorf("fact %s in %s: subject %v, predicate %v, object %v, label %v, %d passages", k[0].Value, k[1].Value, f.s, f.p, f.o, f.label, f.from)
			continue
		}
		if !has[graph.Quad{S: f.s, P: graph.IRI(f.p.Value), O: f.o, G: k[1]}] {
			t.Errorf("fact %s is not asserted in %s", k[0].Value, k[1].Value)
		}
	}
}

// TestQuads_FilledFromSources checks, one by one, the facts that issue 13
// asked the seed to fill from the sources, and that each comes with the
// passage that says it.
func TestQuads_FilledFromSources(t *testing.T) {
	qs := loadSeed(t)
	e := func(kind, slug string) graph.Term { return graph.IRI(schema.EntityIRI(schema.DefaultBase, kind, slug)) }
	concept := func(scheme, code string) graph.Term { return graph.IRI(schema.ConceptIRI(scheme, code)) }
	has := func(s graph.Term, p string, o graph.Term) (graph.Term, bool) {
		for _, q := range qs {
			if q.S == s && q.P.Value == p && q.O == o {
				return q.G, true
			}
		}
		return graph.Term{}, false
	}
	// derivedFromPassage reports whether s, in graph g, is derived from a
	// passage whose quote holds want.
	derivedFromPassage := func(s, g graph.Term, want string) bool {
		for _, q := range qs {
			if q.S != s || q.G != g || q.P.Value != schema.PROVWasDerivedFrom {
				continue
			}
			for _, c := range qs {
				if c.S == q.O && c.P.Value == "http://purl.org/ontology/bibo/content" && strings.Contains(c.O.Value, want) {
					return true
				}
			}
		}
		return false
	}
	// factFrom reports whether a reified fact s p o is derived from a
	// passage holding want.
	factFrom := func(s graph.Term, p string, o graph.Term, want string) bool {
		const rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
		for _, q := range qs {
			if q.P.Value != rdf+"subject" || q.O != s {
				continue
			}
			_, okP := has(q.S, rdf+"predicate", graph.IRI(p))
			_, okO := has(q.S, rdf+"object", o)
			if okP && okO && derivedFromPassage(q.S, q.G, want) {
				return true
			}
		}
		return false
	}
	direct := []struct {
		name string
		s    graph.Term
		p    string
		o    graph.Term
		want string // in the quote of the passage it is derived from
	}{
		{"Barcelona city council in Spain", e("actor", "ajuntament-de-barcelona"), schema.PropCountry, graph.String("ES"), "Barcelona: Ajuntament de Barcelona"},
		{"Catalan Government in Spain", e("actor", "generalitat-de-catalunya"), schema.PropCountry, graph.String("ES"), "Barcelona: Generalitat de Catalunya"},
		{"Government of Aragón in Spain", e("actor", "gobierno-de-aragon"), schema.PropCountry, graph.String("ES"), "Zaragoza: LAAAB, Gobierno de Aragón"},
		{"INAP in Spain", e("actor", "instituto-nacional-de-administracion-publica"), schema.PropCountry, graph.String("ES"), "en España"},
		{"IVAP in Spain", e("actor", "instituto-vasco-de-administracion-publica"), schema.PropCountry, graph.String("ES"), "Vitoria-Gasteiz"},
		{"Agencia Tributaria in Spain", e("actor", "agencia-tributaria"), schema.PropCountry, graph.String("ES"), "Madrid: Agencia Tributaria"},
		{"Publications Office an Administration", e("actor", "publications-office-of-the-european-union"), schema.RDFType, graph.IRI(schema.ClassAdministration), "Publications Office of the European Union"},
		{"Strategy Unit an Administration", e("actor", "strategy-unit"), schema.RDFType, graph.IRI(schema.ClassAdministration), "Cabinet Office Strategy Unit"},
		{"CIVEX commission an Administration", e("actor", "civex-commission"), schema.RDFType, graph.IRI(schema.ClassAdministration), "26th CIVEX commission meeting"},
		{"network of public facilities standing", e("mechanism", "network-of-public-facilities"), schema.PropInstitutionalisation, concept(schema.SchemeInstitutionalisation, "standing"), "networks of public facilities"},
		{"open government department standing", e("mechanism", "open-government-department"), schema.PropInstitutionalisation, concept(schema.SchemeInstitutionalisation, "standing"), "mainstreamed into the very structure"},
		{"stakeholder feedback standing", e("mechanism", "stakeholder-feedback-mechanisms"), schema.PropInstitutionalisation, concept(schema.SchemeInstitutionalisation, "standing"), "throughout the AI system’s lifespan"},
		{"ethics and accountability inform", e("mechanism", "ogd-ethics-accountability"), schema.PropDemocraticFunction, concept(schema.SchemeDemocraticFunction, "inform"), "tells the citizen"},
		{"ethics and accountability oversee", e("mechanism", "ogd-ethics-accountability"), schema.PropDemocraticFunction, concept(schema.SchemeDemocraticFunction, "oversee"), "Accountability"},
	}
	for _, tc := range direct {
		g, ok := has(tc.s, tc.p, tc.o)
		if !ok {
			t.Errorf("%s: no %s %s %s", tc.name, tc.s.Value, tc.p, tc.o)
			continue
		}
		if !derivedFromPassage(tc.s, g, tc.want) {
			t.Errorf("%s: %s is not derived from a passage quoting %q", tc.name, tc.s.Value, tc.want)
		}
	}
	playbook := e("reference", "pena-lopez-2025-meaningful")
	facts := []struct {
		name string
		s    graph.Term
		p    string
		o    graph.Term
		want string
	}{
		{"playbook commissioned by ParticipationAI", playbook, "http://schema.org/sponsor", e("actor", "participation-ai"), "fostered and commissioned by ParticipationAI"},
		{"playbook expert interviews", playbook, "http://schema.org/measurementTechnique", graph.LangLiteral("expert interviews", "en"), "10 expert interviews"},
		{"playbook literature review", playbook, "http://schema.org/measurementTechnique", graph.LangLiteral("literature review", "en"), "157 references"},
		{"playbook author", playbook, schema.DCTermsCreator, e("person", "pena-lopez-i"), "Peña-López, I. (2025). Meaningful"},
		{"playbook presented", playbook, schema.DCTermsDate, graph.Literal("2025-06-30", "http://www.w3.org/2001/XMLSchema#date"), "30/06/2025"},
		{"communication presented", e("reference", "pena-lopez-2025-nova"), schema.DCTermsDate, graph.Literal("2025-04-08", "http://www.w3.org/2001/XMLSchema#date"), "April 8th, 2025"},
		{"English version translated", e("reference", "pena-lopez-2025-new"), "http://schema.org/measurementTechnique", graph.LangLiteral("automatic translation with minor revisions", "en"), "automatically translated"},
		{"draft opinion author", e("reference", "pena-lopez-2020-local"), schema.DCTermsCreator, e("person", "pena-lopez-i"), "Peña-López, I. (2020). Local"},
		{"working document presented", e("reference", "civex-working-document"), schema.DCTermsDate, graph.Literal("2019-12-09", "http://www.w3.org/2001/XMLSchema#date"), "On 9 December 2019"},
	}
	for i, lever := range []string{"governance", "organisation", "talent", "processes", "quality-in-management", "democratic-quality"} {
		facts = append(facts, struct {
			name string
			s    graph.Term
			p    string
			o    graph.Term
			want string
		}{"lever order " + lever, concept(schema.SchemeLever, lever), schema.PropOrder, graph.Literal(strconv.Itoa(i+1), "http://www.w3.org/2001/XMLSchema#integer"), "six key levers of change"})
	}
	for _, tc := range facts {
		if _, ok := has(tc.s, tc.p, tc.o); !ok {
			t.Errorf("%s: no %s %s %s", tc.name, tc.s.Value, tc.p, tc.o)
		}
		if !factFrom(tc.s, tc.p, tc.o, tc.want) {
			t.Errorf("%s: no reified fact derived from a passage quoting %q", tc.name, tc.want)
		}
	}
	// The method of the playbook: the number of interviews and the five
	// sectors they came from.
	method := e("statement", "playbook-expert-interviews")
	if _, ok := has(method, "http://www.w3.org/1999/02/22-rdf-syntax-ns#value", graph.Literal("10", "http://www.w3.org/2001/XMLSchema#integer")); !ok {
		t.Error("the expert interviews of the playbook have no count 10")
	}
	for _, code := range []string{"public-administration", "industry", "international-organisation", "academia", "civil-society"} {
		if _, ok := has(method, schema.DCTermsSubject, concept(schema.SchemeSector, code)); !ok {
			t.Errorf("the expert interviews of the playbook lack the sector %s", code)
		}
	}
}
