package queries

import (
	"strings"

	"civicgraph/graph"
)

// entityTerm reads an argument that names an entity, the one way every
// field does: an id (actor/nesta, concept/lifecycle/award, the IRI relative
// to the instance base), a full IRI (bare or in angle brackets), or _:label
// for a blank node.
func (r *Resolver) entityTerm(s string) (graph.Term, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") && strings.HasSuffix(s, ">") {
		s = s[1 : len(s)-1]
	}
	if s == "" || s == "_:" {
		return graph.Term{}, errorf(CodeBadInput, "empty id; ids look like actor/nesta or the full IRI")
	}
	return r.termOfID(s), nil
}

// resolveEntity reads an entity argument (see entityTerm) and returns its
// term id in v. An entity the store says nothing about, either way, is a
// [CodeNotFound] error that names the argument as given and says what ids
// look like.
func (r *Resolver) resolveEntity(v *graph.View, arg, s string) (graph.Term, graph.ID, error) {
	t, err := r.entityTerm(s)
	if err != nil {
		return graph.Term{}, 0, argError(arg, err)
	}
	id, err := v.Lookup(t)
	if err != nil {
		return graph.Term{}, 0, err
	}
	if id != 0 {
		// A term in the dictionary may be used by no quad any more (deleted).
		for _, p := range []graph.IDPattern{{S: id}, {O: id}} {
			for _, err := range v.MatchIDs(p) {
				if err != nil {
					return graph.Term{}, 0, err
				}
				return t, id, nil
			}
		}
	}
	return graph.Term{}, 0, notFoundError(arg, s)
}

// notFoundError is the error for an entity argument that names nothing in
// the store.
func notFoundError(arg, s string) *Error {
	return &Error{Code: CodeNotFound,
		Message: "no entity " + s + " (argument " + arg + "); ids look like actor/nesta or the full IRI",
		Details: map[string]any{"argument": arg, "value": s}}
}

// argError prefixes an argument's name to a client error.
func argError(arg string, err error) error {
	if e, ok := err.(*Error); ok {
		return &Error{Code: e.Code, Message: arg + ": " + e.Message, Details: e.Details, Cause: e.Cause}
	}
	return err
}
