package schema

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// shapeIRI returns the IRI of the SHACL node shape for class.
func shapeIRI(class string) string {
	local := class[strings.LastIndexAny(class, "#/")+1:]
	return NSShapes + local
}

// WriteSHACL writes the shapes of [Shapes] to w as a SHACL document in
// Turtle, one sh:NodeShape per class, so that tools outside civicgraph can
// validate data the same way. Two differences from [Schema.Validate]:
// sh:class needs the value's type in the data graph, where Validate skips
// values it cannot type; and a concept scheme constraint becomes a nested
// shape on skos:inScheme, which needs concepts.ttl in the data graph.
func (s *Schema) WriteSHACL(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# SHACL shapes of the civicgraph ontology %s, generated from schema/shapes.go.\n\n", OntologyVersion)
	for _, p := range Prefixes() {
		fmt.Fprintf(bw, "@prefix %s: <%s> .\n", p.Name, p.IRI)
	}
	fmt.Fprintf(bw, "@prefix cgsh: <%s> .\n", NSShapes)
	for _, sh := range s.shapes {
		writeShape(bw, &sh.Shape)
	}
	return bw.Flush()
}

func writeShape(w *bufio.Writer, sh *Shape) {
	fmt.Fprintf(w, "\n%s a sh:NodeShape ;\n", turtleIRI(shapeIRI(sh.Class)))
	fmt.Fprintf(w, "    sh:targetClass %s ;\n", turtleIRI(sh.Class))
	fmt.Fprintf(w, "    rdfs:isDefinedBy %s", turtleIRI(OntologyIRI))
	if len(sh.TypeIn) > 0 {
		fmt.Fprintf(w, " ;\n    sh:property [ sh:path rdf:type ; sh:qualifiedValueShape [ sh:in ( %s ) ] ; sh:qualifiedMinCount 1 ]",
			turtleIRIs(sh.TypeIn))
	}
	for _, group := range sh.AnyOf {
		var alts []string
		for _, p := range group {
			alts = append(alts, fmt.Sprintf("[ sh:property [ sh:path %s ; sh:minCount 1 ] ]", turtleIRI(p)))
		}
		fmt.Fprintf(w, " ;\n    sh:or ( %s )", strings.Join(alts, " "))
	}
	for _, p := range sh.Properties {
		for _, with := range p.With {
			fmt.Fprintf(w, " ;\n    sh:or ( [ sh:property [ sh:path %s ; sh:maxCount 0 ] ] [ sh:property [ sh:path %s ; sh:minCount 1 ] ] )",
				turtleIRI(p.Path), turtleIRI(with))
		}
	}
	for _, p := range sh.Properties {
		if p.Min > 0 {
			// The minimum is met by values, or by cg:notStated naming the
			// property: the source gives no value.
			fmt.Fprintf(w, " ;\n    sh:or ( [ sh:property [ sh:path %s ; sh:minCount %d ] ] [ sh:property [ sh:path %s ; sh:hasValue %s ] ] )",
				turtleIRI(p.Path), p.Min, turtleIRI(PropNotStated), turtleIRI(p.Path))
		}
	}
	for _, p := range sh.Properties {
		writeProperty(w, &p)
	}
	w.WriteString(" .\n")
}

func writeProperty(w *bufio.Writer, p *PropertyShape) {
	var parts []string
	add := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	add("sh:path %s", turtleIRI(p.Path))
	if p.Max > 0 {
		add("sh:maxCount %d", p.Max)
	}
	switch p.Kind {
	case ValueNode:
		add("sh:nodeKind sh:BlankNodeOrIRI")
	case ValueLiteral:
		add("sh:nodeKind sh:Literal")
	}
	var alts []string
	for _, dt := range p.Datatypes {
		alts = append(alts, fmt.Sprintf("[ sh:datatype %s ]", turtleIRI(dt)))
	}
	if p.Kind == ValueAny && len(p.Datatypes) > 0 && len(p.Classes) > 0 {
		// A literal of one of the datatypes, or an instance of one of the classes.
		for _, c := range p.Classes {
			alts = append(alts, fmt.Sprintf("[ sh:class %s ]", turtleIRI(c)))
		}
		add("sh:or ( %s )", strings.Join(alts, " "))
	} else if p.Kind == ValueAny && len(p.Datatypes) > 0 {
		// A literal of one of the datatypes, or an IRI or blank node.
		alts = append(alts, "[ sh:nodeKind sh:BlankNodeOrIRI ]")
		add("sh:or ( %s )", strings.Join(alts, " "))
	} else {
		switch {
		case len(alts) == 1:
			add("sh:datatype %s", turtleIRI(p.Datatypes[0]))
		case len(alts) > 1:
			add("sh:or ( %s )", strings.Join(alts, " "))
		}
		switch {
		case len(p.Classes) == 1:
			add("sh:class %s", turtleIRI(p.Classes[0]))
		case len(p.Classes) > 1:
			var cs []string
			for _, c := range p.Classes {
				cs = append(cs, fmt.Sprintf("[ sh:class %s ]", turtleIRI(c)))
			}
			add("sh:or ( %s )", strings.Join(cs, " "))
		}
	}
	if p.Scheme != "" {
		add("sh:node [ sh:property [ sh:path skos:inScheme ; sh:hasValue %s ] ]", turtleIRI(SchemeIRI(p.Scheme)))
		if p.TopConcept {
			add("sh:node [ sh:property [ sh:path skos:topConceptOf ; sh:hasValue %s ] ]", turtleIRI(SchemeIRI(p.Scheme)))
		}
	}
	if p.Pattern != "" {
		add("sh:pattern %s", turtleString(p.Pattern))
	}
	if p.UniqueLang {
		add("sh:uniqueLang true")
	}
	if p.Severity == SeverityWarning {
		add("sh:severity sh:Warning")
	}
	if p.Description != "" {
		add("sh:description %s@en", turtleString(p.Description))
	}
	fmt.Fprintf(w, " ;\n    sh:property [\n        %s\n    ]", strings.Join(parts, " ;\n        "))
}

// turtleIRI writes iri as a prefixed name when one fits, else in brackets.
func turtleIRI(iri string) string {
	if local, ok := strings.CutPrefix(iri, NSShapes); ok {
		return "cgsh:" + local
	}
	return compact(iri)
}

func turtleIRIs(iris []string) string {
	parts := make([]string, len(iris))
	for i, iri := range iris {
		parts[i] = turtleIRI(iri)
	}
	return strings.Join(parts, " ")
}

// turtleString quotes s as a Turtle string literal.
func turtleString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`)
	return `"` + r.Replace(s) + `"`
}
