// Package registers reads public registers of AI systems used by
// governments, and catalogues of AI cases in the public sector, and maps
// their entries onto the project's ontology: each organisation becomes a
// cg:Administration and each algorithm or case a cg:Procurement bought by
// it.
//
// # Usage
//
// [Detect] tells the [Format] of a file from its first bytes; [NewReader]
// returns a [Reader] whose Read returns one quad at a time, with a zero
// graph, until io.EOF. The JSON register is read with the tokens of an
// encoding/json Decoder, one algorithm at a time; the CSV formats are read
// one row at a time. Bad input gives an [*Error] naming the file, the line
// and column (JSON byte column, or CSV field number), the JSON path or CSV
// column, what was found and what was expected; it wraps [ErrInvalid].
//
// # Formats
//
//   - [Algoritmeregister]: the Dutch national Algoritmeregister JSON
//     ({"algoritmes": [...]} or a bare array).
//   - [JRCCases]: the JRC AI Watch public-sector cases CSV (Windows-1252,
//     headers quoted over several lines, mixed CRLF and LF).
//   - [T6XServices]: the harmonised services CSV of the AI Watch T6-X
//     explorer, which carries the Amsterdam algorithm register and the
//     Helsinki AI register.
//
// # Mapping
//
// IRIs are [schema.EntityIRI](base, kind, [schema.Slug](...)): the
// organisation by its name (so the same name in two files is one
// administration), the entry by "algoritmeregister-" + id,
// "jrc-ai-watch-" + id, or for T6-X the host and path of its register page.
//
//	source field                       → property
//	------------------------------------------------------------------------------
//	organisation                        → cg:Administration, org:Organization
//	  name (organisatie, Responsible     rdfs:label
//	  Organization, lead_organisation)
//	  (always)                          cg:sector sector/public-administration
//	  Gemeente …                        cg:governmentLevel local (NL, by name)
//	  Provincie, Waterschap,            cg:governmentLevel regional
//	  Hoogheemraadschap, Veiligheids-
//	  regio, Omgevingsdienst, Regionale …
//	  Ministerie, Rijks…, Nationaal …   cg:governmentLevel national
//	  Central-Government / Local        cg:governmentLevel national / local
//	  Government (JRC category)
//	  Governmental + extent National /  cg:governmentLevel national / regional /
//	  Regional / Local (JRC, T6-X)       local
//	  NUTS 2021 code (JRC), country     cg:country (ISO 3166-1: EL → GR, UK → GB)
//	  (T6-X), NL (Algoritmeregister)
//	entry                               → cg:Procurement, epo:Procedure
//	  title / Name / name               dcterms:title (@nl for the Dutch register)
//	  doel                              cg:purpose @nl
//	  Process Type: Application Type    cg:purpose (JRC)
//	  Description / description         dcterms:description
//	  juridische_basis                  dcterms:description "Juridische basis: …"@nl
//	  impactassessment Ja / Nee         dcterms:description "Impact assessment: yes/no"@en
//	  title (NL); AI Classification:    cg:aiSystem
//	  subdomains; keywords (JRC);
//	  type (technology) (T6-X)
//	  Planned (JRC, T6-X)               cg:status procurement-status/planned
//	  in_gebruik, Implemented,          cg:stageReached lifecycle/deployment
//	  In production
//	  buiten_gebruik, Not in use        cg:stageReached lifecycle/decommissioning
//	  anymore, active = No
//	  the organisation                  cg:buyer
//	  url / Website                     foaf:page
//	  URLs in Source (JRC)              dcterms:references
//
// # Caveats
//
//   - None of the files gives a level of government for every
//     organisation. Where neither the name (Dutch register) nor the
//     category or extent (JRC, T6-X) tells it, cg:governmentLevel is left
//     out and the Administration shape reports it; the real files give 69
//     such organisations in the Dutch register and 20 in the JRC cases.
//   - No file gives an EU AI Act risk class, so cg:riskClass is never
//     written. The register statuses are not tender statuses: only
//     "Planned" maps onto the procurement-status scheme; in use and out of
//     use become lifecycle stages, and "in development", "pilot" and
//     "ontwikkeling" are left out.
//   - Entries whose organisation is not public (JRC and T6-X categories
//     Private sector, Academic-Research, Non-governmental, Community led,
//     Consortium) or not named are skipped and counted by
//     [Reader.Skipped], since a procurement needs a public buyer.
//   - The Dutch register has no description of the system beyond its
//     title, which is used as cg:aiSystem too. The impact assessment is
//     given only as yes, no or unknown; unknown is left out.
//   - An organisation is written once per Reader, with the label, level and
//     country of its first entry; the reader keeps the set of organisations
//     seen, so memory grows with their number (hundreds), not with entries.
//   - CSV text that is not valid UTF-8 is read as Windows-1252, field by
//     field, so a JRC export re-saved as UTF-8 reads the same.
//   - Dates (geregistreerd, Start Year, start_date) are not mapped: the
//     Procurement shape has no place for them outside milestones.
package registers
