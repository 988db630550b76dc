package nquads_test

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"civicgraph/rdf/nquads"
)

func ExampleReader() {
	in := `# two statements, one in a named graph
<http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice"@en <http://example.org/people> .
<http://example.org/alice> <http://xmlns.com/foaf/0.1/knows> _:bob .
`
	r := nquads.NewReader(strings.NewReader(in), "people.nq", true)
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r.Line(), q.O, q.G.IsZero())
	}
	// Output:
	// 2 "Alice"@en false
	// 3 _:bob true
}

func ExampleParseError() {
	in := "<http://example.org/s> <http://example.org/p> <http://example.org/ o> .\n"
	_, err := nquads.NewReader(strings.NewReader(in), "data.nt", false).Read()
	var pe *nquads.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Col, pe.Expected)
		fmt.Println(err)
	}
	// Output:
	// 1 67 '>' to end IRI
	// data.nt:1:67: expected '>' to end IRI, found " "
}
