package rdfxml_test

import (
	"bytes"
	"civicgraph/internal/rdftest"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"civicgraph/graph"
	"civicgraph/rdf/rdfxml"
)

// FuzzReader checks that the reader never panics, fails only with a
// ParseError (or, for documents that name a remote context, the error
// saying so), returns only valid quads, and that what it returns can be
// written as N-Quads and read back unchanged.
func FuzzReader(f *testing.F) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.rdf"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex/"><ex:T rdf:about="a" ex:p="v" xml:lang="en"><ex:q rdf:parseType="Collection"><ex:A/><rdf:Description rdf:nodeID="n.1"/></ex:q><ex:r rdf:parseType="Literal"><b xmlns="http://h/" c="1">x &amp; y</b></ex:r><rdf:li rdf:ID="i1" rdf:datatype="http://ex/dt">5</rdf:li><ex:s rdf:parseType="Resource"><ex:t rdf:resource="#x" ex:u="w"/></ex:s></ex:T></rdf:RDF>`,
		`<?xml version="1.0" encoding="ISO-8859-1"?><!DOCTYPE rdf:RDF [<!ENTITY ex "http://ex/">]><ex:T xmlns:ex="&ex;" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" rdf:about="&ex;s"/>`,
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="http://ex/s" xml:base="http://ex/b/"><rdf:value rdf:ID="x">text</rdf:value></rdf:Description></rdf:RDF>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := rdfxml.NewReader(bytes.NewReader(data), "fuzz")
		r.SetBase("http://example.org/base/doc")
		var got []graph.Quad
		for {
			q, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				var pe *rdfxml.ParseError
				if !errors.As(err, &pe) && !isExpected(err) {
					t.Fatalf("Read error %v is not a *ParseError", err)
				}
				if pe != nil && (pe.Expected == "" || pe.Error() == "") {
					t.Fatalf("ParseError %#v says nothing", pe)
				}
				break
			}
			if err := q.Validate(); err != nil {
				t.Fatalf("Read returned an invalid quad: %v", err)
			}
			got = append(got, q)
		}
		if r.BytesRead() > int64(len(data)) || r.BytesRead() < 0 {
			t.Fatalf("BytesRead() = %d, input length %d", r.BytesRead(), len(data))
		}
		rdftest.RoundTrip(t, got)
	})
}

// isExpected reports whether err is an error other than a ParseError that
// the reader may return for some input: none.
func isExpected(error) bool { return false }
