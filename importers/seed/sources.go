package seed

import (
	"path"
	"sort"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// sourceRow is a row of sources.csv: one source text.
type sourceRow struct {
	id             string
	title          string
	bibliographyOf graph.Term // the work whose bibliography the source lists, or the zero Term
}

// loadSources reads sources.csv. Each source is {base}source/{id}, a
// bibo:Webpage and prov:Entity described in its own named graph, and the
// graph prov:wasDerivedFrom it, in the default graph.
func (l *loader) loadSources() error {
	t, err := readTable(l.fsys, "sources.csv", []string{"id", "title"}, []string{"bibliography_of", "evidence"})
	if err != nil {
		return err
	}
	l.sources = map[string]sourceRow{}
	for _, r := range t.rows {
		id, err := r.need("id")
		if err != nil {
			return err
		}
		if id != schema.Slug(id) {
			return r.errorf("id", "%q is not a slug (want %q)", id, schema.Slug(id))
		}
		if _, dup := l.sources[id]; dup {
			return r.errorf("id", "source %q given twice", id)
		}
		title, err := r.need("title")
		if err != nil {
			return err
		}
		src := sourceRow{id: id, title: title}
		if v := r.get("bibliography_of"); v != "" {
			if src.bibliographyOf, err = l.ref(v); err != nil {
				return r.errorf("bibliography_of", "%v", err)
			}
		}
		l.sources[id] = src
		l.order = append(l.order, id)

		s, g := l.entity(schema.KindSource, id), graphOf(id)
		l.emit(s, schema.RDFType, graph.IRI(schema.BIBOWebpage), g)
		l.emit(s, schema.RDFType, graph.IRI(schema.PROVEntity), g)
		l.emit(s, schema.DCTermsTitle, graph.String(title), g)
		l.emit(s, schema.RDFSLabel, graph.String(title), g)
		l.emit(g, schema.PROVWasDerivedFrom, s, graph.Term{})
	}
	return nil
}

// loadDocuments reads documents.csv: works the sources name without a full
// citation. Without a year they cannot be cg:References; they are typed
// with the BIBO class of the type column only.
func (l *loader) loadDocuments() error {
	t, err := readTable(l.fsys, "documents.csv", []string{"id", "type", "graph"},
		[]string{"title", "label", "date", "url", "evidence"})
	if err != nil {
		return err
	}
	types := map[string]string{"document": schema.BIBODocument, "web page": schema.BIBOWebpage, "slideshow": schema.BIBOSlideshow}
	for _, r := range t.rows {
		id, err := r.need("id")
		if err != nil {
			return err
		}
		if id != schema.Slug(id) {
			return r.errorf("id", "%q is not a slug", id)
		}
		class, ok := types[r.get("type")]
		if !ok {
			return r.errorf("type", "unknown type %q (known: document, web page, slideshow)", r.get("type"))
		}
		graphs, err := l.sourceGraphs(r, "graph")
		if err != nil {
			return err
		}
		title, label := r.get("title"), r.get("label")
		if label == "" {
			label = title
		}
		if label == "" {
			return r.errorf("label", "a title or a label is required")
		}
		date := r.get("date")
		if date != "" && !isISODate(date) {
			return r.errorf("date", "%q is not a date as YYYY-MM-DD", date)
		}
		url := r.get("url")
		if url != "" && !strings.HasPrefix(url, "http://") && !strings.HasPrefix(url, "https://") {
			return r.errorf("url", "%q is not an http(s) URL", url)
		}
		s := l.entity(schema.KindReference, id)
		for _, src := range graphs {
			g := graphOf(src)
			l.emit(s, schema.RDFType, graph.IRI(class), g)
			if title != "" {
				l.emit(s, schema.DCTermsTitle, graph.String(title), g)
			}
			l.emit(s, schema.RDFSLabel, graph.String(label), g)
			if date != "" {
				l.emit(s, schema.DCTermsDate, graph.Literal(date, schema.XSDDate), g)
			}
			if url != "" {
				l.emit(s, schema.SchemaURL, graph.IRI(url), g)
			}
			l.emit(s, schema.PROVWasDerivedFrom, l.entity(schema.KindSource, src), g)
		}
	}
	return nil
}

// isISODate reports whether s is a date as YYYY-MM-DD.
func isISODate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return s[5:7] >= "01" && s[5:7] <= "12" && s[8:] >= "01" && s[8:] <= "31"
}

// loadRelations reads relations.csv: one link between two entities, or an
// entity and a concept, per row.
func (l *loader) loadRelations() error {
	t, err := readTable(l.fsys, "relations.csv", []string{"subject", "predicate", "object", "graph"}, []string{"evidence"})
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		var terms [2]graph.Term
		for i, c := range []string{"subject", "object"} {
			v, err := r.need(c)
			if err != nil {
				return err
			}
			if terms[i], err = l.ref(v); err != nil {
				return r.errorf(c, "%v", err)
			}
		}
		pv, err := r.need("predicate")
		if err != nil {
			return err
		}
		p, err := prefixed(pv)
		if err != nil {
			return r.errorf("predicate", "%v", err)
		}
		graphs, err := l.sourceGraphs(r, "graph")
		if err != nil {
			return err
		}
		for _, src := range graphs {
			l.emit(terms[0], p, terms[1], graphOf(src))
		}
	}
	return nil
}

// loadDescriptions reads descriptions.csv: texts given in the sources, as
// dcterms:description in a language.
func (l *loader) loadDescriptions() error {
	t, err := readTable(l.fsys, "descriptions.csv", []string{"subject", "lang", "text", "graph"}, []string{"evidence"})
	if err != nil {
		return err
	}
	for _, r := range t.rows {
		sv, err := r.need("subject")
		if err != nil {
			return err
		}
		s, err := l.ref(sv)
		if err != nil {
			return r.errorf("subject", "%v", err)
		}
		lang, err := r.need("lang")
		if err != nil {
			return err
		}
		text, err := r.need("text")
		if err != nil {
			return err
		}
		graphs, err := l.sourceGraphs(r, "graph")
		if err != nil {
			return err
		}
		for _, src := range graphs {
			l.emit(s, schema.DCTermsDescription, graph.LangLiteral(text, lang), graphOf(src))
		}
	}
	return nil
}

// loadStatements reads the Turtle files in statements/, each named after
// the source whose graph it goes in ("playbook.ttl").
func (l *loader) loadStatements() error {
	_, files, err := l.listDir("statements")
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		if path.Ext(f) != ".ttl" {
			return dataErrorf("%s: statements/ holds only .ttl files", f)
		}
		src := strings.TrimSuffix(path.Base(f), ".ttl")
		if _, ok := l.sources[src]; !ok {
			return dataErrorf("%s: %q is not a source id", f, src)
		}
		b, err := l.readFile(f)
		if err != nil {
			return err
		}
		qs, err := parseTurtle(f, b, l.base, graphOf(src))
		if err != nil {
			return err
		}
		for _, q := range qs {
			if q.O.Kind == graph.KindIRI && strings.HasPrefix(q.O.Value, schema.ConceptBase) {
				rest := strings.TrimPrefix(q.O.Value, schema.ConceptBase)
				scheme, code, ok := strings.Cut(rest, "/")
				if !ok {
					return dataErrorf("%s: %s is a concept scheme, not a concept", f, q.O.Value)
				}
				if _, err := conceptTerm(scheme, code); err != nil {
					return dataErrorf("%s: %s: %v", f, q.O.Value, err)
				}
			}
		}
		l.out = append(l.out, qs...)
	}
	return nil
}
