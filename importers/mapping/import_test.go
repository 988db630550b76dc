package mapping_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/importers/internal/realdata"
	"civicgraph/importers/mapping"
	"civicgraph/schema"
)

// count counts the distinct subjects typed with class in the store.
func count(t testing.TB, s *graph.Store, class string) int64 {
	t.Helper()
	n, err := s.Count(t.Context(), graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(class)})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestImport_Map imports the fixture through importers.Import with
// Options.Map into a real store: the shapes, the source graph and the
// provenance apply, and a failed mapped import leaves the store as it was.
func TestImport_Map(t *testing.T) {
	sc := loadSchema(t)
	s := graphtest.NewStore(t)
	m := loadMap(t, sc, "usecases.map.toml")
	data, _ := os.ReadFile("testdata/usecases.csv")
	// The file name says nothing of the format: the mapping decides.
	res, err := importers.Import(t.Context(), s, []importers.Input{{Name: "register.txt", R: bytes.NewReader(data)}}, importers.Options{Map: m})
	if err != nil {
		t.Fatal(err)
	}
	if got := count(t, s, schema.ClassProcurement); got != 3 {
		t.Errorf("%d procurements, want 3", got)
	}
	if got := count(t, s, schema.ClassEngagement); got != 2 {
		t.Errorf("%d engagements, want 2", got)
	}
	if n, _ := s.Count(t.Context(), graph.Pattern{G: importers.SourceGraph("register.txt")}); n == 0 {
		t.Errorf("nothing in the source graph")
	}
	if n, _ := s.Count(t.Context(), graph.Pattern{P: graph.IRI(schema.DCTermsFormat), O: graph.String("text/csv")}); n != 1 {
		t.Errorf("provenance does not record text/csv")
	}
	if len(res.Notes) == 0 {
		t.Errorf("no notes (vendor left out of a row, consultation of one)")
	}
	before, _ := s.Count(t.Context(), graph.Pattern{})
	// A level no recode knows: the import fails and the store is unchanged.
	bad := strings.Replace(string(data), "Municipal", "Cantonal", 1)
	_, err = importers.Import(t.Context(), s, []importers.Input{{Name: "register.txt", R: strings.NewReader(bad)}}, importers.Options{Map: m})
	if err == nil || !strings.Contains(err.Error(), `"Cantonal" in 1 records`) {
		t.Fatalf("error = %v, want the unknown value listed", err)
	}
	if after, _ := s.Count(t.Context(), graph.Pattern{}); after != before {
		t.Errorf("failed import changed the store: %d quads, then %d", before, after)
	}
	// Shapes apply: an Administration without a level is refused.
	noLevel := strings.Replace(string(data), "Municipal", "", 1)
	_, err = importers.Import(t.Context(), s, []importers.Input{{Name: "register.txt", R: strings.NewReader(noLevel)}}, importers.Options{Map: m})
	if err == nil || !strings.Contains(err.Error(), "governmentLevel") {
		t.Fatalf("error = %v, want a shape violation on governmentLevel", err)
	}
}

// TestImport_Refusal checks that a CSV and a JSON file of no known layout
// are refused with the two routes in: the templates and --map.
func TestImport_Refusal(t *testing.T) {
	for _, in := range []importers.Input{
		{Name: "unknown.csv", R: strings.NewReader("foo,bar\n1,2\n")},
		{Name: "unknown.json", R: strings.NewReader(`[{"foo": 1}]`)},
	} {
		_, err := importers.Import(t.Context(), nil, []importers.Input{in}, importers.Options{DryRun: true})
		if err == nil {
			t.Fatalf("%s imported", in.Name)
		}
		for _, w := range []string{"civicgraph template", "civicgraph mapping init " + in.Name, "civicgraph import --map"} {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: refusal %q does not name %q", in.Name, err, w)
			}
		}
	}
}

// TestImport_RealData imports each register of the real data that has no
// importer of its own with the default settings (the shipped mapping is
// chosen by its header) into a real store, and counts what it yields.
func TestImport_RealData(t *testing.T) {
	dir := realdata.Dir(t)
	for _, tc := range []struct {
		file                           string
		mapping                        string
		actors, administrations, mechs int64
	}{
		// 847 organisations; 57 government bodies whose scope tells a level.
		{"participedia-export/organisations.csv", "participedia-organisations", 847, 57, 0},
		// 14 catalogues: 9 of type Catalogue, 5 desk research left out;
		// 7 publishers, of which 6 known public bodies.
		{"jrc-ai-watch-t6x-registers/catalogs.csv", "t6x-catalogs", 7, 6, 9},
		{"jrc-ai-watch-t6x-registers/11-catalog-amsterdam-algorithm-register.csv", "t6x-catalogs", 1, 1, 1},
		{"jrc-ai-watch-t6x-registers/12-catalog-helsinki-ai-register.csv", "t6x-catalogs", 1, 1, 1},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("%s not found: %v", tc.file, err)
			}
			head, _ := os.ReadFile(path)
			if m, ok := mapping.Detect(head[:min(len(head), 64<<10)], loadSchema(t)); !ok || m.Name != tc.mapping {
				t.Fatalf("Detect chose %v, want %s", m, tc.mapping)
			}
			s := graphtest.NewStore(t)
			res, err := importers.ImportFiles(t.Context(), s, []string{path}, importers.Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := [3]int64{count(t, s, schema.ClassActor), count(t, s, schema.ClassAdministration), count(t, s, schema.ClassMechanism)}
			if want := [3]int64{tc.actors, tc.administrations, tc.mechs}; got != want {
				t.Errorf("actors, administrations, mechanisms = %v, want %v", got, want)
			}
			t.Logf("%s: %d statements, %d quads; notes:\n%s", tc.file, res.Records, res.Load.Quads, strings.Join(res.Notes, "\n"))
		})
	}
}

// BenchmarkImport_MappedCSV imports 100,000 generated rows through a
// mapping, the real importer (shapes included) and a real store, and
// reports rows/s.
func BenchmarkImport_MappedCSV(b *testing.B) {
	const rows = 100_000
	sc := loadSchema(b)
	m := loadMap(b, sc, "usecases.map.toml")
	var buf bytes.Buffer
	buf.WriteString("case_id,agency,level,vendor,title,status,public_consulted,website\n")
	levels := []string{"Federal", "Municipal"}
	for i := range rows {
		fmt.Fprintf(&buf, "UC-%d,Agency %d,%s,Vendor %d,Use case %d,In use,%s,https://example.org/uc/%d\n",
			i, i%500, levels[i%500%2], i%300, i, map[bool]string{true: "yes", false: "no"}[i%10 == 0], i)
	}
	data := buf.Bytes()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s := graphtest.NewStore(b)
		b.StartTimer()
		res, err := importers.Import(b.Context(), s, []importers.Input{{Name: "usecases.csv", R: bytes.NewReader(data), Size: int64(len(data))}}, importers.Options{Map: m})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Records)/rows, "quads/row")
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
