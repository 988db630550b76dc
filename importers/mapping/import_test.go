package mapping_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/importers/mapping"
	"civicgraph/internal/realdata"
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
	if n, _ := s.Count(t.Context(), graph.Pattern{P: graph.IRI(schema.DCTermsTitle), O: graph.String("usecases.map.toml")}); n != 1 {
		t.Errorf("provenance does not name the mapping file as the plan followed")
	}
	if len(res.Notes) == 0 {
		t.Errorf("no notes (vendor left out of a row, consultation of one)")
	}
	before, _ := s.Count(t.Context(), graph.Pattern{})
	// A level no recode knows: the import fails and the store is unchanged.
	bad := strings.Replace(string(data), "Municipal", "Cantonal", 1)
	_, err = importers.Import(t.Context(), s, []importers.Input{{Name: "register.txt", R: strings.NewReader(bad)}}, importers.Options{Map: m})
	if err == nil || !strings.Contains(err.Error(), `"Cantonal" in 1 record`) {
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

// TestImport_MapJSON imports JSON and JSON Lines through a mapping, under
// names that say nothing of the format.
func TestImport_MapJSON(t *testing.T) {
	sc := loadSchema(t)
	for _, tc := range []struct{ data, mapFile string }{
		{"records.json", "records.map.toml"},
		{"records.jsonl", "records-jsonl.map.toml"},
	} {
		t.Run(tc.data, func(t *testing.T) {
			s := graphtest.NewStore(t)
			data, _ := os.ReadFile("testdata/" + tc.data)
			_, err := importers.Import(t.Context(), s, []importers.Input{{Name: "export.dat", R: bytes.NewReader(data)}},
				importers.Options{Map: loadMap(t, sc, tc.mapFile)})
			if err != nil {
				t.Fatal(err)
			}
			if got := count(t, s, schema.ClassProcurement); got != 2 {
				t.Errorf("%d procurements, want 2", got)
			}
		})
	}
}

// TestImport_Refusal checks that a CSV and a JSON file of no known layout
// are refused with the two routes in: the templates and --map.
func TestImport_Refusal(t *testing.T) {
	for _, in := range []importers.Input{
		{Name: "unknown.csv", R: strings.NewReader("foo,bar\n1,2\n")},
		{Name: "unknown.json", R: strings.NewReader(`[{"foo": 1}]`)},
		{Name: "unknown.jsonl", R: strings.NewReader("{\"foo\": 1}\n{\"foo\": 2}\n")},
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

// genRows returns a generated use-case register of n rows for
// usecases.map.toml: 500 agencies, 300 vendors, one row in ten consulted.
func genRows(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString("case_id,agency,level,vendor,title,status,public_consulted,website\n")
	levels := []string{"Federal", "Municipal"}
	for i := range n {
		consulted := "no"
		if i%10 == 0 {
			consulted = "yes"
		}
		fmt.Fprintf(&buf, "UC-%d,Agency %d,%s,Vendor %d,Use case %d,In use,%s,https://example.org/uc/%d\n",
			i, i%500, levels[i%500%2], i%300, i, consulted, i)
	}
	return buf.Bytes()
}

// BenchmarkReader_MappedCSV reads 100,000 generated rows through the
// mapping alone, without a store: the mapping reader's own speed.
func BenchmarkReader_MappedCSV(b *testing.B) {
	const rows = 100_000
	m := loadMap(b, loadSchema(b), "usecases.map.toml")
	data := genRows(rows)
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		r := mapping.NewReader(bytes.NewReader(data), "usecases.csv", m, "")
		for {
			if _, err := r.Read(); err != nil {
				if err != io.EOF {
					b.Fatal(err)
				}
				break
			}
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(rows*b.N)/(cpuTime()-cpu0).Seconds(), "rows/cpu-s")
}

// BenchmarkImport_MappedCSV imports 100,000 generated rows through a
// mapping, the real importer (shapes included) and a real store, and
// reports rows/s.
func BenchmarkImport_MappedCSV(b *testing.B) {
	const rows = 100_000
	sc := loadSchema(b)
	m := loadMap(b, sc, "usecases.map.toml")
	data := genRows(rows)
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		s := graphtest.NewStore(b)
		b.StartTimer()
		res, err := importers.Import(b.Context(), s, []importers.Input{{Name: "usecases.csv", R: bytes.NewReader(data), Size: int64(len(data))}},
			importers.Options{Map: m, NoValidate: os.Getenv("BENCH_NO_VALIDATE") != ""})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Records)/rows, "quads/row")
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
	// On a shared machine the wall clock measures the neighbours too: rows
	// per second of CPU used by this process tells the importer's own cost.
	b.ReportMetric(float64(rows*b.N)/(cpuTime()-cpu0).Seconds(), "rows/cpu-s")
}

// cpuTime returns the user and system CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
