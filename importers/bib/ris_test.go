package bib_test

import (
	"errors"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

func TestParse_RIS(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want citation.Citation
	}{
		{
			name: "Article",
			in: "TY  - JOUR\nID  - smith2018b\nAU  - Smith, John\nA1  - Peña-López, I.\nTI  - Open data\n  and the state\n" +
				"JO  - Journal\nPY  - 2018/03/05/\nVL  - 12\nIS  - 4\nSP  - 101\nEP  - 120\nDO  - doi:10.1000/ABC\n" +
				"UR  - https://example.org/a b\nLA  - English\nN1  - Peer reviewed\nKW  - ignored\nER  - \n",
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{person("Smith", "John"), person("Peña-López", "I.")},
				Year: "2018b", Title: "Open data and the state", Container: "Journal", Volume: "12", Issue: "4",
				Pages: "101-120", Date: "5 March 2018", DOI: "10.1000/abc", URL: "https://example.org/a%20b",
				Language: "en", Note: "Peer reviewed",
			},
		},
		{
			name: "ChapterEditorsAndPublishers",
			in: "TY  - CHAP\nAU  - Garcia, Ana\nED  - Brown, Bob\nA2  - White, Wendy\nTI  - Ch\nBT  - Book\nSP  - 10-25\n" +
				"PY  - 2021\nPB  - Springer\nPB  - Other Press\nCY  - Cham\nER  -",
			want: citation.Citation{
				Type: citation.TypeChapter, Authors: []citation.Person{person("Garcia", "Ana")},
				ContainerEditors: []citation.Person{person("Brown", "Bob"), person("White", "Wendy")}, Year: "2021",
				Title: "Ch", Container: "Book", Pages: "10-25", Publisher: "Springer; Other Press",
				Publishers: []string{"Springer", "Other Press"}, Place: "Cham",
			},
		},
		{
			name: "CorporateAuthorAndWWW",
			in:   "TY  - RPRT\r\nAU  - European Commission\r\nTI  - AI Watch\r\nPY  - 2020\r\nT3  - JRC Reports\r\nUR  - www.example.eu/r.pdf\r\nER  - \r\n",
			want: citation.Citation{
				Type: citation.TypeReport, Authors: []citation.Person{person("European Commission", "")}, Year: "2020",
				Title: "AI Watch", Series: "JRC Reports", URL: "https://www.example.eu/r.pdf",
			},
		},
		{
			name: "TypeNameAndShortTitle",
			in:   "\ufeffTY  - Journal Article\nAU  - Dobrokhotova, Yu E.\nPY  - 2009\nDA  - 2009\nST  - Состояние\nJO  - Gynecology\nVO  - 8\nER  - \n",
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{person("Dobrokhotova", "Yu E.")}, Year: "2009",
				Title: "Состояние", Container: "Gynecology", Volume: "8",
			},
		},
		{
			name: "PreambleAndSuffix",
			in:   "Exported by a program.\n\n1.\nTY  - ELEC\nAU  - Doe, Jane, Jr.\nTI  - Page\nY1  - 2022/11/30\nUR  - ftp://example.org/f\nER  - \n",
			want: citation.Citation{
				Type: citation.TypeWebPage, Authors: []citation.Person{person("Doe Jr.", "Jane")}, Year: "2022", Title: "Page",
				Date: "30 November 2022", Note: "url: ftp://example.org/f",
			},
		},
		{
			name: "UnknownType",
			in:   "TY  - ART\nAU  - Doe, Jane\nTI  - Painting\nPY  - 1999\nER  - \n",
			want: citation.Citation{Type: citation.TypeReport, Authors: []citation.Person{person("Doe", "Jane")}, Year: "1999", Title: "Painting"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := parseOne(t, tc.in, bib.RIS)
			got.Line, got.Raw = 0, ""
			compareCitation(t, tc.name, got, tc.want)
		})
	}
}

func TestParse_RISErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		found     string
		expected  string
	}{
		{"TagBeforeTY", "\nAU  - Smith, J.\nER  - \n", 2, 1, `"AU  - Smith, J."`, "TY  - to start a record"},
		{"EmptyType", "TY  - \n", 1, 7, "end of line", "a reference type after TY  -"},
		{"MissingER", "TY  - JOUR\nTI  - x\n", 2, 8, "end of input", "ER  - to end the record (begun on line 1)"},
		{"MissingERWithoutNewline", "TY  - JOUR\r\nTI  - abc", 2, 10, "end of input", "ER  - to end the record (begun on line 1)"},
		{"NewTYBeforeER", "TY  - JOUR\nTI  - x\nTY  - BOOK\n", 3, 1, `"TY  - BOOK"`, "ER  - to end the record begun on line 1 before a new TY"},
		{"InvalidUTF8", "TY  - JOUR\nTI  - caf\xe9\nER  - \n", 2, 10, `"\xe9"`, "UTF-8 text"},
		{"SecondRecord", "TY  - JOUR\nER  - \n\nTY  - BOOK\nTI  - x\n", 5, 8, "end of input", "ER  - to end the record (begun on line 4)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bib.Parse(strings.NewReader(tc.in), "refs.ris", bib.RIS)
			var pe *bib.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want a *ParseError", tc.in, err)
			}
			if !errors.Is(err, bib.ErrSyntax) {
				t.Errorf("error %v does not match ErrSyntax", err)
			}
			if pe.File != "refs.ris" || pe.Line != tc.line || pe.Col != tc.col || pe.Path != "" ||
				pe.Found != tc.found || pe.Expected != tc.expected {
				t.Errorf("Parse(%q) error = %s:%d:%d found %s expected %q, want refs.ris:%d:%d found %s expected %q",
					tc.in, pe.File, pe.Line, pe.Col, pe.Found, pe.Expected, tc.line, tc.col, tc.found, tc.expected)
			}
		})
	}
}

// TestParse_RISEveryURL checks that no web address of a RIS record is lost:
// repeated UR lines, the links L1–L4, lists separated by ';' or white
// space, and the addresses of records merged as one work (their union).
// The real sample (rispy's example_full.ris) gives an L2 and a UR per record.
func TestParse_RISEveryURL(t *testing.T) {
	tests := []struct {
		name  string
		in    func(t *testing.T) string
		want  [][]string // the URL and OtherURLs of each citation
		notes []string   // in the citations' notes
	}{
		{"RealSample", func(t *testing.T) string { return readReal(t, "bibliography-rispy/example_full.ris") },
			[][]string{{"http://example_url.com", "http://example.com"}, {"http://example_url.com", "http://example2.com"}}, nil},
		{"RepeatedUR", func(*testing.T) string {
			return "TY  - JOUR\nAU  - Smith, J.\nTI  - T\nPY  - 2020\nUR  - https://a.org/1\nUR  - https://b.org/2\nER  - \n"
		}, [][]string{{"https://a.org/1", "https://b.org/2"}}, nil},
		{"Lists", func(*testing.T) string {
			return "TY  - JOUR\nAU  - Smith, J.\nTI  - T\nPY  - 2020\nUR  - https://a.org/1; https://b.org/2;https://c.org/3\n" +
				"L2  - https://d.org/4\n  https://e.org/5\nL1  - file:///home/x/paper.pdf\nL4  - https://f.org/6\nL3  - https://a.org/1\nER  - \n"
		}, [][]string{{"https://a.org/1", "https://b.org/2", "https://c.org/3", "https://d.org/4", "https://e.org/5", "https://f.org/6"}},
			[]string{"url: file:///home/x/paper.pdf"}},
		{"MergedRecords", func(*testing.T) string {
			return "TY  - JOUR\nAU  - Smith, J.\nTI  - Same work\nPY  - 2020\nUR  - https://a.org/1\nER  - \n" +
				"TY  - JOUR\nAU  - Smith, J.\nTI  - Same work\nPY  - 2020\nUR  - https://b.org/2\nDO  - 10.1000/xyz\nL1  - internal-pdf://1/x.pdf\nER  - \n"
		}, [][]string{{"https://a.org/1", "https://b.org/2"}}, []string{"url: internal-pdf://1/x.pdf"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := bib.Parse(strings.NewReader(tc.in(t)), "in.ris", bib.RIS)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != len(tc.want) {
				t.Fatalf("%d citations, want %d", len(cs), len(tc.want))
			}
			for i, c := range cs {
				got := append([]string{c.URL}, c.OtherURLs...)
				if strings.Join(got, " ") != strings.Join(tc.want[i], " ") {
					t.Errorf("citation %d: URLs %q, want %q", i+1, got, tc.want[i])
				}
				for _, n := range tc.notes {
					if !strings.Contains(c.Note, n) {
						t.Errorf("citation %d: note %q lacks %q", i+1, c.Note, n)
					}
				}
			}
			if tc.name == "MergedRecords" && cs[0].DOI != "10.1000/xyz" {
				t.Errorf("merged citation lost the DOI: %+v", cs[0])
			}
			// Every address is a schema:url of the work.
			for i, c := range cs {
				n := 0
				for _, q := range c.Quads("https://e.org/", graph.Term{}) {
					if q.P.Value == schema.SchemaURL {
						n++
					}
				}
				if n != len(tc.want[i]) {
					t.Errorf("citation %d: %d schema:url quads, want %d", i+1, n, len(tc.want[i]))
				}
			}
		})
	}
}
