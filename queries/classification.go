package queries

import (
	"context"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Classification is a code of a classification scheme (CPV, UNSPSC,
// COFOG, …) that a procurement is filed under: a SKOS concept linked from
// it with dcterms:subject.
type Classification struct {
	c      *entity
	scheme *entity // nil when the concept names no scheme the store describes
}

// Classifications resolves Procurement.classifications: its
// dcterms:subject values that are concepts, ordered by IRI.
func (p *Procurement) Classifications(ctx context.Context) ([]*Classification, error) {
	subjects, err := p.links(ctx, schema.DCTermsSubject)
	if err != nil {
		return nil, err
	}
	var out []*Classification
	for _, c := range subjects {
		if !c.has(schema.SKOSConcept) {
			continue
		}
		cl := &Classification{c: c}
		if cl.scheme, err = c.link(ctx, schema.SKOSInScheme); err != nil {
			return nil, err
		}
		out = append(out, cl)
	}
	return out, nil
}

// Scheme resolves Classification.scheme: the scheme's notation (CPV),
// else its label, else its IRI; "" when the concept is in no scheme.
func (c *Classification) Scheme() string {
	if c.scheme != nil {
		if s := c.scheme.str(schema.SKOSNotation); s != nil {
			return *s
		}
		if s := c.scheme.text(schema.RDFSLabel, "en"); s != nil {
			return *s
		}
		return c.scheme.t.Value
	}
	for _, v := range c.c.props[schema.SKOSInScheme] {
		return v.Value
	}
	return ""
}

// SchemeIri resolves Classification.schemeIri.
func (c *Classification) SchemeIri() *string {
	for _, v := range c.c.props[schema.SKOSInScheme] {
		return &v.Value
	}
	return nil
}

// Code resolves Classification.code (skos:notation).
func (c *Classification) Code() *string { return c.c.str(schema.SKOSNotation) }

// Label resolves Classification.label (skos:prefLabel in lang, else any).
func (c *Classification) Label(args LangArgs) *string {
	return c.c.text(schema.SKOSPrefLabel, args.Lang)
}

// Concept resolves Classification.concept.
func (c *Classification) Concept() *Concept { return asConcept(c.c) }

// classificationTerm returns the concept a classification filter value
// names: an IRI as it is ("http://data.europa.eu/cpv/cpv/72000000"), or
// "SCHEME:CODE" ("CPV:72000000", "UNSPSC:43232000"), read as
// schema.ClassificationIRI does.
func classificationTerm(v string) graph.Term {
	v = strings.TrimSpace(v)
	if strings.Contains(v, "://") {
		return graph.IRI(v)
	}
	scheme, code, ok := strings.Cut(v, ":")
	if !ok {
		return graph.IRI(v)
	}
	return graph.IRI(schema.ClassificationIRI(scheme, code))
}
