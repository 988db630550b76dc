package queries

import (
	"context"
	"slices"

	"civicgraph/graph"
	"civicgraph/schema"
)

// Every list of related entities (an actor's engagements, the references a
// work cites, ...) is a connection, as the lists of Query are: totalCount,
// edges with cursors, nodes and pageInfo, in IRI order, with first and
// after. Only the page's entities are loaded; the rest are counted by
// their terms.

// PageArgs are the arguments of a connection of related entities.
type PageArgs struct {
	First int32
	After *string
}

// relTerms returns the distinct terms of a relation, within one snapshot.
type relTerms func(v *graph.View) ([]graph.Term, error)

// outgoing is the relation "the IRI and blank values of preds on e".
func (e *entity) outgoing(preds ...string) relTerms {
	return func(*graph.View) ([]graph.Term, error) {
		var ts []graph.Term
		for _, p := range preds {
			for _, t := range e.props[p] {
				if t.Kind == graph.KindIRI || t.Kind == graph.KindBlank {
					ts = append(ts, t)
				}
			}
		}
		return ts, nil
	}
}

// incoming is the relation "the subjects that point at e with any of
// preds".
func (e *entity) incoming(preds ...string) relTerms {
	return incomingTo([]graph.Term{e.t}, preds...)
}

// incomingTo is the relation "the subjects that point at any of ts with
// any of preds".
func incomingTo(ts []graph.Term, preds ...string) relTerms {
	return func(v *graph.View) ([]graph.Term, error) {
		var out []graph.Term
		for _, t := range ts {
			for _, p := range preds {
				s, err := subjects(v, p, t)
				if err != nil {
					return nil, err
				}
				out = append(out, s...)
			}
		}
		return out, nil
	}
}

// related pages through the terms of rel, in IRI order, wrapping each
// entity of the page with wrapf.
func related[T any](ctx context.Context, r *Resolver, rel relTerms, args PageArgs, wrapf func(*entity) T) (*Connection[T], error) {
	if err := r.checkFirst(args.First); err != nil {
		return nil, err
	}
	var after *string
	if args.After != nil {
		a, err := decodeCursor(*args.After)
		if err != nil {
			return nil, err
		}
		after = &a
	}
	conn := &Connection[T]{}
	err := r.view(ctx, func(v *graph.View) error {
		ts, err := rel(v)
		if err != nil {
			return err
		}
		keys := make([]string, 0, len(ts))
		byKey := make(map[string]graph.Term, len(ts))
		for _, t := range ts {
			k := termKey(t)
			if _, ok := byKey[k]; !ok {
				byKey[k] = t
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		conn.total = len(keys)
		start := 0
		if after != nil {
			start, _ = slices.BinarySearch(keys, *after)
			if start < len(keys) && keys[start] == *after {
				start++
			}
		}
		end := min(start+int(args.First), len(keys))
		conn.info.hasPrev = start > 0
		conn.info.hasNext = end < len(keys)
		for _, k := range keys[start:end] {
			e, err := r.load(v, byKey[k])
			if err != nil {
				return err
			}
			conn.edges = append(conn.edges, &Edge[T]{cursor: encodeCursor(k), node: wrapf(e)})
		}
		if len(conn.edges) > 0 {
			conn.info.start = &conn.edges[0].cursor
			conn.info.end = &conn.edges[len(conn.edges)-1].cursor
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return conn, nil
}

// versions returns t and every work linked to it by bibo:translationOf,
// either way and transitively (the original and all its translations), in
// IRI order.
func versions(v *graph.View, t graph.Term) ([]graph.Term, error) {
	seen := []graph.Term{t}
	for i := 0; i < len(seen) && i < 256; i++ {
		var next []graph.Term
		for q, err := range v.Match(graph.Pattern{S: seen[i], P: graph.IRI(schema.BIBOTranslationOf)}) {
			if err != nil {
				return nil, err
			}
			next = append(next, q.O)
		}
		back, err := subjects(v, schema.BIBOTranslationOf, seen[i])
		if err != nil {
			return nil, err
		}
		for _, n := range append(next, back...) {
			if n.Kind != graph.KindLiteral && !slices.Contains(seen, n) {
				seen = append(seen, n)
			}
		}
	}
	slices.SortFunc(seen, graph.Compare)
	return seen, nil
}

// FirstArgs are the arguments of fields with only a first argument.
type FirstArgs struct {
	First int32
}
