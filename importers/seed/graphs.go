package seed

import (
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// graphNames are the graphs of the schema package that graphs.csv
// describes, by the name in its graph column.
var graphNames = map[string]string{
	"ontology": schema.GraphOntology,
	"concepts": schema.GraphConcepts,
	"shapes":   schema.GraphShapes,
}

// loadGraphs reads graphs.csv: the description of the graphs the schema
// package makes (ontology, concepts, shapes), which importers.Seed loads
// beside the seed. Each becomes, in the default graph,
//
//	<graph> a void:Dataset, dcat:Dataset, prov:Entity ; dcterms:title ;
//	    dcterms:description ; dcterms:license ; dcterms:hasVersion ;
//	    dcterms:created ; dcterms:modified ; prov:wasDerivedFrom <source> .
//
// and each source graph of sources.csv gets its type and title there too,
// with cg:notStated dcterms:license: the posts state no licence.
func (l *loader) loadGraphs() error {
	t, err := readTable(l.fsys, "graphs.csv", []string{"graph", "title", "license"},
		[]string{"description", "derived_from", "version", "created", "modified", "evidence"})
	if err != nil {
		return err
	}
	var d graph.Term // the default graph
	for _, r := range t.rows {
		name, err := r.need("graph")
		if err != nil {
			return err
		}
		iri, ok := graphNames[name]
		if !ok {
			return r.errorf("graph", "unknown graph %q (known: concepts, ontology, shapes)", name)
		}
		g := graph.IRI(iri)
		title, err := r.need("title")
		if err != nil {
			return err
		}
		lic, err := r.need("license")
		if err != nil {
			return err
		}
		if !strings.HasPrefix(lic, "http://") && !strings.HasPrefix(lic, "https://") {
			return r.errorf("license", "%q is not the IRI of a licence", lic)
		}
		l.describeGraph(g, title)
		l.emit(g, schema.DCTermsLicense, graph.IRI(lic), d)
		if v := r.get("description"); v != "" {
			l.emit(g, schema.DCTermsDescription, graph.LangLiteral(v, "en"), d)
		}
		if v := r.get("version"); v != "" {
			l.emit(g, schema.DCTermsHasVersion, graph.String(v), d)
		}
		for _, c := range []struct{ col, prop string }{{"created", schema.DCTermsCreated}, {"modified", schema.DCTermsModified}} {
			v := r.get(c.col)
			if v == "" {
				continue
			}
			if !isISODate(v) {
				return r.errorf(c.col, "%q is not a date as YYYY-MM-DD", v)
			}
			l.emit(g, c.prop, graph.Literal(v, schema.XSDDate), d)
		}
		for _, v := range r.list("derived_from") {
			src, err := l.ref(v)
			if err != nil {
				return r.errorf("derived_from", "%v", err)
			}
			l.emit(g, schema.PROVWasDerivedFrom, src, d)
		}
	}
	for _, id := range l.order {
		g := graphOf(id)
		l.describeGraph(g, "civicgraph seed: "+l.sources[id].title)
		l.emit(g, schema.PropNotStated, graph.IRI(schema.DCTermsLicense), d)
	}
	return nil
}

// describeGraph types g as a dataset and gives it a title, in the default
// graph.
func (l *loader) describeGraph(g graph.Term, title string) {
	var d graph.Term
	l.emit(g, schema.RDFType, graph.IRI(schema.VOIDDataset), d)
	l.emit(g, schema.RDFType, graph.IRI(schema.DCATDataset), d)
	l.emit(g, schema.RDFType, graph.IRI(schema.PROVEntity), d)
	l.emit(g, schema.DCTermsTitle, graph.String(title), d)
}
