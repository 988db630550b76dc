package seed

import (
	"civicgraph/graph"
	"civicgraph/schema"
)

// loadMechanisms reads mechanisms.csv: the instruments the sources
// describe, classified with the concept schemes where the sources say so.
func (l *loader) loadMechanisms() error {
	concepts := []struct{ col, scheme, p string }{
		{"institutionalisation", schema.SchemeInstitutionalisation, schema.PropInstitutionalisation},
		{"democratic_function", schema.SchemeDemocraticFunction, schema.PropDemocraticFunction},
		{"influence", schema.SchemeInfluence, schema.PropInfluenceLevel},
		{"phases", schema.SchemeLifecycle, schema.PropFitsPhase},
		{"levers", schema.SchemeLever, schema.PropLever},
		{"tiers", schema.SchemeOpenGovernmentTier, schema.PropOpenGovernmentTier},
		{"decision_stages", schema.SchemeDecisionStage, schema.PropDecisionStage},
	}
	optional := []string{"description", "part_of", "examples", "derived_from", "evidence"}
	for _, c := range concepts {
		optional = append(optional, c.col)
	}
	t, err := readTable(l.fsys, "mechanisms.csv", []string{"id", "name", "graph"}, optional)
	if err != nil {
		return err
	}
	ids := map[string]bool{}
	for _, r := range t.rows {
		id, err := r.need("id")
		if err != nil {
			return err
		}
		if id != schema.Slug(id) {
			return r.errorf("id", "%q is not a slug", id)
		}
		if ids[id] {
			return r.errorf("id", "mechanism %q given twice", id)
		}
		ids[id] = true
	}
	for _, r := range t.rows {
		id := r.get("id")
		name, err := r.need("name")
		if err != nil {
			return err
		}
		graphs, err := l.sourceGraphs(r, "graph")
		if err != nil {
			return err
		}
		type po struct {
			p string
			o graph.Term
		}
		props := []po{
			{schema.RDFType, graph.IRI(schema.ClassMechanism)},
			{schema.RDFSLabel, graph.LangLiteral(name, "en")},
		}
		if d := r.get("description"); d != "" {
			props = append(props, po{schema.DCTermsDescription, graph.LangLiteral(d, "en")})
		}
		if p := r.get("part_of"); p != "" {
			if !ids[p] {
				return r.errorf("part_of", "unknown mechanism %q", p)
			}
			props = append(props, po{schema.DCTermsIsPartOf, l.entity(schema.KindMechanism, p)})
		}
		for _, c := range concepts {
			for _, code := range r.list(c.col) {
				o, err := conceptTerm(c.scheme, code)
				if err != nil {
					return r.errorf(c.col, "%v", err)
				}
				props = append(props, po{c.p, o})
			}
		}
		for _, ex := range r.list("examples") {
			props = append(props, po{schema.PropExample, graph.LangLiteral(ex, "en")})
		}
		for _, d := range r.list("derived_from") {
			o, err := l.ref(d)
			if err != nil {
				return r.errorf("derived_from", "%v", err)
			}
			props = append(props, po{schema.PROVWasDerivedFrom, o})
		}
		s := l.entity(schema.KindMechanism, id)
		for _, src := range graphs {
			g := graphOf(src)
			for _, x := range props {
				l.emit(s, x.p, x.o, g)
			}
			l.emit(s, schema.PROVWasDerivedFrom, l.entity(schema.KindSource, src), g)
		}
	}
	return nil
}
