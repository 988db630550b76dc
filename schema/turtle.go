package schema

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"civicgraph/graph"

	"github.com/knakk/rdf"
)

// parseTurtle decodes the Turtle document data into quads in graph g. Blank
// node labels are prefixed with label, so that blank nodes from different
// documents never meet. name is used in error messages.
func parseTurtle(name, label string, data []byte, g graph.Term) ([]graph.Quad, error) {
	dec := rdf.NewTripleDecoder(bytes.NewReader(data), rdf.Turtle)
	var quads []graph.Quad
	for {
		t, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrLoad, name, err)
		}
		q := graph.Quad{
			S: fromRDF(t.Subj, label),
			P: fromRDF(t.Pred, label),
			O: fromRDF(t.Obj, label),
			G: g,
		}
		if err := q.Validate(); err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrLoad, name, err)
		}
		quads = append(quads, q)
	}
	return quads, nil
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
