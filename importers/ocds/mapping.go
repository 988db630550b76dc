package ocds

import (
	"math/big"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// The five OCDS stages, in order, as indexes into evidence.
const (
	stagePlanning = iota
	stageTender
	stageAward
	stageContract
	stageImplementation
	numStages
)

// stages maps each OCDS stage to the lifecycle stage it reaches and the
// code that ends the milestone's slug. It is a read-only table.
var stages = [numStages]struct{ concept, code string }{
	stagePlanning:       {schema.StageNeedsAssessment, "needs-assessment"},
	stageTender:         {schema.StageTendering, "tendering"},
	stageAward:          {schema.StageAward, "award"},
	stageContract:       {schema.StageContracting, "contracting"},
	stageImplementation: {schema.StageDeployment, "deployment"},
}

// tagStage returns the stage a release tag tells of, or -1.
func tagStage(tag string) int {
	switch strings.ToLower(text(tag)) {
	case "planning", "planningupdate":
		return stagePlanning
	case "tender", "tenderamendment", "tenderupdate":
		return stageTender
	case "award", "awardupdate":
		return stageAward
	case "contract", "contractupdate", "contractamendment", "contracttermination":
		return stageContract
	case "implementation", "implementationupdate":
		return stageImplementation
	}
	return -1
}

// evidence gathers, for each stage, whether some release of a contracting
// process shows it was reached, and the earliest date of such a release.
type evidence struct {
	seen [numStages]bool
	date [numStages]when
}

func (e *evidence) add(stage int, w when) {
	e.seen[stage] = true
	if w.before(e.date[stage]) {
		e.date[stage] = w
	}
}

// addRelease adds what one release shows: its tags, and for an embedded
// release its content, dated by the release's date.
func (e *evidence) addRelease(r *release) {
	for _, t := range r.Tag {
		if s := tagStage(t); s >= 0 {
			e.add(s, r.date)
		}
	}
	if r.linked() {
		return
	}
	reached, _ := contentStages(r)
	for s, ok := range reached {
		if ok {
			e.add(s, r.date)
		}
	}
}

// liveAward reports whether an award is in force or may be: not pending,
// cancelled or unsuccessful.
func liveAward(a *award) bool {
	switch strings.ToLower(text(a.Status)) {
	case "pending", "cancelled", "unsuccessful":
		return false
	}
	return true
}

// liveContract reports whether a contract was signed: not pending or
// cancelled.
func liveContract(c *contract) bool {
	switch strings.ToLower(text(c.Status)) {
	case "pending", "cancelled":
		return false
	}
	return true
}

// contentStages returns the stages a release's content shows were
// reached, and for each the date its content gives (the start of the
// tender period, the earliest award date, the earliest signature or start
// of a contract, the earliest transaction).
func contentStages(r *release) ([numStages]bool, [numStages]when) {
	var reached [numStages]bool
	var dates [numStages]when
	earliest := func(s int, w when) {
		if w.before(dates[s]) {
			dates[s] = w
		}
	}
	reached[stagePlanning] = r.Planning.any()
	if t := r.Tender; t != nil {
		var start when
		if t.TenderPeriod != nil {
			start = t.TenderPeriod.start
		}
		switch strings.ToLower(text(t.Status)) {
		case "active", "complete", "unsuccessful":
			reached[stageTender] = true
		case "planning", "planned", "withdrawn":
		default:
			reached[stageTender] = start.ok()
		}
		if strings.EqualFold(text(t.ProcurementMethod), "direct") {
			// A direct award calls for no tenders.
			reached[stageTender] = false
		}
		if reached[stageTender] {
			earliest(stageTender, start)
		}
	}
	for i := range r.Awards {
		if a := &r.Awards[i]; liveAward(a) {
			reached[stageAward] = true
			earliest(stageAward, a.date)
		}
	}
	var started when
	for i := range r.Contracts {
		c := &r.Contracts[i]
		if !liveContract(c) {
			continue
		}
		reached[stageContract] = true
		earliest(stageContract, c.dateSigned)
		if c.Period != nil && c.Period.start.before(started) {
			started = c.Period.start
		}
		if c.Implementation.any() {
			reached[stageImplementation] = true
			for j := range c.Implementation.Transactions {
				earliest(stageImplementation, c.Implementation.Transactions[j].date)
			}
		}
	}
	if reached[stageContract] && !dates[stageContract].ok() {
		dates[stageContract] = started
	}
	return reached, dates
}

// Flags of what has been said about an actor in this input.
const (
	actorDescribed = 1 << iota
	actorAdministration
)

// mapper turns contracting processes into quads. It remembers the actors
// it has described, so that each is described once per input.
type mapper struct {
	base     string
	out      []graph.Quad
	actors   map[string]uint8 // actor IRI → actorDescribed | actorAdministration
	concepts map[string]bool  // the classification concepts written
}

// dates writes the tender period and the dates of the live contracts.
func (m *mapper) dates(p string, rel *release) {
	at := func(prop string, w when) {
		if w.ok() {
			m.add(p, prop, graph.Literal(w.lex, w.dt))
		}
	}
	if t := rel.Tender; t != nil && t.TenderPeriod != nil {
		at(schema.PropTenderPeriodStart, t.TenderPeriod.start)
		at(schema.PropTenderPeriodEnd, t.TenderPeriod.end)
	}
	for i := range rel.Contracts {
		c := &rel.Contracts[i]
		if !liveContract(c) {
			continue
		}
		at(schema.PropContractSigned, c.dateSigned)
		if c.Period != nil {
			at(schema.PropContractPeriodStart, c.Period.start)
			at(schema.PropContractPeriodEnd, c.Period.end)
		}
	}
}

func (m *mapper) add(s, p string, o graph.Term) {
	m.out = append(m.out, graph.Quad{S: graph.IRI(s), P: graph.IRI(p), O: o})
}

// party is an organisation named in a release, with the roles that matter
// to the mapping.
type party struct {
	o                         *org
	iri                       string
	buyer, supplier, tenderer bool
}

// procurement maps one contracting process: rel is its compiled (or only)
// release, ev what its releases show of the stages reached, level the
// fallback level of government of its buyers.
func (m *mapper) procurement(ocid string, rel *release, ev *evidence, level string) {
	p := schema.EntityIRI(m.base, schema.KindProcurement, schema.Slug(ocid))
	m.add(p, schema.RDFType, graph.IRI(schema.ClassProcurement))
	m.add(p, schema.RDFType, graph.IRI(schema.EPOProcedure))
	m.add(p, schema.PropOCID, graph.String(ocid))

	lang := langTag(rel.Language)
	lit := func(s string) graph.Term {
		if lang != "" {
			return graph.LangLiteral(s, lang)
		}
		return graph.String(s)
	}
	if title := procurementTitle(rel); title != "" {
		m.add(p, schema.DCTermsTitle, lit(title))
	}
	if t := rel.Tender; t != nil {
		if d := text(t.Description); d != "" {
			m.add(p, schema.DCTermsDescription, lit(d))
		}
		if c := statusConcept(t.Status); c != "" {
			m.add(p, schema.PropStatus, graph.IRI(c))
		}
		if c := methodConcept(t.ProcurementMethod); c != "" {
			m.add(p, schema.PropProcedureType, graph.IRI(c))
		}
	}
	if amount, currency := procurementValue(rel); amount != "" {
		m.add(p, schema.PropValue, graph.Literal(amount, schema.XSDDecimal))
		m.add(p, schema.PropCurrency, graph.String(currency))
	}

	hasBuyer := false
	for _, pt := range m.parties(rel) {
		m.actor(pt, level)
		if pt.buyer {
			hasBuyer = true
			m.add(p, schema.PropBuyer, graph.IRI(pt.iri))
		}
		switch {
		case pt.supplier:
			m.add(p, schema.PropSupplier, graph.IRI(pt.iri))
		case pt.tenderer && !pt.buyer:
			m.add(p, schema.DCTermsRelation, graph.IRI(pt.iri))
		}
	}

	if !hasBuyer {
		// The release names no buyer, no party with the role buyer and no
		// procuring entity: recorded as missing, not guessed.
		m.add(p, schema.PropNotStated, graph.IRI(schema.PropBuyer))
	}
	m.dates(p, rel)

	reached, dates := contentStages(rel)
	for s := range numStages {
		if !reached[s] && !ev.seen[s] {
			continue
		}
		st := stages[s]
		m.add(p, schema.PropStageReached, graph.IRI(st.concept))
		w := dates[s]
		if !w.ok() {
			w = ev.date[s]
		}
		if !w.ok() {
			continue
		}
		ms := schema.EntityIRI(m.base, schema.KindMilestone, schema.Slug(ocid)+"-"+st.code)
		m.add(p, schema.PropMilestone, graph.IRI(ms))
		m.add(ms, schema.RDFType, graph.IRI(schema.ClassMilestone))
		m.add(ms, schema.PropStage, graph.IRI(st.concept))
		m.add(ms, schema.DCTermsDate, graph.Literal(w.lex, w.dt))
	}

	seen := map[string]bool{}
	for _, c := range classifications(rel) {
		cl := schema.Classification{Scheme: c.scheme(), Code: text(string(c.ID)), Label: text(c.Description), Lang: lang}
		iri, quads := schema.ClassificationQuads(cl)
		if iri == "" || seen[iri] {
			continue
		}
		seen[iri] = true
		if !m.concepts[iri] {
			m.concepts[iri] = true
			m.out = append(m.out, quads...)
			if u, ok := webIRI(c.URI); ok && u != iri {
				m.add(iri, schema.SKOSExactMatch, graph.IRI(u))
			}
		}
		m.add(p, schema.DCTermsSubject, graph.IRI(iri))
	}
	for _, d := range documents(rel) {
		iri, ok := webIRI(d.URL)
		if !ok || seen[iri] {
			continue
		}
		seen[iri] = true
		m.add(p, schema.DCTermsReferences, graph.IRI(iri))
		if t := text(d.Title); t != "" {
			m.add(iri, schema.DCTermsTitle, graph.String(t))
		}
	}
}

// procurementTitle returns the tender's title, or else the first award's
// or contract's.
func procurementTitle(r *release) string {
	if r.Tender != nil && text(r.Tender.Title) != "" {
		return text(r.Tender.Title)
	}
	for _, a := range r.Awards {
		if t := text(a.Title); t != "" {
			return t
		}
	}
	for _, c := range r.Contracts {
		if t := text(c.Title); t != "" {
			return t
		}
	}
	return ""
}

// statusConcept returns the procurement-status concept of an OCDS tender
// status code, or "".
func statusConcept(code string) string {
	switch strings.ToLower(text(code)) {
	case "planning":
		return schema.StatusPlanning
	case "planned":
		return schema.StatusPlanned
	case "active":
		return schema.StatusActive
	case "cancelled":
		return schema.StatusCancelled
	case "unsuccessful":
		return schema.StatusUnsuccessful
	case "complete":
		return schema.StatusComplete
	case "withdrawn":
		return schema.StatusWithdrawn
	}
	return ""
}

// methodConcept returns the procedure-type concept of an OCDS method
// code, or "".
func methodConcept(code string) string {
	switch strings.ToLower(text(code)) {
	case "open":
		return schema.ProcedureOpen
	case "selective":
		return schema.ProcedureSelective
	case "limited":
		return schema.ProcedureLimited
	case "direct":
		return schema.ProcedureDirect
	}
	return ""
}

// procurementValue returns the value of a contracting process and its
// currency: the tender's value; else the sum of the live awards' values
// when they share one currency; else the same for the live contracts.
func procurementValue(r *release) (amount, currency string) {
	if t := r.Tender; t != nil && t.Value != nil && t.Value.amount != "" {
		if c := currencyCode(t.Value.Currency); c != "" {
			return t.Value.amount, c
		}
	}
	var vals []*value
	for i := range r.Awards {
		if a := &r.Awards[i]; liveAward(a) && a.Value != nil && a.Value.amount != "" {
			vals = append(vals, a.Value)
		}
	}
	if amount, currency = sum(vals); amount != "" {
		return amount, currency
	}
	vals = vals[:0]
	for i := range r.Contracts {
		if c := &r.Contracts[i]; liveContract(c) && c.Value != nil && c.Value.amount != "" {
			vals = append(vals, c.Value)
		}
	}
	return sum(vals)
}

// sum adds values that share one currency exactly; it returns "", "" when
// there are none or their currencies differ or are missing.
func sum(vals []*value) (string, string) {
	if len(vals) == 0 {
		return "", ""
	}
	cur := currencyCode(vals[0].Currency)
	if cur == "" {
		return "", ""
	}
	if len(vals) == 1 {
		return vals[0].amount, cur
	}
	total := new(big.Rat)
	places := 0
	for _, v := range vals {
		if currencyCode(v.Currency) != cur {
			return "", ""
		}
		x, ok := new(big.Rat).SetString(v.amount)
		if !ok {
			return "", ""
		}
		total.Add(total, x)
		if _, frac, ok := strings.Cut(v.amount, "."); ok {
			places = max(places, len(frac))
		}
	}
	d, ok := decimal(total.FloatString(places))
	if !ok {
		return "", ""
	}
	return d, cur
}

// classifications returns the item classifications of a release.
func classifications(r *release) []*classification {
	var out []*classification
	items := func(list []item) {
		for i := range list {
			it := &list[i]
			if it.Classification != nil {
				out = append(out, it.Classification)
			}
			for j := range it.AdditionalClassifications {
				out = append(out, &it.AdditionalClassifications[j])
			}
		}
	}
	if r.Tender != nil {
		items(r.Tender.Items)
	}
	for i := range r.Awards {
		items(r.Awards[i].Items)
	}
	for i := range r.Contracts {
		items(r.Contracts[i].Items)
	}
	return out
}

// documents returns the documents of every stage of a release.
func documents(r *release) []document {
	var out []document
	if r.Planning != nil {
		out = append(out, r.Planning.Documents...)
	}
	if r.Tender != nil {
		out = append(out, r.Tender.Documents...)
	}
	for i := range r.Awards {
		out = append(out, r.Awards[i].Documents...)
	}
	for i := range r.Contracts {
		c := &r.Contracts[i]
		out = append(out, c.Documents...)
		if c.Implementation != nil {
			out = append(out, c.Implementation.Documents...)
		}
	}
	return out
}

// parties returns the organisations of a release that the mapping links:
// buyers (the buyer, parties with the role buyer, or else the procuring
// entity), suppliers (parties with the role supplier, the suppliers of
// live awards and contracts) and tenderers. An organisation named in
// several places (a 1.1 reference and its party, or the same identifier)
// is one party.
func (m *mapper) parties(r *release) []*party {
	byID := map[string]*org{}
	for i := range r.Parties {
		if id := text(string(r.Parties[i].ID)); id != "" {
			if _, dup := byID[id]; !dup {
				byID[id] = &r.Parties[i]
			}
		}
	}
	var list []*party
	byIRI := map[string]*party{}
	get := func(o *org) *party {
		if o == nil {
			return nil
		}
		if p, ok := byID[text(string(o.ID))]; ok {
			o = p
		}
		key := actorKey(o)
		if key == "" {
			return nil
		}
		iri := schema.EntityIRI(m.base, schema.KindActor, key)
		pt := byIRI[iri]
		if pt == nil {
			pt = &party{o: o, iri: iri}
			byIRI[iri] = pt
			list = append(list, pt)
		}
		return pt
	}
	hasBuyer := false
	for i := range r.Parties {
		o := &r.Parties[i]
		for _, role := range o.Roles {
			switch strings.ToLower(text(role)) {
			case "buyer":
				if pt := get(o); pt != nil {
					pt.buyer, hasBuyer = true, true
				}
			case "supplier":
				if pt := get(o); pt != nil {
					pt.supplier = true
				}
			case "tenderer":
				if pt := get(o); pt != nil {
					pt.tenderer = true
				}
			}
		}
	}
	if pt := get(r.Buyer); pt != nil {
		pt.buyer, hasBuyer = true, true
	}
	if !hasBuyer {
		if r.Tender != nil {
			if pt := get(r.Tender.ProcuringEntity); pt != nil {
				pt.buyer = true
			}
		}
		for i := range r.Parties {
			o := &r.Parties[i]
			for _, role := range o.Roles {
				if strings.EqualFold(text(role), "procuringEntity") {
					if pt := get(o); pt != nil {
						pt.buyer = true
					}
				}
			}
		}
	}
	if r.Tender != nil {
		for i := range r.Tender.Tenderers {
			if pt := get(&r.Tender.Tenderers[i]); pt != nil {
				pt.tenderer = true
			}
		}
	}
	for i := range r.Awards {
		if a := &r.Awards[i]; liveAward(a) {
			for j := range a.Suppliers {
				if pt := get(&a.Suppliers[j]); pt != nil {
					pt.supplier = true
				}
			}
		}
	}
	for i := range r.Contracts {
		if c := &r.Contracts[i]; liveContract(c) {
			for j := range c.Suppliers.v {
				if pt := get(&c.Suppliers.v[j]); pt != nil {
					pt.supplier = true
				}
			}
		}
	}
	return list
}

// actorKey returns the slug that names an organisation's actor: from its
// party id; else its identifier (scheme-id, or the id alone); else its
// name. A party id of fewer than six digits and nothing else ("1", "23")
// is taken to be local to the release, as many publishers number parties
// per release, and is passed over.
func actorKey(o *org) string {
	if id := text(string(o.ID)); id != "" && !(len(id) < 6 && digits(id)) {
		if s := schema.Slug(id); s != "" {
			return s
		}
	}
	if o.Identifier != nil {
		if s := schema.Slug(identifierText(o.Identifier)); s != "" {
			return s
		}
	}
	if s := schema.Slug(o.Name); s != "" {
		return s
	}
	if o.Identifier != nil {
		return schema.Slug(o.Identifier.LegalName)
	}
	return ""
}

// identifierText returns an identifier as scheme-id, or the id alone when
// it has no scheme, or "".
func identifierText(id *identifier) string {
	v := text(string(id.ID))
	if v == "" {
		return ""
	}
	if s := text(id.Scheme); s != "" {
		return s + "-" + v
	}
	return v
}

// actor describes an organisation the first time the input names it, and
// makes it an administration the first time it is a buyer.
func (m *mapper) actor(pt *party, level string) {
	st := m.actors[pt.iri]
	o := pt.o
	if st&actorDescribed == 0 {
		st |= actorDescribed
		m.add(pt.iri, schema.RDFType, graph.IRI(schema.ClassActor))
		m.add(pt.iri, schema.RDFType, graph.IRI(schema.FOAFOrganization))
		name := text(o.Name)
		legal := ""
		if o.Identifier != nil {
			legal = text(o.Identifier.LegalName)
		}
		switch {
		case name != "":
			m.add(pt.iri, schema.RDFSLabel, graph.String(name))
			if legal != "" && legal != name {
				m.add(pt.iri, schema.SKOSAltLabel, graph.String(legal))
			}
		case legal != "":
			m.add(pt.iri, schema.RDFSLabel, graph.String(legal))
		}
		if id := text(string(o.ID)); id != "" {
			m.add(pt.iri, schema.PropOCDSPartyID, graph.String(id))
		}
		if o.Identifier != nil {
			if id := identifierText(o.Identifier); id != "" {
				m.add(pt.iri, schema.DCTermsIdentifier, graph.String(id))
			}
		}
		for i := range o.AdditionalIdentifiers {
			if id := identifierText(&o.AdditionalIdentifiers[i]); id != "" {
				m.add(pt.iri, schema.DCTermsIdentifier, graph.String(id))
			}
		}
		if o.Address != nil {
			if c := countryCode(o.Address.CountryName); c != "" {
				m.add(pt.iri, schema.PropCountry, graph.String(c))
			}
		}
	}
	if pt.buyer && st&actorAdministration == 0 {
		st |= actorAdministration
		m.add(pt.iri, schema.RDFType, graph.IRI(schema.ClassAdministration))
		m.add(pt.iri, schema.RDFType, graph.IRI(schema.ORGOrganization))
		m.add(pt.iri, schema.PropSector, graph.IRI(schema.SectorPublicAdministration))
		if l := governmentLevel(o, level); l != "" {
			m.add(pt.iri, schema.PropGovernmentLevel, graph.IRI(l))
		} else {
			m.add(pt.iri, schema.PropNotStated, graph.IRI(schema.PropGovernmentLevel))
		}
	}
	m.actors[pt.iri] = st
}
