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
//	  kind of body in the Dutch name    cg:governmentLevel (rule below)
//	  Central-Government / Local /      cg:governmentLevel national / local /
//	  Regional Government (JRC)          regional
//	  Governmental + extent National /  cg:governmentLevel national / regional /
//	  Regional / Local (JRC, T6-X)       local
//	  Geographic coverage Country       cg:country (ISO 3166-1), else from the
//	  (JRC), geocoverage (T6-X)          NUTS 2021 code (EL → GR, UK → GB)
//	  (the Algoritmeregister)           cg:country NL: it is the Dutch register
//	  none of the above, or entries     cg:notStated cg:governmentLevel /
//	  that disagree                      cg:notStated cg:country
//	entry                               → cg:Procurement, epo:Procedure
//	  title / Name / name               dcterms:title (@nl for the Dutch register)
//	  doel                              cg:purpose @nl
//	  Process Type: Application Type    cg:purpose (JRC)
//	  Description / description         dcterms:description
//	  juridische_basis                  cg:legalBasis @nl
//	  impactassessment Ja / Nee         cg:impactAssessment true / false
//	  impactassessment Onbekend         cg:notStated cg:impactAssessment
//	  status / Status (as written)      cg:registerStatus
//	  in_gebruik, Implemented,          cg:stageReached lifecycle/deployment
//	  In production
//	  buiten_gebruik, Not in use        cg:stageReached lifecycle/decommissioning
//	  anymore, active = No
//	  Planned (JRC, T6-X)               cg:status procurement-status/planned
//	  geregistreerd                     dcterms:dateSubmitted (xsd:date)
//	  title (NL); AI Classification     cg:aiSystem
//	  (I) and subdomains, AI keywords,
//	  Data Scope 1 and 2 (JRC); type
//	  and technology (T6-X)
//	  COFOG level I and II (JRC)        dcterms:subject, concepts of scheme COFOG
//	  benefit columns (JRC, "x" or      dcterms:subject, concepts of scheme
//	  their own name)                    "JRC AI Watch benefit"
//	  Increased public participation…   cg:publicParticipation true
//	  (JRC, set)
//	  Interaction G2G / G2C / G2B       dcterms:audience
//	  Start Year, End Year (JRC),       schema:startDate, schema:endDate (xsd:gYear)
//	  start_date, end_date (T6-X)
//	  primary_sector, secondary_sector  dcterms:subject, concepts of scheme
//	  (T6-X)                             "T6-X sector"
//	  cross_sector, cross_border,       dcterms:description "Cross-sector: yes"@en,
//	  uptake, contact (T6-X)             "Uptake: …"@en, "Contact: …"
//	  the organisation                  cg:buyer
//	  url (Algoritmeregister, T6-X)     cg:registerEntry (the entry's register page)
//	  Website (JRC)                     foaf:page
//	  URLs in Source (JRC)              dcterms:references (published documents)
//
// # Level of government of Dutch bodies
//
// The Algoritmeregister names organisations only; the kind of body their
// name starts with gives the level (see dutchLevel): gemeente → local;
// provincie, waterschap (and wetterskip, hoogheemraadschap),
// veiligheidsregio, omgevingsdienst, RUD, GGD, Regionale … → regional
// (a water board is a functional decentralised government whose territory
// spans several municipalities: regional is the territory it governs);
// ministerie, Rijks…, Nationaal …, Inspectie … → national. Agencies named
// otherwise (Belastingdienst, Politie, UWV), joint arrangements
// (gemeenschappelijke regelingen) and foundations are not guessed: they
// get cg:notStated cg:governmentLevel. The real file has 64 such
// organisations out of 336; the JRC cases have 20 (organisations of
// category Governmental with extent "Across Countries").
//
// # Fields not mapped, and why
//
//   - toegevoegd (Algoritmeregister): a second date whose meaning the
//     scraper that publishes the file does not document (it is not the
//     registration date, which geregistreerd gives).
//   - Technology (JRC): "Artificial Intelligence" on every row.
//   - The register-level fields of the T6-X catalogue files (c_name,
//     c_url, …) are not entries: those files are not read by this package.
//
// # Caveats
//
//   - No file gives an EU AI Act risk class, so cg:riskClass is never
//     written. The register statuses are not tender statuses: only
//     "Planned" maps onto the procurement-status scheme; in use and out of
//     use become lifecycle stages; every status is kept as written in
//     cg:registerStatus.
//   - Entries whose organisation is not public (JRC and T6-X categories
//     Private sector, Academic-Research, Non-governmental, Community led,
//     Consortium) or not named are skipped and counted by
//     [Reader.Skipped], since a procurement needs a public buyer (116 of
//     the 686 JRC cases).
//   - The Dutch register has no description of the system beyond its
//     title, which is used as cg:aiSystem too.
//   - An organisation's level and country are written when the file ends,
//     from every entry that names it; the reader keeps the set of
//     organisations seen, so memory grows with their number (hundreds),
//     not with entries.
//   - CSV text that is not valid UTF-8 is read as Windows-1252, field by
//     field, so a JRC export re-saved as UTF-8 reads the same.
package registers
