package turtle_test

import (
	"fmt"
	"io"
	"strings"

	"civicgraph/rdf/turtle"
)

func ExampleReader() {
	in := `@prefix dct: <http://purl.org/dc/terms/> .
<procurement/1> a <http://data.europa.eu/a4g/ontology#Procurement> ;
    dct:title "AI triage"@en , "AI-triage"@nl .
`
	r := turtle.NewReader(strings.NewReader(in), "example.ttl", false)
	if err := r.SetBase("https://data.example/"); err != nil {
		fmt.Println(err)
		return
	}
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
	// 2 <https://data.example/procurement/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://data.europa.eu/a4g/ontology#Procurement> .
	// 3 <https://data.example/procurement/1> <http://purl.org/dc/terms/title> "AI triage"@en .
	// 3 <https://data.example/procurement/1> <http://purl.org/dc/terms/title> "AI-triage"@nl .
}

func ExampleReader_trig() {
	in := `PREFIX : <http://example.org/>
:s :p :o .
GRAPH :g { :s :p [ :q ( 1 ) ] }
`
	r := turtle.NewReader(strings.NewReader(in), "example.trig", true)
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(q)
	}
	// Output:
	// <http://example.org/s> <http://example.org/p> <http://example.org/o> .
	// _:_g2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g> .
	// _:_g2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> <http://example.org/g> .
	// _:_g1 <http://example.org/q> _:_g2 <http://example.org/g> .
	// <http://example.org/s> <http://example.org/p> _:_g1 <http://example.org/g> .
}

func ExampleParseError() {
	r := turtle.NewReader(strings.NewReader("<http://a/s> <http://a/p> .\n"), "bad.ttl", false)
	_, err := r.Read()
	fmt.Println(err)
	// Output:
	// bad.ttl:1:27: expected object (IRI, blank node, literal, '[' or '('), found "."
}
