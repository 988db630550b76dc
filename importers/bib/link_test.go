package bib_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/bib"
	"civicgraph/importers/citation"
	"civicgraph/schema"
)

const linkBase = "https://example.org/"

// indexOf returns an Index of the quads of cs, as the store would hold
// them in graph g, and of extra.
func indexOf(cs []citation.Citation, extra ...graph.Quad) *bib.Index {
	ix := bib.NewIndex()
	g := graph.IRI("https://example.org/graph/seed")
	for _, c := range cs {
		ix.Add(c.Quads(linkBase, g))
	}
	ix.Add(extra)
	return ix
}

func iri(kind, slug string) string { return schema.EntityIRI(linkBase, kind, slug) }

// linkedAuthors links c and returns the IRIs of its authors and the IRI of
// its work.
func linkedAuthors(l *bib.Linker, c citation.Citation) (authors []string, work string) {
	for _, q := range l.Link(c, c.Quads(linkBase, graph.Term{})) {
		switch q.P.Value {
		case schema.DCTermsCreator:
			authors = append(authors, q.O.Value)
		case schema.DCTermsTitle:
			work = q.S.Value
		}
	}
	return authors, work
}

// TestLinker_Persons checks the rule that links an author to a person of
// the index: the same family name, normalised, and compatible given names;
// never two people who differ in a full given name, nor one of two
// candidates that do not settle it.
func TestLinker_Persons(t *testing.T) {
	tests := []struct {
		name   string
		stored []citation.Person
		cited  citation.Person
		want   string // the slug of the person linked to, "" for none
	}{
		{"InitialToFullName", []citation.Person{person("Smith", "J.")}, person("Smith", "John"), "smith-j"},
		{"FullNameToInitial", []citation.Person{person("Smith", "John")}, person("Smith", "J."), "smith-john"},
		{"DifferentFullNames", []citation.Person{person("Smith", "John")}, person("Smith", "Jane"), ""},
		{"DifferentInitials", []citation.Person{person("Smith", "J.")}, person("Smith", "K."), ""},
		{"MoreInitials", []citation.Person{person("Smith", "J.R.")}, person("Smith", "J."), "smith-j-r"},
		{"SecondNamesDiffer", []citation.Person{person("Smith", "John R.")}, person("Smith", "John Q."), ""},
		{"AccentsAndHyphens", []citation.Person{person("Peña-López", "I.")}, person("Pena Lopez", "Ismael"), "pena-lopez-i"},
		{"HyphenatedGiven", []citation.Person{person("Dupont", "J.-P.")}, person("Dupont", "Jean-Pierre"), "dupont-j-p"},
		{"Particle", []citation.Person{person("de la Cruz", "Ana")}, person("De La Cruz", "A."), "de-la-cruz-ana"},
		{"OneOfTwoFits", []citation.Person{person("Smith", "J."), person("Smith", "Jane")}, person("Smith", "John"), "smith-j"},
		{"TwoFitAmbiguous", []citation.Person{person("Smith", "John"), person("Smith", "Jane")}, person("Smith", "J."), ""},
		{"TwoFitOneExact", []citation.Person{person("Smith", "J."), person("Smith", "John")}, person("Smith", "John"), "smith-john"},
		{"OtherFamily", []citation.Person{person("Smith", "John")}, person("Smyth", "John"), ""},
		{"SameSlug", []citation.Person{person("Smith", "J.")}, person("Smith", "J"), "smith-j"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stored []citation.Citation
			for i, p := range tc.stored {
				stored = append(stored, citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{p},
					Year: "2001", Title: fmt.Sprintf("Stored %d", i)})
			}
			l := bib.NewLinker(indexOf(stored), linkBase)
			c := citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{tc.cited}, Year: "2020", Title: "New"}
			authors, _ := linkedAuthors(l, c)
			want := iri(schema.KindPerson, tc.cited.Slug())
			if tc.want != "" {
				want = iri(schema.KindPerson, tc.want)
			}
			if len(authors) != 1 || authors[0] != want {
				t.Errorf("%+v linked to %v, want %s", tc.cited, authors, want)
			}
			if got, wantN := l.Stats().Persons, min(len(tc.want), 1); got != wantN {
				t.Errorf("Stats().Persons = %d, want %d", got, wantN)
			}
		})
	}
}

// TestLinker_References checks which stored work an entry is: by DOI,
// else by normalised title, year and first author; never across two DOIs.
func TestLinker_References(t *testing.T) {
	smith := []citation.Person{person("Smith", "J.")}
	stored := []citation.Citation{
		{Type: citation.TypeArticle, Authors: smith, Year: "2019a", Title: "Open data in cities", DOI: "10.1000/open"},
		{Type: citation.TypeBook, Authors: smith, Year: "2020", Title: "Participation: a primer"},
		{Type: citation.TypeReport, Authors: []citation.Person{{Family: "AI Now Institute"}}, Year: "2018", Title: "Algorithmic accountability"},
		{Type: citation.TypeChapter, ContainerEditors: smith, Year: "2021", Title: "A chapter without authors"},
	}
	alias := graph.Quad{S: graph.IRI(iri(schema.KindActor, "ai-now-institute")), P: graph.IRI(schema.SKOSAltLabel), O: graph.String("AINOW")}
	tests := []struct {
		name string
		c    citation.Citation
		want string // slug of the stored work, "" for none
	}{
		{"DOI", citation.Citation{Authors: []citation.Person{person("Doe", "J.")}, Year: "2019", Title: "Something else", DOI: "10.1000/OPEN"},
			"smith-2019a-open"},
		{"TitleYearAuthor", citation.Citation{Authors: []citation.Person{person("Smith", "John")}, Year: "2019", Title: "Open Data in Cities."},
			"smith-2019a-open"},
		{"OtherDOI", citation.Citation{Authors: smith, Year: "2019", Title: "Open data in cities", DOI: "10.1000/other"}, ""},
		{"DOIAgainstNoDOI", citation.Citation{Authors: smith, Year: "2020", Title: "Participation – a primer!", DOI: "10.1000/p"},
			"smith-2020-participation"},
		{"OtherYear", citation.Citation{Authors: smith, Year: "2021", Title: "Participation: a primer"}, ""},
		{"OtherAuthor", citation.Citation{Authors: []citation.Person{person("Smyth", "J.")}, Year: "2020", Title: "Participation: a primer"}, ""},
		{"OrganisationByAlias", citation.Citation{Authors: []citation.Person{{Family: "AINOW"}}, Year: "2018", Title: "Algorithmic Accountability"},
			"ai-now-institute-2018-algorithmic"},
		{"ChapterEditorsLeftOut", citation.Citation{Type: citation.TypeChapter, ContainerEditors: []citation.Person{person("Other", "X.")},
			Year: "2021", Title: "A chapter without authors"}, "2021-chapter"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := bib.NewLinker(indexOf(stored, alias), linkBase)
			if tc.c.Type == "" {
				tc.c.Type = citation.TypeArticle
			}
			_, work := linkedAuthors(l, tc.c)
			want := iri(schema.KindReference, tc.c.Slug())
			if tc.want != "" {
				want = iri(schema.KindReference, tc.want)
			}
			if work != want {
				t.Errorf("work linked to %s, want %s", work, want)
			}
			if got, wantN := l.Stats().References, min(len(tc.want), 1); got != wantN {
				t.Errorf("Stats().References = %d, want %d", got, wantN)
			}
		})
	}
}

// TestLinker_Quads checks the quads of a linked entry: the work's lists
// follow it, a linked person is named as the index names it, once, a
// second work of the input that is the same stored work keeps its own
// IRI, and a repeat links as the first did.
func TestLinker_Quads(t *testing.T) {
	stored := citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Peña-López", "I.")},
		Year: "2019a", Title: "Open government", Publishers: []string{"Huygens Editorial"}, DOI: "10.1000/og"}
	l := bib.NewLinker(indexOf([]citation.Citation{stored}), linkBase)
	c := citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Pena-Lopez", "Ismael"), person("Doe", "Jane")},
		Year: "2019", Title: "Open Government", Publishers: []string{"huygens editorial"}}
	quads := l.Link(c, c.Quads(linkBase, graph.Term{}))
	work := iri(schema.KindReference, "pena-lopez-2019a-open")
	pena := iri(schema.KindPerson, "pena-lopez-i")
	var got []string
	for _, q := range quads {
		if err := q.Validate(); err != nil {
			t.Errorf("quad %s: %v", q, err)
		}
		got = append(got, q.String())
	}
	want := []string{
		fmt.Sprintf("<%s> <%s> <%s#authors> .", work, schema.BIBOAuthorList, work),
		fmt.Sprintf("<%s#authors> <%s_1> <%s> .", work, schema.NSRDF, pena),
		fmt.Sprintf("<%s#authors> <%s_2> <%s> .", work, schema.NSRDF, iri(schema.KindPerson, "doe-jane")),
		fmt.Sprintf("<%s> <%s> \"I.\" .", pena, schema.FOAFGivenName),
		fmt.Sprintf("<%s> <%s> \"Peña-López\" .", pena, schema.FOAFFamilyName),
		fmt.Sprintf("<%s> <%s> \"I. Peña-López\" .", pena, schema.FOAFName),
		fmt.Sprintf("<%s> <%s> \"Huygens Editorial\" .", iri(schema.KindActor, "huygens-editorial"), schema.RDFSLabel),
		fmt.Sprintf("<%s> <%s> \"Open Government\" .", work, schema.DCTermsTitle),
		fmt.Sprintf("<%s> <%s> \"Jane Doe\" .", iri(schema.KindPerson, "doe-jane"), schema.FOAFName),
	}
	for _, w := range want {
		if n := countString(got, w); n != 1 {
			t.Errorf("%d times %s, want once", n, w)
		}
	}
	// The cited spelling is not a second name, but it is not lost either:
	// it is a foaf:nick of the linked person.
	nick := fmt.Sprintf("<%s> <%s> \"Ismael Pena-Lopez\" .", pena, schema.NSFOAF+"nick")
	if n := countString(got, nick); n != 1 {
		t.Errorf("%d times %s, want once", n, nick)
	}
	for _, s := range got {
		if s != nick && (strings.Contains(s, "pena-lopez-ismael") || strings.Contains(s, "pena-lopez-2019-open") || strings.Contains(s, "Ismael")) {
			t.Errorf("quad %s keeps a minted IRI or the cited name", s)
		}
	}
	checkQuads(t, quads)
	if st := l.Stats(); st != (bib.LinkStats{References: 1, Persons: 1, Organizations: 1}) {
		t.Errorf("Stats = %+v", st)
	}
	// The same work again, under another slug: it keeps its own IRI.
	c2 := c
	c2.Year = "2019b"
	if _, w := linkedAuthors(l, c2); w != iri(schema.KindReference, "pena-lopez-2019b-open") {
		t.Errorf("second work of the input linked to %s, want its own IRI", w)
	}
	// A repeat of the first links as it did.
	if _, w := linkedAuthors(l, c); w != work {
		t.Errorf("repeat linked to %s, want %s", w, work)
	}
	// The Linker's Linked index knows the work by its key, for a later input.
	l2 := bib.NewLinker(l.Linked(), linkBase)
	c3 := citation.Citation{Type: citation.TypeBook, Authors: []citation.Person{person("Peña López", "I.")}, Year: "2019c", Title: "OPEN GOVERNMENT"}
	if _, w := linkedAuthors(l2, c3); w != work {
		t.Errorf("a later input linked to %s, want %s", w, work)
	}
}

func countString(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// FuzzLink links the entries of a BibTeX input to an index of the golden
// bibliography and checks that the quads stay well formed, that linking
// is deterministic, and that every work is either its own or one of the
// index.
func FuzzLink(f *testing.F) {
	fuzzSeeds(f, ".bib",
		"@book{k, author = {Smith, J.}, title = {A}, year = 2001}",
		"@book{k, author = {Smith, John and {ACME}}, title = {A}, year = 2001, doi = {10.1000/x}, publisher = {ACME}}",
	)
	golden, err := bib.Parse(strings.NewReader(goldenBib(f)), "golden.bib", bib.BibTeX)
	if err != nil {
		f.Fatal(err)
	}
	ix := indexOf(golden)
	f.Fuzz(func(t *testing.T, in string) {
		cs, _ := bib.Parse(strings.NewReader(in), "fuzz", bib.BibTeX)
		l1, l2 := bib.NewLinker(ix, linkBase), bib.NewLinker(ix, linkBase)
		for _, c := range cs {
			q1 := l1.Link(c, c.Quads(linkBase, graph.Term{}))
			q2 := l2.Link(c, c.Quads(linkBase, graph.Term{}))
			if !slices.Equal(q1, q2) {
				t.Fatalf("two Linkers link %+v differently", c)
			}
			for _, q := range q1 {
				if err := q.Validate(); err != nil {
					t.Fatalf("quad %s: %v", q, err)
				}
				if q.P.Value == schema.DCTermsTitle && q.S.Value != iri(schema.KindReference, c.Slug()) &&
					!slices.ContainsFunc(golden, func(g citation.Citation) bool { return q.S.Value == iri(schema.KindReference, g.Slug()) }) {
					t.Fatalf("work linked to %s, neither its own IRI nor one of the index", q.S)
				}
			}
		}
	})
}

// goldenBib returns the golden BibTeX input.
func goldenBib(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "TestParse_Golden", "mixed.bib"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(b)
}
