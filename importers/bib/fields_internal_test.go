package bib

import (
	"reflect"
	"testing"

	"civicgraph/importers/citation"
)

func TestDecodeLaTeX(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain text`, `plain text`},
		{`{\'e}`, `é`},
		{`\'e`, `é`},
		{`\'{e}`, `é`},
		{`{\"u}`, `ü`},
		{`\"{U}ber`, `Über`},
		{`{\^o}`, `ô`},
		{"{\\`a}", `à`},
		{`\~{n}`, `ñ`},
		{`\c{c}\c c`, `çç`},
		{`\v{s}\v{Z}`, `šŽ`},
		{`\u{g}`, `ğ`},
		{`\H{o}`, `ő`},
		{`\k{e}`, `ę`},
		{`\r{a}`, `å`},
		{`\={o}`, `ō`},
		{`\.{z}`, `ż`},
		{`\'{\i}`, `í`},
		{`\'\i`, `í`},
		{`{\ss}`, `ß`},
		{`\o{} \O`, `ø Ø`},
		{`\aa\AA`, `åÅ`},
		{`\ae\ \AE`, `æ Æ`},
		{`\oe\OE`, `œŒ`},
		{`\l\L`, `łŁ`},
		{`\d{a}`, "a\u0323"},
		{`\'x`, "x\u0301"},
		{`\&\%\$\#\_\{\}`, `&%$#_{}`},
		{`a--b---c-d`, `a–b—c-d`},
		{"``quoted''", `“quoted”`},
		{"`single'", `‘single'`},
		{`D.~E.`, `D. E.`},
		{`\emph{x} \textbf{y} \textit{z}`, `x y z`},
		{`\href{http://x}{text}`, `text`},
		{`$\alpha$-helix $^{13}$C $H_2O$`, `α-helix 13C H2O`},
		{`\LaTeX{} and \TeX`, `LaTeX and TeX`},
		{`{{Braced}} {C}ase`, `Braced Case`},
		{`\textendash\textemdash\ldots`, `–—…`},
		{`trailing \`, `trailing `},
		{`\'`, ``},
		{`\'{`, ``},
	}
	for _, tc := range tests {
		if got := decodeLaTeX(tc.in); got != tc.want {
			t.Errorf("decodeLaTeX(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseBibTeXNames(t *testing.T) {
	p := func(family, given string) citation.Person { return citation.Person{Family: family, Given: given} }
	tests := []struct {
		in   string
		want []citation.Person
	}{
		{"Smith, John", []citation.Person{p("Smith", "John")}},
		{"John Smith", []citation.Person{p("Smith", "John")}},
		{"John Ronald Reuel Tolkien", []citation.Person{p("Tolkien", "John Ronald Reuel")}},
		{"Smith, John and Jane Doe AND Roe, R.", []citation.Person{p("Smith", "John"), p("Doe", "Jane"), p("Roe", "R.")}},
		{"Ludwig van Beethoven", []citation.Person{p("van Beethoven", "Ludwig")}},
		{"van Beethoven, Ludwig", []citation.Person{p("van Beethoven", "Ludwig")}},
		{"Jean de la Fontaine", []citation.Person{p("de la Fontaine", "Jean")}},
		{"King, Jr., Martin Luther", []citation.Person{p("King Jr.", "Martin Luther")}},
		{"{World Health Organization}", []citation.Person{p("World Health Organization", "")}},
		{"{Barnes and Noble} and Plato", []citation.Person{p("Barnes and Noble", ""), p("Plato", "")}},
		{"Smith, J. and others", []citation.Person{p("Smith", "J.")}},
		{`M{\"u}ller, J{\"o}rg`, []citation.Person{p("Müller", "Jörg")}},
		{`{\'E}mile Zola`, []citation.Person{p("Zola", "Émile")}},
		{"D.~E. Knuth", []citation.Person{p("Knuth", "D.E.")}},
		{"Christian S Hardtke", []citation.Person{p("Hardtke", "Christian S.")}},
		{"{van} Gogh, Vincent", []citation.Person{p("van Gogh", "Vincent")}},
		{"  ", nil},
		{"and", nil},
		{"Smith,", []citation.Person{p("Smith", "")}},
	}
	for _, tc := range tests {
		if got := cleanPeople(parseBibTeXNames(tc.in)); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseBibTeXNames(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}

func TestNormalisers(t *testing.T) {
	t.Run("DOI", func(t *testing.T) {
		tests := []struct {
			in, want string
			ok       bool
		}{
			{"10.1000/ABC", "10.1000/abc", true},
			{" doi:10.1000/abc ", "10.1000/abc", true},
			{"DOI: 10.1000/abc", "10.1000/abc", true},
			{"https://doi.org/10.1000/abc", "10.1000/abc", true},
			{"http://dx.doi.org/10.1371%2Fjournal.pbio.1001687", "10.1371/journal.pbio.1001687", true},
			{"10.1000/a b", "10.1000/a b", false},
			{"n/a", "n/a", false},
			{"10.12/x", "10.12/x", false},
		}
		for _, tc := range tests {
			if got, ok := normDOI(tc.in); got != tc.want || ok != tc.ok {
				t.Errorf("normDOI(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		}
	})
	t.Run("URL", func(t *testing.T) {
		tests := []struct {
			in, want string
			ok       bool
		}{
			{"https://example.org/a?b=c", "https://example.org/a?b=c", true},
			{"HTTP://Example.org/", "HTTP://Example.org/", true},
			{"http://example.org/a b{c}", "http://example.org/a%20b%7Bc%7D", true},
			{"www.example.org", "https://www.example.org", true},
			{"ftp://example.org", "", false},
			{"example.org", "", false},
			{"http://", "", false},
			{"https:///path", "", false},
			{"http://a.org/\x01", "", false},
		}
		for _, tc := range tests {
			if got, ok := normURL(tc.in); got != tc.want || ok != tc.ok {
				t.Errorf("normURL(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		}
	})
	t.Run("Language", func(t *testing.T) {
		tests := []struct {
			in, want string
			ok       bool
		}{
			{"en", "en", true}, {"English", "en", true}, {"eng", "en", true}, {"ENG", "en", true},
			{"català", "ca", true}, {"Spanish", "es", true}, {"en_US", "en-US", true}, {"eng-GB", "en-GB", true},
			{"fr-CA", "fr-CA", true}, {"tlh", "tlh", true}, {"Klingon language", "", false}, {"e", "", false},
		}
		for _, tc := range tests {
			if got, ok := normLanguage(tc.in); got != tc.want || ok != tc.ok {
				t.Errorf("normLanguage(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		}
	})
	t.Run("Mojibake", func(t *testing.T) {
		tests := []struct{ in, want string }{
			{"café", "café"},
			{"cafÃ©", "café"},
			{"Ã¢Â\u0080Â\u0098Sailing RockÃ¢Â\u0080Â\u0099", "‘Sailing Rock’"},
			{"â€œquotedâ€\u009d", "“quoted”"},
			{"été and Ã©tÃ©", "été and été"},
			{"Élise Ångström", "Élise Ångström"},
			{"Состояние", "Состояние"},
			{"Â", "Â"},
		}
		for _, tc := range tests {
			if got := fixMojibake(tc.in); got != tc.want {
				t.Errorf("fixMojibake(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	})
	t.Run("YearSuffix", func(t *testing.T) {
		tests := []struct{ key, year, want string }{
			{"smith2019a", "2019", "a"},
			{"Smith_2019b_title", "2019", "b"},
			{"smith2019", "2019", ""},
			{"smith2019about", "2019", ""},
			{"smith2019A", "2019", ""},
			{"120191a", "2019", ""},
			{"x2019-2019c", "2019", "c"},
			{"", "2019", ""},
		}
		for _, tc := range tests {
			if got := yearSuffixIn(tc.key, tc.year); got != tc.want {
				t.Errorf("yearSuffixIn(%q, %q) = %q, want %q", tc.key, tc.year, got, tc.want)
			}
		}
	})
	t.Run("Month", func(t *testing.T) {
		tests := []struct {
			in   string
			want int
		}{{"4", 4}, {"04", 4}, {"apr", 4}, {"April", 4}, {"Sept.", 9}, {"13", 0}, {"ma", 0}, {"spring", 0}, {"", 0}}
		for _, tc := range tests {
			if got := monthNumber(tc.in); got != tc.want {
				t.Errorf("monthNumber(%q) = %d, want %d", tc.in, got, tc.want)
			}
		}
	})
	t.Run("Pages", func(t *testing.T) {
		for in, want := range map[string]string{"12--34": "12-34", "12–34": "12-34", "12 - 34": "12-34", "e0815": "e0815", " 5 ": "5"} {
			if got := normPages(in); got != want {
				t.Errorf("normPages(%q) = %q, want %q", in, got, want)
			}
		}
	})
	t.Run("Initials", func(t *testing.T) {
		tests := []struct{ in, want string }{
			{"J. R.", "J.R."}, {"J.R.", "J.R."}, {"J R", "J.R."}, {"J", "J."}, {"J.-P.", "J.-P."},
			{"Christian S", "Christian S."}, {"Yu E.", "Yu E."}, {"Martin Luther", "Martin Luther"},
			{"Ó.", "Ó."}, {"jr", "jr"}, {"", ""},
		}
		for _, tc := range tests {
			if got := initials(tc.in); got != tc.want {
				t.Errorf("initials(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	})
	t.Run("InvalidDate", func(t *testing.T) {
		e := entry{typ: citation.TypeBook, year: "2019", month: "2", day: "30"}
		if c := e.citation(); c.Date != "" || c.Year != "2019" {
			t.Errorf("30 February: Date %q, Year %q; want no date, 2019", c.Date, c.Year)
		}
	})
}

func TestMerge(t *testing.T) {
	p := func(family string) []citation.Person { return []citation.Person{{Family: family, Given: "X."}} }
	a := citation.Citation{Type: citation.TypeArticle, Title: "One", Year: "2019", Authors: p("Smith"), DOI: "10.1000/x"}
	b := citation.Citation{Type: citation.TypeBook, Title: "Other", Year: "2020", Authors: p("Doe"), Publisher: "P",
		Publishers: []string{"P"}, Language: "en", Volume: "3"}
	m := merge(a, b)
	if m.Title != "One" || m.Year != "2019" || m.Type != citation.TypeArticle || m.Authors[0].Family != "Smith" {
		t.Errorf("merge overwrote fields a has: %+v", m)
	}
	if m.Publisher != "P" || m.Volume != "3" {
		t.Errorf("merge did not fill fields a lacks: %+v", m)
	}
	if m.Language != "" {
		t.Errorf("merge set Language %q on a citation whose title was already written without one", m.Language)
	}
	// Filling the year would change the IRI, so it is not filled.
	noYear := a
	noYear.Year = ""
	if m := merge(noYear, b); m.Year != "" || m.Slug() != noYear.Slug() {
		t.Errorf("merge changed the slug: %q, want %q", m.Slug(), noYear.Slug())
	}
}
