package seed

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"civicgraph/graph"

	"github.com/knakk/rdf"
)

// ErrTurtle is returned, wrapped, when a Turtle file of the seed does not
// parse.
var ErrTurtle = errors.New("seed: bad Turtle")

// parseTurtle decodes the Turtle document data (the file name) into quads
// in graph g. Relative IRIs resolve against base. Blank node labels get a
// prefix made of the file name, so that blank nodes of different files never
// meet. knakk/rdf re-panics on runtime errors in its parser; a panic is
// turned into an error here.
//
// knakk's lexer, though, runs in a goroutine of its own, where a panic
// cannot be recovered and ends the process; some malformed documents do
// that (testdata/knakk-crashers, checked by TestParseTurtle_KnakkCrashes).
// The seed only ever parses its own embedded files, which the tests load,
// so this is safe here; an importer of Turtle from users is not.
func parseTurtle(name string, data []byte, base string, g graph.Term) (quads []graph.Quad, err error) {
	defer func() {
		if r := recover(); r != nil {
			quads, err = nil, fmt.Errorf("%w: %s: parser panic: %v", ErrTurtle, name, r)
		}
	}()
	dec := rdf.NewTripleDecoder(bytes.NewReader(data), rdf.Turtle)
	b, err := rdf.NewIRI(base)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: base %q: %v", ErrTurtle, name, base, err)
	}
	if err := dec.SetOption(rdf.Base, b); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrTurtle, name, err)
	}
	label := blankPrefix(name)
	for {
		t, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			return quads, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrTurtle, name, err)
		}
		q := graph.Quad{S: fromRDF(t.Subj, label), P: fromRDF(t.Pred, label), O: fromRDF(t.Obj, label), G: g}
		if err := q.Validate(); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrTurtle, name, err)
		}
		quads = append(quads, q)
	}
}

// blankPrefix returns the blank node label prefix for a file: its name with
// every character that is not a letter or digit turned into '-'.
func blankPrefix(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, name)
}

// fromRDF maps a knakk/rdf term to a graph.Term.
func fromRDF(t rdf.Term, label string) graph.Term {
	switch t := t.(type) {
	case rdf.IRI:
		return graph.IRI(t.String())
	case rdf.Blank:
		return graph.Blank(label + "-" + strings.TrimPrefix(t.String(), "_:"))
	case rdf.Literal:
		if t.Lang() != "" {
			return graph.LangLiteral(t.String(), t.Lang())
		}
		return graph.Literal(t.String(), t.DataType.String())
	}
	return graph.Term{}
}
