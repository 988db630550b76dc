package csvtab_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/csvtab"
	"civicgraph/schema"
)

func newSchema(t testing.TB) *schema.Schema {
	t.Helper()
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func readFile(t *testing.T, sc *schema.Schema, name string, opts csvtab.Options) ([]graph.Quad, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return csvtab.Read(f, name, sc, opts)
}

func has(qs []graph.Quad, s, p string, o graph.Term) bool {
	return slices.ContainsFunc(qs, func(q graph.Quad) bool {
		return q.S.Value == s && q.P.Value == p && q.O == o
	})
}

// labels is a LabelIndex over quads, standing in for the store.
type labels []graph.Quad

func (l labels) Lookup(label string, classes []string) ([]string, error) {
	var out []string
	for _, q := range l {
		named := q.P.Value == schema.RDFSLabel || q.P.Value == schema.DCTermsTitle || q.P.Value == schema.FOAFName
		if named && strings.EqualFold(q.O.Value, label) {
			out = append(out, q.S.Value)
		}
	}
	return out, nil
}

func TestRead_Files(t *testing.T) {
	sc := newSchema(t)
	id := func(kind, slug string) string { return schema.EntityIRI(schema.DefaultBase, kind, slug) }
	admins, err := readFile(t, sc, "administrations.csv", csvtab.Options{})
	if err != nil {
		t.Fatalf("administrations.csv: %v", err)
	}
	bcn, gen := id("actor", "bcn"), id("actor", "generalitat-de-catalunya")
	tests := []struct {
		name string
		qs   []graph.Quad
		s, p string
		o    graph.Term
	}{
		{"BOMStrippedAndTyped", admins, bcn, graph.RDFType, graph.IRI(schema.ClassAdministration)},
		{"LanguageFromHeader", admins, bcn, schema.RDFSLabel, graph.LangLiteral("Ajuntament de Barcelona", "ca")},
		{"ConceptByCode", admins, bcn, schema.PropGovernmentLevel, graph.IRI(schema.ConceptIRI(schema.SchemeGovernmentLevel, "local"))},
		{"ConceptByLabel", admins, gen, schema.PropSector, graph.IRI(schema.ConceptIRI(schema.SchemeSector, "public-administration"))},
		{"IDFromName", admins, gen, schema.PropCountry, graph.String("ES")},
	}
	procs, err := readFile(t, sc, "procurements.csv", csvtab.Options{Labels: labels(admins)})
	if err != nil {
		t.Fatalf("procurements.csv: %v", err)
	}
	chatbot := id("procurement", "chatbot")
	tests = append(tests, []struct {
		name string
		qs   []graph.Quad
		s, p string
		o    graph.Term
	}{
		{"LinkByLabelInStore", procs, chatbot, schema.PropBuyer, graph.IRI(bcn)},
		{"LinkByIRI", procs, "https://example.org/proc/2", schema.PropBuyer, graph.IRI(gen)},
		{"SeveralValues", procs, chatbot, schema.PropStageReached, graph.IRI(schema.ConceptIRI(schema.SchemeLifecycle, "award"))},
		{"TypedValue", procs, chatbot, schema.PropValue, graph.Literal("120000.50", schema.XSDDecimal)},
		{"Boolean", procs, "https://example.org/proc/2", schema.PropIsDigitalPublicInfrastructure, graph.Literal("false", schema.XSDBoolean)},
	}...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !has(tc.qs, tc.s, tc.p, tc.o) {
				t.Errorf("no quad %s %s %s", tc.s, tc.p, tc.o)
			}
		})
	}
	// Links by label to entities of the same kind in the file and the store.
	engs, err := readFile(t, sc, "engagements.csv", csvtab.Options{Labels: labels(append(admins, procs...))})
	if err != nil {
		t.Fatalf("engagements.csv: %v", err)
	}
	if !has(engs, id("engagement", "e1"), schema.PropProcurement, graph.IRI(chatbot)) {
		t.Errorf("engagement does not link the procurement named by its title")
	}
}

func TestRead_Encodings(t *testing.T) {
	sc := newSchema(t)
	_, err := readFile(t, sc, "administrations-latin1.csv", csvtab.Options{})
	var ce *csvtab.Error
	if !errors.As(err, &ce) || ce.Row != 2 || !strings.Contains(ce.Expected, "--encoding") {
		t.Fatalf("latin-1 file read as UTF-8 = %v, want an error at row 2 naming --encoding", err)
	}
	qs, err := readFile(t, sc, "administrations-latin1.csv", csvtab.Options{Encoding: "latin1"})
	if err != nil {
		t.Fatal(err)
	}
	if !has(qs, schema.EntityIRI(schema.DefaultBase, "actor", "madrid"), schema.RDFSLabel, graph.LangLiteral("Ayuntamiento de Málaga", "es")) {
		t.Errorf("latin-1 text not decoded: %v", qs)
	}
	if _, err := readFile(t, sc, "administrations.csv", csvtab.Options{Encoding: "ebcdic"}); !errors.As(err, &ce) {
		t.Errorf("unknown encoding = %v, want an Error", err)
	}
}

func TestRead_Errors(t *testing.T) {
	sc := newSchema(t)
	tests := []struct {
		name, csv string
		row       int
		column    string
		expected  string
	}{
		{"UnknownColumn", "id,title,colour\np,T,red\n", 1, "3", "a column of the procurement template"},
		{"AmbiguousTemplate", "id,label\nx,X\n", 1, "", "name it with --format csv:<template>"},
		{"BadConcept", "id,title,buyer,riskClass\np,T,https://e.org/b,extreme\n", 2, "riskClass", "a concept of the ai-risk scheme"},
		{"RelativeIRI", "id,title,buyer,wasDerivedFrom\np,T,https://e.org/b,not an iri\n", 2, "wasDerivedFrom", "an absolute IRI"},
		{"UnknownLabel", "id,title,buyer\np,T,Nobody Council\n", 2, "buyer", "the IRI or the label of a"},
		{"TooManyCells", "id,title,buyer\np,T,https://e.org/b,extra\n", 2, "", "3 cells, one per header column"},
		{"TooFewCells", "id,title,buyer\np,T,https://e.org/b\nq,U\n", 3, "", "3 cells, one per header column"},
		{"CutShort", "id,title,buyer\np,T,https://e.org/b\nq,U,https://e.org/b\nr,Thir", 4, "", "a row cut short"},
		{"NoName", "id,title,buyer\n,,https://e.org/b\n", 2, "id", "an id, or a name or title"},
		{"BadQuote", "id,title,buyer\np,\"T,https://e.org/b\n", 2, "", "a well-formed CSV row"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := csvtab.Read(strings.NewReader(tc.csv), "procurements.csv", sc, csvtab.Options{})
			if tc.name == "AmbiguousTemplate" {
				_, err = csvtab.Read(strings.NewReader(tc.csv), "things.csv", sc, csvtab.Options{})
			}
			var ce *csvtab.Error
			if !errors.As(err, &ce) {
				t.Fatalf("Read = %v, want a csvtab.Error", err)
			}
			if (tc.row != 0 && ce.Row != tc.row) || ce.Column != tc.column || !strings.Contains(ce.Expected, tc.expected) || !strings.Contains(err.Error(), "procurements.csv") && tc.name != "AmbiguousTemplate" {
				t.Errorf("error = %+v (%v), want row %d, column %q, expected containing %q", ce, err, tc.row, tc.column, tc.expected)
			}
		})
	}
}

// TestRead_CutShort cuts a template file in the middle of each of its
// rows: every cut is an error at that row, never a shorter graph.
func TestRead_CutShort(t *testing.T) {
	sc := newSchema(t)
	whole, err := os.ReadFile(filepath.Join("testdata", "administrations.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := csvtab.Read(bytes.NewReader(whole), "administrations.csv", sc, csvtab.Options{}); err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	start := bytes.IndexByte(whole, '\n') + 1 // after the header
	for row := 2; start < len(whole); row++ {
		end := bytes.IndexByte(whole[start:], '\n')
		if end < 0 {
			end = len(whole) - start
		}
		cut := start + end/2
		if whole[start] == '#' { // a comment: cutting it loses nothing
			start += end + 1
			continue
		}
		_, err := csvtab.Read(bytes.NewReader(whole[:cut]), "administrations.csv", sc, csvtab.Options{})
		var ce *csvtab.Error
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "cells") {
			t.Errorf("file cut in row %d (byte %d) = %v, want an error about its cells", row, cut, err)
		}
		start += end + 1
	}
}

func TestRead_ListsEveryProblem(t *testing.T) {
	sc := newSchema(t)
	var b strings.Builder
	b.WriteString("id,title,buyer,riskClass\n")
	for range 150 {
		b.WriteString("p,T,https://e.org/b,extreme\n")
	}
	_, err := csvtab.Read(strings.NewReader(b.String()), "procurements.csv", sc, csvtab.Options{})
	var all *csvtab.Errors
	if !errors.As(err, &all) || all.Total != 150 || len(all.Errors) != csvtab.MaxErrors || !strings.Contains(err.Error(), "and 50 more problems") {
		t.Fatalf("Read of 150 bad rows = %v", err)
	}
}

func TestTemplates(t *testing.T) {
	sc := newSchema(t)
	for _, name := range []string{"actor", "administration", "mission", "procurement", "mechanism", "engagement", "reference", "person"} {
		tm, err := csvtab.Find(sc, name)
		if err != nil {
			t.Errorf("no template %s: %v", name, err)
			continue
		}
		var b strings.Builder
		if err := tm.Write(&b); err != nil {
			t.Fatal(err)
		}
		header, _, _ := strings.Cut(b.String(), "\n")
		if !strings.HasPrefix(header, "id,") || strings.Count(b.String(), "\n# ") != len(tm.Columns)+2 {
			t.Errorf("template %s:\n%s", name, b.String())
		}
		// A file with just the template's header parses (no rows, no quads).
		if qs, err := csvtab.Read(strings.NewReader(b.String()), name+".csv", sc, csvtab.Options{Template: name}); err != nil || len(qs) != 0 {
			t.Errorf("the %s template itself does not read as an empty file: %v", name, err)
		}
	}
	if _, err := csvtab.Find(sc, "spaceship"); err == nil {
		t.Error("Find(spaceship) succeeded")
	}
}

func FuzzRead(f *testing.F) {
	sc := newSchema(f)
	for _, name := range []string{"administrations.csv", "procurements.csv", "engagements.csv"} {
		if b, err := os.ReadFile(filepath.Join("testdata", name)); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("id,title\n\"a\"\"b\",x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		qs, err := csvtab.Read(strings.NewReader(string(b)), "procurements.csv", sc, csvtab.Options{})
		if err != nil {
			return
		}
		for _, q := range qs {
			if err := q.Validate(); err != nil {
				t.Fatalf("Read made an invalid quad %s: %v", q, err)
			}
		}
	})
}

// TestReader_Streams checks that a Reader returns a row's quads before it
// has read the rest of the file, and that links by label, which wait for
// the end, come last.
func TestReader_Streams(t *testing.T) {
	sc := newSchema(t)
	var b strings.Builder
	b.WriteString("id,name,sector\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "a%d,Actor %d,civil-society\n", i, i)
	}
	r, err := csvtab.NewReader(strings.NewReader(b.String()), "actors.csv", sc, csvtab.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	if r.Line() != 2 {
		t.Errorf("after the first quad the reader is at row %d, want 2", r.Line())
	}
	n := 1
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	all, err := csvtab.Read(strings.NewReader(b.String()), "actors.csv", sc, csvtab.Options{})
	if err != nil || n != len(all) || n < 3000 {
		t.Errorf("Reader gave %d quads, Read %d (%v); want the same, at least 3 a row", n, len(all), err)
	}
}
