package queries

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/graph"
)

// ParseTerm reads a term argument: <iri>, _:label, a literal in N-Triples
// syntax ("text", "text"@en, "42"^^<datatype>), or a bare IRI.
func ParseTerm(s string) (graph.Term, error) {
	switch {
	case s == "":
		return graph.Term{}, errorf(CodeBadInput, "empty term")
	case strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">"):
		return graph.IRI(s[1 : len(s)-1]), nil
	case strings.HasPrefix(s, "_:"):
		return graph.Blank(s[2:]), nil
	case strings.HasPrefix(s, `"`):
		return parseLiteral(s)
	}
	return graph.IRI(s), nil
}

func parseLiteral(s string) (graph.Term, error) {
	bad := func(why string) (graph.Term, error) {
		return graph.Term{}, errorf(CodeBadInput, "literal %s: %s", strconv.Quote(s), why)
	}
	var b strings.Builder
	i := 1
	for {
		if i >= len(s) {
			return bad("no closing quote")
		}
		c := s[i]
		if c == '"' {
			i++
			break
		}
		if c != '\\' {
			r, n := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r)
			i += n
			continue
		}
		if i+1 >= len(s) {
			return bad("escape at the end")
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case '"', '\'', '\\':
			b.WriteByte(s[i])
		case 'u', 'U':
			n := 4
			if s[i] == 'U' {
				n = 8
			}
			if i+n >= len(s) {
				return bad("short \\u escape")
			}
			v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32)
			if err != nil || !utf8.ValidRune(rune(v)) {
				return bad("bad \\u escape")
			}
			b.WriteRune(rune(v))
			i += n
		default:
			return bad("unknown escape")
		}
		i++
	}
	rest := s[i:]
	switch {
	case rest == "":
		return graph.String(b.String()), nil
	case strings.HasPrefix(rest, "@") && len(rest) > 1:
		return graph.LangLiteral(b.String(), rest[1:]), nil
	case strings.HasPrefix(rest, "^^<") && strings.HasSuffix(rest, ">"):
		return graph.Literal(b.String(), rest[3:len(rest)-1]), nil
	}
	return bad("expected @lang or ^^<datatype> after the closing quote")
}

// TriplesArgs are the arguments of Query.triples.
type TriplesArgs struct {
	S, P, O, Graph *string
	First          int32
	After          *string
}

// Triple is a quad: a triple and its graph.
type Triple struct {
	r *Resolver
	q graph.Quad
}

// Subject resolves Triple.subject.
func (t *Triple) Subject() *Term { return &Term{r: t.r, t: t.q.S} }

// Predicate resolves Triple.predicate.
func (t *Triple) Predicate() *Term { return &Term{r: t.r, t: t.q.P} }

// Object resolves Triple.object.
func (t *Triple) Object() *Term { return &Term{r: t.r, t: t.q.O} }

// Graph resolves Triple.graph.
func (t *Triple) Graph() *Term {
	if t.q.G.IsZero() {
		return nil
	}
	return &Term{r: t.r, t: t.q.G}
}

// Triples resolves Query.triples: a page of the quads matching a pattern,
// in the order of the index that serves it. The cursor is the position in
// that order.
func (r *Resolver) Triples(ctx context.Context, args TriplesArgs) (*Connection[*Triple], error) {
	if err := r.checkFirst(args.First); err != nil {
		return nil, err
	}
	var pat graph.Pattern
	// s and o (when not a literal) name entities: ids (actor/nesta) or
	// IRIs; p and graph are IRIs.
	var entityArgs []string
	for _, x := range []struct {
		name string
		arg  *string
		dst  *graph.Term
		term bool
	}{{"s", args.S, &pat.S, false}, {"p", args.P, &pat.P, false}, {"o", args.O, &pat.O, true}, {"graph", args.Graph, &pat.G, false}} {
		if x.arg == nil {
			continue
		}
		switch {
		case x.name == "s" || x.name == "o" && !strings.HasPrefix(strings.TrimSpace(*x.arg), `"`):
			t, err := r.entityTerm(*x.arg)
			if err != nil {
				return nil, argError(x.name, err)
			}
			*x.dst = t
			if a := strings.TrimSpace(*x.arg); !strings.HasPrefix(a, "<") && !strings.HasPrefix(a, "_:") && !strings.Contains(a, ":") {
				// A short id names an entity: one that names nothing is
				// an error, not an empty pattern. A full IRI is a raw
				// pattern that may match nothing.
				entityArgs = append(entityArgs, x.name, *x.arg)
			}
		case !x.term:
			*x.dst = nodeTerm(strings.TrimSuffix(strings.TrimPrefix(*x.arg, "<"), ">"))
		default:
			t, err := ParseTerm(*x.arg)
			if err != nil {
				return nil, err
			}
			*x.dst = t
		}
	}
	offset := 0
	if args.After != nil {
		c, err := decodeCursor(*args.After)
		if err != nil {
			return nil, err
		}
		n, err := strconv.Atoi(strings.TrimPrefix(c, "o:"))
		if err != nil || !strings.HasPrefix(c, "o:") || n < 0 {
			return nil, errorf(CodeBadInput, "after: %q is not a cursor from triples", *args.After)
		}
		offset = n + 1
	}
	conn := &Connection[*Triple]{}
	err := r.view(ctx, func(v *graph.View) error {
		for i := 0; i < len(entityArgs); i += 2 {
			if _, _, err := r.resolveEntity(v, entityArgs[i], entityArgs[i+1]); err != nil {
				return err
			}
		}
		n, err := v.Count(pat)
		if err != nil {
			return err
		}
		conn.total = int(n)
		i := 0
		for q, err := range v.Match(pat) {
			if err != nil {
				return err
			}
			if i >= offset {
				if len(conn.edges) == int(args.First) {
					conn.info.hasNext = true
					break
				}
				conn.edges = append(conn.edges, &Edge[*Triple]{cursor: encodeCursor("o:" + strconv.Itoa(i)), node: &Triple{r: r, q: q}})
			}
			i++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	conn.info.hasPrev = offset > 0
	if len(conn.edges) > 0 {
		conn.info.start = &conn.edges[0].cursor
		conn.info.end = &conn.edges[len(conn.edges)-1].cursor
	}
	return conn, nil
}

// Stats is the result of Query.stats.
type Stats struct {
	r  *Resolver
	st graph.Stats
}

// Stats resolves Query.stats.
func (r *Resolver) Stats(ctx context.Context) (*Stats, error) {
	out := &Stats{r: r}
	err := r.view(ctx, func(v *graph.View) error {
		var err error
		out.st, err = v.Stats()
		return err
	})
	return out, err
}

// Quads resolves Stats.quads.
func (s *Stats) Quads() int32 { return int32(s.st.Quads) }

// Terms resolves Stats.terms.
func (s *Stats) Terms() int32 { return int32(s.st.Terms) }

// DiskBytes resolves Stats.diskBytes.
func (s *Stats) DiskBytes() float64 { return float64(s.st.DiskBytes) }

// DistinctSubjects resolves Stats.distinctSubjects.
func (s *Stats) DistinctSubjects(ctx context.Context) (int32, error) {
	var n int64
	err := s.r.view(ctx, func(v *graph.View) error {
		var err error
		n, err = v.DistinctSubjects()
		return err
	})
	return int32(n), err
}

// GraphStats is one graph's statistics.
type GraphStats struct{ g graph.GraphStats }

// Graph resolves GraphStats.graph.
func (g *GraphStats) Graph() *string {
	if g.g.Graph.IsZero() {
		return nil
	}
	return &g.g.Graph.Value
}

// Quads resolves GraphStats.quads.
func (g *GraphStats) Quads() int32 { return int32(g.g.Quads) }

// Subjects resolves GraphStats.subjects.
func (g *GraphStats) Subjects() int32 { return int32(g.g.Subjects) }

// Graphs resolves Stats.graphs.
func (s *Stats) Graphs() []*GraphStats {
	out := make([]*GraphStats, len(s.st.Graphs))
	for i, g := range s.st.Graphs {
		out[i] = &GraphStats{g}
	}
	return out
}

// TermCount is an IRI and a count.
type TermCount struct{ tc graph.TermCount }

// IRI resolves TermCount.iri.
func (t *TermCount) IRI() string { return t.tc.Term.Value }

// Count resolves TermCount.count.
func (t *TermCount) Count() int32 { return int32(t.tc.Count) }

func counts(tcs []graph.TermCount, first int32) []*TermCount {
	out := []*TermCount{}
	for i, tc := range tcs {
		if i == int(first) {
			break
		}
		out = append(out, &TermCount{tc})
	}
	return out
}

// Predicates resolves Stats.predicates.
func (s *Stats) Predicates(args FirstArgs) ([]*TermCount, error) {
	if err := s.r.checkFirst(args.First); err != nil {
		return nil, err
	}
	return counts(s.st.Predicates, args.First), nil
}

// Classes resolves Stats.classes.
func (s *Stats) Classes(args FirstArgs) ([]*TermCount, error) {
	if err := s.r.checkFirst(args.First); err != nil {
		return nil, err
	}
	return counts(s.st.Classes, args.First), nil
}
