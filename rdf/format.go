package rdf

import (
	"io"
	"mime"
	"path/filepath"
	"slices"
	"strings"

	"civicgraph/graph"
	"civicgraph/rdf/jsonld"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/ns"
	"civicgraph/rdf/rdfxml"
	"civicgraph/rdf/turtle"
)

// Reader is what every syntax's reader offers: the next quad, and where
// in the input it is, for progress and messages.
type Reader interface {
	// Read returns the next quad, and io.EOF after the last one.
	Read() (graph.Quad, error)
	// Line returns the line of the statement read last (0 where the
	// syntax does not tell).
	Line() int
	// BytesRead returns how much of the input has been consumed.
	BytesRead() int64
}

// Writer is what every syntax's writer offers. Write refuses a quad the
// syntax cannot express with an error wrapping [graph.ErrInvalidQuad] and
// can go on; Flush ends the document and writes what is buffered.
type Writer interface {
	Write(graph.Quad) error
	Flush() error
}

// Prefix is a prefix name and the namespace IRI it stands for.
type Prefix = ns.Prefix

// ReaderOptions are what a reader may need besides its input.
type ReaderOptions struct {
	// Base is the IRI relative IRIs resolve against, usually where the
	// document came from; "" leaves relative IRIs an error (or, in
	// JSON-LD, dropped).
	Base string
}

// WriterOptions are what a writer may use besides its output.
type WriterOptions struct {
	// Prefixes are declared by Turtle, TriG and RDF/XML and make up the
	// JSON-LD context; IRIs they start are written short.
	Prefixes []Prefix
	// Context is the URL the JSON-LD writer names as its "@context",
	// where [jsonld.Context] of the same Prefixes is published; "" writes
	// the context inline.
	Context string
}

// Format is one RDF syntax: its names, file extensions and media types,
// and the constructors of its reader and writer.
type Format struct {
	// Name is the short name users type and importers and export use:
	// nt, nq, ttl, trig, rdfxml, jsonld.
	Name string
	// Title is the syntax's own name: N-Triples, Turtle, ...
	Title string
	// Aliases are other names users give it (ntriples, n-triples).
	Aliases []string
	// Extensions are the file extensions, without the dot, the first the
	// one to write.
	Extensions []string
	// MediaTypes are the media types, the first the registered one.
	MediaTypes []string
	// Quads reports whether the syntax holds named graphs.
	Quads bool
	// NewReader returns a reader of r; name names the input in messages.
	NewReader func(r io.Reader, name string, opts ReaderOptions) (Reader, error)
	// NewWriter returns a writer to w.
	NewWriter func(w io.Writer, opts WriterOptions) Writer
}

// MediaType returns the format's registered media type.
func (f Format) MediaType() string { return f.MediaTypes[0] }

// Extension returns the file extension to write, without the dot.
func (f Format) Extension() string { return f.Extensions[0] }

// Formats returns the RDF syntaxes, in a fixed order: N-Triples, N-Quads,
// Turtle, TriG, RDF/XML, JSON-LD. The slice is the caller's.
func Formats() []Format {
	return []Format{
		{
			Name: "nt", Title: "N-Triples", Aliases: []string{"ntriples", "n-triples"},
			Extensions: []string{"nt"}, MediaTypes: []string{"application/n-triples"},
			NewReader: func(r io.Reader, name string, _ ReaderOptions) (Reader, error) {
				return nquads.NewReader(r, name, false), nil
			},
			NewWriter: func(w io.Writer, _ WriterOptions) Writer { return nquads.NewWriter(w, false) },
		},
		{
			Name: "nq", Title: "N-Quads", Aliases: []string{"nquads", "n-quads"},
			Extensions: []string{"nq"}, MediaTypes: []string{"application/n-quads"}, Quads: true,
			NewReader: func(r io.Reader, name string, _ ReaderOptions) (Reader, error) {
				return nquads.NewReader(r, name, true), nil
			},
			NewWriter: func(w io.Writer, _ WriterOptions) Writer { return nquads.NewWriter(w, true) },
		},
		{
			Name: "ttl", Title: "Turtle", Aliases: []string{"turtle"},
			Extensions: []string{"ttl"}, MediaTypes: []string{"text/turtle", "application/x-turtle"},
			NewReader: func(r io.Reader, name string, opts ReaderOptions) (Reader, error) {
				return newTurtleReader(r, name, false, opts)
			},
			NewWriter: func(w io.Writer, opts WriterOptions) Writer { return turtle.NewWriter(w, false, opts.Prefixes) },
		},
		{
			Name: "trig", Title: "TriG",
			Extensions: []string{"trig"}, MediaTypes: []string{"application/trig"}, Quads: true,
			NewReader: func(r io.Reader, name string, opts ReaderOptions) (Reader, error) {
				return newTurtleReader(r, name, true, opts)
			},
			NewWriter: func(w io.Writer, opts WriterOptions) Writer { return turtle.NewWriter(w, true, opts.Prefixes) },
		},
		{
			Name: "rdfxml", Title: "RDF/XML", Aliases: []string{"rdf/xml", "rdf", "xml", "owl"},
			Extensions: []string{"rdf", "owl", "xml"}, MediaTypes: []string{"application/rdf+xml"},
			NewReader: func(r io.Reader, name string, opts ReaderOptions) (Reader, error) {
				xr := rdfxml.NewReader(r, name)
				if opts.Base != "" {
					xr.SetBase(opts.Base)
				}
				return xr, nil
			},
			NewWriter: func(w io.Writer, opts WriterOptions) Writer { return rdfxml.NewWriter(w, opts.Prefixes) },
		},
		{
			Name: "jsonld", Title: "JSON-LD", Aliases: []string{"json-ld"},
			Extensions: []string{"jsonld"}, MediaTypes: []string{"application/ld+json"}, Quads: true,
			NewReader: func(r io.Reader, name string, opts ReaderOptions) (Reader, error) {
				jr := jsonld.NewReader(r, name)
				if opts.Base != "" {
					jr.SetBase(opts.Base)
				}
				return jr, nil
			},
			NewWriter: func(w io.Writer, opts WriterOptions) Writer { return jsonld.NewWriter(w, opts.Prefixes, opts.Context) },
		},
	}
}

func newTurtleReader(r io.Reader, name string, trig bool, opts ReaderOptions) (Reader, error) {
	tr := turtle.NewReader(r, name, trig)
	if opts.Base != "" {
		if err := tr.SetBase(opts.Base); err != nil {
			return nil, err
		}
	}
	return tr, nil
}

// Lookup returns the format a user's name stands for: its Name or one of
// its Aliases, in any case.
func Lookup(name string) (Format, bool) {
	name = strings.ToLower(name)
	for _, f := range Formats() {
		if f.Name == name || slices.Contains(f.Aliases, name) {
			return f, true
		}
	}
	return Format{}, false
}

// ByExtension returns the format of a file name's extension (".ttl",
// "data.nq"; case does not matter).
func ByExtension(path string) (Format, bool) {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	if ext == "" {
		return Format{}, false
	}
	for _, f := range Formats() {
		if slices.Contains(f.Extensions, ext) {
			return f, true
		}
	}
	return Format{}, false
}

// ByMediaType returns the format of a media type, parameters ignored
// ("text/turtle; charset=utf-8").
func ByMediaType(mediaType string) (Format, bool) {
	mt, _, err := mime.ParseMediaType(mediaType)
	if err != nil {
		return Format{}, false
	}
	for _, f := range Formats() {
		if slices.Contains(f.MediaTypes, mt) {
			return f, true
		}
	}
	return Format{}, false
}

// Names returns the Name of every format, for messages: "nt, nq, ttl,
// trig, rdfxml, jsonld".
func Names() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}
