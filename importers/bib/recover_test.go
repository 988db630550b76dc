package bib_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// parseErrors returns the ParseErrors an error from a Reader lists, in
// order, and how many problems it counts in all.
func parseErrors(tb testing.TB, err error) ([]*bib.ParseError, int) {
	tb.Helper()
	if err == nil {
		return nil, 0
	}
	errs := []error{err}
	total := 1
	var l *problems.List
	if errors.As(err, &l) {
		errs, total = l.Errors, l.Total
	}
	var out []*bib.ParseError
	for _, e := range errs {
		var pe *bib.ParseError
		if !errors.As(e, &pe) {
			tb.Fatalf("listed error %v is not a *ParseError", e)
		}
		out = append(out, pe)
	}
	return out, total
}

// TestReader_GoesOnAfterErrors checks that the Reader skips a bad entry,
// reads the next ones, and lists every error at the end with where it is.
func TestReader_GoesOnAfterErrors(t *testing.T) {
	tests := []struct {
		name   string
		format bib.Format
		in     string
		titles []string // of the entries read
		errs   []string // "line:col path: expected"
	}{
		{"BibTeX/MissingComma", bib.BibTeX,
			"@book{a, title = {A}, year = 2001}\n@book{b, title = {B} year = 2002}\n@book{c, title = {C}, year = 2003}\n",
			[]string{"A", "C"}, []string{"2:22: ',' or '}' after field title"}},
		{"BibTeX/ThreeBad", bib.BibTeX,
			"@book{a, title = {A}}\n@book{, title = {B}}\n@book{c title = {C}}\n@book{d, title = {D}}\n@book{e, title {E}}\n% note x@y.org\n@book{f, title = {F}}\n",
			[]string{"A", "D", "F"}, []string{
				"2:7: a citation key after @book",
				"3:9: ',' after the citation key c",
				"5:16: '=' after field title",
			}},
		{"BibTeX/EntryInterruptedByNext", bib.BibTeX,
			"@book{a, title = {A},\n@book{b, title = {B}}\n",
			[]string{"B"}, []string{"2:1: a field name or '}'"}},
		{"BibTeX/SameLine", bib.BibTeX,
			"@book{a, title = {A} x} @book{b, title = {B}}\n",
			[]string{"B"}, []string{"1:22: ',' or '}' after field title"}},
		{"BibTeX/UnclosedBraceSwallowsTheRest", bib.BibTeX,
			"@book{a, title = {A {B}\n@book{b, title = {B}}\n\n  @book{c, title = {C}}\n",
			[]string{"B", "C"}, []string{"2:1: '}' to close field title (opened on line 1)"}},
		{"BibTeX/TwoUnclosed", bib.BibTeX,
			"@book{a, title = {A {B}\n@book{b, title = {{B}\n@book{c, title = {C}}\n",
			[]string{"C"}, []string{
				"2:1: '}' to close field title (opened on line 1)",
				"3:1: '}' to close field title (opened on line 2)",
			}},
		{"BibTeX/UnclosedAtTheEnd", bib.BibTeX,
			"@book{a, title = {A}}\n@book{b, title = {B}\n",
			[]string{"A"}, []string{"3:1: '}' to close entry (opened on line 2)"}},
		{"BibTeX/UndefinedMacroAndBadString", bib.BibTeX,
			"@string{x {y}}\n@book{a, title = x}\n@book{b, title = {B}}\n",
			[]string{"B"}, []string{"1:11: '=' after @string name x", "2:18: a defined @string name"}},
		{"RIS/NewTYBeforeER", bib.RIS,
			"TY  - JOUR\nTI  - A\nTY  - BOOK\nTI  - B\nER  - \n",
			[]string{"B"}, []string{"3:1: ER  - to end the record begun on line 1 before a new TY"}},
		{"RIS/ThreeBad", bib.RIS,
			"AU  - Smith, J.\nTY  - BOOK\nTI  - A\nER  - \nTY  - \nTI  - lost\nER  - \nTY  - JOUR\nTI  - caf\xe9\nER  - \nTY  - BOOK\nTI  - B\nER  - \n",
			[]string{"A", "B"}, []string{
				"1:1: TY  - to start a record",
				"5:7: a reference type after TY  -",
				"9:10: UTF-8 text",
			}},
		{"RIS/MissingERAtTheEnd", bib.RIS,
			"TY  - BOOK\nTI  - A\nER  - \nTY  - BOOK\nTI  - B\n",
			[]string{"A"}, []string{"5:8: ER  - to end the record (begun on line 4)"}},
		{"CSLJSON/BadField", bib.CSLJSON,
			`[{"type": "book", "title": "A"}, {"type": "book", "issued": "x", "title": "B"}, {"type": "book", "title": "C"}]`,
			[]string{"A", "C"}, []string{"1:61 [1].issued: date-parts"}},
		{"CSLJSON/ThreeBad", bib.CSLJSON,
			"[1,\n {\"type\": \"book\", \"title\": \"A\"},\n {\"type\": \"book\", \"author\": [{\"family\": true, \"given\": \"x\"}, {\"family\": \"F\"}], \"title\": \"B\"},\n {\"title\": \"no type\", \"x\": [[{}]]},\n [{\"type\": \"book\"}],\n {\"type\": \"book\", \"title\": \"C\"}]",
			[]string{"A", "C"}, []string{
				"1:2 [0]: a CSL-JSON item (an object)",
				"3:41 [2].author[0].family: a string",
				"4:2 [3]: \"type\", the item type",
				"5:2 [4]: a CSL-JSON item (an object)",
			}},
		{"CSLJSON/SyntaxErrorStops", bib.CSLJSON,
			`[{"type": "book", "title": "A"}, {"type" "book"}, {"type": "book", "title": "C"}]`,
			[]string{"A"}, []string{"1:42 [1].type: valid JSON (invalid character '\"' after object key)"}},
		{"CSLJSON/SingleItem", bib.CSLJSON,
			`{"type": "book", "issued": "x"} []`,
			nil, []string{"1:28 issued: date-parts", "1:33 : end of input after the top-level value"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := bib.NewReader(strings.NewReader(tc.in), "in", tc.format, schema.DefaultBase)
			var titles []string
			var err error
			for {
				var e bib.Entry
				if e, err = r.Next(); err != nil {
					break
				}
				titles = append(titles, e.Citation.Title)
			}
			if fmt.Sprint(titles) != fmt.Sprint(tc.titles) {
				t.Errorf("entries read: %q, want %q", titles, tc.titles)
			}
			if errors.Is(err, io.EOF) {
				t.Fatalf("no error at the end, want %q", tc.errs)
			}
			if !errors.Is(err, bib.ErrSyntax) {
				t.Errorf("error %v does not match ErrSyntax", err)
			}
			pes, total := parseErrors(t, err)
			var got []string
			for _, pe := range pes {
				s := fmt.Sprintf("%d:%d: %s", pe.Line, pe.Col, pe.Expected)
				if tc.format == bib.CSLJSON {
					s = fmt.Sprintf("%d:%d %s: %s", pe.Line, pe.Col, pe.Path, pe.Expected)
				}
				got = append(got, s)
				if pe.File != "in" || pe.Found == "" {
					t.Errorf("error %v has no file or nothing found", pe)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.errs, "\n") || total != len(tc.errs) {
				t.Errorf("errors (%d in all):\n%s\nwant:\n%s", total, strings.Join(got, "\n"), strings.Join(tc.errs, "\n"))
			}
			if _, err2 := r.Next(); err2 != err {
				t.Errorf("Next after the end = %v, want the same error", err2)
			}
			cs, perr := bib.Parse(strings.NewReader(tc.in), "in", tc.format)
			if len(cs) != len(tc.titles) || perr == nil || perr.Error() != err.Error() {
				t.Errorf("Parse = %d citations, %v; want %d and the Reader's error", len(cs), perr, len(tc.titles))
			}
		})
	}
}

// TestReader_ListsAHundredErrors checks the limit: the first 100 errors
// are listed, then a count of the rest.
func TestReader_ListsAHundredErrors(t *testing.T) {
	tests := []struct {
		format bib.Format
		good   string
		bad    string
	}{
		{bib.BibTeX, "@book{k, title = {T}}\n", "@book{k title = {T}}\n"},
		{bib.RIS, "TY  - BOOK\nTI  - T\nER  - \n", "TY  - \nTI  - T\nER  - \n"},
		{bib.CSLJSON, `{"type": "book", "title": "T"},` + "\n", `{"type": 1},` + "\n"},
	}
	for _, tc := range tests {
		for _, n := range []int{3, 100, 101, 250} {
			t.Run(fmt.Sprintf("%s/%d", tc.format, n), func(t *testing.T) {
				var b strings.Builder
				if tc.format == bib.CSLJSON {
					b.WriteString("[\n")
				}
				for range n {
					b.WriteString(tc.good + tc.bad)
				}
				b.WriteString(tc.good)
				in := b.String()
				if tc.format == bib.CSLJSON {
					in = strings.TrimSuffix(in, ",\n") + "]"
				}
				cs, err := bib.Parse(strings.NewReader(in), "in", tc.format)
				if len(cs) != 1 {
					t.Errorf("Parse gave %d citations, want 1 (all alike, merged)", len(cs))
				}
				pes, total := parseErrors(t, err)
				if len(pes) != min(n, 100) || total != n {
					t.Fatalf("%d errors listed of %d, want %d of %d", len(pes), total, min(n, 100), n)
				}
				for i := 1; i < len(pes); i++ {
					if pes[i].Line <= pes[i-1].Line {
						t.Errorf("errors out of order: line %d after line %d", pes[i].Line, pes[i-1].Line)
					}
				}
				if more := fmt.Sprintf("... and %d more problems (%d in all)", n-100, n); n > 100 && !strings.HasSuffix(err.Error(), more) {
					t.Errorf("Error() does not end with %q", more)
				}
			})
		}
	}
}
