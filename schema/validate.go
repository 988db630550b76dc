package schema

import (
	"cmp"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"civicgraph/graph"
)

// Violation codes: what kind of constraint a [Violation] breaks.
const (
	CodeMinCount   = "min-count"   // fewer values than the shape's Min
	CodeMaxCount   = "max-count"   // more values than the shape's Max
	CodeNodeKind   = "node-kind"   // a literal where an IRI was expected, or the reverse
	CodeDatatype   = "datatype"    // a literal of a datatype the shape does not allow
	CodeLexical    = "lexical"     // a literal whose lexical form is not valid for its datatype
	CodePattern    = "pattern"     // a literal that does not match the shape's pattern
	CodeIRI        = "iri"         // an IRI value that is not absolute
	CodeClass      = "class"       // a value typed with none of the expected classes
	CodeUntyped    = "untyped"     // a value whose types are unknown (only with Options.RequireTypedTargets)
	CodeScheme     = "scheme"      // a value that is not a concept of the expected scheme
	CodeTopConcept = "top-concept" // a concept that is not a top concept of its scheme
	CodeUniqueLang = "unique-lang" // two values in the same language
	CodeWith       = "with"        // a property present without a property it needs
	CodeAnyOf      = "any-of"      // none of a group of properties present
	CodeType       = "type"        // an entity lacking one of the additional types its shape needs
)

// Violation is one broken constraint: which entity (Focus, an IRI or
// "_:label"), which property (Path), what value was found (Value, in
// N-Triples syntax, "" when the problem is a missing value), what was
// expected, and a Code from the Code constants. Severity is that of the
// shape broken: a [SeverityWarning] reports a value kept for want of a
// better one, and does not make the data invalid (see [Violations.Errors]).
type Violation struct {
	Focus    string
	Path     string
	Value    string
	Expected string
	Code     string
	Severity Severity
}

// Error returns the violation as one line naming the entity, the property,
// the value found and what was expected.
func (v Violation) Error() string {
	found := v.Value
	if found == "" {
		found = "no value"
	}
	if v.Severity == SeverityWarning {
		return fmt.Sprintf("schema: warning: %s %s: found %s, expected %s (%s)", v.Focus, compact(v.Path), found, v.Expected, v.Code)
	}
	return fmt.Sprintf("schema: %s %s: found %s, expected %s (%s)", v.Focus, compact(v.Path), found, v.Expected, v.Code)
}

// Is makes errors.Is(v, [ErrViolation]) true.
func (v Violation) Is(target error) bool { return target == ErrViolation }

// Violations is the result of a validation, sorted by focus, path, code
// and value.
type Violations []Violation

// Errors returns the violations that are not warnings, and the warnings,
// each in the order of vs. Data is valid when the first is empty.
func (vs Violations) Errors() (errs, warnings Violations) {
	for _, v := range vs {
		if v.Severity == SeverityWarning {
			warnings = append(warnings, v)
		} else {
			errs = append(errs, v)
		}
	}
	return errs, warnings
}

// Err returns nil when vs is empty, and otherwise an error that lists the
// violations, one per line, and matches [ErrViolation].
func (vs Violations) Err() error {
	if len(vs) == 0 {
		return nil
	}
	errs := make([]error, len(vs))
	for i, v := range vs {
		errs[i] = v
	}
	return errors.Join(errs...)
}

// Options adjusts [Schema.ValidateWith] for data that refers to entities
// and concepts outside the quads being validated, such as those already in
// the store.
type Options struct {
	// TypesOf, when not nil, returns the rdf:type IRIs of a value that the
	// quads do not type, so that class constraints can be checked against
	// the store.
	TypesOf func(graph.Term) []string
	// SchemesOf, when not nil, returns the IRIs of the schemes a concept the
	// quads do not describe is in, for schemes extended beyond concepts.ttl.
	SchemesOf func(graph.Term) []string
	// RequireTypedTargets makes a value whose types cannot be found at all a
	// violation ([CodeUntyped]) wherever a class is expected. Without it
	// such values pass, because they may be described elsewhere.
	RequireTypedTargets bool
}

// node is what the validated quads say about one subject, whatever graph
// each quad is in.
type node struct {
	props map[string][]graph.Term // predicate IRI → distinct objects in input order
	types []string
}

// index is the validated quads, grouped by subject.
type index struct {
	nodes    map[graph.Term]*node
	subjects []graph.Term // in first-seen order
}

func newIndex(quads []graph.Quad) *index {
	ix := &index{nodes: map[graph.Term]*node{}}
	type po struct{ p, o graph.Term }
	seen := map[graph.Term]map[po]bool{}
	for _, q := range quads {
		n := ix.nodes[q.S]
		if n == nil {
			n = &node{props: map[string][]graph.Term{}}
			ix.nodes[q.S] = n
			ix.subjects = append(ix.subjects, q.S)
			seen[q.S] = map[po]bool{}
		}
		if seen[q.S][po{q.P, q.O}] {
			continue
		}
		seen[q.S][po{q.P, q.O}] = true
		n.props[q.P.Value] = append(n.props[q.P.Value], q.O)
		if q.P.Value == RDFType && q.O.Kind == graph.KindIRI {
			n.types = append(n.types, q.O.Value)
		}
	}
	return ix
}

// values returns the objects of subject t for predicate p.
func (ix *index) values(t graph.Term, p string) []graph.Term {
	if n := ix.nodes[t]; n != nil {
		return n.props[p]
	}
	return nil
}

// Validate checks every entity in quads against the shapes of its classes
// and returns every violation found, or nil. Entities are the subjects with
// an rdf:type; a subject typed with a subclass (cg:Administration) is also
// checked against the shapes of its superclasses (cg:Actor). Quads are taken
// together whatever their graph. Values from a concept scheme must be
// concepts of concepts.ttl, or concepts the quads themselves put in that
// scheme. Class constraints are checked for values the quads type; see
// [Schema.ValidateWith] for values described elsewhere.
func (s *Schema) Validate(quads []graph.Quad) Violations {
	return s.ValidateWith(quads, Options{})
}

// ValidateWith is [Schema.Validate] with options.
func (s *Schema) ValidateWith(quads []graph.Quad, opt Options) Violations {
	ix := newIndex(quads)
	var vs Violations
	for _, subj := range ix.subjects {
		n := ix.nodes[subj]
		if len(n.types) == 0 {
			continue
		}
		for i := range s.shapes {
			sh := &s.shapes[i]
			if s.isA(n.types, sh.Class) {
				vs = s.checkShape(vs, ix, opt, subj, n, sh)
			}
		}
	}
	slices.SortFunc(vs, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Focus, b.Focus), cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Code, b.Code), cmp.Compare(a.Value, b.Value))
	})
	return slices.Compact(vs)
}

// focusName returns the subject as Violation.Focus shows it.
func focusName(t graph.Term) string {
	if t.Kind == graph.KindBlank {
		return "_:" + t.Value
	}
	return t.Value
}

func (s *Schema) checkShape(vs Violations, ix *index, opt Options, subj graph.Term, n *node, sh *compiledShape) Violations {
	focus := focusName(subj)
	severity := SeverityViolation
	add := func(path string, value, expected, code string) {
		vs = append(vs, Violation{Focus: focus, Path: path, Value: value, Expected: expected, Code: code, Severity: severity})
	}
	if len(sh.TypeIn) > 0 && !slices.ContainsFunc(sh.TypeIn, func(c string) bool { return s.isA(n.types, c) }) {
		names := make([]string, len(sh.TypeIn))
		for i, c := range sh.TypeIn {
			names[i] = compact(c)
		}
		add(RDFType, joinIRIs(n.types), "also one of the types "+strings.Join(names, ", "), CodeType)
	}
	for _, group := range sh.AnyOf {
		if !slices.ContainsFunc(group, func(p string) bool { return len(n.props[p]) > 0 }) {
			names := make([]string, len(group))
			for i, p := range group {
				names[i] = compact(p)
			}
			add(group[0], "", "a value for at least one of "+strings.Join(names, ", "), CodeAnyOf)
		}
	}
	for i := range sh.Properties {
		p := &sh.Properties[i]
		severity = p.Severity
		vals := n.props[p.Path]
		if len(vals) < p.Min && !(len(vals) == 0 && notStated(n, p.Path)) {
			add(p.Path, "", fmt.Sprintf("at least %d value(s): %s", p.Min, p.Description), CodeMinCount)
		}
		if p.Max > 0 && len(vals) > p.Max {
			add(p.Path, joinTerms(vals), fmt.Sprintf("at most %d value(s): %s", p.Max, p.Description), CodeMaxCount)
		}
		if len(vals) > 0 {
			for _, w := range p.With {
				if len(n.props[w]) == 0 {
					add(w, "", fmt.Sprintf("a value, because %s has one", compact(p.Path)), CodeWith)
				}
			}
		}
		if p.UniqueLang {
			langs := map[string]int{}
			for _, v := range vals {
				if v.Kind == graph.KindLiteral && v.Lang != "" {
					langs[strings.ToLower(v.Lang)]++
					if langs[strings.ToLower(v.Lang)] == 2 {
						add(p.Path, v.String(), "at most one value in language "+v.Lang, CodeUniqueLang)
					}
				}
			}
		}
		for _, v := range vals {
			if msg, code := s.checkValue(ix, opt, p, sh.patterns[i], v); code != "" {
				add(p.Path, v.String(), msg, code)
			}
		}
	}
	return vs
}

// checkValue checks one value against p and returns what was expected and
// the violation code, or "", "" when the value conforms.
func (s *Schema) checkValue(ix *index, opt Options, p *PropertyShape, re *regexp.Regexp, v graph.Term) (string, string) {
	isNode := v.Kind == graph.KindIRI || v.Kind == graph.KindBlank
	switch {
	case p.Kind == ValueNode && !isNode:
		return ValueNode.String() + ": " + p.Description, CodeNodeKind
	case p.Kind == ValueLiteral && v.Kind != graph.KindLiteral:
		return ValueLiteral.String() + ": " + p.Description, CodeNodeKind
	}
	if v.Kind == graph.KindLiteral {
		if len(p.Datatypes) > 0 && !slices.Contains(p.Datatypes, v.DatatypeIRI()) {
			return "a literal of type " + joinCompact(p.Datatypes) + ": " + p.Description, CodeDatatype
		}
		if !validLexical(v) {
			return "a valid " + compact(v.DatatypeIRI()), CodeLexical
		}
		if re != nil && !re.MatchString(v.Value) {
			return "a value matching " + p.Pattern + ": " + p.Description, CodePattern
		}
		return "", ""
	}
	if v.Kind == graph.KindIRI && !absoluteIRI(v.Value) {
		return "an absolute IRI", CodeIRI
	}
	// As in SHACL, a pattern applies to an IRI too, and no blank node
	// matches one.
	if re != nil && (v.Kind == graph.KindBlank || !re.MatchString(v.Value)) {
		return "a value matching " + p.Pattern + ": " + p.Description, CodePattern
	}
	if p.Scheme != "" {
		if !s.inScheme(ix, opt, v, p.Scheme) {
			return "a concept of the scheme " + SchemeIRI(p.Scheme) + ": " + p.Description, CodeScheme
		}
		if p.TopConcept && !s.isTopConcept(ix, v, p.Scheme) {
			return "a top concept of the scheme " + SchemeIRI(p.Scheme) + ": " + p.Description, CodeTopConcept
		}
	}
	if len(p.Classes) > 0 {
		types := s.typesOf(ix, opt, v)
		switch {
		case len(types) == 0 && opt.RequireTypedTargets:
			return "an instance of " + joinCompact(p.Classes) + ", described somewhere", CodeUntyped
		case len(types) > 0 && !slices.ContainsFunc(p.Classes, func(c string) bool { return s.isA(types, c) }):
			return "an instance of " + joinCompact(p.Classes) + ": " + p.Description, CodeClass
		}
	}
	return "", ""
}

// typesOf returns the types of v, from the quads or else from opt.TypesOf.
func (s *Schema) typesOf(ix *index, opt Options, v graph.Term) []string {
	if n := ix.nodes[v]; n != nil && len(n.types) > 0 {
		return n.types
	}
	if opt.TypesOf != nil {
		return opt.TypesOf(v)
	}
	return nil
}

// inScheme reports whether v is a concept of the named scheme: shipped in
// concepts.ttl, put in the scheme by the quads, or so reported by
// opt.SchemesOf.
func (s *Schema) inScheme(ix *index, opt Options, v graph.Term, scheme string) bool {
	if c, ok := s.conceptByIRI[v.Value]; ok && v.Kind == graph.KindIRI {
		return c.Scheme == scheme
	}
	want := SchemeIRI(scheme)
	for _, sc := range ix.values(v, SKOSInScheme) {
		if sc.Kind == graph.KindIRI && sc.Value == want {
			return true
		}
	}
	if opt.SchemesOf != nil {
		return slices.Contains(opt.SchemesOf(v), want)
	}
	return false
}

// isTopConcept reports whether v is a top concept of the named scheme.
func (s *Schema) isTopConcept(ix *index, v graph.Term, scheme string) bool {
	if c, ok := s.conceptByIRI[v.Value]; ok && v.Kind == graph.KindIRI {
		return c.Top
	}
	want := graph.IRI(SchemeIRI(scheme))
	return slices.Contains(ix.values(v, SKOSTopConceptOf), want) ||
		slices.Contains(ix.values(want, SKOSHasTopConcept), v)
}

// absoluteIRI reports whether iri has a scheme and no characters that IRIs
// forbid.
func absoluteIRI(iri string) bool {
	i := strings.IndexByte(iri, ':')
	if i < 1 || strings.ContainsAny(iri, " <>\"{}|\\^`\t\n\r") {
		return false
	}
	for j, r := range iri[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || j > 0 && (r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}

// Lexical forms of the XSD datatypes the shapes use.
var (
	reInteger    = regexp.MustCompile(`^[+-]?[0-9]+$`)
	reDecimal    = regexp.MustCompile(`^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$`)
	reTimezone   = `(Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?`
	reGYear      = regexp.MustCompile(`^-?([1-9][0-9]{4,}|[0-9]{4})` + reTimezone + `$`)
	reGYearMonth = regexp.MustCompile(`^-?([1-9][0-9]{4,}|[0-9]{4})-(0[1-9]|1[0-2])` + reTimezone + `$`)
	reDate       = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})` + reTimezone + `$`)
	reDateTime   = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?` + reTimezone + `$`)
	reLangTag    = regexp.MustCompile(`^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$`)
)

// validLexical reports whether the lexical form of literal v is valid for
// its datatype. Datatypes it does not know are taken as valid.
func validLexical(v graph.Term) bool {
	switch v.DatatypeIRI() {
	case XSDInteger:
		return reInteger.MatchString(v.Value)
	case XSDDecimal:
		return reDecimal.MatchString(v.Value)
	case XSDBoolean:
		switch v.Value {
		case "true", "false", "1", "0":
			return true
		}
		return false
	case XSDGYear:
		return reGYear.MatchString(v.Value)
	case XSDGYearMonth:
		return reGYearMonth.MatchString(v.Value)
	case XSDDate:
		if !reDate.MatchString(v.Value) {
			return false
		}
		_, err := time.Parse("2006-01-02", v.Value[:10])
		return err == nil
	case XSDDateTime:
		if !reDateTime.MatchString(v.Value) {
			return false
		}
		_, err := time.Parse("2006-01-02", v.Value[:10])
		return err == nil
	case XSDLanguage:
		return reLangTag.MatchString(v.Value)
	case RDFLangString:
		return reLangTag.MatchString(v.Lang)
	}
	return true
}

func joinTerms(ts []graph.Term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, ", ")
}

func joinIRIs(iris []string) string {
	parts := make([]string, len(iris))
	for i, iri := range iris {
		parts[i] = "<" + iri + ">"
	}
	return strings.Join(parts, ", ")
}

func joinCompact(iris []string) string {
	parts := make([]string, len(iris))
	for i, iri := range iris {
		parts[i] = compact(iri)
	}
	return strings.Join(parts, " or ")
}

// notStated reports whether the node says its source gives no value for
// path (cg:notStated path).
func notStated(n *node, path string) bool {
	for _, v := range n.props[PropNotStated] {
		if v.Kind == graph.KindIRI && v.Value == path {
			return true
		}
	}
	return false
}
