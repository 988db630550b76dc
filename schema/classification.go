package schema

import (
	"strings"

	"civicgraph/graph"
)

// Classifications: the codes sources give to what is bought (CPV, UNSPSC)
// or to what a public body does (COFOG) become SKOS concepts of one
// concept scheme per classification, linked from the procurement with
// dcterms:subject. The CPV keeps the IRIs the EU Publications Office gives
// it (http://data.europa.eu/cpv/cpv/72000000, which ePO notices use);
// any other scheme gets IRIs under ConceptBase + "classification/".
const (
	// CPVScheme is the IRI of the Common Procurement Vocabulary.
	CPVScheme = "http://data.europa.eu/cpv/cpv"
	// ClassificationBase is the base of the schemes minted for
	// classifications other than the CPV.
	ClassificationBase = ConceptBase + "classification/"
)

// ClassificationUnstated is the base of the concepts of codes a source
// gives without naming their scheme: such a concept states cg:notStated
// skos:inScheme.
const ClassificationUnstated = ClassificationBase + "scheme-not-stated/"

// ClassificationScheme returns the IRI of the scheme a source names
// ("CPV", "UNSPSC", "COFOG"), or "" when the name is blank.
func ClassificationScheme(scheme string) string {
	s := Slug(scheme)
	switch {
	case s == "":
		return ""
	case s == "cpv":
		return CPVScheme
	}
	return ClassificationBase + s
}

// ClassificationIRI returns the IRI of a code of a scheme, or "" when the
// code is blank. A CPV code is its eight digits, with or without the
// check digit ("72000000-5"); a CPV code that is not eight digits gets a
// minted IRI like other schemes, so that nothing is lost. A code whose
// scheme is blank gets an IRI under [ClassificationUnstated].
func ClassificationIRI(scheme, code string) string {
	code = strings.TrimSpace(code)
	if code == "" || Slug(code) == "" {
		return ""
	}
	sch := ClassificationScheme(scheme)
	if sch == "" {
		return ClassificationUnstated + Slug(code)
	}
	if sch == CPVScheme {
		if c := CPVCode(code); c != "" {
			return CPVScheme + "/" + c
		}
		return ClassificationBase + "cpv/" + Slug(code)
	}
	s := Slug(code)
	if s == "" {
		return ""
	}
	return sch + "/" + s
}

// CPVCode returns the eight digits of a CPV code ("72000000-5" or
// "72000000", or "72000000.0" as spreadsheets write a number), or "".
func CPVCode(code string) string {
	code = strings.TrimSpace(code)
	code = strings.TrimSuffix(code, ".0")
	if c, check, ok := strings.Cut(code, "-"); ok {
		if len(check) != 1 || check[0] < '0' || check[0] > '9' {
			return ""
		}
		code = c
	}
	if len(code) != 8 {
		return ""
	}
	for i := 0; i < len(code); i++ {
		if code[i] < '0' || code[i] > '9' {
			return ""
		}
	}
	return code
}

// Classification is one code of a classification scheme as a source
// gives it.
type Classification struct {
	// Scheme is the scheme's name as the source writes it ("CPV").
	Scheme string
	// Code is the code ("72000000"); for a scheme without codes, the
	// label.
	Code string
	// Label is the code's description in the source, "" when it gives
	// none; Lang its language tag, "" for none.
	Label, Lang string
}

// ClassificationQuads returns, with a zero graph, the statements that
// make c a skos:Concept of its scheme (typed skos:ConceptScheme, with the
// scheme's name as notation and label): its skos:notation, and its
// skos:prefLabel, or cg:notStated skos:prefLabel when the source gives no
// label. A code with no scheme is a concept with cg:notStated
// skos:inScheme. It returns the concept's IRI, "" (and no statements)
// when the code is blank.
func ClassificationQuads(c Classification) (string, []graph.Quad) {
	iri := ClassificationIRI(c.Scheme, c.Code)
	if iri == "" {
		return "", nil
	}
	q := func(s, p string, o graph.Term) graph.Quad {
		return graph.Quad{S: graph.IRI(s), P: graph.IRI(p), O: o}
	}
	sch := ClassificationScheme(c.Scheme)
	if sch == "" {
		out := []graph.Quad{
			q(iri, RDFType, graph.IRI(SKOSConcept)),
			q(iri, PropNotStated, graph.IRI(SKOSInScheme)),
			q(iri, SKOSNotation, graph.String(strings.TrimSpace(c.Code))),
		}
		return iri, append(out, prefLabel(iri, c)...)
	}
	name := strings.TrimSpace(c.Scheme)
	schemeLabel := name
	if sch == CPVScheme {
		name, schemeLabel = "CPV", "Common Procurement Vocabulary (CPV)"
	}
	code := strings.TrimSpace(c.Code)
	if sch == CPVScheme && CPVCode(code) != "" {
		code = CPVCode(code)
	}
	out := []graph.Quad{
		q(sch, RDFType, graph.IRI(SKOSConceptScheme)),
		q(sch, SKOSNotation, graph.String(name)),
		q(sch, RDFSLabel, graph.String(schemeLabel)),
		q(iri, RDFType, graph.IRI(SKOSConcept)),
		q(iri, SKOSInScheme, graph.IRI(sch)),
		q(iri, SKOSNotation, graph.String(code)),
	}
	return iri, append(out, prefLabel(iri, c)...)
}

// prefLabel returns the label statement of a classification's concept,
// or cg:notStated skos:prefLabel when it has none.
func prefLabel(iri string, c Classification) []graph.Quad {
	s := graph.IRI(iri)
	switch label := strings.TrimSpace(c.Label); {
	case label == "":
		return []graph.Quad{{S: s, P: graph.IRI(PropNotStated), O: graph.IRI(SKOSPrefLabel)}}
	case c.Lang != "":
		return []graph.Quad{{S: s, P: graph.IRI(SKOSPrefLabel), O: graph.LangLiteral(label, c.Lang)}}
	default:
		return []graph.Quad{{S: s, P: graph.IRI(SKOSPrefLabel), O: graph.String(label)}}
	}
}
