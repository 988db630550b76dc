package bib_test

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"civicgraph/graph"
	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

// dupBibTeX has three entries, the third a repeat of the first (same DOI,
// written differently) that adds a publisher and a place.
const dupBibTeX = `@article{a, author = {Smith, John}, title = {One}, journal = {J}, year = 2019, doi = {10.1000/ONE}}
@book{b, author = {Doe, Jane}, title = {Two}, year = 2020}
@article{c, author = {Smith, J.}, title = {One again}, year = 2019, doi = {https://doi.org/10.1000/one},
  publisher = {Press}, address = {Paris}}
`

func TestReader_Next(t *testing.T) {
	r := bib.NewReader(strings.NewReader(dupBibTeX), "dup.bib", bib.BibTeX, schema.DefaultBase)
	var entries []bib.Entry
	for {
		e, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	if len(entries) != 3 || r.Entries() != 3 {
		t.Fatalf("Next gave %d entries, Entries() = %d, want 3 and 3", len(entries), r.Entries())
	}
	first, dup := entries[0], entries[2]
	if first.DuplicateOf != 0 || first.Key != "doi:10.1000/one" || len(first.Quads) == 0 {
		t.Errorf("first entry: DuplicateOf %d, Key %q, %d quads; want 0, doi:10.1000/one, some", first.DuplicateOf, first.Key, len(first.Quads))
	}
	if dup.DuplicateOf != 1 || dup.Key != first.Key || dup.Citation.Line != 3 {
		t.Errorf("repeat: DuplicateOf %d, Key %q, Line %d; want 1, %q, 3", dup.DuplicateOf, dup.Key, dup.Citation.Line, first.Key)
	}
	if dup.Citation.Title != "One" || dup.Citation.Publisher != "Press" || dup.Citation.Place != "Paris" || dup.Citation.Container != "J" {
		t.Errorf("repeat: merged citation %+v, want the first's title and container with the repeat's publisher and place", dup.Citation)
	}
	// The repeat adds only the publisher (an actor: four quads) and the place.
	if len(dup.Quads) != 6 {
		t.Errorf("repeat adds %d quads, want 6:\n%v", len(dup.Quads), dup.Quads)
	}
	for _, q := range dup.Quads {
		if slices.Contains(first.Quads, q) {
			t.Errorf("repeat writes %s again", q)
		}
	}
	var all []graph.Quad
	for _, e := range entries {
		all = append(all, e.Quads...)
	}
	checkQuads(t, all)
}

func TestReader_Read(t *testing.T) {
	var want []graph.Quad
	cs, err := bib.Parse(strings.NewReader(dupBibTeX), "dup.bib", bib.BibTeX)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("Parse gave %d citations, want 2 (the repeat merged)", len(cs))
	}
	for _, c := range cs {
		want = append(want, c.Quads(schema.DefaultBase, graph.Term{})...)
	}
	r := bib.NewReader(strings.NewReader(dupBibTeX), "dup.bib", bib.BibTeX, schema.DefaultBase)
	got, err := readAll(t, r)
	if err != nil {
		t.Fatal(err)
	}
	// The Reader writes the merged citation's quads, in another order.
	set := func(qs []graph.Quad) []string {
		var s []string
		for _, q := range qs {
			if !q.G.IsZero() {
				t.Errorf("quad %s is not in the default graph", q)
			}
			s = append(s, q.String())
		}
		slices.Sort(s)
		return slices.Compact(s)
	}
	if g, w := set(got), set(want); !slices.Equal(g, w) {
		t.Errorf("Read gave quads\n%s\nwant those of Parse\n%s", strings.Join(g, "\n"), strings.Join(w, "\n"))
	}
	if r.Line() != 5 || r.BytesRead() != int64(len(dupBibTeX)) {
		t.Errorf("after EOF Line, BytesRead = %d, %d; want 5, %d", r.Line(), r.BytesRead(), len(dupBibTeX))
	}
	if _, err := r.Read(); !errors.Is(err, io.EOF) {
		t.Errorf("Read after EOF = %v, want io.EOF", err)
	}
}

// TestReader_Progress checks that Line, BytesRead and Entries advance
// entry by entry, in every format.
func TestReader_Progress(t *testing.T) {
	inputs := map[bib.Format]string{
		bib.BibTeX:  "@book{a, title = {A}, year = 2001}\n\n@book{b, title = {B}, year = 2002}\n",
		bib.CSLJSON: "[\n{\"type\": \"book\", \"title\": \"A\"},\n\n{\"type\": \"book\", \"title\": \"B\"}\n]\n",
		bib.RIS:     "TY  - BOOK\nTI  - A\nER  - \n\nTY  - BOOK\nTI  - B\nER  - \n",
	}
	for _, format := range bib.Formats() {
		t.Run(string(format), func(t *testing.T) {
			in := inputs[format]
			r := bib.NewReader(strings.NewReader(in), "in", format, schema.DefaultBase)
			var lines []int
			var bytes []int64
			for {
				_, err := r.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				lines = append(lines, r.Line())
				bytes = append(bytes, r.BytesRead())
			}
			if r.Entries() != 2 || len(lines) != 2 {
				t.Fatalf("Entries() = %d, want 2", r.Entries())
			}
			if lines[0] < 1 || lines[1] <= lines[0] || bytes[0] <= 0 || bytes[1] <= bytes[0] || r.BytesRead() != int64(len(in)) {
				t.Errorf("Line after each entry %v, BytesRead %v then %d; want rising, ending at %d", lines, bytes, r.BytesRead(), len(in))
			}
		})
	}
}

func TestReader_Errors(t *testing.T) {
	t.Run("UnknownFormat", func(t *testing.T) {
		r := bib.NewReader(strings.NewReader(""), "x", "endnote", schema.DefaultBase)
		if _, err := r.Read(); !errors.Is(err, bib.ErrUnknownFormat) {
			t.Errorf("Read = %v, want ErrUnknownFormat", err)
		}
		if _, err := bib.Parse(strings.NewReader(""), "x", "endnote"); !errors.Is(err, bib.ErrUnknownFormat) {
			t.Errorf("Parse = %v, want ErrUnknownFormat", err)
		}
	})
	t.Run("AtTheEndAndSticky", func(t *testing.T) {
		in := "@book{a, title = {A}, year = 2001}\n@book{b, title = {B} year = 2002}\n@book{c, title = {C}, year = 2003}\n"
		r := bib.NewReader(strings.NewReader(in), "x.bib", bib.BibTeX, schema.DefaultBase)
		quads, err := readAll(t, r)
		var pe *bib.ParseError
		if !errors.As(err, &pe) || pe.Line != 2 {
			t.Fatalf("error = %v, want a ParseError on line 2", err)
		}
		if len(quads) == 0 || r.Entries() != 2 {
			t.Errorf("read %d quads from %d entries, want those of the two good entries", len(quads), r.Entries())
		}
		if _, err2 := r.Read(); err2 != err {
			t.Errorf("Read after an error = %v, want the same error %v", err2, err)
		}
	})
	boom := errors.New("disk on fire")
	for _, format := range bib.Formats() {
		t.Run("IOError/"+string(format), func(t *testing.T) {
			r := bib.NewReader(iotest.ErrReader(boom), "x", format, schema.DefaultBase)
			_, err := r.Read()
			var pe *bib.ParseError
			if !errors.Is(err, boom) || errors.As(err, &pe) {
				t.Errorf("Read = %v, want the read error, not a ParseError", err)
			}
		})
	}
}

func TestKey(t *testing.T) {
	p := func(family string) []citation.Person { return []citation.Person{person(family, "X.")} }
	tests := []struct {
		name string
		c    citation.Citation
		want string
	}{
		{"DOI", citation.Citation{DOI: "10.1000/ABC", Title: "T"}, "doi:10.1000/abc"},
		{"DOIWithResolver", citation.Citation{DOI: "https://doi.org/10.1000/abc"}, "doi:10.1000/abc"},
		{"Title", citation.Citation{Title: "Peña-López: Data, “Open”  Gov’t!", Year: "2019a", Authors: p("Peña-López")},
			"title:pena lopez data open govt|2019|pena lopez"},
		{"TitleEditor", citation.Citation{Title: "Ünïcode ß", Year: "2019", Editors: p("Æsir")}, "title:unicode ss|2019|aesir"},
		{"OtherScripts", citation.Citation{Title: "Состояние рецепторного", Year: "2009", Authors: p("Доброхотова")},
			"title:состояние рецепторного|2009|доброхотова"},
		{"CombiningMarks", citation.Citation{Title: "Cafe\u0301", Year: "2001"}, "title:cafe|2001|"},
		{"NoTitleNoDOI", citation.Citation{Year: "2001", Authors: p("Smith")}, ""},
	}
	for _, tc := range tests {
		if got := bib.Key(tc.c); got != tc.want {
			t.Errorf("%s: Key = %q, want %q", tc.name, got, tc.want)
		}
	}
	a := citation.Citation{Title: "Open data in cities", Year: "2021", Authors: p("García")}
	b := citation.Citation{Title: "Open Data in Cities.", Year: "2021b", Authors: p("Garcia")}
	if bib.Key(a) != bib.Key(b) {
		t.Errorf("Key(%+v) = %q and Key(%+v) = %q, want them equal", a, bib.Key(a), b, bib.Key(b))
	}
}

// TestParse_DedupAcrossKeys checks that an entry without a DOI is merged
// with an earlier one that has the same title, year and first author, and
// that two entries with different DOIs are not merged even when their
// titles are the same.
func TestParse_DedupAcrossKeys(t *testing.T) {
	in := `[
 {"type": "book", "title": "Open Data", "author": [{"family": "Smith", "given": "J."}], "issued": {"date-parts": [[2019]]}},
 {"type": "book", "title": "Open data!", "author": [{"family": "Smith", "given": "John"}], "issued": {"date-parts": [[2019]]}, "DOI": "10.1000/a", "publisher": "P"},
 {"type": "book", "title": "Open data", "author": [{"family": "Smith", "given": "J."}], "issued": {"date-parts": [[2019]]}, "DOI": "10.1000/b"},
 {"type": "book", "title": "Other", "author": [{"family": "Smith", "given": "J."}], "issued": {"date-parts": [[2019]]}, "DOI": "10.1000/A", "edition": "2nd"}
]`
	cs, err := bib.Parse(strings.NewReader(in), "in.json", bib.CSLJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("Parse gave %d citations, want 2: %+v", len(cs), cs)
	}
	if c := cs[0]; c.DOI != "10.1000/a" || c.Publisher != "P" || c.Edition != "2nd" || c.Title != "Open Data" {
		t.Errorf("merged citation %+v, want the first with DOI 10.1000/a, publisher P, edition 2nd", c)
	}
	if cs[1].DOI != "10.1000/b" {
		t.Errorf("second citation DOI %q, want 10.1000/b", cs[1].DOI)
	}
}

func ExampleReader() {
	in := `@article{pena2019a,
  author = {Pe{\~n}a-L{\'o}pez, Ismael},
  title  = {Open Government},
  year   = 2019,
}`
	r := bib.NewReader(strings.NewReader(in), "refs.bib", bib.BibTeX, "https://example.org/")
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		if q.P.Value == schema.DCTermsTitle || q.P.Value == schema.FOAFFamilyName || q.P.Value == schema.PropYearLabel {
			fmt.Println(q)
		}
	}
	fmt.Println(r.Entries(), "entry")
	// Output:
	// <https://example.org/reference/pena-lopez-2019a-open> <http://purl.org/dc/terms/title> "Open Government" .
	// <https://example.org/reference/pena-lopez-2019a-open> <https://w3id.org/civicgraph/ns#yearLabel> "2019a" .
	// <https://example.org/person/pena-lopez-ismael> <http://xmlns.com/foaf/0.1/familyName> "Peña-López" .
	// 1 entry
}

func ExampleParseError() {
	_, err := bib.Parse(strings.NewReader(`[{"type": "book"}, {"type": "book"}, {"type": "book"}, {"type": "book", "issued": "x"}]`),
		"refs.json", bib.CSLJSON)
	var pe *bib.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Path, pe.Expected)
	}
	fmt.Println(err)
	// Output:
	// [3].issued date-parts
	// refs.json:1:83: [3].issued: expected date-parts, found "x"
}

// TestParse_TooBig checks that an entry above 8 MiB is refused rather than
// held in memory: a long value, a BibTeX macro that doubles itself, a long
// RIS line, a long CSL-JSON item.
func TestParse_TooBig(t *testing.T) {
	if testing.Short() {
		t.Skip("builds inputs of more than 8 MiB")
	}
	long := strings.Repeat("x", 9<<20)
	var bomb strings.Builder
	bomb.WriteString("@string{a0 = {xxxxxxxxxxxxxxxx}}\n")
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&bomb, "@string{a%d = a%d # a%d}\n", i, i-1, i-1)
	}
	bomb.WriteString("@book{k, title = a30}\n")
	tests := []struct {
		name   string
		format bib.Format
		in     string
		line   int
	}{
		{"BibTeXValue", bib.BibTeX, "@book{k,\n title = {" + long + "}}", 2},
		{"BibTeXMacros", bib.BibTeX, bomb.String(), 21},
		{"RISLine", bib.RIS, "TY  - JOUR\nTI  - " + long + "\nER  - \n", 2},
		{"RISRecord", bib.RIS, "TY  - JOUR\n" + strings.Repeat("AB  - "+strings.Repeat("y", 1000)+"\n", 9000) + "ER  - \n", 8332},
		{"CSLItem", bib.CSLJSON, "[{\"type\": \"book\"},\n {\"type\": \"book\", \"title\": \"" + long + "\"}]", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bib.Parse(strings.NewReader(tc.in), "big", tc.format)
			var pe *bib.ParseError
			if !errors.As(err, &pe) || !strings.Contains(pe.Expected, "at most 8 MiB") || pe.Line != tc.line {
				t.Fatalf("Parse error = %v, want a ParseError on line %d about the 8 MiB limit", err, tc.line)
			}
		})
	}
}
