// Package generate writes illustrative, synthetic knowledge-graph data in
// civicgraph's domain, for tests, demonstrations and benchmarks. It backs
// `civicgraph generate --triples N --seed S --format nt|nq|ttl|ocds|csv:procurement`.
//
// # Usage
//
//	opts := generate.Options{Triples: 1_000_000, Seed: 1}
//	err := generate.Write(ctx, w, opts) // N-Triples; opts.Format for the others
//
// [Write] is deterministic: the same [Options] give the same bytes on every
// platform and Go release (the random numbers come from a splitmix64 stream
// written out in this package, and no floating-point result reaches the
// output). The tests pin the bytes with SHA-256 hashes and golden files in
// testdata/, so benchmark figures measured on a file stay comparable.
//
// [SampleIRIs] runs the generator without writing and returns IRIs that exist
// in its output together with the exact number of rows each benchmark query
// shape returns: a one-subject lookup, a predicate+object scan, an object
// scan, the 2-hop join mission ← cg:servesMission ← procurement → cg:buyer →
// rdfs:label (about 500 rows at one million statements, the shape the peers
// were measured with), and a count by predicate.
//
// # What is written
//
// One comment line saying that the data is synthetic, then exactly
// Options.Triples statements: a description of the dataset (5 statements),
// then administrations, other actors, mechanisms, missions, persons,
// references, procurements and engagements, in that order, each entity's
// statements together. Every link points to an entity written earlier, so
// the output has no dangling links wherever it is cut; the last entity is
// cut short to make the count exact. Engagements fill whatever the other
// kinds leave.
//
// At one million statements (seed 1) there are about:
//
//	kind               entities  statements each  share of statements
//	engagement           61,400    ~9.8             60%
//	procurement          13,300   ~21.5             29%
//	reference             3,300   ~11.6              4%
//	actor (other)         4,400    ~6.1              3%
//	administration        2,700    ~9.3              2%
//	person                4,000     4                2%
//	mission                 480    ~8.8            0.4%
//	mechanism               130   ~12.8            0.2%
//
// The entities follow the ontology and pass the shapes of package schema:
// each has rdf:type with the project class and the standard class the
// ontology maps it to (cg:Administration and org:Organization, cg:Procurement
// and epo:Procedure, cg:Engagement and prov:Activity, cg:Reference and a BIBO
// type, ...), and concept-valued properties use the concepts of
// schema/concepts.ttl. Titles are 40 to 120 characters, descriptions 200 to
// 800; about a fifth of the administrations are Spanish or Catalan and carry
// labels, titles and some descriptions tagged es or ca. Values are
// xsd:decimal, dates xsd:date, years xsd:gYear.
//
// With Options.Quads each kind goes to its own named graph under
// [schema.GraphIllustrative] (see [Graphs]) and the dataset description to
// that graph itself. The statements are the same as in N-Triples.
//
// # Other formats
//
// The other formats are written from the N-Triples statements as they are
// made, so they carry the same data:
//
//   - [Turtle]: the same statements, in the same order, with @prefix lines
//     (the vocabularies, one prefix per entity kind under the base, such as
//     procurement:, and one per concept scheme, such as lifecycle:), one
//     block per subject, ";" between predicates, "," between the objects of
//     one predicate, "a" for rdf:type, and integers, decimals and booleans
//     bare.
//   - [OCDS]: the procurements as OCDS 1.1 releases, one per contracting
//     process (ocid "ocds-synth0-NNNNNN"), in release packages of
//     [ReleasesPerPackage], one package a line (JSON Lines, which
//     `civicgraph import` reads from a .jsonl file). A release has the buyer
//     and, once awarded, the supplier as parties (party id: the last segment
//     of the actor's IRI; the buyer's level of government as an eForms buyer
//     legal type), planning from the needs assessment on, the tender (title,
//     status, method, value, one item with a CPV code), a tender period and
//     notice from tendering on, an award, a contract and a payment as far as
//     the lifecycle stages reached go. Dates count from the procurement's
//     dcterms:date. The publisher and the document URLs are under
//     example.org.
//   - [CSVProcurement]: the procurements as rows of the procurement
//     template of package importers/csvtab (`civicgraph template
//     procurement`): text columns per language (title@es), concepts by code,
//     several values joined by "|", links (buyer, supplier, mission) by
//     absolute IRI. The template has no column for the date or the second
//     type, so a row holds two statements fewer than the N-Triples.
//
// The record formats, OCDS and CSV, are sized like N-Triples: Options.Triples
// counts the N-Triples statements of the procurements written. Write plans
// the dataset of 4·Triples+1000 statements, writes its administrations,
// other actors and procurements (not to the output; the records draw on
// them), and writes the procurements, whole, in order, until their N-Triples
// statements reach Triples: about 46,600 records at one million. Those
// procurements are the first ones of the N-Triples output for
// 4·Triples+1000 statements, byte for byte. What an import makes of a record
// differs by format: OCDS adds the parties' descriptions and a milestone per
// dated stage (about 1.5 statements per N-Triples statement), CSV leaves out
// the date and the second type.
//
// # Caveats
//
// The data is made up. Every name says "Synthetic", web sites are under
// example.org, DOIs under 10.5555 (the prefix set aside for examples); none
// of it describes a real administration, company or person, and it must not
// be published as if it did.
//
// Entity counts are planned from Options.Triples, so the output for a smaller
// count is not a prefix of the output for a larger one.
//
// The CPV codes of the OCDS output are drawn for it (from a stream of their
// own, so the other formats' bytes do not depend on them); nothing in the
// N-Triples says them.
package generate
