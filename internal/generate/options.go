package generate

import (
	"fmt"
	"strings"

	"civicgraph/schema"
)

// Options says what Write produces. The zero value is valid: it writes the
// header line and nothing else, with seed 0, as N-Triples under
// [schema.DefaultBase].
type Options struct {
	// Triples is how many statements to write, after the one header comment
	// line. It must not be negative. The last entity may be cut short to make
	// the count exact.
	//
	// For the record formats (OCDS, CSVProcurement) it is the size in
	// N-Triples statements: Write writes whole procurements until their
	// N-Triples statements reach Triples (the last one may pass it by up to
	// about 30), so that a file of each format holds about as much data as
	// the N-Triples file of the same count. See the package documentation.
	Triples int64
	// Seed selects the data. The same options always give the same bytes, on
	// every platform and Go release.
	Seed int64
	// Quads writes N-Quads: the same statements, each in a named graph under
	// [schema.GraphIllustrative] (see [Graphs]). It is the same as Format
	// NQuads, and an error with any other Format.
	Quads bool
	// Format is the output syntax. Empty means N-Triples, or N-Quads when
	// Quads is set.
	Format Format
	// Base is the base IRI of instances, which are {Base}{kind}/{slug} as in
	// [schema.EntityIRI]. Empty means [schema.DefaultBase].
	Base string
	// Plan, when not nil, says how many entities of each kind to write
	// instead of planning them from Triples (see [PlanFor]); its
	// Engagements are written too, instead of filling what is left. Triples
	// 0 then means no limit on statements, and the dataset description
	// leaves out void:triples. Only the RDF formats (N-Triples, N-Quads,
	// Turtle) take a Plan. The comparison benchmark uses it: 1,000
	// administrations, 100,000 procurements, 500,000 engagements.
	Plan *Counts
}

// PlanFor returns the entity counts of a dataset with the given numbers
// of administrations, procurements and engagements; the other kinds keep
// the ratios to procurements that Write plans by (see the package doc).
func PlanFor(administrations, procurements, engagements int64) Counts {
	c := planned(max(1, procurements) * 75)
	c.Procurements = max(1, procurements)
	c.Administrations = max(1, administrations)
	c.Engagements = max(0, engagements)
	return c
}

// DefaultOptions returns the options used by benchmarks: one million
// triples, seed 1, N-Triples, the default base.
func DefaultOptions() Options {
	return Options{Triples: 1_000_000, Seed: 1, Base: schema.DefaultBase}
}

// normalize validates opts and fills in the default base. A base without a
// final "/" or "#" gets a "/", as in [schema.EntityIRI].
func (opts Options) normalize() (Options, error) {
	if opts.Triples < 0 {
		return opts, fmt.Errorf("%w: %d", ErrNegativeTriples, opts.Triples)
	}
	switch {
	case opts.Format == "" && opts.Quads:
		opts.Format = NQuads
	case opts.Format == "":
		opts.Format = NTriples
	case opts.Quads && opts.Format != NQuads:
		return opts, fmt.Errorf("%w: Quads with format %q", ErrUnknownFormat, opts.Format)
	}
	f, err := ParseFormat(string(opts.Format))
	if err != nil {
		return opts, err
	}
	opts.Format = f
	opts.Quads = opts.Format == NQuads
	if opts.Plan != nil && opts.Format.records() {
		return opts, fmt.Errorf("%w: a plan of entity counts with format %q (only nt, nq, ttl)", ErrUnknownFormat, opts.Format)
	}
	if opts.Base == "" {
		opts.Base = schema.DefaultBase
	}
	if !validBase(opts.Base) {
		return opts, fmt.Errorf("%w: %q", ErrInvalidBase, opts.Base)
	}
	if !strings.HasSuffix(opts.Base, "/") && !strings.HasSuffix(opts.Base, "#") {
		opts.Base += "/"
	}
	return opts, nil
}

// validBase reports whether base has a scheme and only characters that an
// N-Triples IRIREF allows unescaped.
func validBase(base string) bool {
	colon := strings.IndexByte(base, ':')
	if colon < 1 {
		return false
	}
	for i := 0; i < len(base); i++ {
		c := base[i]
		if i < colon && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
		if c <= ' ' || strings.IndexByte("<>\"{}|^`\\", c) >= 0 {
			return false
		}
	}
	return true
}
