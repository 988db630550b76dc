package mapping

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// file is a mapping file as written: the TOML document decoded as is.
// [Parse] checks it and compiles it into a [Mapping].
type file struct {
	Name        string            `toml:"name"`
	Description string            `toml:"description"`
	Format      string            `toml:"format"`
	Records     string            `toml:"records"`
	Encoding    string            `toml:"encoding"`
	Delimiter   string            `toml:"delimiter"`
	Lang        string            `toml:"lang"`
	Match       []string          `toml:"match"`
	Entities    []entityDef       `toml:"entity"`
	Recode      map[string]recode `toml:"recode"`
}

type entityDef struct {
	ID         string        `toml:"id"`
	Class      string        `toml:"class"`
	Types      []string      `toml:"types"`
	IRI        []string      `toml:"iri"`
	IRIPrefix  string        `toml:"iri_prefix"`
	Required   bool          `toml:"required"`
	When       []condition   `toml:"when"`
	Properties []propertyDef `toml:"property"`
}

type condition struct {
	Column   string   `toml:"column"`
	In       []string `toml:"in"`
	NotIn    []string `toml:"not_in"`
	NotEmpty bool     `toml:"not_empty"`
}

type propertyDef struct {
	Property   string `toml:"property"`
	Column     string `toml:"column"`
	Template   string `toml:"template"`
	Value      string `toml:"value"`
	Concept    string `toml:"concept"`
	Entity     string `toml:"entity"`
	Recode     string `toml:"recode"`
	Lang       string `toml:"lang"`
	LangColumn string `toml:"lang_column"`
	Datatype   string `toml:"datatype"`
	Split      string `toml:"split"`
	Required   bool   `toml:"required"`
}

type recode struct {
	Scheme  string            `toml:"scheme"`
	Default *string           `toml:"default"`
	Values  map[string]string `toml:"values"`
}

// decodeFile decodes a mapping file strictly (an unknown key is an error)
// and indexes the line of every key and table.
func decodeFile(name string, data []byte) (*file, lineIndex, error) {
	lines, err := indexLines(data)
	if err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			line, col := posOf(data, pe.Highlight)
			return nil, nil, &FileError{File: name, Line: line, Col: col, Msg: "TOML syntax: " + pe.Message}
		}
		return nil, nil, &FileError{File: name, Msg: "TOML syntax: " + err.Error()}
	}
	var f file
	dec := toml.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var sm *toml.StrictMissingError
		if errors.As(err, &sm) && len(sm.Errors) > 0 {
			var errs []error
			for _, e := range sm.Errors {
				row, col := e.Position()
				errs = append(errs, &FileError{File: name, Line: row, Col: col,
					Msg: fmt.Sprintf("unknown key %q (see civicgraph mapping init, or the package documentation, for the keys a mapping takes)", strings.Join(e.Key(), "."))})
			}
			return nil, nil, errors.Join(errs...)
		}
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			return nil, nil, &FileError{File: name, Line: row, Col: col, Msg: de.Error()}
		}
		return nil, nil, &FileError{File: name, Msg: err.Error()}
	}
	return &f, lines, nil
}

// posOf returns the line and column at which sub starts in data, 0, 0 when
// it is not a part of data.
func posOf(data, sub []byte) (int, int) {
	if len(sub) == 0 {
		return 0, 0
	}
	start := -1
	// sub is a slice of data: compare addresses through cap arithmetic.
	if cap(sub) <= cap(data) {
		off := cap(data) - cap(sub)
		if off >= 0 && off <= len(data) {
			start = off
		}
	}
	if start < 0 {
		return 0, 0
	}
	line := 1 + bytes.Count(data[:start], []byte{'\n'})
	col := start - bytes.LastIndexByte(data[:start], '\n')
	return line, col
}

// lineIndex maps the dotted path of a key or table ("entity.0.class",
// "entity.1.property.2", "recode.sector.values.government") to its line.
type lineIndex map[string]int

// line returns the line of path, or of its nearest ancestor that has one.
func (li lineIndex) line(path string) int {
	for {
		if l, ok := li[path]; ok {
			return l
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return 0
		}
		path = path[:i]
	}
}

// indexLines walks the TOML document's expressions and records the line of
// each key, table and array-table element.
func indexLines(data []byte) (lineIndex, error) {
	w := &lineWalker{li: lineIndex{}, counts: map[string]int{}}
	w.p.Reset(data)
	cur := ""
	for w.p.NextExpression() {
		e := w.p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var parts []string
			it := e.Key()
			line := 0
			for it.Next() {
				parts = append(parts, string(it.Node().Data))
				if line == 0 {
					line = w.lineOf(it.Node())
				}
			}
			cur = w.resolve(parts, e.Kind == unstable.ArrayTable)
			w.li[cur] = line
		case unstable.KeyValue:
			w.keyValue(cur, e)
		}
	}
	return w.li, w.p.Error()
}

// lineWalker is the state of indexLines.
type lineWalker struct {
	p      unstable.Parser
	li     lineIndex
	counts map[string]int // resolved path of an array table → elements so far
}

func joinPath(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// lineOf returns the line a node starts on, 0 when the parser kept no
// range for it.
func (w *lineWalker) lineOf(n *unstable.Node) int {
	if n.Raw.Length == 0 {
		return 0
	}
	return w.p.Shape(n.Raw).Start.Line
}

// resolve turns a header's key parts into a path, adding the index of the
// last element of every array table on the way.
func (w *lineWalker) resolve(parts []string, array bool) string {
	path := ""
	for i, k := range parts {
		path = joinPath(path, k)
		if i == len(parts)-1 && array {
			n := w.counts[path]
			w.counts[path] = n + 1
			path = joinPath(path, strconv.Itoa(n))
		} else if n, ok := w.counts[path]; ok {
			path = joinPath(path, strconv.Itoa(n-1))
		}
	}
	return path
}

// keyValue records the line of a key = value and walks its value.
func (w *lineWalker) keyValue(prefix string, kv *unstable.Node) {
	path := prefix
	line := 0
	it := kv.Key()
	for it.Next() {
		k := it.Node()
		if line == 0 {
			line = w.lineOf(k)
		}
		path = joinPath(path, string(k.Data))
	}
	if line > 0 {
		w.li[path] = line
	}
	w.value(path, kv.Value())
}

// value walks inline tables and arrays, recording their elements' lines.
func (w *lineWalker) value(prefix string, v *unstable.Node) {
	switch v.Kind {
	case unstable.InlineTable:
		it := v.Children()
		for it.Next() {
			w.keyValue(prefix, it.Node())
		}
	case unstable.Array:
		it := v.Children()
		for i := 0; it.Next(); i++ {
			el := it.Node()
			path := joinPath(prefix, strconv.Itoa(i))
			if l := w.lineOf(el); l > 0 {
				w.li[path] = l
			}
			w.value(path, el)
		}
	}
}
