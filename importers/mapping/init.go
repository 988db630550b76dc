package mapping

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/importers/internal/charset"
	"civicgraph/schema"
)

// sampleRecords is how many records [WriteStarter] looks at.
const sampleRecords = 200

// column is what WriteStarter learnt of one column or JSON key.
type column struct {
	name     string
	filled   int
	samples  []string
	distinct map[string]int
}

// WriteStarter writes a starting mapping file for the data in r (a CSV file,
// a JSON array of objects, an object holding one, or JSON Lines): every
// column or JSON key listed with its sample values and the classes and
// properties it may map to, commented, and one entity to start from. The
// file it writes parses as is; edit it, then import with --map.
func WriteStarter(w io.Writer, r io.Reader, name string) error {
	br := bufio.NewReaderSize(r, 1<<20)
	if b, err := br.Peek(3); err == nil && string(b) == "\xEF\xBB\xBF" {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(1 << 20)
	t := bytes.TrimLeft(head, " \t\r\n")
	var (
		cols    []*column
		format  InputFormat
		records string
		n       int
		err     error
	)
	switch {
	case len(t) == 0:
		return fmt.Errorf("mapping init %s: %w: the file is empty", name, ErrInvalid)
	case t[0] == '[' || t[0] == '{':
		cols, format, records, n, err = sampleJSON(head, name)
	default:
		cols, n, err = sampleCSV(br, name)
		format = CSV
	}
	if err != nil {
		return err
	}
	return writeStarter(w, name, format, records, cols, n)
}

func (c *column) add(v string) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	c.filled++
	if c.distinct == nil {
		c.distinct = map[string]int{}
	}
	if _, ok := c.distinct[v]; !ok && len(c.distinct) < 50 {
		c.distinct[v] = 0
		if len(c.samples) < 4 {
			c.samples = append(c.samples, v)
		}
	}
	if _, ok := c.distinct[v]; ok {
		c.distinct[v]++
	}
}

func sampleCSV(r io.Reader, name string) ([]*column, int, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, 0, fmt.Errorf("mapping init %s: %w: no CSV header row (%v)", name, ErrInvalid, err)
	}
	var cols []*column
	for _, h := range header {
		cols = append(cols, &column{name: strings.Join(strings.Fields(h), " ")})
	}
	n := 0
	for n < sampleRecords {
		rec, err := cr.Read()
		if err != nil {
			break
		}
		n++
		for i, v := range rec {
			if i < len(cols) {
				if !utf8.ValidString(v) {
					v = charset.Decode1252(v)
				}
				cols[i].add(v)
			}
		}
	}
	return cols, n, nil
}

// sampleJSON finds the records (a top-level array, the first array of
// objects in a top-level object, or JSON Lines) and the keys they use.
func sampleJSON(head []byte, name string) ([]*column, InputFormat, string, int, error) {
	var objs []map[string]any
	format, records := JSON, ""
	dec := json.NewDecoder(bytes.NewReader(head))
	dec.UseNumber()
	var top any
	if err := dec.Decode(&top); err == nil && !dec.More() {
		switch v := top.(type) {
		case []any:
			for _, el := range v {
				if o, ok := el.(map[string]any); ok {
					objs = append(objs, o)
				}
			}
		case map[string]any:
			path, arr := findRecords("", v)
			records = path
			for _, el := range arr {
				if o, ok := el.(map[string]any); ok {
					objs = append(objs, o)
				}
			}
			if records == "" {
				objs = append(objs, v)
			}
		}
	} else {
		// JSON Lines, or a file longer than the head read: take the
		// objects one a line.
		format = JSONLines
		for _, line := range bytes.Split(head, []byte{'\n'}) {
			var o map[string]any
			if json.Unmarshal(bytes.TrimSpace(line), &o) == nil && o != nil {
				objs = append(objs, o)
			}
		}
		if len(objs) == 0 {
			return nil, "", "", 0, fmt.Errorf("mapping init %s: %w: neither a whole JSON document in its first MiB nor JSON Lines", name, ErrInvalid)
		}
	}
	if len(objs) > sampleRecords {
		objs = objs[:sampleRecords]
	}
	byName := map[string]*column{}
	var cols []*column
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range sortedKeys(x) {
				walk(joinPath(prefix, k), x[k])
			}
		case []any:
			for _, el := range x {
				walk(prefix, el)
			}
		default:
			c := byName[prefix]
			if c == nil {
				c = &column{name: prefix}
				byName[prefix] = c
				cols = append(cols, c)
			}
			if x != nil {
				c.add(fmt.Sprint(x))
			}
		}
	}
	for _, o := range objs {
		walk("", o)
	}
	return cols, format, records, len(objs), nil
}

// findRecords returns the path and elements of the first array of objects
// in an object, looking at its keys in order and then inside its objects.
func findRecords(prefix string, v map[string]any) (string, []any) {
	keys := sortedKeys(v)
	for _, k := range keys {
		if arr, ok := v[k].([]any); ok && len(arr) > 0 {
			if _, ok := arr[0].(map[string]any); ok {
				return joinPath(prefix, k), arr
			}
		}
	}
	for _, k := range keys {
		if o, ok := v[k].(map[string]any); ok {
			if p, arr := findRecords(joinPath(prefix, k), o); p != "" {
				return p, arr
			}
		}
	}
	return "", nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// hint is a guess, from a column's name, of what it may hold.
type hint struct {
	words []string
	says  string
}

var hints = []hint{
	{[]string{"name", "title", "label"}, "label (Actor, Administration, Mechanism) or title (Procurement, Mission)"},
	{[]string{"desc", "summary", "abstract", "body"}, "description (any class)"},
	{[]string{"purpose", "goal", "doel", "aim"}, "purpose (Procurement) or goal (Mission)"},
	{[]string{"url", "website", "link", "homepage", "page"}, "homepage (Actor, datatype = \"iri\") or foaf:page (any class)"},
	{[]string{"country", "nation", "land"}, "country (Actor, an ISO code: recode the names)"},
	{[]string{"sector", "category", "kind"}, "sector (Actor: recode to the sector scheme)"},
	{[]string{"level", "scope", "extent", "tier"}, "governmentLevel (Administration: recode to the government-level scheme)"},
	{[]string{"org", "agency", "authority", "publisher", "buyer", "municipality", "ministry", "organisatie", "department"}, "the label of an Administration entity, linked from a Procurement by buyer"},
	{[]string{"vendor", "supplier", "contractor", "provider", "leverancier"}, "the label of an Actor entity, linked from a Procurement by supplier"},
	{[]string{"status", "stage", "phase"}, "status (Procurement: recode to procurement-status) or stageReached (recode to lifecycle)"},
	{[]string{"risk"}, "riskClass (Procurement: recode to ai-risk)"},
	{[]string{"consult", "particip", "engag", "public", "citizen", "stakeholder"}, "the when-condition of an Engagement entity (the public was consulted)"},
	{[]string{"value", "amount", "budget", "price", "cost"}, "value (Procurement, with currency)"},
	{[]string{"currency"}, "currency (Procurement, an ISO 4217 code)"},
	{[]string{"year", "date", "start", "end"}, "startYear/endYear (Mission) or dcterms:date (Engagement)"},
	{[]string{"id", "identifier", "code", "ref"}, "an entity's iri columns, so that re-imports mint the same IRIs"},
	{[]string{"algorithm", "system", "model", "technology", "ai"}, "aiSystem (Procurement)"},
}

func guess(col string) []string {
	lc := strings.ToLower(col)
	var out []string
	for _, h := range hints {
		for _, w := range h.words {
			if strings.Contains(lc, w) {
				out = append(out, h.says)
				break
			}
		}
	}
	return out
}

func writeStarter(w io.Writer, name string, format InputFormat, records string, cols []*column, n int) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	base := filepath.Base(name)
	p("# Mapping of %s for `civicgraph import --map THIS_FILE %s`.\n", base, base)
	p("# Written by `civicgraph mapping init` from the first %d records; edit it.\n", n)
	p("# Every column is listed below, commented, with what it may map to.\n")
	p("# Keys: see `go doc civicgraph/importers/mapping` (or the README).\n\n")
	p("name = %s\n", strconv.Quote(strings.TrimSuffix(base, filepath.Ext(base))))
	p("description = %s\n", strconv.Quote("records of "+base))
	p("format = %q\n", string(format))
	if records != "" {
		p("records = %q   # the JSON path of the array of records\n", records)
	}
	if format == CSV {
		p("# encoding = \"auto\"   # utf-8 (default), windows-1252, latin1, or auto\n")
		p("# delimiter = \";\"\n")
	}
	p("# lang = \"en\"          # language of the text values\n")
	var names []string
	for _, c := range cols {
		names = append(names, strconv.Quote(c.name))
	}
	if format == CSV {
		p("# With match set, a plain `civicgraph import` of a file with these columns\n# uses this mapping (only for mappings shipped with civicgraph).\n# match = [%s]\n", strings.Join(names, ", "))
	}
	p("\n")
	writeVocabulary(bw)

	// A first entity: named by the first column that looks like an id,
	// labelled by the first that looks like a name.
	idCol, labelCol := "", ""
	for _, c := range cols {
		lc := strings.ToLower(c.name)
		if idCol == "" && (lc == "id" || strings.HasSuffix(lc, "_id") || strings.HasSuffix(lc, ".id") || lc == "identifier") {
			idCol = c.name
		}
		if labelCol == "" && (strings.Contains(lc, "name") || strings.Contains(lc, "title") || strings.Contains(lc, "label")) {
			labelCol = c.name
		}
	}
	if len(cols) > 0 {
		if idCol == "" {
			idCol = cols[0].name
		}
		if labelCol == "" {
			labelCol = idCol
		}
	}
	p("# A first entity to start from: each record yields an Actor named by %q.\n", idCol)
	p("# Change its class, add entities (an Administration, a Procurement linked to\n# it by buyer, an Engagement when a column says the public was consulted).\n")
	p("[[entity]]\nid = \"main\"\nclass = \"Actor\"\niri = [%s]\niri_prefix = %s\nrequired = true\n\n", strconv.Quote(idCol), strconv.Quote(schema.Slug(strings.TrimSuffix(base, filepath.Ext(base)))+"-"))
	p("  [[entity.property]]\n  property = \"label\"\n  column = %s\n  required = true\n\n", strconv.Quote(labelCol))
	p("# The columns, each with a property block to uncomment and move under an entity.\n\n")
	for _, c := range cols {
		p("# Column %s: %d of %d records filled", strconv.Quote(c.name), c.filled, n)
		if len(c.samples) > 0 {
			var s []string
			for _, v := range c.samples {
				s = append(s, strconv.Quote(clip(v, 40)))
			}
			p("; e.g. %s", strings.Join(s, ", "))
		}
		p(".\n")
		if len(c.distinct) > 0 && len(c.distinct) <= 12 && c.filled > len(c.distinct) {
			var vs []string
			for v := range c.distinct {
				vs = append(vs, v)
			}
			slices.Sort(vs)
			p("#   Few distinct values (a recode table fits): ")
			for i, v := range vs {
				if i > 0 {
					p(", ")
				}
				p("%s (%d)", strconv.Quote(clip(v, 30)), c.distinct[v])
			}
			p("\n")
		}
		for _, g := range guess(c.name) {
			p("#   May map to: %s\n", g)
		}
		p("#  [[entity.property]]\n#  property = \"\"\n#  column = %s\n\n", strconv.Quote(c.name))
	}
	p("# Recode tables turn source values into concept codes (case and outer\n# spaces ignored). Without a default, an unknown value fails the import,\n# listed with its count; default = \"\" leaves it out, reported.\n")
	p("# [recode.sector]\n# scheme = \"sector\"\n# default = \"civil-society\"\n# [recode.sector.values]\n# \"government\" = \"public-administration\"\n")
	return bw.Flush()
}

// writeVocabulary writes, commented, the classes with their properties and
// the concept schemes with their codes.
func writeVocabulary(w io.Writer) {
	fmt.Fprintf(w, "# Classes (class = ...) and their properties (property = ...; * required).\n")
	fmt.Fprintf(w, "# Any other property may be given as a prefixed name (foaf:page, dcterms:subject).\n")
	shapes := map[string]schema.Shape{}
	for _, sh := range schema.Shapes() {
		shapes[sh.Class] = sh
	}
	for _, sh := range schema.Shapes() {
		if sh.Kind == "" {
			continue
		}
		var props []string
		seen := map[string]bool{}
		add := func(s schema.Shape) {
			for _, pr := range s.Properties {
				n := localName(pr.Path)
				if seen[n] {
					continue
				}
				seen[n] = true
				if pr.Min > 0 {
					n += "*"
				}
				if pr.Scheme != "" {
					n += " (" + pr.Scheme + ")"
				}
				props = append(props, n)
			}
		}
		add(sh)
		if sh.Class == schema.ClassAdministration {
			add(shapes[schema.ClassActor])
		}
		fmt.Fprintf(w, "#   %s: %s\n", localName(sh.Class), wrap(strings.Join(props, ", "), 70, "#       "))
	}
	fmt.Fprintf(w, "# Concept schemes (recode scheme = ..., or concept = \"scheme/code\"):\n")
	for _, s := range schema.Schemes() {
		fmt.Fprintf(w, "#   %s: %s\n", s.Name, wrap(strings.Join(s.Codes, ", "), 70, "#       "))
	}
	fmt.Fprintln(w)
}

func wrap(s string, width int, indent string) string {
	var b strings.Builder
	line := 0
	for i, word := range strings.Split(s, " ") {
		if i > 0 {
			if line+len(word) > width {
				b.WriteString("\n" + indent)
				line = 0
			} else {
				b.WriteByte(' ')
				line++
			}
		}
		b.WriteString(word)
		line += len(word)
	}
	return b.String()
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
