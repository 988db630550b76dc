package queries

import (
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// A filter value names something the store holds: a concept of the
// filter's scheme (by code, notation, label in any language or IRI), a
// country (by ISO 3166-1 alpha-2 code or name), or an entity (a
// mechanism, by id, IRI or label). A value that names nothing is refused
// with the valid values, instead of matching nothing without a word.

// normText folds s for comparison: lower case, Latin diacritics removed,
// punctuation and hyphens as spaces ("Civil society" = "civil-society" =
// "CIVIL SOCIETY").
func normText(s string) string { return strings.Join(graph.Words(s), " ") }

// resolveValues turns the raw values of c into the terms compared, or
// refuses the first value that names nothing.
func (m *matcher) resolveValues(c *condition, scheme string, vals []string) error {
	switch {
	case c.name == "country":
		for _, v := range vals {
			code, err := m.countryCode(v)
			if err != nil {
				return err
			}
			c.want = append(c.want, graph.String(code))
		}
	case scheme != "":
		for _, v := range vals {
			t, err := m.concept(c.name, scheme, v)
			if err != nil {
				return err
			}
			c.want = append(c.want, t)
		}
	case c.name == "classification":
		for _, v := range vals {
			t := classificationTerm(v)
			e, err := m.get(t)
			if err != nil {
				return err
			}
			if len(e.props) == 0 {
				return errorf(CodeBadInput, "filter classification: %q is no classification concept in the store; expected SCHEME:CODE (CPV:72000000, UNSPSC:43232000) or a concept IRI", v)
			}
			c.want = append(c.want, t)
		}
	case c.name == "mechanism":
		for _, v := range vals {
			t, err := m.instance(c.name, schema.ClassMechanism, v)
			if err != nil {
				return err
			}
			c.want = append(c.want, t)
		}
	default:
		for _, v := range vals {
			c.want = append(c.want, m.r.termOfID(strings.TrimSpace(v)))
		}
	}
	return nil
}

// schemeConcepts returns the concepts of scheme in the store, loaded;
// for the phase filter only the top concepts (the phases).
func (m *matcher) schemeConcepts(scheme string, topOnly bool) ([]*entity, error) {
	pred := schema.SKOSInScheme
	if topOnly {
		pred = schema.SKOSTopConceptOf
	}
	ts, err := subjects(m.v, pred, graph.IRI(schema.SchemeIRI(scheme)))
	if err != nil {
		return nil, err
	}
	out := make([]*entity, 0, len(ts))
	for _, t := range ts {
		e, err := m.get(t)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// conceptCode is the code of a concept: its notation, else the last part
// of its IRI.
func conceptCode(e *entity) string {
	if n := e.str(schema.SKOSNotation); n != nil {
		return *n
	}
	return e.t.Value[strings.LastIndexByte(e.t.Value, '/')+1:]
}

// names returns the normalised labels of e (preferred, alternative and
// rdfs labels, in every language).
func names(e *entity) []string {
	var out []string
	for _, p := range []string{schema.SKOSPrefLabel, schema.SKOSAltLabel, schema.RDFSLabel, schema.FOAFName, schema.DCTermsTitle} {
		for _, v := range e.props[p] {
			if v.Kind == graph.KindLiteral {
				out = append(out, normText(v.Value))
			}
		}
	}
	return out
}

// concept resolves a value of a concept filter.
func (m *matcher) concept(filter, scheme, val string) (graph.Term, error) {
	cs, err := m.schemeConcepts(scheme, filter == "phase")
	if err != nil {
		return graph.Term{}, err
	}
	v := strings.TrimSpace(val)
	iri := m.r.termOfID(strings.Trim(v, "<>"))
	norm := normText(v)
	for _, e := range cs {
		if e.t == iri || strings.EqualFold(conceptCode(e), v) || norm != "" && normText(conceptCode(e)) == norm {
			return e.t, nil
		}
	}
	for _, e := range cs {
		if norm != "" && slices.Contains(names(e), norm) {
			return e.t, nil
		}
	}
	codes := make([]string, len(cs))
	for i, e := range cs {
		codes[i] = conceptCode(e)
	}
	slices.Sort(codes)
	what := "a concept of the " + scheme + " scheme"
	if filter == "phase" {
		what = "a lifecycle phase"
	}
	return graph.Term{}, &Error{Code: CodeBadInput,
		Message: "filter " + filter + ": " + quote(val) + " is not " + what + "; expected one of " +
			strings.Join(codes, ", ") + " (a code, its label in en, ca or es, or its IRI)",
		Details: map[string]any{"argument": "filter." + filter, "value": val, "expected": codes}}
}

// instance resolves a value naming an instance of class: an id, an IRI or
// a label.
func (m *matcher) instance(filter, class, val string) (graph.Term, error) {
	v := strings.TrimSpace(val)
	t := m.r.termOfID(strings.Trim(v, "<>"))
	e, err := m.get(t)
	if err != nil {
		return graph.Term{}, err
	}
	if e.has(class) {
		return t, nil
	}
	ids, err := instances(m.v, class)
	if err != nil {
		return graph.Term{}, err
	}
	norm := normText(v)
	var some []string
	for _, id := range ids {
		it, err := m.v.Resolve(id)
		if err != nil {
			return graph.Term{}, err
		}
		x, err := m.get(it)
		if err != nil {
			return graph.Term{}, err
		}
		if norm != "" && slices.Contains(names(x), norm) {
			return it, nil
		}
		if len(some) < 5 {
			some = append(some, m.r.idOf(it))
		}
	}
	return graph.Term{}, &Error{Code: CodeBadInput,
		Message: "filter " + filter + ": " + quote(val) + " is not a " + strings.ToLower(localName(class)) +
			" in the store; expected an id (such as " + strings.Join(some, ", ") + "), its IRI or its label",
		Details: map[string]any{"argument": "filter." + filter, "value": val}}
}

// countryCode resolves a country: an ISO 3166-1 alpha-2 code in any case,
// or a name in English, Catalan or Spanish of a country in the table.
func (m *matcher) countryCode(val string) (string, error) {
	v := strings.TrimSpace(val)
	if len(v) == 2 && isLetters(v) {
		return strings.ToUpper(v), nil
	}
	norm := normText(v)
	for _, c := range countryNames {
		for _, n := range c.names {
			if normText(n) == norm {
				return c.code, nil
			}
		}
	}
	codes, err := m.storedCountries()
	if err != nil {
		return "", err
	}
	return "", &Error{Code: CodeBadInput,
		Message: "filter country: " + quote(val) + " is not a country; expected an ISO 3166-1 alpha-2 code (the store holds " +
			strings.Join(codes, ", ") + ") or a country's name in en, ca or es",
		Details: map[string]any{"argument": "filter.country", "value": val, "expected": codes}}
}

// storedCountries returns the distinct country codes the store holds.
func (m *matcher) storedCountries() ([]string, error) {
	var out []string
	for q, err := range m.v.Match(graph.Pattern{P: graph.IRI(schema.PropCountry)}) {
		if err != nil {
			return nil, err
		}
		if q.O.Kind == graph.KindLiteral && !slices.Contains(out, q.O.Value) {
			out = append(out, q.O.Value)
		}
	}
	slices.Sort(out)
	return out, nil
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// localName returns the part of an IRI after its last # or /.
func localName(iri string) string {
	return iri[strings.LastIndexAny(iri, "#/")+1:]
}

// quote quotes a filter value for a message, cut to 80 bytes.
func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// countryNames are the names of the countries the seed and the generator
// use, and the rest of the European Union's, in English, Catalan and
// Spanish, with their ISO 3166-1 alpha-2 codes. EU is the code the seed
// gives bodies of the European Union.
var countryNames = []struct {
	code  string
	names []string
}{
	{"AT", []string{"Austria", "Àustria"}},
	{"BE", []string{"Belgium", "Bèlgica", "Bélgica"}},
	{"BG", []string{"Bulgaria", "Bulgària"}},
	{"BR", []string{"Brazil", "Brasil"}},
	{"CA", []string{"Canada", "Canadà", "Canadá"}},
	{"CH", []string{"Switzerland", "Suïssa", "Suiza"}},
	{"CL", []string{"Chile", "Xile"}},
	{"CY", []string{"Cyprus", "Xipre", "Chipre"}},
	{"CZ", []string{"Czechia", "Czech Republic", "Txèquia", "Chequia", "República Checa"}},
	{"DE", []string{"Germany", "Alemanya", "Alemania"}},
	{"DK", []string{"Denmark", "Dinamarca"}},
	{"EE", []string{"Estonia", "Estònia"}},
	{"ES", []string{"Spain", "Espanya", "España"}},
	{"EU", []string{"European Union", "Unió Europea", "Unión Europea"}},
	{"FI", []string{"Finland", "Finlàndia", "Finlandia"}},
	{"FR", []string{"France", "França", "Francia"}},
	{"GB", []string{"United Kingdom", "UK", "Great Britain", "Regne Unit", "Reino Unido"}},
	{"GR", []string{"Greece", "Grècia", "Grecia"}},
	{"HR", []string{"Croatia", "Croàcia", "Croacia"}},
	{"HU", []string{"Hungary", "Hongria", "Hungría"}},
	{"IE", []string{"Ireland", "Irlanda"}},
	{"IT", []string{"Italy", "Itàlia", "Italia"}},
	{"LT", []string{"Lithuania", "Lituània", "Lituania"}},
	{"LU", []string{"Luxembourg", "Luxemburg", "Luxemburgo"}},
	{"LV", []string{"Latvia", "Letònia", "Letonia"}},
	{"MT", []string{"Malta"}},
	{"MX", []string{"Mexico", "Mèxic", "México"}},
	{"NL", []string{"Netherlands", "The Netherlands", "Països Baixos", "Países Bajos"}},
	{"NO", []string{"Norway", "Noruega"}},
	{"PL", []string{"Poland", "Polònia", "Polonia"}},
	{"PT", []string{"Portugal"}},
	{"RO", []string{"Romania", "Romania", "Rumanía"}},
	{"SE", []string{"Sweden", "Suècia", "Suecia"}},
	{"SI", []string{"Slovenia", "Eslovènia", "Eslovenia"}},
	{"SK", []string{"Slovakia", "Eslovàquia", "Eslovaquia"}},
	{"US", []string{"United States", "USA", "Estats Units", "Estados Unidos"}},
	{"UY", []string{"Uruguay", "Uruguai"}},
}
