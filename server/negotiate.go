package server

import (
	"context"
	"fmt"
	"io"
	"slices"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/rdf"
)

// formatsNamed returns the formats of package rdf with the given names
// (rdf.Format.Name) that have a writer, in that order: the server's order
// of preference.
func formatsNamed(names ...string) []rdf.Format {
	var out []rdf.Format
	for _, n := range names {
		if f, ok := rdf.Lookup(n); ok && f.NewWriter != nil {
			out = append(out, f)
		}
	}
	return out
}

// writeRDF writes quads to w in the syntax of f, with the project's
// prefixes (a JSON-LD context inline): the one place where the
// linked-data endpoints pick a writer. Triple syntaxes drop graph names.
// ctx is checked every 1024 quads.
func writeRDF(ctx context.Context, w io.Writer, f rdf.Format, quads []graph.Quad) error {
	qw := f.NewWriter(w, rdf.WriterOptions{Prefixes: export.Prefixes()})
	for i, q := range quads {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := qw.Write(q); err != nil {
			return fmt.Errorf("write %s: %w", f.MediaType(), err)
		}
	}
	if err := qw.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", f.MediaType(), err)
	}
	return nil
}

// formatByExt returns the format of the extension ext (without the dot)
// among offered.
func formatByExt(offered []rdf.Format, ext string) (rdf.Format, bool) {
	for _, f := range offered {
		if slices.Contains(f.Extensions, ext) {
			return f, true
		}
	}
	return rdf.Format{}, false
}

// mediaTypes returns the media types of fs, in order.
func mediaTypes(fs []rdf.Format) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.MediaType()
	}
	return out
}

// formatOf returns the format with media type mt among fs.
func formatOf(fs []rdf.Format, mt string) rdf.Format {
	i := slices.IndexFunc(fs, func(f rdf.Format) bool { return f.MediaType() == mt })
	if i < 0 {
		return rdf.Format{}
	}
	return fs[i]
}
