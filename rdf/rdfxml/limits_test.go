package rdfxml_test

import (
	"errors"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/internal/hostile"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf/problems"
	"civicgraph/rdf/rdfxml"
)

const dtd = `<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY a "`

// entityBomb returns a document that declares an entity of 4096 bytes and
// refers to it refs times, in one text node or in attributes.
func entityBomb(refs int, inAttrs bool) string {
	var b strings.Builder
	b.WriteString(dtd + strings.Repeat("x", 4096) + `"><!ENTITY ex "http://ex/">]>` + "\n" + head + "\n")
	if inAttrs {
		for i := range refs / 10 {
			b.WriteString(`<rdf:Description rdf:about="&ex;s" ex:p="&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"/>` + "\n")
			_ = i
		}
	} else {
		b.WriteString(`<rdf:Description rdf:about="&ex;s"><ex:p>`)
		b.WriteString(strings.Repeat("&a;", refs))
		b.WriteString("</ex:p></rdf:Description>")
	}
	b.WriteString("</rdf:RDF>\n")
	return b.String()
}

// TestReader_memoryBound feeds documents built to make the reader use
// memory out of proportion to their size, and checks that reading them
// allocates at most the stated bound, and that the ones past a limit fail
// with an error that names the limit and quotes a short excerpt.
func TestReader_memoryBound(t *testing.T) {
	// Many references to one short entity, as ontologies use them: well
	// within the limit, however many.
	var legit strings.Builder
	legit.WriteString(`<?xml version="1.0"?><!DOCTYPE rdf:RDF [<!ENTITY ex "http://example.org/a/rather/long/namespace/of/an/ontology#">]>` + head + "\n")
	for range 20000 {
		legit.WriteString(`<rdf:Description rdf:about="&ex;s"><ex:p rdf:resource="&ex;o"/></rdf:Description>` + "\n")
	}
	legit.WriteString("</rdf:RDF>\n")

	tests := []struct {
		name      string
		in        string
		maxAlloc  uint64 // bytes
		wantQuads int    // when no error is wanted
		wantFound string // the error's Found, "" for no error
		wantLine  int
	}{
		// 104 KB that expanded to 106 MB of text, and allocated 1.1 GB.
		{name: "EntityInText", in: entityBomb(26000, false), maxAlloc: 32 << 20, wantFound: "&a;", wantLine: 3},
		{name: "EntityInAttributes", in: entityBomb(26000, true), maxAlloc: 32 << 20, wantFound: "&a;"},
		{name: "ManyShortReferences", in: legit.String(), maxAlloc: 64 << 20, wantQuads: 20000},
		{name: "DeepNesting", in: head + strings.Repeat(`<rdf:Description><ex:p>`, 3000) + "</rdf:RDF>", maxAlloc: 32 << 20, wantFound: "ex:p"},
		{name: "LongTextInError", in: head + "</rdf:RDF>" + strings.Repeat("t", 10<<20), maxAlloc: 160 << 20, wantFound: problems.Excerpt(strings.Repeat("t", 100))},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var n int
			var err error
			alloc := hostile.AllocDuring(func() {
				r := rdfxml.NewReader(strings.NewReader(tc.in), "bomb.rdf")
				qs, e := rdftest.ReadAll(r)
				n, err = len(qs), e
			})
			t.Logf("%d bytes of input: %d quads, %.1f MiB allocated, err %.300v", len(tc.in), n, float64(alloc)/(1<<20), err)
			hostile.CheckAlloc(t, len(tc.in), alloc, tc.maxAlloc)
			if tc.wantFound == "" {
				if err != nil || n != tc.wantQuads {
					t.Fatalf("read %d quads, err %v; want %d, nil", n, err, tc.wantQuads)
				}
				return
			}
			var pe *rdfxml.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %.300v, want a *ParseError", err)
			}
			if pe.Found != tc.wantFound || tc.wantLine != 0 && pe.Line != tc.wantLine {
				t.Errorf("error at line %d found %.80q, want line %d found %q (%.300v)", pe.Line, pe.Found, tc.wantLine, tc.wantFound, err)
			}
			if len(err.Error()) > 512 {
				t.Errorf("error message has %d bytes, want a short one: %.200s...", len(err.Error()), err)
			}
		})
	}
}

// TestReader_repeatedEncodingDeclaration checks that only the first XML
// declaration decides the encoding: encoding/xml asks for a decoder at
// each, and decoding ISO-8859-1 again at each doubled every non-ASCII
// byte each time (30 declarations: 1 GiB for one "é").
func TestReader_repeatedEncodingDeclaration(t *testing.T) {
	in := strings.Repeat(`<?xml version="1.0" encoding="ISO-8859-1"?>`, 30) + head +
		"<ex:T rdf:about=\"http://ex/s\" ex:p=\"caf\xe9\"/></rdf:RDF>"
	var qs []graph.Quad
	var err error
	alloc := hostile.AllocDuring(func() {
		qs, err = rdftest.ReadAll(rdfxml.NewReader(strings.NewReader(in), "latin1.rdf"))
	})
	hostile.CheckAlloc(t, len(in), alloc, 1<<20)
	if err != nil || len(qs) != 2 || qs[1].O != graph.String("café") {
		t.Errorf("Read = %v, %v; want the type and ex:p \"café\"", qs, err)
	}
}
