package schema

import (
	"bytes"
	_ "embed"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"civicgraph/graph"
)

// The embedded Turtle documents.
var (
	//go:embed ontology.ttl
	ontologyTTL []byte
	//go:embed concepts.ttl
	conceptsTTL []byte
)

// Schema is the loaded domain model: the ontology, the concept schemes and
// the compiled shapes. It is read-only once [New] returns, so one Schema may
// be shared by any number of goroutines.
type Schema struct {
	ontology []graph.Quad // in GraphOntology
	concepts []graph.Quad // in GraphConcepts
	shacl    []graph.Quad // in GraphShapes

	conceptByIRI map[string]*Concept
	byScheme     map[string][]*Concept        // scheme name → concepts in Schemes() order
	labels       map[string]map[string]string // term IRI → lang → label
	comments     map[string]map[string]string // term IRI → lang → comment
	super        map[string][]string          // class → itself and all its named superclasses
	shapes       []compiledShape
}

// compiledShape is a [Shape] with its patterns compiled.
type compiledShape struct {
	Shape
	patterns []*regexp.Regexp // one per Properties entry, nil when no Pattern
}

// New loads the embedded ontology and concept schemes, checks them against
// [Schemes] and [Shapes], and compiles the shapes. An error means the
// embedded files are broken; it wraps [ErrLoad].
func New() (*Schema, error) {
	s := &Schema{
		conceptByIRI: map[string]*Concept{},
		byScheme:     map[string][]*Concept{},
		labels:       map[string]map[string]string{},
		comments:     map[string]map[string]string{},
		super:        map[string][]string{},
	}
	var err error
	if s.ontology, err = parseTurtle("ontology.ttl", "ontology", ontologyTTL, graph.IRI(GraphOntology)); err != nil {
		return nil, err
	}
	if s.concepts, err = parseTurtle("concepts.ttl", "concepts", conceptsTTL, graph.IRI(GraphConcepts)); err != nil {
		return nil, err
	}
	s.indexTerms(s.ontology)
	s.indexTerms(s.concepts)
	s.indexClasses()
	if err := s.indexConcepts(); err != nil {
		return nil, err
	}
	if err := s.compileShapes(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := s.WriteSHACL(&buf); err != nil {
		return nil, err
	}
	if s.shacl, err = parseTurtle("shapes", "shapes", buf.Bytes(), graph.IRI(GraphShapes)); err != nil {
		return nil, err
	}
	return s, nil
}

// indexTerms records the labels and comments of every term in quads.
func (s *Schema) indexTerms(quads []graph.Quad) {
	put := func(m map[string]map[string]string, q graph.Quad) {
		if q.S.Kind != graph.KindIRI || q.O.Kind != graph.KindLiteral {
			return
		}
		byLang := m[q.S.Value]
		if byLang == nil {
			byLang = map[string]string{}
			m[q.S.Value] = byLang
		}
		if _, ok := byLang[q.O.Lang]; !ok {
			byLang[q.O.Lang] = q.O.Value
		}
	}
	for _, q := range quads {
		switch q.P.Value {
		case RDFSLabel, SKOSPrefLabel:
			put(s.labels, q)
		case RDFSComment, SKOSDefinition:
			put(s.comments, q)
		}
	}
}

// indexClasses computes the transitive rdfs:subClassOf closure of the
// named classes of the ontology.
func (s *Schema) indexClasses() {
	direct := map[string][]string{}
	for _, q := range s.ontology {
		if q.P.Value == RDFSSubClassOf && q.S.Kind == graph.KindIRI && q.O.Kind == graph.KindIRI {
			direct[q.S.Value] = append(direct[q.S.Value], q.O.Value)
		}
	}
	for c := range direct {
		seen := []string{c}
		for i := 0; i < len(seen); i++ {
			for _, p := range direct[seen[i]] {
				if !slices.Contains(seen, p) {
					seen = append(seen, p)
				}
			}
		}
		s.super[c] = seen
	}
}

// indexConcepts builds the concept table from concepts.ttl and checks it
// against [Schemes].
func (s *Schema) indexConcepts() error {
	schemeOf := map[string]string{} // scheme IRI → name
	for _, si := range Schemes() {
		schemeOf[si.IRI()] = si.Name
		for _, code := range si.Codes {
			iri := ConceptIRI(si.Name, code)
			s.conceptByIRI[iri] = &Concept{IRI: iri, Scheme: si.Name, Code: code,
				Labels: map[string]string{}, Definitions: map[string]string{}}
		}
	}
	for _, q := range s.concepts {
		c := s.conceptByIRI[q.S.Value]
		if c == nil {
			if q.P.Value == RDFType && q.O.Value == SKOSConcept {
				return fmt.Errorf("%w: concepts.ttl: concept %s is not listed in Schemes()", ErrLoad, q.S.Value)
			}
			continue
		}
		switch q.P.Value {
		case SKOSPrefLabel:
			c.Labels[q.O.Lang] = q.O.Value
		case SKOSDefinition:
			c.Definitions[q.O.Lang] = q.O.Value
		case SKOSBroader:
			c.Broader = append(c.Broader, q.O.Value)
		case SKOSNarrower:
			c.Narrower = append(c.Narrower, q.O.Value)
		case SKOSTopConceptOf:
			c.Top = true
		case SKOSInScheme:
			if schemeOf[q.O.Value] != c.Scheme {
				return fmt.Errorf("%w: concepts.ttl: concept %s is in scheme %s, want %s", ErrLoad, c.IRI, q.O.Value, SchemeIRI(c.Scheme))
			}
		case PropOrder:
			n, err := strconv.Atoi(q.O.Value)
			if err != nil {
				return fmt.Errorf("%w: concepts.ttl: concept %s has order %q, want an integer", ErrLoad, c.IRI, q.O.Value)
			}
			c.Order = n
		}
	}
	for _, si := range Schemes() {
		for _, code := range si.Codes {
			c := s.conceptByIRI[ConceptIRI(si.Name, code)]
			if len(c.Labels) == 0 {
				return fmt.Errorf("%w: concepts.ttl: concept %s of Schemes() is missing", ErrLoad, c.IRI)
			}
			s.byScheme[si.Name] = append(s.byScheme[si.Name], c)
		}
	}
	return nil
}

// compileShapes compiles the patterns of [Shapes] and checks that every
// scheme they name exists.
func (s *Schema) compileShapes() error {
	for _, sh := range Shapes() {
		cs := compiledShape{Shape: sh, patterns: make([]*regexp.Regexp, len(sh.Properties))}
		for i, p := range sh.Properties {
			if p.Scheme != "" && s.byScheme[p.Scheme] == nil {
				return fmt.Errorf("%w: shape of %s: %s names unknown scheme %q", ErrLoad, sh.Class, p.Path, p.Scheme)
			}
			if p.Pattern == "" {
				continue
			}
			re, err := regexp.Compile(p.Pattern)
			if err != nil {
				return fmt.Errorf("%w: shape of %s: %s: %v", ErrLoad, sh.Class, p.Path, err)
			}
			cs.patterns[i] = re
		}
		s.shapes = append(s.shapes, cs)
	}
	return nil
}

// Quads returns the ontology in the named graph [GraphOntology] followed by
// the concept schemes in [GraphConcepts], ready for a bulk load. The slice is
// new on each call.
func (s *Schema) Quads() []graph.Quad {
	return slices.Concat(s.ontology, s.concepts)
}

// OntologyQuads returns the ontology alone, in [GraphOntology].
func (s *Schema) OntologyQuads() []graph.Quad { return slices.Clone(s.ontology) }

// ConceptQuads returns the concept schemes alone, in [GraphConcepts].
func (s *Schema) ConceptQuads() []graph.Quad { return slices.Clone(s.concepts) }

// SHACLQuads returns the shapes as SHACL, in [GraphShapes]; see
// [Schema.WriteSHACL].
func (s *Schema) SHACLQuads() []graph.Quad { return slices.Clone(s.shacl) }

// OntologyTurtle returns the embedded ontology document.
func OntologyTurtle() []byte { return bytes.Clone(ontologyTTL) }

// ConceptsTurtle returns the embedded concept schemes document.
func ConceptsTurtle() []byte { return bytes.Clone(conceptsTTL) }

// Concept returns the shipped concept with the given IRI.
func (s *Schema) Concept(iri string) (Concept, bool) {
	c, ok := s.conceptByIRI[iri]
	if !ok {
		return Concept{}, false
	}
	return c.clone(), true
}

// Concepts returns the concepts of the named scheme in the order of
// [Schemes], or nil for an unknown scheme.
func (s *Schema) Concepts(scheme string) []Concept {
	cs := s.byScheme[scheme]
	if cs == nil {
		return nil
	}
	out := make([]Concept, len(cs))
	for i, c := range cs {
		out[i] = c.clone()
	}
	return out
}

// clone returns a deep copy of c, so that callers cannot change the table.
func (c *Concept) clone() Concept {
	d := *c
	d.Labels = cloneMap(c.Labels)
	d.Definitions = cloneMap(c.Definitions)
	d.Broader = slices.Clone(c.Broader)
	d.Narrower = slices.Clone(c.Narrower)
	return d
}

func cloneMap(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Label returns the label (rdfs:label or skos:prefLabel) of a class,
// property, scheme or concept in lang, falling back to English, then to an
// untagged label, then to "".
func (s *Schema) Label(iri, lang string) string { return pick(s.labels[iri], lang) }

// Comment returns the rdfs:comment of a class or property, or the
// skos:definition of a scheme or concept, in lang, with the same fallbacks
// as [Schema.Label].
func (s *Schema) Comment(iri, lang string) string { return pick(s.comments[iri], lang) }

func pick(byLang map[string]string, lang string) string {
	for _, l := range []string{lang, "en", ""} {
		if v, ok := byLang[l]; ok {
			return v
		}
	}
	return ""
}

// SuperClasses returns class and every class it is a subclass of, directly
// or not, as the ontology says; for a class the ontology does not define it
// returns just class.
func (s *Schema) SuperClasses(class string) []string {
	if sc, ok := s.super[class]; ok {
		return slices.Clone(sc)
	}
	return []string{class}
}

// isA reports whether any of types is class or a subclass of it.
func (s *Schema) isA(types []string, class string) bool {
	for _, t := range types {
		if t == class {
			return true
		}
		if slices.Contains(s.super[t], class) {
			return true
		}
	}
	return false
}

// compact writes iri with a known prefix ("cg:sector"), or in angle
// brackets when none fits.
func compact(iri string) string {
	for _, p := range Prefixes() {
		if rest, ok := strings.CutPrefix(iri, p.IRI); ok && rest != "" && !strings.ContainsAny(rest, "/#") {
			return p.Name + ":" + rest
		}
	}
	return "<" + iri + ">"
}
