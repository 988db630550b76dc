package registers

import (
	"net/url"
	"regexp"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// foafPage is foaf:page, the link from an entry to its page in the
// register; the schema package has no constant for it.
const foafPage = schema.NSFOAF + "page"

// mapper turns register records into quads.
type mapper struct {
	base     string
	orgs     map[string]*orgFacts // the organisations met, by IRI
	order    []string             // their IRIs in the order met
	concepts map[string]bool      // the classification concepts written
	out      []graph.Quad
}

// orgFacts is what the entries of a file say of an organisation's level of
// government and country. They are written when the file ends ([mapper.finish]),
// so that an organisation whose first entry does not say gets the value a
// later one gives.
type orgFacts struct {
	levels, countries []string
}

// fieldError is a problem in one field of a record; the reader adds the
// position.
type fieldError struct {
	field, found, expected string
}

func (m *mapper) add(s, p string, o graph.Term) {
	m.out = append(m.out, graph.Quad{S: graph.IRI(s), P: graph.IRI(p), O: o})
}

// text adds a plain or language-tagged literal unless v is blank.
func (m *mapper) text(s, p, v, lang string) {
	if v = strings.TrimSpace(v); v == "" {
		return
	}
	if lang != "" {
		m.add(s, p, graph.LangLiteral(v, lang))
		return
	}
	m.add(s, p, graph.String(v))
}

// link adds a link to a web page when u is an http or https URL.
func (m *mapper) link(s, p, u string) {
	if u = cleanURL(u); u != "" {
		m.add(s, p, graph.IRI(u))
	}
}

// administration writes an organisation the first time it is met, notes
// the level and country this entry gives ("" when it gives none), and
// returns its IRI.
func (m *mapper) administration(name, level, country string) string {
	iri := schema.EntityIRI(m.base, schema.KindActor, schema.Slug(name))
	f := m.orgs[iri]
	if f == nil {
		f = &orgFacts{}
		m.orgs[iri] = f
		m.order = append(m.order, iri)
		m.add(iri, schema.RDFType, graph.IRI(schema.ClassAdministration))
		m.add(iri, schema.RDFType, graph.IRI(schema.ORGOrganization))
		m.text(iri, schema.RDFSLabel, name, "")
		m.add(iri, schema.PropSector, graph.IRI(schema.SectorPublicAdministration))
	}
	if level != "" && !slices.Contains(f.levels, level) {
		f.levels = append(f.levels, level)
	}
	if country != "" && !slices.Contains(f.countries, country) {
		f.countries = append(f.countries, country)
	}
	return iri
}

// finish writes the level of government and country of every
// organisation met: the one value its entries give, or, when they give
// none or disagree, cg:notStated for the property (the level shape then
// accepts it as missing; nothing is invented).
func (m *mapper) finish() {
	for _, iri := range m.order {
		f := m.orgs[iri]
		if len(f.levels) == 1 {
			m.add(iri, schema.PropGovernmentLevel, graph.IRI(f.levels[0]))
		} else {
			m.add(iri, schema.PropNotStated, graph.IRI(schema.PropGovernmentLevel))
		}
		if len(f.countries) == 1 {
			m.add(iri, schema.PropCountry, graph.String(f.countries[0]))
		} else {
			m.add(iri, schema.PropNotStated, graph.IRI(schema.PropCountry))
		}
	}
	m.order = m.order[:0]
}

// classify links p to the concept of a classification, writing the
// concept and its scheme the first time.
func (m *mapper) classify(p string, c schema.Classification) {
	iri, quads := schema.ClassificationQuads(c)
	if iri == "" {
		return
	}
	if !m.concepts[iri] {
		m.concepts[iri] = true
		m.out = append(m.out, quads...)
	}
	m.add(p, schema.DCTermsSubject, graph.IRI(iri))
}

// procurement writes the type of a register entry and returns its IRI.
func (m *mapper) procurement(slug string) string {
	iri := schema.EntityIRI(m.base, schema.KindProcurement, slug)
	m.add(iri, schema.RDFType, graph.IRI(schema.ClassProcurement))
	m.add(iri, schema.RDFType, graph.IRI(schema.EPOProcedure))
	return iri
}

// required returns a fieldError when v is blank.
func required(field, v, what string) *fieldError {
	if strings.TrimSpace(v) == "" {
		return &fieldError{field: field, found: "an empty value", expected: what}
	}
	return nil
}

// algoritme maps one algorithm of the Dutch Algoritmeregister.
func (m *mapper) algoritme(rec map[string]string) *fieldError {
	id, title, org := rec["id"], rec["title"], rec["organisatie"]
	for _, fe := range []*fieldError{
		required("id", id, "the register id"),
		required("title", title, "a non-empty title"),
		required("organisatie", org, "the name of the organisation"),
	} {
		if fe != nil {
			return fe
		}
	}
	buyer := m.administration(strings.TrimSpace(org), dutchLevel(org), "NL")
	p := m.procurement("algoritmeregister-" + schema.Slug(id))
	m.text(p, schema.DCTermsTitle, title, "nl")
	m.text(p, schema.PropAISystem, title, "nl")
	m.text(p, schema.PropPurpose, rec["doel"], "nl")
	m.text(p, schema.PropLegalBasis, rec["juridische_basis"], "nl")
	switch strings.ToLower(strings.TrimSpace(rec["impactassessment"])) {
	case "ja":
		m.add(p, schema.PropImpactAssessment, graph.Literal("true", schema.XSDBoolean))
	case "nee":
		m.add(p, schema.PropImpactAssessment, graph.Literal("false", schema.XSDBoolean))
	default: // "Onbekend" (unknown), or blank
		m.add(p, schema.PropNotStated, graph.IRI(schema.PropImpactAssessment))
	}
	status := strings.TrimSpace(rec["status"])
	m.text(p, schema.PropRegisterStatus, status, "")
	switch status {
	case "in_gebruik":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDeployment))
	case "buiten_gebruik":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDecommissioning))
	}
	m.date(p, schema.DCTermsDateSubmitted, rec["geregistreerd"])
	m.add(p, schema.PropBuyer, graph.IRI(buyer))
	m.link(p, schema.PropRegisterEntry, rec["url"])
	return nil
}

// date adds an xsd:date when v is one (YYYY-MM-DD), else the text.
func (m *mapper) date(s, p, v string) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
	case reDate.MatchString(v):
		m.add(s, p, graph.Literal(v, schema.XSDDate))
	default:
		m.text(s, p, v, "")
	}
}

// year adds an xsd:gYear when v is a four-digit year, else the text.
func (m *mapper) year(s, p, v string) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
	case reYear.MatchString(v):
		m.add(s, p, graph.Literal(v, schema.XSDGYear))
	default:
		m.text(s, p, v, "")
	}
}

var (
	reDate = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	reYear = regexp.MustCompile(`^[0-9]{4}$`)
)

// dutchLevel tells the level of government of a Dutch organisation from
// the kind of body its name starts with, or "" when the name does not
// tell (agencies such as Belastingdienst, joint arrangements, foundations).
// The rule, one kind of body at a time:
//
//   - Gemeente (municipality): local.
//   - Provincie (province): regional.
//   - Waterschap, Wetterskip, Hoogheemraadschap (water boards): regional.
//     A water board is a functional decentralised government (chapter 7 of
//     the Dutch constitution, beside provinces and municipalities) whose
//     territory spans several municipalities; the level scheme has no
//     functional level, and regional is the territory it governs.
//   - Veiligheidsregio, Veiligheids- en gezondheidsregio (safety regions),
//     Omgevingsdienst and RUD (regional environment services), GGD
//     (regional public health services), names starting "Regionale":
//     regional; each is a body of the municipalities of one region.
//   - Ministerie (ministry), Rijks… (of the State), Nationaal…, Inspectie
//     (the State inspectorates): national.
func dutchLevel(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case strings.HasPrefix(n, "gemeente "):
		return schema.LevelLocal
	case strings.HasPrefix(n, "provincie "), strings.HasPrefix(n, "waterschap "),
		strings.Contains(n, "hoogheemraadschap "), strings.HasPrefix(n, "wetterskip "),
		strings.HasPrefix(n, "veiligheidsregio "), strings.HasPrefix(n, "veiligheids- en gezondheidsregio "),
		strings.HasPrefix(n, "omgevingsdienst "), strings.HasPrefix(n, "regionale "),
		strings.HasPrefix(n, "rud "), strings.HasPrefix(n, "ggd "):
		return schema.LevelRegional
	case strings.HasPrefix(n, "ministerie "), strings.HasPrefix(n, "rijks"), strings.HasPrefix(n, "nationaal "),
		strings.HasPrefix(n, "inspectie "):
		return schema.LevelNational
	}
	return ""
}

// publicCategory reports whether an organisation category of the JRC or
// T6-X data is a public administration, and the level it tells.
func publicCategory(cat, extent string) (public bool, level string) {
	switch strings.ToLower(strings.TrimSpace(cat)) {
	case "central-government", "central government":
		return true, schema.LevelNational
	case "local government", "local-government":
		return true, schema.LevelLocal
	case "regional government", "regional-government":
		return true, schema.LevelRegional
	case "governmental", "":
		return true, extentLevel(extent)
	}
	return false, ""
}

// extentLevel maps a geographical extent to a level of government.
// "Across countries" tells none.
func extentLevel(extent string) string {
	switch strings.ToLower(strings.TrimSpace(extent)) {
	case "national":
		return schema.LevelNational
	case "regional":
		return schema.LevelRegional
	case "local":
		return schema.LevelLocal
	}
	return ""
}

// nutsCountry returns the ISO 3166-1 alpha-2 code of a NUTS 2021 code, or
// "" when the field is not one NUTS code.
func nutsCountry(nuts string) string {
	nuts = strings.TrimSpace(nuts)
	if !reNUTS.MatchString(nuts) {
		return ""
	}
	switch c := nuts[:2]; c {
	case "EL":
		return "GR"
	case "UK":
		return "GB"
	default:
		return c
	}
}

var reNUTS = regexp.MustCompile(`^[A-Z]{2}[A-Z0-9]{0,3}$`)

// countries maps the country names of the JRC cases and the T6-X
// registers (lower-cased) to ISO 3166-1 alpha-2 codes. It is a read-only
// table.
var countries = map[string]string{
	"austria": "AT", "belgium": "BE", "bulgaria": "BG", "croatia": "HR", "cyprus": "CY",
	"czech republic": "CZ", "czechia": "CZ", "denmark": "DK", "estonia": "EE", "finland": "FI",
	"france": "FR", "germany": "DE", "greece": "GR", "hungary": "HU", "ireland": "IE",
	"italy": "IT", "latvia": "LV", "lithuania": "LT", "luxembourg": "LU", "malta": "MT",
	"moldova": "MD", "netherlands": "NL", "norway": "NO", "poland": "PL", "portugal": "PT",
	"romania": "RO", "slovakia": "SK", "slovenia": "SI", "spain": "ES", "sweden": "SE",
	"switzerland": "CH", "ukraine": "UA", "united kingdom": "GB", "iceland": "IS",
}

// jrcBenefits lists the benefit columns of the JRC cases, by normalised
// header: a column set to "x" or to its own name (the three summary
// columns) puts the case under that benefit, a concept of the scheme
// "JRC AI Watch benefit". It is a read-only table.
var jrcBenefits = []string{
	"improved public service", "personalized services", "public (citizen)-centered services",
	"increase quality of psi and services", "more responsive, efficient, and cost-effective public services",
	"new services or channels", "improved administration", "improved administrative efficiency",
	"cost-reduction", "responsiveness of government operation", "improved management of public resources",
	"increased quality of processes and systems", "better collaboration and better communication",
	"reduced or eliminate the risk of corruption and abuse of the law by public servants",
	"enabled greater fairness, honesty, equality", "open government capabilities",
	"increased transparency of public sector operations",
	"increased public participation in government actions and policy making",
	"improved public control and influence on government actions and policies",
}

// jrcParticipation is the benefit column that says the public took part.
const jrcParticipation = "increased public participation in government actions and policy making"

// flagSet reports whether a JRC benefit cell selects its benefit: "x",
// or a text other than FALSE (the summary columns repeat their name, or
// name a sub-benefit).
func flagSet(v string) bool {
	v = strings.TrimSpace(v)
	return v != "" && !strings.EqualFold(v, "false")
}

// jrcCase maps one row of the JRC AI Watch cases. It reports true when it
// skipped the row because the organisation responsible is not public or
// not named, so that the case has no buyer.
func (m *mapper) jrcCase(get func(string) string, header func(string) string) (bool, *fieldError) {
	id, name, org := get("id"), get("name"), get("responsible organization")
	for _, fe := range []*fieldError{
		required("id", id, "the case id"),
		required("name", name, "the name of the case"),
	} {
		if fe != nil {
			return false, fe
		}
	}
	public, level := publicCategory(get("responsible organization category"), get("geographical extent"))
	if !public || org == "" {
		return true, nil
	}
	country := countries[strings.ToLower(get("geographic coverage country"))]
	if country == "" {
		country = nutsCountry(get("geographic coverage nuts 2021"))
	}
	buyer := m.administration(org, level, country)
	p := m.procurement("jrc-ai-watch-" + schema.Slug(id))
	m.text(p, schema.DCTermsTitle, name, "")
	m.text(p, schema.DCTermsDescription, get("description"), "")
	m.text(p, schema.PropPurpose, join(": ", get("process type"), get("application type")), "")
	sub := join(", ", get("ai classification subdomain (ii) (main)"), get("ai classification subdomain (ii) (other i)"),
		get("ai classification subdomain (ii) (other ii)"), get("ai classification subdomain (ii) (other iii)"))
	ai := join(": ", get("ai classification (i)"), sub)
	if kw := get("ai keywords (iii)"); kw != "" {
		ai = join("; ", ai, "keywords: "+kw)
	}
	if data := join(", ", get("data scope 1"), get("data scope 2")); data != "" {
		ai = join("; ", ai, "data: "+data)
	}
	m.text(p, schema.PropAISystem, ai, "")
	status := get("status")
	m.text(p, schema.PropRegisterStatus, status, "")
	switch strings.ToLower(status) {
	case "planned":
		m.add(p, schema.PropStatus, graph.IRI(schema.StatusPlanned))
	case "implemented":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDeployment))
	case "not in use anymore":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDecommissioning))
	}
	m.year(p, schema.SchemaStartDate, get("start year"))
	m.year(p, schema.SchemaEndDate, get("end year"))
	m.text(p, schema.DCTermsAudience, get("interaction"), "")
	m.classify(p, schema.Classification{Scheme: "COFOG", Code: get("functions of government (cofog level i)"),
		Label: get("functions of government (cofog level i)"), Lang: "en"})
	m.classify(p, schema.Classification{Scheme: "COFOG", Code: get("functions of government (cofog level ii)"),
		Label: get("functions of government (cofog level ii)"), Lang: "en"})
	for _, col := range jrcBenefits {
		col = normHeader(col) // as the header was read: "a, b" is "a,b"
		if v := get(col); flagSet(v) {
			label := header(col)
			if !strings.EqualFold(v, "x") && !strings.EqualFold(v, label) {
				label = v // a summary column naming its sub-benefit
			}
			m.classify(p, schema.Classification{Scheme: "JRC AI Watch benefit", Code: label, Label: label, Lang: "en"})
		}
	}
	if flagSet(get(jrcParticipation)) {
		m.add(p, schema.PropPublicParticipation, graph.Literal("true", schema.XSDBoolean))
	}
	m.add(p, schema.PropBuyer, graph.IRI(buyer))
	m.link(p, foafPage, get("website"))
	seen := map[string]bool{cleanURL(get("website")): true}
	for _, u := range reURL.FindAllString(get("source"), -1) {
		if u = cleanURL(u); u != "" && !seen[u] {
			seen[u] = true
			m.add(p, schema.DCTermsReferences, graph.IRI(u))
		}
	}
	return false, nil
}

// t6xService maps one row of a T6-X services CSV (Amsterdam, Helsinki).
func (m *mapper) t6xService(get func(string) string) (bool, *fieldError) {
	id, name, org := get("id"), get("name"), get("lead_organisation_name")
	for _, fe := range []*fieldError{
		required("id", id, "the service id"),
		required("name", name, "the name of the service"),
	} {
		if fe != nil {
			return false, fe
		}
	}
	public, level := publicCategory(get("lead_organisation_category"), get("geoextent"))
	if !public || org == "" {
		return true, nil
	}
	buyer := m.administration(org, level, countries[strings.ToLower(get("geocoverage"))])
	page := cleanURL(get("url"))
	slug := "t6x-" + schema.Slug(name) + "-" + schema.Slug(id)
	if page != "" {
		u, _ := url.Parse(page)
		slug = schema.Slug(u.Host + u.Path)
	}
	p := m.procurement(slug)
	m.text(p, schema.DCTermsTitle, name, "")
	m.text(p, schema.DCTermsDescription, get("description"), "")
	ai := get("type")
	if t := get("technology"); t != "" {
		ai = join(" ", ai, "("+t+")")
	}
	m.text(p, schema.PropAISystem, ai, "")
	status := get("status")
	m.text(p, schema.PropRegisterStatus, status, "")
	switch {
	case strings.EqualFold(get("active"), "no"):
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDecommissioning))
	case strings.EqualFold(status, "in production"):
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDeployment))
	case strings.EqualFold(status, "planned"):
		m.add(p, schema.PropStatus, graph.IRI(schema.StatusPlanned))
	}
	m.year(p, schema.SchemaStartDate, get("start_date"))
	m.year(p, schema.SchemaEndDate, get("end_date"))
	for _, col := range []string{"primary_sector", "secondary_sector"} {
		if v := get(col); v != "" {
			m.classify(p, schema.Classification{Scheme: "T6-X sector", Code: v, Label: v, Lang: "en"})
		}
	}
	m.text(p, schema.DCTermsDescription, flagText("Cross-sector", get("cross_sector")), "en")
	m.text(p, schema.DCTermsDescription, flagText("Cross-border", get("cross_border")), "en")
	if u := get("uptake"); u != "" && !strings.EqualFold(u, "unknown") {
		m.text(p, schema.DCTermsDescription, "Uptake: "+u, "en")
	}
	if c := get("contact"); c != "" {
		m.text(p, schema.DCTermsDescription, "Contact: "+c, "")
	}
	m.add(p, schema.PropBuyer, graph.IRI(buyer))
	if page != "" {
		m.add(p, schema.PropRegisterEntry, graph.IRI(page))
	}
	return false, nil
}

// flagText returns "what: yes" or "what: no" for a Yes or No cell, else "".
func flagText(what, v string) string {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "yes":
		return what + ": yes"
	case "no":
		return what + ": no"
	}
	return ""
}

// join joins the non-empty parts with sep.
func join(sep string, parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, sep)
}

var reURL = regexp.MustCompile(`https?://[^\s,;()<>"'\[\]{}|\\^` + "`" + `]+`)

// cleanURL returns u trimmed when it is an absolute http or https URL with
// a host that can be written as an IRI, else "".
func cleanURL(u string) string {
	u = strings.TrimRight(strings.TrimSpace(u), ".,;:)")
	if u == "" || strings.ContainsAny(u, " <>\"{}|\\^`\t\n\r") || !validText(u) {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// validText reports whether s has no control characters and no U+FFFD.
func validText(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7F || r == '\uFFFD' {
			return false
		}
	}
	return true
}
