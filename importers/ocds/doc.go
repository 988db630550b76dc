// Package ocds reads Open Contracting Data Standard (OCDS 1.0 and 1.1)
// JSON and maps each contracting process to quads in the project's
// ontology: a cg:Procurement with its buyer (a cg:Administration), its
// suppliers, the lifecycle stages it reached with their dates, its value,
// procedure type, status, CPV subjects and documents.
//
// # Usage
//
//	r := ocds.NewReader(f, "releases.json", schema.DefaultBase)
//	r.GovernmentLevel = schema.LevelLocal // optional; see below
//	for {
//		q, err := r.Read()
//		if err == io.EOF {
//			break
//		}
//		if err != nil {
//			return err // each *ocds.Error names the file, line, column and JSON path
//		}
//		q.G = sourceGraph // quads come with no graph
//		// use q
//	}
//
// [Reader.Records] and [Reader.BytesRead] feed a progress display.
//
// # Input
//
// The reader tells the shape of the input from the JSON itself:
//
//   - a release package, {"releases": [...]}
//   - a record package, {"records": [...]}: each record's compiledRelease
//     is mapped when it has one; otherwise its embedded releases are
//     merged
//   - a bare release, or a bare record (ocid, releases, compiledRelease)
//   - a JSON array of releases (or records)
//   - JSON Lines, or any sequence of the above separated by white space:
//     one release or package per line
//
// It streams: it walks to the releases or records array with
// json.Decoder.Token and decodes one element at a time, so memory holds
// one contracting process, not the file. Releases of one ocid that follow
// each other (as publishers list a process's releases) are merged as OCDS
// merging does: by date, later values overriding earlier ones, arrays of
// objects merged on their ids. A release whose ocid was already mapped
// earlier in the input, after releases of other ocids, is an error: sort
// such a file by ocid, or compile it into a record package (OCDS Kit's
// ocdskit compile does).
//
// Each contracting process gives one set of quads, once all its releases
// are read. Quads come with the zero graph: the caller puts them in the
// source's graph.
//
// # Mapping
//
// {base} is the base given to [NewReader]; slug() is [schema.Slug].
//
//	OCDS                                    ontology
//	--------------------------------------  ------------------------------------------------------------
//	ocid                                    {base}procurement/slug(ocid): a cg:Procurement and
//	                                        epo:Procedure, with cg:ocid "ocid"
//	tender.title (else the first award's    dcterms:title, tagged with the release's language when it
//	or contract's title)                    is a well-formed tag
//	tender.description                      dcterms:description (same language)
//	tender.status                           cg:status, a procurement-status concept (the 7 OCDS codes)
//	tender.procurementMethod                cg:procedureType, a procedure-type concept (open, selective,
//	                                        limited, direct); other values are left out
//	tender.value (else the sum of the live  cg:value (xsd:decimal, exact, no exponent) and cg:currency
//	awards' values, else of the live        (ISO 4217 code, upper case); a value whose currency is missing
//	contracts', when they share a currency) is left out, as cg:value needs one
//	buyer, parties with role buyer (else    {base}actor/slug(key): a cg:Administration, org:Organization,
//	tender.procuringEntity or parties with  cg:Actor and foaf:Organization, cg:sector public-administration,
//	role procuringEntity)                   cg:governmentLevel (below); linked by cg:buyer
//	parties with role supplier, suppliers   {base}actor/slug(key): a cg:Actor and foaf:Organization;
//	of live awards and contracts            linked by cg:supplier
//	parties with role tenderer,             a cg:Actor and foaf:Organization; linked by dcterms:relation
//	tender.tenderers (not suppliers)        (a tenderer that did not win did not supply)
//	party name; identifier.legalName        rdfs:label; skos:altLabel when it differs (the legal name is
//	                                        the label when there is no name)
//	party id                                cg:ocdsPartyID
//	identifier, additionalIdentifiers       dcterms:identifier "scheme-id" (or "id" with no scheme)
//	address.countryName                     cg:country, ISO 3166-1 alpha-2, only when the name is an
//	                                        alpha-2 or alpha-3 code or a country name the table knows
//	planning                                cg:stageReached lifecycle/needs-assessment
//	tender                                  cg:stageReached lifecycle/tendering
//	awards                                  cg:stageReached lifecycle/award
//	contracts                               cg:stageReached lifecycle/contracting
//	contracts[].implementation              cg:stageReached lifecycle/deployment
//	(stage date)                            cg:milestone {base}milestone/slug(ocid)-<stage>: a cg:Milestone
//	                                        with cg:stage and dcterms:date (xsd:dateTime, or xsd:date)
//	items[].classification and              dcterms:subject, a skos:Concept of its scheme (any scheme:
//	additionalClassifications (tender,      CPV, UNSPSC, ...), see schema.ClassificationQuads: CPV 8-digit
//	awards, contracts)                      codes keep <http://data.europa.eu/cpv/cpv/CODE> (a check digit,
//	                                        "-5", is dropped), other codes get
//	                                        concept/classification/<scheme>/<code>; skos:notation is the
//	                                        code, skos:prefLabel the description (cg:notStated
//	                                        skos:prefLabel when there is none); the misspelt field
//	                                        "schema" is read when "scheme" is blank; a code with no
//	                                        scheme at all is a concept with cg:notStated skos:inScheme;
//	                                        a CPV id written as a number ("45233130.0") is its code;
//	                                        classification.uri → skos:exactMatch
//	no buyer, no party with role buyer,     cg:notStated cg:buyer (recorded as missing, not guessed)
//	no procuring entity
//	tender.tenderPeriod.startDate, endDate  cg:tenderPeriodStart, cg:tenderPeriodEnd (xsd:dateTime or date)
//	live contracts' dateSigned,             cg:contractSigned, cg:contractPeriodStart,
//	period.startDate, period.endDate        cg:contractPeriodEnd (one value per contract)
//	documents[] of every stage              dcterms:references <url>, and <url> dcterms:title "title";
//	                                        only absolute http, https and ftp URLs
//
// Planning maps to needs-assessment rather than market-engagement: the
// planning section holds the budget, the rationale and the needs
// assessment; it shows a process was planned, not that the market was
// consulted.
//
// A stage is reached when a release tagged with it exists (planning,
// planningUpdate; tender, tenderAmendment, tenderUpdate; award,
// awardUpdate; contract, contractUpdate, contractAmendment,
// contractTermination; implementation, implementationUpdate) or when the
// content shows it: a planning section with a budget, rationale,
// documents or milestones; a tender whose status is active, complete or
// unsuccessful, or has no such status but a tender period start, unless
// its method is direct (a direct award calls for no tenders); an award
// that is not pending, cancelled or unsuccessful (a live award); a
// contract that is not pending or cancelled (a live contract); an
// implementation with transactions, milestones or documents. Its date is
// the tender period's start, the earliest live award's date, the earliest
// live contract's dateSigned (else period start), or the earliest
// transaction date; failing that, the date of the earliest release that
// shows the stage (a record's compiled release counts, with its own date). A stage with no date gets cg:stageReached and no
// milestone.
//
// An organisation's key, which names its actor, is its party id; else its
// identifier (scheme-id); else its name. A party id of fewer than six
// digits and nothing else is passed over, as publishers that number
// parties per release ("1", "2") would otherwise make one actor of
// different organisations. The same key in two processes is one actor,
// described once, the first time it appears, and made an administration
// the first time it is a buyer.
//
// The level of government of an administration is taken from a buyer
// legal type in parties[].details.classifications (scheme
// eu-buyer-legal-type, the eForms codes of OCDS for eForms, or TED_CA_TYPE,
// where the code says the level), or else from [Reader.GovernmentLevel],
// a rule the caller states for the whole file. Words in the name are not
// evidence (a name ending in "Region" may be a firm's), so they are not
// read. When neither applies the administration gets cg:notStated
// cg:governmentLevel: the level is recorded as missing, which the shapes
// accept, and never invented.
//
// Nothing else is mapped: not the planning budget, enquiries, bids, item
// quantities, amendments, transactions' amounts or other parties' roles.
//
// # Errors
//
// A problem is an [*Error] that wraps [ErrInvalid], with the file, the line
// and column, the JSON path (releases[12].tender.value.amount), what was
// found and what was expected. Problems are: JSON syntax errors and
// truncated input; text that is not UTF-8 (a Latin-1 file, UTF-16); a
// top-level value that is not an OCDS object or array; a release without
// an ocid; an amount that is not a number (a string holding a number is
// accepted); a date the mapping reads (release date, tender period start,
// award date, contract dateSigned and period start, transaction date) that
// is not an RFC 3339 date-time or full-date; a value of the wrong JSON
// type where the standard fixes it (a title that is a number); a record
// with only linked releases; an ocid mapped twice.
//
// Read does not stop at the first problem, so that one run lists them
// all. A release or record it cannot map (a bad date or amount, a value of
// the wrong type, no ocid: the first problem in it) is left out and its
// problem kept, and Read goes on with the next release; a bare release or
// record with a bad field is left out whole. A JSON syntax error ends a
// JSON document, as there is no telling where the next value starts; but
// in JSON Lines input Read goes on at the next line that starts with '{'
// or '['. Input is taken as JSON Lines when its name ends in .jsonl,
// .ndjson or .jsonlines, when a top-level value before the error took one
// whole line, or when the error is on the first line of a value that
// starts a line (the first line of JSON Lines; a pretty-printed document
// has no later line that starts with '{' or '[', so no more is read).
// Text that is not UTF-8 in a value is a problem with that value; UTF-16
// or UTF-32 input ends the input at once.
//
// The quads of the processes mapped are returned as usual, and at the end
// of the input Read returns the problems instead of io.EOF. With one
// problem that is the *Error itself; with more it is a list, one problem a
// line, of the first 100 and then "... and N more problems (T in all)",
// whose Unwrap() []error gives the Errors in input order, so errors.As
// finds the first. A caller that must not keep a partial input
// (importers.Import does not) should drop what it read when Read ends with
// an error. Errors from the underlying reader end the input and are
// returned wrapped, not as an Error, with the problems found before them.
//
// # Caveats
//
//   - Columns count bytes from 1, not characters.
//   - Memory holds one contracting process at a time, plus the set of
//     ocids and actors already mapped, which grows with their number (tens
//     of bytes each).
//   - Quads are not validated against the shapes here; the caller runs
//     [schema.Schema.Validate]. Missing data (no buyer, no title, no level
//     of government) shows there, not as an Error.
//   - Only the fields the mapping reads are checked; a malformed field it
//     does not read (an enquiry period's end date) passes unnoticed.
//   - Keys are matched without regard to case, as encoding/json does.
//   - The level of government found from a name is a guess from the
//     words listed in level.go; a publisher's own classification wins.
package ocds
