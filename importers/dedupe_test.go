package importers_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/importers/bib"
	"civicgraph/internal/realdata"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// Seed references the tests link to (see data/references).
var (
	// Blamey, A. & Mackenzie, M. (2007). “Theories of Change and
	// Realistic Evaluation”. In Evaluation, 13 (4), 439-455. London: SAGE
	// Publications. The tests give it a DOI.
	seedBlamey = ref("blamey-2007-theories")
	// Peña-López, I. (2019a). “L’Estat com a plataforma: ...”. In Nota
	// d'Economia, 105, 193-208. Barcelona: Generalitat de Catalunya.
	seedPena = ref("pena-lopez-2019a-estat")

	blameyDOI = "10.1177/1356389007082129"
)

func ref(slug string) graph.Term {
	return graph.IRI(schema.EntityIRI(schema.DefaultBase, schema.KindReference, slug))
}

func person(slug string) graph.Term {
	return graph.IRI(schema.EntityIRI(schema.DefaultBase, schema.KindPerson, slug))
}

func actor(slug string) graph.Term {
	return graph.IRI(schema.EntityIRI(schema.DefaultBase, schema.KindActor, slug))
}

// linkBib cites two works of the seed, one by DOI under another title
// (minted blamey-2007-peas), one by title, year and first author without
// the seed's year suffix (minted pena-lopez-2019-estat), and one new work.
const linkBib = `@article{blamey2007,
  author    = {Blamey, Avril and MacKenzie, Mhairi},
  title     = {Peas in a pod? {Theories} of change and realistic evaluation},
  journal   = {Evaluation}, year = 2007, volume = 13, number = 4, pages = {439--455},
  doi       = {https://doi.org/10.1177/1356389007082129},
  publisher = {SAGE Publications}
}

@article{pena2019,
  author  = {Pe{\~n}a-L{\'o}pez, Ismael},
  title   = {L'Estat com a plataforma: la participació ciutadana per la preservació de l'Estat com a bé comú},
  journal = {Nota d'Economia}, year = 2019, volume = 105, pages = {193--208}
}

@book{nobody2024,
  author    = {Nobody, Nemo and Pe{\~n}a-L{\'o}pez, I.},
  title     = {A work the seed does not cite},
  year      = 2024,
  publisher = {Ajuntament de Barcelona}
}
`

// seededStore returns an on-disk store with the seed, in which the seed's
// Blamey (2007) has a DOI.
func seededStore(t *testing.T) *graph.Store {
	t.Helper()
	s := graphtest.NewStore(t)
	if _, err := importers.Seed(t.Context(), s, schema.DefaultBase); err != nil {
		t.Fatal(err)
	}
	var g graph.Term
	for q, err := range s.Match(t.Context(), graph.Pattern{S: seedBlamey, P: graph.IRI(graph.RDFType)}) {
		if err != nil {
			t.Fatal(err)
		}
		g = q.G
	}
	if g.IsZero() {
		t.Fatalf("the seed has no %s", seedBlamey)
	}
	err := s.Update(t.Context(), func(tx *graph.Txn) error {
		return tx.Add(graph.Quad{S: seedBlamey, P: graph.IRI(schema.BIBODOI), O: graph.String(blameyDOI), G: g})
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dump returns every quad of the store, sorted.
func dump(t *testing.T, s *graph.Store) []string {
	t.Helper()
	var out []string
	for q, err := range s.Match(t.Context(), graph.Pattern{}) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.String())
	}
	slices.Sort(out)
	return out
}

// fixedNow makes provenance records the same from one import to the next.
func fixedNow() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) }

func importText(t *testing.T, s *graph.Store, name, text string) (importers.Result, error) {
	t.Helper()
	return importers.Import(t.Context(), s, []importers.Input{{Name: name, R: strings.NewReader(text)}},
		importers.Options{Now: fixedNow})
}

// subjects returns the distinct subjects of the quads matching p.
func subjects(t *testing.T, s *graph.Store, p graph.Pattern) []graph.Term {
	t.Helper()
	var out []graph.Term
	for q, err := range s.Match(t.Context(), p) {
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Contains(out, q.S) {
			out = append(out, q.S)
		}
	}
	return out
}

func count(t *testing.T, s *graph.Store, p graph.Pattern) int64 {
	t.Helper()
	n, err := s.Count(t.Context(), p)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestImport_LinksBibliographyToStore imports a BibTeX file that cites
// two works of the seed: they must take the seed's IRIs (no second
// Reference node), and so must their authors and publishers; importing it
// again must give the same store.
func TestImport_LinksBibliographyToStore(t *testing.T) {
	s := seededStore(t)
	refType := graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(schema.ClassReference)}
	seedRefs := len(subjects(t, s, refType))
	if seedRefs != 113 {
		t.Errorf("the seed has %d References, want 113", seedRefs)
	}

	res, err := importText(t, s, "refs.bib", linkBib)
	if err != nil {
		t.Fatal(err)
	}
	want := bib.LinkStats{References: 2, Persons: 4, Organizations: 2}
	if res.Linked != want {
		t.Errorf("Linked = %+v, want %+v", res.Linked, want)
	}
	g := importers.SourceGraph("refs.bib")
	inGraph := subjects(t, s, graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(schema.ClassReference), G: g})
	newWork := ref("nobody-2024-work")
	if !slices.Contains(inGraph, seedBlamey) || !slices.Contains(inGraph, seedPena) || !slices.Contains(inGraph, newWork) || len(inGraph) != 3 {
		t.Errorf("References of refs.bib = %v, want %s, %s and %s", inGraph, seedBlamey, seedPena, newWork)
	}
	if n := len(subjects(t, s, refType)); n != seedRefs+1 {
		t.Errorf("%d References after the import, want %d (the seed's and one new)", n, seedRefs+1)
	}
	for _, minted := range []graph.Term{ref("blamey-2007-peas"), ref("pena-lopez-2019-estat"), person("pena-lopez-ismael"),
		person("blamey-avril"), person("mackenzie-mhairi"), graph.IRI(ref("blamey-2007-peas").Value + "#authors")} {
		if n := count(t, s, graph.Pattern{S: minted}) + count(t, s, graph.Pattern{O: minted}); n != 0 {
			t.Errorf("%d quads use the minted %s, want its seed IRI instead", n, minted)
		}
	}
	// The linked work keeps what the file says of it, on the seed's IRI,
	// in the file's graph, with the seed's persons in its author list.
	for _, q := range []graph.Quad{
		{S: seedBlamey, P: graph.IRI(schema.BIBODOI), O: graph.String(blameyDOI), G: g},
		{S: seedBlamey, P: graph.IRI(schema.DCTermsTitle), O: graph.String("Peas in a pod? Theories of change and realistic evaluation"), G: g},
		{S: graph.IRI(seedBlamey.Value + "#authors"), P: graph.IRI(schema.NSRDF + "_2"), O: person("mackenzie-m"), G: g},
		{S: seedBlamey, P: graph.IRI(schema.DCTermsPublisher), O: actor("sage-publications"), G: g},
		{S: seedPena, P: graph.IRI(schema.DCTermsCreator), O: person("pena-lopez-i"), G: g},
		{S: newWork, P: graph.IRI(schema.DCTermsPublisher), O: actor("ajuntament-de-barcelona"), G: g},
		{S: graph.IRI(newWork.Value + "#authors"), P: graph.IRI(schema.NSRDF + "_2"), O: person("pena-lopez-i"), G: g},
	} {
		if count(t, s, graph.Pattern{S: q.S, P: q.P, O: q.O, G: q.G}) != 1 {
			t.Errorf("missing %s", q)
		}
	}
	// A linked person keeps one name: the seed's.
	pena := person("pena-lopez-i")
	for p, want := range map[string]string{schema.FOAFGivenName: "I.", schema.FOAFFamilyName: "Peña-López", schema.FOAFName: "I. Peña-López"} {
		var got []string
		for q, err := range s.Match(t.Context(), graph.Pattern{S: pena, P: graph.IRI(p)}) {
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(got, q.O.Value) {
				got = append(got, q.O.Value)
			}
		}
		if len(got) != 1 || got[0] != want {
			t.Errorf("%s %s = %q, want only %q", pena, p, got, want)
		}
	}
	if n := count(t, s, graph.Pattern{S: pena, P: graph.IRI(schema.FOAFGivenName), G: g}); n != 1 {
		t.Errorf("refs.bib names %s %d times, want once", pena, n)
	}

	before := dump(t, s)
	res2, err := importText(t, s, "refs.bib", linkBib)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Linked != want {
		t.Errorf("re-import: Linked = %+v, want %+v", res2.Linked, want)
	}
	if after := dump(t, s); !slices.Equal(before, after) {
		t.Errorf("re-import changed the store:\n%s", diffLines(before, after))
	}
}

// diffLines returns the lines only in a (-) or only in b (+).
func diffLines(a, b []string) string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, "- "+x)
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, "+ "+x)
		}
	}
	if len(out) > 20 {
		out = append(out[:20], fmt.Sprintf("... %d lines in all", len(out)))
	}
	return strings.Join(out, "\n")
}

// TestImport_BibliographyErrorsLeaveStoreUnchanged imports a file with
// three bad entries among good ones: all three are listed, with file,
// line and what was expected, and nothing is written.
func TestImport_BibliographyErrorsLeaveStoreUnchanged(t *testing.T) {
	s := seededStore(t)
	if _, err := importText(t, s, "refs.bib", linkBib); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	bad := linkBib + `
@book{bad1, title = {No comma} year = 2001}
@book{good, author = {Doe, Jane}, title = {Fine}, year = 2002}
@book{, title = {No key}}
@book{bad3 title = {No comma after the key}}
@book{good2, author = {Doe, Jane}, title = {Fine too}, year = 2003}
`
	tests := []struct {
		name   string
		format string
		in     string
		lines  []int
	}{
		{"BibTeX", "refs.bib", bad, []int{22, 24, 25}},
		{"RIS", "refs.ris", "TY  - BOOK\nTI  - A\nER  - \nTY  - \nER  - \nTY  - BOOK\nTI  - A2\nER  - \nAU  - Doe, J.\nTY  - JOUR\nTI  - B\nTY  - BOOK\nTI  - C\nER  - \n",
			[]int{4, 9, 12}},
		{"CSLJSON", "refs.json", `[{"type": "book", "title": "A", "issued": {"date-parts": [[2001]]}},
{"type": "book", "issued": "x"},
{"type": "book", "title": "B", "issued": {"date-parts": [[2001]]}, "author": [{"family": true}]},
{"title": "no type", "issued": {"date-parts": [[2001]]}}]`, []int{2, 3, 4}},
		{"Citations", "refs.txt", "Doe, J. (2001). Fine.\nbad\nDoe, J. (2002) No period.\nDoe, J. (2003). Fine too.\n\nalso bad\n",
			[]int{2, 3, 6}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The bad file replaces the good one's graph: on error the
			// good one stays.
			name := tc.format
			if tc.name == "BibTeX" {
				name = "refs.bib"
			}
			_, err := importText(t, s, name, tc.in)
			if err == nil {
				t.Fatal("import of a file with three bad entries succeeded")
			}
			var list *problems.List
			if !errors.As(err, &list) {
				t.Fatalf("error %v does not list the problems", err)
			}
			errs := list.Errors
			var lines []int
			for _, e := range errs {
				var line int
				var file string
				var bpe *bib.ParseError
				switch {
				case errors.As(e, &bpe):
					line, file = bpe.Line, bpe.File
				default:
					if _, err := fmt.Sscanf(strings.TrimPrefix(e.Error(), "citation: "), name+":%d:", &line); err != nil {
						t.Errorf("error %q does not start with the file and line", e)
					}
					file = name
				}
				if file != name {
					t.Errorf("error %v names file %q, want %q", e, file, name)
				}
				lines = append(lines, line)
			}
			if !slices.Equal(lines, tc.lines) {
				t.Errorf("errors on lines %v, want %v:\n%v", lines, tc.lines, err)
			}
			if after := dump(t, s); !slices.Equal(before, after) {
				t.Errorf("a failed import changed the store:\n%s", diffLines(before, after))
			}
		})
	}
}

// TestImport_LinksAcrossImports checks that a work, person and publisher
// a first import brought in are linked to by a second file, whether the
// two are imported one after the other or together, and that a plain
// citation list links to the seed too.
func TestImport_LinksAcrossImports(t *testing.T) {
	first := "TY  - JOUR\nAU  - García, María José\nTI  - Open data and the city\nPY  - 2021\nDO  - 10.5555/odc.2021\nPB  - Ciudad Press\nER  - \n"
	second := `[{"type": "article-journal", "title": "Open data in the city (preprint)", "DOI": "10.5555/ODC.2021",
  "author": [{"family": "Garcia", "given": "M. J."}], "issued": {"date-parts": [[2021]]}, "publisher": "Ciudad press"}]`
	check := func(t *testing.T, s *graph.Store) {
		t.Helper()
		work := ref("garcia-2021-open")
		g := importers.SourceGraph("second.json")
		for _, q := range []graph.Quad{
			{S: work, P: graph.IRI(schema.DCTermsTitle), O: graph.String("Open data in the city (preprint)"), G: g},
			{S: work, P: graph.IRI(schema.DCTermsCreator), O: person("garcia-maria-jose"), G: g},
			{S: work, P: graph.IRI(schema.DCTermsPublisher), O: actor("ciudad-press"), G: g},
			{S: person("garcia-maria-jose"), P: graph.IRI(schema.FOAFGivenName), O: graph.String("María José"), G: g},
		} {
			if count(t, s, graph.Pattern{S: q.S, P: q.P, O: q.O, G: q.G}) != 1 {
				t.Errorf("missing %s", q)
			}
		}
		for _, minted := range []graph.Term{ref("garcia-2021-open-preprint"), person("garcia-m-j"), actor("ciudad-press-2")} {
			if n := count(t, s, graph.Pattern{S: minted}); n != 0 {
				t.Errorf("%d quads about %s", n, minted)
			}
		}
		if n := len(subjects(t, s, graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(schema.ClassReference), G: g})); n != 1 {
			t.Errorf("second.json has %d References, want 1", n)
		}
	}
	t.Run("OneAfterTheOther", func(t *testing.T) {
		s := graphtest.NewStore(t)
		if _, err := importText(t, s, "first.ris", first); err != nil {
			t.Fatal(err)
		}
		res, err := importText(t, s, "second.json", second)
		if err != nil {
			t.Fatal(err)
		}
		if want := (bib.LinkStats{References: 1, Persons: 1, Organizations: 1}); res.Linked != want {
			t.Errorf("Linked = %+v, want %+v", res.Linked, want)
		}
		check(t, s)
	})
	t.Run("Together", func(t *testing.T) {
		s := graphtest.NewStore(t)
		_, err := importers.Import(t.Context(), s, []importers.Input{
			{Name: "first.ris", R: strings.NewReader(first)},
			{Name: "second.json", R: strings.NewReader(second)},
		}, importers.Options{Now: fixedNow})
		if err != nil {
			t.Fatal(err)
		}
		check(t, s)
	})
	t.Run("CitationList", func(t *testing.T) {
		s := seededStore(t)
		list := "Peña-López, I. (2019). “L’Estat com a plataforma: la participació ciutadana per la preservació de l’Estat com a bé comú”. In Nota d'Economia, 105, 193-208. Barcelona: Generalitat de Catalunya.\n"
		res, err := importText(t, s, "refs.txt", list)
		if err != nil {
			t.Fatal(err)
		}
		if res.Linked.References != 1 {
			t.Errorf("Linked = %+v, want 1 reference", res.Linked)
		}
		g := importers.SourceGraph("refs.txt")
		if n := count(t, s, graph.Pattern{S: seedPena, G: g}); n == 0 {
			t.Errorf("refs.txt says nothing of %s", seedPena)
		}
		if n := count(t, s, graph.Pattern{S: ref("pena-lopez-2019-estat")}); n != 0 {
			t.Errorf("refs.txt minted a second node for %s", seedPena)
		}
	})
}

// TestImport_RealBibliographies imports each real bibliography sample
// (shared/realdata/bibliography-*) into a seeded store twice: the second
// import must give the same store. It logs what was linked.
func TestImport_RealBibliographies(t *testing.T) {
	if testing.Short() {
		t.Skip("imports the real samples into a seeded store")
	}
	root := realdata.Dir(t)
	files, err := filepath.Glob(filepath.Join(root, "bibliography-*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	s := seededStore(t)
	imported := 0
	for _, path := range files {
		f, err := importers.FormatOf(path)
		if err != nil {
			continue
		}
		name := filepath.Base(filepath.Dir(path)) + "/" + filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			opts := importers.Options{Format: f, Now: fixedNow}
			in := func() []importers.Input { return []importers.Input{{Name: path, R: strings.NewReader(string(data))}} }
			res, err := importers.Import(t.Context(), s, in(), opts)
			if err != nil {
				t.Skipf("%s does not import: %v", name, firstLine(err))
			}
			imported++
			before := dump(t, s)
			res2, err := importers.Import(t.Context(), s, in(), opts)
			if err != nil {
				t.Fatal(err)
			}
			if res2.Linked != res.Linked {
				t.Errorf("re-import linked %+v, the first import %+v", res2.Linked, res.Linked)
			}
			if after := dump(t, s); !slices.Equal(before, after) {
				t.Errorf("re-import changed the store:\n%s", diffLines(before, after))
			}
			t.Logf("%s: %d records, linked %+v", name, res.Records, res.Linked)
		})
	}
	if imported == 0 {
		t.Errorf("no real bibliography imports")
	}
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// BenchmarkImport_LinkedBibliography imports a BibTeX file of n entries
// into a seeded store, again and again (each import replaces the last),
// every entry read, linked to the store and validated.
func BenchmarkImport_LinkedBibliography(b *testing.B) {
	for _, n := range []int{100, 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := graphtest.NewStore(b)
			if _, err := importers.Seed(b.Context(), s, schema.DefaultBase); err != nil {
				b.Fatal(err)
			}
			var in strings.Builder
			for i := range n {
				fmt.Fprintf(&in, "@article{k%d, author = {Author%d, John and Pe{\\~n}a-L{\\'o}pez, Ismael}, title = {Study number %d of things},"+
					" journal = {Journal}, year = 2019, publisher = {SAGE Publications}}\n", i, i%50, i)
			}
			text := in.String()
			b.ReportAllocs()
			for b.Loop() {
				_, err := importers.Import(b.Context(), s, []importers.Input{{Name: "bench.bib", R: strings.NewReader(text)}}, importers.Options{})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}
