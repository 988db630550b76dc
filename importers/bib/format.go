package bib

// Format names a bibliography syntax.
type Format string

// The formats a [Reader] reads.
const (
	// BibTeX is BibTeX and biblatex: @type{key, field = value, ...} entries,
	// with @string macros, # concatenation and LaTeX accents.
	BibTeX Format = "bibtex"
	// CSLJSON is CSL-JSON, the Citation Style Language's JSON: an array of
	// items (or a single item), as Zotero, Pandoc and citeproc exchange them.
	CSLJSON Format = "csljson"
	// RIS is the RIS tagged format: "TY  - JOUR" to "ER  - " records, one
	// tag per line.
	RIS Format = "ris"
)

// Formats returns every [Format], in a fixed order.
func Formats() []Format { return []Format{BibTeX, CSLJSON, RIS} }
