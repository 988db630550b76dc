package bib_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
)

func TestParse_BibTeX(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want citation.Citation
	}{
		{
			name: "Article",
			in: `@article{smith2019,
  author = {Smith, John and Peña-López, I.},
  title = {{Open} Data},
  journal = {Journal of Things},
  year = {2019},
  volume = 3, number = {2}, pages = {1--10},
  doi = {DOI:10.1000/ABC},
}`,
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{person("Smith", "John"), person("Peña-López", "I.")},
				Year: "2019", Title: "Open Data", Container: "Journal of Things", Volume: "3", Issue: "2",
				Pages: "1-10", DOI: "10.1000/abc",
			},
		},
		{
			name: "YearSuffixFromKey",
			in:   `@book{smith2019b, author = {John Smith}, title = {T}, year = {2019}}`,
			want: citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Smith", "John")}, Year: "2019b", Title: "T"},
		},
		{
			name: "YearSuffixInData",
			in:   `@book{k, author = {John Smith}, title = {T}, year = {2019c}}`,
			want: citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Smith", "John")}, Year: "2019c", Title: "T"},
		},
		{
			name: "NoSuffixWhenKeyWordFollows",
			in:   `@book{smith2019about, author = {John Smith}, title = {T}, year = {2019}}`,
			want: citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Smith", "John")}, Year: "2019", Title: "T"},
		},
		{
			name: "Accents",
			in: `@book{k, author = {M{\"u}ller, J{\"o}rg and Fran\c{c}ois Truffaut and Dvo\v{r}\'ak, Anton{\'\i}n and {\O}re, S{\o}ren},
  title = {{\` + "`" + `A} la {\^e}tre na\"ive \~n \={o} \.{z} \u{g} \H{o} \k{a} \r{u} \aa\ \AE \oe\ \ss \l \i},
  year = 2000}`,
			want: citation.Citation{
				Type: citation.TypeBook,
				Authors: []citation.Person{person("Müller", "Jörg"), person("Truffaut", "François"),
					person("Dvořák", "Antonín"), person("Øre", "Søren")},
				Year: "2000", Title: "À la être naïve ñ ō ż ğ ő ą ů å Ɯ ßłı", /* TeX eats the space after a control word */
			},
		},
		{
			name: "NameForms",
			in: `@book{k, author = {Ludwig van Beethoven and de la Fontaine, Jean and King, Jr., Martin Luther and
  {World Health Organization} and {Barnes and Noble} and D.~E. Knuth and Plato and others}, title = {T}, year = 1999}`,
			want: citation.Citation{
				Type: citation.TypeBook,
				Authors: []citation.Person{person("van Beethoven", "Ludwig"), person("de la Fontaine", "Jean"),
					person("King Jr.", "Martin Luther"), person("World Health Organization", ""),
					person("Barnes and Noble", ""), person("Knuth", "D.E."), person("Plato", "")},
				Year: "1999", Title: "T",
			},
		},
		{
			name: "StringsAndConcatenation",
			in: `@string{pub = "Oxford University Press"}
@STRING(city = {Ox} # "ford")
@book{k, author = {A, B}, title = "Part " # {One}, publisher = pub, address = city, year = 2001, month = jan}`,
			want: citation.Citation{
				Type: citation.TypeBook, Authors: []citation.Person{person("A", "B.")}, Year: "2001", Title: "Part One",
				Publisher: "Oxford University Press", Publishers: []string{"Oxford University Press"}, Place: "Oxford",
			},
		},
		{
			name: "ChapterEditors",
			in:   `@incollection{k, author = {A, B}, editor = {C, D and E, F}, title = {Ch}, booktitle = {Book}, year = 2001, chapter = 4, pages = {5-9}}`,
			want: citation.Citation{
				Type: citation.TypeChapter, Authors: []citation.Person{person("A", "B.")},
				ContainerEditors: []citation.Person{person("C", "D."), person("E", "F.")},
				Year:             "2001", Title: "Ch", Container: "Book", Chapter: "4", Pages: "5-9",
			},
		},
		{
			name: "EditedBook",
			in:   `@book{k, editor = {C, D}, title = {Book}, year = 2001}`,
			want: citation.Citation{Type: citation.TypeBook, Editors: []citation.Person{person("C", "D.")}, Year: "2001", Title: "Book"},
		},
		{
			name: "ReportNumberAndInstitution",
			in:   `@techreport(k, author = {{OECD}}, title = {R}, institution = {OECD Publishing}, number = {63}, year = 2017, language = {English})`,
			want: citation.Citation{
				Type: citation.TypeReport, Authors: []citation.Person{person("OECD", "")}, Year: "2017", Title: "R",
				Number: "63", Publisher: "OECD Publishing", Publishers: []string{"OECD Publishing"}, Language: "en",
			},
		},
		{
			name: "MiscWithURLIsWebPage",
			in:   `@misc{k, author = {A, B}, title = {Post}, howpublished = {\url{https://example.org/a_b}}, year = 2023, month = {aug}, day = 22}`,
			want: citation.Citation{
				Type: citation.TypeWebPage, Authors: []citation.Person{person("A", "B.")}, Year: "2023", Title: "Post",
				Date: "22 August 2023", URL: "https://example.org/a_b",
			},
		},
		{
			name: "MiscWithoutURLIsReport",
			in:   `@misc{k, author = {A, B}, title = {Thing}, year = 2023}`,
			want: citation.Citation{Type: citation.TypeReport, Authors: []citation.Person{person("A", "B.")}, Year: "2023", Title: "Thing"},
		},
		{
			name: "BiblatexDate",
			in:   `@online{k, author = {A, B}, title = {Page}, date = {2021-03-04}, url = {https://example.org/~a/b--c}}`,
			want: citation.Citation{
				Type: citation.TypeWebPage, Authors: []citation.Person{person("A", "B.")}, Year: "2021", Title: "Page",
				Date: "4 March 2021", URL: "https://example.org/~a/b--c",
			},
		},
		{
			name: "UnusableValuesKeptInNote",
			in:   `@unpublished{k, author = {A, B}, title = {Draft}, year = {forthcoming}, doi = {n/a}, url = {ftp://x.org/f}, language = {Elvish tongue}, note = {Draft}}`,
			want: citation.Citation{
				Type: citation.TypeWorkingPaper, Authors: []citation.Person{person("A", "B.")}, Title: "Draft",
				Note: "Draft; year: forthcoming; url: ftp://x.org/f; doi: n/a; language: Elvish tongue",
			},
		},
		{
			name: "CommentsAndAtSignsBetweenEntries",
			in: `Write to jane@example.org for corrections.
  % @book{out, title = {Commented out with a percent sign}}
@comment{ @article{no, title = {No}} }
@preamble{"\newcommand{\x}{}"}
@inproceedings{k, author = {A, B}, title = {Paper}, booktitle = {Proc.}, year = 2020}`,
			want: citation.Citation{
				Type: citation.TypePaper, Authors: []citation.Person{person("A", "B.")}, Year: "2020", Title: "Paper", Container: "Proc.",
			},
		},
		{
			name: "LaTeXCommands",
			in:   `@article{k, author = {A, B}, title = {The \emph{Big} \textbf{Data} -- a ` + "``" + `review'' of $\alpha$-helices at 5\% in \LaTeX---really}, year = 2020}`,
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{person("A", "B.")}, Year: "2020",
				Title: "The Big Data – a “review” of α-helices at 5% in LaTeX—really",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := parseOne(t, tc.in, bib.BibTeX)
			got.Line, got.Raw = 0, ""
			compareCitation(t, tc.name, got, tc.want)
		})
	}
}

// TestParse_BibTeXPositions checks Line and Raw with CRLF line ends and
// entries that share a line.
func TestParse_BibTeXPositions(t *testing.T) {
	in := "% head\r\n\r\n@book{a, title = {A},\r\n year = 2001}\r\n@book{b, title={B}, year=2002} @book{c, title={C}, year=2003}\n"
	cs, err := bib.Parse(strings.NewReader(in), "in.bib", bib.BibTeX)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 3 {
		t.Fatalf("Parse gave %d citations, want 3", len(cs))
	}
	for i, want := range []struct {
		line int
		raw  string
	}{
		{3, "@book{a, title = {A},\r\n year = 2001}"},
		{5, "@book{b, title={B}, year=2002}"},
		{5, "@book{c, title={C}, year=2003}"},
	} {
		if cs[i].Line != want.line || cs[i].Raw != want.raw {
			t.Errorf("citation %d: Line, Raw = %d, %q, want %d, %q", i, cs[i].Line, cs[i].Raw, want.line, want.raw)
		}
	}
}

func TestParse_BibTeXErrors(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		line, col int
		found     string
		expected  string
	}{
		{"UnclosedEntry", "@article{x,\n  title = {A},\n", 3, 1, "end of input", "'}' to close entry (opened on line 1)"},
		{"UnclosedParenEntry", "@article(x, title = {A}", 1, 24, "end of input", "')' to close entry (opened on line 1)"},
		{"UnclosedBrace", "@article{x,\n title = {A {B}", 2, 16, "end of input", "'}' to close field title (opened on line 2)"},
		{"UnclosedQuote", "@article{x, title = \"A", 1, 23, "end of input", "'\"' to close field title (opened on line 1)"},
		{"BraceClosesQuote", "@article{x, title = \"A}\"}", 1, 23, `"}\"}"`, "'\"' to close field title (opened on line 1)"},
		{"MissingEquals", "@article{x, title {A}}", 1, 19, `"{A}}"`, "'=' after field title"},
		{"MissingComma", "@article{x, title = {A}\n year = 2019}", 2, 2, `"year = 2019}"`, "',' or '}' after field title"},
		{"MissingFieldName", "@article{x, = {A}}", 1, 13, `"= {A}}"`, "a field name or '}'"},
		{"MissingValue", "@article{x, title = ,}", 1, 21, `",}"`, "a value for field title: '{', '\"', a number or a @string name"},
		{"UndefinedMacro", "@article{x, publisher = acme}", 1, 25, `"acme"`, "a defined @string name"},
		{"MissingType", "@{x, title = {A}}", 1, 2, `"{x, title = {A}}"`, "an entry type after '@'"},
		{"MissingBrace", "  @article x", 1, 12, `"x"`, "'{' or '(' after @article"},
		{"MissingKey", "@article{, title = {A}}", 1, 10, `", title = {A}}"`, "a citation key after @article"},
		{"KeyWithoutComma", "@article{x y}", 1, 12, `"y}"`, "',' after the citation key x"},
		{"UnclosedComment", "@comment{ abc", 1, 14, "end of input", "'}' to close entry (opened on line 1)"},
		{"StringWithoutName", "@string{ = {x}}", 1, 10, `"= {x}}"`, "a macro name after @string"},
		{"StringWithoutEquals", "@string{foo {x}}", 1, 13, `"{x}}"`, "'=' after @string name foo"},
		{"InvalidUTF8", "@article{x,\n title = {caf\xe9}}", 2, 14, `"\xe9}}"`, "UTF-8 text"},
		{"SecondEntryBad", "@book{a, title = {A}, year = 2001}\n\n@book{b, title = {B} year = 2002}", 3, 22, `"year = 2002}"`, "',' or '}' after field title"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := bib.Parse(strings.NewReader(tc.in), "refs.bib", bib.BibTeX)
			var pe *bib.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want a *ParseError", tc.in, err)
			}
			if !errors.Is(err, bib.ErrSyntax) {
				t.Errorf("error %v does not match ErrSyntax", err)
			}
			if pe.File != "refs.bib" || pe.Line != tc.line || pe.Col != tc.col || pe.Path != "" ||
				pe.Found != tc.found || pe.Expected != tc.expected {
				t.Errorf("Parse(%q) error = %s:%d:%d path %q found %s expected %q, want refs.bib:%d:%d found %s expected %q",
					tc.in, pe.File, pe.Line, pe.Col, pe.Path, pe.Found, pe.Expected, tc.line, tc.col, tc.found, tc.expected)
			}
		})
	}
}

func TestParseError_Error(t *testing.T) {
	tests := []struct {
		err  bib.ParseError
		want string
	}{
		{bib.ParseError{File: "refs.bib", Line: 12, Col: 5, Found: "end of input", Expected: "'}' to close entry"},
			"refs.bib:12:5: expected '}' to close entry, found end of input"},
		{bib.ParseError{File: "refs.json", Line: 3, Col: 15, Path: "[3].issued", Found: `"x"`, Expected: "date-parts"},
			`refs.json:3:15: [3].issued: expected date-parts, found "x"`},
		{bib.ParseError{Line: 1, Col: 1, Expected: "TY  - to start a record"},
			"1:1: expected TY  - to start a record, found end of input"},
	}
	for _, tc := range tests {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
}

// TestParse_BibTeXNothingLost checks the fields BibTeX readers used to
// lose: what a crossref names (year, booktitle from its title, editors,
// publisher), the subtitle, and the title of a @proceedings named only by
// its booktitle.
func TestParse_BibTeXNothingLost(t *testing.T) {
	const proceedings = `@proceedings{conf2021,
  title = {Proceedings of the Conference on Things},
  subtitle = {Selected papers},
  editor = {Brown, Bob and White, Wendy},
  publisher = {ACM},
  address = {New York},
  year = 2021,
}
`
	const paper = `@inproceedings{smith2021,
  author = {Smith, John},
  title = {A paper},
  pages = {1--10},
  crossref = {conf2021},
}
`
	inherited := citation.Citation{
		Type: citation.TypePaper, Authors: []citation.Person{person("Smith", "John")}, Title: "A paper",
		Container: "Proceedings of the Conference on Things: Selected papers", Year: "2021", Pages: "1-10",
		ContainerEditors: []citation.Person{person("Brown", "Bob"), person("White", "Wendy")},
		Publisher:        "ACM", Publishers: []string{"ACM"}, Place: "New York",
	}
	volume := citation.Citation{
		Type: citation.TypeBook, Editors: []citation.Person{person("Brown", "Bob"), person("White", "Wendy")},
		Title: "Proceedings of the Conference on Things: Selected papers", Year: "2021",
		Publisher: "ACM", Publishers: []string{"ACM"}, Place: "New York",
	}
	tests := []struct {
		name string
		in   string
		want []citation.Citation
	}{
		{"CrossrefAfter", paper + proceedings, []citation.Citation{volume, inherited}},
		{"CrossrefBefore", proceedings + paper, []citation.Citation{volume, inherited}},
		{"CrossrefOwnFieldsWin", proceedings + `@inproceedings{x, author = {Doe, Jane}, title = {Other}, year = 2022, booktitle = {Own book}, crossref = {CONF2021}}`,
			[]citation.Citation{volume, {
				Type: citation.TypePaper, Authors: []citation.Person{person("Doe", "Jane")}, Title: "Other", Container: "Own book", Year: "2022",
				ContainerEditors: []citation.Person{person("Brown", "Bob"), person("White", "Wendy")},
				Publisher:        "ACM", Publishers: []string{"ACM"}, Place: "New York",
			}}},
		{"CrossrefMissing", `@inproceedings{y, author = {Doe, Jane}, title = {Alone}, year = 2020, crossref = {nowhere}}`,
			[]citation.Citation{{Type: citation.TypePaper, Authors: []citation.Person{person("Doe", "Jane")}, Title: "Alone", Year: "2020",
				Note: "crossref: nowhere (not in the file)"}}},
		{"Subtitle", `@book{b, author = {Doe, Jane}, title = {Why?}, subtitle = {An answer}, year = 2020}
@article{a, author = {Doe, Jane}, title = {Main}, subtitle = {Sub}, journal = {J}, year = 2019}`,
			[]citation.Citation{
				{Type: citation.TypeBook, Authors: []citation.Person{person("Doe", "Jane")}, Title: "Why? An answer", Year: "2020"},
				{Type: citation.TypeArticle, Authors: []citation.Person{person("Doe", "Jane")}, Title: "Main: Sub", Container: "J", Year: "2019"},
			}},
		{"ProceedingsWithOnlyBooktitle", `@proceedings{p, editor = {Brown, Bob}, booktitle = {Proceedings of X}, year = 2018, publisher = {IEEE}}`,
			[]citation.Citation{{Type: citation.TypeBook, Editors: []citation.Person{person("Brown", "Bob")}, Title: "Proceedings of X", Year: "2018",
				Publisher: "IEEE", Publishers: []string{"IEEE"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := bib.Parse(strings.NewReader(tc.in), "in.bib", bib.BibTeX)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != len(tc.want) {
				t.Fatalf("Parse gave %d citations, want %d: %+v", len(cs), len(tc.want), cs)
			}
			for i := range cs {
				got := cs[i]
				got.Line, got.Raw = 0, ""
				if !reflect.DeepEqual(got, tc.want[i]) {
					t.Errorf("citation %d:\n got %+v\nwant %+v", i+1, got, tc.want[i])
				}
			}
		})
	}
}
