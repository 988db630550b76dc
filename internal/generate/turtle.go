package generate

import (
	"bytes"
	"io"

	"civicgraph/schema"
)

// turtlePrefixes are the vocabulary prefixes of schema.Prefixes that the
// generated statements use, in the order the header lists them.
var turtlePrefixes = [...]string{"cg", "rdfs", "xsd", "skos", "dcterms", "foaf", "org", "bibo", "prov",
	"schema", "epo", "dcat", "void"}

// turtleKinds are the entity kinds the generator makes instances of; each
// gets a prefix named after it for {base}{kind}/.
var turtleKinds = [...]string{schema.KindActor, schema.KindMechanism, schema.KindMission,
	schema.KindPerson, schema.KindReference, schema.KindProcurement, schema.KindEngagement}

// turtleSchemes are the concept schemes whose concepts the generator uses;
// each gets a prefix named after it.
var turtleSchemes = [...]string{schema.SchemeLifecycle, schema.SchemeSector, schema.SchemeGovernmentLevel,
	schema.SchemeInstitutionalisation, schema.SchemeDemocraticFunction, schema.SchemeInfluence,
	schema.SchemeOpenGovernmentTier, schema.SchemeDecisionStage, schema.SchemeLever,
	schema.SchemeRiskClass, schema.SchemeProcurementStatus, schema.SchemeProcedureType}

// turtleWriter writes the statements as Turtle: one block per subject, its
// statements in the generator's order (which keeps the objects of one
// predicate together).
type turtleWriter struct {
	sink
	header  [][2]string       // prefix name, namespace
	names   map[string]string // namespace -> prefix name
	subj    []byte            // subject of the open block, as in N-Triples
	pred    []byte            // predicate of the last statement
	started bool              // the prefixes are written
}

func newTurtleWriter(w io.Writer, base string) *turtleWriter {
	t := &turtleWriter{sink: newSink(w), names: map[string]string{}}
	add := func(name, ns string) {
		t.header = append(t.header, [2]string{name, ns})
		t.names[ns] = name
	}
	for _, want := range turtlePrefixes {
		for _, p := range schema.Prefixes() {
			if p.Name == want {
				add(p.Name, p.IRI)
			}
		}
	}
	for _, k := range turtleKinds {
		add(k, base+k+"/")
	}
	for _, s := range turtleSchemes {
		add(s, schema.ConceptBase+s+"/")
	}
	return t
}

// comment copies the header comment, then writes the prefixes.
func (t *turtleWriter) comment(line []byte) {
	t.buf = append(t.buf, line...)
	t.buf = append(t.buf, '\n')
	t.prefixes()
}

func (t *turtleWriter) prefixes() {
	if t.started {
		return
	}
	t.started = true
	for _, h := range t.header {
		t.buf = append(t.buf, "@prefix "...)
		t.buf = append(t.buf, h[0]...)
		t.buf = append(t.buf, ": <"...)
		t.buf = append(t.buf, h[1]...)
		t.buf = append(t.buf, "> .\n"...)
	}
}

func (t *turtleWriter) statement(s, p, o []byte) error {
	t.prefixes()
	switch {
	case t.subj != nil && bytes.Equal(s, t.subj) && bytes.Equal(p, t.pred):
		t.buf = append(t.buf, ", "...)
	case t.subj != nil && bytes.Equal(s, t.subj):
		t.buf = append(t.buf, " ;\n    "...)
		t.predicate(p)
		t.buf = append(t.buf, ' ')
	default:
		if t.subj != nil {
			t.buf = append(t.buf, " .\n"...)
		}
		t.buf = append(t.buf, '\n')
		t.iri(s)
		t.buf = append(t.buf, ' ')
		t.predicate(p)
		t.buf = append(t.buf, ' ')
		t.subj = append(t.subj[:0], s...)
	}
	t.pred = append(t.pred[:0], p...)
	t.object(o)
	return t.maybeFlush()
}

func (t *turtleWriter) finish() error {
	t.prefixes()
	if t.subj != nil {
		t.buf = append(t.buf, " .\n"...)
	}
	return t.flush()
}

// predicate writes rdf:type as "a", others as IRIs.
func (t *turtleWriter) predicate(p []byte) {
	if string(iriOf(p)) == schema.RDFType {
		t.buf = append(t.buf, 'a')
		return
	}
	t.iri(p)
}

// iri writes a term "<iri>" as a prefixed name when a prefix's namespace
// ends where the IRI's last segment starts and that segment is a safe local
// name; otherwise as it is.
func (t *turtleWriter) iri(term []byte) {
	iri := iriOf(term)
	if k := lastSep(iri); k >= 0 && safeLocal(iri[k+1:]) {
		if name, ok := t.names[string(iri[:k+1])]; ok {
			t.buf = append(t.buf, name...)
			t.buf = append(t.buf, ':')
			t.buf = append(t.buf, iri[k+1:]...)
			return
		}
	}
	t.buf = append(t.buf, term...)
}

// object writes an IRI or a literal. Integers, decimals and booleans are
// written bare, as Turtle allows; other datatypes as prefixed names. The
// lexical form keeps its N-Triples escapes, which Turtle strings share.
func (t *turtleWriter) object(o []byte) {
	if o[0] == '<' {
		t.iri(o)
		return
	}
	lex, suffix := literal(o)
	if len(suffix) > 2 && suffix[0] == '^' {
		dt := suffix[2:]
		switch string(iriOf(dt)) {
		case schema.XSDInteger:
			if isDigits(lex) {
				t.buf = append(t.buf, lex...)
				return
			}
		case schema.XSDDecimal:
			if i := bytes.IndexByte(lex, '.'); i > 0 && isDigits(lex[:i]) && isDigits(lex[i+1:]) {
				t.buf = append(t.buf, lex...)
				return
			}
		case schema.XSDBoolean:
			if string(lex) == "true" || string(lex) == "false" {
				t.buf = append(t.buf, lex...)
				return
			}
		}
		t.buf = append(t.buf, o[:len(o)-len(dt)]...)
		t.iri(dt)
		return
	}
	t.buf = append(t.buf, o...)
}

// isDigits reports whether b is one or more ASCII digits.
func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// safeLocal reports whether s can be written as the local part of a
// prefixed name without escapes: letters, digits, '_' and '-', not
// starting with '-'.
func safeLocal(s []byte) bool {
	if len(s) == 0 || s[0] == '-' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
