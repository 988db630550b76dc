package seed

import (
	"bytes"
	"path"
	"slices"
	"strconv"

	"civicgraph/importers/citation"
	"civicgraph/schema"
)

// The files a source's folder in references/ may hold.
const (
	bibliographyFile = "bibliography.txt" // the source's bibliography, verbatim
	worksFile        = "works.txt"        // the source's own works, verbatim
	correctionsFile  = "references/corrections.csv"
)

// correction is a row of references/corrections.csv.
type correction struct {
	r     row
	field string
	value string
	used  bool
}

// loadReferences reads references/<source>/{bibliography,works}.txt through
// the citation parser, applies references/corrections.csv, links the
// organisations to actors.csv, and maps every citation to quads in the
// source's graph.
func (l *loader) loadReferences() error {
	fixes, err := l.loadCorrections()
	if err != nil {
		return err
	}
	dirs, files, err := l.listDir("references")
	if err != nil {
		return err
	}
	for _, f := range files {
		if f != correctionsFile {
			return dataErrorf("%s: references/ holds only source folders and corrections.csv", f)
		}
	}
	slugs := map[string]string{} // slug → file:line
	for _, dir := range dirs {
		src, ok := l.sources[dir]
		if !ok {
			return dataErrorf("references/%s: %q is not a source id in sources.csv", dir, dir)
		}
		_, files, err := l.listDir(path.Join("references", dir))
		if err != nil {
			return err
		}
		for _, f := range files {
			base := path.Base(f)
			if base != bibliographyFile && base != worksFile {
				return dataErrorf("%s: a source folder holds only %s and %s", f, bibliographyFile, worksFile)
			}
			b, err := l.readFile(f)
			if err != nil {
				return err
			}
			cs, err := citation.Parse(bytes.NewReader(b), f)
			if err != nil {
				return err
			}
			g := graphOf(dir)
			for _, c := range cs {
				at := f + ":" + strconv.Itoa(c.Line)
				for _, fx := range fixes[at] {
					if err := applyCorrection(&c, fx); err != nil {
						return err
					}
				}
				if err := l.linkOrganisations(&c, at); err != nil {
					return err
				}
				slug := c.Slug()
				if prev, dup := slugs[slug]; dup {
					return dataErrorf("%s and %s both make reference %s", prev, at, slug)
				}
				slugs[slug] = at
				l.out = append(l.out, c.Quads(l.base, g)...)
				ref := l.entity(schema.KindReference, slug)
				l.emit(ref, schema.PROVWasDerivedFrom, l.entity(schema.KindSource, dir), g)
				if base == bibliographyFile && !src.bibliographyOf.IsZero() {
					l.emit(src.bibliographyOf, schema.DCTermsReferences, ref, g)
				}
			}
		}
	}
	for _, list := range fixes {
		for _, fx := range list {
			if !fx.used {
				return fx.r.errorf("line", "no citation at %s line %s", fx.r.get("file"), fx.r.get("line"))
			}
		}
	}
	return nil
}

// loadCorrections reads references/corrections.csv, keyed by
// "references/<file>:<line>".
func (l *loader) loadCorrections() (map[string][]*correction, error) {
	t, err := readTable(l.fsys, correctionsFile, []string{"file", "line", "field", "value"}, []string{"evidence"})
	if err != nil {
		return nil, err
	}
	out := map[string][]*correction{}
	for _, r := range t.rows {
		var vals [4]string
		for i, c := range []string{"file", "line", "field", "value"} {
			if vals[i], err = r.need(c); err != nil {
				return nil, err
			}
		}
		if n, err := strconv.Atoi(vals[1]); err != nil || n < 1 {
			return nil, r.errorf("line", "%q is not a line number", vals[1])
		}
		if !slices.Contains(correctableFields(), vals[2]) {
			return nil, r.errorf("field", "unknown field %q (known: %v)", vals[2], correctableFields())
		}
		key := path.Join("references", vals[0]) + ":" + vals[1]
		out[key] = append(out[key], &correction{r: r, field: vals[2], value: vals[3]})
	}
	return out, nil
}

// correctableFields lists the fields of a citation that corrections.csv may
// set.
func correctableFields() []string {
	return []string{"type", "title", "language", "note", "container", "series", "number",
		"edition", "volume", "issue", "pages", "place", "date"}
}

// applyCorrection sets one field of c.
func applyCorrection(c *citation.Citation, fx *correction) error {
	fx.used = true
	v := fx.value
	switch fx.field {
	case "type":
		t, ok := citation.ParseType(v)
		if !ok {
			return fx.r.errorf("value", "unknown type %q (known: %v)", v, citation.Types())
		}
		c.Type = t
	case "title":
		c.Title = v
	case "language":
		c.Language = v
	case "note":
		c.Note = v
	case "container":
		c.Container = v
	case "series":
		c.Series = v
	case "number":
		c.Number = v
	case "edition":
		c.Edition = v
	case "volume":
		c.Volume = v
	case "issue":
		c.Issue = v
	case "pages":
		c.Pages = v
	case "place":
		c.Place = v
	case "date":
		c.Date = v
	}
	return nil
}

// linkOrganisations replaces the names of organisations in c (corporate
// authors, editors, publishers) with the names of the actors.csv rows they
// stand for, so that one organisation has one IRI and one name whatever the
// spelling in the citation. A name that actors.csv does not know is an
// error: the file must list every organisation the sources name.
func (l *loader) linkOrganisations(c *citation.Citation, at string) error {
	fix := func(name string) (string, error) {
		n, ok := l.actors.canonical(name)
		if !ok {
			return "", dataErrorf("%s: the citation names the organisation %q, which is not in actors.csv", at, name)
		}
		return n, nil
	}
	for _, ps := range [][]citation.Person{c.Authors, c.Editors, c.ContainerEditors} {
		for i := range ps {
			if !ps[i].IsOrganization() {
				continue
			}
			n, err := fix(ps[i].Family)
			if err != nil {
				return err
			}
			ps[i].Family = n
		}
	}
	for i, p := range c.Publishers {
		n, err := fix(p)
		if err != nil {
			return err
		}
		c.Publishers[i] = n
	}
	return nil
}
