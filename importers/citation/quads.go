package citation

import (
	"strconv"
	"strings"
	"time"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Quads maps the citation to the ontology, as quads in graph g (the zero
// Term for the default graph). IRIs are minted under base with
// [schema.EntityIRI]:
//
//   - the work is {base}reference/{slug} (see [Citation.Slug]), typed
//     cg:Reference and the class of its [Type];
//   - a person is {base}person/{slug}, a foaf:Person with family and given
//     names; an organisation is {base}actor/{slug}, a cg:Actor and
//     foaf:Organization with its name as rdfs:label and foaf:name (see
//     [Person.Slug]); a citation does not give its sector, so the caller
//     adds that where it knows it;
//   - authors are dcterms:creator and, in order, the members rdf:_1, rdf:_2,
//     ... of the rdf:Seq {work}#authors, the bibo:authorList; editors (of
//     the work, or of the book a chapter is in, as CSL does) are
//     bibo:editor and bibo:editorList {work}#editors;
//   - publishers are dcterms:publisher, each an organisation as above;
//   - the URL and every one of OtherURLs is a schema:url.
//
// The year is dcterms:issued as xsd:gYear and cg:yearLabel as cited; the
// title is dcterms:title, tagged with the Language when there is one. The
// Language is dcterms:language as an IRI of the EU language authority table
// (see schema.LanguageIRI), or, for a language that table lacks, as a
// literal of type xsd:language, which the shapes accept with a warning.
func (c Citation) Quads(base string, g graph.Term) []graph.Quad {
	ref := graph.IRI(schema.EntityIRI(base, schema.KindReference, c.Slug()))
	var out []graph.Quad
	add := func(s graph.Term, p string, o graph.Term) {
		out = append(out, graph.Quad{S: s, P: graph.IRI(p), O: o, G: g})
	}
	text := func(p, v string) {
		if v != "" {
			add(ref, p, graph.String(v))
		}
	}

	add(ref, schema.RDFType, graph.IRI(schema.ClassReference))
	class := c.Type.Class()
	if c.Type == TypeBook && len(c.Authors) == 0 && len(c.Editors) > 0 {
		class = schema.BIBOEditedBook
	}
	if class != schema.ClassReference {
		add(ref, schema.RDFType, graph.IRI(class))
	}
	if c.Title != "" {
		if c.Language != "" {
			add(ref, schema.DCTermsTitle, graph.LangLiteral(c.Title, c.Language))
		} else {
			add(ref, schema.DCTermsTitle, graph.String(c.Title))
		}
	}
	if len(c.Year) >= 4 {
		add(ref, schema.DCTermsIssued, graph.Literal(c.Year[:4], schema.XSDGYear))
	}
	text(schema.PropYearLabel, c.Year)

	agent := func(p Person) graph.Term {
		if p.IsOrganization() {
			a := graph.IRI(schema.EntityIRI(base, schema.KindActor, p.Slug()))
			add(a, schema.RDFType, graph.IRI(schema.ClassActor))
			add(a, schema.RDFType, graph.IRI(schema.FOAFOrganization))
			add(a, schema.RDFSLabel, graph.String(p.Family))
			add(a, schema.FOAFName, graph.String(p.Family))
			return a
		}
		a := graph.IRI(schema.EntityIRI(base, schema.KindPerson, p.Slug()))
		add(a, schema.RDFType, graph.IRI(schema.ClassPerson))
		add(a, schema.FOAFName, graph.String(p.Name()))
		add(a, schema.FOAFFamilyName, graph.String(p.Family))
		add(a, schema.FOAFGivenName, graph.String(p.Given))
		return a
	}
	list := func(people []Person, each, listProp, fragment string) {
		if len(people) == 0 {
			return
		}
		seq := graph.IRI(ref.Value + "#" + fragment)
		add(ref, listProp, seq)
		add(seq, schema.RDFType, graph.IRI(schema.RDFSeq))
		for i, p := range people {
			a := agent(p)
			add(ref, each, a)
			add(seq, schema.NSRDF+"_"+strconv.Itoa(i+1), a)
		}
	}
	list(c.Authors, schema.DCTermsCreator, schema.BIBOAuthorList, "authors")
	editors := c.Editors
	if len(editors) == 0 {
		editors = c.ContainerEditors
	}
	list(editors, schema.BIBOEditor, schema.BIBOEditorList, "editors")

	text(schema.PropContainer, c.Container)
	text(schema.PropSeries, c.Series)
	text(schema.BIBONumber, c.Number)
	text(schema.BIBOVolume, c.Volume)
	text(schema.BIBOIssue, c.Issue)
	text(schema.BIBOPages, c.Pages)
	text(schema.BIBOChapterNumber, c.Chapter)
	text(schema.BIBOEdition, c.Edition)
	if c.Date != "" {
		if t, err := time.Parse("2 January 2006", c.Date); err == nil {
			add(ref, schema.DCTermsDate, graph.Literal(t.Format(time.DateOnly), schema.XSDDate))
		} else {
			add(ref, schema.DCTermsDate, graph.String(c.Date))
		}
	}
	text(schema.RDFSComment, c.Note)
	for _, name := range c.Publishers {
		add(ref, schema.DCTermsPublisher, agent(Person{Family: name}))
	}
	text(schema.PropPlace, c.Place)
	for _, u := range append([]string{c.URL}, c.OtherURLs...) {
		switch {
		case u == "":
		case (strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) && !strings.ContainsAny(u, "<>\"{}|^`\\"):
			add(ref, schema.SchemaURL, graph.IRI(u))
		default:
			add(ref, schema.SchemaURL, graph.Literal(u, schema.XSDAnyURI))
		}
	}
	text(schema.BIBODOI, c.DOI)
	if iri, ok := schema.LanguageIRI(c.Language); ok {
		add(ref, schema.DCTermsLanguage, graph.IRI(iri))
	} else if c.Language != "" {
		// A language the EU authority table (as schema knows it) lacks is
		// kept as its tag; the shapes warn about it.
		add(ref, schema.DCTermsLanguage, graph.Literal(c.Language, schema.XSDLanguage))
	}
	return out
}
