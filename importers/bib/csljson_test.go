package bib_test

import (
	"errors"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
)

func TestParse_CSLJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want citation.Citation
	}{
		{
			name: "Article",
			in: `[{"id": "smith2019a", "type": "article-journal", "title": "Open <i>Data</i>",
				"container-title": "Journal", "author": [{"family": "Smith", "given": "John"}, {"literal": "OECD"}],
				"issued": {"date-parts": [[2019, 3, 14]]}, "volume": 7, "issue": "2", "page": "1–10",
				"DOI": "https://doi.org/10.1000/XYZ", "URL": "https://example.org/x", "language": "eng"}]`,
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{person("Smith", "John"), person("OECD", "")},
				Year: "2019a", Title: "Open Data", Container: "Journal", Volume: "7", Issue: "2", Pages: "1-10",
				Date: "14 March 2019", DOI: "10.1000/xyz", URL: "https://example.org/x", Language: "en",
			},
		},
		{
			name: "SingleItem",
			in:   `{"type": "post-weblog", "title": "Post", "publisher": {"name": "DataCite"}, "issued": {"date-parts": [[2016, 12, 20]]}, "author": [{"family": "Fenner", "given": "Martin"}]}`,
			want: citation.Citation{
				Type: citation.TypeWebPage, Authors: []citation.Person{person("Fenner", "Martin")}, Year: "2016", Title: "Post",
				Date: "20 December 2016", Publisher: "DataCite", Publishers: []string{"DataCite"},
			},
		},
		{
			name: "ChapterParticlesAndSuffix",
			in: `[{"type": "chapter", "title": "Ch", "container-title": "Book", "year-suffix": "b",
				"author": [{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}, {"family": "King", "given": "M. L.", "suffix": "Jr."}],
				"editor": [{"family": "Brown", "given": "Bob"}], "issued": {"date-parts": [["2021"]]},
				"publisher": "Springer", "publisher-place": "Cham", "collection-title": "Series", "chapter-number": 4}]`,
			want: citation.Citation{
				Type: citation.TypeChapter, Authors: []citation.Person{person("van Beethoven", "Ludwig"), person("King Jr.", "M.L.")},
				ContainerEditors: []citation.Person{person("Brown", "Bob")}, Year: "2021b", Title: "Ch", Container: "Book",
				Series: "Series", Chapter: "4", Publisher: "Springer", Publishers: []string{"Springer"}, Place: "Cham",
			},
		},
		{
			name: "CrossrefArraysAndEDTF",
			in:   `[{"type": "report", "title": ["Report", "Other"], "container-title": [], "author": [{"family": "A", "given": "B"}], "issued": "2020-05", "number": "WP-7"}]`,
			want: citation.Citation{Type: citation.TypeReport, Authors: []citation.Person{person("A", "B.")}, Year: "2020", Title: "Report", Number: "WP-7"},
		},
		{
			name: "LaTeXInTitleAndRawDate",
			in:   `[{"type": "paper-conference", "title": "Exposici\\'on {T}emprana", "author": [{"family": "A", "given": "B"}], "issued": {"raw": "Spring 2022"}}]`,
			want: citation.Citation{Type: citation.TypePaper, Authors: []citation.Person{person("A", "B.")}, Year: "2022", Title: "Exposición Temprana", Note: "date: Spring 2022"},
		},
		{
			name: "UnknownTypeAndNulls",
			in:   `[{"type": "song", "title": "Tune", "author": null, "issued": null, "URL": null, "custom": {"a": [1, {"b": 2}]}}]`,
			want: citation.Citation{Type: citation.TypeReport, Title: "Tune"},
		},
		{
			name: "GivenOnlyAndBOM",
			in:   "\ufeff" + `[{"type": "book", "title": "T", "author": [{"given": "Madonna"}], "issued": {"date-parts": [[1999]]}}]`,
			want: citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Madonna", "")}, Year: "1999", Title: "T"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := parseOne(t, tc.in, bib.CSLJSON)
			got.Line, got.Raw = 0, ""
			compareCitation(t, tc.name, got, tc.want)
		})
	}
}

// TestParse_CSLJSONRaw checks that Raw is each item's JSON text and Line
// the line of its opening brace.
func TestParse_CSLJSONRaw(t *testing.T) {
	in := "[\n  {\"type\": \"book\", \"title\": \"A\"},\n\n  {\"type\": \"book\",\n   \"title\": \"B\"}\n]\n"
	cs, err := bib.Parse(strings.NewReader(in), "in.json", bib.CSLJSON)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 {
		t.Fatalf("Parse gave %d citations, want 2", len(cs))
	}
	want := []struct {
		line int
		raw  string
	}{
		{2, `{"type": "book", "title": "A"}`},
		{4, "{\"type\": \"book\",\n   \"title\": \"B\"}"},
	}
	for i, w := range want {
		if cs[i].Line != w.line || cs[i].Raw != w.raw {
			t.Errorf("citation %d: Line, Raw = %d, %q, want %d, %q", i, cs[i].Line, cs[i].Raw, w.line, w.raw)
		}
	}
}

func TestParse_CSLJSONErrors(t *testing.T) {
	book := `{"type": "book", "title": "T"}, `
	tests := []struct {
		name      string
		in        string
		line, col int
		path      string
		found     string
		expected  string
	}{
		{"Empty", "", 1, 1, "", "end of input", "an array of CSL-JSON items"},
		{"NotAnArray", `"x"`, 1, 1, "", `"x"`, "an array of CSL-JSON items"},
		{"ItemNotAnObject", `[1]`, 1, 2, "[0]", "1", "a CSL-JSON item (an object)"},
		{"IssuedNotADate", "[" + book + book + book + `{"type": "book",` + "\n" + ` "issued": "x"}]`, 2, 12, "[3].issued", `"x"`, "date-parts"},
		{"IssuedNumberList", `[{"type": "book", "issued": [2019]}]`, 1, 29, "[0].issued", "an array", "date-parts"},
		{"DatePartNotANumber", `[{"type": "book", "issued": {"date-parts": [["x"]]}}]`, 1, 46, "[0].issued.date-parts[0][0]", `"x"`, "a year (a number)"},
		{"MonthNotANumber", `[{"type": "book", "issued": {"date-parts": [[2019, "May"]]}}]`, 1, 52, "[0].issued.date-parts[0][1]", `"May"`, "a month (a number)"},
		{"DatePartsNotArrays", `[{"type": "book", "issued": {"date-parts": [2019]}}]`, 1, 45, "[0].issued.date-parts[0]", "2019", "a date, [year, month, day]"},
		{"AuthorNotAnArray", `[{"type": "book", "author": {"family": "A"}}]`, 1, 29, "[0].author", "an object", "an array of names"},
		{"AuthorNotAnObject", `[{"type": "book", "author": ["Smith, J."]}]`, 1, 30, "[0].author[0]", `"Smith, J."`, "a name (an object)"},
		{"FamilyNotAString", `[{"type": "book", "editor": [{"given": "J", "family": true}]}]`, 1, 55, "[0].editor[0].family", "true", "a string"},
		{"TitleNotAString", `[{"type": "book", "title": {"x": 1}}]`, 1, 28, "[0].title", "an object", "a string"},
		{"TitleArrayOfNumbers", `[{"type": "book", "title": [1]}]`, 1, 29, "[0].title[0]", "1", "a string"},
		{"PublisherWithoutName", `[{"type": "book", "publisher": [{"n": 1}]}]`, 1, 33, "[0].publisher[0]", "an object", "a string"},
		{"MissingType", `[` + book + `{"title": "T"}]`, 1, 34, "[1]", `an item without "type"`, `"type", the item type`},
		{"TypeNotAString", `[{"type": 3}]`, 1, 11, "[0].type", "3", "an item type (a string)"},
		{"IDNotAString", `[{"type": "book", "id": [1]}]`, 1, 25, "[0].id", "an array", "an id (a string or a number)"},
		{"InvalidJSON", "[{\"type\" \"book\"}]", 1, 10, "[0].type", `"\"book\"}]"`, "valid JSON (invalid character '\"' after object key)"},
		{"TrailingComma", `[{"type": "book"},]`, 1, 19, "[1]", `"]"`, "valid JSON (invalid character ']' looking for beginning of value)"},
		{"Truncated", "[{\"type\": \"book\"", 1, 17, "[0]", "end of input", "a field name or '}' to close the item"},
		{"TruncatedArray", "[{\"type\": \"book\"}\n", 2, 1, "[1]", "end of input", "a CSL-JSON item (an object) or ']'"},
		{"TrailingValue", `[] {}`, 1, 4, "", "an object", "end of input after the top-level value"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bib.Parse(strings.NewReader(tc.in), "refs.json", bib.CSLJSON)
			var pe *bib.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want a *ParseError", tc.in, err)
			}
			if !errors.Is(err, bib.ErrSyntax) {
				t.Errorf("error %v does not match ErrSyntax", err)
			}
			if pe.File != "refs.json" || pe.Line != tc.line || pe.Col != tc.col || pe.Path != tc.path ||
				pe.Found != tc.found || pe.Expected != tc.expected {
				t.Errorf("Parse(%q) error = %s:%d:%d path %q found %s expected %q,\nwant refs.json:%d:%d path %q found %s expected %q",
					tc.in, pe.File, pe.Line, pe.Col, pe.Path, pe.Found, pe.Expected, tc.line, tc.col, tc.path, tc.found, tc.expected)
			}
		})
	}
}
