package schema

import "errors"

// ErrLoad is returned by [New] when an embedded Turtle document does not
// parse. It means the package was built with a broken ontology, concept or
// shapes file.
var ErrLoad = errors.New("schema: cannot load embedded schema")

// ErrViolation is matched (with errors.Is) by every [Violation] and by the
// error of [Violations.Err].
var ErrViolation = errors.New("schema: shape violation")
