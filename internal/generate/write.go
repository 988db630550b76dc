package generate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"civicgraph/schema"
)

// Named graphs of the N-Quads output. The dataset description goes in
// [schema.GraphIllustrative] itself, each kind of entity in a graph under it.
const (
	GraphActors       = schema.GraphIllustrative + "/actors"       // administrations and other actors
	GraphToolbox      = schema.GraphIllustrative + "/toolbox"      // mechanisms
	GraphMissions     = schema.GraphIllustrative + "/missions"     // missions
	GraphReferences   = schema.GraphIllustrative + "/references"   // persons and references
	GraphProcurements = schema.GraphIllustrative + "/procurements" // procurements
	GraphEngagements  = schema.GraphIllustrative + "/engagements"  // engagements
)

// Graphs returns the named graphs that Write uses with Options.Quads, in the
// order they first appear.
func Graphs() []string {
	return []string{schema.GraphIllustrative, GraphActors, GraphToolbox, GraphMissions,
		GraphReferences, GraphProcurements, GraphEngagements}
}

// Counts is how many entities of each kind there are.
type Counts struct {
	Administrations int64
	Actors          int64 // actors other than administrations
	Mechanisms      int64
	Missions        int64
	Persons         int64
	References      int64
	Procurements    int64
	Engagements     int64
}

// Total returns the number of entities.
func (c Counts) Total() int64 {
	return c.Administrations + c.Actors + c.Mechanisms + c.Missions + c.Persons + c.References + c.Procurements + c.Engagements
}

// planned returns the entity counts for n statements. Engagements are not
// planned: they fill what is left, so they are the most numerous kind (about
// four per procurement). The ratios give, per procurement, 0.2
// administrations, 0.33 other actors, 0.036 missions, 0.25 references and
// 0.01 mechanisms; about 45% of the statements describe engagements.
func planned(n int64) Counts {
	p := max(1, n/75)
	refs := max(1, p/4)
	return Counts{
		Administrations: max(2, p/5),
		Actors:          max(2, p/3),
		Mechanisms:      max(3, p/100),
		Missions:        max(1, p/28),
		Persons:         max(1, refs*6/5),
		References:      refs,
		Procurements:    p,
	}
}

// flushAt is the buffer size at which Write hands bytes to the writer. Only
// whole statements are handed over.
const flushAt = 256 << 10

// Write writes opts.Triples statements of illustrative data to w in
// opts.Format, after one comment line that says the data is synthetic. The
// same options always give the same bytes. Write checks ctx between chunks of
// output and returns ctx.Err() when it is done.
//
// Turtle holds the same statements as N-Triples. OCDS and CSVProcurement
// hold procurements, as records, until their N-Triples statements reach
// opts.Triples; see the package documentation.
func Write(ctx context.Context, w io.Writer, opts Options) error {
	g, err := newGen(ctx, opts)
	if err != nil {
		return err
	}
	var c converter
	switch f := g.opts.Format; {
	case f == Turtle:
		c = newTurtleWriter(w, g.base)
	case f.records():
		c = newRecordWriter(g.opts.Triples, newRecordSink(f, w, g))
	default:
		g.out = func(b []byte) error {
			_, err := w.Write(b)
			return err
		}
		return g.run()
	}
	g.out = feed(c)
	if err := g.run(); err != nil && !errors.Is(err, errEnough) {
		return err
	}
	return c.finish()
}

// gen holds the state of one run of the generator.
type gen struct {
	ctx   context.Context
	opts  Options
	out   func([]byte) error // receives whole lines; Write sends them to its writer
	plan  Counts
	limit int64 // statements to write
	n     int64 // statements written so far
	err   error
	buf   []byte
	subj  []byte // "<subject> " of the entity being written
	end   string // " .\n", or " <graph> .\n" for N-Quads
	quads bool
	base  string
	// records writes only what the record formats need: administrations,
	// other actors and procurements, of the plan for recordPlan(Triples)
	// statements, with no limit (the record writer stops the run).
	records bool

	en, es, ca corpus
	countryCum []int     // cumulative country weights
	missionCDF []float64 // see missionCDF
	scratch    []byte    // for number; valid until the next call
}

func newGen(ctx context.Context, opts Options) (*gen, error) {
	opts, err := opts.normalize()
	if err != nil {
		return nil, err
	}
	g := &gen{
		ctx:   ctx,
		opts:  opts,
		plan:  planned(opts.Triples),
		limit: opts.Triples,
		buf:   make([]byte, 0, flushAt+64<<10),
		subj:  make([]byte, 0, 256),
		end:   " .\n",
		quads: opts.Quads,
		base:  opts.Base,
		en:    newCorpus(sentencesEN, 1),
		es:    newCorpus(sentencesES, 2),
		ca:    newCorpus(sentencesCA, 3),
	}
	if opts.Plan != nil {
		g.plan = *opts.Plan
		if opts.Triples == 0 {
			g.limit = math.MaxInt64
		}
	}
	if opts.Format.records() {
		g.records = true
		g.plan = planned(recordPlan(opts.Triples))
		g.limit = math.MaxInt64
	}
	g.missionCDF = missionCDF(g.plan.Missions)
	sum := 0
	for _, c := range countries {
		sum += c.weight
		g.countryCum = append(g.countryCum, sum)
	}
	return g, nil
}

// run writes the header and every entity, in an order where each link points
// to an entity already written, so that a cut anywhere leaves no link
// dangling.
func (g *gen) run() error {
	g.buf = append(g.buf, "# civicgraph illustrative data: synthetic, made up by civicgraph's generator (seed "...)
	g.buf = strconv.AppendInt(g.buf, g.opts.Seed, 10)
	g.buf = append(g.buf, ", "...)
	if p := g.opts.Plan; p != nil {
		g.buf = fmt.Appendf(g.buf, "%d administrations, %d procurements, %d engagements", p.Administrations, p.Procurements, p.Engagements)
	} else {
		g.buf = strconv.AppendInt(g.buf, g.limit, 10)
		g.buf = append(g.buf, " statements"...)
	}
	g.buf = append(g.buf, "); names, values and dates are not real\n"...)

	g.graph(schema.GraphIllustrative)
	if !g.records {
		g.dataset()
	}
	// records marks what the record formats need: the procurements and the
	// actors their records describe.
	steps := []struct {
		graph   string
		n       int64
		write   func(int64)
		records bool
	}{
		{GraphActors, g.plan.Administrations, g.administration, true},
		{GraphActors, g.plan.Actors, g.actor, true},
		{GraphToolbox, g.plan.Mechanisms, g.mechanism, false},
		{GraphMissions, g.plan.Missions, g.mission, false},
		{GraphReferences, g.plan.Persons, g.person, false},
		{GraphReferences, g.plan.References, g.reference, false},
		{GraphProcurements, g.plan.Procurements, g.procurement, true},
		{GraphEngagements, -1, g.engagement, false},
	}
	if g.opts.Plan != nil {
		steps[len(steps)-1].n = g.plan.Engagements
	}
	for _, s := range steps {
		if g.records && !s.records {
			continue
		}
		g.graph(s.graph)
		for i := int64(0); (s.n < 0 || i < s.n) && g.n < g.limit && g.err == nil; i++ {
			s.write(i)
		}
	}
	if g.err == nil {
		g.flush()
	}
	return g.err
}

// graph sets the graph of the statements that follow, for N-Quads.
func (g *gen) graph(iri string) {
	if g.quads {
		g.end = " <" + iri + "> .\n"
	}
}

// flush hands the buffer to out, after checking ctx.
func (g *gen) flush() {
	if g.err != nil {
		return
	}
	if err := g.ctx.Err(); err != nil {
		g.err = err
		return
	}
	if len(g.buf) > 0 {
		g.err = g.out(g.buf)
	}
	g.buf = g.buf[:0]
}

// begin starts a statement about the current subject with predicate pred,
// written "<iri> ". It reports false, writing nothing, once the statements
// are all written; the caller then skips its object.
func (g *gen) begin(pred string) bool {
	if g.n >= g.limit {
		return false
	}
	g.buf = append(g.buf, g.subj...)
	g.buf = append(g.buf, pred...)
	return true
}

// finish ends the statement begun by begin.
func (g *gen) finish() {
	g.buf = append(g.buf, g.end...)
	g.n++
	if len(g.buf) >= flushAt {
		g.flush()
	}
}

// iri writes a statement whose object is the IRI obj.
func (g *gen) iri(pred, obj string) {
	if g.begin(pred) {
		g.buf = append(g.buf, '<')
		g.buf = append(g.buf, obj...)
		g.buf = append(g.buf, '>')
		g.finish()
	}
}

// link writes a statement whose object is entity i of kind k.
func (g *gen) link(pred string, k kind, i int64) {
	if g.begin(pred) {
		g.buf = g.appendIRI(g.buf, k, i)
		g.finish()
	}
}

// text writes a plain string literal, escaping s.
func (g *gen) text(pred, s string) {
	if g.begin(pred) {
		g.buf = append(g.buf, '"')
		g.buf = appendEscaped(g.buf, s)
		g.buf = append(g.buf, '"')
		g.finish()
	}
}

// langText writes a literal with a language tag; s is already escaped.
func (g *gen) langText(pred, s, lang string) {
	if g.begin(pred) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, s...)
		g.buf = append(g.buf, "\"@"...)
		g.buf = append(g.buf, lang...)
		g.finish()
	}
}

// typed writes a literal whose lexical form lex needs no escapes, with the
// datatype suffix dt, written "^^<iri>".
func (g *gen) typed(pred string, lex []byte, dt string) {
	if g.begin(pred) {
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, lex...)
		g.buf = append(g.buf, '"')
		g.buf = append(g.buf, dt...)
		g.finish()
	}
}

// number returns v in decimal with at least width digits, in a scratch
// buffer that the next call reuses.
func (g *gen) number(v int64, width int) []byte {
	g.scratch = appendPad(g.scratch[:0], v, width)
	return g.scratch
}

// appendPad appends v in decimal with at least width digits.
func appendPad(b []byte, v int64, width int) []byte {
	var d [20]byte
	i := len(d)
	for v >= 10 {
		i--
		d[i] = byte('0' + v%10)
		v /= 10
	}
	i--
	d[i] = byte('0' + v)
	for n := len(d) - i; n < width; n++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}

// appendDate appends an xsd:date lexical form.
func appendDate(b []byte, y, m, d int) []byte {
	b = appendPad(b, int64(y), 4)
	b = append(b, '-')
	b = appendPad(b, int64(m), 2)
	b = append(b, '-')
	return appendPad(b, int64(d), 2)
}
