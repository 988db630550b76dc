package queries

import (
	"context"
	"slices"
	"strconv"

	"civicgraph/graph"
	"civicgraph/schema"
)

// NeighborsArgs are the arguments of Query.neighbors.
type NeighborsArgs struct {
	IRI        string
	Depth      int32
	Predicates *[]string
	Direction  string
	Limit      int32
}

// Neighborhood is the result of Query.neighbors.
type Neighborhood struct {
	nodes     []*entity
	edges     []*GraphEdge
	truncated bool
}

// Nodes resolves Neighborhood.nodes.
func (n *Neighborhood) Nodes() []*Node {
	out := make([]*Node, len(n.nodes))
	for i, e := range n.nodes {
		out[i] = e.node()
	}
	return out
}

// Edges resolves Neighborhood.edges.
func (n *Neighborhood) Edges() []*GraphEdge { return n.edges }

// Truncated resolves Neighborhood.truncated.
func (n *Neighborhood) Truncated() bool { return n.truncated }

// GraphEdge is a link between two nodes (the Edge type of the SDL).
type GraphEdge struct {
	from, to *entity
	pred     string
}

// From resolves Edge.from.
func (e *GraphEdge) From() *Node { return e.from.node() }

// Predicate resolves Edge.predicate.
func (e *GraphEdge) Predicate() string { return e.pred }

// To resolves Edge.to.
func (e *GraphEdge) To() *Node { return e.to.node() }

// step is one link from a node: the other end, the predicate, and whether
// the triple runs from the node to the other end.
type step struct {
	other, pred graph.ID
	forward     bool
}

// walker expands nodes by their links within one snapshot.
type walker struct {
	v       *graph.View
	preds   map[graph.ID]bool // nil: any predicate but rdf:type
	typ     graph.ID
	out, in bool
}

func (r *Resolver) newWalker(v *graph.View, predicates *[]string, direction string) (*walker, error) {
	w := &walker{v: v, out: direction != "IN", in: direction != "OUT"}
	switch direction {
	case "", "BOTH", "IN", "OUT":
	default:
		return nil, errorf(CodeBadInput, "direction %q: expected OUT, IN or BOTH", direction)
	}
	var err error
	if w.typ, err = v.Lookup(graph.IRI(schema.RDFType)); err != nil {
		return nil, err
	}
	if predicates != nil {
		w.preds = map[graph.ID]bool{}
		for _, p := range *predicates {
			id, err := v.Lookup(graph.IRI(p))
			if err != nil {
				return nil, err
			}
			if id != 0 {
				w.preds[id] = true
			}
		}
	}
	return w, nil
}

func (w *walker) follows(p graph.ID) bool {
	if w.preds == nil {
		return p != w.typ
	}
	return w.preds[p]
}

// steps calls fn for each distinct link of node; fn returns false to stop.
func (w *walker) steps(node graph.ID, fn func(step) bool) error {
	seen := map[step]bool{}
	if w.out {
		for q, err := range w.v.MatchIDs(graph.IDPattern{S: node}) {
			if err != nil {
				return err
			}
			if !w.follows(q.P) {
				continue
			}
			st := step{q.O, q.P, true}
			if seen[st] {
				continue
			}
			seen[st] = true
			t, err := w.v.Resolve(q.O)
			if err != nil {
				return err
			}
			if t.Kind == graph.KindLiteral {
				continue
			}
			if !fn(st) {
				return nil
			}
		}
	}
	if w.in {
		for q, err := range w.v.MatchIDs(graph.IDPattern{O: node}) {
			if err != nil {
				return err
			}
			if !w.follows(q.P) {
				continue
			}
			st := step{q.S, q.P, false}
			if seen[st] {
				continue
			}
			seen[st] = true
			if !fn(st) {
				return nil
			}
		}
	}
	return nil
}

// Neighbors resolves Query.neighbors: a breadth-first walk from iri.
func (r *Resolver) Neighbors(ctx context.Context, args NeighborsArgs) (*Neighborhood, error) {
	switch {
	case args.Depth < 0:
		return nil, errorf(CodeBadInput, "depth is %d; it must not be negative", args.Depth)
	case int(args.Depth) > r.opts.MaxDepth:
		return nil, LimitError("depth", r.opts.MaxDepth, "depth "+strconv.Itoa(int(args.Depth)))
	case args.Limit < 1:
		return nil, errorf(CodeBadInput, "limit is %d; it must be at least 1", args.Limit)
	case int(args.Limit) > r.opts.MaxNodes:
		return nil, LimitError("nodes", r.opts.MaxNodes, "limit "+strconv.Itoa(int(args.Limit)))
	}
	out := &Neighborhood{}
	err := r.view(ctx, func(v *graph.View) error {
		w, err := r.newWalker(v, args.Predicates, args.Direction)
		if err != nil {
			return err
		}
		_, sid, err := r.resolveEntity(v, "iri", args.IRI)
		if err != nil {
			return err
		}
		order := []graph.ID{sid}
		index := map[graph.ID]int{sid: 0}
		type idEdge struct{ s, p, o graph.ID }
		var edges []idEdge
		seenEdge := map[idEdge]bool{}
		frontier := []graph.ID{sid}
		for d := 0; d < int(args.Depth) && len(frontier) > 0; d++ {
			var next []graph.ID
			for _, n := range frontier {
				err := w.steps(n, func(st step) bool {
					if _, ok := index[st.other]; !ok {
						if len(order) >= int(args.Limit) {
							// Stop here rather than scan the rest of a hub's links.
							out.truncated = true
							return false
						}
						index[st.other] = len(order)
						order = append(order, st.other)
						next = append(next, st.other)
					}
					e := idEdge{n, st.pred, st.other}
					if !st.forward {
						e = idEdge{st.other, st.pred, n}
					}
					if !seenEdge[e] {
						seenEdge[e] = true
						edges = append(edges, e)
					}
					return true
				})
				if err != nil {
					return err
				}
				if out.truncated {
					break
				}
			}
			if out.truncated {
				break
			}
			frontier = next
		}
		ents := make([]*entity, len(order))
		for i, id := range order {
			t, err := v.Resolve(id)
			if err != nil {
				return err
			}
			if ents[i], err = r.load(v, t); err != nil {
				return err
			}
		}
		out.nodes = ents
		for _, e := range edges {
			p, err := v.Resolve(e.p)
			if err != nil {
				return err
			}
			out.edges = append(out.edges, &GraphEdge{from: ents[index[e.s]], to: ents[index[e.o]], pred: p.Value})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PathsArgs are the arguments of Query.paths.
type PathsArgs struct {
	From       string
	To         string
	MaxLength  int32
	Predicates *[]string
	First      int32
}

// Path is a path between two nodes.
type Path struct{ hops []*Hop }

// Length resolves Path.length.
func (p *Path) Length() int32 { return int32(len(p.hops)) }

// Hops resolves Path.hops.
func (p *Path) Hops() []*Hop { return p.hops }

// Hop is one step of a path.
type Hop struct {
	from, to *entity
	pred     string
	forward  bool
}

// From resolves Hop.from.
func (h *Hop) From() *Node { return h.from.node() }

// To resolves Hop.to.
func (h *Hop) To() *Node { return h.to.node() }

// Predicate resolves Hop.predicate.
func (h *Hop) Predicate() string { return h.pred }

// Forward resolves Hop.forward.
func (h *Hop) Forward() bool { return h.forward }

// parent is how a node was first reached in a breadth-first search.
type parent struct {
	prev graph.ID
	st   step // from prev to the node
}

// Paths resolves Query.paths: every shortest path from from to to (at most
// first), found by a breadth-first search that follows links both ways.
func (r *Resolver) Paths(ctx context.Context, args PathsArgs) ([]*Path, error) {
	switch {
	case args.MaxLength < 1:
		return nil, errorf(CodeBadInput, "maxLength is %d; it must be at least 1", args.MaxLength)
	case int(args.MaxLength) > r.opts.MaxDepth:
		return nil, LimitError("depth", r.opts.MaxDepth, "maxLength "+strconv.Itoa(int(args.MaxLength)))
	}
	if err := r.checkFirst(args.First); err != nil {
		return nil, err
	}
	var out []*Path
	err := r.view(ctx, func(v *graph.View) error {
		w, err := r.newWalker(v, args.Predicates, "BOTH")
		if err != nil {
			return err
		}
		_, from, err := r.resolveEntity(v, "from", args.From)
		if err != nil {
			return err
		}
		_, to, err := r.resolveEntity(v, "to", args.To)
		if err != nil {
			return err
		}
		if from == to {
			return nil
		}
		dist := map[graph.ID]int{from: 0}
		parents := map[graph.ID][]parent{}
		frontier := []graph.ID{from}
		found := false
		for d := 1; d <= int(args.MaxLength) && !found && len(frontier) > 0; d++ {
			var next []graph.ID
			for _, n := range frontier {
				var limitErr error
				err := w.steps(n, func(st step) bool {
					dd, seen := dist[st.other]
					if !seen {
						if len(dist) >= r.opts.MaxNodes {
							limitErr = LimitError("nodes", r.opts.MaxNodes, "the search for paths")
							return false
						}
						dist[st.other] = d
						next = append(next, st.other)
						dd = d
					}
					if dd == d {
						parents[st.other] = append(parents[st.other], parent{n, st})
					}
					return true
				})
				if err != nil {
					return err
				}
				if limitErr != nil {
					return limitErr
				}
			}
			_, found = dist[to]
			frontier = next
		}
		if !found {
			return nil
		}
		// Walk back from to, collecting up to First paths.
		var paths [][]parent
		var walk func(n graph.ID, suffix []parent)
		walk = func(n graph.ID, suffix []parent) {
			if len(paths) >= int(args.First) {
				return
			}
			if n == from {
				p := slices.Clone(suffix)
				slices.Reverse(p)
				paths = append(paths, p)
				return
			}
			for _, pa := range parents[n] {
				walk(pa.prev, append(suffix, parent{prev: pa.prev, st: step{other: n, pred: pa.st.pred, forward: pa.st.forward}}))
			}
		}
		walk(to, nil)
		cache := map[graph.ID]*entity{}
		get := func(id graph.ID) (*entity, error) {
			if e, ok := cache[id]; ok {
				return e, nil
			}
			t, err := v.Resolve(id)
			if err != nil {
				return nil, err
			}
			e, err := r.load(v, t)
			cache[id] = e
			return e, err
		}
		for _, p := range paths {
			path := &Path{}
			for _, h := range p {
				a, err := get(h.prev)
				if err != nil {
					return err
				}
				b, err := get(h.st.other)
				if err != nil {
					return err
				}
				pred, err := v.Resolve(h.st.pred)
				if err != nil {
					return err
				}
				path.hops = append(path.hops, &Hop{from: a, to: b, pred: pred.Value, forward: h.st.forward})
			}
			out = append(out, path)
		}
		return nil
	})
	return out, err
}
