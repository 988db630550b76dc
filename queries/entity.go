package queries

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/graph-gophers/graphql-go"

	"civicgraph/graph"
	"civicgraph/schema"
)

// entity is what the store says about one subject, across all graphs: the
// values of each predicate, distinct and sorted.
type entity struct {
	r     *Resolver
	t     graph.Term
	props map[string][]graph.Term
}

// load reads everything said about t.
func (r *Resolver) load(v *graph.View, t graph.Term) (*entity, error) {
	e := &entity{r: r, t: t, props: map[string][]graph.Term{}}
	if t.Kind != graph.KindIRI && t.Kind != graph.KindBlank {
		return e, nil
	}
	for q, err := range v.Match(graph.Pattern{S: t}) {
		if err != nil {
			return nil, err
		}
		vals := e.props[q.P.Value]
		if !slices.Contains(vals, q.O) {
			e.props[q.P.Value] = append(vals, q.O)
		}
	}
	for _, vals := range e.props {
		slices.SortFunc(vals, graph.Compare)
	}
	return e, nil
}

// loadAll reads the entities ts in one snapshot.
func (r *Resolver) loadAll(ctx context.Context, ts []graph.Term) ([]*entity, error) {
	out := make([]*entity, 0, len(ts))
	err := r.view(ctx, func(v *graph.View) error {
		for _, t := range ts {
			e, err := r.load(v, t)
			if err != nil {
				return err
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// subjects returns the distinct subjects with predicate p and object o,
// sorted.
func subjects(v *graph.View, p string, o graph.Term) ([]graph.Term, error) {
	var out []graph.Term
	for q, err := range v.Match(graph.Pattern{P: graph.IRI(p), O: o}) {
		if err != nil {
			return nil, err
		}
		out = append(out, q.S)
	}
	slices.SortFunc(out, graph.Compare)
	return slices.Compact(out), nil
}

// links loads the IRI and blank values of preds.
func (e *entity) links(ctx context.Context, preds ...string) ([]*entity, error) {
	var ts []graph.Term
	for _, p := range preds {
		for _, t := range e.props[p] {
			if t.Kind == graph.KindIRI || t.Kind == graph.KindBlank {
				ts = append(ts, t)
			}
		}
	}
	slices.SortFunc(ts, graph.Compare)
	return e.r.loadAll(ctx, slices.Compact(ts))
}

// link loads the first IRI or blank value of pred, or nil.
func (e *entity) link(ctx context.Context, pred string) (*entity, error) {
	es, err := e.links(ctx, pred)
	if err != nil || len(es) == 0 {
		return nil, err
	}
	return es[0], nil
}

// has reports whether e is typed with class.
func (e *entity) has(class string) bool {
	return slices.Contains(e.props[schema.RDFType], graph.IRI(class))
}

// Kinds of node, one per GraphQL type that implements Node.
const (
	kindResource       = "Resource"
	kindActor          = "Actor"
	kindAdministration = "Administration"
	kindMission        = "Mission"
	kindProcurement    = "Procurement"
	kindMechanism      = "Mechanism"
	kindEngagement     = "Engagement"
	kindReference      = "Reference"
	kindPerson         = "Person"
	kindConcept        = "Concept"
	kindStatement      = "Statement"
)

// kind says which GraphQL type e is, from its rdf:type values, the most
// specific first.
func (e *entity) kind() string {
	switch {
	case e.has(schema.ClassAdministration):
		return kindAdministration
	case e.has(schema.ClassActor):
		return kindActor
	case e.has(schema.ClassEngagement):
		return kindEngagement
	case e.has(schema.ClassProcurement):
		return kindProcurement
	case e.has(schema.ClassMission):
		return kindMission
	case e.has(schema.ClassMechanism):
		return kindMechanism
	case e.has(schema.ClassReference):
		return kindReference
	case e.has(schema.ClassStatement):
		return kindStatement
	case e.has(schema.ClassPerson):
		return kindPerson
	case e.has(schema.SKOSConcept):
		return kindConcept
	}
	return kindResource
}

// pickText returns the literal of vals in lang, else in English, else
// untagged, else the first literal; nil when there is none.
func pickText(vals []graph.Term, lang string) *string {
	var first *string
	for _, want := range []string{lang, "en", ""} {
		for _, v := range vals {
			if v.Kind != graph.KindLiteral {
				continue
			}
			if first == nil {
				first = &v.Value
			}
			if v.Lang == want {
				return &v.Value
			}
		}
	}
	return first
}

func (e *entity) text(pred, lang string) *string { return pickText(e.props[pred], lang) }

// str returns the first literal value of pred.
func (e *entity) str(pred string) *string {
	for _, v := range e.props[pred] {
		if v.Kind == graph.KindLiteral {
			return &v.Value
		}
	}
	return nil
}

// strs returns the lexical forms or IRIs of every value of pred.
func (e *entity) strs(preds ...string) []string {
	out := []string{}
	for _, p := range preds {
		for _, v := range e.props[p] {
			if v.Kind != graph.KindBlank && !slices.Contains(out, v.Value) {
				out = append(out, v.Value)
			}
		}
	}
	return out
}

// integer returns the first value of pred as an integer (a gYear, an
// xsd:integer), or nil.
func (e *entity) integer(pred string) *int32 {
	s := e.str(pred)
	if s == nil {
		return nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(*s), 10, 32)
	if err != nil {
		return nil
	}
	v := int32(n)
	return &v
}

// labelPreds are the predicates a label is taken from, in order.
func labelPreds() []string {
	return []string{schema.RDFSLabel, schema.SKOSPrefLabel, schema.FOAFName, schema.DCTermsTitle}
}

// descriptionPreds are the predicates a description is taken from, in order.
func descriptionPreds() []string {
	return []string{schema.DCTermsDescription, schema.SKOSDefinition, schema.RDFSComment}
}

// labelIn returns e's label in lang.
func (e *entity) labelIn(lang string) *string {
	for _, p := range labelPreds() {
		if s := e.text(p, lang); s != nil {
			return s
		}
	}
	if fam := e.str(schema.FOAFFamilyName); fam != nil {
		s := *fam
		if giv := e.str(schema.FOAFGivenName); giv != nil {
			s = *giv + " " + s
		}
		return &s
	}
	return nil
}

// LangArgs are the arguments of fields with a lang argument.
type LangArgs struct {
	Lang string
}

// ID resolves Node.id.
func (e *entity) ID() graphql.ID { return graphql.ID(e.r.idOf(e.t)) }

// IRI resolves Node.iri.
func (e *entity) IRI() string {
	if e.t.Kind == graph.KindBlank {
		return "_:" + e.t.Value
	}
	return e.t.Value
}

// Types resolves Node.types.
func (e *entity) Types() []string { return e.strs(schema.RDFType) }

// Label resolves Node.label.
func (e *entity) Label(args LangArgs) *string { return e.labelIn(args.Lang) }

// Description resolves Node.description.
func (e *entity) Description(args LangArgs) *string {
	for _, p := range descriptionPreds() {
		if s := e.text(p, args.Lang); s != nil {
			return s
		}
	}
	return nil
}

// PredicateArgs are the arguments of Node.properties.
type PredicateArgs struct {
	Predicate *string
}

// Property is a predicate and one value.
type Property struct {
	r    *Resolver
	pred string
	val  graph.Term
}

// Predicate resolves Property.predicate.
func (p *Property) Predicate() string { return p.pred }

// Value resolves Property.value.
func (p *Property) Value() *Term { return &Term{r: p.r, t: p.val} }

// Properties resolves Node.properties, sorted by predicate and value.
func (e *entity) Properties(args PredicateArgs) []*Property {
	preds := make([]string, 0, len(e.props))
	for p := range e.props {
		if args.Predicate == nil || *args.Predicate == p {
			preds = append(preds, p)
		}
	}
	slices.Sort(preds)
	var out []*Property
	for _, p := range preds {
		for _, v := range e.props[p] {
			out = append(out, &Property{r: e.r, pred: p, val: v})
		}
	}
	return out
}

// BacklinkArgs are the arguments of Node.backlinks.
type BacklinkArgs struct {
	Predicate *string
	First     int32
}

// Backlink is a subject linking to a node.
type Backlink struct {
	pred string
	subj *entity
}

// Predicate resolves Backlink.predicate.
func (b *Backlink) Predicate() string { return b.pred }

// Subject resolves Backlink.subject.
func (b *Backlink) Subject() *Node { return b.subj.node() }

// Backlinks resolves Node.backlinks: the first distinct (subject,
// predicate) pairs pointing at e, sorted by predicate and subject.
func (e *entity) Backlinks(ctx context.Context, args BacklinkArgs) ([]*Backlink, error) {
	if err := e.r.checkFirst(args.First); err != nil {
		return nil, err
	}
	var out []*Backlink
	err := e.r.view(ctx, func(v *graph.View) error {
		pat := graph.Pattern{O: e.t}
		if args.Predicate != nil {
			pat.P = graph.IRI(*args.Predicate)
		}
		type pair struct{ p, s graph.Term }
		var pairs []pair
		for q, err := range v.Match(pat) {
			if err != nil {
				return err
			}
			pairs = append(pairs, pair{q.P, q.S})
		}
		slices.SortFunc(pairs, func(a, b pair) int {
			if c := graph.Compare(a.p, b.p); c != 0 {
				return c
			}
			return graph.Compare(a.s, b.s)
		})
		pairs = slices.Compact(pairs)
		for i, p := range pairs {
			if i == int(args.First) {
				break
			}
			s, err := e.r.load(v, p.s)
			if err != nil {
				return err
			}
			out = append(out, &Backlink{pred: p.p.Value, subj: s})
		}
		return nil
	})
	return out, err
}

// checkFirst checks a page size argument.
func (r *Resolver) checkFirst(first int32) error {
	if first < 0 {
		return errorf(CodeBadInput, "first is %d; it must not be negative", first)
	}
	if int(first) > r.opts.MaxPage {
		return LimitError("page size", r.opts.MaxPage, "first "+strconv.Itoa(int(first)))
	}
	return nil
}

// Term is an RDF term.
type Term struct {
	r *Resolver
	t graph.Term
}

// Kind resolves Term.kind.
func (t *Term) Kind() string {
	switch t.t.Kind {
	case graph.KindBlank:
		return "BLANK"
	case graph.KindLiteral:
		return "LITERAL"
	}
	return "IRI"
}

// Value resolves Term.value.
func (t *Term) Value() string { return t.t.Value }

// Datatype resolves Term.datatype.
func (t *Term) Datatype() *string {
	if t.t.Kind != graph.KindLiteral {
		return nil
	}
	d := t.t.DatatypeIRI()
	return &d
}

// Lang resolves Term.lang.
func (t *Term) Lang() *string {
	if t.t.Lang == "" {
		return nil
	}
	return &t.t.Lang
}

// Node resolves Term.node.
func (t *Term) Node(ctx context.Context) (*Node, error) {
	if t.t.Kind == graph.KindLiteral {
		return nil, nil
	}
	es, err := t.r.loadAll(ctx, []graph.Term{t.t})
	if err != nil {
		return nil, err
	}
	return es[0].node(), nil
}
