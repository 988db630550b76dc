package server

import (
	"net/http"
	"slices"

	"civicgraph/graph"
	"civicgraph/queries"
	"civicgraph/rdf"
	"civicgraph/schema"
)

// serveVoID answers GET /.well-known/void (RFC 5785, and the VoID
// specification's section 7.2): the dataset description, in VoID and DCAT,
// as Turtle or N-Triples. The store's part comes from
// [queries.DatasetDescription]; the server adds the title, the IRI space,
// the vocabularies, the dumps (void:dataDump and dcat:Distribution) and
// the services that serve the dataset (the GraphQL endpoint and the
// Triple Pattern Fragments, as dcat:DataService).
func (ld *linkedData) serveVoID(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Vary", "Accept")
	offered := mediaTypes(ld.voidFormats)
	mt, ok := rdf.NegotiateType(r.Header.Get("Accept"), offered)
	if !ok {
		notAcceptable(w, offered)
		return
	}
	origin := ld.origin(r)
	dataset := graph.IRI(origin + "/.well-known/void#dataset")
	var triples []graph.Triple
	err := ld.opts.Store.View(r.Context(), func(v *graph.View) error {
		var err error
		triples, err = queries.DatasetDescription(v, dataset)
		return err
	})
	if err != nil {
		ld.storeError(w, r, err)
		return
	}
	quads := make([]graph.Quad, 0, len(triples)+64)
	iri, lit := graph.IRI, graph.String
	add := func(s graph.Term, p string, o graph.Term) {
		quads = append(quads, graph.Quad{S: s, P: iri(p), O: o})
	}
	add(dataset, schema.DCTermsTitle, graph.LangLiteral("civicgraph: the public procurement of artificial intelligence and the engagement of stakeholders in it", "en"))
	add(dataset, schema.DCTermsDescription, graph.LangLiteral("Actors, missions, procurements of AI systems, participatory mechanisms, the engagements that tie them together, and the bibliography behind them, as linked data in standard vocabularies. Counts are of the store when this description was made: void:triples counts the quads of all graphs.", "en"))
	add(dataset, schema.VOIDUriSpace, lit(ld.base()))
	for _, ns := range []string{schema.NS, schema.NSFOAF, schema.NSORG, schema.NSDCTerms, schema.NSBIBO, schema.NSSKOS,
		schema.NSPROV, schema.NSSchema, schema.NSEPO} {
		add(dataset, schema.VOIDVocabulary, iri(ns))
	}
	// The dumps: one per syntax of package rdf that has a writer, by its name.
	for _, f := range rdf.Formats() {
		if f.NewWriter == nil {
			continue
		}
		d := struct{ format, mediaType string }{f.Name, f.MediaType()}
		u := iri(origin + "/dump?format=" + d.format)
		add(dataset, schema.VOIDDataDump, u)
		dist := iri(origin + "/.well-known/void#dump-" + d.format)
		add(dataset, schema.DCATDistributionProperty, dist)
		add(dist, schema.RDFType, iri(schema.DCATDistribution))
		add(dist, schema.DCATDownloadURL, u)
		add(dist, schema.DCATAccessURL, u)
		add(dist, schema.DCATMediaType, iri("https://www.iana.org/assignments/media-types/"+d.mediaType))
	}
	services := []struct {
		path, title, conformsTo string
	}{
		{"/fragments", "Triple Pattern Fragments of the dataset (all graphs merged), for SPARQL clients such as Comunica",
			"https://linkeddatafragments.org/specification/triple-pattern-fragments/"},
		{"/graphql", "GraphQL endpoint", "https://spec.graphql.org/"},
	}
	for _, s := range services {
		svc := iri(origin + s.path)
		add(svc, schema.RDFType, iri(schema.DCATDataService))
		add(svc, schema.DCTermsTitle, graph.LangLiteral(s.title, "en"))
		add(svc, schema.DCATEndpointURL, svc)
		add(svc, schema.DCTermsConformsTo, iri(s.conformsTo))
		add(svc, schema.DCATServesDataset, dataset)
	}
	for _, t := range triples {
		quads = append(quads, graph.Quad{S: t.S, P: t.P, O: t.O})
	}
	// One block per subject in Turtle: subjects in the order they first
	// come, the dataset first.
	first := map[graph.Term]int{}
	for _, q := range quads {
		if _, ok := first[q.S]; !ok {
			first[q.S] = len(first)
		}
	}
	slices.SortStableFunc(quads, func(a, b graph.Quad) int { return first[a.S] - first[b.S] })
	ld.writeQuads(w, r, formatOf(ld.voidFormats, mt), quads)
}
