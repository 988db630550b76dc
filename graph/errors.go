package graph

import "errors"

// ErrInvalidQuad is returned when a quad is not well-formed RDF.
var ErrInvalidQuad = errors.New("graph: invalid quad")
