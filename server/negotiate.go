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
)

// rdfFormat is an RDF syntax the linked-data endpoints write: its media
// type, the extension of /data URLs that asks for it, and whether it has
// named graphs.
type rdfFormat struct {
	mediaType string
	ext       string
	quads     bool
}

// The RDF syntaxes the linked-data endpoints write, in the server's order
// of preference. Until the rdf package's Format table lands, these are the
// writers of package export; writeRDF is the one place that writes them.
var (
	formatTurtle   = rdfFormat{mediaType: "text/turtle", ext: "ttl"}
	formatNTriples = rdfFormat{mediaType: "application/n-triples", ext: "nt"}
	formatNQuads   = rdfFormat{mediaType: "application/n-quads", ext: "nq", quads: true}
	formatTriG     = rdfFormat{mediaType: "application/trig", ext: "trig", quads: true}
)

// dataFormats are the formats of an entity's description (/data), in
// order of preference.
var dataFormats = []rdfFormat{formatTurtle, formatNTriples}

// writeRDF writes quads to w in the syntax of f: N-Triples and Turtle drop
// graph names; N-Quads keeps them. TriG is written as N-Triples lines for
// the default graph followed by one block per named graph, in the order
// the quads come. ctx is checked every 1024 quads.
func writeRDF(ctx context.Context, w io.Writer, f rdfFormat, quads []graph.Quad) error {
	var qw export.QuadWriter
	switch f {
	case formatTurtle:
		qw = export.NewTurtleWriter(w)
	case formatNTriples:
		qw = export.NewNQuadsWriter(w, false)
	case formatNQuads:
		qw = export.NewNQuadsWriter(w, true)
	case formatTriG:
		return writeTriG(ctx, w, quads)
	default:
		return fmt.Errorf("server: no writer for %s", f.mediaType)
	}
	for i, q := range quads {
		if i&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := qw.Write(q); err != nil {
			return fmt.Errorf("write %s: %w", f.mediaType, err)
		}
	}
	return qw.Flush()
}

// writeTriG writes quads as TriG: the default graph's triples first, as
// N-Triples lines, then each named graph in a block of its own.
func writeTriG(ctx context.Context, w io.Writer, quads []graph.Quad) error {
	var graphs []graph.Term
	byGraph := map[graph.Term][]graph.Quad{}
	for _, q := range quads {
		if _, ok := byGraph[q.G]; !ok && !q.G.IsZero() {
			graphs = append(graphs, q.G)
		}
		byGraph[q.G] = append(byGraph[q.G], q)
	}
	nt := export.NewNQuadsWriter(w, false)
	write := func(qs []graph.Quad) error {
		for i, q := range qs {
			if i&1023 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := nt.Write(q); err != nil {
				return fmt.Errorf("write application/trig: %w", err)
			}
		}
		return nt.Flush()
	}
	if err := write(byGraph[graph.Term{}]); err != nil {
		return err
	}
	for _, g := range graphs {
		if _, err := io.WriteString(w, g.String()+" {\n"); err != nil {
			return err
		}
		if err := write(byGraph[g]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "}\n"); err != nil {
			return err
		}
	}
	return nil
}

// formatByExt returns the format of the extension ext (without the dot)
// among offered.
func formatByExt(offered []rdfFormat, ext string) (rdfFormat, bool) {
	for _, f := range offered {
		if f.ext == ext {
			return f, true
		}
	}
	return rdfFormat{}, false
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
func mediaTypes(fs []rdfFormat) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.mediaType
	}
	return out
}

// formatOf returns the format with media type mt among fs.
func formatOf(fs []rdfFormat, mt string) rdfFormat {
	i := slices.IndexFunc(fs, func(f rdfFormat) bool { return f.mediaType == mt })
	if i < 0 {
		return rdfFormat{}
	}
	return fs[i]
}
