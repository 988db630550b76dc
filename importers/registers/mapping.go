package registers

import (
	"net/url"
	"regexp"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// foafPage is foaf:page, the link from an entry to its page in the
// register; the schema package has no constant for it.
const foafPage = schema.NSFOAF + "page"

// mapper turns register records into quads.
type mapper struct {
	base string
	orgs map[string]bool // slugs of the organisations already written
	out  []graph.Quad
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

// administration writes an organisation the first time it is met and
// returns its IRI. level and country are "" when unknown.
func (m *mapper) administration(name, level, country string) string {
	iri := schema.EntityIRI(m.base, schema.KindActor, schema.Slug(name))
	if m.orgs[iri] {
		return iri
	}
	m.orgs[iri] = true
	m.add(iri, schema.RDFType, graph.IRI(schema.ClassAdministration))
	m.add(iri, schema.RDFType, graph.IRI(schema.ORGOrganization))
	m.text(iri, schema.RDFSLabel, name, "")
	m.add(iri, schema.PropSector, graph.IRI(schema.SectorPublicAdministration))
	if level != "" {
		m.add(iri, schema.PropGovernmentLevel, graph.IRI(level))
	}
	if country != "" {
		m.add(iri, schema.PropCountry, graph.String(country))
	}
	return iri
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
	if lb := strings.TrimSpace(rec["juridische_basis"]); lb != "" {
		m.text(p, schema.DCTermsDescription, "Juridische basis: "+lb, "nl")
	}
	switch strings.ToLower(strings.TrimSpace(rec["impactassessment"])) {
	case "ja":
		m.text(p, schema.DCTermsDescription, "Impact assessment: yes", "en")
	case "nee":
		m.text(p, schema.DCTermsDescription, "Impact assessment: no", "en")
	}
	switch strings.TrimSpace(rec["status"]) {
	case "in_gebruik":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDeployment))
	case "buiten_gebruik":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDecommissioning))
	}
	m.add(p, schema.PropBuyer, graph.IRI(buyer))
	m.link(p, foafPage, rec["url"])
	return nil
}

// dutchLevel tells the level of government of a Dutch organisation from
// the kind of body its name starts with, or "" when the name does not
// tell (agencies such as Belastingdienst, joint arrangements, foundations).
// Rijks- (of the State) and Nationaal name central government bodies;
// provinces, water boards, safety regions, environment services and
// regional services are regional.
func dutchLevel(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	switch {
	case strings.HasPrefix(n, "gemeente "):
		return schema.LevelLocal
	case strings.HasPrefix(n, "provincie "), strings.HasPrefix(n, "waterschap "),
		strings.Contains(n, "hoogheemraadschap "), strings.HasPrefix(n, "wetterskip "),
		strings.HasPrefix(n, "veiligheidsregio "), strings.HasPrefix(n, "veiligheids- en gezondheidsregio "),
		strings.HasPrefix(n, "omgevingsdienst "), strings.HasPrefix(n, "regionale "):
		return schema.LevelRegional
	case strings.HasPrefix(n, "ministerie "), strings.HasPrefix(n, "rijks"), strings.HasPrefix(n, "nationaal "):
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

// countries maps the country names of the T6-X registers to ISO codes.
var countries = map[string]string{"netherlands": "NL", "finland": "FI"}

// jrcCase maps one row of the JRC AI Watch cases. It reports true when it
// skipped the row because the organisation responsible is not public or
// not named, so that the case has no buyer.
func (m *mapper) jrcCase(get func(string) string) (bool, *fieldError) {
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
	buyer := m.administration(org, level, nutsCountry(get("geographic coverage nuts 2021")))
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
	m.text(p, schema.PropAISystem, ai, "")
	switch strings.ToLower(get("status")) {
	case "planned":
		m.add(p, schema.PropStatus, graph.IRI(schema.StatusPlanned))
	case "implemented":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDeployment))
	case "not in use anymore":
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDecommissioning))
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
	switch {
	case strings.EqualFold(get("active"), "no"):
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDecommissioning))
	case strings.EqualFold(get("status"), "in production"):
		m.add(p, schema.PropStageReached, graph.IRI(schema.StageDeployment))
	case strings.EqualFold(get("status"), "planned"):
		m.add(p, schema.PropStatus, graph.IRI(schema.StatusPlanned))
	}
	m.add(p, schema.PropBuyer, graph.IRI(buyer))
	if page != "" {
		m.add(p, foafPage, graph.IRI(page))
	}
	return false, nil
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
