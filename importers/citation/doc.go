// Package citation reads bibliographies written in the plain author–year
// citation style of the civicgraph sources, and maps each citation to the
// ontology as quads.
//
// # Usage
//
// [Parse] reads a text with one citation per line (blank lines are
// skipped) and returns a [Citation] per line; [NewReader] does the same as a
// stream. [Citation.Quads] turns a citation into quads for one named graph:
//
//	cs, err := citation.Parse(f, "refs.txt")
//	if err != nil {
//		return err // every bad line: each a *ParseError with file, line, column and what was expected
//	}
//	for _, c := range cs {
//		quads = append(quads, c.Quads(base, graph.IRI(schema.GraphIRI("seed/x")))...)
//	}
//
// # The style
//
// A citation is the authors, an optional editor mark, the year, a title and
// the rest, ending in a period:
//
//	Family, G. & Family, G.H. (2019a). Title. Subtitle. Place: Publisher.
//	Family, G. (2019). “Article”. In Journal, 12 (3), 45-67. Place: Publisher.
//	Family, G. (2019). “Chapter”. In Family, G. (Ed.), Book, Chapter 4, 45-67. Place: Publisher.
//	Family, G. (2019). “Post”. In Blog, 22 August 2023. Place: Publisher.
//	Organisation & Family, G. (Eds.) (2019). Title. Series, No. 63. Place: Publisher.
//
// Authors are separated by ", " and " & "; a name followed by initials
// ("A.", "J.V.") is a person, any other name an organisation (a corporate
// author). "(Ed.)", "(Eds.)", "(Coord.)" or "(Coords.)" before the year make
// the names editors. The year keeps its letter suffix. A title in curly or
// straight double quotes is a part of something else, introduced by ". In ":
// a chapter when the container starts with editors, otherwise an article (or
// a web page when the details are a full date). Any other title is a whole
// work. The imprint, "Place: Publisher", is the last sentence; a work
// published in two places reads "Place: Publisher, and Place: Publisher". A
// trailing URL or DOI is taken apart.
//
// The parts between the title and the imprint of a whole work are sorted
// from the end: an edition ("3rd edition"), notes ("(beta)", "Updated 12
// January 2023", "February 2016", "Discussion paper ..."), a volume, the
// congress a paper was presented at ("4th Congress of ..."), a series with
// or without a number ("OECD Working Papers on Public Governance, No. 63",
// "Materials, 19"); the first part that is none of these ends the sort, and
// it and everything before it is the title with its subtitles.
//
// The [Type] of a whole work follows from what the citation shows: a paper
// when it names a congress, a working paper when its series is of papers, a
// report when the title, series or notes say so ("Final report", "Informe",
// "Llibre blanc", "Discussion paper") or when an organisation is among the
// authors, and otherwise a book (proceedings, "Actes del ...", are books).
//
// # Caveats
//
//   - The style has no mark for a subtitle or a series without a number, so
//     a subtitle that looks like a series, or the reverse, is taken wrongly;
//     so is a book by persons that is really a report. Callers that know
//     better correct the Citation before calling Quads (the seed does, from
//     a corrections file).
//   - Language is guessed from the function words of the title, container
//     and series, only between English, Spanish and Catalan, and left empty
//     when the words do not settle it.
//   - A person is identified by family name and initials: two people with
//     the same both share one IRI, and one person cited with different
//     initials gets two. (An import links the persons, organisations and
//     works of a citation list to those the store holds already: see
//     bib.Linker.)
//   - A line that is not a citation does not stop the [Reader]: it goes on
//     with the next line and, at the end of the input, returns the errors,
//     the first 100 listed and the rest counted. Columns in errors count
//     bytes from 1, as Go's own tools do.
package citation
