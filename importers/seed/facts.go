package seed

import (
	"strconv"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// BIBO and RDF terms that only the seed uses.
const (
	biboExcerpt   = schema.NSBIBO + "Excerpt"
	biboContent   = schema.NSBIBO + "content"
	rdfStatement  = schema.NSRDF + "Statement"
	rdfSubject    = schema.NSRDF + "subject"
	rdfPredicate  = schema.NSRDF + "predicate"
	rdfObject     = schema.NSRDF + "object"
	rdfValue      = schema.NSRDF + "value"
	xsdInteger    = schema.NSXSD + "integer"
	factLanguage  = "en" // the language of facts.csv's labels
	passagePrefix = schema.KindSource + "/"
)

// loadPassages reads passages.csv: the passages of the sources that the
// other files cite as evidence, verbatim. Each is {base}source/{id}, a
// bibo:Excerpt and prov:Entity that dcterms:isPartOf its source, with the
// quote as bibo:content and the section of the post as dcterms:title, in
// the source's graph.
func (l *loader) loadPassages() error {
	t, err := readTable(l.fsys, "passages.csv", []string{"id", "source", "quote"}, []string{"section"})
	if err != nil {
		return err
	}
	l.passages = map[string]bool{}
	for _, r := range t.rows {
		id, err := r.need("id")
		if err != nil {
			return err
		}
		if id != schema.Slug(id) {
			return r.errorf("id", "%q is not a slug (want %q)", id, schema.Slug(id))
		}
		if _, isSource := l.sources[id]; isSource || l.passages[id] {
			return r.errorf("id", "%q is already a source or a passage", id)
		}
		l.passages[id] = true
		srcs, err := l.sourceGraphs(r, "source")
		if err != nil {
			return err
		}
		if len(srcs) != 1 {
			return r.errorf("source", "a passage is in one source, not %d", len(srcs))
		}
		quote, err := r.need("quote")
		if err != nil {
			return err
		}
		s, g := l.entity(schema.KindSource, id), graphOf(srcs[0])
		l.emit(s, schema.RDFType, graph.IRI(biboExcerpt), g)
		l.emit(s, schema.RDFType, graph.IRI(schema.PROVEntity), g)
		l.emit(s, schema.DCTermsIsPartOf, l.entity(schema.KindSource, srcs[0]), g)
		l.emit(s, biboContent, graph.String(quote), g)
		if sec := r.get("section"); sec != "" {
			l.emit(s, schema.DCTermsTitle, graph.String(sec), g)
		}
	}
	return nil
}

// passage returns the entity of the passage with the given id.
func (l *loader) passage(r row, col, id string) (graph.Term, error) {
	if !l.passages[id] {
		return graph.Term{}, r.errorf(col, "unknown passage %q (see passages.csv)", id)
	}
	return l.entity(schema.KindSource, id), nil
}

// loadFacts reads facts.csv: what the sources say about a work (who
// commissioned it, its method, authors and dates) or another entity (the
// order of the levers) that no other file holds, each traceable to its
// passages. A row asserts subject predicate object in its graphs and
// reifies it as {base}statement/{id}, an rdf:Statement with the row's
// label, prov:wasDerivedFrom each passage, and for a method the number
// (rdf:value) and the stakeholder sectors (dcterms:subject) the source
// gives.
func (l *loader) loadFacts() error {
	t, err := readTable(l.fsys, "facts.csv", []string{"id", "subject", "predicate", "object", "label", "passage", "graph"},
		[]string{"datatype", "lang", "count", "sectors"})
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range t.rows {
		id, err := r.need("id")
		if err != nil {
			return err
		}
		if id != schema.Slug(id) {
			return r.errorf("id", "%q is not a slug (want %q)", id, schema.Slug(id))
		}
		if seen[id] {
			return r.errorf("id", "fact %q given twice", id)
		}
		seen[id] = true
		sv, err := r.need("subject")
		if err != nil {
			return err
		}
		subj, err := l.ref(sv)
		if err != nil {
			return r.errorf("subject", "%v", err)
		}
		pv, err := r.need("predicate")
		if err != nil {
			return err
		}
		pred, err := prefixed(pv)
		if err != nil {
			return r.errorf("predicate", "%v", err)
		}
		obj, err := l.factObject(r)
		if err != nil {
			return err
		}
		label, err := r.need("label")
		if err != nil {
			return err
		}
		var from []graph.Term
		for _, pid := range r.list("passage") {
			o, err := l.passage(r, "passage", pid)
			if err != nil {
				return err
			}
			from = append(from, o)
		}
		if len(from) == 0 {
			return r.errorf("passage", "at least one passage required")
		}
		stmt := l.entity(schema.KindStatement, id)
		props := [][2]any{
			{schema.RDFType, graph.IRI(rdfStatement)},
			{rdfSubject, subj},
			{rdfPredicate, graph.IRI(pred)},
			{rdfObject, obj},
			{schema.RDFSLabel, graph.LangLiteral(label, factLanguage)},
		}
		if c := r.get("count"); c != "" {
			if n, err := strconv.Atoi(c); err != nil || n <= 0 {
				return r.errorf("count", "%q is not a positive whole number", c)
			}
			props = append(props, [2]any{rdfValue, graph.Literal(c, xsdInteger)})
		}
		for _, code := range r.list("sectors") {
			o, err := conceptTerm(schema.SchemeSector, code)
			if err != nil {
				return r.errorf("sectors", "%v", err)
			}
			props = append(props, [2]any{schema.DCTermsSubject, o})
		}
		for _, o := range from {
			props = append(props, [2]any{schema.PROVWasDerivedFrom, o})
		}
		graphs, err := l.sourceGraphs(r, "graph")
		if err != nil {
			return err
		}
		for _, src := range graphs {
			g := graphOf(src)
			l.emit(subj, pred, obj, g)
			for _, po := range props {
				l.emit(stmt, po[0].(string), po[1].(graph.Term), g)
			}
		}
	}
	return nil
}

// factObject reads the object of a row of facts.csv: a literal when the
// row has a datatype or a language, else an entity or concept.
func (l *loader) factObject(r row) (graph.Term, error) {
	v, err := r.need("object")
	if err != nil {
		return graph.Term{}, err
	}
	dt, lang := r.get("datatype"), r.get("lang")
	switch {
	case dt != "" && lang != "":
		return graph.Term{}, r.errorf("datatype", "a literal has a datatype or a language, not both")
	case lang != "":
		return graph.LangLiteral(v, lang), nil
	case dt != "":
		iri, err := prefixed(dt)
		if err != nil {
			return graph.Term{}, r.errorf("datatype", "%v", err)
		}
		return graph.Literal(v, iri), nil
	}
	o, err := l.ref(v)
	if err != nil {
		return graph.Term{}, r.errorf("object", "%v (or give a datatype or a language for a literal)", err)
	}
	return o, nil
}

// isPassageRef reports whether a derived_from value names a passage.
func (l *loader) isPassageRef(d string) bool {
	return strings.HasPrefix(d, passagePrefix) && l.passages[strings.TrimPrefix(d, passagePrefix)]
}
