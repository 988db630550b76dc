package generate

import (
	"fmt"
	"strings"
)

// Format is an output syntax of [Write].
type Format string

// The formats Write writes. NTriples, NQuads and Turtle hold the whole
// dataset; OCDS and CSVProcurement hold records of procurements (see
// [Options.Triples] for how many).
const (
	// NTriples writes one statement a line.
	NTriples Format = "nt"
	// NQuads writes one statement a line, each in a named graph (see [Graphs]).
	NQuads Format = "nq"
	// Turtle writes the N-Triples statements as a person writes Turtle:
	// @prefix lines, one block per subject, predicates joined by ";",
	// objects of one predicate by ",", rdf:type as "a", numbers and booleans
	// bare.
	Turtle Format = "ttl"
	// OCDS writes the procurements as OCDS 1.1 releases in release
	// packages of [ReleasesPerPackage], one package a line (JSON Lines).
	OCDS Format = "ocds"
	// CSVProcurement writes the procurements as rows of civicgraph's CSV
	// template for procurements (`civicgraph template procurement`).
	CSVProcurement Format = "csv:procurement"
)

// Formats lists the formats Write writes.
func Formats() []Format {
	return []Format{NTriples, NQuads, Turtle, OCDS, CSVProcurement}
}

// ParseFormat returns the format named name, one of [Formats].
func ParseFormat(name string) (Format, error) {
	for _, f := range Formats() {
		if strings.EqualFold(name, string(f)) {
			return f, nil
		}
	}
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, string(f))
	}
	return "", fmt.Errorf("%w %q: expected one of %s", ErrUnknownFormat, name, strings.Join(names, ", "))
}

// Ext returns the file extension, without the dot, that civicgraph import
// reads f from: nt, nq, ttl, jsonl (OCDS) or csv.
func (f Format) Ext() string {
	switch f {
	case OCDS:
		return "jsonl"
	case CSVProcurement:
		return "csv"
	}
	return string(f)
}

// records reports whether f writes records of procurements rather than the
// whole dataset.
func (f Format) records() bool { return f == OCDS || f == CSVProcurement }
