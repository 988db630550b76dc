package generate

import (
	"io"
	"strings"

	"civicgraph/schema"
)

// The record formats (OCDS, CSV) describe procurements: the generator runs
// with the plan of recordPlan(Options.Triples) statements, writes the
// administrations, other actors and procurements of that plan (each link
// still points to an entity of the plan), and a recordWriter gathers each
// entity's statements and writes every procurement as one record until the
// procurements' N-Triples statements reach Options.Triples.

// recordPlan returns the number of statements whose plan has enough
// procurements for n statements of them: a procurement takes about 21.5
// statements and the plan of m statements has m/75 procurements, so 4n
// leaves about 15% to spare.
func recordPlan(n int64) int64 { return 4*n + 1000 }

// entity is one subject's statements, terms as in N-Triples.
type entity struct {
	iri   string
	props []prop
}

type prop struct{ p, o string }

// first returns the object of the first statement with predicate p, or "".
func (e *entity) first(p string) string {
	for _, pr := range e.props {
		if pr.p == p {
			return pr.o
		}
	}
	return ""
}

// has reports whether e has the statement p o.
func (e *entity) has(p, o string) bool {
	for _, pr := range e.props {
		if pr.p == p && pr.o == o {
			return true
		}
	}
	return false
}

// text returns the unescaped lexical form of a literal term, or "" for "".
func text(o string) string {
	if o == "" {
		return ""
	}
	lex, _ := literal([]byte(o))
	return unescape(lex)
}

// langOf returns the language tag of a literal term, or "".
func langOf(o string) string {
	_, suffix := literal([]byte(o))
	if len(suffix) > 0 && suffix[0] == '@' {
		return string(suffix[1:])
	}
	return ""
}

// unbracket returns the IRI of a term "<iri>".
func unbracket(o string) string { return strings.TrimSuffix(strings.TrimPrefix(o, "<"), ">") }

// recordSink writes one procurement as a record.
type recordSink interface {
	// record writes procurement e; parties holds the administrations and
	// actors written so far, by their IRI term.
	record(e *entity, parties map[string]*entity) error
	// close writes what is left.
	close() error
}

// recordWriter gathers the statements of each subject and hands every
// procurement to its sink, until the procurements' statements reach limit.
type recordWriter struct {
	limit   int64 // N-Triples statements of procurements to cover
	n       int64 // N-Triples statements of the procurements written
	cur     entity
	parties map[string]*entity // administrations and actors, by "<iri>"
	out     recordSink
	done    bool
}

func newRecordWriter(limit int64, out recordSink) *recordWriter {
	return &recordWriter{limit: limit, parties: map[string]*entity{}, out: out}
}

func (r *recordWriter) comment([]byte) {}

func (r *recordWriter) statement(s, p, o []byte) error {
	if string(s) != r.cur.iri {
		if err := r.end(); err != nil {
			return err
		}
		r.cur = entity{iri: string(s)}
	}
	r.cur.props = append(r.cur.props, prop{string(p), string(o)})
	return nil
}

// end handles the entity just completed.
func (r *recordWriter) end() error {
	e := r.cur
	if e.iri == "" || r.done {
		return nil
	}
	typ := "<" + schema.RDFType + ">"
	switch {
	case e.has(typ, "<"+schema.ClassProcurement+">"):
		if r.n >= r.limit {
			r.done = true
			return errEnough
		}
		r.n += int64(len(e.props))
		return r.out.record(&e, r.parties)
	case e.has(typ, "<"+schema.ClassActor+">"), e.has(typ, "<"+schema.ClassAdministration+">"):
		r.parties[e.iri] = &e
	}
	return nil
}

func (r *recordWriter) finish() error {
	if err := r.end(); err != nil && err != errEnough {
		return err
	}
	return r.out.close()
}

// newRecordSink returns the sink of a record format.
func newRecordSink(f Format, w io.Writer, g *gen) recordSink {
	if f == OCDS {
		return newOCDSWriter(w, g)
	}
	return newCSVWriter(w, g)
}
