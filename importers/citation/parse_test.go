package citation_test

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"civicgraph/importers/citation"
	"civicgraph/rdf/problems"
)

// compareCitation reports every field of got that differs from want.
func compareCitation(t testing.TB, got, want citation.Citation) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < gv.NumField(); i++ {
		name := gv.Type().Field(i).Name
		g, w := gv.Field(i).Interface(), wv.Field(i).Interface()
		if gv.Field(i).Kind() == reflect.Slice && gv.Field(i).Len() == 0 && wv.Field(i).Len() == 0 {
			continue
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("line %d (%.40s...): %s = %#v, want %#v", want.Line, want.Raw, name, g, w)
		}
	}
}

func TestParse(t *testing.T) {
	p := func(family, given string) citation.Person { return citation.Person{Family: family, Given: given} }
	tests := []struct {
		name string
		in   string
		want citation.Citation
	}{
		{
			name: "Article",
			in:   "Blamey, A. & Mackenzie, M. (2007). “Theories of Change and Realistic Evaluation”. In Evaluation, 13 (4), 439-455. London: SAGE Publications.",
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{p("Blamey", "A."), p("Mackenzie", "M.")},
				Year: "2007", Title: "Theories of Change and Realistic Evaluation", Container: "Evaluation",
				Volume: "13", Issue: "4", Pages: "439-455", Place: "London", Publisher: "SAGE Publications",
				Publishers: []string{"SAGE Publications"}, Language: "en",
			},
		},
		{
			name: "ArticleIssueOnly",
			in:   "Cortés Abad, Ó. (2024). “Situación de la dirección pública profesional en España”. In Documentación Administrativa, (12), 8-27. Madrid: Instituto Nacional de Administración Pública.",
			want: citation.Citation{
				Type: citation.TypeArticle, Authors: []citation.Person{p("Cortés Abad", "Ó.")},
				Year: "2024", Title: "Situación de la dirección pública profesional en España", Container: "Documentación Administrativa",
				Issue: "12", Pages: "8-27", Place: "Madrid", Publisher: "Instituto Nacional de Administración Pública",
				Publishers: []string{"Instituto Nacional de Administración Pública"}, Language: "es",
			},
		},
		{
			name: "ChapterWithYearSuffix",
			in:   "Osborne, S.P. (2010b). “The (New) Public Governance: a suitable case for treatment?”. In Osborne, S.P. (Ed.), The New Public Governance? Emerging perspectives, Chapter 1, 1-16. London: Routledge.",
			want: citation.Citation{
				Type: citation.TypeChapter, Authors: []citation.Person{p("Osborne", "S.P.")},
				Year: "2010b", Title: "The (New) Public Governance: a suitable case for treatment?",
				Container: "The New Public Governance? Emerging perspectives", ContainerEditors: []citation.Person{p("Osborne", "S.P.")},
				Chapter: "1", Pages: "1-16", Place: "London", Publisher: "Routledge", Publishers: []string{"Routledge"}, Language: "en",
			},
		},
		{
			name: "EditedBook",
			in:   "Connell, J.P., Kubisch, A.C. & Weiss, C.H. (Eds.) (1995). New approaches to evaluating community initiatives: Concepts, Methods and Contexts. Queenstown: Aspen Institute.",
			want: citation.Citation{
				Type: citation.TypeBook, Editors: []citation.Person{p("Connell", "J.P."), p("Kubisch", "A.C."), p("Weiss", "C.H.")},
				Year: "1995", Title: "New approaches to evaluating community initiatives: Concepts, Methods and Contexts",
				Place: "Queenstown", Publisher: "Aspen Institute", Publishers: []string{"Aspen Institute"}, Language: "en",
			},
		},
		{
			name: "WorkingPaperSeries",
			in:   "Monteiro, B. & Dal Borgo, R. (2023). Supporting decision making with strategic foresight. OECD Working Papers on Public Governance, No. 63. Paris: OECD Publishing.",
			want: citation.Citation{
				Type: citation.TypeWorkingPaper, Authors: []citation.Person{p("Monteiro", "B."), p("Dal Borgo", "R.")},
				Year: "2023", Title: "Supporting decision making with strategic foresight",
				Series: "OECD Working Papers on Public Governance", Number: "63",
				Place: "Paris", Publisher: "OECD Publishing", Publishers: []string{"OECD Publishing"}, Language: "en",
			},
		},
		{
			name: "CorporateAuthorReport",
			in:   "Ada Lovelace Institute, AI Now Institute & Open Government Partnership (2021). Algorithmic Accountability for the Public Sector. London: Ada Lovelace Institute, AI Now Institute, Open Government.",
			want: citation.Citation{
				Type:    citation.TypeReport,
				Authors: []citation.Person{p("Ada Lovelace Institute", ""), p("AI Now Institute", ""), p("Open Government Partnership", "")},
				Year:    "2021", Title: "Algorithmic Accountability for the Public Sector",
				Place: "London", Publisher: "Ada Lovelace Institute, AI Now Institute, Open Government",
				Publishers: []string{"Ada Lovelace Institute", "AI Now Institute", "Open Government"}, Language: "en",
			},
		},
		{
			name: "TwoImprintsAndEdition",
			in:   "Brouwer, H. & van Vugt, S. (2016). The MSP Guide. How to design partnerships. 3rd edition. Wageningen: Wageningen University and Research, WCDI, and Rugby, UK: Practical Action Publishing.",
			want: citation.Citation{
				Type: citation.TypeBook, Authors: []citation.Person{p("Brouwer", "H."), p("van Vugt", "S.")},
				Year: "2016", Title: "The MSP Guide. How to design partnerships", Edition: "3rd edition",
				Place: "Wageningen; Rugby, UK", Publisher: "Wageningen University and Research, WCDI; Practical Action Publishing",
				Publishers: []string{"Wageningen University and Research", "WCDI", "Practical Action Publishing"}, Language: "en",
			},
		},
		{
			name: "ConferencePaper",
			in:   "Peña-López, I. (2025). Nova Governança Pública aplicada: un model de caixa d’eines. 4rt Congrés d’Economia i Empresa de Catalunya 2025. Barcelona: Col·legi d’Economistes de Catalunya.",
			want: citation.Citation{
				Type: citation.TypePaper, Authors: []citation.Person{p("Peña-López", "I.")},
				Year: "2025", Title: "Nova Governança Pública aplicada: un model de caixa d’eines",
				Container: "4rt Congrés d’Economia i Empresa de Catalunya 2025",
				Place:     "Barcelona", Publisher: "Col·legi d’Economistes de Catalunya",
				Publishers: []string{"Col·legi d’Economistes de Catalunya"}, Language: "ca",
			},
		},
		{
			name: "WebPost",
			in:   "Peña-López, I. (2023b). “Managing complexity for systemic impact”. In ICTlogy, 22 August 2023. Barcelona: ICTlogy.",
			want: citation.Citation{
				Type: citation.TypeWebPage, Authors: []citation.Person{p("Peña-López", "I.")},
				Year: "2023b", Title: "Managing complexity for systemic impact", Container: "ICTlogy", Date: "22 August 2023",
				Place: "Barcelona", Publisher: "ICTlogy", Publishers: []string{"ICTlogy"}, Language: "en",
			},
		},
		{
			name: "URLAndDOI",
			in:   "Smith, J. (2020). A study of things. Paris: OECD Publishing. https://doi.org/10.1787/abc.",
			want: citation.Citation{
				Type: citation.TypeBook, Authors: []citation.Person{p("Smith", "J.")},
				Year: "2020", Title: "A study of things", DOI: "10.1787/abc",
				Place: "Paris", Publisher: "OECD Publishing", Publishers: []string{"OECD Publishing"}, Language: "en",
			},
		},
		{
			name: "NoImprint",
			in:   "Mazzucato, M. (2023). Governing the economics of the common good.",
			want: citation.Citation{
				Type: citation.TypeBook, Authors: []citation.Person{p("Mazzucato", "M.")},
				Year: "2023", Title: "Governing the economics of the common good", Language: "en",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := citation.Parse(strings.NewReader("\n"+tc.in+"\n"), "t.txt")
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if len(got) != 1 {
				t.Fatalf("Parse(%q) gave %d citations, want 1", tc.in, len(got))
			}
			tc.want.Line, tc.want.Raw = 2, tc.in
			compareCitation(t, got[0], tc.want)
		})
	}
}

func TestParse_Errors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		line     int
		col      int
		expected string
	}{
		{"NoYear", "Smith, J. Title. Place: Publisher.", 1, 35, "(year) after the authors"},
		{"BadYear", "Smith, J. (20x9). Title.", 1, 11, "(year) such as (2019) or (2019a) after the authors"},
		{"NoAuthors", "(2019). Title.", 1, 1, "(year) such as (2019) or (2019a) after the authors"},
		{"NoPeriodAfterYear", "Smith, J. (2019) Title.", 1, 17, "'.' after (year)"},
		{"NoTitle", "Smith, J. (2019).", 1, 18, "title after (year)."},
		{"NoFinalPeriod", "Smith, J. (2019). Title", 1, 24, "'.' at the end of the citation"},
		{"InitialsFirst", "J., Smith (2019). Title.", 1, 1, "a family name before the initials"},
		{"EmptyName", "Smith, J., , Jones, K. (2019). Title.", 1, 12, "a name in the list of authors"},
		{"UnclosedQuote", "Smith, J. (2019). “Title. In Journal, 1 (2). London: X.", 1, 58, `closing quote followed by ". In " and the container`},
		{"SecondLine", "Smith, J. (2019). Title.\n\nbad line", 3, 9, "(year) after the authors"},
		{"BadUTF8", "Smith, J. (2019). T\xffitle.", 1, 20, "UTF-8 text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := citation.Parse(strings.NewReader(tc.in), "refs.txt")
			var pe *citation.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) error = %v, want a *ParseError", tc.in, err)
			}
			if !errors.Is(err, citation.ErrSyntax) {
				t.Errorf("Parse(%q) error does not wrap ErrSyntax", tc.in)
			}
			if pe.File != "refs.txt" || pe.Line != tc.line || pe.Col != tc.col || pe.Expected != tc.expected {
				t.Errorf("Parse(%q) error = %s:%d:%d expected %q, want refs.txt:%d:%d expected %q",
					tc.in, pe.File, pe.Line, pe.Col, pe.Expected, tc.line, tc.col, tc.expected)
			}
			if !strings.HasPrefix(err.Error(), "citation: refs.txt:") {
				t.Errorf("Error() = %q, want it to start with the package and file", err.Error())
			}
		})
	}
}

// TestReader_Read checks that a bad line is skipped and reported at the
// end of the input, and that the error stays.
func TestReader_Read(t *testing.T) {
	in := "\ufeffSmith, J. (2019a). One.\r\n\r\nSmith, J. (2019b). Two.\nbad\nSmith, J. (2020). Three.\n"
	r := citation.NewReader(strings.NewReader(in), "x.txt")
	for i, want := range []string{"One", "Two", "Three"} {
		c, err := r.Read()
		if err != nil {
			t.Fatalf("Read() #%d: %v", i, err)
		}
		if c.Title != want {
			t.Errorf("Read() #%d Title = %q, want %q", i, c.Title, want)
		}
	}
	_, err := r.Read()
	var pe *citation.ParseError
	if !errors.As(err, &pe) || pe.Line != 4 {
		t.Fatalf("Read() at the end = %v, want the ParseError on line 4", err)
	}
	if _, err2 := r.Read(); err2 != err {
		t.Errorf("Read() after an error = %v, want the same error %v", err2, err)
	}
	if _, err := citation.NewReader(strings.NewReader(""), "").Read(); err != io.EOF {
		t.Errorf("Read() on empty input = %v, want io.EOF", err)
	}
}

func TestCitation_Slug(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Peña-López, I. (2019a). “L’Estat com a plataforma”. In Nota d'Economia, 105, 193-208. Barcelona: Generalitat de Catalunya.", "pena-lopez-2019a-estat"},
		{"Peña-López, I. (2019b). Shifting participation into sovereignty. Barcelona: Huygens Editorial.", "pena-lopez-2019b-shifting"},
		{"European Commission, Chicot, J. & Lykogianni, E. (2018). Mission-oriented research. Brussels: Publications Office.", "chicot-2018-mission"},
		{"European Commission & Mazzucato, M. (2018). Mission-oriented research. Brussels: Publications Office.", "mazzucato-2018-mission"},
		{"OECD (2021a). The design and implementation of policies. Paris: OECD Publishing.", "oecd-2021a-design"},
		{"Connell, J.P. & Kubisch, A.C. (Eds.) (1995). New approaches. Queenstown: Aspen Institute.", "connell-1995-new"},
	}
	for _, tc := range tests {
		cs, err := citation.Parse(strings.NewReader(tc.in), "")
		if err != nil || len(cs) != 1 {
			t.Fatalf("Parse(%q) = %v, %v", tc.in, cs, err)
		}
		if got := cs[0].Slug(); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestParse_ListsEveryError checks that every bad line is listed, the
// first 100 of them, then a count, and that the good lines are read.
func TestParse_ListsEveryError(t *testing.T) {
	const good = "Smith, J. (2019). Title.\n"
	tests := []struct {
		name     string
		bad      int
		wantList int
	}{
		{"One", 1, 1},
		{"Three", 3, 3},
		{"Hundred", 100, 100},
		{"Many", 250, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			for range tc.bad {
				b.WriteString(good + "bad line\n")
			}
			cs, err := citation.Parse(strings.NewReader(b.String()), "refs.txt")
			if len(cs) != tc.bad {
				t.Errorf("Parse gave %d citations, want %d", len(cs), tc.bad)
			}
			var pe *citation.ParseError
			if !errors.As(err, &pe) || pe.Line != 2 {
				t.Fatalf("Parse error = %v, want the first ParseError on line 2", err)
			}
			if tc.bad == 1 {
				if err != error(pe) {
					t.Errorf("one bad line: error = %T, want the *ParseError itself", err)
				}
				return
			}
			var list *problems.List
			if !errors.As(err, &list) {
				t.Fatalf("error %T lists nothing", err)
			}
			errs := list.Errors
			if len(errs) != tc.wantList || list.Total != tc.bad {
				t.Errorf("%d errors listed of %d, want %d of %d", len(errs), list.Total, tc.wantList, tc.bad)
			}
			for i, e := range errs {
				if !errors.As(e, &pe) || pe.Line != 2*(i+1) {
					t.Errorf("error %d = %v, want a ParseError on line %d", i, e, 2*(i+1))
				}
			}
			more := fmt.Sprintf("... and %d more problems (%d in all)", tc.bad-tc.wantList, tc.bad)
			if got := strings.Contains(err.Error(), more); got != (tc.bad > tc.wantList) {
				t.Errorf("Error() ends %q, want the count line only past 100 problems", err.Error()[max(0, len(err.Error())-60):])
			}
		})
	}
}
