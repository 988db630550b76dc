// Package bib reads bibliographies in BibTeX, CSL-JSON and RIS into
// [citation.Citation] values, and maps them to the ontology as quads with
// [citation.Citation.Quads], the mapping the plain citation lists of the
// seed use.
//
// # Usage
//
// A [Reader] streams the quads of a file entry by entry; the caller puts
// them in the source's named graph:
//
//	r := bib.NewReader(f, "refs.bib", bib.BibTeX, base)
//	for {
//		q, err := r.Read()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			return err // every bad entry: each a *ParseError with file, line, column (or JSON path) and what was expected
//		}
//		q.G = g
//		...
//	}
//
// [Reader.Next] gives the same input as entries, each a Citation with its
// [Key] and quads, for a caller that checks entries against the store
// first; a [Linker] does that (see Deduplication):
//
//	var ix *bib.Index
//	err := store.View(ctx, func(v *graph.View) (err error) {
//		ix, err = bib.ReadIndex(v, g) // what the store holds outside g
//		return err
//	})
//	...
//	l := bib.NewLinker(ix, base)
//	for {
//		e, err := r.Next()
//		...
//		quads := l.Link(e.Citation, e.Quads)
//	}
//
// [Parse] returns the citations of a whole file.
//
// BibTeX and RIS are read entry by entry from a buffered stream; CSL-JSON
// through encoding/json's token stream, item by item, over the top-level
// array (a single item object is read too). Memory grows with the size of
// the largest entry, not with the input, except for the deduplication
// index: one citation, without its text, per distinct entry.
//
// # Mapping
//
// Every format fills the same fields of a Citation:
//
//   - Authors and Editors become Persons. BibTeX names are separated by
//     "and" and written "Family, Given", "Family, Jr, Given" or "Given von
//     Family"; a name wholly in braces is an organisation, "others" is
//     dropped. CSL names are family and given (with particles and suffix),
//     or literal for an organisation. RIS takes AU and A1 as authors, A2 and
//     ED as editors, "Family, Given" each, a name without a comma being an
//     organisation. The editors of a chapter or conference paper are those
//     of the book it is in (ContainerEditors). Initials are written one way,
//     as the seed's citations write them ("J. R." and "J R" become "J.R."),
//     so that one person gets one IRI.
//   - The year keeps a letter suffix found in the data ("2019a", CSL's
//     year-suffix) or in the citation key or id ("smith2019a"). A full date
//     (year, month, day) becomes Date. A date in words ("Spring 2022") gives
//     its one year, the words kept in Note as "date: Spring 2022".
//   - Container is the journal, book or proceedings: BibTeX journal,
//     journaltitle or booktitle; CSL container-title; RIS T2, JF, JO, BT,
//     JA or J2. Number is BibTeX's number for all but articles, whose
//     number is the Issue.
//   - Publishers: BibTeX publisher (else institution, school or
//     organization), CSL publisher, each RIS PB line; Place is address or
//     location, publisher-place, CY.
//   - DOI is lower-cased, without "doi:" or the https://doi.org/ resolver;
//     a doi.org URL gives the DOI when there is no DOI field. The URL must
//     be an http or https address ("www." ones are taken as https). RIS
//     gives every address: the UR lines, then the links L1–L4, each value
//     possibly a list separated by ';' (or by spaces when all its parts are
//     web addresses); the first is URL, the others OtherURLs, and one that
//     is not a web address (a local PDF) is kept in Note.
//   - BibTeX crossref is followed: an entry that names another (a paper its
//     proceedings, a chapter its book) inherits each field it lacks (year,
//     editors, publisher, address, ...), the other's title becoming its
//     booktitle. BibTeX wants the named entry after the entries that name
//     it; such an entry waits until it is read (or, when it never is, goes
//     as it is, "crossref: key (not in the file)" in Note). subtitle is
//     joined to the title ("Main: Sub"), booksubtitle to the container. A
//     @proceedings or @book with a booktitle and no title takes the
//     booktitle as its title.
//   - Language is a BCP 47 tag: names and ISO 639-2 codes of common
//     languages become two-letter codes ("English", "eng" → "en"). It tags
//     the title, and becomes dcterms:language as an IRI of the EU language
//     authority table (schema.LanguageIRI: "en" → .../language/ENG); a
//     language that table lacks stays a literal tag, which the shapes
//     report as a warning. It is left empty when the entry gives none.
//   - Text is cleaned: LaTeX accents and commands in BibTeX ({\'e} → é,
//     {\"u} → ü, \c{c} → ç, \ss → ß, --- → —, \emph{x} → x), LaTeX
//     accents and rich-text tags in CSL titles, RIS continuation lines;
//     mojibake (UTF-8 read as Latin-1 or Windows-1252, once or twice) is
//     repaired; runs of white space become one space.
//   - A value that cannot be normalised (a year that is not a year, a DOI or
//     URL that is not one, a language that is not a language) is kept in
//     Note as "year: forthcoming", so that nothing is lost and the quads
//     pass the shapes.
//
// Types map to citation types as follows; any other type is a report.
//
//	citation type   BibTeX                             CSL                               RIS
//	article         article, periodical                article-journal, -magazine,       JOUR, JFULL, MGZN, NEWS,
//	                                                   -newspaper, article, review       EJOUR, ABST, INPR
//	book            book, booklet, proceedings,        book, thesis, collection,         BOOK, EBOOK, EDBOOK,
//	                collection, phdthesis, thesis      classic                           THES, SER
//	chapter         incollection, inbook, bookinbook   chapter, entry-*                  CHAP, ECHAP, ENCYC, DICT
//	report          techreport, report, manual, ...    report, document, dataset, ...    RPRT, GOVDOC, STAND, GEN
//	paper           inproceedings, conference          paper-conference, speech          CONF, CPAPER
//	web page        online, www, misc with a url       webpage, post-weblog, post        ELEC, WEB, BLOG
//	working paper   unpublished                        manuscript                        UNPB, MANSCPT
//
// RIS type names that some programs write instead of codes ("Journal
// Article", "Book Section") are understood.
//
// # Deduplication
//
// Within one input, an entry with the same [Key] as an earlier one (the
// same DOI, or, when either lacks a DOI, the same normalised title, year
// and first author) is merged into the earlier one: the fields the earlier
// entry lacks are filled from the later one, and only the quads that adds
// are written.
//
// Against what the store already holds, an [Index] and a [Linker] do it.
// [ReadIndex] reads the store's References, persons and organisations
// (leaving out the graph an import replaces) and keys them as the Reader
// keys entries: a Reference by its bibo:doi, and by its dcterms:title,
// cg:yearLabel (else dcterms:issued) and the family name of the first
// member of its bibo:authorList (else of its bibo:editorList, unless it is
// a chapter or paper, whose editors are its container's); a person by
// foaf:familyName and foaf:givenName; an organisation by rdfs:label,
// foaf:name and skos:altLabel. [Linker.Link] then rewrites each entry's
// quads, subjects and objects, to the IRIs the index holds:
//
//   - a work takes the IRI of the Reference with its key, with the author
//     and editor lists that hang from it; two works of one input never
//     take the same Reference;
//   - a person takes the IRI of the one person with the same family name,
//     normalised as titles are, whose given names are compatible: compared
//     name by name, two full names must be equal and an initial must be the
//     first letter of the other ("J." and "John R." are compatible, "John"
//     and "Jane" are not, nor "John R." and "John Q."). When two persons
//     fit, the one whose given names are the same wins, and when that does
//     not settle it (the index holds "John" and "Jane", the entry says
//     "J.") the person is not linked: two people who may differ are never
//     merged;
//   - an organisation (a corporate author, a publisher) takes the IRI of
//     the one organisation with the same normalised name, or else of the
//     one with it as another name.
//
// A linked person or organisation is named as the index names it, so that
// it has one name across sources, and the entry's own spelling of the name,
// when it differs, is kept as foaf:nick (a person) or skos:altLabel (an
// organisation); a linked work keeps what the entry says of it. See
// [Linker] for the rest.
//
// Within one input, spellings of a name that differ only by diacritics,
// the case of a particle or a hyphen for a space ("Iván"/"Ivan", "di
// Noia"/"Di Noia", "Labra Gayo"/"Labra-Gayo") give one slug and so one
// person: the Reader names it with the first spelling and keeps each other
// full name as foaf:nick (skos:altLabel for an organisation), instead of a
// second name.
//
// # Errors
//
// Syntax errors are [*ParseError] values, matching [ErrSyntax]: BibTeX and
// RIS errors give the line and column, CSL-JSON errors the JSON path of the
// value too ("[3].issued"). The Reader does not stop at a bad entry: it
// keeps the error and goes on with the next entry, and at the end of the
// input returns the errors, the first 100 listed and the rest counted
// ("... and N more problems (T in all)"), instead of io.EOF. BibTeX goes on
// at the next '@' that starts a line or an entry; an entry whose unclosed
// brace swallowed the rest of the input ends where the first entry inside
// it starts, and the error is put there. RIS goes on at the next "TY  -"
// line. CSL-JSON goes on with the next item after an item with a bad field
// (the error gives the field's JSON path); malformed JSON ends the input.
//
// # Caveats
//
//   - The IRI of a work is [citation.Citation.Slug]: first author, year and
//     first title word. Two different works by the same first author in the
//     same year whose titles start with the same word share an IRI, and so
//     their quads mix; a year suffix in the data (2019a, 2019b) keeps them
//     apart. A Linker does not undo that: a work whose IRI the index holds
//     for another work keeps it.
//   - A linked work's author list may differ from the one the store holds
//     (an author more, or one not linked): the list node, {work}#authors,
//     then has two members at one position, one from each source.
//   - The names of a linked person are the first source's: a later file
//     that spells them out ("Smith, John" for the index's "Smith, J.")
//     links to the person but does not rename it, and a file re-imported
//     after another linked to its persons keeps their old names.
//   - [ReadIndex] reads every Reference, person and organisation of the
//     store, once per input: on a store with many organisations (OCDS
//     parties) that is a scan of them all.
//   - Entries with errors are skipped, but an error in a @string macro
//     leaves the macro undefined, and every entry that uses it is an error
//     too.
//   - Columns count bytes from 1, as Go's tools do; in a CSL-JSON file that
//     starts with a byte order mark, columns on line 1 count from after it.
//   - Invalid UTF-8 is an error in BibTeX and RIS; in CSL-JSON
//     encoding/json replaces it with U+FFFD.
//   - BibTeX @string macros must be defined before use, and an undefined
//     macro is an error (BibTeX warns and uses nothing). An '@' that does
//     not start a line and is not followed by a type and a brace is taken as
//     text between entries (an e-mail address in a comment); a line that
//     starts with % between entries is a comment, so an entry commented out
//     that way stays out (BibTeX itself would read it).
//   - CSL-JSON items must have a type; a date must be date-parts, raw or
//     literal, or an EDTF date string.
//   - Language is not guessed from the title when an entry gives none.
//   - To follow crossref, the Reader keeps the raw fields of every entry
//     of a type that may be named (book, proceedings, collection and the
//     like) and holds back the entries that name one not read yet: memory
//     then grows with those entries, not only with the largest.
//   - An entry of more than 8 MiB (a BibTeX entry or value after @string
//     macros, a RIS record or line, a CSL-JSON item) is an error, so that a
//     broken input (an unclosed brace) or a hostile one (macros that double
//     themselves) cannot exhaust memory.
package bib
