package bib_test

import (
	"errors"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
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
