package export_test

import (
	"bytes"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"civicgraph/export"
	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/internal/generate"
	"civicgraph/rdf/nquads"
	"civicgraph/schema"
)

// benchTriples is how many generated triples BenchmarkWrite exports:
// $CIVICGRAPH_BENCH_TRIPLES, or one million.
func benchTriples(b *testing.B) int64 {
	if v := os.Getenv("CIVICGRAPH_BENCH_TRIPLES"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n <= 0 {
			b.Fatalf("CIVICGRAPH_BENCH_TRIPLES=%q: expected a positive count", v)
		}
		return n
	}
	return 1_000_000
}

// BenchmarkWrite exports a store holding N generated triples (the
// benchmarks' data: internal/generate, seed 1, in one named graph) to
// io.Discard, from the store through the writer, and reports triples/s.
//
//	go test ./export -run XXX -bench Write -benchtime 3x
func BenchmarkWrite(b *testing.B) {
	n := benchTriples(b)
	var nt bytes.Buffer
	opts := generate.DefaultOptions()
	opts.Triples = n
	if err := generate.Write(b.Context(), &nt, opts); err != nil {
		b.Fatal(err)
	}
	s := graphtest.NewStore(b)
	l, err := s.NewLoader(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	r := nquads.NewReader(&nt, "generated.nt", false)
	g := graph.IRI(schema.GraphIllustrative)
	for {
		q, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		q.G = g
		if err := l.Add(q); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := l.Commit(); err != nil {
		b.Fatal(err)
	}
	// The first scan after a load of this size runs beside badger's
	// compactions and fills its block cache; it is timed apart
	// ("first-triples/s") so that each format's figure is of a store at
	// rest, as a user's is when they export.
	start := time.Now()
	first, err := export.Write(b.Context(), s, &countWriter{}, export.Options{Format: format(b, "nt")})
	if err != nil {
		b.Fatal(err)
	}
	firstRate := float64(first.Quads) / time.Since(start).Seconds()
	for _, name := range []string{"nt", "nq", "ttl", "trig", "jsonld", "rdfxml"} {
		b.Run("format="+name, func(b *testing.B) {
			f := format(b, name)
			var quads int64
			for b.Loop() {
				cw := &countWriter{}
				res, err := export.Write(b.Context(), s, cw, export.Options{Format: f})
				if err != nil {
					b.Fatal(err)
				}
				quads = res.Quads
				b.SetBytes(cw.n)
			}
			b.ReportMetric(float64(quads)*float64(b.N)/b.Elapsed().Seconds(), "triples/s")
			if name == "nt" {
				b.ReportMetric(firstRate, "first-triples/s")
			}
		})
	}
}

// countWriter counts and drops what it is given.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}
