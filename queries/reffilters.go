package queries

import (
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// The filters of references that are not a path to a concept: author,
// publisher, citedBy, graph and language. Each compiles into the set of
// references that match, found by index scans of the predicate it is
// about, not by loading every reference.

// setFilter computes the ids of the subjects that match one filter.
type setFilter func(m *matcher) (map[graph.ID]bool, error)

// referenceFilter returns the set filter of a reference filter over vals.
func referenceFilter(name string, vals []string) setFilter {
	switch name {
	case "author":
		return func(m *matcher) (map[graph.ID]bool, error) {
			return m.byAgent(name, vals, []string{schema.DCTermsCreator, schema.BIBOEditor}, "an author (a person or organisation)")
		}
	case "publisher":
		return func(m *matcher) (map[graph.ID]bool, error) {
			return m.byAgent(name, vals, []string{schema.DCTermsPublisher}, "a publisher")
		}
	case "citedBy":
		return func(m *matcher) (map[graph.ID]bool, error) { return m.citedBy(vals) }
	case "graph":
		return func(m *matcher) (map[graph.ID]bool, error) { return m.inGraphs(vals) }
	case "language":
		return func(m *matcher) (map[graph.ID]bool, error) { return m.inLanguages(vals) }
	}
	return nil
}

// nameMatch reports whether every word of the wanted name starts a word
// of have (words of a name, as graph.Words gives them), so that "Peña"
// finds "Ismael Peña-López" and "nesta" finds "Nesta".
func nameMatch(want []string, have []string) bool {
	if len(want) == 0 {
		return false
	}
	for _, w := range want {
		if !slices.ContainsFunc(have, func(h string) bool { return strings.HasPrefix(h, w) }) {
			return false
		}
	}
	return true
}

// agentWords returns the words of the names of an agent (or of a literal
// value, such as a publisher as cited).
func (m *matcher) agentWords(t graph.Term) ([]string, error) {
	if t.Kind == graph.KindLiteral {
		return graph.Words(t.Value), nil
	}
	e, err := m.get(t)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, p := range []string{schema.FOAFName, schema.RDFSLabel, schema.SKOSPrefLabel, schema.SKOSAltLabel, schema.FOAFFamilyName, schema.FOAFGivenName} {
		for _, v := range e.props[p] {
			if v.Kind == graph.KindLiteral {
				out = append(out, graph.Words(v.Value)...)
			}
		}
	}
	return out, nil
}

// byAgent matches the subjects whose value of any of preds is one of vals:
// an id or IRI of an agent, or words of its name (or of the literal, for
// publishers given as text). A value that matches no value of preds is
// refused.
func (m *matcher) byAgent(filter string, vals, preds []string, what string) (map[graph.ID]bool, error) {
	// The distinct values of preds, and who has them.
	holders := map[graph.Term][]graph.ID{}
	var order []graph.Term
	for _, p := range preds {
		for q, err := range m.v.Match(graph.Pattern{P: graph.IRI(p)}) {
			if err != nil {
				return nil, err
			}
			if _, ok := holders[q.O]; !ok {
				order = append(order, q.O)
			}
			sid, err := m.v.Lookup(q.S)
			if err != nil {
				return nil, err
			}
			holders[q.O] = append(holders[q.O], sid)
		}
	}
	out := map[graph.ID]bool{}
	for _, val := range vals {
		v := strings.TrimSpace(val)
		want := graph.Words(v)
		found := false
		asTerm := m.r.termOfID(strings.Trim(v, "<>"))
		for _, o := range order {
			ok := o.Kind != graph.KindLiteral && o == asTerm
			if !ok {
				words, err := m.agentWords(o)
				if err != nil {
					return nil, err
				}
				ok = nameMatch(want, words)
			}
			if ok {
				found = true
				for _, s := range holders[o] {
					out[s] = true
				}
			}
		}
		if !found {
			return nil, &Error{Code: CodeBadInput,
				Message: "filter " + filter + ": " + quote(val) + " is not " + what + " of any reference; expected an id (such as actor/nesta or person/...), an IRI or words of a name",
				Details: map[string]any{"argument": "filter." + filter, "value": val}}
		}
	}
	return out, nil
}

// citedBy matches the references that any of the works named by vals
// cites, in any of its versions (translations hold one bibliography).
func (m *matcher) citedBy(vals []string) (map[graph.ID]bool, error) {
	out := map[graph.ID]bool{}
	for _, val := range vals {
		t, _, err := m.r.resolveEntity(m.v, "filter.citedBy", val)
		if err != nil {
			return nil, err
		}
		vs, err := versions(m.v, t)
		if err != nil {
			return nil, err
		}
		for _, w := range vs {
			for _, p := range []string{schema.DCTermsReferences, schema.BIBOCites} {
				for q, err := range m.v.Match(graph.Pattern{S: w, P: graph.IRI(p)}) {
					if err != nil {
						return nil, err
					}
					id, err := m.v.Lookup(q.O)
					if err != nil {
						return nil, err
					}
					out[id] = true
				}
			}
		}
	}
	return out, nil
}

// inGraphs matches the subjects described in any of the named graphs
// vals: graph IRIs, or names under the graph base (seed/playbook, or
// playbook for a seed graph).
func (m *matcher) inGraphs(vals []string) (map[graph.ID]bool, error) {
	gs, err := m.v.Graphs()
	if err != nil {
		return nil, err
	}
	out := map[graph.ID]bool{}
	for _, val := range vals {
		v := strings.Trim(strings.TrimSpace(val), "<>")
		var g graph.Term
		for _, cand := range []string{v, schema.GraphIRI(v), schema.GraphIRI("seed/" + v), schema.GraphIRI("source/" + v)} {
			if slices.Contains(gs, graph.IRI(cand)) {
				g = graph.IRI(cand)
				break
			}
		}
		if g.IsZero() {
			names := make([]string, 0, len(gs))
			for _, x := range gs {
				names = append(names, strings.TrimPrefix(x.Value, schema.GraphBase))
			}
			slices.Sort(names)
			return nil, &Error{Code: CodeBadInput,
				Message: "filter graph: " + quote(val) + " is not a named graph of the store; expected a graph IRI or one of " + strings.Join(names, ", "),
				Details: map[string]any{"argument": "filter.graph", "value": val, "expected": names}}
		}
		gid, err := m.v.Lookup(g)
		if err != nil {
			return nil, err
		}
		for q, err := range m.v.MatchIDs(graph.IDPattern{G: gid}) {
			if err != nil {
				return nil, err
			}
			out[q.S] = true
		}
	}
	return out, nil
}

// languageNames maps names of languages in English, Catalan and Spanish to
// their ISO 639-1 codes.
var languageNames = map[string]string{
	"english": "en", "angles": "en", "ingles": "en",
	"catalan": "ca", "catala": "ca",
	"spanish": "es", "castilian": "es", "espanol": "es", "castellano": "es", "espanyol": "es", "castella": "es",
	"french": "fr", "frances": "fr", "francais": "fr",
	"german": "de", "aleman": "de", "alemany": "de",
	"italian": "it", "italiano": "it", "italia": "it",
	"portuguese": "pt", "portugues": "pt",
	"dutch": "nl", "neerlandes": "nl",
}

// languageTag returns the language tag a value of dcterms:language stands
// for: an IRI of the EU language authority table gives its BCP 47 tag
// (schema.LanguageTag), a literal its lexical form (a tag kept for a
// language that table lacks). Any other IRI is returned as it is; a blank
// node gives false.
func languageTag(t graph.Term) (string, bool) {
	switch t.Kind {
	case graph.KindIRI:
		if tag, ok := schema.LanguageTag(t.Value); ok {
			return tag, true
		}
		return t.Value, true
	case graph.KindLiteral:
		return t.Value, true
	}
	return "", false
}

// inLanguages matches the subjects whose dcterms:language is one of vals:
// a language tag (en, es-ES matches es), a language's name, or a code or
// IRI of the EU language authority table (SPA). The store's values are
// authority IRIs, or tags for languages that table lacks.
func (m *matcher) inLanguages(vals []string) (map[graph.ID]bool, error) {
	type langUse struct {
		code string
		s    graph.ID
	}
	var uses []langUse
	var have []string
	pid, err := m.v.Lookup(graph.IRI(schema.DCTermsLanguage))
	if err != nil || pid == 0 {
		return map[graph.ID]bool{}, err
	}
	for q, err := range m.v.MatchIDs(graph.IDPattern{P: pid}) {
		if err != nil {
			return nil, err
		}
		o, err := m.v.Resolve(q.O)
		if err != nil {
			return nil, err
		}
		code, ok := languageTag(o)
		if !ok || strings.Contains(code, ":") {
			continue // a blank node, or an IRI of another language vocabulary: no tag to match
		}
		code = strings.ToLower(code)
		if i := strings.IndexByte(code, '-'); i > 0 {
			code = code[:i]
		}
		uses = append(uses, langUse{code, q.S})
		if !slices.Contains(have, code) {
			have = append(have, code)
		}
	}
	slices.Sort(have)
	out := map[graph.ID]bool{}
	for _, val := range vals {
		v := strings.ToLower(strings.TrimSpace(val))
		code, ok := languageNames[normText(v)]
		if !ok {
			// A tag, or an IRI or code of the EU language authority table
			// (SPA, .../language/SPA), taken as its tag.
			code = v
			if tag, ok := schema.LanguageTag(strings.TrimSpace(val)); ok {
				code = tag
			} else if iri, ok := schema.LanguageIRI(v); ok && len(v) == 3 {
				code, _ = schema.LanguageTag(iri)
			}
			if i := strings.IndexByte(code, '-'); i > 0 {
				code = code[:i]
			}
			if len(code) < 2 || len(code) > 3 || !isLetters(code) {
				return nil, &Error{Code: CodeBadInput,
					Message: "filter language: " + quote(val) + " is not a language; expected a language tag (the store holds " +
						strings.Join(have, ", ") + ") or a language's name in en, ca or es",
					Details: map[string]any{"argument": "filter.language", "value": val, "expected": have}}
			}
		}
		for _, u := range uses {
			if u.code == code {
				out[u.s] = true
			}
		}
	}
	return out, nil
}
