package generate_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers"
	"civicgraph/internal/generate"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/turtle"
	"civicgraph/schema"
)

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    generate.Format
		wantErr error
	}{
		{"nt", generate.NTriples, nil},
		{"nq", generate.NQuads, nil},
		{"TTL", generate.Turtle, nil},
		{"ocds", generate.OCDS, nil},
		{"csv:procurement", generate.CSVProcurement, nil},
		{"csv", "", generate.ErrUnknownFormat},
		{"rdfxml", "", generate.ErrUnknownFormat},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := generate.ParseFormat(tc.in)
			if got != tc.want || !errors.Is(err, tc.wantErr) {
				t.Errorf("ParseFormat(%q) = %q, %v, want %q, %v", tc.in, got, err, tc.want, tc.wantErr)
			}
		})
	}
}

func TestWrite_FormatErrors(t *testing.T) {
	tests := []struct {
		name string
		opts generate.Options
	}{
		{"Unknown", generate.Options{Triples: 10, Format: "rdfxml"}},
		{"QuadsAsTurtle", generate.Options{Triples: 10, Quads: true, Format: generate.Turtle}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := generate.Write(t.Context(), io.Discard, tc.opts); !errors.Is(err, generate.ErrUnknownFormat) {
				t.Errorf("Write(%+v) = %v, want %v", tc.opts, err, generate.ErrUnknownFormat)
			}
		})
	}
}

func TestWrite_FormatsDeterministic(t *testing.T) {
	// As in TestWrite_Deterministic: the hashes pin the bytes that
	// bench/formats.sh measures. Update them on purpose only.
	tests := []struct {
		name string
		opts generate.Options
		want string
	}{
		{"Turtle", generate.Options{Triples: 50_000, Seed: 1, Format: generate.Turtle}, "2840fff90fcc7de943a075be03021f0cf69610c2516ddc7cef5ffe15e8bc4f1c"},
		{"OCDS", generate.Options{Triples: 50_000, Seed: 1, Format: generate.OCDS}, "551482a49b775b6f76031bd43172b9798132f50f3ecba8de8d7b60b4be478cd3"},
		{"CSV", generate.Options{Triples: 50_000, Seed: 1, Format: generate.CSVProcurement}, "3f8bee2fb569549887a3a3dedf6a4170aa0e9783a6da31bf2683bd7aaa20126b"},
		{"OCDSSeed2", generate.Options{Triples: 20_000, Seed: 2, Format: generate.OCDS}, "d578dee43a0e818143a1f8f79c425e65a80cd1cc37b531d4286e41802c9cd3be"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := generateBytes(t, tc.opts), generateBytes(t, tc.opts)
			if !bytes.Equal(a, b) {
				t.Fatalf("Write(%+v) gave different bytes on two runs", tc.opts)
			}
			sum := sha256.Sum256(a)
			if got := hex.EncodeToString(sum[:]); got != tc.want {
				t.Errorf("sha256(Write(%+v)) = %s, want %s", tc.opts, got, tc.want)
			}
		})
	}
}

func TestWrite_FormatsGolden(t *testing.T) {
	tests := []struct {
		name string
		opts generate.Options
	}{
		{"illustrative-300.ttl", generate.Options{Triples: 300, Seed: 1, Format: generate.Turtle}},
		{"illustrative-300.jsonl", generate.Options{Triples: 300, Seed: 1, Format: generate.OCDS}},
		{"illustrative-300.csv", generate.Options{Triples: 300, Seed: 1, Format: generate.CSVProcurement}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := generateBytes(t, tc.opts)
			path := filepath.Join("testdata", tc.name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Write(%+v) differs from %s (run go test -update if the change is meant)", tc.opts, path)
			}
		})
	}
}

// readAll reads every statement of r.
func readAll(t testing.TB, r interface{ Read() (graph.Quad, error) }) []graph.Quad {
	t.Helper()
	var out []graph.Quad
	for {
		q, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q)
	}
}

// TestWrite_TurtleSameStatements reads the Turtle output with the project's
// Turtle reader and checks that it holds the N-Triples statements, in the
// same order.
func TestWrite_TurtleSameStatements(t *testing.T) {
	for _, opts := range []generate.Options{
		{Triples: 0, Seed: 1},
		{Triples: 17, Seed: 1},
		{Triples: 30_000, Seed: 4},
		{Triples: 5000, Seed: 1, Base: "http://example.org/kg"},
	} {
		nt := opts
		ttl := opts
		ttl.Format = generate.Turtle
		want := readAll(t, nquads.NewReader(bytes.NewReader(generateBytes(t, nt)), "g.nt", false))
		out := generateBytes(t, ttl)
		got := readAll(t, turtle.NewReader(bytes.NewReader(out), "g.ttl", false))
		if len(got) != len(want) {
			t.Fatalf("Write(%+v) has %d statements, N-Triples %d", ttl, len(got), len(want))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("Write(%+v) statement %d = %v, want %v", ttl, i, got[i], want[i])
			}
		}
		if opts.Triples > 1000 && bytes.Count(out, []byte(" ;\n")) < int(opts.Triples)/2 {
			t.Errorf("Write(%+v) does not group statements by subject", ttl)
		}
	}
}

// ntStatementsOf returns the number of N-Triples statements each procurement
// has, by IRI, in the output of Write for opts in N-Triples.
func ntStatementsOf(t testing.TB, opts generate.Options) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, q := range readAll(t, nquads.NewReader(bytes.NewReader(generateBytes(t, opts)), "g.nt", false)) {
		if strings.Contains(q.S.Value, "/"+schema.KindProcurement+"/") {
			out[q.S.Value]++
		}
	}
	return out
}

// TestWrite_RecordCount checks that OCDS and CSV write whole procurements
// until their N-Triples statements reach Triples, and that the records are
// the procurements of the N-Triples output of the record plan.
func TestWrite_RecordCount(t *testing.T) {
	for _, n := range []int64{0, 1, 300, 5000} {
		opts := generate.Options{Triples: n, Seed: 3}
		// The record plan of n statements is the dataset of 4n+1000.
		per := ntStatementsOf(t, generate.Options{Triples: 4*n + 1000, Seed: 3})

		opts.Format = generate.CSVProcurement
		cr := csv.NewReader(bytes.NewReader(generateBytes(t, opts)))
		cr.Comment = '#'
		rows, err := cr.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, row := range rows[1:] {
			ids = append(ids, schema.EntityIRI(schema.DefaultBase, schema.KindProcurement, row[0]))
		}
		opts.Format = generate.OCDS
		var ocids int
		for line := range bytes.Lines(generateBytes(t, opts)) {
			var pkg struct{ Releases []json.RawMessage }
			if err := json.Unmarshal(line, &pkg); err != nil {
				t.Fatal(err)
			}
			ocids += len(pkg.Releases)
		}
		if ocids != len(ids) {
			t.Errorf("n=%d: %d releases, %d CSV rows; want the same procurements", n, ocids, len(ids))
		}
		var sum, last int64
		for _, id := range ids {
			if per[id] == 0 {
				t.Fatalf("n=%d: row %s is not a procurement of the plan's N-Triples", n, id)
			}
			sum += per[id]
			last = per[id]
		}
		if sum < n || sum-last >= n && n > 0 || n == 0 && len(ids) != 0 {
			t.Errorf("n=%d: %d rows of %d N-Triples statements (last %d): want whole procurements just reaching n", n, len(ids), sum, last)
		}
	}
}

// TestWrite_Imports writes each format and imports it with civicgraph's
// importers, validation on, into an empty on-disk store.
func TestWrite_Imports(t *testing.T) {
	tests := []struct {
		format generate.Format
		file   string
	}{
		{generate.NTriples, "illustrative.nt"},
		{generate.NQuads, "illustrative.nq"},
		{generate.Turtle, "illustrative.ttl"},
		{generate.OCDS, "illustrative.jsonl"},
		{generate.CSVProcurement, "illustrative-procurements.csv"},
	}
	for _, tc := range tests {
		t.Run(string(tc.format), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.file)
			opts := generate.Options{Triples: 20_000, Seed: 9, Format: tc.format}
			if err := os.WriteFile(path, generateBytes(t, opts), 0o644); err != nil {
				t.Fatal(err)
			}
			s, err := graph.Open(filepath.Join(dir, "store"), graph.Options{GCInterval: -1})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			res, err := importers.ImportFiles(t.Context(), s, []string{path}, importers.Options{})
			if err != nil {
				t.Fatalf("importing Write(%+v): %v", opts, err)
			}
			t.Logf("%s: %d statements read", tc.format, res.Records)
			if res.Records < opts.Triples*3/4 {
				t.Errorf("importing Write(%+v) read %d statements, want about %d", opts, res.Records, opts.Triples)
			}
			if tc.format == generate.Turtle && res.Records != opts.Triples {
				t.Errorf("importing Write(%+v) read %d statements, want %d", opts, res.Records, opts.Triples)
			}
		})
	}
}
