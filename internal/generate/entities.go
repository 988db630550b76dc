package generate

import (
	"strconv"

	"civicgraph/schema"
)

// Predicates, written as they appear in a statement: "<iri> ".
const (
	pType          = "<" + schema.RDFType + "> "
	pName          = "<" + schema.FOAFName + "> "
	pLabel         = "<" + schema.RDFSLabel + "> "
	pGivenName     = "<" + schema.FOAFGivenName + "> "
	pFamilyName    = "<" + schema.FOAFFamilyName + "> "
	pHomepage      = "<" + schema.FOAFHomepage + "> "
	pAltLabel      = "<" + schema.SKOSAltLabel + "> "
	pTitle         = "<" + schema.DCTermsTitle + "> "
	pDescription   = "<" + schema.DCTermsDescription + "> "
	pCreator       = "<" + schema.DCTermsCreator + "> "
	pIssued        = "<" + schema.DCTermsIssued + "> "
	pDate          = "<" + schema.DCTermsDate + "> "
	pLanguage      = "<" + schema.DCTermsLanguage + "> "
	pPublisher     = "<" + schema.DCTermsPublisher + "> "
	pSubOrgOf      = "<" + schema.ORGSubOrganizationOf + "> "
	pDOI           = "<" + schema.BIBODOI + "> "
	pPages         = "<" + schema.BIBOPages + "> "
	pNumber        = "<" + schema.BIBONumber + "> "
	pReferences    = "<" + schema.DCTermsReferences + "> "
	pURL           = "<" + schema.SchemaURL + "> "
	pVoidTriples   = "<" + schema.VOIDTriples + "> "
	pSector        = "<" + schema.PropSector + "> "
	pLevel         = "<" + schema.PropGovernmentLevel + "> "
	pCountry       = "<" + schema.PropCountry + "> "
	pOCDSPartyID   = "<" + schema.PropOCDSPartyID + "> "
	pOwner         = "<" + schema.PropOwner + "> "
	pChallenge     = "<" + schema.PropChallenge + "> "
	pGoal          = "<" + schema.PropGoal + "> "
	pTarget        = "<" + schema.PropTarget + "> "
	pStartYear     = "<" + schema.PropStartYear + "> "
	pEndYear       = "<" + schema.PropEndYear + "> "
	pBuyer         = "<" + schema.PropBuyer + "> "
	pPurpose       = "<" + schema.PropPurpose + "> "
	pAISystem      = "<" + schema.PropAISystem + "> "
	pRiskClass     = "<" + schema.PropRiskClass + "> "
	pStatus        = "<" + schema.PropStatus + "> "
	pStageReached  = "<" + schema.PropStageReached + "> "
	pValue         = "<" + schema.PropValue + "> "
	pCurrency      = "<" + schema.PropCurrency + "> "
	pProcedureType = "<" + schema.PropProcedureType + "> "
	pSupplier      = "<" + schema.PropSupplier + "> "
	pOCID          = "<" + schema.PropOCID + "> "
	pServesMission = "<" + schema.PropServesMission + "> "
	pIsDPI         = "<" + schema.PropIsDigitalPublicInfrastructure + "> "
	pInst          = "<" + schema.PropInstitutionalisation + "> "
	pFunction      = "<" + schema.PropDemocraticFunction + "> "
	pFitsPhase     = "<" + schema.PropFitsPhase + "> "
	pLever         = "<" + schema.PropLever + "> "
	pTier          = "<" + schema.PropOpenGovernmentTier + "> "
	pDecisionStage = "<" + schema.PropDecisionStage + "> "
	pExample       = "<" + schema.PropExample + "> "
	pActor         = "<" + schema.PropActor + "> "
	pProcurement   = "<" + schema.PropProcurement + "> "
	pMission       = "<" + schema.PropMission + "> "
	pStage         = "<" + schema.PropStage + "> "
	pMechanism     = "<" + schema.PropMechanism + "> "
	pRole          = "<" + schema.PropRole + "> "
	pInfluence     = "<" + schema.PropInfluenceLevel + "> "
	pEvidence      = "<" + schema.PropEvidence + "> "
	pContainer     = "<" + schema.PropContainer + "> "
	pSeries        = "<" + schema.PropSeries + "> "
	pAbout         = "<" + schema.PropAbout + "> "
)

// Datatype suffixes of typed literals.
const (
	dtDecimal = "^^<" + schema.XSDDecimal + ">"
	dtDate    = "^^<" + schema.XSDDate + ">"
	dtGYear   = "^^<" + schema.XSDGYear + ">"
	dtBoolean = "^^<" + schema.XSDBoolean + ">"
	dtInteger = "^^<" + schema.XSDInteger + ">"
)

// Concept IRIs by index; the tables in text.go refer to them by position.
var (
	stageConcepts = [...]string{schema.StageProblemFraming, schema.StageNeedsAssessment, schema.StageMarketEngagement,
		schema.StageSpecification, schema.StageTendering, schema.StageAward, schema.StageContracting,
		schema.StageDeployment, schema.StageMonitoring, schema.StageEvaluation, schema.StageDecommissioning}
	phaseConcepts    = [...]string{schema.PhasePurpose, schema.PhaseDelivery, schema.PhaseImpact}
	functionConcepts = [...]string{schema.FunctionInform, schema.FunctionConsult, schema.FunctionDeliberate,
		schema.FunctionCoCreate, schema.FunctionCoDecide, schema.FunctionOversee}
	institutionalisationConcepts = [...]string{schema.InstitutionalisationInformal, schema.InstitutionalisationOneOff,
		schema.InstitutionalisationStanding, schema.InstitutionalisationStatutory}
	influenceConcepts = [...]string{schema.InfluenceInform, schema.InfluenceConsult, schema.InfluenceInvolve,
		schema.InfluenceCollaborate, schema.InfluenceEmpower}
	tierConcepts     = [...]string{schema.TierTransparency, schema.TierParticipation, schema.TierCollaboration}
	decisionConcepts = [...]string{schema.DecisionDiagnosis, schema.DecisionDeliberation, schema.DecisionNegotiation,
		schema.DecisionVote, schema.DecisionAssessment}
	leverConcepts = [...]string{schema.LeverGovernance, schema.LeverOrganisation, schema.LeverTalent,
		schema.LeverProcesses, schema.LeverQualityInManagement, schema.LeverDemocraticQuality}
	levelConcepts  = [...]string{schema.LevelNational, schema.LevelRegional, schema.LevelLocal}
	sectorConcepts = [...]string{schema.SectorCivilSociety, schema.SectorAcademia, schema.SectorIndustry,
		schema.SectorInternationalOrganisation, schema.SectorCitizens}
	procedureConcepts = [...]string{schema.ProcedureOpen, schema.ProcedureSelective, schema.ProcedureLimited, schema.ProcedureDirect}
)

// Sectors of actors other than administrations: actor j has sector
// actorSectors[j%20] (an index into sectorConcepts). Seven in twenty are civil
// society, five academia, six industry, one international, one citizens.
var actorSectors = [20]uint8{0, 1, 2, 0, 2, 1, 0, 2, 0, 1, 2, 0, 3, 1, 2, 0, 2, 1, 0, 4}

// sectorLabels gives the name stems of each sector in sectorConcepts order.
var sectorLabels = [...][]label{civilLabels, academiaLabels, industryLabels, internationalLabels, citizenLabels}

// industrySlots are the positions of industry in actorSectors.
var industrySlots = [...]int64{2, 4, 7, 10, 14, 16}

// kind is a kind of entity, for IRIs.
type kind uint8

const (
	kAdministration kind = iota
	kActor
	kMechanism
	kMission
	kPerson
	kReference
	kProcurement
	kEngagement
)

// appendIRI appends the IRI of entity i of kind k, in angle brackets.
// Administrations and actors have slugs made from their names
// ("actor/synthetic-city-council-0042"); the others are numbered
// ("procurement/synthetic-procurement-000123").
func (g *gen) appendIRI(b []byte, k kind, i int64) []byte {
	b = append(b, '<')
	b = append(b, g.base...)
	switch k {
	case kAdministration:
		_, l, _ := g.administrationShape(i)
		b = append(b, schema.KindActor+"/"...)
		b = append(b, l.slug...)
		b = append(b, '-')
		b = appendPad(b, i, 4)
	case kActor:
		_, l := g.actorShape(i)
		b = append(b, schema.KindActor+"/"...)
		b = append(b, l.slug...)
		b = append(b, '-')
		b = appendPad(b, i, 4)
	case kMechanism:
		b = append(b, schema.KindMechanism+"/synthetic-mechanism-"...)
		b = appendPad(b, i, 4)
	case kMission:
		b = append(b, schema.KindMission+"/synthetic-mission-"...)
		b = appendPad(b, i, 4)
	case kPerson:
		b = append(b, schema.KindPerson+"/synthetic-person-"...)
		b = appendPad(b, i, 6)
	case kReference:
		b = append(b, schema.KindReference+"/synthetic-reference-"...)
		b = appendPad(b, i, 6)
	case kProcurement:
		b = append(b, schema.KindProcurement+"/synthetic-procurement-"...)
		b = appendPad(b, i, 6)
	case kEngagement:
		b = append(b, schema.KindEngagement+"/synthetic-engagement-"...)
		b = appendPad(b, i, 7)
	}
	return append(b, '>')
}

// subject makes entity i of kind k the subject of the statements that follow.
func (g *gen) subject(k kind, i int64) {
	g.subj = g.appendIRI(g.subj[:0], k, i)
	g.subj = append(g.subj, ' ')
}

// corpusFor returns the corpus of a language tag.
func (g *gen) corpusFor(lang string) *corpus {
	switch lang {
	case "es":
		return &g.es
	case "ca":
		return &g.ca
	}
	return &g.en
}

// description writes a text of min to max characters with predicate pred,
// in English or, with probability pLocal, in the local language (if any).
func (g *gen) description(r *rng, pred string, min, max int, local string, pLocal float64) {
	lang := "en"
	if local != "" && r.chance(pLocal) {
		lang = local
	}
	g.langText(pred, g.corpusFor(lang).cut(r, min, max), lang)
}

// countryOfBlock returns the country of administrations 20b to 20b+19, drawn
// by weight.
func (g *gen) countryOfBlock(b int64) *country {
	r := newRNG(g.opts.Seed, saltCountry, b)
	return g.pickCountry(&r)
}

// pickCountry draws a country by weight.
func (g *gen) pickCountry(r *rng) *country {
	v := r.intn(g.countryCum[len(g.countryCum)-1])
	for k, c := range g.countryCum {
		if v < c {
			return &countries[k]
		}
	}
	return &countries[0]
}

// administrationShape returns the level (an index into levelConcepts), the
// name stem and the country of administration i. Administrations come in
// blocks of twenty in one country: one national body, three regional ones,
// sixteen local ones.
func (g *gen) administrationShape(i int64) (level int, l *label, c *country) {
	slot := i % 20
	pick := mix(uint64(g.opts.Seed)^uint64(i)*0x9e3779b97f4a7c15^uint64(saltAdministration)) >> 32
	switch {
	case slot == 0:
		level, l = 0, &nationalLabels[pick%uint64(len(nationalLabels))]
	case slot <= 3:
		level, l = 1, &regionalLabels[pick%uint64(len(regionalLabels))]
	default:
		level, l = 2, &localLabels[pick%uint64(len(localLabels))]
	}
	return level, l, g.countryOfBlock(i / 20)
}

// actorShape returns the sector (an index into sectorConcepts) and the name
// stem of actor j.
func (g *gen) actorShape(j int64) (sector int, l *label) {
	sector = int(actorSectors[j%20])
	ls := sectorLabels[sector]
	pick := mix(uint64(g.opts.Seed)^uint64(j)*0x9e3779b97f4a7c15^uint64(saltActor)) >> 32
	return sector, &ls[pick%uint64(len(ls))]
}

// dataset writes the description of the illustrative dataset.
func (g *gen) dataset() {
	g.subj = append(append(append(g.subj[:0], '<'), schema.GraphIllustrative...), "> "...)
	g.iri(pType, schema.VOIDDataset)
	g.iri(pType, schema.DCATDataset)
	g.langText(pTitle, "civicgraph illustrative data (synthetic)", "en")
	g.langText(pDescription, "Illustrative, synthetic data made by the civicgraph generator for tests, demonstrations and benchmarks. "+
		"Every administration, actor, person, procurement, value and date in it is made up; none of it describes anything real.", "en")
	if g.opts.Plan == nil {
		g.typed(pVoidTriples, g.number(g.limit, 1), dtInteger)
	}
}

// administration writes administration i.
func (g *gen) administration(i int64) {
	r := newRNG(g.opts.Seed, saltAdministration, i)
	level, l, c := g.administrationShape(i)
	g.subject(kAdministration, i)
	g.iri(pType, schema.ClassAdministration)
	g.iri(pType, schema.ORGOrganization)
	if g.begin(pLabel) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, l.en...)
		g.buf = append(g.buf, ' ')
		g.buf = appendPad(g.buf, i, 4)
		g.buf = append(g.buf, '"')
		g.finish()
	}
	if c.lang == "ca" {
		g.altLabel(l.ca, i, "ca")
	}
	if c.lang != "" {
		g.altLabel(l.es, i, "es")
	}
	g.iri(pSector, schema.SectorPublicAdministration)
	g.iri(pLevel, levelConcepts[level])
	g.text(pCountry, c.code)
	switch slot := i % 20; {
	case slot >= 4:
		g.link(pSubOrgOf, kAdministration, i-slot+1+slot%3)
	case slot >= 1:
		g.link(pSubOrgOf, kAdministration, i-slot)
	}
	if g.begin(pHomepage) {
		g.buf = append(g.buf, "<https://"...)
		g.buf = append(g.buf, l.slug...)
		g.buf = append(g.buf, '-')
		g.buf = appendPad(g.buf, i, 4)
		g.buf = append(g.buf, ".example.org/>"...)
		g.finish()
	}
	if r.chance(0.6) && g.begin(pOCDSPartyID) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, c.code...)
		g.buf = append(g.buf, "-SYNTH-A"...)
		g.buf = appendPad(g.buf, i, 4)
		g.buf = append(g.buf, '"')
		g.finish()
	}
	if r.chance(0.35) {
		g.description(&r, pDescription, 200, 500, c.lang, 0.5)
	}
}

// altLabel writes a skos:altLabel "stem NNNN"@lang.
func (g *gen) altLabel(stem string, i int64, lang string) {
	if g.begin(pAltLabel) {
		g.buf = append(g.buf, '"')
		g.buf = appendEscaped(g.buf, stem)
		g.buf = append(g.buf, ' ')
		g.buf = appendPad(g.buf, i, 4)
		g.buf = append(g.buf, "\"@"...)
		g.buf = append(g.buf, lang...)
		g.finish()
	}
}

// actor writes actor j (civil society, academia, industry, international
// body or citizens' group).
func (g *gen) actor(j int64) {
	r := newRNG(g.opts.Seed, saltActor, j)
	sector, l := g.actorShape(j)
	g.subject(kActor, j)
	g.iri(pType, schema.ClassActor)
	if sector == 4 {
		g.iri(pType, schema.FOAFAgent) // a group of citizens is no organisation
	} else {
		g.iri(pType, schema.ORGOrganization)
	}
	if g.begin(pLabel) {
		g.buf = append(g.buf, '"')
		g.buf = appendEscaped(g.buf, l.en)
		g.buf = append(g.buf, ' ')
		g.buf = appendPad(g.buf, j, 4)
		g.buf = append(g.buf, '"')
		g.finish()
	}
	g.iri(pSector, sectorConcepts[sector])
	if sector == 3 {
		g.iri(pLevel, schema.LevelInternational)
	}
	c := g.pickCountry(&r)
	g.text(pCountry, c.code)
	if r.chance(0.75) && g.begin(pHomepage) {
		g.buf = append(g.buf, "<https://"...)
		g.buf = append(g.buf, l.slug...)
		g.buf = append(g.buf, '-')
		g.buf = appendPad(g.buf, j, 4)
		g.buf = append(g.buf, ".example.org/>"...)
		g.finish()
	}
	if r.chance(0.4) {
		g.description(&r, pDescription, 200, 500, c.lang, 0.3)
	}
}

// mechanism writes mechanism k; its type comes from mechanismTypes in turn.
func (g *gen) mechanism(k int64) {
	r := newRNG(g.opts.Seed, saltMechanism, k)
	t := &mechanismTypes[k%int64(len(mechanismTypes))]
	g.subject(kMechanism, k)
	g.iri(pType, schema.ClassMechanism)
	g.iri(pType, schema.PROVPlan)
	if g.begin(pLabel) {
		g.buf = append(g.buf, "\"Synthetic "...)
		g.buf = appendEscaped(g.buf, t.name)
		g.buf = append(g.buf, " for AI procurement, model "...)
		g.buf = appendPad(g.buf, k, 4)
		g.buf = append(g.buf, "\"@en"...)
		g.finish()
	}
	g.description(&r, pDescription, 300, 800, "", 0)
	g.iri(pInst, institutionalisationConcepts[t.inst])
	g.iri(pFunction, functionConcepts[t.function])
	g.iri(pInfluence, influenceConcepts[t.infl])
	g.iri(pTier, tierConcepts[t.tier])
	g.iri(pDecisionStage, decisionConcepts[t.decision])
	for p, fits := range t.phases {
		if fits {
			g.iri(pFitsPhase, phaseConcepts[p])
		}
	}
	first := r.intn(len(leverConcepts))
	g.iri(pLever, leverConcepts[first])
	if r.chance(0.5) {
		g.iri(pLever, leverConcepts[(first+1+r.intn(len(leverConcepts)-1))%len(leverConcepts)])
	}
	if r.chance(0.5) {
		g.description(&r, pExample, 200, 400, "", 0)
	}
}

// missionShape returns the owner and the first year of mission m, which its
// engagements follow.
func (g *gen) missionShape(m int64) (owner int64, start int) {
	r := newRNG(g.opts.Seed, saltMissionShape, m)
	return r.skewed(g.plan.Administrations), 2016 + r.intn(10)
}

// mission writes mission m.
func (g *gen) mission(m int64) {
	r := newRNG(g.opts.Seed, saltMission, m)
	owner, start := g.missionShape(m)
	_, _, c := g.administrationShape(owner)
	goal := r.intn(len(goalsEN))
	g.subject(kMission, m)
	g.iri(pType, schema.ClassMission)
	g.iri(pType, schema.PROVPlan)
	g.numberedTitle("Synthetic mission ", m, 4, goalsEN[goal], "en")
	switch c.lang {
	case "ca":
		g.numberedTitle("Missió sintètica ", m, 4, goalsCA[goal], "ca")
	case "es":
		g.numberedTitle("Misión sintética ", m, 4, goalsES[goal], "es")
	}
	g.description(&r, pChallenge, 300, 800, c.lang, 0.2)
	g.description(&r, pGoal, 200, 500, c.lang, 0.2)
	if r.chance(0.6) {
		g.description(&r, pTarget, 200, 400, "", 0)
	}
	g.link(pOwner, kAdministration, owner)
	g.typed(pStartYear, g.number(int64(start), 4), dtGYear)
	g.typed(pEndYear, g.number(int64(start+3+r.intn(8)), 4), dtGYear)
}

// numberedTitle writes a dcterms:title "prefix NNNN: text"@lang.
func (g *gen) numberedTitle(prefix string, i int64, width int, text, lang string) {
	if g.begin(pTitle) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, prefix...)
		g.buf = appendPad(g.buf, i, width)
		g.buf = append(g.buf, ": "...)
		g.buf = appendEscaped(g.buf, text)
		g.buf = append(g.buf, "\"@"...)
		g.buf = append(g.buf, lang...)
		g.finish()
	}
}

// person writes person p, an author.
func (g *gen) person(p int64) {
	r := newRNG(g.opts.Seed, saltPerson, p)
	given := givenNames[r.intn(len(givenNames))]
	family := familyStems[r.intn(len(familyStems))]
	g.subject(kPerson, p)
	g.iri(pType, schema.FOAFPerson)
	if g.begin(pName) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, given...)
		g.buf = append(g.buf, " Synthetic-"...)
		g.buf = append(g.buf, family...)
		g.buf = append(g.buf, '"')
		g.finish()
	}
	g.text(pGivenName, given)
	if g.begin(pFamilyName) {
		g.buf = append(g.buf, "\"Synthetic-"...)
		g.buf = append(g.buf, family...)
		g.buf = append(g.buf, '"')
		g.finish()
	}
}

// Reference types, with their share in percent.
var referenceTypes = [...]struct {
	class string
	share int
}{
	{schema.BIBOAcademicArticle, 40}, {schema.BIBOReport, 20}, {schema.BIBOBook, 8}, {schema.BIBOChapter, 10},
	{schema.BIBOWebpage, 7}, {schema.ClassPaper, 10}, {schema.ClassWorkingPaper, 5},
}

// reference writes reference i with its authors (persons), year, title,
// container and publisher as its type calls for.
func (g *gen) reference(i int64) {
	r := newRNG(g.opts.Seed, saltReference, i)
	t, v := 0, r.intn(100)
	for v >= referenceTypes[t].share {
		v -= referenceTypes[t].share
		t++
	}
	class := referenceTypes[t].class
	g.subject(kReference, i)
	g.iri(pType, schema.ClassReference)
	g.iri(pType, class)

	lang := "en"
	switch v := r.intn(100); {
	case v < 12:
		lang = "es"
	case v < 20:
		lang = "ca"
	}
	var topic, sub string
	switch lang {
	case "es":
		topic, sub = topicsES[r.intn(len(topicsES))], subtitlesES[r.intn(len(subtitlesES))]
	case "ca":
		topic, sub = topicsCA[r.intn(len(topicsCA))], subtitlesCA[r.intn(len(subtitlesCA))]
	default:
		topic, sub = topicsEN[r.intn(len(topicsEN))], subtitlesEN[r.intn(len(subtitlesEN))]
	}
	if g.begin(pTitle) {
		g.buf = append(g.buf, '"')
		g.buf = appendEscaped(g.buf, topic)
		g.buf = append(g.buf, ": "...)
		g.buf = appendEscaped(g.buf, sub)
		g.buf = append(g.buf, "\"@"...)
		g.buf = append(g.buf, lang...)
		g.finish()
	}

	// One to four distinct authors; prolific ones more often.
	var authors [4]int64
	n := min(int64(1+r.intn(4)), g.plan.Persons)
	for a := int64(0); a < n; a++ {
		p := r.skewed(g.plan.Persons)
		for dup := true; dup; {
			dup = false
			for _, q := range authors[:a] {
				if q == p {
					dup, p = true, (p+1)%g.plan.Persons
				}
			}
		}
		authors[a] = p
		g.link(pCreator, kPerson, p)
	}
	year := 2008 + r.intn(18)
	g.typed(pIssued, g.number(int64(year), 4), dtGYear)
	if iri, ok := schema.LanguageIRI(lang); ok {
		g.iri(pLanguage, iri)
	} else {
		g.text(pLanguage, lang)
	}

	switch class {
	case schema.BIBOAcademicArticle:
		g.text(pContainer, journals[r.intn(len(journals))])
		g.pages(&r)
		g.doi(i)
	case schema.ClassPaper:
		g.text(pContainer, proceedings[r.intn(len(proceedings))])
		g.pages(&r)
		g.doi(i)
	case schema.BIBOChapter:
		g.text(pContainer, books[r.intn(len(books))])
		g.text(pPublisher, publishers[r.intn(len(publishers))])
		g.pages(&r)
	case schema.BIBOBook, schema.BIBOReport:
		g.text(pPublisher, publishers[r.intn(len(publishers))])
	case schema.ClassWorkingPaper:
		g.text(pPublisher, publishers[r.intn(len(publishers))])
		g.text(pSeries, series[r.intn(len(series))])
		g.typed(pNumber, g.number(int64(1+r.intn(120)), 1), "")
	case schema.BIBOWebpage:
		if g.begin(pURL) {
			g.buf = append(g.buf, "<https://synthetic-observatory.example.org/posts/"...)
			g.buf = appendPad(g.buf, i, 6)
			g.buf = append(g.buf, '>')
			g.finish()
		}
	}
	if r.chance(0.5) {
		g.description(&r, pDescription, 200, 800, lang, 1)
	}
	if i > 0 {
		cites := r.intn(3)
		first := r.int64n(i)
		for c := 0; c < cites && int64(c) < i; c++ {
			g.link(pReferences, kReference, (first+int64(c))%i)
		}
	}
	if r.chance(0.3) {
		if r.chance(0.5) {
			g.link(pAbout, kMission, r.int64n(g.plan.Missions))
		} else {
			g.link(pAbout, kMechanism, r.int64n(g.plan.Mechanisms))
		}
	}
}

// pages writes bibo:pages "a-b".
func (g *gen) pages(r *rng) {
	if g.begin(pPages) {
		first := int64(1 + r.intn(300))
		g.buf = append(g.buf, '"')
		g.buf = strconv.AppendInt(g.buf, first, 10)
		g.buf = append(g.buf, '-')
		g.buf = strconv.AppendInt(g.buf, first+int64(8+r.intn(25)), 10)
		g.buf = append(g.buf, '"')
		g.finish()
	}
}

// doi writes a bibo:doi under 10.5555, the prefix set aside for examples.
func (g *gen) doi(i int64) {
	if g.begin(pDOI) {
		g.buf = append(g.buf, "\"10.5555/synthetic."...)
		g.buf = appendPad(g.buf, i, 6)
		g.buf = append(g.buf, '"')
		g.finish()
	}
}

// Procurement statuses (indexes into statusConcepts), their share in
// percent and the range of lifecycle stages reached.
var procurementStatuses = [...]struct {
	concept          string
	share            int
	minStage, stages int // reached stages: the first minStage+rand(stages)
}{
	{schema.StatusPlanning, 10, 1, 3},
	{schema.StatusPlanned, 10, 4, 1},
	{schema.StatusActive, 20, 5, 1},
	{schema.StatusComplete, 45, 7, 5},
	{schema.StatusCancelled, 6, 2, 4},
	{schema.StatusUnsuccessful, 4, 5, 1},
	{schema.StatusWithdrawn, 5, 1, 4},
}

// procurementShape returns the status (an index into procurementStatuses),
// the number of lifecycle stages reached (the first ones, in order) and the
// year procurement i started, which its engagements follow.
func (g *gen) procurementShape(i int64) (status, stages, year int) {
	r := newRNG(g.opts.Seed, saltProcurementShape, i)
	v := r.intn(100)
	for v >= procurementStatuses[status].share {
		v -= procurementStatuses[status].share
		status++
	}
	s := &procurementStatuses[status]
	return status, s.minStage + r.intn(s.stages), 2016 + r.intn(10)
}

// missionCDF returns the cumulative weights of a Zipf law (exponent 1) over
// the missions: the mission a procurement serves is drawn from it, so that a
// few flagship missions gather many procurements, as in real policy.
func missionCDF(n int64) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for k := range cdf {
		sum += 1 / float64(k+1)
		cdf[k] = sum
	}
	for k := range cdf {
		cdf[k] /= sum
	}
	return cdf
}

// procurement writes procurement i.
func (g *gen) procurement(i int64) {
	r := newRNG(g.opts.Seed, saltProcurement, i)
	status, stages, year := g.procurementShape(i)
	buyer := r.skewed(g.plan.Administrations)
	_, _, c := g.administrationShape(buyer)
	sys, area := r.intn(len(systemsEN)), r.intn(len(areasEN))

	g.subject(kProcurement, i)
	g.iri(pType, schema.ClassProcurement)
	g.iri(pType, schema.EPOProcedure)
	if g.begin(pTitle) {
		g.buf = append(g.buf, "\"Synthetic tender "...)
		g.buf = appendPad(g.buf, i, 6)
		g.buf = append(g.buf, ": "...)
		start := len(g.buf)
		g.buf = append(g.buf, systemsEN[sys]...)
		if c := g.buf[start]; c >= 'a' && c <= 'z' {
			g.buf[start] = c - ('a' - 'A')
		}
		g.buf = append(g.buf, " for "...)
		g.buf = append(g.buf, areasEN[area]...)
		if q := qualifiersEN[r.intn(len(qualifiersEN))]; r.chance(0.5) && len(g.buf)-start+len(q) <= 90 {
			g.buf = append(g.buf, q...)
		}
		g.buf = append(g.buf, "\"@en"...)
		g.finish()
	}
	switch c.lang {
	case "ca":
		g.localTitle("Licitació sintètica ", i, systemsCA[sys], " per a ", areasCA[area], "ca")
		fallthrough
	case "es":
		g.localTitle("Licitación sintética ", i, systemsES[sys], " para ", areasES[area], "es")
	}
	g.link(pBuyer, kAdministration, buyer)
	g.description(&r, pPurpose, 200, 500, c.lang, 0.15)
	g.description(&r, pAISystem, 200, 800, "", 0)
	switch v := r.intn(100); {
	case v < 2:
		g.iri(pRiskClass, schema.RiskUnacceptable)
	case v < 37:
		g.iri(pRiskClass, schema.RiskHigh)
	case v < 72:
		g.iri(pRiskClass, schema.RiskLimited)
	default:
		g.iri(pRiskClass, schema.RiskMinimal)
	}
	g.iri(pStatus, procurementStatuses[status].concept)
	for s := 0; s < stages; s++ {
		g.iri(pStageReached, stageConcepts[s])
	}
	if g.begin(pValue) {
		// Roughly log-uniform from 1,000 to 10 million: six digits of cents
		// times a power of ten. Integers only, so no platform rounds differently.
		cents := int64(100_000 + r.intn(900_000))
		for e := r.intn(4); e > 0; e-- {
			cents *= 10
		}
		g.buf = append(g.buf, '"')
		g.buf = strconv.AppendInt(g.buf, cents/100, 10)
		g.buf = append(g.buf, '.')
		g.buf = appendPad(g.buf, cents%100, 2)
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, dtDecimal...)
		g.finish()
	}
	g.text(pCurrency, c.currency)
	switch v := r.intn(100); {
	case v < 55:
		g.iri(pProcedureType, procedureConcepts[0])
	case v < 70:
		g.iri(pProcedureType, procedureConcepts[1])
	case v < 85:
		g.iri(pProcedureType, procedureConcepts[2])
	default:
		g.iri(pProcedureType, procedureConcepts[3])
	}
	if stages >= 6 { // the award was reached
		k := r.int64n(max(1, g.plan.Actors/20*int64(len(industrySlots))))
		g.link(pSupplier, kActor, min(g.plan.Actors-1, k/int64(len(industrySlots))*20+industrySlots[k%int64(len(industrySlots))]))
	}
	if g.begin(pOCID) {
		g.buf = append(g.buf, "\"ocds-synth0-"...)
		g.buf = appendPad(g.buf, i, 6)
		g.buf = append(g.buf, '"')
		g.finish()
	}
	if r.chance(0.5) {
		g.link(pServesMission, kMission, g.pickMission(r.float()))
	}
	if g.begin(pIsDPI) {
		if r.chance(0.15) {
			g.buf = append(g.buf, "\"true\""+dtBoolean...)
		} else {
			g.buf = append(g.buf, "\"false\""+dtBoolean...)
		}
		g.finish()
	}
	if g.begin(pDate) {
		g.buf = append(g.buf, '"')
		g.buf = appendDate(g.buf, year, 1+r.intn(12), 1+r.intn(28))
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, dtDate...)
		g.finish()
	}
}

// localTitle writes a dcterms:title "prefix NNNNNN: system sep area"@lang.
func (g *gen) localTitle(prefix string, i int64, sys, sep, area, lang string) {
	if g.begin(pTitle) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, prefix...)
		g.buf = appendPad(g.buf, i, 6)
		g.buf = append(g.buf, ": "...)
		g.buf = appendEscaped(g.buf, sys)
		g.buf = append(g.buf, sep...)
		g.buf = appendEscaped(g.buf, area)
		g.buf = append(g.buf, "\"@"...)
		g.buf = append(g.buf, lang...)
		g.finish()
	}
}

// pickMission maps u in [0, 1) to a mission by the Zipf law of missionCDF.
func (g *gen) pickMission(u float64) int64 {
	lo, hi := 0, len(g.missionCDF)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if g.missionCDF[mid] > u {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return int64(lo)
}

// engagement writes engagement e: an actor took part in a procurement (or,
// one time in seven, a mission) at a stage, through a mechanism, in a role,
// with a level of influence, on a date, with evidence.
func (g *gen) engagement(e int64) {
	r := newRNG(g.opts.Seed, saltEngagement, e)
	g.subject(kEngagement, e)
	g.iri(pType, schema.ClassEngagement)
	g.iri(pType, schema.PROVActivity)
	if r.chance(0.3) {
		g.link(pActor, kAdministration, r.skewed(g.plan.Administrations))
	} else {
		g.link(pActor, kActor, r.skewed(g.plan.Actors))
	}
	var stage, year int
	if r.chance(6.0 / 7) {
		p := r.int64n(g.plan.Procurements)
		_, stages, y := g.procurementShape(p)
		stage, year = r.intn(stages), min(2025, y+r.intn(stages)/3)
		g.link(pProcurement, kProcurement, p)
	} else {
		m := r.int64n(g.plan.Missions)
		_, start := g.missionShape(m)
		stage, year = r.intn(4), min(2025, start+r.intn(3))
		g.link(pMission, kMission, m)
	}
	g.iri(pStage, stageConcepts[stage])
	mech := r.skewed(g.plan.Mechanisms)
	g.link(pMechanism, kMechanism, mech)
	g.text(pRole, roles[r.intn(len(roles))])
	infl := mechanismTypes[mech%int64(len(mechanismTypes))].infl + r.intn(3) - 1
	g.iri(pInfluence, influenceConcepts[min(max(infl, 0), len(influenceConcepts)-1)])
	if g.begin(pDate) {
		g.buf = append(g.buf, '"')
		g.buf = appendDate(g.buf, year, 1+r.intn(12), 1+r.intn(28))
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, dtDate...)
		g.finish()
	}
	if r.chance(0.6) {
		g.link(pEvidence, kReference, r.int64n(g.plan.References))
	}
	if r.chance(0.2) {
		g.description(&r, pDescription, 200, 400, "", 0)
	}
}
