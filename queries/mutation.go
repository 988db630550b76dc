package queries

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// MaxWriteQuads bounds the quads one mutation may add or remove; a bigger
// change belongs to an import.
const MaxWriteQuads = 10000

// apiGraph is the named graph mutations write to unless told otherwise.
func apiGraph() graph.Term { return graph.IRI(schema.GraphIRI("api")) }

// canWrite refuses writes on a read-only server and without the token.
func (r *Resolver) canWrite(ctx context.Context) error {
	if r.opts.ReadOnly {
		return errorf(CodeForbidden, "the server is read-only")
	}
	if r.opts.Authorized == nil || !r.opts.Authorized(ctx) {
		return errorf(CodeUnauthorized, "writes need a valid bearer token")
	}
	return nil
}

// update runs fn in a write transaction and turns store errors into client
// errors.
func (r *Resolver) update(ctx context.Context, fn func(*graph.Txn) error) error {
	err := r.store.Update(ctx, fn)
	switch {
	case errors.Is(err, graph.ErrTooBig):
		return LimitError("transaction size", "the store's", "the change")
	case errors.Is(err, graph.ErrReadOnly):
		return errorf(CodeForbidden, "the store is read-only")
	}
	return clientError(ctx, err)
}

// ValueTerm reads a property value: <iri>, _:label, a literal in N-Triples
// syntax, an absolute IRI (scheme://... or urn:...), or else plain text as
// a string literal.
func ValueTerm(s string) (graph.Term, error) {
	switch {
	case strings.HasPrefix(s, "<"), strings.HasPrefix(s, "_:"), strings.HasPrefix(s, `"`):
		return ParseTerm(s)
	case absoluteIRI(s):
		return graph.IRI(s), nil
	}
	return graph.String(s), nil
}

var iriPattern = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*://|urn:|mailto:)\S+$`)

func absoluteIRI(s string) bool { return iriPattern.MatchString(s) }

// TripleInput is a triple to add or remove.
type TripleInput struct {
	Subject, Predicate, Object string
}

// TriplesMutationArgs are the arguments of addTriples and removeTriples.
type TriplesMutationArgs struct {
	Triples []TripleInput
	Graph   *string
}

// quadsOf parses triples into quads in graph g.
func quadsOf(ts []TripleInput, g graph.Term) ([]graph.Quad, error) {
	if len(ts) > MaxWriteQuads {
		return nil, LimitError("write size", MaxWriteQuads, fmt.Sprintf("%d triples", len(ts)))
	}
	out := make([]graph.Quad, 0, len(ts))
	for i, t := range ts {
		s := nodeTerm(strings.TrimSuffix(strings.TrimPrefix(t.Subject, "<"), ">"))
		p := graph.IRI(strings.TrimSuffix(strings.TrimPrefix(t.Predicate, "<"), ">"))
		if s.Kind == graph.KindIRI && !absoluteIRI(s.Value) || s.Value == "" {
			return nil, errorf(CodeBadInput, "triples[%d].subject %q: expected an absolute IRI or _:label", i, t.Subject)
		}
		if !absoluteIRI(p.Value) {
			return nil, errorf(CodeBadInput, "triples[%d].predicate %q: expected an absolute IRI", i, t.Predicate)
		}
		o, err := ValueTerm(t.Object)
		if err != nil {
			return nil, errorf(CodeBadInput, "triples[%d].object: %s", i, err)
		}
		out = append(out, graph.Quad{S: s, P: p, O: o, G: g})
	}
	return out, nil
}

// AddTriples resolves Mutation.addTriples.
func (r *Resolver) AddTriples(ctx context.Context, args TriplesMutationArgs) (int32, error) {
	if err := r.canWrite(ctx); err != nil {
		return 0, err
	}
	g := apiGraph()
	if args.Graph != nil {
		g = nodeTerm(*args.Graph)
	}
	qs, err := quadsOf(args.Triples, g)
	if err != nil {
		return 0, err
	}
	var n int32
	err = r.update(ctx, func(t *graph.Txn) error {
		for _, q := range qs {
			had, err := t.Has(q)
			if err != nil {
				return err
			}
			if !had {
				n++
			}
			if err := t.Add(q); err != nil {
				return err
			}
		}
		return nil
	})
	return n, err
}

// RemoveTriples resolves Mutation.removeTriples.
func (r *Resolver) RemoveTriples(ctx context.Context, args TriplesMutationArgs) (int32, error) {
	if err := r.canWrite(ctx); err != nil {
		return 0, err
	}
	var g graph.Term
	if args.Graph != nil {
		g = nodeTerm(*args.Graph)
	}
	qs, err := quadsOf(args.Triples, g)
	if err != nil {
		return 0, err
	}
	var n int32
	err = r.update(ctx, func(t *graph.Txn) error {
		for _, q := range qs {
			p := graph.Pattern{S: q.S, P: q.P, O: q.O, G: q.G}
			k, err := t.DeleteMatch(p)
			if err != nil {
				return err
			}
			n += int32(k)
		}
		return nil
	})
	return n, err
}

// PropertyInput is values of one property.
type PropertyInput struct {
	Predicate string
	Values    []string
}

// EntityInput is an entity to create or update.
type EntityInput struct {
	IRI        *string
	Class      *string
	Label      *string
	Lang       string
	Properties *[]PropertyInput
}

// EntityArgs are the arguments of createEntity and updateEntity.
type EntityArgs struct {
	Input EntityInput
}

// classIRI resolves a class name (Actor, Procurement, ...) or IRI.
func classIRI(c string) (string, error) {
	if absoluteIRI(c) {
		return c, nil
	}
	for _, sh := range schema.Shapes() {
		if sh.Kind != "" && strings.TrimPrefix(sh.Class, schema.NS) == c || sh.Class == schema.ClassPerson && c == "Person" {
			return sh.Class, nil
		}
	}
	return "", errorf(CodeBadInput, "class %q: expected Actor, Administration, Mission, Procurement, Mechanism, Engagement, Reference, Person, Statement or a class IRI", c)
}

// kindOf returns the IRI kind of a class's instances.
func kindOf(class string) string {
	for _, sh := range schema.Shapes() {
		if sh.Class == class {
			return sh.Kind
		}
	}
	return ""
}

// namingPredicate is the predicate a class's label is stored with.
func namingPredicate(class string) string {
	switch class {
	case schema.ClassMission, schema.ClassProcurement, schema.ClassReference, schema.ClassStatement:
		return schema.DCTermsTitle
	case schema.ClassPerson:
		return schema.FOAFName
	}
	return schema.RDFSLabel
}

// propertyQuads turns property inputs into quads of s in graph g.
func propertyQuads(s graph.Term, props *[]PropertyInput, g graph.Term) ([]graph.Quad, []string, error) {
	if props == nil {
		return nil, nil, nil
	}
	var out []graph.Quad
	var preds []string
	for i, p := range *props {
		pred := strings.TrimSuffix(strings.TrimPrefix(p.Predicate, "<"), ">")
		if !absoluteIRI(pred) {
			return nil, nil, errorf(CodeBadInput, "properties[%d].predicate %q: expected an absolute IRI", i, p.Predicate)
		}
		preds = append(preds, pred)
		for j, v := range p.Values {
			o, err := ValueTerm(v)
			if err != nil {
				return nil, nil, errorf(CodeBadInput, "properties[%d].values[%d]: %s", i, j, err)
			}
			out = append(out, graph.Quad{S: s, P: graph.IRI(pred), O: o, G: g})
		}
	}
	if len(out) > MaxWriteQuads {
		return nil, nil, LimitError("write size", MaxWriteQuads, fmt.Sprintf("%d values", len(out)))
	}
	return out, preds, nil
}

// validate checks the entity described by quads against the shapes, with
// the types and schemes of the things it links to taken from the store.
func (r *Resolver) validate(v *graph.View, quads []graph.Quad) error {
	lookup := func(p string) func(graph.Term) []string {
		return func(t graph.Term) []string {
			var out []string
			for q, err := range v.Match(graph.Pattern{S: t, P: graph.IRI(p)}) {
				if err != nil {
					return out
				}
				out = append(out, q.O.Value)
			}
			return out
		}
	}
	vs, _ := r.sc.ValidateWith(quads, schema.Options{
		TypesOf: lookup(schema.RDFType), SchemesOf: lookup(schema.SKOSInScheme), RequireTypedTargets: true,
	}).Errors() // warnings (a value kept for want of a better one) do not refuse a write
	if len(vs) == 0 {
		return nil
	}
	list := make([]map[string]any, len(vs))
	for i, x := range vs {
		list[i] = map[string]any{"focus": x.Focus, "property": x.Path, "value": x.Value, "expected": x.Expected, "constraint": x.Code}
	}
	msg := vs[0].Error()
	if len(vs) > 1 {
		msg = fmt.Sprintf("%s (and %d more violations)", msg, len(vs)-1)
	}
	return &Error{Code: CodeValidation, Message: strings.TrimPrefix(msg, "schema: "), Details: map[string]any{"violations": list}, Cause: vs.Err()}
}

// describe returns every quad with subject t.
func describe(v *graph.View, t graph.Term) ([]graph.Quad, error) {
	var out []graph.Quad
	for q, err := range v.Match(graph.Pattern{S: t}) {
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// write validates the entity's quads after a change (del removed, add
// added) and applies the change, all against one snapshot; the write
// fails with ALREADY_EXISTS when mustBeNew and the subject has appeared.
func (r *Resolver) write(ctx context.Context, s graph.Term, del, add []graph.Quad, mustBeNew bool) error {
	err := r.view(ctx, func(v *graph.View) error {
		cur, err := describe(v, s)
		if err != nil {
			return err
		}
		if mustBeNew && len(cur) > 0 {
			return errorf(CodeAlreadyExists, "%s already exists", s.Value)
		}
		if !mustBeNew && len(cur) == 0 {
			return errorf(CodeNotFound, "%s is not in the store", s.Value)
		}
		gone := map[graph.Quad]bool{}
		for _, q := range del {
			gone[q] = true
		}
		var after []graph.Quad
		for _, q := range cur {
			if !gone[q] {
				after = append(after, q)
			}
		}
		return r.validate(v, append(after, add...))
	})
	if err != nil {
		return err
	}
	return r.update(ctx, func(t *graph.Txn) error {
		if mustBeNew {
			// Another request may have created it since the snapshot.
			had, err := t.Has(add[0])
			if err != nil {
				return err
			}
			if had {
				return errorf(CodeAlreadyExists, "%s already exists", s.Value)
			}
		}
		for _, q := range del {
			if err := t.Delete(q); err != nil {
				return err
			}
		}
		for _, q := range add {
			if err := t.Add(q); err != nil {
				return err
			}
		}
		return nil
	})
}

// loadNode loads t after a write.
func (r *Resolver) loadNode(ctx context.Context, t graph.Term) (*Node, error) {
	es, err := r.loadAll(ctx, []graph.Term{t})
	if err != nil {
		return nil, err
	}
	return es[0].node(), nil
}

// CreateEntity resolves Mutation.createEntity.
func (r *Resolver) CreateEntity(ctx context.Context, args EntityArgs) (*Node, error) {
	if err := r.canWrite(ctx); err != nil {
		return nil, err
	}
	in := args.Input
	if in.Class == nil {
		return nil, errorf(CodeBadInput, "class is required to create an entity")
	}
	class, err := classIRI(*in.Class)
	if err != nil {
		return nil, err
	}
	var s graph.Term
	switch {
	case in.IRI != nil:
		s = nodeTerm(*in.IRI)
		if s.Kind == graph.KindIRI && !absoluteIRI(s.Value) {
			return nil, errorf(CodeBadInput, "iri %q: expected an absolute IRI", *in.IRI)
		}
	case in.Label != nil && kindOf(class) != "" && schema.Slug(*in.Label) != "":
		s = graph.IRI(schema.EntityIRI(r.opts.Base, kindOf(class), schema.Slug(*in.Label)))
	default:
		return nil, errorf(CodeBadInput, "give an iri, or a label to mint one from")
	}
	g := apiGraph()
	add := []graph.Quad{{S: s, P: graph.IRI(schema.RDFType), O: graph.IRI(class), G: g}}
	if in.Label != nil {
		add = append(add, graph.Quad{S: s, P: graph.IRI(namingPredicate(class)), O: langLiteral(*in.Label, in.Lang), G: g})
	}
	more, _, err := propertyQuads(s, in.Properties, g)
	if err != nil {
		return nil, err
	}
	if err := r.write(ctx, s, nil, append(add, more...), true); err != nil {
		return nil, err
	}
	return r.loadNode(ctx, s)
}

func langLiteral(s, lang string) graph.Term {
	if lang == "" {
		return graph.String(s)
	}
	return graph.LangLiteral(s, lang)
}

// UpdateEntity resolves Mutation.updateEntity: the values of each property
// named (and of the naming property in lang, when label is given) are
// replaced, in every graph.
func (r *Resolver) UpdateEntity(ctx context.Context, args EntityArgs) (*Node, error) {
	if err := r.canWrite(ctx); err != nil {
		return nil, err
	}
	in := args.Input
	if in.IRI == nil {
		return nil, errorf(CodeBadInput, "iri is required to update an entity")
	}
	s := r.termOfID(strings.TrimSpace(*in.IRI))
	g := apiGraph()
	add, preds, err := propertyQuads(s, in.Properties, g)
	if err != nil {
		return nil, err
	}
	var del []graph.Quad
	err = r.view(ctx, func(v *graph.View) error {
		cur, err := describe(v, s)
		if err != nil {
			return err
		}
		e := &entity{r: r, t: s, props: map[string][]graph.Term{}}
		for _, q := range cur {
			e.props[q.P.Value] = append(e.props[q.P.Value], q.O)
		}
		class := ""
		if in.Class != nil {
			if class, err = classIRI(*in.Class); err != nil {
				return err
			}
		} else {
			class = kindClass(e.kind())
		}
		naming := namingPredicate(class)
		for _, q := range cur {
			switch {
			case containsString(preds, q.P.Value):
				del = append(del, q)
			case in.Label != nil && q.P.Value == naming && q.O.Lang == in.Lang:
				del = append(del, q)
			}
		}
		if in.Label != nil {
			add = append(add, graph.Quad{S: s, P: graph.IRI(naming), O: langLiteral(*in.Label, in.Lang), G: g})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := r.write(ctx, s, del, add, false); err != nil {
		return nil, err
	}
	return r.loadNode(ctx, s)
}

// kindClass maps a GraphQL type name back to its class IRI.
func kindClass(kind string) string {
	switch kind {
	case kindPerson:
		return schema.ClassPerson
	case kindConcept:
		return schema.SKOSConcept
	case kindResource:
		return ""
	}
	return schema.NS + kind
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// IRIArgs are the arguments of deleteEntity.
type IRIArgs struct {
	IRI string
}

// DeleteEntity resolves Mutation.deleteEntity.
func (r *Resolver) DeleteEntity(ctx context.Context, args IRIArgs) (int32, error) {
	if err := r.canWrite(ctx); err != nil {
		return 0, err
	}
	s := r.termOfID(strings.TrimSpace(args.IRI))
	var n int32
	err := r.update(ctx, func(t *graph.Txn) error {
		a, err := t.DeleteMatch(graph.Pattern{S: s})
		if err != nil {
			return err
		}
		b, err := t.DeleteMatch(graph.Pattern{O: s})
		if err != nil {
			return err
		}
		if a+b > MaxWriteQuads {
			return LimitError("write size", MaxWriteQuads, fmt.Sprintf("deleting %d triples", a+b))
		}
		n = int32(a + b)
		if n == 0 {
			return errorf(CodeNotFound, "%s is not in the store", args.IRI)
		}
		return nil
	})
	return n, err
}

// EngagementInput is a new Engagement.
type EngagementInput struct {
	IRI            *string
	Actor          string
	Procurement    *string
	Mission        *string
	Stage          string
	Mechanism      *string
	InfluenceLevel *string
	Role           *string
	Date           *string
	Evidence       *[]string
}

// EngagementArgs are the arguments of createEngagement.
type EngagementArgs struct {
	Input EngagementInput
}

var datePattern = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)

// conceptTerm reads a concept argument: an IRI or a code of scheme.
func conceptTerm(v, scheme string) graph.Term {
	if absoluteIRI(v) {
		return graph.IRI(v)
	}
	return graph.IRI(schema.ConceptIRI(scheme, v))
}

// linkTerm reads an entity argument: an absolute IRI or an id.
func (r *Resolver) linkTerm(v string) graph.Term {
	if absoluteIRI(v) {
		return graph.IRI(v)
	}
	return r.termOfID(v)
}

// CreateEngagement resolves Mutation.createEngagement.
func (r *Resolver) CreateEngagement(ctx context.Context, args EngagementArgs) (*Engagement, error) {
	if err := r.canWrite(ctx); err != nil {
		return nil, err
	}
	in := args.Input
	actor := r.linkTerm(in.Actor)
	stage := conceptTerm(in.Stage, schema.SchemeLifecycle)
	var s graph.Term
	if in.IRI != nil {
		s = nodeTerm(*in.IRI)
	} else {
		target := ""
		switch {
		case in.Procurement != nil:
			target = *in.Procurement
		case in.Mission != nil:
			target = *in.Mission
		}
		last := func(x string) string { return x[strings.LastIndexAny(x, "/#")+1:] }
		slug := schema.Slug(last(target) + " " + last(actor.Value) + " " + last(stage.Value))
		s = graph.IRI(schema.EntityIRI(r.opts.Base, schema.KindEngagement, slug))
		if err := r.view(ctx, func(v *graph.View) error {
			for i := 2; i < 1000; i++ {
				n, err := v.Count(graph.Pattern{S: s})
				if err != nil || n == 0 {
					return err
				}
				s = graph.IRI(schema.EntityIRI(r.opts.Base, schema.KindEngagement, slug+"-"+strconv.Itoa(i)))
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	g := apiGraph()
	q := func(p string, o graph.Term) graph.Quad { return graph.Quad{S: s, P: graph.IRI(p), O: o, G: g} }
	add := []graph.Quad{
		q(schema.RDFType, graph.IRI(schema.ClassEngagement)),
		q(schema.PropActor, actor),
		q(schema.PropStage, stage),
	}
	if in.Procurement != nil {
		add = append(add, q(schema.PropProcurement, r.linkTerm(*in.Procurement)))
	}
	if in.Mission != nil {
		add = append(add, q(schema.PropMission, r.linkTerm(*in.Mission)))
	}
	if in.Mechanism != nil {
		add = append(add, q(schema.PropMechanism, r.linkTerm(*in.Mechanism)))
	}
	if in.InfluenceLevel != nil {
		add = append(add, q(schema.PropInfluenceLevel, conceptTerm(*in.InfluenceLevel, schema.SchemeInfluence)))
	}
	if in.Role != nil {
		add = append(add, q(schema.PropRole, graph.LangLiteral(*in.Role, "en")))
	}
	if in.Date != nil {
		if !datePattern.MatchString(*in.Date) {
			return nil, errorf(CodeBadInput, "date %q: expected YYYY, YYYY-MM or YYYY-MM-DD", *in.Date)
		}
		dt := map[int]string{4: schema.XSDGYear, 7: schema.XSDGYearMonth, 10: schema.XSDDate}[len(*in.Date)]
		add = append(add, q(schema.DCTermsDate, graph.Literal(*in.Date, dt)))
	}
	if in.Evidence != nil {
		for _, e := range *in.Evidence {
			add = append(add, q(schema.PropEvidence, r.linkTerm(e)))
		}
	}
	if err := r.write(ctx, s, nil, add, true); err != nil {
		return nil, err
	}
	es, err := r.loadAll(ctx, []graph.Term{s})
	if err != nil {
		return nil, err
	}
	return asEngagement(es[0]), nil
}

// ImportResult says what an import did.
type ImportResult struct {
	GraphIRI     string // the graph the content replaced
	RecordsRead  int64  // statements or records read
	QuadsWritten int64  // quads written
}

// Graph resolves ImportResult.graph.
func (i ImportResult) Graph() string { return i.GraphIRI }

// Records resolves ImportResult.records.
func (i ImportResult) Records() int32 { return int32(min(i.RecordsRead, math.MaxInt32)) }

// Quads resolves ImportResult.quads.
func (i ImportResult) Quads() int32 { return int32(min(i.QuadsWritten, math.MaxInt32)) }

// ImportArgs are the arguments of importData.
type ImportArgs struct {
	Content string
	Format  string
	Name    string
}

// ImportData resolves Mutation.importData: an upload goes through the
// importers, atomically, into the graph of its source name.
func (r *Resolver) ImportData(ctx context.Context, args ImportArgs) (*ImportResult, error) {
	if err := r.canWrite(ctx); err != nil {
		return nil, err
	}
	if r.opts.Import == nil {
		return nil, errorf(CodeForbidden, "this server does not import uploads")
	}
	if strings.TrimSpace(args.Name) == "" {
		return nil, errorf(CodeBadInput, "name is empty")
	}
	res, err := r.opts.Import(ctx, args.Name, args.Format, strings.NewReader(args.Content))
	if err != nil {
		return nil, clientError(ctx, err)
	}
	return &res, nil
}
