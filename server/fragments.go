package server

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/graph"
	"civicgraph/queries"
	"civicgraph/rdf"
	"civicgraph/schema"
)

// fragmentPageSize is the number of triples on a page of a fragment.
const fragmentPageSize = 100

// maxFragmentPage bounds the page parameter: deep pages cost a scan step
// per skipped quad.
const maxFragmentPage = 100000

// fragmentQuery is what the query string of /fragments asks for.
type fragmentQuery struct {
	s, p, o graph.Term // zero for a variable
	page    int        // from 1
	// raw holds the subject, predicate and object parameters as given,
	// for the URLs of the other pages.
	raw [3]string
}

// parseFragmentQuery reads the query string of /fragments: subject,
// predicate and object in the Hydra explicit representation (an IRI as
// is, a literal as "lexical", "lexical"@lang or "lexical"^^datatype-IRI,
// a variable as ?name or absent; a blank node _:x is a variable too), and
// page, a number from 1. The error names the parameter and what was
// expected.
func parseFragmentQuery(q url.Values) (fragmentQuery, error) {
	fq := fragmentQuery{page: 1}
	for i, name := range []string{"subject", "predicate", "object"} {
		v := q.Get(name)
		if !utf8.ValidString(v) {
			return fq, fmt.Errorf("parameter %s: %+q is not UTF-8", name, v)
		}
		t, err := parseFragmentTerm(v)
		if err != nil {
			return fq, fmt.Errorf("parameter %s: %w", name, err)
		}
		switch {
		case t.Kind == graph.KindLiteral && i < 2:
			return fq, fmt.Errorf("parameter %s: %q is a literal; expected an IRI or a variable", name, v)
		case t.Kind == graph.KindBlank:
			t = graph.Term{}
		}
		if !t.IsZero() {
			fq.raw[i] = v
		}
		switch i {
		case 0:
			fq.s = t
		case 1:
			fq.p = t
		case 2:
			fq.o = t
		}
	}
	if v := q.Get("page"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxFragmentPage {
			return fq, fmt.Errorf("parameter page: %q: expected a number from 1 to %d", v, maxFragmentPage)
		}
		fq.page = n
	}
	return fq, nil
}

// parseFragmentTerm reads one term in the Hydra explicit representation.
// "" and ?name are variables (the zero Term).
func parseFragmentTerm(v string) (graph.Term, error) {
	switch {
	case v == "" || strings.HasPrefix(v, "?"):
		return graph.Term{}, nil
	case strings.HasPrefix(v, "_:"):
		if len(v) == 2 {
			return graph.Term{}, fmt.Errorf("%q: expected a blank node label after the _: prefix", v)
		}
		return graph.Blank(v[2:]), nil
	case strings.HasPrefix(v, `"`):
		end := strings.LastIndexByte(v, '"')
		if end == 0 {
			return graph.Term{}, fmt.Errorf("%.60q: expected a literal ending in a quote, with @lang or ^^datatype after it", v)
		}
		lex, suffix := v[1:end], v[end+1:]
		switch {
		case suffix == "":
			return graph.String(lex), nil
		case strings.HasPrefix(suffix, "@"):
			if !graph.ValidLangTag(suffix[1:]) {
				return graph.Term{}, fmt.Errorf("%.60q: %q is not a language tag", v, suffix[1:])
			}
			return graph.LangLiteral(lex, suffix[1:]), nil
		case strings.HasPrefix(suffix, "^^"):
			dt := strings.TrimSuffix(strings.TrimPrefix(suffix[2:], "<"), ">")
			if !graph.IsAbsoluteIRI(dt) {
				return graph.Term{}, fmt.Errorf("%.60q: datatype %q is not an absolute IRI", v, dt)
			}
			return graph.Literal(lex, dt), nil
		}
		return graph.Term{}, fmt.Errorf("%.60q: expected @lang or ^^datatype after the closing quote", v)
	}
	iri := strings.TrimSuffix(strings.TrimPrefix(v, "<"), ">")
	if !graph.IsAbsoluteIRI(iri) || strings.ContainsAny(iri, " <>\"{}|^`\\") {
		return graph.Term{}, fmt.Errorf("%.60q: expected an absolute IRI, a literal in quotes or a variable", v)
	}
	return graph.IRI(iri), nil
}

// fragmentURL returns the URL of page n of the fragment of fq.
func fragmentURL(origin string, fq fragmentQuery, n int) string {
	var b strings.Builder
	b.WriteString(origin + "/fragments")
	sep := byte('?')
	for i, name := range []string{"subject", "predicate", "object"} {
		if fq.raw[i] == "" {
			continue
		}
		b.WriteByte(sep)
		b.WriteString(name + "=" + url.QueryEscape(fq.raw[i]))
		sep = '&'
	}
	if n > 1 {
		b.WriteByte(sep)
		b.WriteString("page=" + strconv.Itoa(n))
	}
	return b.String()
}

// serveFragments answers GET /fragments: a page of the Triple Pattern
// Fragment (https://linkeddatafragments.org/specification/triple-pattern-fragments/)
// of the store (all graphs merged) for the subject, predicate and object
// of the query string, with its metadata and hydra controls.
func (ld *linkedData) serveFragments(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Accept")
	offered := mediaTypes(ld.fragmentFormats)
	mt, ok := rdf.NegotiateType(r.Header.Get("Accept"), offered)
	if !ok {
		notAcceptable(w, offered)
		return
	}
	f := formatOf(ld.fragmentFormats, mt)
	fq, err := parseFragmentQuery(r.URL.Query())
	if err != nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte("fragments: " + err.Error() + "\n"))
		return
	}
	var page queries.FragmentPage
	err = ld.opts.Store.View(r.Context(), func(v *graph.View) error {
		var err error
		page, err = queries.Fragment(v, graph.Pattern{S: fq.s, P: fq.p, O: fq.o}, (fq.page-1)*fragmentPageSize, fragmentPageSize)
		return err
	})
	if err != nil {
		ld.storeError(w, r, err)
		return
	}
	origin := ld.origin(r)
	self := origin + r.URL.RequestURI()
	quads := make([]graph.Quad, 0, len(page.Triples)+32)
	for _, t := range page.Triples {
		quads = append(quads, graph.Quad{S: t.S, P: t.P, O: t.O})
	}
	quads = append(quads, fragmentMetadata(origin, self, fq, page)...)
	ld.writeQuads(w, r, f, quads)
}

// fragmentMetadata returns the metadata and controls of a page of a
// fragment, in the graph <self#metadata>, which is the foaf:primaryTopic
// of the page.
func fragmentMetadata(origin, self string, fq fragmentQuery, page queries.FragmentPage) []graph.Quad {
	iri, lit := graph.IRI, graph.String
	integer := func(n int64) graph.Term { return graph.Literal(strconv.FormatInt(n, 10), schema.XSDInteger) }
	meta := iri(self + "#metadata")
	pg := iri(self)
	dataset := iri(origin + "/fragments#dataset")
	search := iri(origin + "/fragments#search")
	var out []graph.Quad
	add := func(s graph.Term, p string, o graph.Term) {
		out = append(out, graph.Quad{S: s, P: iri(p), O: o, G: meta})
	}
	add(meta, schema.FOAFPrimaryTopic, pg)
	add(pg, schema.RDFType, iri(schema.HydraPartialCollectionView))
	add(pg, schema.DCTermsSource, dataset)
	add(pg, schema.VOIDTriples, integer(page.Total))
	add(pg, schema.HydraTotalItems, integer(page.Total))
	add(pg, schema.HydraItemsPerPage, integer(fragmentPageSize))
	if page.Exact {
		add(pg, schema.RDFSComment, lit("The counts are exact."))
	} else {
		add(pg, schema.RDFSComment, lit("The counts are estimates: the quads matching the pattern in all graphs, an upper bound on the triples (a triple in several graphs counts once per graph)."))
	}
	add(pg, schema.HydraFirst, iri(fragmentURL(origin, fq, 1)))
	if fq.page > 1 {
		add(pg, schema.HydraPrevious, iri(fragmentURL(origin, fq, fq.page-1)))
	}
	if page.More && fq.page < maxFragmentPage {
		add(pg, schema.HydraNext, iri(fragmentURL(origin, fq, fq.page+1)))
	}
	add(dataset, schema.RDFType, iri(schema.VOIDDataset))
	add(dataset, schema.RDFType, iri(schema.HydraCollection))
	add(dataset, schema.VOIDSubset, pg)
	add(dataset, schema.HydraSearch, search)
	add(search, schema.RDFType, iri(schema.HydraIriTemplate))
	add(search, schema.HydraTemplate, lit(origin+"/fragments{?subject,predicate,object}"))
	add(search, schema.HydraVariableRepresentation, iri(schema.HydraExplicitRepresentation))
	for _, m := range []struct{ name, prop string }{
		{"subject", schema.RDFSubject}, {"predicate", schema.RDFPredicate}, {"object", schema.RDFObject},
	} {
		mp := iri(origin + "/fragments#" + m.name)
		add(search, schema.HydraMapping, mp)
		add(mp, schema.HydraVariable, lit(m.name))
		add(mp, schema.HydraProperty, iri(m.prop))
	}
	return out
}
