package seed

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"civicgraph/data"
	"civicgraph/graph"
	"civicgraph/schema"
)

// GraphPrefix is the start of the name of each source's named graph:
// source "playbook" is [schema.GraphIRI]("seed/playbook").
const GraphPrefix = "seed/"

// Quads reads the seed files of package data and returns them as quads,
// with instance IRIs under base (such as [schema.DefaultBase]). The quads
// are in a fixed order and contain no duplicates. An error says which file,
// line and column is wrong; see [CSVError], [ErrData] and [ErrTurtle].
func Quads(base string) ([]graph.Quad, error) {
	return load(data.FS(), base)
}

// loader holds what is read from the seed files while they are turned into
// quads.
type loader struct {
	fsys    fs.FS
	base    string // instance base, ending in '/' or '#'
	out     []graph.Quad
	sources map[string]sourceRow // by id
	order   []string             // source ids in file order
	actors  *actorIndex
	// passages holds the ids of passages.csv.
	passages map[string]bool
}

// load is Quads over any file system laid out as data/ is, so that tests
// can feed it broken files.
func load(fsys fs.FS, base string) ([]graph.Quad, error) {
	if base == "" {
		return nil, fmt.Errorf("seed: empty base IRI")
	}
	if !strings.HasSuffix(base, "/") && !strings.HasSuffix(base, "#") {
		base += "/"
	}
	l := &loader{fsys: fsys, base: base}
	steps := []func() error{
		l.loadSources,
		l.loadPassages,
		l.loadActors,
		l.loadReferences,
		l.loadDocuments,
		l.loadRelations,
		l.loadDescriptions,
		l.loadMechanisms,
		l.loadStatements,
		l.loadFacts,
		l.loadGraphs,
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	out := dedupe(l.out)
	for _, q := range out {
		if err := q.Validate(); err != nil {
			return nil, fmt.Errorf("seed: %s: %w", q, err)
		}
	}
	if err := l.checkLinks(out); err != nil {
		return nil, err
	}
	return out, nil
}

// emit adds a quad.
func (l *loader) emit(s graph.Term, p string, o graph.Term, g graph.Term) {
	l.out = append(l.out, graph.Quad{S: s, P: graph.IRI(p), O: o, G: g})
}

// entity returns the IRI term of the entity of the given kind and slug.
func (l *loader) entity(kind, slug string) graph.Term {
	return graph.IRI(schema.EntityIRI(l.base, kind, slug))
}

// graphOf returns the named graph of the source with the given id.
func graphOf(source string) graph.Term {
	return graph.IRI(schema.GraphIRI(GraphPrefix + source))
}

// sourceGraphs checks that every id in ids is a source and returns their
// graphs; at least one is required.
func (l *loader) sourceGraphs(r row, col string) ([]string, error) {
	ids := r.list(col)
	if len(ids) == 0 {
		return nil, r.errorf(col, "at least one source id required")
	}
	for _, id := range ids {
		if _, ok := l.sources[id]; !ok {
			return nil, r.errorf(col, "unknown source %q (known: %s)", id, strings.Join(l.order, ", "))
		}
	}
	return ids, nil
}

// ref resolves a reference to an entity or concept as written in the seed
// files: "kind/slug" for an entity, "concept:scheme/code" for a concept, or
// an absolute http(s) IRI.
func (l *loader) ref(s string) (graph.Term, error) {
	switch {
	case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
		return graph.IRI(s), nil
	case strings.HasPrefix(s, "concept:"):
		scheme, code, ok := strings.Cut(strings.TrimPrefix(s, "concept:"), "/")
		if !ok {
			return graph.Term{}, fmt.Errorf("concept %q: want concept:scheme/code", s)
		}
		return conceptTerm(scheme, code)
	}
	kind, slug, ok := strings.Cut(s, "/")
	if !ok || slug == "" || strings.Contains(slug, "/") {
		return graph.Term{}, fmt.Errorf("%q: want kind/slug, concept:scheme/code or an http(s) IRI", s)
	}
	if !slices.Contains(schema.Kinds(), kind) {
		return graph.Term{}, fmt.Errorf("%q: unknown kind %q (known: %s)", s, kind, strings.Join(schema.Kinds(), ", "))
	}
	if slug != schema.Slug(slug) {
		return graph.Term{}, fmt.Errorf("%q: %q is not a slug", s, slug)
	}
	return l.entity(kind, slug), nil
}

// conceptTerm returns the IRI term of a concept of schema/concepts.ttl, or
// an error when the scheme or the code is unknown.
func conceptTerm(scheme, code string) (graph.Term, error) {
	for _, si := range schema.Schemes() {
		if si.Name != scheme {
			continue
		}
		if !slices.Contains(si.Codes, code) {
			return graph.Term{}, fmt.Errorf("unknown code %q in scheme %s (known: %s)", code, scheme, strings.Join(si.Codes, ", "))
		}
		return graph.IRI(schema.ConceptIRI(scheme, code)), nil
	}
	return graph.Term{}, fmt.Errorf("unknown concept scheme %q", scheme)
}

// prefixed expands a prefixed name such as "dcterms:references" with the
// project's prefixes.
func prefixed(s string) (string, error) {
	p, local, ok := strings.Cut(s, ":")
	if !ok || local == "" {
		return "", fmt.Errorf("%q is not a prefixed name such as dcterms:references", s)
	}
	for _, px := range schema.Prefixes() {
		if px.Name == p {
			return px.IRI + local, nil
		}
	}
	return "", fmt.Errorf("%q: unknown prefix %q", s, p)
}

// dedupe removes repeated quads, keeping the first of each.
func dedupe(qs []graph.Quad) []graph.Quad {
	seen := make(map[graph.Quad]bool, len(qs))
	out := qs[:0:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// checkLinks checks that every entity IRI under the base that a quad points
// to is described by some quad (is a subject), so that a misspelt slug in a
// relation, a mechanism or a statement is an error and not a dangling link.
func (l *loader) checkLinks(qs []graph.Quad) error {
	subjects := make(map[string]bool)
	for _, q := range qs {
		subjects[q.S.Value] = true
	}
	for _, q := range qs {
		if q.O.Kind != graph.KindIRI || !strings.HasPrefix(q.O.Value, l.base) {
			continue
		}
		if !subjects[q.O.Value] {
			return dataErrorf("%s points to %s, which the seed does not describe", q.S.Value, q.O.Value)
		}
	}
	return nil
}

// readFile reads one file of the seed.
func (l *loader) readFile(name string) ([]byte, error) {
	b, err := fs.ReadFile(l.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	return b, nil
}

// listDir returns the names of the directories in dir and the paths of
// the files in it, sorted.
func (l *loader) listDir(dir string) ([]string, []string, error) {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil, nil, fmt.Errorf("seed: %w", err)
	}
	var dirs, files []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, e.Name())
		} else {
			files = append(files, path.Join(dir, e.Name()))
		}
	}
	return dirs, files, nil
}
