package seed

import (
	"strings"

	"civicgraph/graph"
	"civicgraph/schema"
)

// actorIndex finds the organisation of actors.csv that a name in a citation
// stands for.
type actorIndex struct {
	names  map[string]string // id → name
	bySlug map[string]string // slug of the name or of an alias → id
}

// canonical returns the name of the organisation that name stands for
// (itself, or the name an alias points to), and whether there is one.
func (ix *actorIndex) canonical(name string) (string, bool) {
	id, ok := ix.bySlug[schema.Slug(name)]
	if !ok {
		return name, false
	}
	return ix.names[id], true
}

// loadActors reads actors.csv: every organisation the sources name, each a
// cg:Actor and foaf:Organization, and a cg:Administration (which needs a
// sector and a level of government) when administration is true. Sector,
// level and country are left out where the sources do not give them.
func (l *loader) loadActors() error {
	t, err := readTable(l.fsys, "actors.csv", []string{"id", "name", "graph"},
		[]string{"aliases", "administration", "sector", "level", "country", "parent", "website", "wikidata", "derived_from", "evidence"})
	if err != nil {
		return err
	}
	l.actors = &actorIndex{names: map[string]string{}, bySlug: map[string]string{}}
	type pending struct {
		r      row
		parent string
	}
	var parents []pending
	for _, r := range t.rows {
		id, err := r.need("id")
		if err != nil {
			return err
		}
		name, err := r.need("name")
		if err != nil {
			return err
		}
		if id != schema.Slug(name) {
			return r.errorf("id", "%q is not the slug of the name, %q", id, schema.Slug(name))
		}
		if _, dup := l.actors.names[id]; dup {
			return r.errorf("id", "actor %q given twice", id)
		}
		l.actors.names[id] = name
		for _, n := range append([]string{name}, r.list("aliases")...) {
			if other, dup := l.actors.bySlug[schema.Slug(n)]; dup && other != id {
				return r.errorf("aliases", "%q already names actor %q", n, other)
			}
			l.actors.bySlug[schema.Slug(n)] = id
		}
		graphs, err := l.sourceGraphs(r, "graph")
		if err != nil {
			return err
		}

		s := l.entity(schema.KindActor, id)
		var props []struct {
			p string
			o graph.Term
		}
		add := func(p string, o graph.Term) {
			props = append(props, struct {
				p string
				o graph.Term
			}{p, o})
		}
		sector, level := r.get("sector"), r.get("level")
		admin := r.get("administration")
		if admin != "" && admin != "true" && admin != "false" {
			return r.errorf("administration", "want true, false or nothing, not %q", admin)
		}
		add(schema.RDFType, graph.IRI(schema.ClassActor))
		add(schema.RDFType, graph.IRI(schema.FOAFOrganization))
		if sector != "" {
			o, err := conceptTerm(schema.SchemeSector, sector)
			if err != nil {
				return r.errorf("sector", "%v", err)
			}
			add(schema.PropSector, o)
		} else if admin == "true" {
			return r.errorf("sector", "an administration needs a sector")
		}
		if admin == "true" {
			if level == "" {
				return r.errorf("level", "an administration needs a level of government")
			}
			add(schema.RDFType, graph.IRI(schema.ClassAdministration))
			add(schema.RDFType, graph.IRI(schema.ORGOrganization))
		}
		if level != "" {
			o, err := conceptTerm(schema.SchemeGovernmentLevel, level)
			if err != nil {
				return r.errorf("level", "%v", err)
			}
			add(schema.PropGovernmentLevel, o)
		}
		add(schema.RDFSLabel, graph.String(name))
		add(schema.FOAFName, graph.String(name))
		for _, a := range r.list("aliases") {
			add(schema.SKOSAltLabel, graph.String(a))
		}
		if c := r.get("country"); c != "" {
			if len(c) != 2 || strings.ToUpper(c) != c {
				return r.errorf("country", "%q is not an ISO 3166-1 alpha-2 code", c)
			}
			add(schema.PropCountry, graph.String(c))
		}
		for _, c := range []struct{ col, p string }{{"website", schema.FOAFHomepage}, {"wikidata", schema.OWLSameAs}} {
			if v := r.get(c.col); v != "" {
				if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") {
					return r.errorf(c.col, "%q is not an http(s) IRI", v)
				}
				add(c.p, graph.IRI(v))
			}
		}
		for _, d := range r.list("derived_from") {
			if !l.isPassageRef(d) {
				return r.errorf("derived_from", "%q is not a passage of passages.csv (want source/<passage id>)", d)
			}
			o, err := l.ref(d)
			if err != nil {
				return r.errorf("derived_from", "%v", err)
			}
			add(schema.PROVWasDerivedFrom, o)
		}
		if p := r.get("parent"); p != "" {
			parents = append(parents, pending{r, p})
			add(schema.ORGSubOrganizationOf, l.entity(schema.KindActor, p))
		}
		for _, src := range graphs {
			g := graphOf(src)
			for _, po := range props {
				l.emit(s, po.p, po.o, g)
			}
			l.emit(s, schema.PROVWasDerivedFrom, l.entity(schema.KindSource, src), g)
		}
	}
	for _, p := range parents {
		if _, ok := l.actors.names[p.parent]; !ok {
			return p.r.errorf("parent", "unknown actor %q", p.parent)
		}
	}
	return nil
}
