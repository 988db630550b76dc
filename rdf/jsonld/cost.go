package jsonld

import (
	"fmt"
	"strings"

	"civicgraph/rdf/internal/grammar"
)

// Limits on the work a document's contexts can cause. JSON-LD is small
// text that can stand for much more: a term or prefix defined as a long
// IRI expands at every use ("p:1" to 4 KB), and every embedded or scoped
// context copies the active context's term definitions. Without a limit a
// 842 KB document made the processor allocate 472 MB, and 264 KB of
// embedded contexts 645 MB. Before running the processor, the reader
// estimates both from the document itself, and refuses it when either
// estimate passes costFloor + costFactor × the document's size.
const (
	costFactor = 16
	costFloor  = 1 << 20
)

// cost is what the reader learns about a document before processing it.
type cost struct {
	defs     map[string]string // term (and @vocab, @base) -> its IRI as written, in any context
	terms    int               // term definitions in all contexts
	contexts int               // "@context" entries, embedded or scoped
	scoped   bool              // a term definition has a context of its own
	objects  int               // JSON objects outside contexts
	strs     int               // keys and strings outside contexts
	strBytes int               // their bytes
	vocab    bool              // a context sets @vocab, so keys may expand to IRIs
	badIRI   string            // the first @id, @type, key or term definition meant as an IRI with a character RDF forbids
}

// checkCost estimates how far the contexts of doc expand it, and how many
// term definitions processing them copies, and returns a ParseError when
// either is out of proportion to the document's size.
func (r *Reader) checkCost(doc any, size int) error {
	c := &cost{defs: map[string]string{}}
	c.walk(doc)
	if c.badIRI == "" && c.vocab {
		c.walkKeys(doc)
	}
	if c.badIRI != "" {
		// The processor would drop the statements silently.
		return r.iriError(c.badIRI)
	}
	limit := costFloor + costFactor*int64(size)

	// The longest IRI a term expands to: its definition, with a
	// prefix it starts with expanded in turn.
	longest, longTerm := 0, ""
	memo := map[string]int{}
	for t := range c.defs {
		if n := c.expLen(t, memo); n > longest {
			longest, longTerm = n, t
		}
	}
	extra := longest + len(r.base) // a relative IRI resolves against the base too
	if expanded := int64(c.strBytes) + int64(c.strs)*int64(extra); expanded > limit {
		return &ParseError{File: r.name, Path: "$",
			Found:    fmt.Sprintf("term %q, %d bytes as an IRI, and %d keys and strings that may use it (up to %d bytes in all)", longTerm, longest, c.strs, expanded),
			Expected: fmt.Sprintf("contexts that expand the document to at most %d bytes (%d times its size plus 1 MiB)", limit, costFactor)}
	}
	copies := int64(c.contexts) * int64(c.terms)
	if c.scoped {
		copies += int64(c.objects) * int64(c.terms)
	}
	if copies > limit {
		return &ParseError{File: r.name, Path: "$",
			Found:    fmt.Sprintf("%d contexts and %d term definitions (up to %d copies of a definition)", c.contexts, c.terms, copies),
			Expected: fmt.Sprintf("contexts whose processing copies at most %d term definitions (%d times the document's size plus 1 MiB)", limit, costFactor)}
	}
	return nil
}

// walk counts the data and takes the contexts of v.
func (c *cost) walk(v any) {
	switch v := v.(type) {
	case map[string]any:
		c.objects++
		for k, e := range v {
			if k == "@context" {
				c.context(e)
				continue
			}
			c.strs++
			c.strBytes += len(k)
			if strings.IndexByte(k, ':') > 0 {
				c.checkIRI(k)
			}
			if k == "@id" || k == "@type" {
				switch e := e.(type) {
				case string:
					c.checkIRI(e)
				case []any:
					for _, t := range e {
						if s, ok := t.(string); ok {
							c.checkIRI(s)
						}
					}
				}
			}
			c.walk(e)
		}
	case []any:
		for _, e := range v {
			c.walk(e)
		}
	case string:
		c.strs++
		c.strBytes += len(v)
	}
}

// context takes the term definitions of a context value: an object, an
// array of them, a URL or null.
func (c *cost) context(v any) {
	c.contexts++
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if m, ok := e.(map[string]any); ok {
				c.contextObject(m)
			}
		}
	case map[string]any:
		c.contextObject(v)
	}
}

// contextObject takes the term definitions of one context object.
func (c *cost) contextObject(m map[string]any) {
	for term, def := range m {
		c.terms++
		switch def := def.(type) {
		case string:
			c.define(term, def)
		case map[string]any:
			for _, k := range [...]string{"@id", "@reverse"} {
				if s, ok := def[k].(string); ok {
					c.define(term, s)
				}
			}
			if s, ok := def["@type"].(string); ok {
				c.define(term+"\x00@type", s) // a datatype IRI, expanded at every value
			}
			if sub, ok := def["@context"]; ok {
				c.scoped = true
				c.context(sub)
			}
		}
	}
}

// checkIRI records s, a string meant as an IRI, if it has a character RDF
// forbids in IRIs and is not one the processor drops anyway: a keyword, a
// blank node label, or a relative IRI where no base IRI could apply (its
// statements are dropped, as the specification says).
func (c *cost) checkIRI(s string) {
	if c.badIRI != "" || strings.HasPrefix(s, "@") || strings.HasPrefix(s, "_:") || grammar.IndexIRIForbidden(s) < 0 {
		return
	}
	c.badIRI = s
}

// walkKeys checks every key outside contexts, which @vocab turns into
// IRIs, for a character RDF forbids in IRIs.
func (c *cost) walkKeys(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if k == "@context" {
				continue
			}
			if !strings.HasPrefix(k, "@") && grammar.IndexIRIForbidden(k) >= 0 {
				c.badIRI = k
				return
			}
			c.walkKeys(e)
		}
	case []any:
		for _, e := range v {
			c.walkKeys(e)
		}
	}
}

// define records the longest definition of term seen.
func (c *cost) define(term, iri string) {
	if term == "@vocab" {
		c.vocab = true
	}
	if !strings.HasPrefix(term, "@") || term == "@vocab" || term == "@base" {
		c.checkIRI(iri)
	}
	if len(iri) > len(c.defs[term]) {
		c.defs[term] = iri
	}
}

// expLen returns the length of the IRI term expands to: its definition,
// with the prefix before a ':' expanded when it is a term too. Each term is
// worked out once; a cycle (which the processor refuses) stops where it
// comes back.
func (c *cost) expLen(term string, memo map[string]int) int {
	if n, ok := memo[term]; ok {
		return n
	}
	def := c.defs[term]
	n := len(def)
	memo[term] = n // what a cycle back here sees
	if i := strings.IndexByte(def, ':'); i > 0 {
		if p := def[:i]; p != term {
			if _, ok := c.defs[p]; ok {
				n = c.expLen(p, memo) + len(def) - i - 1
			}
		}
	}
	memo[term] = n
	return n
}
