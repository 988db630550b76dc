package bib

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"civicgraph/importers/citation"
	"civicgraph/schema"
)

// Key returns the deduplication key of a citation: "doi:" and its DOI
// (lower case, without "doi:" or https://doi.org/) when it has one, and
// otherwise "title:", its normalised title, "|", its year (four digits, a
// suffix such as the "a" of 2019a dropped) and "|", the normalised family
// name of its first author (or first editor). A title or name is
// normalised by lower-casing it, folding diacritics ("é" → "e", "ß" →
// "ss"), dropping apostrophes, turning other punctuation into spaces and
// collapsing spaces: "Peña-López: Data, “Open”" → "pena lopez data open".
// A citation with neither DOI nor title has no key: Key returns "".
//
// A [Reader] merges the entries of one input that share a key. Whether a
// citation is already in the store is for the caller to tell, by comparing
// Key with the keys of the References it holds.
func Key(c citation.Citation) string {
	if c.DOI != "" {
		d, _ := normDOI(c.DOI)
		return "doi:" + d
	}
	return titleKey(c)
}

// titleKey is the key of c from its title, year and first author, or ""
// when it has no title.
func titleKey(c citation.Citation) string {
	return titleKeyOf(c.Title, c.Year, firstFamily(c))
}

// firstFamily is the family name of the first author of c, or of its first
// editor when it has no authors (not the editors of its container), or ""
// when it has neither. An organisation's family name is its name.
func firstFamily(c citation.Citation) string {
	switch {
	case len(c.Authors) > 0:
		return c.Authors[0].Family
	case len(c.Editors) > 0:
		return c.Editors[0].Family
	}
	return ""
}

// titleKeyOf is the key of a work with title, year (the first four
// characters count) and first author's family name, or "" when the title
// normalises to nothing.
func titleKeyOf(title, year, family string) string {
	t := normalise(title)
	if t == "" {
		return ""
	}
	if len(year) > 4 {
		year = year[:4]
	}
	return "title:" + t + "|" + year + "|" + normalise(family)
}

// normalise lower-cases s, folds diacritics, drops apostrophes and
// combining marks, turns every other run of punctuation, symbols and space
// into one space and trims it. Letters of other scripts are kept as they
// are, lower-cased.
func normalise(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
		case r == '\'' || r == '’' || r == 'ʼ' || unicode.Is(unicode.Mn, r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if f, ok := schema.FoldRune(r); ok {
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteString(f)
				continue
			}
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// merge returns a with the fields it lacks taken from b, the later entry
// with the same key. A field a has is kept even when b has another value.
// Fields that would change the IRI of a's Reference (see
// [citation.Citation.Slug]: the authors, editors, year and title) are
// taken from b only when the IRI stays the same, so that the quads already
// written for a stay valid; the language is taken only when a has no
// title, since it tags the title.
func merge(a, b citation.Citation) citation.Citation {
	m := a
	fill := func(dst *string, src string) {
		if *dst == "" {
			*dst = src
		}
	}
	fill(&m.Title, b.Title)
	fill(&m.Year, b.Year)
	if len(m.Authors) == 0 {
		m.Authors = b.Authors
	}
	if len(m.Editors) == 0 {
		m.Editors = b.Editors
	}
	if m.Slug() != a.Slug() {
		m.Title, m.Year, m.Authors, m.Editors = a.Title, a.Year, a.Authors, a.Editors
	}
	if len(m.ContainerEditors) == 0 {
		m.ContainerEditors = b.ContainerEditors
	}
	fill(&m.Container, b.Container)
	fill(&m.Series, b.Series)
	fill(&m.Number, b.Number)
	fill(&m.Volume, b.Volume)
	fill(&m.Issue, b.Issue)
	fill(&m.Pages, b.Pages)
	fill(&m.Chapter, b.Chapter)
	fill(&m.Edition, b.Edition)
	fill(&m.Date, b.Date)
	if b.Note != "" && !strings.Contains(m.Note, b.Note) {
		m.Note = joinNote(m.Note, b.Note)
	}
	if len(m.Publishers) == 0 {
		m.Publisher, m.Publishers = b.Publisher, b.Publishers
	}
	fill(&m.Place, b.Place)
	// Every address and identifier of both: the union.
	m.OtherURLs = slices.Clone(a.OtherURLs)
	for _, u := range append([]string{b.URL}, b.OtherURLs...) {
		switch {
		case u == "" || u == m.URL || slices.Contains(m.OtherURLs, u):
		case m.URL == "":
			m.URL = u
		default:
			m.OtherURLs = append(m.OtherURLs, u)
		}
	}
	fill(&m.DOI, b.DOI)
	if b.DOI != "" && m.DOI != b.DOI && !strings.Contains(m.Note, "doi: "+b.DOI) {
		m.Note = joinNote(m.Note, "doi: "+b.DOI)
	}
	if a.Title == "" {
		fill(&m.Language, b.Language)
	}
	return m
}

// dedup finds the entries of one input that repeat an earlier one, by DOI
// or, when either lacks a DOI, by title, year and first author.
type dedup struct {
	byDOI   map[string]int // DOI → index in list
	byTitle map[string]int // titleKey → index in list
	list    []citation.Citation
}

func newDedup() *dedup {
	return &dedup{byDOI: map[string]int{}, byTitle: map[string]int{}}
}

// find returns the index of the earlier entry c repeats, or -1.
func (d *dedup) find(c citation.Citation) int {
	if c.DOI != "" {
		if i, ok := d.byDOI[c.DOI]; ok {
			return i
		}
	}
	if k := titleKey(c); k != "" {
		if i, ok := d.byTitle[k]; ok && (c.DOI == "" || d.list[i].DOI == "") {
			return i
		}
	}
	return -1
}

// index records the keys of list[i].
func (d *dedup) index(i int) {
	c := d.list[i]
	if c.DOI != "" {
		if _, ok := d.byDOI[c.DOI]; !ok {
			d.byDOI[c.DOI] = i
		}
	}
	if k := titleKey(c); k != "" {
		if _, ok := d.byTitle[k]; !ok {
			d.byTitle[k] = i
		}
	}
}

// joinNote adds n to a citation's note.
func joinNote(note, n string) string {
	if note == "" {
		return n
	}
	return note + "; " + n
}
