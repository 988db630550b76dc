// Command gen writes civicgraph's generated benchmark data, or the queries
// that bench/peers.sh asks every peer, with the answers the generator expects.
//
//	go run ./bench/gen -triples N [-seed S] [-format nt|nq|ttl|ocds|csv:procurement] > FILE
//	go run ./bench/gen -triples N [-seed S] -queries > QUERIES.json
//
// It calls civicgraph/internal/generate, as `civicgraph generate` does; both
// write the same bytes for the same options.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"civicgraph/internal/generate"
	"civicgraph/schema"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := run(ctx, os.Args[1:], os.Stdout)
	stop()
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	triples := fs.Int64("triples", 1_000_000, "number of statements")
	seed := fs.Int64("seed", 1, "seed")
	format := fs.String("format", "nt", "nt, nq, ttl, ocds or csv:procurement (see civicgraph/internal/generate)")
	base := fs.String("base", schema.DefaultBase, "base IRI of instances")
	queries := fs.Bool("queries", false, "print the benchmark queries as JSON instead of the data")
	if err := fs.Parse(args); err != nil {
		return err
	}
	f, err := generate.ParseFormat(*format)
	if err != nil {
		return err
	}
	opts := generate.Options{Triples: *triples, Seed: *seed, Format: f, Base: *base}
	if *queries {
		return writeQueries(ctx, stdout, opts)
	}
	w := bufio.NewWriterSize(stdout, 1<<20)
	if err := generate.Write(ctx, w, opts); err != nil {
		return err
	}
	return w.Flush()
}

// query is one benchmark query with the number of rows the generator says it
// returns, and for a single number (a count) that number.
type query struct {
	Name        string `json:"name"`
	SPARQL      string `json:"sparql"`
	ExpectRows  int64  `json:"expect_rows"`
	ExpectValue *int64 `json:"expect_value,omitempty"`
}

// writeQueries prints the query set: the shapes of issue 2 (one subject,
// predicate+object, object, the 2-hop join, count by predicate) and the peers'
// COUNT GROUP BY, all over the one named graph the peers load the file into.
func writeQueries(ctx context.Context, w io.Writer, opts generate.Options) error {
	s, err := generate.SampleIRIs(ctx, opts)
	if err != nil {
		return err
	}
	g := schema.GraphIllustrative
	qs := []query{
		{Name: "single_subject", ExpectRows: s.SubjectTriples,
			SPARQL: fmt.Sprintf("SELECT ?p ?o FROM <%s> WHERE { <%s> ?p ?o }", g, s.Subject)},
		{Name: "predicate_object", ExpectRows: s.ScanRows,
			SPARQL: fmt.Sprintf("SELECT ?s FROM <%s> WHERE { ?s <%s> <%s> }", g, s.ScanPredicate, s.ScanObject)},
		{Name: "object", ExpectRows: s.ObjectRows,
			SPARQL: fmt.Sprintf("SELECT ?s ?p FROM <%s> WHERE { ?s ?p <%s> }", g, s.Object)},
		{Name: "two_hop_join", ExpectRows: s.TwoHopRows,
			SPARQL: fmt.Sprintf("SELECT ?proc ?name FROM <%s> WHERE { ?proc <%s> <%s> . ?proc <%s> ?a . ?a <%s> ?name }",
				g, schema.PropServesMission, s.Mission, schema.PropBuyer, schema.RDFSLabel)},
		{Name: "count_predicate", ExpectRows: 1, ExpectValue: &s.CountPredicateRows,
			SPARQL: fmt.Sprintf("SELECT (COUNT(*) AS ?n) FROM <%s> WHERE { ?s <%s> ?o }", g, s.CountPredicate)},
		{Name: "count_group_by_mission", ExpectRows: min(10, s.MissionsServed),
			SPARQL: fmt.Sprintf("SELECT ?m (COUNT(?proc) AS ?n) FROM <%s> WHERE { ?proc <%s> ?m } GROUP BY ?m ORDER BY DESC(?n) LIMIT 10",
				g, schema.PropServesMission)},
		{Name: "count_all", ExpectRows: 1, ExpectValue: &opts.Triples,
			SPARQL: fmt.Sprintf("SELECT (COUNT(*) AS ?n) FROM <%s> WHERE { ?s ?p ?o }", g)},
	}
	out := struct {
		N       int64   `json:"n"`
		Seed    int64   `json:"seed"`
		Graph   string  `json:"graph"`
		Queries []query `json:"queries"`
	}{opts.Triples, opts.Seed, g, qs}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
