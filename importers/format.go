package importers

import (
	"fmt"
	"path/filepath"
	"strings"

	"civicgraph/rdf"
)

// Format names an input syntax. CSV formats may name their template:
// "csv:procurement".
type Format string

// The formats Import reads. The RDF syntaxes are those of [rdf.Formats],
// by the same names; their aliases, extensions and media types come from
// that one table.
const (
	NTriples  Format = "nt"
	NQuads    Format = "nq"
	Turtle    Format = "ttl"
	TriG      Format = "trig"
	RDFXML    Format = "rdfxml"
	JSONLD    Format = "jsonld"
	CSV       Format = "csv"
	BibTeX    Format = "bibtex"
	RIS       Format = "ris"
	CSLJSON   Format = "csljson"
	Citations Format = "citations"
	OCDS      Format = "ocds"
	// Register is a public AI register (the Dutch Algoritmeregister JSON,
	// the JRC AI Watch cases CSV, the T6-X registers of Amsterdam and
	// Helsinki), told apart by content.
	Register Format = "register"
	// JSON is a .json file whose content decides: OCDS, CSL-JSON, an AI
	// register or JSON-LD.
	JSON Format = "json"
	// CodeList is a code list: a CSV file whose header starts with
	// Code, Title and Description (the OCDS codelists), read as a SKOS
	// concept scheme (see package codelist). Told apart from other CSV by
	// content.
	CodeList Format = "codelist"
	// Mapped is a CSV or JSON file read through a mapping file: the one
	// given in Options.Map, or a shipped one whose columns the file's
	// header has (see package mapping).
	Mapped Format = "mapped"
)

// Formats lists the formats Import reads.
func Formats() []Format {
	return []Format{NTriples, NQuads, Turtle, TriG, RDFXML, JSONLD, CSV, BibTeX, RIS, CSLJSON, Citations, OCDS, Register, CodeList}
}

// aliases maps the names users give to the domain formats; the RDF
// syntaxes are looked up in the rdf table (see lookup).
var aliases = map[string]Format{
	"csv":    CSV,
	"bibtex": BibTeX, "bib": BibTeX,
	"ris":     RIS,
	"csljson": CSLJSON, "csl-json": CSLJSON, "csl": CSLJSON,
	"citations": Citations, "txt": Citations,
	"ocds":     OCDS,
	"codelist": CodeList,
	"register": Register, "algoritmeregister": Register, "jrc": Register,
	"jsonl": OCDS,
	"json":  JSON,
}

// ParseFormat checks a format name given by a user ("nt", "ntriples", "nq",
// "nquads", "csv", "csv:procurement").
func ParseFormat(name string) (Format, error) {
	lower := strings.ToLower(name)
	if f, ok := lookup(lower); ok {
		return f, nil
	}
	if tmpl, ok := strings.CutPrefix(lower, "csv:"); ok && tmpl != "" {
		return Format(lower), nil
	}
	var names []string
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("%w %q: expected one of %s, csv:<template>", ErrUnknownFormat, name, strings.Join(names, ", "))
}

// lookup returns the format a lower-case name stands for: an RDF syntax
// of the rdf table by its name or an alias, or a domain format.
func lookup(name string) (Format, bool) {
	if rf, ok := rdf.Lookup(name); ok {
		return Format(rf.Name), true
	}
	f, ok := aliases[name]
	return f, ok
}

// rdfFormat returns the rdf table's entry for f, when f is an RDF syntax.
func (f Format) rdfFormat() (rdf.Format, bool) {
	if f.isDomain() {
		return rdf.Format{}, false
	}
	return rdf.Lookup(string(f))
}

// isDomain reports whether f maps a domain format onto the ontology, whose
// output is checked against the shapes (CSV checks its own).
func (f Format) isDomain() bool {
	switch f.base() {
	case BibTeX, RIS, CSLJSON, Citations, OCDS, Register, CSV, Mapped, CodeList:
		return true
	}
	return false
}

// base returns the format without a template: csv for csv:procurement.
func (f Format) base() Format {
	b, _, _ := strings.Cut(string(f), ":")
	return Format(b)
}

// template returns the CSV template a format names, or "".
func (f Format) template() string {
	_, t, _ := strings.Cut(string(f), ":")
	return t
}

// FormatOf guesses a file's format from its extension.
func FormatOf(path string) (Format, error) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if ext == "json" && strings.HasSuffix(strings.ToLower(path), ".csl.json") {
		return CSLJSON, nil
	}
	if rf, ok := rdf.ByExtension(path); ok {
		return Format(rf.Name), nil
	}
	if f, ok := aliases[ext]; ok && ext != "" {
		return f, nil
	}
	return "", fmt.Errorf("%w: cannot tell the format of %s from its extension (expected .nt, .nq, .ttl, .trig, .rdf, .owl, .jsonld, .json, .jsonl, .csv, .bib, .ris or .txt); name it with --format", ErrUnknownFormat, path)
}
