package server

import (
	"context"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/graph-gophers/graphql-go/ast"

	"civicgraph/graph"
	"civicgraph/schema"
)

// defaultListSize is the size assumed for a list field with no first or
// limit argument (an entity's relations): most are short, some are not.
const defaultListSize = 20

// maxCost caps every intermediate figure of an estimate.
const maxCost = 1 << 30

// idWalkShare is the share of a class's instances one unit of cost pays
// for when a list only walks their ids (no filter, IRI order): a 16th.
const idWalkShare = 16

// listClasses are the root list fields and the class whose instances
// (subclasses included) each one walks.
var listClasses = map[string]string{
	"actors":          schema.ClassActor,
	"administrations": schema.ClassAdministration,
	"missions":        schema.ClassMission,
	"procurements":    schema.ClassProcurement,
	"mechanisms":      schema.ClassMechanism,
	"engagements":     schema.ClassEngagement,
	"references":      schema.ClassReference,
	"persons":         schema.ClassPerson,
	"concepts":        schema.SKOSConcept,
	"statements":      schema.ClassStatement,
}

// counts is what the cost model knows of the store's size.
type counts struct {
	at    time.Time
	rows  map[string]int64 // by root list field: the instances of its class, subclasses included
	quads int64
}

// countsTTL is how long the counts are reused before they are read again.
const countsTTL = 5 * time.Second

// countCache keeps the store's counts for the cost model, read again at
// most every countsTTL (reading them costs a few reads per graph and a
// walk of the subclasses of the listed classes).
type countCache struct {
	store   *graph.Store
	refresh sync.Mutex // held by the one request reading the counts again
	c       atomic.Pointer[counts]
}

// get returns counts at most countsTTL old. While one request reads them
// again, the others use the previous ones without waiting; only when
// there are none yet do they wait for it. On a store error it returns
// the previous counts, or none (the request itself will meet the error).
func (cc *countCache) get(ctx context.Context) *counts {
	cur := cc.c.Load()
	if cur != nil && time.Since(cur.at) < countsTTL {
		return cur
	}
	if cur != nil {
		if !cc.refresh.TryLock() {
			return cur
		}
	} else {
		cc.refresh.Lock()
	}
	defer cc.refresh.Unlock()
	if c := cc.c.Load(); c != nil && time.Since(c.at) < countsTTL {
		return c // read by the request this one waited for
	}
	c, err := readCounts(ctx, cc.store)
	if err != nil {
		if cur != nil {
			return cur
		}
		return &counts{rows: map[string]int64{}}
	}
	cc.c.Store(c)
	return c
}

// readCounts reads the store's quads and, for each list field, the
// rdf:type assertions of its class and of the classes below it
// (rdfs:subClassOf in the store, as the lists follow it).
func readCounts(ctx context.Context, s *graph.Store) (*counts, error) {
	st, err := s.Stats(ctx)
	if err != nil {
		return nil, err
	}
	byClass := make(map[string]int64, len(st.Classes))
	for _, tc := range st.Classes {
		byClass[tc.Term.Value] = tc.Count
	}
	c := &counts{at: time.Now(), rows: make(map[string]int64, len(listClasses)), quads: st.Quads}
	err = s.View(ctx, func(v *graph.View) error {
		for field, class := range listClasses {
			classes := []string{class}
			for i := 0; i < len(classes) && i < 64; i++ {
				for q, err := range v.Match(graph.Pattern{P: graph.IRI(schema.RDFSSubClassOf), O: graph.IRI(classes[i])}) {
					if err != nil {
						return err
					}
					if q.S.Kind == graph.KindIRI && !slices.Contains(classes, q.S.Value) {
						classes = append(classes, q.S.Value)
					}
				}
			}
			for _, cl := range classes {
				c.rows[field] += byClass[cl]
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// costModel estimates the work of an operation before it runs.
type costModel struct {
	schema   *ast.Schema
	counts   *counts
	maxNodes int
}

// cost estimates the work of op: every field costs the product of the
// list sizes of itself and of the fields above it, plus, for the fields
// that scan, the rows they touch.
//
// A list's size is its first or limit argument (given as a literal or a
// variable: the value supplied, else the variable's default, else the
// schema's default), 1 for the edges and nodes of a connection (the page
// is already counted), and defaultListSize for other lists. So a page of
// 100 actors with 10 fields each costs about 1,000, and their engagements
// 20 times more.
//
// Scans: a root list (actors, procurements, ...) walks the instances of
// its class: with a filter or an order other than IRI it loads each one,
// and costs one per instance; otherwise it walks their ids, and costs one
// per idWalkShare instances. Stats.distinctSubjects walks an index, one
// per idWalkShare quads. paths visits up to the nodes limit. These
// multiply like any field, so 1,000 aliases of a scan cost 1,000 scans.
//
// Introspection fields (__schema, __type) cost 1: the schema bounds them.
func (m costModel) cost(d *document, op *operation, vars map[string]any) int {
	root := ""
	if m.schema != nil {
		if t, ok := m.schema.RootOperationTypes[op.typ]; ok {
			root = t.TypeName()
		}
	}
	var walk func(sel []*selection, parent string, mult int, depth int) int
	walk = func(sel []*selection, parent string, mult int, depth int) int {
		if depth > 2*maxParseDepth {
			return maxCost
		}
		total := 0
		for _, s := range sel {
			switch {
			case s.spread != "":
				f, ok := d.frags[s.spread]
				if !ok {
					continue // graphql-go refuses an unknown fragment
				}
				total += walk(f.sel, f.on, mult, depth+1)
			case s.name == "":
				on := s.on
				if on == "" {
					on = parent
				}
				total += walk(s.children, on, mult, depth+1)
			case strings.HasPrefix(s.name, "__"):
				total += mult
			default:
				def := fieldDef(m.schema, parent, s.name)
				size, child := m.listSize(def, parent, s, op, vars)
				f := mul(mult, size)
				scan := mul(mult, m.scan(def, parent == root && root != "", parent, s, op, vars))
				total = add(total, add(add(f, scan), walk(s.children, child, f, depth+1)))
			}
			if total >= maxCost {
				return maxCost
			}
		}
		return total
	}
	return walk(op.sel, root, 1, 0)
}

func mul(a, b int) int {
	if a == 0 || b == 0 {
		return 0
	}
	if a > maxCost/b {
		return maxCost
	}
	return a * b
}

func add(a, b int) int { return min(a+b, maxCost) }

// scan returns the rows a field touches beyond its own value.
func (m costModel) scan(def *ast.FieldDefinition, atRoot bool, parent string, s *selection, op *operation, vars map[string]any) int {
	if m.counts == nil {
		return 0
	}
	switch {
	case atRoot && s.name == "paths":
		return m.maxNodes
	case atRoot:
		if _, ok := listClasses[s.name]; !ok {
			return 0
		}
		rows := int(min(m.counts.rows[s.name], maxCost))
		full := false
		if f, ok := argument(def, s, "filter", op, vars); ok && f != nil {
			if o, isObj := f.(map[string]any); !isObj || len(o) > 0 {
				full = true
			}
		}
		if sc, ok := argument(def, s, "scheme", op, vars); ok && sc != nil {
			full = true
		}
		if o, ok := argument(def, s, "orderBy", op, vars); ok && o != nil && o != "IRI" {
			full = true
		}
		if full {
			return rows
		}
		return rows / idWalkShare
	case parent == "Stats" && s.name == "distinctSubjects":
		return int(min(m.counts.quads/idWalkShare, maxCost))
	}
	return 0
}

// listSize returns the multiplier of field s (defined by def, of type
// parent) and the name of the type it returns ("" when unknown).
func (m costModel) listSize(def *ast.FieldDefinition, parent string, s *selection, op *operation, vars map[string]any) (int, string) {
	size := 0
	for _, name := range []string{"first", "limit"} {
		if v, ok := argument(def, s, name, op, vars); ok {
			size = max(size, sizeOf(v))
		}
	}
	if def == nil {
		return max(size, 1), ""
	}
	isList := false
	t := def.Type
	for {
		if nn, ok := t.(*ast.NonNull); ok {
			t = nn.OfType
			continue
		}
		if l, ok := t.(*ast.List); ok {
			isList = true
			t = l.OfType
			continue
		}
		break
	}
	child := ""
	if nt, ok := t.(ast.NamedType); ok {
		child = nt.TypeName()
	}
	if size > 0 {
		return size, child
	}
	if !isList || strings.HasSuffix(parent, "Connection") {
		return 1, child
	}
	return defaultListSize, child
}

// sizeOf reads a list size from an argument's value: at least 1, and
// maxCost for a number too big for an int.
func sizeOf(v any) int {
	var f float64
	switch n := v.(type) {
	case float64:
		f = n
	case int:
		f = float64(n)
	case int32:
		f = float64(n)
	case int64:
		f = float64(n)
	case string: // an Int literal not yet converted
		x, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return 1
		}
		f = x
	default:
		return 1
	}
	if math.IsNaN(f) || f < 1 {
		return 1
	}
	return int(min(f, maxCost))
}

// argument returns the value of field s's argument name as graphql-go
// will see it: the literal, or the variable's supplied value, or its
// default; when the document gives none, the schema's default. ok is
// false when there is no value at all.
func argument(def *ast.FieldDefinition, s *selection, name string, op *operation, vars map[string]any) (any, bool) {
	if v, ok := s.args[name]; ok {
		if x, ok := resolve(v, op, vars); ok {
			return x, true
		}
		// A variable neither supplied nor defaulted: the argument is
		// absent, and the schema's default applies.
	}
	if def == nil {
		return nil, false
	}
	for _, a := range def.Arguments {
		if a.Name.Name == name && a.Default != nil {
			return a.Default.Deserialize(nil), true
		}
	}
	return nil, false
}

// resolve turns a literal into a Go value, with the variables in it read
// from vars or from their defaults in op. ok is false for a variable that
// is neither supplied nor defaulted.
func resolve(v *value, op *operation, vars map[string]any) (any, bool) {
	switch v.kind {
	case valueVariable:
		if x, ok := vars[v.text]; ok {
			return x, true
		}
		if def := op.vars[v.text]; def != nil {
			return resolve(def, op, vars)
		}
		return nil, false
	case valueInt, valueFloat:
		return v.text, true
	case valueString:
		return v.text, true
	case valueName:
		if v.text == "null" {
			return nil, true
		}
		return v.text, true
	case valueList:
		out := make([]any, 0, len(v.list))
		for _, x := range v.list {
			r, _ := resolve(x, op, vars)
			out = append(out, r)
		}
		return out, true
	case valueObject:
		out := make(map[string]any, len(v.fields))
		for k, x := range v.fields {
			if r, ok := resolve(x, op, vars); ok {
				out[k] = r
			}
		}
		return out, true
	}
	return nil, false
}

// fieldDef finds the definition of field name in the object or interface
// type parent.
func fieldDef(sc *ast.Schema, parent, name string) *ast.FieldDefinition {
	if sc == nil || parent == "" {
		return nil
	}
	var fields ast.FieldsDefinition
	switch t := sc.Types[parent].(type) {
	case *ast.ObjectTypeDefinition:
		fields = t.Fields
	case *ast.InterfaceTypeDefinition:
		fields = t.Fields
	default:
		return nil
	}
	for _, f := range fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}
