package importers_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/schema"
)

// TestImport_BibProblemsNameEntry checks that a bibliography's problems
// against the shapes name the file, the entry's line and its citation key,
// not the IRI minted for the work.
func TestImport_BibProblemsNameEntry(t *testing.T) {
	// Two works whose slugs are one (first author, year, first title
	// word): their quads mix and the shapes refuse two containers.
	const in = "% two works under one IRI\n\n" +
		"@article{smith2019open,\n  author = {Smith, John}, title = {Open data in cities}, journal = {J}, year = 2019}\n\n" +
		"@article{smith2019opengov,\n  author = {Smith, John}, title = {Open government in regions}, journal = {K}, year = 2019}\n"
	s := graphtest.NewStore(t)
	_, err := importers.Import(t.Context(), s, []importers.Input{{Name: "refs.bib", R: strings.NewReader(in)}}, importers.Options{})
	var ve *importers.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Import = %v, want a ValidationError", err)
	}
	msg := err.Error()
	if want := "refs.bib:3: entry smith2019open: cg:container: found"; !strings.Contains(msg, want) {
		t.Errorf("error %q does not say %q", msg, want)
	}
	if strings.Contains(msg, "/id/reference/") {
		t.Errorf("error %q names the minted IRI", msg)
	}
}

// TestImport_AuthorVariants checks that spellings of one author that
// differ only by diacritics, the case of a particle or a hyphen link to one
// person, in one file and across imports, the other spellings kept as
// foaf:nick. Before, one file with two spellings broke the shapes (two
// names) and the spelling of a later file was dropped.
func TestImport_AuthorVariants(t *testing.T) {
	const first = "@article{a1, author = {Iván Smith and di Noia, Tommaso and Labra Gayo, Jose Emilio}, title = {First work}, journal = {J}, year = 2019}\n" +
		"@article{a2, author = {Ivan Smith and Di Noia, Tommaso and Labra-Gayo, Jose Emilio}, title = {Second work}, journal = {J}, year = 2020}\n"
	const later = "TY  - JOUR\nAU  - Labra-gayo, Jose Emilio\nAU  - DI NOIA, Tommaso\nTI  - Third work\nPY  - 2021\nER  - \n"
	s := graphtest.NewStore(t)
	for _, in := range []importers.Input{{Name: "a.bib", R: strings.NewReader(first)}, {Name: "b.ris", R: strings.NewReader(later)}} {
		if _, err := importers.Import(t.Context(), s, []importers.Input{in}, importers.Options{}); err != nil {
			t.Fatalf("import %s: %v", in.Name, err)
		}
	}
	nick := graph.IRI(schema.NSFOAF + "nick")
	tests := []struct {
		person string
		name   string
		nicks  []string
	}{
		{"smith-ivan", "Iván Smith", []string{"Ivan Smith"}},
		{"di-noia-tommaso", "Tommaso di Noia", []string{"Tommaso Di Noia", "Tommaso DI NOIA"}},
		{"labra-gayo-jose-emilio", "Jose Emilio Labra Gayo", []string{"Jose Emilio Labra-Gayo", "Jose Emilio Labra-gayo"}},
	}
	for _, tc := range tests {
		p := graph.IRI(schema.EntityIRI(schema.DefaultBase, schema.KindPerson, tc.person))
		var names, nicks []string
		for q, err := range s.Match(t.Context(), graph.Pattern{S: p}) {
			if err != nil {
				t.Fatal(err)
			}
			switch q.P.Value {
			case schema.FOAFName:
				// Each source's graph describes the person: the same name.
				if !slices.Contains(names, q.O.Value) {
					names = append(names, q.O.Value)
				}
			case nick.Value:
				nicks = append(nicks, q.O.Value)
			}
		}
		if len(names) != 1 || names[0] != tc.name {
			t.Errorf("%s: foaf:name %q, want just %q", tc.person, names, tc.name)
		}
		for _, n := range tc.nicks {
			if !strings.Contains(strings.Join(nicks, "|"), n) {
				t.Errorf("%s: nicks %q lack %q", tc.person, nicks, n)
			}
		}
	}
	// One person per author: no other person was minted.
	persons := map[string]bool{}
	for q, err := range s.Match(t.Context(), graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(schema.ClassPerson)}) {
		if err != nil {
			t.Fatal(err)
		}
		persons[q.S.Value] = true
	}
	if len(persons) != 3 {
		t.Errorf("persons %v, want 3", persons)
	}
}

// TestImport_BibLanguage checks dcterms:language end to end: a language of
// the EU authority table is stored as its IRI; one the table lacks is kept
// as a literal tag, and the shapes' warning about it becomes a note of the
// import, which does not fail.
func TestImport_BibLanguage(t *testing.T) {
	const in = "@article{smith2019open,\n  author = {Smith, John}, title = {Open data in cities}, journal = {J}, year = 2019, language = {English}}\n\n" +
		"@article{cicero2019de,\n  author = {Cicero, Marcus}, title = {De re publica}, journal = {K}, year = 2019, language = {Latin}}\n"
	s := graphtest.NewStore(t)
	res, err := importers.Import(t.Context(), s, []importers.Input{{Name: "langs.bib", R: strings.NewReader(in)}}, importers.Options{})
	if err != nil {
		t.Fatalf("Import = %v, want no error: a language kept as a literal is a warning", err)
	}
	got := map[string]graph.Term{}
	for q, err := range s.Match(t.Context(), graph.Pattern{P: graph.IRI(schema.DCTermsLanguage)}) {
		if err != nil {
			t.Fatal(err)
		}
		got[strings.TrimPrefix(q.S.Value, schema.DefaultBase)] = q.O
	}
	want := map[string]graph.Term{
		"reference/smith-2019-open": graph.IRI(schema.NSLanguage + "ENG"),
		"reference/cicero-2019-de":  graph.Literal("la", schema.XSDLanguage),
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s dcterms:language = %v, want %v (all: %v)", id, got[id], w, got)
		}
	}
	var notes []string
	for _, n := range res.Notes {
		if strings.Contains(n, "dcterms:language") {
			notes = append(notes, n)
		}
	}
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "langs.bib:4: entry cicero2019de: warning: dcterms:language: found") ||
		!strings.Contains(notes[0], `"la"`) {
		t.Errorf("notes about languages %q, want one warning naming the Latin entry and its line", notes)
	}
}
