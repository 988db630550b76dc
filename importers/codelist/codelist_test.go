package codelist_test

import (
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/codelist"
	"civicgraph/internal/realdata"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// readAll reads every quad of a code list, or the first error.
func readAll(t *testing.T, name, in string) ([]graph.Quad, error) {
	t.Helper()
	r := codelist.NewReader(strings.NewReader(in), name, "http://e.org/")
	var out []graph.Quad
	for {
		q, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
}

// TestReader_Golden reads a small code list with an extra column, an
// empty description, a code with a space and quoted text, and compares the
// quads with testdata/status.golden.nt.
func TestReader_Golden(t *testing.T) {
	in, err := os.ReadFile(filepath.Join("testdata", "status.csv"))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := readAll(t, "status.csv", string(in))
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, q := range qs {
		lines = append(lines, q.S.String()+" "+q.P.String()+" "+q.O.String()+" .")
	}
	got := strings.Join(lines, "\n") + "\n"
	golden := filepath.Join("testdata", "status.golden.nt")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("quads differ from %s (run with -update after checking):\n%s", golden, got)
	}
	// Every value of the file lands somewhere: the category too.
	for _, v := range []string{"Category: early", "Category: late", `Quoted "text" inside`, "a b"} {
		if !slices.ContainsFunc(qs, func(q graph.Quad) bool { return q.O.Value == v }) {
			t.Errorf("no quad holds %q", v)
		}
	}
}

// TestReader_Errors checks that each kind of bad input is refused with its
// line, column and what was expected.
func TestReader_Errors(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"Empty", "", "l.csv:1: expected a header Code,Title,Description, found an empty file"},
		{"NoRows", "Code,Title,Description\n", "l.csv:2: expected at least one code after the header"},
		{"Header", "Id,Title,Description\nx,y,z\n", `l.csv:1: expected a header whose first columns are Code, Title and Description, found "Id,Title,Description"`},
		{"ShortRow", "Code,Title,Description\nopen,Open\n", "l.csv:2: expected 3 fields, as in the header"},
		{"LongRow", "Code,Title,Description\nopen,Open,x,y\n", "l.csv:2: expected 3 fields, as in the header"},
		{"EmptyCode", "Code,Title,Description\nopen,Open,x\n ,Closed,y\n", `l.csv:3: column "Code": expected a code, found an empty field`},
		{"Repeated", "Code,Title,Description\nopen,Open,x\nopen,Again,y\n", `l.csv:3: column "Code": expected a code not given before, found "open", already on line 2`},
		{"BadQuote", "Code,Title,Description\nopen,\"Op\"en,x\n", "l.csv:2: expected a well-formed CSV record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := readAll(t, "l.csv", tc.in)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one containing %q", err, tc.want)
			}
			if !errors.Is(err, codelist.ErrInvalid) {
				t.Errorf("error %v does not wrap ErrInvalid", err)
			}
		})
	}
}

// TestDetect tells code lists from other CSV.
func TestDetect(t *testing.T) {
	for _, tc := range []struct {
		head string
		want bool
	}{
		{"Code,Title,Description\nopen,Open,x\n", true},
		{"\xEF\xBB\xBFCode,Title,Description,Deprecated\r\n", true},
		{"code,title,description\n", true},
		{`"Code","Title","Description"` + "\n", true},
		{"Code,Title\n", false},
		{"Title,Code,Description\n", false},
		{"name,level,country\n", false},
		{"", false},
	} {
		if got := codelist.Detect([]byte(tc.head)); got != tc.want {
			t.Errorf("Detect(%q) = %v, want %v", tc.head, got, tc.want)
		}
	}
}

// FuzzReader reads arbitrary input: it must not panic, every error must
// wrap ErrInvalid, and a code list read without error has a scheme and one
// notation per concept.
func FuzzReader(f *testing.F) {
	f.Add("Code,Title,Description\nopen,Open,x\n")
	f.Add("Code,Title,Description,Category\na,b,c,d\n\"x,y\",\"q\"\"\",,\n")
	f.Add("Code,Title\n")
	f.Fuzz(func(t *testing.T, in string) {
		qs, err := readAll(t, "f.csv", in)
		if err != nil {
			if !errors.Is(err, codelist.ErrInvalid) {
				t.Fatalf("error %v does not wrap ErrInvalid", err)
			}
			return
		}
		if len(qs) == 0 || qs[0].O.Value != "http://www.w3.org/2004/02/skos/core#ConceptScheme" {
			t.Fatalf("no scheme first: %v", qs)
		}
	})
}

// TestReader_RealData reads the OCDS codelists of the real data folder.
func TestReader_RealData(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realdata.Dir(t), "ocds-schema-1.1.5", "*.csv"))
	if len(files) == 0 {
		t.Fatal("no OCDS codelists under the real data folder's ocds-schema-1.1.5")
	}
	for _, f := range files {
		in, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if !codelist.Detect(in) {
			t.Errorf("%s: not detected as a code list", f)
			continue
		}
		qs, err := readAll(t, filepath.Base(f), string(in))
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		rows := strings.Count(strings.TrimSpace(string(in)), "\n") // at least the codes, more when text holds newlines
		concepts := 0
		for _, q := range qs {
			if q.P.Value == "http://www.w3.org/2004/02/skos/core#notation" {
				concepts++
			}
		}
		if concepts == 0 || concepts > rows {
			t.Errorf("%s: %d concepts for %d lines after the header", f, concepts, rows)
		}
	}
}
