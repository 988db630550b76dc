package generate

import "strings"

// This file holds the read-only tables the generator draws names and text
// from. Every name of an actor, person, journal or publisher carries the word
// "Synthetic" so that no one mistakes the data for real.

// country is an ISO 3166-1 alpha-2 code, its currency (ISO 4217) and how often
// administrations are placed in it, in relative units. Spain and Catalonia weigh
// most: the project's sources come from there.
type country struct {
	code, currency string
	weight         int
	lang           string // "es" or "ca" adds Spanish or Catalan labels; "" only English
}

var countries = []country{
	{"ES", "EUR", 14, "es"}, {"ES", "EUR", 6, "ca"}, {"FR", "EUR", 8, ""}, {"DE", "EUR", 8, ""},
	{"IT", "EUR", 6, ""}, {"NL", "EUR", 6, ""}, {"BE", "EUR", 3, ""}, {"PT", "EUR", 3, ""},
	{"FI", "EUR", 3, ""}, {"AT", "EUR", 3, ""}, {"IE", "EUR", 2, ""}, {"EE", "EUR", 2, ""},
	{"PL", "PLN", 4, ""}, {"SE", "SEK", 3, ""}, {"DK", "DKK", 3, ""}, {"CZ", "CZK", 2, ""},
	{"GB", "GBP", 6, ""}, {"NO", "NOK", 2, ""}, {"CA", "CAD", 3, ""}, {"US", "USD", 5, ""},
	{"BR", "BRL", 3, "es"}, {"CL", "CLP", 2, "es"}, {"UY", "UYU", 1, "es"}, {"MX", "MXN", 3, "es"},
}

// label is a name stem in English with its IRI slug and, for administrations,
// Catalan and Spanish forms.
type label struct{ en, slug, ca, es string }

func lbl(en, ca, es string) label {
	return label{en: en, slug: strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(en, "'", ""), " ", "-")), ca: ca, es: es}
}

// Administrations by level of government.
var (
	nationalLabels = []label{
		lbl("Synthetic Ministry of Digital Affairs", "Ministeri Sintètic d'Afers Digitals", "Ministerio Sintético de Asuntos Digitales"),
		lbl("Synthetic National Data Agency", "Agència Nacional Sintètica de Dades", "Agencia Nacional Sintética de Datos"),
		lbl("Synthetic Ministry of Health", "Ministeri Sintètic de Salut", "Ministerio Sintético de Sanidad"),
		lbl("Synthetic Tax Agency", "Agència Tributària Sintètica", "Agencia Tributaria Sintética"),
		lbl("Synthetic Ministry of Social Rights", "Ministeri Sintètic de Drets Socials", "Ministerio Sintético de Derechos Sociales"),
	}
	regionalLabels = []label{
		lbl("Synthetic Regional Government", "Govern Regional Sintètic", "Gobierno Regional Sintético"),
		lbl("Synthetic Provincial Council", "Diputació Sintètica", "Diputación Provincial Sintética"),
		lbl("Synthetic Regional Health Service", "Servei Regional Sintètic de Salut", "Servicio Regional Sintético de Salud"),
	}
	localLabels = []label{
		lbl("Synthetic City Council", "Ajuntament Sintètic", "Ayuntamiento Sintético"),
		lbl("Synthetic Town Council", "Ajuntament Sintètic de la Vila", "Ayuntamiento Sintético de la Villa"),
		lbl("Synthetic Metropolitan Area", "Àrea Metropolitana Sintètica", "Área Metropolitana Sintética"),
		lbl("Synthetic Municipal Institute", "Institut Municipal Sintètic", "Instituto Municipal Sintético"),
	}
)

// Other actors by sector; the sector of actor j is actorSectors[j%20].
var (
	civilLabels = []label{
		lbl("Synthetic Digital Rights Association", "", ""), lbl("Synthetic Neighbourhood Federation", "", ""),
		lbl("Synthetic Consumer Union", "", ""), lbl("Synthetic Open Data Collective", "", ""),
		lbl("Synthetic Disability Rights Network", "", ""), lbl("Synthetic Tenants' Association", "", ""),
	}
	academiaLabels = []label{
		lbl("Synthetic University", "", ""), lbl("Synthetic Institute of Technology", "", ""),
		lbl("Synthetic Research Centre for AI Ethics", "", ""), lbl("Synthetic Polytechnic School", "", ""),
	}
	industryLabels = []label{
		lbl("Synthetic Analytics Ltd", "", ""), lbl("Synthetic Cloud Services SA", "", ""),
		lbl("Synthetic Vision Systems GmbH", "", ""), lbl("Synthetic Civic Tech SL", "", ""),
		lbl("Synthetic Data Consulting BV", "", ""), lbl("Synthetic Language Models Oy", "", ""),
	}
	internationalLabels = []label{
		lbl("Synthetic International Standards Body", "", ""), lbl("Synthetic Intergovernmental Forum", "", ""),
		lbl("Synthetic Development Bank", "", ""),
	}
	citizenLabels = []label{
		lbl("Synthetic Citizens' Assembly", "", ""), lbl("Synthetic Affected Communities Forum", "", ""),
		lbl("Synthetic Residents' Panel", "", ""),
	}
)

// Procurement titles: "{system} for {area}" in three languages.
var (
	systemsEN = []string{"AI chatbot", "machine-learning risk scoring", "computer-vision monitoring",
		"speech-to-text transcription", "predictive maintenance models", "automated document classification",
		"fraud-detection analytics", "traffic-flow prediction", "large-language-model assistant",
		"image recognition for inspections", "demand forecasting", "case-prioritisation algorithm",
		"automated translation service", "anomaly detection platform"}
	systemsES = []string{"chatbot de IA", "puntuación de riesgo con aprendizaje automático", "monitorización por visión artificial",
		"transcripción de voz a texto", "modelos de mantenimiento predictivo", "clasificación automática de documentos",
		"analítica de detección de fraude", "predicción del tráfico", "asistente basado en modelos de lenguaje",
		"reconocimiento de imágenes para inspecciones", "previsión de la demanda", "algoritmo de priorización de expedientes",
		"servicio de traducción automática", "plataforma de detección de anomalías"}
	systemsCA = []string{"xatbot d'IA", "puntuació de risc amb aprenentatge automàtic", "monitoratge per visió artificial",
		"transcripció de veu a text", "models de manteniment predictiu", "classificació automàtica de documents",
		"analítica de detecció de frau", "predicció del trànsit", "assistent basat en models de llenguatge",
		"reconeixement d'imatges per a inspeccions", "previsió de la demanda", "algorisme de priorització d'expedients",
		"servei de traducció automàtica", "plataforma de detecció d'anomalies"}
	areasEN = []string{"social services", "public health", "urban mobility", "tax administration", "waste collection",
		"water networks", "housing benefits", "employment services", "school enrolment", "emergency response",
		"public libraries", "permits and licences", "elderly care", "citizen enquiries"}
	areasES = []string{"servicios sociales", "salud pública", "movilidad urbana", "administración tributaria", "recogida de residuos",
		"redes de agua", "ayudas a la vivienda", "servicios de empleo", "matriculación escolar", "respuesta a emergencias",
		"bibliotecas públicas", "permisos y licencias", "atención a personas mayores", "consultas ciudadanas"}
	areasCA = []string{"serveis socials", "salut pública", "mobilitat urbana", "administració tributària", "recollida de residus",
		"xarxes d'aigua", "ajuts a l'habitatge", "serveis d'ocupació", "preinscripció escolar", "resposta a emergències",
		"biblioteques públiques", "permisos i llicències", "atenció a la gent gran", "consultes ciutadanes"}
	qualifiersEN = []string{", pilot phase", ", framework agreement", ", including maintenance and staff training",
		", lot 2", ", with an independent algorithmic audit", ", renewal"}
)

// Mission goals in three languages.
var (
	goalsEN = []string{"halve waiting times in primary care by 2030", "zero traffic fatalities in urban areas",
		"carbon-neutral public buildings", "no household left offline", "universal access to digital public services",
		"clean air in every neighbourhood", "fair and transparent social benefits", "affordable housing for young people",
		"resilient water supply under drought", "early detection of school dropout"}
	goalsES = []string{"reducir a la mitad las esperas en atención primaria en 2030", "cero víctimas de tráfico en zonas urbanas",
		"edificios públicos neutros en carbono", "ningún hogar sin conexión", "acceso universal a los servicios públicos digitales",
		"aire limpio en cada barrio", "prestaciones sociales justas y transparentes", "vivienda asequible para la juventud",
		"abastecimiento de agua resiliente ante la sequía", "detección temprana del abandono escolar"}
	goalsCA = []string{"reduir a la meitat les esperes a l'atenció primària el 2030", "zero víctimes de trànsit a les zones urbanes",
		"edificis públics neutres en carboni", "cap llar sense connexió", "accés universal als serveis públics digitals",
		"aire net a cada barri", "prestacions socials justes i transparents", "habitatge assequible per al jovent",
		"subministrament d'aigua resilient davant la sequera", "detecció precoç de l'abandonament escolar"}
)

// mechanismType is a participatory instrument with the concepts it usually
// carries (IRIs in the schema package's concept schemes, set in entities.go).
type mechanismType struct {
	name                 string
	function, inst, infl int // indexes into functionConcepts, institutionalisationConcepts, influenceConcepts
	tier, decision       int // indexes into tierConcepts, decisionConcepts
	phases               [3]bool
}

var mechanismTypes = []mechanismType{
	{"citizen panel", 2, 1, 2, 1, 1, [3]bool{true, false, true}},
	{"public consultation", 1, 2, 1, 1, 0, [3]bool{true, true, false}},
	{"algorithm register", 0, 3, 0, 0, 4, [3]bool{false, true, true}},
	{"algorithmic impact assessment", 5, 3, 2, 0, 4, [3]bool{true, false, true}},
	{"co-design workshop", 3, 1, 3, 2, 1, [3]bool{true, true, false}},
	{"citizens' jury", 2, 1, 3, 1, 3, [3]bool{true, false, false}},
	{"participatory budgeting round", 4, 2, 4, 2, 3, [3]bool{true, false, false}},
	{"open market dialogue", 1, 1, 1, 2, 2, [3]bool{false, true, false}},
	{"ethics advisory board", 5, 2, 2, 1, 4, [3]bool{true, true, true}},
	{"civic hackathon", 3, 0, 3, 2, 0, [3]bool{true, true, false}},
	{"living lab", 3, 2, 3, 2, 1, [3]bool{false, true, true}},
	{"public hearing", 0, 3, 1, 0, 1, [3]bool{true, false, true}},
	{"deliberative poll", 2, 1, 2, 1, 3, [3]bool{true, false, false}},
	{"user testing sessions", 1, 0, 2, 2, 4, [3]bool{false, true, true}},
	{"independent oversight committee", 5, 3, 4, 1, 4, [3]bool{false, false, true}},
}

// Engagement roles.
var roles = []string{"participant", "convener", "expert adviser", "evaluator", "co-designer", "observer",
	"facilitator", "complainant", "end-user representative", "jury member", "technical reviewer", "bidder"}

// Persons: given names and family-name stems; family names read "Synthetic-Stem".
var (
	givenNames = []string{"Marta", "Jordi", "Núria", "Pau", "Lucía", "Javier", "Aino", "Mikko", "Sanne", "Pieter",
		"Camille", "Louis", "Giulia", "Marco", "Anna", "Jan", "Maja", "Oskar", "Inês", "Tiago", "Siobhán",
		"Liam", "Kadri", "Rasmus", "Zofia", "Tomasz", "Emily", "Daniel", "Ana", "Mateo"}
	familyStems = []string{"Puig", "Garcia", "Ferrer", "Soler", "López", "Martínez", "Virtanen", "Korhonen",
		"Jansen", "de Vries", "Dubois", "Moreau", "Rossi", "Bianchi", "Müller", "Schmidt", "Nowak", "Kowalski",
		"Silva", "Santos", "Murphy", "Kelly", "Tamm", "Nielsen", "Svoboda", "Smith", "Brown", "Pérez", "Rodríguez", "Costa"}
)

// References.
var (
	journals = []string{"Synthetic Journal of Public Sector Innovation", "Synthetic Review of Digital Government",
		"Synthetic Quarterly of Algorithmic Governance", "Synthetic Journal of Participatory Democracy",
		"Synthetic Studies in Public Procurement"}
	proceedings = []string{"Synthetic Proceedings of the Conference on Participatory AI",
		"Synthetic Proceedings of the Open Government Congress"}
	books      = []string{"The Synthetic Handbook of Public AI", "Synthetic Essays on Mission-Oriented Policy"}
	publishers = []string{"Synthetic University Press", "Synthetic Policy Institute", "Synthetic Open Government Observatory", "Synthetic Academic Publishing"}
	series     = []string{"Synthetic Working Papers on Governance", "Synthetic Policy Briefs"}
	topicsEN   = []string{"Algorithmic accountability in public procurement", "Stakeholder engagement across the AI lifecycle",
		"Mission-oriented innovation and public buyers", "Participation and the purchase of automated decision systems",
		"Civil society oversight of public algorithms", "Open government and artificial intelligence",
		"Market dialogues for trustworthy AI", "Risk classes under the AI Act and public buyers"}
	topicsES = []string{"Rendición de cuentas algorítmica en la contratación pública", "Participación de las partes interesadas en el ciclo de vida de la IA",
		"Innovación orientada a misiones y compra pública", "Supervisión ciudadana de los algoritmos públicos"}
	topicsCA = []string{"Rendició de comptes algorísmica en la contractació pública", "Participació dels actors en el cicle de vida de la IA",
		"Innovació orientada a missions i compra pública", "Supervisió ciutadana dels algorismes públics"}
	subtitlesEN = []string{"evidence from synthetic case studies", "a comparative synthetic analysis",
		"lessons for administrations", "a framework and a research agenda", "what the tenders say"}
	subtitlesES = []string{"evidencia de casos sintéticos", "un análisis comparado sintético", "lecciones para las administraciones"}
	subtitlesCA = []string{"evidència de casos sintètics", "una anàlisi comparada sintètica", "lliçons per a les administracions"}
)

// Sentences the descriptions are cut from. Each is at most 150 characters, so
// that a description can be made to any length in its range by whole sentences.
var (
	sentencesEN = []string{
		"The administration wants to use an AI system to sort incoming requests and route them to the right team.",
		"A citizen panel reviewed the draft specification and asked for a plain-language explanation of every automated decision.",
		"Suppliers were invited to an open market dialogue before the tender was published.",
		"The contract requires a human review of every decision that affects a person's access to benefits.",
		"An algorithmic impact assessment was carried out before deployment and published on the council's website.",
		"Civil society organisations asked for the training data to be documented and for bias to be measured by group.",
		"The model is retrained every quarter, and its performance is reported to an independent oversight committee.",
		"Residents raised concerns about surveillance, so the cameras only count vehicles and store no images.",
		"The buyer set award criteria that weigh transparency, explainability and the right to contest a decision.",
		"Staff who will use the system took part in co-design workshops to shape the user interface.",
		"The tender asked bidders to explain how the system can be audited by a third party at any time.",
		"A so-called \"regulatory sandbox\" let the administration test the system on synthetic data first.",
		"The mission sets a measurable target and a date, and every procurement that serves it reports progress.",
		"Public libraries hosted information sessions where people could try the assistant and give feedback.",
		"The system is classed as high risk under the AI Act, which brings duties of documentation and human oversight.",
		"An evaluation after one year compared outcomes for different groups and found no significant disparity.",
		"The procurement was cancelled when the pilot showed that the error rate was too high for the intended use.",
		"Academic partners designed the evaluation and published the method and the anonymised results.",
		"The contract includes an exit plan so that the data and the models can be handed back when it ends.",
		"Trade unions were consulted on how the system would change the work of caseworkers.",
		"Affected communities were paid for the time they spent in workshops and reviews.",
		"The register entry explains the purpose of the system, the data it uses and who is responsible for it.",
		"Open source components were preferred, and the code written for the buyer is published under an open licence.",
		"Every engagement is documented with its date, the stage reached and the evidence that supports it.",
		"This text is illustrative and was produced by a generator; it describes no real administration.",
		"Bidders had to show how they would detect and correct drift in the model's predictions over time.",
		"A deliberative poll gave a random sample of residents the chance to weigh the benefits against the risks.",
		"The specification limits the use of personal data to what the stated purpose strictly requires.",
		"An ethics advisory board met at each stage of the lifecycle and its minutes are public.",
		"The administration shares the system with other councils as part of its digital public infrastructure.",
	}
	sentencesES = []string{
		"La administración quiere usar un sistema de IA para clasificar las solicitudes y dirigirlas al equipo adecuado.",
		"Un panel ciudadano revisó el pliego y pidió una explicación en lenguaje claro de cada decisión automatizada.",
		"Se invitó a los proveedores a una consulta preliminar al mercado antes de publicar la licitación.",
		"El contrato exige una revisión humana de toda decisión que afecte al acceso de una persona a las ayudas.",
		"Se realizó una evaluación de impacto algorítmico antes del despliegue y se publicó en la web municipal.",
		"Las organizaciones de la sociedad civil pidieron documentar los datos de entrenamiento y medir los sesgos.",
		"El modelo se reentrena cada trimestre y su rendimiento se comunica a un comité de supervisión independiente.",
		"Los criterios de adjudicación valoran la transparencia, la explicabilidad y el derecho a impugnar una decisión.",
		"El personal que usará el sistema participó en talleres de codiseño para definir la interfaz.",
		"Este texto es ilustrativo y lo ha producido un generador; no describe ninguna administración real.",
		"El sistema se considera de alto riesgo según el Reglamento de IA, con obligaciones de documentación.",
		"Una evaluación al cabo de un año comparó los resultados entre grupos y no halló diferencias significativas.",
	}
	sentencesCA = []string{
		"L'administració vol fer servir un sistema d'IA per classificar les sol·licituds i adreçar-les a l'equip adequat.",
		"Un panell ciutadà va revisar el plec i va demanar una explicació en llenguatge planer de cada decisió automatitzada.",
		"Es va convidar els proveïdors a una consulta preliminar al mercat abans de publicar la licitació.",
		"El contracte exigeix una revisió humana de tota decisió que afecti l'accés d'una persona als ajuts.",
		"Es va fer una avaluació d'impacte algorísmic abans del desplegament i es va publicar al web municipal.",
		"Les entitats de la societat civil van demanar documentar les dades d'entrenament i mesurar els biaixos.",
		"El model es reentrena cada trimestre i el seu rendiment es comunica a un comitè de supervisió independent.",
		"Els criteris d'adjudicació valoren la transparència, l'explicabilitat i el dret a impugnar una decisió.",
		"El personal que farà servir el sistema va participar en tallers de codisseny per definir la interfície.",
		"Aquest text és il·lustratiu i l'ha produït un generador; no descriu cap administració real.",
		"El sistema es considera d'alt risc segons el Reglament d'IA, amb obligacions de documentació.",
		"Una avaluació al cap d'un any va comparar els resultats entre grups i no va trobar diferències significatives.",
	}
)

// corpus is the sentences of one language, shuffled and repeated, escaped for
// N-Triples and joined by spaces; starts[k] is where sentence k begins, and
// starts[len(starts)-1] is one past the end of the text plus one. A
// description is a run of whole sentences, text[starts[s] : starts[s+j]-1].
type corpus struct {
	text   string
	starts []int
}

// corpusRepeats is how many shuffled copies of the sentences a corpus holds:
// enough that descriptions starting at different sentences rarely coincide.
const corpusRepeats = 64

// newCorpus builds the corpus of sentences with a fixed stream, so it is the
// same for every seed.
func newCorpus(sentences []string, s salt) corpus {
	r := newRNG(0, saltText, int64(s))
	var b strings.Builder
	starts := make([]int, 0, len(sentences)*corpusRepeats+1)
	order := make([]int, len(sentences))
	for k := range order {
		order[k] = k
	}
	for range corpusRepeats {
		for k := len(order) - 1; k > 0; k-- {
			j := r.intn(k + 1)
			order[k], order[j] = order[j], order[k]
		}
		for _, k := range order {
			starts = append(starts, b.Len())
			b.Write(appendEscaped(nil, sentences[k]))
			b.WriteByte(' ')
		}
	}
	starts = append(starts, b.Len())
	return corpus{text: b.String(), starts: starts}
}

// maxSentencesPerText bounds the sentences in one description, so that a start
// near the end of the corpus never runs off it.
const maxSentencesPerText = 16

// cut returns whole sentences starting at a random one, from min to max
// characters long. It counts bytes and aims at least 50 above min, which
// covers the letters with diacritics (two bytes, one character) of the
// Spanish and Catalan sentences; sentences are at most 150 bytes, so the
// result stays under max. max-min must exceed 200.
func (c *corpus) cut(r *rng, min, max int) string {
	n := len(c.starts) - 1 - maxSentencesPerText
	s := r.intn(n)
	want := min + 50 + r.intn(max-min-200)
	begin := c.starts[s]
	for j := s + 1; j <= s+maxSentencesPerText; j++ {
		if c.starts[j]-1-begin >= want {
			return c.text[begin : c.starts[j]-1]
		}
	}
	return c.text[begin : c.starts[s+maxSentencesPerText]-1]
}

// appendEscaped appends s with the N-Triples string escapes ECHAR for ", \,
// newline and carriage return.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\n':
			b = append(b, '\\', 'n')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	return b
}
