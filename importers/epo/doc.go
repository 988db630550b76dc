// Package epo types RDF that uses the EU eProcurement Ontology (ePO, the
// vocabulary of TED notices published as linked data) in the project's
// ontology, so that a TED notice imported as Turtle, N-Triples, RDF/XML or
// JSON-LD gives procurements, buyers and classifications rather than
// untyped triples.
//
// # Where it runs
//
// The RDF readers stay syntax only. [Reader] wraps any reader of quads:
// it passes every statement through unchanged, keeps the few ePO
// statements the mapping needs, and when its input ends returns the
// statements the mapping derives, then io.EOF. The importers package
// wraps every RDF syntax with it and checks the derived statements
// against the shapes (an input without ePO derives nothing). Memory grows
// with the ePO statements kept (a notice's procedure, lots, roles,
// organisations, purposes and values), not with the input.
//
// # Mapping
//
// The derived statements reuse the input's IRIs: nothing is minted but the
// concept schemes of non-CPV classifications. A procedure or lot the input
// already types cg:Procurement (the project's own exports, whose
// procurements are epo:Procedure too) is taken as it is.
//
//	ePO                                       → project ontology
//	------------------------------------------------------------------------------
//	?p a epo:Procedure, ?l a epo:Lot          ?p, ?l a cg:Procurement (the ePO type stays)
//	?p epo:hasProcurementScopeDividedIntoLot  ?l dcterms:isPartOf ?p
//	  ?l
//	dct:title                                 kept; cg:notStated dcterms:title when none
//	buyer: ?p epo:isResponsibilityOfBuyer ?r, cg:buyer ?o, for every public ?o (below);
//	  or a notice ?n epo:refersToProcedure ?p  a lot without a buyer of its own takes
//	  (or epo:refersToLot ?l) and              its procedure's; cg:notStated cg:buyer
//	  epo:refersToRole ?r, ?r a epo:Buyer;     when no buyer is found
//	  ?r epo:playedBy ?o (else ?o is ?r)
//	?o                                        a cg:Administration, org:Organization,
//	                                          cg:sector public-administration
//	?o epo:hasLegalName                       rdfs:label (one per language)
//	?o epo:hasBuyerLegalType (eForms code)    cg:governmentLevel: cga, body-pl-cga,
//	                                          org-sub-cga, pub-undert-cga → national;
//	                                          ra, … -ra → regional; la, … -la → local;
//	                                          eu-ins-bod-ag, eu-int-org → supranational;
//	                                          int-org → international; any other code
//	                                          or none → cg:notStated cg:governmentLevel
//	?o cccev:registeredAddress/               cg:country (ISO 3166-1 alpha-2 from the
//	  epo:hasCountryCode <…/country/POL>      alpha-3 authority code), else cg:notStated
//	?p epo:hasPurpose/                        dcterms:subject ?c; ?c a skos:Concept,
//	  epo:hasMainClassification,              skos:inScheme (CPV: <http://data.europa.eu/cpv/cpv>;
//	  epo:hasAdditionalClassification ?c      other IRIs: the IRI up to its last / or #),
//	                                          skos:notation (the last segment),
//	                                          skos:prefLabel when the input gives one,
//	                                          else cg:notStated skos:prefLabel
//	?p epo:hasEstimatedValue ?v;              cg:value (xsd:decimal) and cg:currency
//	  ?v epo:hasAmountValue, epo:hasCurrency  (the authority code, PLN); a value that is
//	  <…/currency/PLN>                        not a plain decimal is left out
//	epo:hasProcedureType <…/open>             cg:procedureType: open → open; restricted,
//	                                          neg-w-call, comp-dial, innovation →
//	                                          selective; neg-wo-call → limited
//	?k a epo:Contract; epo:hasLotReference    cg:contractSigned on the lot and its
//	  ?l; epo:hasContractConclusionDate       procedure
//	?a a epo:LotAwardOutcome; epo:concernsLot cg:supplier ?w on the lot and its procedure;
//	  ?l; epo:hasAwardStatus …/selec-w;        ?w a cg:Actor, foaf:Organization, labelled
//	  epo:comprisesTenderAwardOutcome ?t      with its legal name
//	  (rank 1 or unranked); ?t
//	  epo:concernsTender/epo:isSubmitedBy/
//	  epo:playedBy ?w
//
// A buyer is public unless its legal type is spec-rights-entity (an entity
// with special or exclusive rights, private) or def-cont (a defence
// contractor): under the EU procurement directives that TED notices
// implement, every other buyer is a contracting authority. A procedure or
// lot whose buyers are all private stays an ePO procedure only (a
// cg:Procurement needs a public buyer), and its buyers become cg:Actors.
//
// Not mapped: tenders and their values, award criteria,
// techniques, review terms and the notice itself stay as ePO statements,
// queryable as triples; the domain has no class for them yet.
package epo
