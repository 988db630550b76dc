package importers

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// domainQuads keeps a domain input's statements for validation, compactly:
// each distinct term once, each statement as four indexes (16 bytes instead
// of some 250 for a graph.Quad and its share of the validator's index).
type domainQuads struct {
	ids   map[graph.Term]uint32
	terms []graph.Term
	quads [][4]uint32 // subject, predicate, object, graph
}

func newDomainQuads() *domainQuads {
	return &domainQuads{ids: map[graph.Term]uint32{}}
}

func (d *domainQuads) id(t graph.Term) uint32 {
	if id, ok := d.ids[t]; ok {
		return id
	}
	id := uint32(len(d.terms))
	d.ids[t] = id
	d.terms = append(d.terms, t)
	return id
}

func (d *domainQuads) add(q graph.Quad) {
	d.quads = append(d.quads, [4]uint32{d.id(q.S), d.id(q.P), d.id(q.O), d.id(q.G)})
}

func (d *domainQuads) quad(x [4]uint32) graph.Quad {
	return graph.Quad{S: d.terms[x[0]], P: d.terms[x[1]], O: d.terms[x[2]], G: d.terms[x[3]]}
}

// validateChunk is about how many statements the validator gets at once;
// a subject's statements always go together.
const validateChunk = 50_000

// validateInput checks one input's statements against the shapes. The
// validator sees them a chunk of subjects at a time, so that its index stays
// small; what a chunk links to is typed, and put in schemes, from the whole
// input first and then from the store.
//
// loc, when not nil, says where in the input a violation's focus was read,
// for the error. Warnings (values kept for want of a better one, such as a
// language the EU authority table lacks) do not fail the input; they are
// returned, one line each, for Result.Notes.
func validateInput(ctx context.Context, name string, sc *schema.Schema, s *graph.Store, d *domainQuads, loc locator) ([]string, error) {
	typeID, hasType := d.ids[graph.IRI(graph.RDFType)]
	schemeID, hasScheme := d.ids[graph.IRI(schema.SKOSInScheme)]
	types := map[uint32][]string{}
	schemes := map[uint32][]string{}
	for _, x := range d.quads {
		o := d.terms[x[2]]
		if o.Kind != graph.KindIRI {
			continue
		}
		switch {
		case hasType && x[1] == typeID:
			if !slices.Contains(types[x[0]], o.Value) {
				types[x[0]] = append(types[x[0]], o.Value)
			}
		case hasScheme && x[1] == schemeID:
			if !slices.Contains(schemes[x[0]], o.Value) {
				schemes[x[0]] = append(schemes[x[0]], o.Value)
			}
		}
	}
	// What the store says, asked once per value and property: many
	// statements link to the same few things.
	type asked struct {
		t graph.Term
		p string
	}
	stored := map[asked][]string{}
	fromStore := func(t graph.Term, p string) []string {
		if s == nil {
			return nil
		}
		if out, ok := stored[asked{t, p}]; ok {
			return out
		}
		var out []string
		for q, err := range s.Match(ctx, graph.Pattern{S: t, P: graph.IRI(p)}) {
			if err != nil {
				return out
			}
			out = append(out, q.O.Value)
		}
		stored[asked{t, p}] = out
		return out
	}
	opt := schema.Options{
		TypesOf: func(t graph.Term) []string {
			if id, ok := d.ids[t]; ok && len(types[id]) > 0 {
				return types[id]
			}
			return fromStore(t, graph.RDFType)
		},
		SchemesOf: func(t graph.Term) []string {
			if id, ok := d.ids[t]; ok && len(schemes[id]) > 0 {
				return schemes[id]
			}
			return fromStore(t, schema.SKOSInScheme)
		},
	}
	// Group the statements by subject, keeping their order within each.
	slices.SortStableFunc(d.quads, func(a, b [4]uint32) int { return cmp.Compare(a[0], b[0]) })
	var vs schema.Violations
	chunk := make([]graph.Quad, 0, validateChunk)
	flush := func() {
		if len(chunk) > 0 {
			vs = append(vs, sc.ValidateWith(chunk, opt)...)
			chunk = chunk[:0]
		}
	}
	for i, x := range d.quads {
		if len(chunk) >= validateChunk && x[0] != d.quads[i-1][0] {
			flush()
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		chunk = append(chunk, d.quad(x))
	}
	flush()
	vs, warnings := vs.Errors()
	var notes []string
	for _, w := range warnings {
		if place, ok := locate(loc, w.Focus); ok {
			// Where the entry is, rather than the IRI minted for it.
			notes = append(notes, fmt.Sprintf("%s:%s: warning: %s: found %s, expected %s (%s)",
				name, place, curie(w.Path), foundOf(w), w.Expected, w.Code))
			continue
		}
		notes = append(notes, name+": "+strings.TrimPrefix(w.Error(), "schema: "))
	}
	if len(vs) == 0 {
		return notes, nil
	}
	slices.SortFunc(vs, func(a, b schema.Violation) int {
		return cmp.Or(cmp.Compare(a.Focus, b.Focus), cmp.Compare(a.Path, b.Path),
			cmp.Compare(a.Code, b.Code), cmp.Compare(a.Value, b.Value))
	})
	vs = slices.Compact(vs)
	e := &ValidationError{File: name, Total: len(vs)}
	e.List = vs[:min(len(vs), MaxProblems)]
	if loc != nil {
		e.Places = make([]string, len(e.List))
		for i, v := range e.List {
			e.Places[i], _ = loc.locate(v.Focus)
		}
	}
	return nil, e
}

// locate asks loc, when there is one, where subject was read.
func locate(loc locator, subject string) (string, bool) {
	if loc == nil {
		return "", false
	}
	return loc.locate(subject)
}
