package export

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/rdf"
	"civicgraph/rdf/jsonld"
	"civicgraph/schema"
)

// MaxDepth is the deepest neighbourhood a [Slice] may ask for.
const MaxDepth = 3

// MaxEntities is how many entities a neighbourhood may reach.
const MaxEntities = 10_000

// ContextPath is the path, under a server's base URL, where the JSON-LD
// context of the dumps ([ContextDocument]) is published.
const ContextPath = "/context.jsonld"

// Slice says what part of the store to export; the zero Slice is the whole
// store. See the package documentation.
type Slice struct {
	// Graph is the IRI of one named graph; "" for every graph.
	Graph string
	// NoSchema leaves out the ontology and shapes graphs.
	NoSchema bool
	// Class is the IRI of a class: the descriptions of its instances.
	Class string
	// Entity is the IRI of an entity: its description.
	Entity string
	// Depth, with Entity, adds the descriptions of the entities up to
	// Depth links away (at most MaxDepth).
	Depth int
}

// Options are an export's slice and syntax.
type Options struct {
	Slice
	// Format is the syntax to write, from rdf.Formats.
	Format rdf.Format
	// Context is the URL the JSON-LD output names as its @context (where
	// ContextDocument is published); "" writes the context inline.
	Context string
}

// Result says what an export wrote.
type Result struct {
	// Quads is how many statements were written (triples for syntaxes
	// without graphs).
	Quads int64
}

// Prefixes returns the project's prefixes ([schema.Prefixes]), which the
// writers declare and use.
func Prefixes() []rdf.Prefix {
	var out []rdf.Prefix
	for _, p := range schema.Prefixes() {
		out = append(out, rdf.Prefix{Name: p.Name, IRI: p.IRI})
	}
	return out
}

// ContextDocument returns the JSON-LD context document the JSON-LD dumps
// use, to be published at ContextPath: {"@context": {prefix: namespace,
// ...}} for the project's prefixes.
func ContextDocument() []byte { return jsonld.Context(Prefixes()) }

// schemaGraphs are the graphs NoSchema leaves out.
var schemaGraphs = [...]string{schema.GraphOntology, schema.GraphShapes}

// ExpandIRI turns a name a user typed into an IRI: a prefixed name of the
// project's prefixes ("cg:Procurement", "dcterms:title") is expanded, an
// absolute IRI kept; anything else is refused with ErrBadSlice.
func ExpandIRI(name string) (string, error) {
	if prefix, local, ok := strings.Cut(name, ":"); ok && !strings.HasPrefix(local, "//") {
		for _, p := range schema.Prefixes() {
			if p.Name == prefix {
				return p.IRI + local, nil
			}
		}
	}
	if graph.IsAbsoluteIRI(name) {
		return name, nil
	}
	return "", fmt.Errorf("%w: %q is neither an absolute IRI nor a prefixed name (cg:Procurement, dcterms:title)", ErrBadSlice, name)
}

// Check reports whether sl names only what s holds and fits together,
// without writing anything: the errors Write would return before its first
// statement.
func Check(ctx context.Context, s *graph.Store, sl Slice) error {
	return s.View(ctx, func(v *graph.View) error { return check(v, sl) })
}

func check(v *graph.View, sl Slice) error {
	switch {
	case sl.Class != "" && sl.Entity != "":
		return fmt.Errorf("%w: a class and an entity: choose one", ErrBadSlice)
	case sl.Depth != 0 && sl.Entity == "":
		return fmt.Errorf("%w: a depth needs an entity", ErrBadSlice)
	case sl.Depth < 0 || sl.Depth > MaxDepth:
		return fmt.Errorf("%w: depth %d: expected 0 to %d", ErrBadSlice, sl.Depth, MaxDepth)
	case sl.Graph != "" && sl.NoSchema && slices.Contains(schemaGraphs[:], sl.Graph):
		return fmt.Errorf("%w: graph %s is a schema graph, which leaving out the schema leaves out", ErrBadSlice, sl.Graph)
	}
	for _, name := range []string{sl.Graph, sl.Class, sl.Entity} {
		if name != "" && !graph.IsAbsoluteIRI(name) {
			return fmt.Errorf("%w: %q is not an absolute IRI", ErrBadSlice, name)
		}
	}
	if sl.Graph != "" {
		n, err := v.Count(graph.Pattern{G: graph.IRI(sl.Graph)})
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		if n == 0 {
			return unknownGraph(v, sl.Graph)
		}
	}
	sel := selector(sl)
	if sl.Class != "" {
		found := false
		for q, err := range v.Match(graph.Pattern{P: graph.IRI(graph.RDFType), O: graph.IRI(sl.Class), G: sel.graph}) {
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if sel.keep(q.G) {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%w: no instance of %s%s", ErrUnknownClass, sl.Class, sel.where())
		}
	}
	if sl.Entity != "" {
		found := false
		for q, err := range v.Match(graph.Pattern{S: graph.IRI(sl.Entity), G: sel.graph}) {
			if err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if sel.keep(q.G) {
				found = true
				break
			}
		}
		if !found {
			return fmt.Errorf("%w: nothing is said about %s%s", ErrUnknownEntity, sl.Entity, sel.where())
		}
	}
	return nil
}

// unknownGraph returns ErrUnknownGraph for g, naming a few graphs the
// store holds.
func unknownGraph(v *graph.View, g string) error {
	gs, err := v.Graphs()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	var names []string
	for _, t := range gs {
		if !t.IsZero() {
			names = append(names, t.Value)
		}
	}
	more := ""
	if len(names) > 8 {
		more = fmt.Sprintf(" and %d more", len(names)-8)
		names = names[:8]
	}
	if len(names) == 0 {
		return fmt.Errorf("%w %s: the store holds no named graph", ErrUnknownGraph, g)
	}
	return fmt.Errorf("%w %s: the store's graphs are %s%s", ErrUnknownGraph, g, strings.Join(names, ", "), more)
}

// sel is which graphs a slice reads: one, or all but the schema graphs,
// or all.
type sel struct {
	graph    graph.Term // the one graph, or zero
	noSchema bool
}

func selector(sl Slice) sel {
	s := sel{noSchema: sl.NoSchema}
	if sl.Graph != "" {
		s.graph = graph.IRI(sl.Graph)
	}
	return s
}

func (s sel) keep(g graph.Term) bool {
	if !s.graph.IsZero() {
		return g == s.graph
	}
	return !s.noSchema || g.Kind != graph.KindIRI || !slices.Contains(schemaGraphs[:], g.Value)
}

func (s sel) where() string {
	switch {
	case !s.graph.IsZero():
		return " in graph " + s.graph.Value
	case s.noSchema:
		return " outside the ontology and shapes"
	}
	return ""
}

// Write writes the slice of s that opts selects to w in opts.Format, from
// one consistent snapshot, and ends the document. Nothing is written when
// the slice is refused (see Check).
func Write(ctx context.Context, s *graph.Store, w io.Writer, opts Options) (Result, error) {
	if opts.Format.NewWriter == nil {
		return Result{}, fmt.Errorf("%w: no format (expected one of %s)", ErrBadSlice, strings.Join(rdf.Names(), ", "))
	}
	cw := &counter{w: opts.Format.NewWriter(w, rdf.WriterOptions{Prefixes: Prefixes(), Context: opts.Context}), quads: opts.Format.Quads}
	err := s.View(ctx, func(v *graph.View) error {
		if err := check(v, opts.Slice); err != nil {
			return err
		}
		switch {
		case opts.Entity != "":
			return writeNeighbourhood(v, cw, opts.Slice)
		case opts.Class != "":
			return writeClass(v, cw, opts.Slice)
		case opts.Format.Quads:
			return writeGraphs(v, cw, selector(opts.Slice))
		}
		return writeUnion(v, cw, selector(opts.Slice))
	})
	if err != nil {
		return Result{Quads: cw.n}, wrap(err)
	}
	if err := cw.w.Flush(); err != nil {
		return Result{Quads: cw.n}, wrap(err)
	}
	return Result{Quads: cw.n}, nil
}

// wrap prefixes err with "export: " unless it is one of this package's.
func wrap(err error) error {
	if strings.HasPrefix(err.Error(), "export: ") {
		return err
	}
	return fmt.Errorf("export: %w", err)
}

// counter is the writer with the statements it took, and for syntaxes
// without graphs the last triple, to drop copies that come side by side.
type counter struct {
	w     rdf.Writer
	quads bool
	n     int64
	prev  graph.Quad
}

func (c *counter) write(q graph.Quad) error {
	if !c.quads {
		q.G = graph.Term{}
		if c.n > 0 && q == c.prev {
			return nil
		}
	}
	if err := c.w.Write(q); err != nil {
		return err
	}
	c.prev = q
	c.n++
	return nil
}

// writeGraphs writes each selected graph in turn, the default graph first,
// each in subject order (the GSPO index).
func writeGraphs(v *graph.View, w *counter, s sel) error {
	gs := []graph.Term{s.graph}
	if s.graph.IsZero() {
		var err error
		if gs, err = v.Graphs(); err != nil {
			return err
		}
	}
	r := newResolver(v)
	for _, g := range gs {
		if !s.keep(g) {
			continue
		}
		p := graph.Pattern{G: g, DefaultGraph: g.IsZero()}
		for q, err := range r.match(p) {
			if err != nil {
				return err
			}
			if err := w.write(q); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeUnion writes the triples of the selected graphs in subject order
// (the SPOG index), each once: its copies in other graphs come next to it.
func writeUnion(v *graph.View, w *counter, s sel) error {
	p := graph.Pattern{G: s.graph}
	for q, err := range newResolver(v).match(p) {
		if err != nil {
			return err
		}
		if !s.keep(q.G) {
			continue
		}
		if err := w.write(q); err != nil {
			return err
		}
	}
	return nil
}

// writeClass writes the description of each instance of the class, once
// each. Instances come from the POGS index, graph by graph; an instance
// typed in an earlier graph as well was written then.
func writeClass(v *graph.View, w *counter, sl Slice) error {
	s := selector(sl)
	typ, class := graph.IRI(graph.RDFType), graph.IRI(sl.Class)
	var seen []graph.Term // graphs whose instances are written
	var cur graph.Term
	started := false
	for q, err := range v.Match(graph.Pattern{P: typ, O: class, G: s.graph}) {
		if err != nil {
			return err
		}
		if !s.keep(q.G) {
			continue
		}
		if !started || q.G != cur {
			if started {
				seen = append(seen, cur)
			}
			cur, started = q.G, true
		}
		if len(seen) > 0 {
			earlier := false
			for q2, err := range v.Match(graph.Pattern{S: q.S, P: typ, O: class}) {
				if err != nil {
					return err
				}
				if slices.Contains(seen, q2.G) {
					earlier = true
					break
				}
			}
			if earlier {
				continue
			}
		}
		d, err := describe(v, q.S, s)
		if err != nil {
			return err
		}
		if err := writeSorted(w, d); err != nil {
			return err
		}
	}
	return nil
}

// writeNeighbourhood writes the description of sl.Entity and, with a
// depth, of the entities up to that many links away, one entity at a
// time, breadth first.
func writeNeighbourhood(v *graph.View, w *counter, sl Slice) error {
	s := selector(sl)
	start := graph.IRI(sl.Entity)
	reached := map[graph.Term]bool{start: true}
	level := []graph.Term{start}
	for depth := 0; len(level) > 0; depth++ {
		var next []graph.Term
		for _, e := range level {
			d, err := describe(v, e, s)
			if err != nil {
				return err
			}
			if err := writeSorted(w, d); err != nil {
				return err
			}
			if depth == sl.Depth {
				continue
			}
			add := func(t graph.Term) error {
				if t.Kind != graph.KindIRI || reached[t] {
					return nil
				}
				if len(reached) >= MaxEntities {
					return fmt.Errorf("%w: the neighbourhood of %s at depth %d reaches more than %d entities; ask for a smaller depth", ErrTooBig, sl.Entity, sl.Depth, MaxEntities)
				}
				reached[t] = true
				next = append(next, t)
				return nil
			}
			for _, q := range d {
				if q.S == e && q.P.Value != graph.RDFType {
					if err := add(q.O); err != nil {
						return err
					}
				}
			}
			for q, err := range v.Match(graph.Pattern{O: e, G: s.graph}) {
				if err != nil {
					return err
				}
				if s.keep(q.G) {
					if err := add(q.S); err != nil {
						return err
					}
				}
			}
		}
		level = next
	}
	return nil
}

// describe returns the Concise Bounded Description of e in the selected
// graphs: every statement with e as subject and, recursively, those about
// the blank nodes they reach.
func describe(v *graph.View, e graph.Term, s sel) ([]graph.Quad, error) {
	var out []graph.Quad
	visited := map[graph.Term]bool{e: true}
	todo := []graph.Term{e}
	for len(todo) > 0 {
		n := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for q, err := range v.Match(graph.Pattern{S: n, G: s.graph}) {
			if err != nil {
				return nil, err
			}
			if !s.keep(q.G) {
				continue
			}
			out = append(out, q)
			if q.O.Kind == graph.KindBlank && !visited[q.O] {
				visited[q.O] = true
				todo = append(todo, q.O)
			}
		}
	}
	return out, nil
}

// writeSorted writes a description ordered by graph, then subject,
// predicate and object, so that writers group it best; for syntaxes
// without graphs the graph is dropped first, so copies come together.
func writeSorted(w *counter, d []graph.Quad) error {
	if !w.quads {
		for i := range d {
			d[i].G = graph.Term{}
		}
	}
	slices.SortFunc(d, func(a, b graph.Quad) int {
		return cmp.Or(graph.Compare(a.G, b.G), graph.Compare(a.S, b.S), graph.Compare(a.P, b.P), graph.Compare(a.O, b.O))
	})
	for _, q := range d {
		if err := w.write(q); err != nil {
			return err
		}
	}
	return nil
}
