package csvtab

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"civicgraph/schema"
)

// Column is one column of a template.
type Column struct {
	Name  string               // the header: the property's local name
	Shape schema.PropertyShape // what the values must be
}

// Template is the CSV layout of one class.
type Template struct {
	Name    string // the class's local name in lower case: procurement
	Class   string // the class IRI
	Kind    string // the entity kind of instance IRIs
	Columns []Column
}

// Templates returns a template per class that has a shape with an entity
// kind, derived from the shapes (a class's shape and its superclasses').
func Templates(sc *schema.Schema) []Template {
	shapes := schema.Shapes()
	byClass := map[string]schema.Shape{}
	for _, sh := range shapes {
		byClass[sh.Class] = sh
	}
	var out []Template
	for _, sh := range shapes {
		if sh.Kind == "" {
			continue
		}
		t := Template{Name: strings.ToLower(localName(sh.Class)), Class: sh.Class, Kind: sh.Kind}
		seen := map[string]bool{}
		// The class's own properties first, then inherited ones.
		for _, class := range sc.SuperClasses(sh.Class) {
			for _, p := range byClass[class].Properties {
				if seen[p.Path] {
					continue
				}
				seen[p.Path] = true
				t.Columns = append(t.Columns, Column{Name: columnName(p.Path, t.Columns), Shape: p})
			}
		}
		out = append(out, t)
	}
	return out
}

// Find returns the template named name (procurement, actor, ...).
func Find(sc *schema.Schema, name string) (Template, error) {
	var names []string
	for _, t := range Templates(sc) {
		if t.Name == strings.ToLower(name) {
			return t, nil
		}
		names = append(names, t.Name)
	}
	return Template{}, fmt.Errorf("csvtab: no template %q; expected one of %s", name, strings.Join(names, ", "))
}

// localName returns the part of an IRI after its last '#' or '/'.
func localName(iri string) string {
	return iri[strings.LastIndexAny(iri, "#/")+1:]
}

// columnName names a property's column by its local name, prefixed when
// two properties share one (dcterms:title, dcterms:description).
func columnName(path string, taken []Column) string {
	n := localName(path)
	if slices.ContainsFunc(taken, func(c Column) bool { return c.Name == n }) {
		for _, p := range schema.Prefixes() {
			if strings.HasPrefix(path, p.IRI) {
				return p.Name + "_" + n
			}
		}
	}
	return n
}

// Write prints the template: the header row, then one comment line per
// column saying what it holds.
func (t Template) Write(w io.Writer) error {
	names := []string{"id"}
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	var b strings.Builder
	b.WriteString(strings.Join(names, ",") + "\n")
	fmt.Fprintf(&b, "# civicgraph CSV template for %s (%s). Lines starting with # are comments.\n", t.Name, t.Class)
	fmt.Fprintf(&b, "# id: a slug or an absolute IRI; empty: made from the name or title. Instances are {base}%s/{id}\n", t.Kind)
	for _, c := range t.Columns {
		fmt.Fprintf(&b, "# %s: %s. %s\n", c.Name, c.Shape.Description, describe(c.Shape))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// describe says in words what a column takes.
func describe(p schema.PropertyShape) string {
	var parts []string
	switch {
	case p.Min > 0:
		parts = append(parts, "required")
	default:
		parts = append(parts, "optional")
	}
	if p.Max != 1 {
		parts = append(parts, "several values separated by |")
	}
	switch {
	case p.Scheme != "":
		parts = append(parts, "a concept of the "+p.Scheme+" scheme, by code, label or IRI")
	case len(p.Classes) > 0:
		var cs []string
		for _, c := range p.Classes {
			cs = append(cs, localName(c))
		}
		parts = append(parts, "one "+strings.Join(cs, " or ")+", by IRI or by label")
	case p.Kind == schema.ValueNode:
		parts = append(parts, "an absolute IRI")
	case isText(p):
		parts = append(parts, "text (name the language in the header: column@en)")
	case len(p.Datatypes) > 0:
		parts = append(parts, "a value of type "+localName(p.Datatypes[0]))
	}
	return strings.Join(parts, "; ")
}

// isText reports whether a property takes plain or language-tagged text.
func isText(p schema.PropertyShape) bool {
	return p.Kind == schema.ValueLiteral && slices.Contains(p.Datatypes, schema.RDFLangString)
}
