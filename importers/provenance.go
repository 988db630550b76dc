package importers

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"io"
	"path/filepath"
	"strconv"
	"time"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Version is the importer's version, recorded in every provenance record.
const Version = "civicgraph-importers/0.2"

// mediaTypes names each domain format's media type for dcterms:format;
// the RDF syntaxes' come from the rdf table (see mediaType).
var mediaTypes = map[Format]string{
	CSV:       "text/csv",
	BibTeX:    "application/x-bibtex",
	RIS:       "application/x-research-info-systems",
	CSLJSON:   "application/vnd.citationstyles.csl+json",
	Citations: "text/plain",
	OCDS:      "application/json",
	Register:  "application/json",
	CodeList:  "text/csv",
}

// mediaType returns the media type of format f, for dcterms:format.
func mediaType(f Format) string {
	if rf, ok := f.rdfFormat(); ok {
		return rf.MediaType()
	}
	return mediaTypes[f.base()]
}

// source follows one input through an import: its digest, and the graphs
// and statement counts it produced.
type source struct {
	name    string
	format  Format
	started time.Time
	ended   time.Time
	sha     hash.Hash
	graphs  map[graph.Term]int64 // graph -> statements written into it
	// blankPrefix starts the labels of this input's blank nodes.
	blankPrefix string
	// target is the graph the input's statements without a graph go to,
	// and origin the digest of where the input came from (originKey),
	// recorded with target's description.
	target graph.Term
	origin string
	// media, when set, is the input's media type where its format does
	// not tell it (a mapped file is CSV or JSON).
	media string
	// plan and planDigest name the mapping file a mapped input was read
	// through, and its SHA-256; "" for other inputs.
	plan, planDigest string
}

func newSource(name string, format Format, now time.Time) *source {
	token := sha256.Sum256([]byte(name + "\x00" + now.UTC().Format(time.RFC3339Nano)))
	return &source{name: name, format: format, started: now, sha: sha256.New(), graphs: map[graph.Term]int64{},
		blankPrefix: "i" + hex.EncodeToString(token[:6]) + "-"}
}

// scope gives a blank node a label of this import's own, so that _:b1 of
// one file is not _:b1 of another file, or of an earlier import. Other
// terms pass unchanged.
func (src *source) scope(t graph.Term) graph.Term {
	if t.Kind == graph.KindBlank {
		t.Value = src.blankPrefix + t.Value
	}
	return t
}

// reader returns r with the source's digest computed as it is read.
func (src *source) reader(r io.Reader) io.Reader { return io.TeeReader(r, src.sha) }

// quads returns the provenance record of one input. The record proper goes
// in the default graph, where records of earlier imports stay:
//
//	<activity> a prov:Activity ; prov:startedAtTime ; prov:endedAtTime ;
//	    prov:used <entity> ; prov:wasAssociatedWith <importer> .
//	<entity> a prov:Entity ; dcterms:title "file's base name" ; dcterms:format "media type" ;
//	    dcterms:identifier "sha256:…" .
//	<importer> a prov:SoftwareAgent ; dcterms:hasVersion "…" .
//
// and each graph the input wrote is described there too, a description the
// next import of that graph replaces (see describedGraphs):
//
//	<graph> a void:Dataset ; prov:wasGeneratedBy <activity> ; void:triples n ;
//	    dcterms:source "origin:…" .
//
// (n counts the statements read from the input; dcterms:source, on the
// input's target graph only, is the digest of its origin, see
// SourceGraph.) The title is the file's base name: a local path says
// nothing to whoever reads the store, and may say too much. The activity's IRI is made
// from the digest and the start time, so two imports of the same file are
// two activities.
func (src *source) quads(base string) []graph.Quad {
	digest := hex.EncodeToString(src.sha.Sum(nil))
	stamp := src.started.UTC().Format("20060102T150405.000000000Z")
	activity := graph.IRI(schema.EntityIRI(base, "import", digest[:16]+"-"+stamp))
	entity := graph.IRI(schema.EntityIRI(base, schema.KindSource, "sha256-"+digest))
	agent := graph.IRI(schema.EntityIRI(base, "software", "civicgraph-importers"))
	iri := graph.IRI
	dt := func(t time.Time) graph.Term {
		return graph.Literal(t.UTC().Format(time.RFC3339Nano), schema.XSDDateTime)
	}
	var d graph.Term // the default graph
	q := func(s graph.Term, p string, o graph.Term) graph.Quad { return graph.Quad{S: s, P: iri(p), O: o, G: d} }
	record := []graph.Quad{
		q(activity, graph.RDFType, iri(schema.PROVActivity)),
		q(activity, schema.PROVStartedAtTime, dt(src.started)),
		q(activity, schema.PROVEndedAtTime, dt(src.ended)),
		q(activity, schema.PROVUsed, entity),
		q(activity, schema.PROVWasAssociatedWith, agent),
		q(entity, graph.RDFType, iri(schema.PROVEntity)),
		q(entity, schema.DCTermsTitle, graph.String(filepath.Base(src.name))),
		q(entity, schema.DCTermsFormat, graph.String(cmp.Or(src.media, mediaType(src.format)))),
		q(entity, schema.DCTermsIdentifier, graph.String("sha256:"+digest)),
		q(agent, graph.RDFType, iri(schema.NSPROV+"SoftwareAgent")),
		q(agent, schema.DCTermsHasVersion, graph.String(Version)),
	}
	if src.plan != "" {
		// The mapping file is the plan the import followed.
		plan := graph.IRI(schema.EntityIRI(base, schema.KindSource, "sha256-"+src.planDigest))
		record = append(record,
			q(activity, schema.PROVUsed, plan),
			q(plan, graph.RDFType, iri(schema.PROVPlan)),
			q(plan, schema.DCTermsTitle, graph.String(src.plan)),
			q(plan, schema.DCTermsIdentifier, graph.String("sha256:"+src.planDigest)),
		)
	}
	for g, n := range src.graphs {
		if g.IsZero() {
			continue
		}
		record = append(record,
			q(g, graph.RDFType, iri(schema.VOIDDataset)),
			q(g, schema.PROVWasGeneratedBy, activity),
			q(g, schema.VOIDTriples, graph.Literal(strconv.FormatInt(n, 10), schema.XSDInteger)),
		)
		if g == src.target && src.origin != "" {
			record = append(record, q(g, propOrigin, graph.String(src.origin)))
		}
	}
	return record
}

// replacedDescriptions returns the patterns of an earlier import's
// description of graph g in the default graph, which an import of g
// replaces.
func replacedDescriptions(g graph.Term) []graph.Pattern {
	return []graph.Pattern{
		{S: g, P: graph.IRI(schema.PROVWasGeneratedBy), DefaultGraph: true},
		{S: g, P: graph.IRI(schema.VOIDTriples), DefaultGraph: true},
		{S: g, P: graph.IRI(propOrigin), DefaultGraph: true},
	}
}
