package server

import (
	"context"
	"fmt"
	"io"
	"mime"
	"slices"
	"strconv"
	"strings"

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

// mediaRange is one element of an Accept header.
type mediaRange struct {
	typ, sub string  // "*" for a wildcard
	q        float64 // quality, 0 to 1
}

// parseAccept reads an Accept header (RFC 9110, section 12.5.1): media
// ranges separated by commas, each with optional parameters, of which q
// (a quality from 0 to 1, three decimals at most) is kept. A malformed
// element is skipped, as clients' headers are often sloppy; an empty
// header gives no ranges.
func parseAccept(h string) []mediaRange {
	var out []mediaRange
	for elem := range strings.SplitSeq(h, ",") {
		elem = strings.TrimSpace(elem)
		if elem == "" {
			continue
		}
		mt, params, err := mime.ParseMediaType(elem)
		if err != nil {
			continue
		}
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok || typ == "" || sub == "" || (typ == "*" && sub != "*") {
			continue
		}
		r := mediaRange{typ: typ, sub: sub, q: 1}
		if qs, ok := params["q"]; ok {
			q, err := strconv.ParseFloat(qs, 64)
			if err != nil || q < 0 || q > 1 || len(qs) > 5 {
				continue
			}
			r.q = q
		}
		out = append(out, r)
	}
	return out
}

// quality returns the quality the ranges give the media type mt: that of
// the most specific range matching it (type/sub, then type/*, then */*),
// 0 when none does.
func quality(ranges []mediaRange, mt string) float64 {
	typ, sub, _ := strings.Cut(mt, "/")
	best, spec := 0.0, -1
	for _, r := range ranges {
		s := -1
		switch {
		case r.typ == typ && r.sub == sub:
			s = 2
		case r.typ == typ && r.sub == "*":
			s = 1
		case r.typ == "*" && r.sub == "*":
			s = 0
		}
		if s > spec {
			best, spec = r.q, s
		}
	}
	return best
}

// negotiate returns the offered media type the Accept header h prefers,
// the first offered on a tie; an empty header accepts anything, so it
// gives the first. ok is false when h accepts none of them.
func negotiate(h string, offered []string) (mt string, ok bool) {
	if strings.TrimSpace(h) == "" {
		return offered[0], true
	}
	ranges := parseAccept(h)
	if len(ranges) == 0 {
		// Nothing readable: treat as no preference, as for no header.
		return offered[0], true
	}
	best := 0.0
	for _, o := range offered {
		if q := quality(ranges, o); q > best {
			mt, best = o, q
		}
	}
	return mt, best > 0
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
