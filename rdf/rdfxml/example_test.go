package rdfxml_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"civicgraph/rdf/rdfxml"
)

func ExampleReader() {
	in := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:foaf="http://xmlns.com/foaf/0.1/">
  <foaf:Person rdf:about="alice">
    <foaf:name xml:lang="en">Alice</foaf:name>
  </foaf:Person>
</rdf:RDF>`
	r := rdfxml.NewReader(strings.NewReader(in), "people.rdf")
	r.SetBase("http://example.org/")
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Line(), q)
	}
	// Output:
	// 3 <http://example.org/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
	// 4 <http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice"@en .
}

func ExampleParseError() {
	in := `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="http://example.org/s">
    <rdf:li rdf:ID="1st">x</rdf:li>
  </rdf:Description>
</rdf:RDF>`
	r := rdfxml.NewReader(strings.NewReader(in), "data.rdf")
	r.SetBase("http://example.org/")
	_, err := r.Read()
	var pe *rdfxml.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Path, pe.Found)
		fmt.Println(err)
	}
	// Output:
	// 3 /rdf:RDF/rdf:Description/rdf:li 1st
	// data.rdf:3:26: /rdf:RDF/rdf:Description/rdf:li: expected an XML NCName as rdf:ID, found "1st"
}
