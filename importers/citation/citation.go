package citation

import (
	"strings"

	"civicgraph/schema"
)

// Type is the kind of work a citation describes.
type Type string

// The kinds of work. Each maps to one class of the ontology; see [Type.Class].
const (
	TypeReport       Type = "report"        // bibo:Report
	TypeArticle      Type = "article"       // bibo:AcademicArticle
	TypeBook         Type = "book"          // bibo:Book (bibo:EditedBook when it has only editors)
	TypeChapter      Type = "chapter"       // bibo:Chapter
	TypePaper        Type = "paper"         // cg:Paper, a conference paper or communication
	TypeWorkingPaper Type = "working paper" // cg:WorkingPaper
	TypeWebPage      Type = "web page"      // bibo:Webpage
)

// Types returns every [Type], in a fixed order.
func Types() []Type {
	return []Type{TypeReport, TypeArticle, TypeBook, TypeChapter, TypePaper, TypeWorkingPaper, TypeWebPage}
}

// ParseType returns the Type named s ("report", "working paper", ...) and
// reports whether there is one.
func ParseType(s string) (Type, bool) {
	for _, t := range Types() {
		if string(t) == s {
			return t, true
		}
	}
	return "", false
}

// Class returns the IRI of the ontology class of works of type t: a BIBO
// class, or cg:Paper or cg:WorkingPaper. It returns cg:Reference for a type
// it does not know.
func (t Type) Class() string {
	switch t {
	case TypeReport:
		return schema.BIBOReport
	case TypeArticle:
		return schema.BIBOAcademicArticle
	case TypeBook:
		return schema.BIBOBook
	case TypeChapter:
		return schema.BIBOChapter
	case TypePaper:
		return schema.ClassPaper
	case TypeWorkingPaper:
		return schema.ClassWorkingPaper
	case TypeWebPage:
		return schema.BIBOWebpage
	}
	return schema.ClassReference
}

// Person is an author or editor as cited. A person has a Family name and
// Given names or initials ("Peña-López", "I."). A corporate author, an
// organisation such as "OECD", has its whole name in Family and no Given
// name; see [Person.IsOrganization].
type Person struct {
	Family string `json:"family"`
	Given  string `json:"given,omitempty"`
}

// IsOrganization reports whether p is a corporate author: an organisation
// rather than a person, cited by its name alone.
func (p Person) IsOrganization() bool { return p.Given == "" }

// Name returns the name for display: "I. Peña-López" for a person, the name
// itself for an organisation.
func (p Person) Name() string {
	if p.IsOrganization() {
		return p.Family
	}
	return p.Given + " " + p.Family
}

// Slug returns the IRI path segment of p: [schema.Slug] of the family name
// and the initials of a person ("pena-lopez-i"), of the name of an
// organisation ("oecd").
func (p Person) Slug() string {
	if p.IsOrganization() {
		return schema.Slug(p.Family)
	}
	return schema.Slug(p.Family + " " + p.Given)
}

// Citation is one bibliography entry, parsed into its parts. Every field is
// as cited, trimmed of the punctuation that separates it from the next; a
// field the citation does not have is empty.
type Citation struct {
	// Line is the line of the input the citation was read from, from 1.
	Line int `json:"line"`
	// Raw is the citation as written, without leading and trailing space.
	Raw string `json:"raw"`

	// Type is the kind of work, inferred from the shape of the citation;
	// see the package documentation for the rules.
	Type Type `json:"type,omitempty"`
	// Authors are the authors in the order cited. Editors are the editors of
	// a work cited by its editors ("Connell, J.P. (Eds.) (1995)").
	Authors []Person `json:"authors,omitempty"`
	Editors []Person `json:"editors,omitempty"`
	// Year is the year as cited, with any letter suffix kept: "2019a".
	Year string `json:"year,omitempty"`
	// Title is the title of the work, with its subtitle, without quotes.
	Title string `json:"title,omitempty"`

	// Container is the journal, book, proceedings or website the work is
	// part of. ContainerEditors are the editors or coordinators of the book
	// a chapter is in.
	Container        string   `json:"container,omitempty"`
	ContainerEditors []Person `json:"containerEditors,omitempty"`
	// Series is the series the work is published in, and Number its number
	// in the series ("63", "IIPP WP 2017-01").
	Series string `json:"series,omitempty"`
	Number string `json:"number,omitempty"`
	// Volume, Issue, Pages and Chapter locate the work in its container.
	// Issue also holds a named issue ("Spring 2000").
	Volume  string `json:"volume,omitempty"`
	Issue   string `json:"issue,omitempty"`
	Pages   string `json:"pages,omitempty"`
	Chapter string `json:"chapter,omitempty"`
	// Edition is the edition as cited ("3rd edition").
	Edition string `json:"edition,omitempty"`
	// Date is a full date of publication as cited ("22 August 2023"), for
	// web pages.
	Date string `json:"date,omitempty"`
	// Note is any other information the citation gives ("Updated 12 January
	// 2023", "Published online: 30 May 2024").
	Note string `json:"note,omitempty"`

	// Publisher and Place are the imprint as cited. When a work has more
	// than one imprint ("Wageningen: ..., and Rugby, UK: ...") they are
	// joined with "; ". Publishers splits Publisher into the names of the
	// organisations, at ", " and "; ".
	Publisher  string   `json:"publisher,omitempty"`
	Place      string   `json:"place,omitempty"`
	Publishers []string `json:"publishers,omitempty"`

	// URL and DOI are the web address and the DOI (without "doi:") if given.
	// OtherURLs are the work's further web addresses, when a source gives
	// more than one (RIS: several UR lines, L1–L4 links, lists separated
	// by ';').
	URL       string   `json:"url,omitempty"`
	OtherURLs []string `json:"otherUrls,omitempty"`
	DOI       string   `json:"doi,omitempty"`
	// Language is the BCP 47 code of the language of the title ("en", "es",
	// "ca") when the words of the title make it plain, and "" otherwise.
	Language string `json:"language,omitempty"`
}

// Slug returns the IRI path segment of the citation's Reference: the family
// name of the first author who is a person (or the name of the first
// author, when all are organisations; editors when there are no authors),
// the year as cited and the first word of the title that is not an article,
// as in "pena-lopez-2019a-estat". The year suffix keeps 2019a and 2019b
// apart; using the first person rather than a commissioning organisation
// keeps apart the reports an organisation commissions from different
// authors in the same year.
func (c Citation) Slug() string {
	names := c.Authors
	if len(names) == 0 {
		names = c.Editors
	}
	key := ""
	for _, p := range names {
		if !p.IsOrganization() {
			key = schema.Slug(p.Family)
			break
		}
	}
	if key == "" && len(names) > 0 {
		key = schema.Slug(names[0].Family)
	}
	parts := make([]string, 0, 3)
	for _, s := range []string{key, schema.Slug(c.Year), firstTitleWord(c.Title)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return "reference"
	}
	return strings.Join(parts, "-")
}

// articles are the words skipped at the start of a title when making a slug:
// English, Spanish and Catalan articles.
var articles = map[string]bool{
	"the": true, "a": true, "an": true,
	"el": true, "la": true, "lo": true, "los": true, "las": true,
	"els": true, "les": true, "l": true, "un": true, "una": true,
}

// firstTitleWord returns the first word of the slug of title that is not an
// article, or "" when there is none.
func firstTitleWord(title string) string {
	for _, w := range strings.Split(schema.Slug(title), "-") {
		if w != "" && !articles[w] {
			return w
		}
	}
	return ""
}
