package mapping_test

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/mapping"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func loadSchema(tb testing.TB) *schema.Schema {
	tb.Helper()
	sc, err := schema.New()
	if err != nil {
		tb.Fatal(err)
	}
	return sc
}

func loadMap(tb testing.TB, sc *schema.Schema, name string) *mapping.Mapping {
	tb.Helper()
	m, err := mapping.Load(filepath.Join("testdata", name), sc)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// readAll reads data through m and returns the quads and the reader.
func readAll(tb testing.TB, m *mapping.Mapping, name string, data []byte) ([]graph.Quad, *mapping.Reader, error) {
	tb.Helper()
	r := mapping.NewReader(bytes.NewReader(data), name, m, "")
	var out []graph.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out, r, nil
		}
		if err != nil {
			return out, r, err
		}
		out = append(out, q)
	}
}

// nquads writes quads as N-Triples lines, sorted.
func nquads(qs []graph.Quad) string {
	var lines []string
	for _, q := range qs {
		var b strings.Builder
		graph.AppendNTriples(&b, q.S)
		b.WriteByte(' ')
		graph.AppendNTriples(&b, q.P)
		b.WriteByte(' ')
		graph.AppendNTriples(&b, q.O)
		b.WriteString(" .")
		lines = append(lines, b.String())
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n") + "\n"
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output:\n%s", name, got)
	}
}

// TestReader_Golden maps the small fixtures (CSV, JSON, JSON Lines) and
// compares their quads with golden files; the quads must pass the shapes.
func TestReader_Golden(t *testing.T) {
	sc := loadSchema(t)
	for _, tc := range []struct {
		data, mapFile, golden string
		entities              map[string]int
	}{
		{"usecases.csv", "usecases.map.toml", "usecases.golden.nt", map[string]int{"agency": 3, "vendor": 2, "system": 3, "consultation": 2}},
		{"records.json", "records.map.toml", "records.golden.nt", map[string]int{"org": 2, "algo": 2}},
		{"records.jsonl", "records-jsonl.map.toml", "records.golden.nt", map[string]int{"org": 2, "algo": 2}},
	} {
		t.Run(tc.data, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.data))
			if err != nil {
				t.Fatal(err)
			}
			qs, r, err := readAll(t, loadMap(t, sc, tc.mapFile), tc.data, data)
			if err != nil {
				t.Fatal(err)
			}
			if vs := sc.Validate(append(qs, sc.ConceptQuads()...)); len(vs) > 0 {
				t.Errorf("shape violations: %v", vs)
			}
			if got := r.Entities(); !mapsEqual(got, tc.entities) {
				t.Errorf("entities %v, want %v", got, tc.entities)
			}
			golden(t, tc.golden, nquads(qs))
		})
	}
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestReader_Stable checks that two reads of the same data mint the same
// IRIs, so that a re-import replaces rather than duplicates.
func TestReader_Stable(t *testing.T) {
	sc := loadSchema(t)
	m := loadMap(t, sc, "usecases.map.toml")
	data, _ := os.ReadFile("testdata/usecases.csv")
	a, _, err := readAll(t, m, "a.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := readAll(t, m, "b.csv", data)
	if err != nil {
		t.Fatal(err)
	}
	if nquads(a) != nquads(b) {
		t.Errorf("two reads differ")
	}
	if !strings.Contains(nquads(a), "<https://w3id.org/civicgraph/id/procurement/usecase-uc-1>") {
		t.Errorf("IRI not minted from case_id with the prefix:\n%s", nquads(a))
	}
}

// TestParse_Errors checks that a bad mapping file is refused with the line
// of the problem and what was expected.
func TestParse_Errors(t *testing.T) {
	sc := loadSchema(t)
	const entity = "[[entity]]\nid = \"a\"\nclass = \"Actor\"\niri = [\"id\"]\n"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"toml syntax", "name = \"x\"\nformat = \n", []string{":2:", "TOML syntax"}},
		{"unknown key", entity + "colour = \"red\"\n", []string{":5:", `unknown key "entity.colour"`}},
		{"unknown class", "[[entity]]\nid = \"a\"\nclass = \"Vendor\"\niri = [\"id\"]\n[[entity.property]]\nproperty = \"label\"\ncolumn = \"c\"\n", []string{":3:", `class "Vendor"`, "Administration"}},
		{"no entity", "name = \"x\"\n", []string{"no [[entity]]"}},
		{"no iri", "[[entity]]\nclass = \"Actor\"\n", []string{":1:", "iri"}},
		{"unknown property", entity + "[[entity.property]]\nproperty = \"colour\"\ncolumn = \"c\"\n", []string{":6:", `property "colour"`, "label"}},
		{"unknown prefix", entity + "[[entity.property]]\nproperty = \"zz:colour\"\ncolumn = \"c\"\n", []string{":6:", "prefix"}},
		{"two sources", entity + "[[entity.property]]\nproperty = \"label\"\ncolumn = \"c\"\nvalue = \"v\"\n", []string{":5:", "exactly one of"}},
		{"concept needs recode", entity + "[[entity.property]]\nproperty = \"sector\"\ncolumn = \"c\"\n", []string{":5:", "recode"}},
		{"missing recode", entity + "[[entity.property]]\nproperty = \"sector\"\ncolumn = \"c\"\nrecode = \"s\"\n", []string{":8:", "[recode.s]"}},
		{"bad code", entity + "[[entity.property]]\nproperty = \"sector\"\ncolumn = \"c\"\nrecode = \"s\"\n[recode.s]\nscheme = \"sector\"\n[recode.s.values]\ngov = \"government\"\n", []string{":12:", `"government" is not a code of scheme sector`}},
		{"wrong scheme", entity + "[[entity.property]]\nproperty = \"sector\"\ncolumn = \"c\"\nrecode = \"s\"\n[recode.s]\nscheme = \"lifecycle\"\n", []string{":8:", "scheme sector"}},
		{"bad concept", entity + "[[entity.property]]\nproperty = \"sector\"\nconcept = \"sector/nobody\"\n", []string{":7:", "scheme/code"}},
		{"unknown entity", entity + "[[entity.property]]\nproperty = \"org:subOrganizationOf\"\nentity = \"b\"\n", []string{":7:", `entity "b"`}},
		{"bad format", "format = \"xml\"\n" + entity, []string{":1:", "csv, json or jsonl"}},
		{"when without test", entity + "when = [{ column = \"x\" }]\n", []string{":5:", "not_empty"}},
		{"duplicate id", entity + entity, []string{":6:", "used twice"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := mapping.Parse("bad.map.toml", []byte(tc.text), sc)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, mapping.ErrBadMapping) {
				t.Errorf("error does not wrap ErrBadMapping: %v", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
			if n := strings.Count(err.Error(), "mapping file "); n != 1 {
				t.Errorf("%d problems reported, want 1: %v", n, err)
			}
		})
	}
}

// TestReader_Errors checks that problems in the data name the row (or JSON
// path), the column and the mapping line, and that every bad row is
// reported.
func TestReader_Errors(t *testing.T) {
	sc := loadSchema(t)
	header := "case_id,agency,level,vendor,title,status,public_consulted,website\n"
	for _, tc := range []struct {
		name, mapFile, data string
		want                []string
	}{
		{"unknown recode values with counts", "usecases.map.toml",
			header + "1,A,State,,T,,no,\n2,B,State,,T,,no,\n3,C,Galactic,,T,,no,\n",
			[]string{`row 2: column "level" (mapping testdata/usecases.map.toml:22)`, `"State" in 2 records`, `"Galactic" in 1 record`, "[recode.level]"}},
		{"missing column", "usecases.map.toml", "case_id,agency,title\n1,A,T\n",
			[]string{`row 1: column "level"`, "no such column in the header", "usecases.map.toml:22"}},
		{"short row", "usecases.map.toml", header + "1,A,Federal\n2,B,Federal,,T,,no,\n",
			[]string{"row 2", "3 fields", "8 fields"}},
		{"required blank", "usecases.map.toml", header + "1,A,Federal,,,,no,\n",
			[]string{`row 2: column "title" (mapping testdata/usecases.map.toml:47)`, "required"}},
		{"required entity blank", "usecases.map.toml", header + ",A,Federal,,T,,no,\n",
			[]string{`row 2: column "case_id" (mapping testdata/usecases.map.toml:41)`, "required"}},
		{"bad IRI", "usecases.map.toml", header + "1,A,Federal,,T,,no,not a url\n",
			[]string{`row 2: column "website" (mapping testdata/usecases.map.toml:65)`, "absolute IRI"}},
		{"bad quote", "usecases.map.toml", header + "1,A,Federal,,T\"x,,no,\n",
			[]string{"row 2", "RFC 4180"}},
		{"not UTF-8", "usecases.map.toml", header + "1,A,Federal,,T\xe9,,no,\n",
			[]string{"row 2", `column "title"`, "not UTF-8"}},
		{"JSON object where a value is wanted", "records.map.toml",
			`{"data": {"items": [{"id": 1, "org": {"name": {"x": 1}, "level": "local"}, "name": "n"}]}}`,
			[]string{"data.items[0]", `column "org.name"`, "an object"}},
		{"JSON records path missing", "records.map.toml", `{"data": {}}`,
			[]string{"data.items", "no such key"}},
		{"JSON syntax", "records.map.toml", `{"data": {"items": [{"id": 1,]}}`,
			[]string{"data.items[0]", "invalid JSON"}},
		{"JSON Lines bad line", "records-jsonl.map.toml", "{\"id\": 1, \"org\": {\"name\": \"A\", \"level\": \"local\"}, \"name\": \"n\"}\n[1]\n{oops\n",
			[]string{"row 2", "row 3", "one JSON object a line"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := readAll(t, loadMap(t, sc, tc.mapFile), "in", []byte(tc.data))
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestReader_Report checks that values recoded by default or to nothing,
// and entities left out, are listed rather than dropped unsaid.
func TestReader_Report(t *testing.T) {
	sc := loadSchema(t)
	data := "case_id,agency,level,vendor,title,status,public_consulted,website\n" +
		"1,A,Federal,,T,Pilot,no,\n2,B,Federal,,T,Pilot,no,\n"
	_, r, err := readAll(t, loadMap(t, sc, "usecases.map.toml"), "in.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	rep := strings.Join(r.Report(), "\n")
	for _, w := range []string{
		`column "status": "Pilot" in 2 records is not in [recode.status]: left out by its default ""`,
		"entity vendor (Actor) left out of 2 records with no value in vendor",
		"entity consultation (Engagement) left out of 2 records whose when-conditions did not hold",
	} {
		if !strings.Contains(rep, w) {
			t.Errorf("report lacks %q:\n%s", w, rep)
		}
	}
}

// TestReader_ReportUnmapped checks that columns and JSON keys no rule
// reads are listed, not dropped unsaid.
func TestReader_ReportUnmapped(t *testing.T) {
	sc := loadSchema(t)
	for _, tc := range []struct {
		name, mapFile, data, want string
	}{
		{"csv", "usecases.map.toml",
			"case_id,agency,level,vendor,title,status,public_consulted,website,notes,budget\n1,A,Federal,,T,,no,,x,1\n",
			`in: 2 columns no rule of testdata/usecases.map.toml reads, left out: "notes", "budget"`},
		{"json", "records.map.toml",
			`{"data": {"items": [{"id": 1, "org": {"name": "A", "level": "local"}, "name": "n", "extra": {"x": 1, "y": [true]}}]}}`,
			`in: 2 columns no rule of testdata/records.map.toml reads, left out: "extra.x", "extra.y"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, r, err := readAll(t, loadMap(t, sc, tc.mapFile), "in", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			if rep := strings.Join(r.Report(), "\n"); !strings.Contains(rep, tc.want) {
				t.Errorf("report lacks %q:\n%s", tc.want, rep)
			}
		})
	}
}

// TestReader_Encoding reads Windows-1252 text with encoding = "auto".
func TestReader_Encoding(t *testing.T) {
	sc := loadSchema(t)
	text, _ := os.ReadFile("testdata/usecases.map.toml")
	text = bytes.Replace(text, []byte("lang = \"en\""), []byte("lang = \"en\"\nencoding = \"auto\""), 1)
	m, err := mapping.Parse("auto.map.toml", text, sc)
	if err != nil {
		t.Fatal(err)
	}
	data := "case_id,agency,level,vendor,title,status,public_consulted,website\n1,A,Federal,,Caf\xe9 \x93AI\x94,,no,\n"
	qs, _, err := readAll(t, m, "in.csv", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(nquads(qs), "Café “AI”") {
		t.Errorf("not decoded:\n%s", nquads(qs))
	}
}

// TestShipped_Detect checks that each shipped mapping parses and is chosen
// by its own header, and that other headers choose none.
func TestShipped_Detect(t *testing.T) {
	sc := loadSchema(t)
	ms, err := mapping.Shipped(sc)
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Fatalf("%d shipped mappings", len(ms))
	}
	for _, tc := range []struct {
		head, want string
	}{
		{"\xEF\xBB\xBF\"id\",\"type\",\"title\",\"url\",\"description\",\"sector\",\"scope_of_influence_1\",\"type_method_1\",\"country\",\"original_language\"\n1,organization,x", "participedia-organisations"},
		{"c_name,c_description,c_contact,c_url,c_publisher,c_country,c_type\nx,y,,,P,Italy,Catalogue\n", "t6x-catalogs"},
		{"id,name,title\n1,2,3\n", ""},
		{`[{"c_name": 1}]`, ""},
	} {
		m, ok := mapping.Detect([]byte(tc.head), sc)
		got := ""
		if ok {
			got = m.Name
		}
		if got != tc.want {
			t.Errorf("Detect(%.30q) = %q, want %q", tc.head, got, tc.want)
		}
	}
}

// TestWriteStarter checks that mapping init lists every column with its
// hints, and that what it writes parses and imports as is.
func TestWriteStarter(t *testing.T) {
	sc := loadSchema(t)
	for _, tc := range []struct {
		file string
		bom  bool
		cols []string
	}{
		{"usecases.csv", false, []string{"case_id", "agency", "level", "vendor", "title", "status", "public_consulted", "website"}},
		{"usecases.csv", true, []string{"case_id", "agency", "level", "vendor", "title", "status", "public_consulted", "website"}},
		{"records.json", false, []string{"id", "org.name", "org.level", "name", "tags"}},
		{"records.jsonl", false, []string{"id", "org.name", "org.level", "name", "tags"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			if tc.bom {
				data = append([]byte("\xEF\xBB\xBF"), data...)
			}
			var out bytes.Buffer
			if err := mapping.WriteStarter(&out, bytes.NewReader(data), tc.file); err != nil {
				t.Fatal(err)
			}
			text := out.String()
			for _, c := range tc.cols {
				if !strings.Contains(text, "# Column \""+c+"\"") {
					t.Errorf("column %s not listed", c)
				}
			}
			for _, w := range []string{"Procurement:", "buyer", "government-level:", "[[entity]]", "iri = [\"" + tc.cols[0] + "\"]"} {
				if !strings.Contains(text, w) {
					t.Errorf("starter lacks %q", w)
				}
			}
			m, err := mapping.Parse("starter.map.toml", out.Bytes(), sc)
			if err != nil {
				t.Fatalf("starter does not parse: %v\n%s", err, text)
			}
			qs, _, err := readAll(t, m, tc.file, data)
			if err != nil || len(qs) == 0 {
				t.Fatalf("starter reads %d quads, error %v", len(qs), err)
			}
		})
	}
	if err := mapping.WriteStarter(io.Discard, strings.NewReader(""), "empty.csv"); !errors.Is(err, mapping.ErrInvalid) {
		t.Errorf("empty file: %v", err)
	}
}
