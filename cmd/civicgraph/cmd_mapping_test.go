package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRun_MappingInitAndImport runs the route for a register no importer
// knows: the plain import is refused with the routes in, mapping init
// writes a starting mapping that lists every column, and import --map with
// an edited mapping imports the file, typed, and prints what it left out.
func TestRun_MappingInitAndImport(t *testing.T) {
	csv := "case_id,agency,level,title,public_consulted\n" +
		"UC-1,Ministry of Transport,Federal,Traffic prediction,yes\n" +
		"UC-2,City of Springfield,Municipal,Chatbot for permits,no\n"
	data := writeFile(t, "usecases.csv", csv)
	dir := filepath.Join(t.TempDir(), "store")

	_, _, err := cli(t, nil, "import", "--quiet", "--data", dir, data)
	if err == nil || !strings.Contains(err.Error(), "civicgraph mapping init") || !strings.Contains(err.Error(), "--map") {
		t.Fatalf("plain import = %v, want a refusal naming mapping init and --map", err)
	}

	starter := mustCLI(t, "mapping", "init", data)
	for _, col := range []string{"case_id", "agency", "level", "title", "public_consulted"} {
		if !strings.Contains(starter, `# Column "`+col+`"`) {
			t.Errorf("mapping init does not list column %s", col)
		}
	}
	// The starter imports as is: one Actor per row.
	mustCLI(t, "import", "--quiet", "--data", dir, "--map", writeFile(t, "starter.map.toml", starter), data)

	m := `name = "usecases"
[[entity]]
id = "agency"
class = "Administration"
iri = ["agency"]
  [[entity.property]]
  property = "label"
  column = "agency"
  [[entity.property]]
  property = "sector"
  concept = "sector/public-administration"
  [[entity.property]]
  property = "governmentLevel"
  column = "level"
  recode = "level"
[[entity]]
id = "system"
class = "Procurement"
iri = ["case_id"]
  [[entity.property]]
  property = "title"
  column = "title"
  [[entity.property]]
  property = "buyer"
  entity = "agency"
[[entity]]
class = "Engagement"
iri = ["case_id"]
iri_prefix = "consulted-"
when = [{ column = "public_consulted", in = ["yes"] }]
  [[entity.property]]
  property = "actor"
  entity = "agency"
  [[entity.property]]
  property = "procurement"
  entity = "system"
  [[entity.property]]
  property = "stage"
  concept = "lifecycle/problem-framing"
[recode.level.values]
Federal = "national"
Municipal = "local"
`
	mapFile := writeFile(t, "usecases.map.toml", strings.Replace(m, "recode.level.values", "recode.level]\nscheme = \"government-level\"\n[recode.level.values", 1))
	out := mustCLI(t, "import", "--quiet", "--data", dir, "--map", mapFile, data)
	if !strings.Contains(out, "note: ") || !strings.Contains(out, "left out of 1 record whose when-conditions did not hold") {
		t.Errorf("import --map output lacks the note on the unconsulted row:\n%s", out)
	}
	nt := mustCLI(t, "export", "--format", "nt", "--data", dir, "--graph", "https://w3id.org/civicgraph/graph/source/usecases-csv")
	for _, want := range []string{
		"<https://w3id.org/civicgraph/id/procurement/uc-1> <https://w3id.org/civicgraph/ns#buyer> <https://w3id.org/civicgraph/id/actor/ministry-of-transport> .",
		"<https://w3id.org/civicgraph/id/engagement/consulted-uc-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/civicgraph/ns#Engagement> .",
		"<https://w3id.org/civicgraph/id/actor/city-of-springfield> <https://w3id.org/civicgraph/ns#governmentLevel> <https://w3id.org/civicgraph/concept/government-level/local> .",
	} {
		if !strings.Contains(nt, want) {
			t.Errorf("export lacks %s", want)
		}
	}

	// A bad mapping file: the error names its line.
	bad := writeFile(t, "bad.map.toml", strings.Replace(m, `class = "Procurement"`, `class = "Purchase"`, 1))
	_, _, err = cli(t, nil, "import", "--quiet", "--data", dir, "--map", bad, data)
	if err == nil || !strings.Contains(err.Error(), "bad.map.toml:18") || !strings.Contains(err.Error(), `class "Purchase"`) {
		t.Errorf("bad mapping = %v, want an error at bad.map.toml:18", err)
	}
	if _, _, err := cli(t, nil, "mapping", "frobnicate", data); err == nil {
		t.Error("mapping frobnicate: no error")
	}
}
