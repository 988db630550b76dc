package epo

import (
	"io"
	"regexp"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// ePO and related terms the mapping reads.
const (
	nsEPO   = schema.NSEPO
	nsCCCEV = "http://data.europa.eu/m8g/"

	epoProcedure                = nsEPO + "Procedure"
	epoLot                      = nsEPO + "Lot"
	epoBuyer                    = nsEPO + "Buyer"
	epoContract                 = nsEPO + "Contract"
	epoDividedIntoLot           = nsEPO + "hasProcurementScopeDividedIntoLot"
	epoIsResponsibilityOfBuyer  = nsEPO + "isResponsibilityOfBuyer"
	epoPlayedBy                 = nsEPO + "playedBy"
	epoRefersToProcedure        = nsEPO + "refersToProcedure"
	epoRefersToLot              = nsEPO + "refersToLot"
	epoRefersToRole             = nsEPO + "refersToRole"
	epoHasLegalName             = nsEPO + "hasLegalName"
	epoHasBuyerLegalType        = nsEPO + "hasBuyerLegalType"
	epoHasPurpose               = nsEPO + "hasPurpose"
	epoMainClassification       = nsEPO + "hasMainClassification"
	epoAdditionalClassification = nsEPO + "hasAdditionalClassification"
	epoHasEstimatedValue        = nsEPO + "hasEstimatedValue"
	epoHasAmountValue           = nsEPO + "hasAmountValue"
	epoHasCurrency              = nsEPO + "hasCurrency"
	epoHasProcedureType         = nsEPO + "hasProcedureType"
	epoHasCountryCode           = nsEPO + "hasCountryCode"
	epoHasLotReference          = nsEPO + "hasLotReference"
	epoConclusionDate           = nsEPO + "hasContractConclusionDate"
	cccevRegisteredAddress      = nsCCCEV + "registeredAddress"
	epoLotAwardOutcome          = nsEPO + "LotAwardOutcome"
	epoConcernsLot              = nsEPO + "concernsLot"
	epoComprisesTenderOutcome   = nsEPO + "comprisesTenderAwardOutcome"
	epoConcernsTender           = nsEPO + "concernsTender"
	epoIsSubmitedBy             = nsEPO + "isSubmitedBy" // so spelt in ePO 4
	epoIsSubmittedBy            = nsEPO + "isSubmittedBy"
	epoHasAwardStatus           = nsEPO + "hasAwardStatus"
	epoHasAwardRank             = nsEPO + "hasAwardRank"
)

// kept lists the predicates whose statements the mapping needs; rdf:type
// statements are kept too. It is a read-only table.
var kept = map[string]bool{
	epoDividedIntoLot: true, epoIsResponsibilityOfBuyer: true, epoPlayedBy: true,
	epoRefersToProcedure: true, epoRefersToLot: true, epoRefersToRole: true,
	epoHasLegalName: true, epoHasBuyerLegalType: true, epoHasPurpose: true,
	epoMainClassification: true, epoAdditionalClassification: true,
	epoHasEstimatedValue: true, epoHasAmountValue: true, epoHasCurrency: true,
	epoHasProcedureType: true, epoHasCountryCode: true, epoHasLotReference: true,
	epoConclusionDate: true, cccevRegisteredAddress: true,
	schema.DCTermsTitle: true, schema.SKOSPrefLabel: true,
	epoConcernsLot: true, epoComprisesTenderOutcome: true, epoConcernsTender: true,
	epoIsSubmitedBy: true, epoIsSubmittedBy: true, epoHasAwardStatus: true, epoHasAwardRank: true,
}

// Enricher keeps the ePO statements of one input and derives the
// project's statements from them. The zero value is not ready: use
// [NewEnricher]. It is not safe for concurrent use.
type Enricher struct {
	props map[graph.Term]map[string][]graph.Term // subject → predicate → objects, in input order
	order []graph.Term                           // subjects in the order first kept
	epo   bool                                   // an ePO procedure or lot was seen
}

// NewEnricher returns an empty Enricher.
func NewEnricher() *Enricher {
	return &Enricher{props: map[graph.Term]map[string][]graph.Term{}}
}

// Observe looks at one statement and keeps it when the mapping needs it.
func (e *Enricher) Observe(q graph.Quad) {
	p := q.P.Value
	if p == schema.RDFType {
		if !strings.HasPrefix(q.O.Value, nsEPO) && q.O.Value != schema.ClassProcurement {
			return
		}
		if q.O.Value == epoProcedure || q.O.Value == epoLot {
			e.epo = true
		}
	} else if !kept[p] {
		return
	}
	m := e.props[q.S]
	if m == nil {
		m = map[string][]graph.Term{}
		e.props[q.S] = m
		e.order = append(e.order, q.S)
	}
	if !slices.Contains(m[p], q.O) {
		m[p] = append(m[p], q.O)
	}
}

// Found reports whether the statements observed so far type an ePO
// procedure or lot.
func (e *Enricher) Found() bool { return e.epo }

func (e *Enricher) values(s graph.Term, p string) []graph.Term { return e.props[s][p] }

func (e *Enricher) isA(s graph.Term, class string) bool {
	return slices.Contains(e.props[s][schema.RDFType], graph.IRI(class))
}

// withType returns the subjects typed class, in input order.
func (e *Enricher) withType(class string) []graph.Term {
	var out []graph.Term
	for _, s := range e.order {
		if e.isA(s, class) {
			out = append(out, s)
		}
	}
	return out
}

// notInDomain returns the subjects the input does not already type
// cg:Procurement: the project's own exports (which type procurements
// epo:Procedure too) are taken as they are.
func (e *Enricher) notInDomain(subjects []graph.Term) []graph.Term {
	return slices.DeleteFunc(subjects, func(s graph.Term) bool { return e.isA(s, schema.ClassProcurement) })
}

// deriver collects the derived statements without repeats.
type deriver struct {
	out  []graph.Quad
	seen map[graph.Quad]bool
}

func (d *deriver) add(s graph.Term, p string, o graph.Term) {
	q := graph.Quad{S: s, P: graph.IRI(p), O: o}
	if !d.seen[q] {
		d.seen[q] = true
		d.out = append(d.out, q)
	}
}

// Quads returns the statements derived from what was observed, with a
// zero graph; none when no ePO procedure or lot was seen.
func (e *Enricher) Quads() []graph.Quad {
	if !e.epo {
		return nil
	}
	d := &deriver{seen: map[graph.Quad]bool{}}
	procs := e.notInDomain(e.withType(epoProcedure))
	lots := e.notInDomain(e.withType(epoLot))
	if len(procs) == 0 && len(lots) == 0 {
		return nil
	}
	procOf := map[graph.Term][]graph.Term{}
	for _, p := range procs {
		for _, l := range e.values(p, epoDividedIntoLot) {
			procOf[l] = append(procOf[l], p)
		}
	}
	noticesOf := map[graph.Term][]graph.Term{} // procedure or lot → the subjects that refer to it
	for _, s := range e.order {
		for _, p := range []string{epoRefersToProcedure, epoRefersToLot} {
			for _, o := range e.props[s][p] {
				noticesOf[o] = append(noticesOf[o], s)
			}
		}
	}
	orgs := map[graph.Term]bool{} // organisation → public
	var orgOrder []graph.Term
	buyersOf := func(s graph.Term) []graph.Term {
		roles := slices.Clone(e.values(s, epoIsResponsibilityOfBuyer))
		for _, n := range noticesOf[s] {
			for _, r := range e.values(n, epoRefersToRole) {
				if e.isA(r, epoBuyer) && !slices.Contains(roles, r) {
					roles = append(roles, r)
				}
			}
		}
		var out []graph.Term
		for _, r := range roles {
			played := e.values(r, epoPlayedBy)
			if len(played) == 0 {
				played = []graph.Term{r}
			}
			for _, o := range played {
				if _, ok := orgs[o]; !ok {
					orgs[o] = e.public(o)
					orgOrder = append(orgOrder, o)
				}
				if !slices.Contains(out, o) {
					out = append(out, o)
				}
			}
		}
		return out
	}
	type unit struct {
		s      graph.Term
		buyers []graph.Term
		lot    bool
	}
	var units []unit
	procBuyers := map[graph.Term][]graph.Term{}
	for _, p := range procs {
		b := buyersOf(p)
		procBuyers[p] = b
		units = append(units, unit{s: p, buyers: b})
	}
	for _, l := range lots {
		b := buyersOf(l)
		if len(b) == 0 {
			for _, p := range procOf[l] {
				for _, o := range procBuyers[p] {
					if !slices.Contains(b, o) {
						b = append(b, o)
					}
				}
			}
		}
		units = append(units, unit{s: l, buyers: b, lot: true})
	}
	concepts := map[graph.Term]bool{}
	for _, u := range units {
		var public []graph.Term
		for _, o := range u.buyers {
			if orgs[o] {
				public = append(public, o)
			}
		}
		if len(u.buyers) > 0 && len(public) == 0 {
			continue // only private buyers: not a public procurement
		}
		d.add(u.s, schema.RDFType, graph.IRI(schema.ClassProcurement))
		titles := e.values(u.s, schema.DCTermsTitle)
		if len(titles) == 0 {
			d.add(u.s, schema.PropNotStated, graph.IRI(schema.DCTermsTitle))
		}
		for _, t := range titles {
			d.add(u.s, schema.DCTermsTitle, t)
		}
		if len(public) == 0 {
			d.add(u.s, schema.PropNotStated, graph.IRI(schema.PropBuyer))
		}
		for _, o := range public {
			d.add(u.s, schema.PropBuyer, o)
		}
		for _, p := range procOf[u.s] {
			d.add(u.s, schema.DCTermsIsPartOf, p)
		}
		for _, pu := range e.values(u.s, epoHasPurpose) {
			for _, pred := range []string{epoMainClassification, epoAdditionalClassification} {
				for _, c := range e.values(pu, pred) {
					if c.Kind != graph.KindIRI {
						continue
					}
					d.add(u.s, schema.DCTermsSubject, c)
					if !concepts[c] {
						concepts[c] = true
						e.concept(d, c)
					}
				}
			}
		}
		e.money(d, u.s)
		if !u.lot {
			for _, t := range e.values(u.s, epoHasProcedureType) {
				if c := procedureTypes[lastSegment(t.Value)]; c != "" {
					d.add(u.s, schema.PropProcedureType, graph.IRI(c))
					break
				}
			}
		}
	}
	// Contract conclusion dates, on the lots they cover and their
	// procedures, when those are procurements.
	procurement := map[graph.Term]bool{}
	for _, q := range d.out {
		if q.P.Value == schema.RDFType && q.O.Value == schema.ClassProcurement {
			procurement[q.S] = true
		}
	}
	for _, k := range e.withType(epoContract) {
		for _, date := range e.values(k, epoConclusionDate) {
			if date.Kind != graph.KindLiteral {
				continue
			}
			for _, l := range e.values(k, epoHasLotReference) {
				for _, s := range append([]graph.Term{l}, procOf[l]...) {
					if procurement[s] {
						d.add(s, schema.PropContractSigned, date)
					}
				}
			}
		}
	}
	// Winners: a lot's award outcome with a winner selected (status
	// selec-w) names tender outcomes; those ranked first (or not ranked)
	// concern tenders whose tenderers' organisations supplied the lot and
	// its procedure.
	var suppliers []graph.Term
	for _, lo := range e.withType(epoLotAwardOutcome) {
		won := false
		for _, st := range e.values(lo, epoHasAwardStatus) {
			won = won || lastSegment(st.Value) == "selec-w"
		}
		if !won {
			continue
		}
		for _, to := range e.values(lo, epoComprisesTenderOutcome) {
			if r := e.values(to, epoHasAwardRank); len(r) > 0 && r[0].Value != "1" {
				continue
			}
			for _, tender := range e.values(to, epoConcernsTender) {
				for _, role := range append(slices.Clone(e.values(tender, epoIsSubmitedBy)), e.values(tender, epoIsSubmittedBy)...) {
					played := e.values(role, epoPlayedBy)
					if len(played) == 0 {
						played = []graph.Term{role}
					}
					for _, o := range played {
						for _, l := range e.values(lo, epoConcernsLot) {
							for _, s := range append([]graph.Term{l}, procOf[l]...) {
								if procurement[s] {
									d.add(s, schema.PropSupplier, o)
								}
							}
						}
						if _, buyer := orgs[o]; !buyer && !slices.Contains(suppliers, o) {
							suppliers = append(suppliers, o)
						}
					}
				}
			}
		}
	}
	for _, o := range orgOrder {
		e.organisation(d, o, orgs[o])
	}
	for _, o := range suppliers {
		e.supplier(d, o)
	}
	return d.out
}

// supplier describes a winner's organisation as an actor.
func (e *Enricher) supplier(d *deriver, o graph.Term) {
	d.add(o, schema.RDFType, graph.IRI(schema.ClassActor))
	d.add(o, schema.RDFType, graph.IRI(schema.FOAFOrganization))
	e.labels(d, o)
}

// labels writes an organisation's legal names as rdfs:label, one per
// language.
func (e *Enricher) labels(d *deriver, o graph.Term) {
	langs := map[string]bool{}
	for _, n := range e.values(o, epoHasLegalName) {
		if n.Kind != graph.KindLiteral || strings.TrimSpace(n.Value) == "" || langs[strings.ToLower(n.Lang)] {
			continue
		}
		langs[strings.ToLower(n.Lang)] = true
		d.add(o, schema.RDFSLabel, n)
	}
}

// public reports whether an organisation is a public buyer: any legal
// type but spec-rights-entity and def-cont, or none.
func (e *Enricher) public(o graph.Term) bool {
	for _, t := range e.values(o, epoHasBuyerLegalType) {
		switch lastSegment(t.Value) {
		case "spec-rights-entity", "def-cont":
			return false
		}
	}
	return true
}

// organisation describes a buyer's organisation.
func (e *Enricher) organisation(d *deriver, o graph.Term, public bool) {
	d.add(o, schema.RDFType, graph.IRI(schema.ORGOrganization))
	e.labels(d, o)
	if !public {
		d.add(o, schema.RDFType, graph.IRI(schema.ClassActor))
		return
	}
	d.add(o, schema.RDFType, graph.IRI(schema.ClassAdministration))
	d.add(o, schema.PropSector, graph.IRI(schema.SectorPublicAdministration))
	level := ""
	for _, t := range e.values(o, epoHasBuyerLegalType) {
		if l := legalTypeLevels[lastSegment(t.Value)]; l != "" {
			level = l
			break
		}
	}
	if level != "" {
		d.add(o, schema.PropGovernmentLevel, graph.IRI(level))
	} else {
		d.add(o, schema.PropNotStated, graph.IRI(schema.PropGovernmentLevel))
	}
	country := ""
	for _, a := range e.values(o, cccevRegisteredAddress) {
		for _, c := range e.values(a, epoHasCountryCode) {
			if cc := alpha3[strings.ToUpper(lastSegment(c.Value))]; cc != "" && country == "" {
				country = cc
			}
		}
	}
	if country != "" {
		d.add(o, schema.PropCountry, graph.String(country))
	} else {
		d.add(o, schema.PropNotStated, graph.IRI(schema.PropCountry))
	}
}

// concept makes a classification IRI a concept of its scheme.
func (e *Enricher) concept(d *deriver, c graph.Term) {
	var label graph.Term
	for _, l := range e.values(c, schema.SKOSPrefLabel) {
		if l.Kind == graph.KindLiteral {
			label = l
			break
		}
	}
	if code, ok := strings.CutPrefix(c.Value, schema.CPVScheme+"/"); ok && schema.CPVCode(code) == code {
		_, quads := schema.ClassificationQuads(schema.Classification{Scheme: "CPV", Code: code, Label: label.Value, Lang: label.Lang})
		for _, q := range quads {
			d.add(q.S, q.P.Value, q.O)
		}
		return
	}
	i := strings.LastIndexAny(c.Value, "/#")
	if i <= 0 || i == len(c.Value)-1 {
		return
	}
	scheme, code := graph.IRI(c.Value[:i]), c.Value[i+1:]
	d.add(scheme, schema.RDFType, graph.IRI(schema.SKOSConceptScheme))
	if name := lastSegment(scheme.Value); name != "" {
		d.add(scheme, schema.SKOSNotation, graph.String(name))
	}
	d.add(c, schema.RDFType, graph.IRI(schema.SKOSConcept))
	d.add(c, schema.SKOSInScheme, scheme)
	d.add(c, schema.SKOSNotation, graph.String(code))
	if label.Value == "" {
		d.add(c, schema.PropNotStated, graph.IRI(schema.SKOSPrefLabel))
	} else {
		d.add(c, schema.SKOSPrefLabel, label) // repeated from the input, so that the derived statements validate alone
	}
}

var reDecimal = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)

// money writes the first estimated value that has a plain decimal amount
// and a currency.
func (e *Enricher) money(d *deriver, s graph.Term) {
	for _, v := range e.values(s, epoHasEstimatedValue) {
		var amount, currency string
		for _, a := range e.values(v, epoHasAmountValue) {
			if a.Kind == graph.KindLiteral && reDecimal.MatchString(strings.TrimSpace(a.Value)) {
				amount = strings.TrimSpace(a.Value)
				break
			}
		}
		for _, c := range e.values(v, epoHasCurrency) {
			if code := strings.ToUpper(lastSegment(c.Value)); reCurrency.MatchString(code) {
				currency = code
				break
			}
		}
		if amount != "" && currency != "" {
			if strings.HasSuffix(amount, ".") {
				amount += "0"
			}
			if strings.HasPrefix(amount, ".") {
				amount = "0" + amount
			}
			d.add(s, schema.PropValue, graph.Literal(amount, schema.XSDDecimal))
			d.add(s, schema.PropCurrency, graph.String(currency))
			return
		}
	}
}

var reCurrency = regexp.MustCompile(`^[A-Z]{3}$`)

// lastSegment returns what follows the last / or # of an IRI (or the
// value itself).
func lastSegment(iri string) string {
	return iri[strings.LastIndexAny(iri, "/#")+1:]
}

// procedureTypes maps the EU procurement-procedure-type authority codes
// to the procedure-type scheme. It is a read-only table.
var procedureTypes = map[string]string{
	"open": schema.ProcedureOpen, "restricted": schema.ProcedureSelective,
	"neg-w-call": schema.ProcedureSelective, "comp-dial": schema.ProcedureSelective,
	"innovation": schema.ProcedureSelective, "neg-wo-call": schema.ProcedureLimited,
}

// legalTypeLevels maps the eForms buyer-legal-type codes that say the
// level of government. It is a read-only table.
var legalTypeLevels = map[string]string{
	"cga": schema.LevelNational, "body-pl-cga": schema.LevelNational,
	"org-sub-cga": schema.LevelNational, "pub-undert-cga": schema.LevelNational,
	"ra": schema.LevelRegional, "body-pl-ra": schema.LevelRegional,
	"org-sub-ra": schema.LevelRegional, "pub-undert-ra": schema.LevelRegional,
	"la": schema.LevelLocal, "body-pl-la": schema.LevelLocal,
	"org-sub-la": schema.LevelLocal, "pub-undert-la": schema.LevelLocal,
	"eu-ins-bod-ag": schema.LevelSupranational, "eu-int-org": schema.LevelSupranational,
	"int-org": schema.LevelInternational,
}

// alpha3 maps the ISO 3166-1 alpha-3 codes of the EU country authority
// table that TED uses, for European countries, to alpha-2. It is a
// read-only table; a code it lacks leaves the country not stated.
var alpha3 = map[string]string{
	"AUT": "AT", "BEL": "BE", "BGR": "BG", "HRV": "HR", "CYP": "CY", "CZE": "CZ", "DNK": "DK",
	"EST": "EE", "FIN": "FI", "FRA": "FR", "DEU": "DE", "GRC": "GR", "HUN": "HU", "IRL": "IE",
	"ITA": "IT", "LVA": "LV", "LTU": "LT", "LUX": "LU", "MLT": "MT", "NLD": "NL", "POL": "PL",
	"PRT": "PT", "ROU": "RO", "SVK": "SK", "SVN": "SI", "ESP": "ES", "SWE": "SE", "ISL": "IS",
	"LIE": "LI", "NOR": "NO", "CHE": "CH", "GBR": "GB", "ALB": "AL", "BIH": "BA", "MKD": "MK",
	"MNE": "ME", "SRB": "RS", "TUR": "TR", "UKR": "UA", "MDA": "MD", "GEO": "GE", "ARM": "AM",
}

// QuadReader is what [Reader] wraps: a reader of quads that returns
// io.EOF after the last.
type QuadReader interface {
	Read() (graph.Quad, error)
}

// Reader passes the quads of another reader through and, when that one
// ends, returns the quads an [Enricher] derives from them, then io.EOF.
type Reader struct {
	r       QuadReader
	e       *Enricher
	derived []graph.Quad
	next    int
	ended   bool
}

// NewReader returns a Reader over r.
func NewReader(r QuadReader) *Reader {
	return &Reader{r: r, e: NewEnricher()}
}

// Read returns the next quad: those of the wrapped reader as they come,
// then the derived ones. An error of the wrapped reader is returned as
// it is, and derives nothing.
func (r *Reader) Read() (graph.Quad, error) {
	if !r.ended {
		q, err := r.r.Read()
		if err == nil {
			r.e.Observe(q)
			return q, nil
		}
		if err != io.EOF {
			return q, err
		}
		r.ended = true
		r.derived = r.e.Quads()
		r.e = NewEnricher() // what was kept is no longer needed
	}
	if r.next < len(r.derived) {
		q := r.derived[r.next]
		r.next++
		return q, nil
	}
	return graph.Quad{}, io.EOF
}

// Derived returns the quads derived so far: all of them once Read has
// returned io.EOF.
func (r *Reader) Derived() []graph.Quad { return r.derived }
