package importers

import (
	"context"
	"fmt"
	"io"
	"strings"

	"civicgraph/graph"
	"civicgraph/importers/csvtab"
	"civicgraph/importers/nquads"
	"civicgraph/schema"
)

// quadReader is what every format's reader offers.
type quadReader interface {
	Read() (graph.Quad, error)
	Line() int
	BytesRead() int64
}

// env is what a format's reader may need besides its input.
type env struct {
	ctx      context.Context
	store    *graph.Store // nil in a dry run without a store
	schema   *schema.Schema
	base     string
	encoding string
}

// newReader returns the reader of format f over r.
func newReader(f Format, r io.Reader, name string, e env) (quadReader, error) {
	switch f.base() {
	case NTriples, NQuads:
		return nquads.NewReader(r, name, f == NQuads), nil
	case CSV:
		cr := &countingReader{r: r}
		opts := csvtab.Options{Base: e.base, Encoding: e.encoding, Template: f.template()}
		if e.store != nil {
			opts.Labels = &storeLabels{ctx: e.ctx, s: e.store}
		}
		qs, err := csvtab.Read(cr, name, e.schema, opts)
		if err != nil {
			return nil, err
		}
		return &sliceReader{quads: qs, bytes: cr.n}, nil
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownFormat, f)
}

// sliceReader serves quads parsed ahead, for formats that need the whole
// input (CSV resolves links by label at the end of the file).
type sliceReader struct {
	quads []graph.Quad
	next  int
	bytes int64
}

func (s *sliceReader) Read() (graph.Quad, error) {
	if s.next == len(s.quads) {
		return graph.Quad{}, io.EOF
	}
	s.next++
	return s.quads[s.next-1], nil
}

func (s *sliceReader) Line() int        { return s.next }
func (s *sliceReader) BytesRead() int64 { return s.bytes }

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// storeLabels finds entities in the store by label, for CSV links given by
// name. It reads each naming property's values once per import.
type storeLabels struct {
	ctx     context.Context
	s       *graph.Store
	byLabel map[string][]string // lower-cased label -> subjects
}

var namingProperties = []string{schema.RDFSLabel, schema.FOAFName, schema.DCTermsTitle, schema.SKOSPrefLabel}

func (l *storeLabels) Lookup(label string, classes []string) ([]string, error) {
	if l.byLabel == nil {
		l.byLabel = map[string][]string{}
		for _, p := range namingProperties {
			for q, err := range l.s.Match(l.ctx, graph.Pattern{P: graph.IRI(p)}) {
				if err != nil {
					return nil, err
				}
				if q.S.Kind == graph.KindIRI {
					k := strings.ToLower(q.O.Value)
					l.byLabel[k] = append(l.byLabel[k], q.S.Value)
				}
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range l.byLabel[strings.ToLower(label)] {
		if seen[s] {
			continue
		}
		seen[s] = true
		ok, err := l.isA(s, classes)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, s)
		}
	}
	return out, nil
}

// isA reports whether subject s is typed with one of classes, or with a
// subclass the store's ontology declares.
func (l *storeLabels) isA(s string, classes []string) (bool, error) {
	if len(classes) == 0 {
		return true, nil
	}
	for q, err := range l.s.Match(l.ctx, graph.Pattern{S: graph.IRI(s), P: graph.IRI(graph.RDFType)}) {
		if err != nil {
			return false, err
		}
		for _, c := range classes {
			if q.O.Value == c {
				return true, nil
			}
			n, err := l.s.Count(l.ctx, graph.Pattern{S: q.O, P: graph.IRI(schema.RDFSSubClassOf), O: graph.IRI(c)})
			if err != nil {
				return false, err
			}
			if n > 0 {
				return true, nil
			}
		}
	}
	return false, nil
}
