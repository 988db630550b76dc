package queries

import (
	"context"
	"io"
	"strings"

	"civicgraph/graph"
	"civicgraph/queries/compare"
	"civicgraph/schema"
)

// Options configures a [Resolver]. The zero value of each field means the
// default named in its comment.
type Options struct {
	// Base is the base IRI of instances, used to shorten IRIs into ids;
	// "" means schema.DefaultBase.
	Base string
	// MaxPage is the largest page a list, backlinks or triples query may ask
	// for (its first argument); 0 means 1000.
	MaxPage int
	// MaxNodes bounds the nodes neighbors returns and the nodes paths may
	// visit; 0 means 10000.
	MaxNodes int
	// MaxDepth bounds the depth of neighbors and the length of paths; 0
	// means 6.
	MaxDepth int
	// ReadOnly refuses every mutation.
	ReadOnly bool
	// Authorized reports whether the request in ctx may write. nil refuses
	// every mutation.
	Authorized func(ctx context.Context) bool
	// Import loads content in format (an importer format name such as
	// turtle, nt, bibtex, csv:procurement) into the store, replacing the
	// graph of the source name, and says what it did. nil refuses
	// importData. Package server sets it from package importers, which
	// queries may not import.
	Import func(ctx context.Context, name, format string, content io.Reader) (ImportResult, error)
}

// Resolver is the root resolver of the GraphQL schema in
// [schema.GraphQL]: its methods are the fields of Query and Mutation. It is
// safe for concurrent use; each field opens its own snapshot of the store.
type Resolver struct {
	store *graph.Store
	sc    *schema.Schema
	opts  Options
	lists *listCache // the list index of each class; see listindex.go
	// search keeps the search index of the latest version; see
	// searchindex.go.
	search *searchCache
	// compare keeps the comparison's summary of the latest version; see
	// comparison.go.
	compare *compare.Engine
}

// New returns a resolver over store. sc is the loaded domain model, used to
// validate writes.
func New(store *graph.Store, sc *schema.Schema, opts Options) *Resolver {
	if opts.Base == "" {
		opts.Base = schema.DefaultBase
	}
	if opts.MaxPage <= 0 {
		opts.MaxPage = 1000
	}
	if opts.MaxNodes <= 0 {
		opts.MaxNodes = 10000
	}
	if opts.MaxDepth <= 0 {
		opts.MaxDepth = 6
	}
	return &Resolver{store: store, sc: sc, opts: opts, lists: &listCache{m: map[string][2]*classIndex{}}, search: &searchCache{},
		compare: compare.NewEngine()}
}

// view runs fn on a snapshot and turns its error into a client error.
func (r *Resolver) view(ctx context.Context, fn func(*graph.View) error) error {
	return clientError(ctx, r.store.View(ctx, fn))
}

// idOf shortens an IRI into an id: relative to the instance base, concept/
// plus the path under the concept base, _:label for blank nodes, and the
// IRI itself otherwise.
func (r *Resolver) idOf(t graph.Term) string {
	switch t.Kind {
	case graph.KindBlank:
		return "_:" + t.Value
	case graph.KindIRI:
		if rest, ok := strings.CutPrefix(t.Value, r.opts.Base); ok && rest != "" {
			return rest
		}
		if rest, ok := strings.CutPrefix(t.Value, schema.ConceptBase); ok && rest != "" {
			return "concept/" + rest
		}
	}
	return t.Value
}

// termOfID is the inverse of idOf.
func (r *Resolver) termOfID(id string) graph.Term {
	switch {
	case strings.HasPrefix(id, "_:"):
		return graph.Blank(id[2:])
	case strings.Contains(id, ":"):
		return graph.IRI(id)
	case strings.HasPrefix(id, "concept/"):
		return graph.IRI(schema.ConceptBase + strings.TrimPrefix(id, "concept/"))
	}
	return graph.IRI(r.opts.Base + id)
}

// nodeTerm parses an IRI argument: _:label is a blank node, anything else
// an IRI.
func nodeTerm(s string) graph.Term {
	if rest, ok := strings.CutPrefix(s, "_:"); ok {
		return graph.Blank(rest)
	}
	return graph.IRI(s)
}

// NodeArgs are the arguments of Query.node.
type NodeArgs struct {
	IRI *string
	ID  *string
}

// Node resolves Query.node: one entity by IRI or id, nil when the store
// says nothing about it or points at it.
func (r *Resolver) Node(ctx context.Context, args NodeArgs) (*Node, error) {
	var t graph.Term
	switch {
	case args.IRI != nil && args.ID != nil:
		return nil, errorf(CodeBadInput, "give iri or id, not both")
	case args.IRI != nil:
		t = r.termOfID(strings.TrimSpace(*args.IRI))
	case args.ID != nil:
		t = r.termOfID(*args.ID)
	default:
		return nil, errorf(CodeBadInput, "give iri or id")
	}
	var e *entity
	err := r.view(ctx, func(v *graph.View) error {
		var err error
		e, err = r.load(v, t)
		if err != nil || len(e.props) > 0 {
			return err
		}
		n, err := v.Count(graph.Pattern{O: t})
		if n == 0 {
			e = nil
		}
		return err
	})
	if err != nil || e == nil {
		return nil, err
	}
	return e.node(), nil
}
