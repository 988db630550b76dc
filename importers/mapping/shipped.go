package mapping

import (
	"bytes"
	"embed"
	"encoding/csv"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"civicgraph/schema"
)

//go:embed examples/*.map.toml
var examples embed.FS

// Shipped returns the mapping files that ship with the binary, for registers
// that have no importer of their own, parsed against sc, in file name order.
func Shipped(sc *schema.Schema) ([]*Mapping, error) {
	names, err := fs.Glob(examples, "examples/*.map.toml")
	if err != nil {
		return nil, fmt.Errorf("mapping: shipped: %w", err)
	}
	slices.Sort(names)
	var out []*Mapping
	for _, n := range names {
		data, err := examples.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("mapping: shipped: %w", err)
		}
		m, err := Parse(path.Base(n), data, sc)
		if err != nil {
			return nil, fmt.Errorf("mapping: shipped %s: %w", n, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// ShippedSource returns the text of the shipped mapping file with the given
// base name (participedia-organisations.map.toml), and false when there is
// none.
func ShippedSource(name string) ([]byte, bool) {
	data, err := examples.ReadFile("examples/" + name)
	return data, err == nil
}

// Detect returns the shipped mapping whose match columns are all in the
// header of the CSV file that head starts with, and false when none fits.
// A mapping without match columns is never chosen by content.
func Detect(head []byte, sc *schema.Schema) (*Mapping, bool) {
	header, ok := csvHeader(head)
	if !ok {
		return nil, false
	}
	ms, err := Shipped(sc)
	if err != nil {
		return nil, false
	}
	for _, m := range ms {
		if m.Format == CSV && m.Matches(header) {
			return m, true
		}
	}
	return nil, false
}

// Matches reports whether a header has every column of the mapping's match
// list (compared without case and extra white space).
func (m *Mapping) Matches(header []string) bool {
	if len(m.match) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, h := range header {
		have[normColumn(h)] = true
	}
	for _, c := range m.match {
		if !have[c] {
			return false
		}
	}
	return true
}

// csvHeader returns the first record of a CSV text, without a byte order
// mark.
func csvHeader(head []byte) ([]string, bool) {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 || t[0] == '{' || t[0] == '[' {
		return nil, false
	}
	cr := csv.NewReader(bytes.NewReader(head))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	rec, err := cr.Read()
	if err != nil || len(rec) < 2 {
		return nil, false
	}
	return rec, true
}
