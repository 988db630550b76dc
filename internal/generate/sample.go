package generate

import (
	"bytes"
	"context"
	"strings"

	"civicgraph/schema"
)

// Sample names IRIs that exist in the output of Write for some options, with
// the number of rows each benchmark query shape returns on that output, so
// that a benchmark can run the same queries on any store (or peer) and check
// the answers. Row counts are counts of statements (or joined rows), exact.
type Sample struct {
	// Subject is a procurement halfway through the procurements, and
	// SubjectTriples the statements about it: the one-subject lookup.
	Subject        string
	SubjectTriples int64
	// ScanPredicate and ScanObject are rdf:type and cg:Mission, and ScanRows
	// the statements with both: the predicate+object scan.
	ScanPredicate, ScanObject string
	ScanRows                  int64
	// Object is the buyer of Subject, an administration, and ObjectRows the
	// statements with it as object (procurements, engagements, missions and
	// administrations pointing to it): the object scan.
	Object     string
	ObjectRows int64
	// Mission is the mission whose 2-hop join
	//	?proc cg:servesMission Mission . ?proc cg:buyer ?a . ?a rdfs:label ?name
	// returns the number of rows closest to 500 per million statements
	// (about 500 at 1M), and TwoHopRows that number.
	Mission    string
	TwoHopRows int64
	// CountPredicate is cg:servesMission and CountPredicateRows the number of
	// statements with it: the count by predicate.
	CountPredicate     string
	CountPredicateRows int64
	// MissionsServed is the number of distinct missions some procurement serves.
	MissionsServed int64
	// Counts is the number of entities of each kind written (an entity counts
	// once its first rdf:type statement is written).
	Counts Counts
}

// twoHopRowsPerMillion is the size of the 2-hop join Sample aims for: the
// peers' reference query returns about 500 rows on a million triples.
const twoHopRowsPerMillion = 500

// SampleIRIs runs the generator for opts, reading its output instead of
// writing it, and returns the [Sample] of that output. It takes about as long
// as Write (a second per million statements). opts.Quads and opts.Format are
// ignored: the sample is of the N-Triples statements, which the N-Quads and
// Turtle outputs hold too.
func SampleIRIs(ctx context.Context, opts Options) (Sample, error) {
	opts.Quads, opts.Format = false, ""
	g, err := newGen(ctx, opts)
	if err != nil {
		return Sample{}, err
	}
	sc := newSampleScanner(g)
	g.out = sc.scan
	if err := g.run(); err != nil {
		return Sample{}, err
	}
	return sc.result(), nil
}

// sampleScanner tallies what Sample needs from N-Triples lines.
type sampleScanner struct {
	s       Sample
	n       int64  // statements Write was asked for
	subject []byte // "<Subject>"
	actorNS []byte // "<{base}actor/": the objects counted in objects
	objects map[string]int64
	names   map[string]int64           // administration or actor → foaf:name statements
	buyers  map[string][]string        // procurement → buyers
	serves  map[string]map[string]bool // mission → procurements serving it
	classes map[string]*int64          // "<class>" → counter in s.Counts
}

func newSampleScanner(g *gen) *sampleScanner {
	sc := &sampleScanner{
		n:       g.limit,
		objects: map[string]int64{},
		names:   map[string]int64{},
		buyers:  map[string][]string{},
		serves:  map[string]map[string]bool{},
	}
	sc.subject = g.appendIRI(nil, kProcurement, g.plan.Procurements/2)
	sc.actorNS = []byte("<" + g.base + schema.KindActor + "/")
	c := &sc.s.Counts
	sc.classes = map[string]*int64{
		"<" + schema.ClassAdministration + ">": &c.Administrations,
		"<" + schema.ClassActor + ">":          &c.Actors,
		"<" + schema.ClassMechanism + ">":      &c.Mechanisms,
		"<" + schema.ClassMission + ">":        &c.Missions,
		"<" + schema.FOAFPerson + ">":          &c.Persons,
		"<" + schema.ClassReference + ">":      &c.References,
		"<" + schema.ClassProcurement + ">":    &c.Procurements,
		"<" + schema.ClassEngagement + ">":     &c.Engagements,
	}
	sc.s.Subject = trimIRI(sc.subject)
	sc.s.ScanPredicate, sc.s.ScanObject = schema.RDFType, schema.ClassMission
	sc.s.CountPredicate = schema.PropServesMission
	return sc
}

// scan reads whole N-Triples lines; it never fails.
func (sc *sampleScanner) scan(b []byte) error {
	for len(b) > 0 {
		nl := bytes.IndexByte(b, '\n')
		line := b[:nl]
		b = b[nl+1:]
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		ps := bytes.Index(line, []byte("> <")) + 1
		s := line[:ps]
		rest := line[ps+1:]
		po := bytes.Index(rest, []byte("> ")) + 1
		p := rest[:po]
		o := rest[po+1 : len(rest)-2]
		sc.statement(s, p, o)
	}
	return nil
}

// statement tallies one statement; s, p and o are terms as written.
func (sc *sampleScanner) statement(s, p, o []byte) {
	if bytes.Equal(s, sc.subject) {
		sc.s.SubjectTriples++
	}
	if bytes.HasPrefix(o, sc.actorNS) {
		sc.objects[string(o)]++
	}
	switch string(p) {
	case "<" + schema.RDFType + ">":
		if c, ok := sc.classes[string(o)]; ok {
			(*c)++
		}
	case "<" + schema.RDFSLabel + ">":
		if bytes.HasPrefix(s, sc.actorNS) {
			sc.names[string(s)]++
		}
	case "<" + schema.PropBuyer + ">":
		sc.buyers[string(s)] = append(sc.buyers[string(s)], string(o))
		if bytes.Equal(s, sc.subject) && sc.s.Object == "" {
			sc.s.Object = trimIRI(o)
		}
	case "<" + schema.PropServesMission + ">":
		sc.s.CountPredicateRows++
		m := sc.serves[string(o)]
		if m == nil {
			m = map[string]bool{}
			sc.serves[string(o)] = m
		}
		m[string(s)] = true
	}
}

// result finishes the tallies.
func (sc *sampleScanner) result() Sample {
	s := sc.s
	s.ScanRows = s.Counts.Missions
	if s.Object != "" {
		s.ObjectRows = sc.objects["<"+s.Object+">"]
	}
	s.MissionsServed = int64(len(sc.serves))
	target := max(1, twoHopRowsPerMillion*sc.n/1_000_000)
	best := int64(-1)
	for m, procs := range sc.serves {
		rows := int64(0)
		for proc := range procs {
			for _, b := range sc.buyers[proc] {
				rows += sc.names[b]
			}
		}
		d, bd := abs(rows-target), abs(best-target)
		if best < 0 || d < bd || d == bd && m < "<"+s.Mission+">" {
			best, s.Mission = rows, trimIRI([]byte(m))
		}
	}
	s.TwoHopRows = max(best, 0)
	return s
}

func abs(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// trimIRI returns the IRI inside angle brackets.
func trimIRI(b []byte) string {
	return strings.TrimSuffix(strings.TrimPrefix(string(b), "<"), ">")
}
