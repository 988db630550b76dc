package generate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"civicgraph/schema"
)

// ReleasesPerPackage is how many releases each OCDS release package holds.
const ReleasesPerPackage = 100

// ocdsPublisher names the publisher of the generated packages, plainly
// synthetic.
const (
	ocdsPublisher    = "Synthetic publisher: civicgraph illustrative data, not real"
	ocdsPublisherURI = "https://synthetic-publisher.example.org/"
)

// cpvCodes are Common Procurement Vocabulary codes (without their check
// digit) of the software, data and research services an AI procurement buys.
var cpvCodes = [...]struct{ code, name string }{
	{"72000000", "IT services: consulting, software development, Internet and support"},
	{"72212000", "Programming services of application software"},
	{"72220000", "Systems and technical consultancy services"},
	{"72224000", "Project management consultancy services"},
	{"72230000", "Custom software development services"},
	{"72260000", "Software-related services"},
	{"72263000", "Software implementation services"},
	{"72300000", "Data services"},
	{"72310000", "Data-processing services"},
	{"72316000", "Data analysis services"},
	{"72320000", "Database services"},
	{"48000000", "Software package and information systems"},
	{"48600000", "Database and operating software package"},
	{"73000000", "Research and development services and related consultancy services"},
}

// buyerLegalTypes gives the eForms buyer legal type (scheme
// eu-buyer-legal-type) of each level of government.
var buyerLegalTypes = map[string]string{
	schema.LevelNational: "cga", schema.LevelRegional: "ra", schema.LevelLocal: "la",
}

// OCDS 1.1 release, with the fields the generator fills.
type (
	ocdsPackage struct {
		URI           string            `json:"uri"`
		Version       string            `json:"version"`
		PublishedDate string            `json:"publishedDate"`
		Publisher     ocdsPublisherName `json:"publisher"`
		Releases      []json.RawMessage `json:"releases"`
	}
	ocdsPublisherName struct {
		Name string `json:"name"`
		URI  string `json:"uri"`
	}
	ocdsRelease struct {
		OCID           string         `json:"ocid"`
		ID             string         `json:"id"`
		Date           string         `json:"date"`
		Tag            []string       `json:"tag"`
		InitiationType string         `json:"initiationType"`
		Language       string         `json:"language"`
		Parties        []ocdsParty    `json:"parties"`
		Buyer          ocdsOrgRef     `json:"buyer"`
		Planning       *ocdsPlanning  `json:"planning,omitempty"`
		Tender         ocdsTender     `json:"tender"`
		Awards         []ocdsAward    `json:"awards,omitempty"`
		Contracts      []ocdsContract `json:"contracts,omitempty"`
	}
	ocdsOrgRef struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	ocdsParty struct {
		ID           string            `json:"id"`
		Name         string            `json:"name"`
		Identifier   *ocdsIdentifier   `json:"identifier,omitempty"`
		Address      *ocdsAddress      `json:"address,omitempty"`
		ContactPoint *ocdsContactPoint `json:"contactPoint,omitempty"`
		Roles        []string          `json:"roles"`
		Details      *ocdsPartyDetails `json:"details,omitempty"`
	}
	ocdsIdentifier struct {
		Scheme    string `json:"scheme"`
		ID        string `json:"id"`
		LegalName string `json:"legalName,omitempty"`
	}
	ocdsAddress struct {
		CountryName string `json:"countryName"`
	}
	ocdsContactPoint struct {
		URL string `json:"url"`
	}
	ocdsPartyDetails struct {
		Classifications []ocdsClassification `json:"classifications"`
	}
	ocdsClassification struct {
		Scheme      string `json:"scheme"`
		ID          string `json:"id"`
		Description string `json:"description,omitempty"`
	}
	ocdsPlanning struct {
		Rationale string `json:"rationale"`
	}
	ocdsValue struct {
		Amount   json.Number `json:"amount"`
		Currency string      `json:"currency"`
	}
	ocdsPeriod struct {
		StartDate string `json:"startDate,omitempty"`
		EndDate   string `json:"endDate,omitempty"`
	}
	ocdsItem struct {
		ID                        string               `json:"id"`
		Description               string               `json:"description"`
		Classification            ocdsClassification   `json:"classification"`
		AdditionalClassifications []ocdsClassification `json:"additionalClassifications,omitempty"`
	}
	ocdsDocument struct {
		ID           string `json:"id"`
		DocumentType string `json:"documentType"`
		Title        string `json:"title"`
		URL          string `json:"url"`
		Language     string `json:"language"`
	}
	ocdsTender struct {
		ID                string         `json:"id"`
		Title             string         `json:"title"`
		Description       string         `json:"description,omitempty"`
		Status            string         `json:"status"`
		ProcurementMethod string         `json:"procurementMethod,omitempty"`
		Value             *ocdsValue     `json:"value,omitempty"`
		TenderPeriod      *ocdsPeriod    `json:"tenderPeriod,omitempty"`
		Items             []ocdsItem     `json:"items"`
		Documents         []ocdsDocument `json:"documents,omitempty"`
	}
	ocdsAward struct {
		ID        string       `json:"id"`
		Status    string       `json:"status"`
		Date      string       `json:"date"`
		Value     *ocdsValue   `json:"value,omitempty"`
		Suppliers []ocdsOrgRef `json:"suppliers"`
	}
	ocdsContract struct {
		ID             string              `json:"id"`
		AwardID        string              `json:"awardID"`
		Status         string              `json:"status"`
		DateSigned     string              `json:"dateSigned"`
		Value          *ocdsValue          `json:"value,omitempty"`
		Period         ocdsPeriod          `json:"period"`
		Implementation *ocdsImplementation `json:"implementation,omitempty"`
	}
	ocdsImplementation struct {
		Transactions []ocdsTransaction `json:"transactions"`
	}
	ocdsTransaction struct {
		ID    string     `json:"id"`
		Date  string     `json:"date"`
		Value *ocdsValue `json:"value,omitempty"`
	}
)

// ocdsWriter writes procurements as OCDS releases, ReleasesPerPackage to a
// release package, one package a line.
type ocdsWriter struct {
	sink
	g        *gen
	enc      *json.Encoder
	encBuf   bytes.Buffer
	releases []json.RawMessage
	latest   string // latest release date of the open package
	packages int
}

func newOCDSWriter(w io.Writer, g *gen) *ocdsWriter {
	o := &ocdsWriter{sink: newSink(w), g: g}
	o.enc = json.NewEncoder(&o.encBuf)
	o.enc.SetEscapeHTML(false)
	return o
}

// encode returns the JSON of v, without the final newline, in a new slice.
func (o *ocdsWriter) encode(v any) (json.RawMessage, error) {
	o.encBuf.Reset()
	if err := o.enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.Clone(bytes.TrimSuffix(o.encBuf.Bytes(), []byte("\n"))), nil
}

// The predicates the record writers read, as terms.
const (
	tType          = "<" + schema.RDFType + ">"
	tLabel         = "<" + schema.RDFSLabel + ">"
	tAltLabel      = "<" + schema.SKOSAltLabel + ">"
	tHomepage      = "<" + schema.FOAFHomepage + ">"
	tCountry       = "<" + schema.PropCountry + ">"
	tLevel         = "<" + schema.PropGovernmentLevel + ">"
	tPartyID       = "<" + schema.PropOCDSPartyID + ">"
	tTitle         = "<" + schema.DCTermsTitle + ">"
	tDate          = "<" + schema.DCTermsDate + ">"
	tBuyer         = "<" + schema.PropBuyer + ">"
	tPurpose       = "<" + schema.PropPurpose + ">"
	tAISystem      = "<" + schema.PropAISystem + ">"
	tRiskClass     = "<" + schema.PropRiskClass + ">"
	tStatus        = "<" + schema.PropStatus + ">"
	tStageReached  = "<" + schema.PropStageReached + ">"
	tValue         = "<" + schema.PropValue + ">"
	tCurrency      = "<" + schema.PropCurrency + ">"
	tProcedureType = "<" + schema.PropProcedureType + ">"
	tSupplier      = "<" + schema.PropSupplier + ">"
	tOCID          = "<" + schema.PropOCID + ">"
	tServesMission = "<" + schema.PropServesMission + ">"
	tIsDPI         = "<" + schema.PropIsDigitalPublicInfrastructure + ">"
)

// ocdsDate is the form of OCDS dates.
const ocdsDate = "2006-01-02T15:04:05Z"

// record maps procurement e to a release: the buyer and the supplier as
// parties, planning from the second lifecycle stage on (needs assessment),
// a tender period from tendering on, an award and a contract when those
// stages were reached, a payment once the system was deployed. Stages after
// the award are reached only by complete procurements, so the sections
// agree with the status. The CPV code is drawn from the procurement's own
// stream (saltCPV), so it leaves the other formats' bytes alone.
func (o *ocdsWriter) record(e *entity, parties map[string]*entity) error {
	ocid := text(e.first(tOCID))
	num := ocid[strings.LastIndexByte(ocid, '-')+1:]
	i, _ := strconv.ParseInt(num, 10, 64)
	r := newRNG(o.g.opts.Seed, saltCPV, i)
	stages := 0
	for _, p := range e.props {
		if p.p == tStageReached {
			stages++
		}
	}
	start, err := time.Parse(time.DateOnly, text(e.first(tDate)))
	if err != nil {
		return fmt.Errorf("generate: procurement %s: date: %w", e.iri, err)
	}
	day := func(days int) string { return start.AddDate(0, 0, days).Format(ocdsDate) }
	var val *ocdsValue
	if v := e.first(tValue); v != "" {
		val = &ocdsValue{Amount: json.Number(text(v)), Currency: text(e.first(tCurrency))}
	}
	title := ""
	for _, p := range e.props {
		if p.p == tTitle && langOf(p.o) == "en" {
			title = text(p.o)
			break
		}
	}
	rel := ocdsRelease{
		OCID: ocid, ID: ocid + "-01", Date: day(0), InitiationType: "tender", Language: "en",
		Tender: ocdsTender{
			ID: ocid + "-tender", Title: title, Description: text(e.first(tAISystem)),
			Status: localName(unbracket(e.first(tStatus))), ProcurementMethod: localName(unbracket(e.first(tProcedureType))),
			Value: val,
		},
	}
	buyer := o.party(parties[e.first(tBuyer)], "buyer", "procuringEntity")
	rel.Parties = append(rel.Parties, buyer)
	rel.Buyer = ocdsOrgRef{ID: buyer.ID, Name: buyer.Name}

	cpv := cpvCodes[r.intn(len(cpvCodes))]
	_, what, _ := strings.Cut(title, ": ") // "Synthetic tender 000123: what"
	item := ocdsItem{ID: "1", Description: what,
		Classification: ocdsClassification{Scheme: "CPV", ID: cpv.code, Description: cpv.name}}
	if r.chance(0.3) {
		extra := cpvCodes[(int(r.next()%uint64(len(cpvCodes)-1))+1+indexCPV(cpv.code))%len(cpvCodes)]
		item.AdditionalClassifications = []ocdsClassification{{Scheme: "CPV", ID: extra.code, Description: extra.name}}
	}
	rel.Tender.Items = []ocdsItem{item}

	if stages >= 2 {
		rel.Tag = append(rel.Tag, "planning")
		rel.Planning = &ocdsPlanning{Rationale: text(e.first(tPurpose))}
	}
	rel.Tag = append(rel.Tag, "tender")
	if stages >= 5 {
		rel.Tender.TenderPeriod = &ocdsPeriod{StartDate: day(0), EndDate: day(30)}
		rel.Tender.Documents = []ocdsDocument{{ID: "tender-notice", DocumentType: "tenderNotice",
			Title: "Synthetic tender notice " + num, URL: ocdsPublisherURI + "notices/" + ocid + ".html", Language: "en"}}
	}
	if stages >= 6 {
		sup := o.party(parties[e.first(tSupplier)], "supplier")
		rel.Parties = append(rel.Parties, sup)
		rel.Tag = append(rel.Tag, "award")
		rel.Date = day(45)
		rel.Awards = []ocdsAward{{ID: ocid + "-award-1", Status: "active", Date: day(45), Value: val,
			Suppliers: []ocdsOrgRef{{ID: sup.ID, Name: sup.Name}}}}
	}
	if stages >= 7 {
		rel.Tag = append(rel.Tag, "contract")
		rel.Date = day(75)
		c := ocdsContract{ID: ocid + "-contract-1", AwardID: ocid + "-award-1", Status: "active", DateSigned: day(75),
			Value: val, Period: ocdsPeriod{StartDate: day(90), EndDate: day(90 + 730)}}
		if stages >= 8 {
			rel.Tag = append(rel.Tag, "implementation")
			rel.Date = day(180)
			c.Implementation = &ocdsImplementation{Transactions: []ocdsTransaction{{ID: "1", Date: day(180), Value: val}}}
		}
		rel.Contracts = []ocdsContract{c}
	}
	raw, err := o.encode(rel)
	if err != nil {
		return fmt.Errorf("generate: procurement %s: %w", e.iri, err)
	}
	o.releases = append(o.releases, raw)
	o.latest = max(o.latest, rel.Date)
	if len(o.releases) == ReleasesPerPackage {
		return o.writePackage()
	}
	return nil
}

// indexCPV returns the position of code in cpvCodes.
func indexCPV(code string) int {
	for k, c := range cpvCodes {
		if c.code == code {
			return k
		}
	}
	return 0
}

// party describes an administration or an actor as an OCDS party. Its id
// is the last segment of its IRI, so that civicgraph's OCDS import names it
// with the IRI it has in the N-Triples output; its cg:ocdsPartyID, when it
// has one, becomes its identifier, with its first skos:altLabel (Catalan or
// Spanish) as the legal name.
func (o *ocdsWriter) party(e *entity, roles ...string) ocdsParty {
	if e == nil {
		return ocdsParty{ID: "unknown", Name: "Synthetic unknown party", Roles: roles}
	}
	p := ocdsParty{ID: localName(unbracket(e.iri)), Name: text(e.first(tLabel)), Roles: roles}
	if id := text(e.first(tPartyID)); id != "" {
		k := strings.LastIndexByte(id, '-')
		p.Identifier = &ocdsIdentifier{Scheme: id[:k], ID: id[k+1:], LegalName: text(e.first(tAltLabel))}
	}
	if c := e.first(tCountry); c != "" {
		p.Address = &ocdsAddress{CountryName: text(c)}
	}
	if h := e.first(tHomepage); h != "" {
		p.ContactPoint = &ocdsContactPoint{URL: unbracket(h)}
	}
	if code, ok := buyerLegalTypes[unbracket(e.first(tLevel))]; ok && roles[0] == "buyer" {
		p.Details = &ocdsPartyDetails{Classifications: []ocdsClassification{{Scheme: "eu-buyer-legal-type", ID: code}}}
	}
	return p
}

// writePackage writes the open package as one line.
func (o *ocdsWriter) writePackage() error {
	o.packages++
	pkg := ocdsPackage{
		URI:           fmt.Sprintf("%socds/illustrative/seed-%d/package-%06d.json", ocdsPublisherURI, o.g.opts.Seed, o.packages),
		Version:       "1.1",
		PublishedDate: o.latest,
		Publisher:     ocdsPublisherName{Name: ocdsPublisher, URI: ocdsPublisherURI},
		Releases:      o.releases,
	}
	if pkg.PublishedDate == "" {
		pkg.PublishedDate = "2026-01-01T00:00:00Z"
	}
	if pkg.Releases == nil {
		pkg.Releases = []json.RawMessage{}
	}
	raw, err := o.encode(pkg)
	if err != nil {
		return err
	}
	o.buf = append(o.buf, raw...)
	o.buf = append(o.buf, '\n')
	o.releases, o.latest = o.releases[:0], ""
	return o.maybeFlush()
}

func (o *ocdsWriter) close() error {
	if len(o.releases) > 0 || o.packages == 0 {
		if err := o.writePackage(); err != nil {
			return err
		}
	}
	return o.flush()
}
