package generate_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"civicgraph/internal/generate"
	"civicgraph/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// generateBytes runs Write into memory.
func generateBytes(t testing.TB, opts generate.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := generate.Write(t.Context(), &buf, opts); err != nil {
		t.Fatalf("Write(%+v) = %v", opts, err)
	}
	return buf.Bytes()
}

// statement is one parsed line: terms as written, graph empty for N-Triples.
type statement struct{ s, p, o, g string }

// parse checks the header and the syntax of every line and returns the
// statements.
func parse(t testing.TB, data []byte, quads bool) []statement {
	t.Helper()
	lines := strings.Split(string(data), "\n")
	if lines[len(lines)-1] != "" {
		t.Fatalf("output does not end with a newline")
	}
	lines = lines[:len(lines)-1]
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "# civicgraph illustrative data: synthetic") {
		t.Fatalf("first line is not the illustrative header: %.100q", lines)
	}
	out := make([]statement, 0, len(lines)-1)
	for i, line := range lines[1:] {
		st, err := parseLine(line, quads)
		if err != nil {
			t.Fatalf("line %d: %v: %s", i+2, err, line)
		}
		out = append(out, st)
	}
	return out
}

// parseLine is a small strict reader of the N-Triples/N-Quads subset the
// generator writes: IRIs and literals, no blank nodes.
func parseLine(line string, quads bool) (statement, error) {
	var terms []string
	rest := line
	for len(terms) < 4 {
		term, r, err := parseTerm(rest, len(terms) == 2)
		if err != nil {
			return statement{}, err
		}
		terms = append(terms, term)
		if !strings.HasPrefix(r, " ") {
			return statement{}, fmt.Errorf("no space after %q", term)
		}
		rest = r[1:]
		if rest == "." {
			break
		}
	}
	if rest != "." {
		return statement{}, fmt.Errorf("statement does not end with ' .'")
	}
	want := 3
	if quads {
		want = 4
	}
	if len(terms) != want {
		return statement{}, fmt.Errorf("%d terms, want %d", len(terms), want)
	}
	st := statement{s: terms[0], p: terms[1], o: terms[2]}
	if quads {
		st.g = terms[3]
	}
	if st.s[0] != '<' || st.p[0] != '<' || quads && st.g[0] != '<' {
		return statement{}, fmt.Errorf("subject, predicate and graph must be IRIs")
	}
	return st, nil
}

var langRE = regexp.MustCompile(`^@[a-zA-Z]+(-[a-zA-Z0-9]+)*`)

// findIRI returns the absolute IRI in angle brackets at the start of s, or "".
func findIRI(s string) string {
	if !strings.HasPrefix(s, "<") {
		return ""
	}
	colon := false
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '>':
			if !colon {
				return ""
			}
			return s[:i+1]
		case c == ':':
			colon = colon || i > 1
		case c <= ' ' || strings.IndexByte("<\"{}|^`\\", c) >= 0:
			return ""
		case !colon && !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 1 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')):
			return ""
		}
	}
	return ""
}

// parseTerm reads one term at the start of s and returns it and the rest.
func parseTerm(s string, literalOK bool) (string, string, error) {
	if m := findIRI(s); m != "" {
		return m, s[len(m):], nil
	}
	if !literalOK || !strings.HasPrefix(s, `"`) {
		return "", "", fmt.Errorf("bad term at %.40q", s)
	}
	i := 1
	for ; i < len(s) && s[i] != '"'; i++ {
		switch s[i] {
		case '\\':
			i++
			if i >= len(s) || !strings.ContainsRune(`"\nrtbf`, rune(s[i])) {
				return "", "", fmt.Errorf("bad escape in %.40q", s)
			}
		case '\n', '\r':
			return "", "", fmt.Errorf("raw line break in literal")
		}
	}
	if i >= len(s) {
		return "", "", fmt.Errorf("unterminated literal")
	}
	if !utf8.ValidString(s[:i]) {
		return "", "", fmt.Errorf("literal is not UTF-8")
	}
	end := i + 1
	switch {
	case strings.HasPrefix(s[end:], "^^"):
		m := findIRI(s[end+2:])
		if m == "" {
			return "", "", fmt.Errorf("bad datatype")
		}
		end += 2 + len(m)
	case strings.HasPrefix(s[end:], "@"):
		m := langRE.FindString(s[end:])
		if m == "" {
			return "", "", fmt.Errorf("bad language tag")
		}
		end += len(m)
	}
	return s[:end], s[end:], nil
}

// lexical returns the unescaped lexical form, language and datatype of a
// literal term.
func lexical(term string) (lex, lang, datatype string) {
	end := strings.LastIndexByte(term, '"')
	raw, suffix := term[1:end], term[end+1:]
	switch {
	case strings.HasPrefix(suffix, "@"):
		lang = suffix[1:]
	case strings.HasPrefix(suffix, "^^"):
		datatype = suffix[3 : len(suffix)-1]
	}
	r := strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", `\r`, "\r")
	return r.Replace(raw), lang, datatype
}

func TestWrite_Lines(t *testing.T) {
	tests := []struct {
		name    string
		triples int64
		quads   bool
	}{
		{"Zero", 0, false},
		{"One", 1, false},
		{"Five", 5, true},
		{"CutInAdministrations", 17, false},
		{"Small", 300, false},
		{"SmallQuads", 300, true},
		{"Medium", 20_000, false},
		{"MediumQuads", 20_000, true},
		{"Large", 60_000, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := generate.Options{Triples: tc.triples, Seed: 1, Quads: tc.quads}
			sts := parse(t, generateBytes(t, opts), tc.quads)
			if got := int64(len(sts)); got != tc.triples {
				t.Fatalf("Write(Triples: %d) wrote %d statements, want %d", tc.triples, got, tc.triples)
			}
			graphs := map[string]bool{}
			for _, g := range generate.Graphs() {
				graphs["<"+g+">"] = true
			}
			for _, st := range sts {
				if tc.quads && !graphs[st.g] {
					t.Fatalf("statement in graph %s, want one of generate.Graphs()", st.g)
				}
			}
		})
	}
}

func TestWrite_Deterministic(t *testing.T) {
	// The hashes pin the bytes: a change to the generator changes them, and
	// then benchmark figures measured on older files no longer compare. Update
	// them on purpose only (and say so in BENCHMARKS.md).
	tests := []struct {
		name string
		opts generate.Options
		want string
	}{
		{"Seed1", generate.Options{Triples: 100_000, Seed: 1}, "ebdf7d24aa78a2c9a100cab169d7f76651aa2e7e7bf984ae5e4075f39e95b01b"},
		{"Seed2Quads", generate.Options{Triples: 100_000, Seed: 2, Quads: true}, "023eb9a0645640c956fadcb6ab29997c8ef6ac584ff4553ae0cbd8a899dd683f"},
		{"OtherBase", generate.Options{Triples: 10_000, Seed: 1, Base: "http://example.org/kg"}, "df9eb0586c84024dc776a1add48c5a1f3f7894a56db7a1a993f8801d3c1c2325"},
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

func TestWrite_Seeds(t *testing.T) {
	a := generateBytes(t, generate.Options{Triples: 5000, Seed: 1})
	b := generateBytes(t, generate.Options{Triples: 5000, Seed: 2})
	if bytes.Equal(a, b) {
		t.Fatal("seeds 1 and 2 gave the same bytes")
	}
}

func TestWrite_Golden(t *testing.T) {
	tests := []struct {
		name string
		opts generate.Options
	}{
		{"illustrative-300.nt", generate.Options{Triples: 300, Seed: 1}},
		{"illustrative-300.nq", generate.Options{Triples: 300, Seed: 1, Quads: true}},
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

// TestWrite_Content checks the shape of the data at a few sizes, including
// sizes that cut the output inside an entity.
func TestWrite_Content(t *testing.T) {
	for _, n := range []int64{300, 1234, 20_000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			checkContent(t, parse(t, generateBytes(t, generate.Options{Triples: n, Seed: 7}), false), n)
		})
	}
}

func checkContent(t *testing.T, sts []statement, n int64) {
	t.Helper()
	iri := func(s string) string { return "<" + s + ">" }
	base := "<" + schema.DefaultBase
	subjects := map[string]bool{}
	seen := map[statement]bool{}
	types := map[string]int{}
	for _, st := range sts {
		if seen[st] {
			t.Fatalf("duplicate statement %v", st)
		}
		seen[st] = true
		subjects[st.s] = true
		if st.p == iri(schema.RDFType) {
			types[st.o]++
		}
	}
	textProps := map[string]bool{iri(schema.DCTermsDescription): true, iri(schema.PropPurpose): true,
		iri(schema.PropAISystem): true, iri(schema.PropChallenge): true, iri(schema.PropGoal): true,
		iri(schema.PropTarget): true, iri(schema.PropExample): true}
	decimal := regexp.MustCompile(`^[0-9]+\.[0-9]{2}$`)
	for _, st := range sts {
		// Every link to an instance points to an entity that was written.
		if strings.HasPrefix(st.o, base) && !subjects[st.o] {
			t.Errorf("dangling link %s %s %s", st.s, st.p, st.o)
		}
		if st.o[0] != '"' {
			continue
		}
		lex, lang, dt := lexical(st.o)
		runes := utf8.RuneCountInString(lex)
		switch {
		case st.p == iri(schema.DCTermsTitle) && (runes < 40 || runes > 120):
			t.Errorf("title of %d characters, want 40 to 120: %q", runes, lex)
		case textProps[st.p] && st.s[1:len(st.s)-1] != schema.GraphIllustrative && (runes < 200 || runes > 800):
			t.Errorf("%s of %d characters, want 200 to 800", st.p, runes)
		case (st.p == iri(schema.FOAFName) || st.p == iri(schema.RDFSLabel)) && !strings.Contains(lex, "Synthetic"):
			t.Errorf("name %q does not say it is synthetic", lex)
		}
		if lang != "" && lang != "en" && lang != "es" && lang != "ca" {
			t.Errorf("language tag %q, want en, es or ca", lang)
		}
		switch dt {
		case schema.XSDDecimal:
			if !decimal.MatchString(lex) {
				t.Errorf("bad xsd:decimal %q", lex)
			}
		case schema.XSDDate:
			if d, err := time.Parse(time.DateOnly, lex); err != nil || d.Year() < 2008 || d.Year() > 2025 {
				t.Errorf("bad xsd:date %q", lex)
			}
		case schema.XSDBoolean:
			if lex != "true" && lex != "false" {
				t.Errorf("bad xsd:boolean %q", lex)
			}
		case schema.XSDGYear:
			if len(lex) != 4 {
				t.Errorf("bad xsd:gYear %q", lex)
			}
		}
	}
	if n >= 1000 {
		eng, proc := types[iri(schema.ClassEngagement)], types[iri(schema.ClassProcurement)]
		for _, c := range []string{schema.ClassAdministration, schema.ClassActor, schema.ClassMechanism,
			schema.ClassMission, schema.FOAFPerson, schema.ClassReference, schema.ClassProcurement} {
			if types[iri(c)] == 0 || types[iri(c)] >= eng {
				t.Errorf("%d entities of class %s, %d engagements: want some, and fewer than engagements", types[iri(c)], c, eng)
			}
		}
		if eng < 3*proc {
			t.Errorf("%d engagements for %d procurements, want about four each", eng, proc)
		}
	}
}

func TestWrite_Base(t *testing.T) {
	tests := []struct {
		base, want string
	}{
		{"http://example.org/kg", "<http://example.org/kg/procurement/"},
		{"http://example.org/kg/", "<http://example.org/kg/procurement/"},
		{"urn:x-test#", "<urn:x-test#procurement/"},
	}
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			out := generateBytes(t, generate.Options{Triples: 1000, Seed: 1, Base: tc.base})
			if !bytes.Contains(out, []byte(tc.want)) {
				t.Errorf("Write(Base: %q) has no IRI starting %s", tc.base, tc.want)
			}
			if bytes.Contains(out, []byte(schema.DefaultBase)) {
				t.Errorf("Write(Base: %q) still uses the default base", tc.base)
			}
		})
	}
}

// errWriter fails every write.
type errWriter struct{}

var errWrite = errors.New("write failed")

func (errWriter) Write([]byte) (int, error) { return 0, errWrite }

func TestWrite_Errors(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		opts    generate.Options
		w       bytes.Buffer
		failing bool
		wantErr error
	}{
		{name: "NegativeTriples", ctx: t.Context(), opts: generate.Options{Triples: -1}, wantErr: generate.ErrNegativeTriples},
		{name: "RelativeBase", ctx: t.Context(), opts: generate.Options{Triples: 1, Base: "id/"}, wantErr: generate.ErrInvalidBase},
		{name: "BaseWithSpace", ctx: t.Context(), opts: generate.Options{Triples: 1, Base: "http://x.org/a b/"}, wantErr: generate.ErrInvalidBase},
		{name: "BaseWithAngle", ctx: t.Context(), opts: generate.Options{Triples: 1, Base: "http://x.org/>"}, wantErr: generate.ErrInvalidBase},
		{name: "WriterFails", ctx: t.Context(), opts: generate.Options{Triples: 10_000}, failing: true, wantErr: errWrite},
		{name: "Cancelled", ctx: cancelled, opts: generate.Options{Triples: 10_000}, wantErr: context.Canceled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.failing {
				err = generate.Write(tc.ctx, errWriter{}, tc.opts)
			} else {
				err = generate.Write(tc.ctx, &tc.w, tc.opts)
			}
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Write(%+v) = %v, want %v", tc.opts, err, tc.wantErr)
			}
			if _, err := generate.SampleIRIs(tc.ctx, tc.opts); !tc.failing && !errors.Is(err, tc.wantErr) {
				t.Fatalf("SampleIRIs(%+v) = %v, want %v", tc.opts, err, tc.wantErr)
			}
		})
	}
}

func TestSampleIRIs(t *testing.T) {
	tests := []struct {
		name string
		opts generate.Options
	}{
		{"Small", generate.Options{Triples: 3000, Seed: 1}},
		{"Medium", generate.Options{Triples: 40_000, Seed: 3}},
		{"QuadsIgnored", generate.Options{Triples: 40_000, Seed: 3, Quads: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := generate.SampleIRIs(t.Context(), tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			plain := tc.opts
			plain.Quads = false
			want := answer(parse(t, generateBytes(t, plain), false), s)
			got := generate.Sample{Subject: s.Subject, SubjectTriples: s.SubjectTriples, ScanPredicate: s.ScanPredicate,
				ScanObject: s.ScanObject, ScanRows: s.ScanRows, Object: s.Object, ObjectRows: s.ObjectRows,
				Mission: s.Mission, TwoHopRows: s.TwoHopRows, CountPredicate: s.CountPredicate,
				CountPredicateRows: s.CountPredicateRows, MissionsServed: s.MissionsServed, Counts: s.Counts}
			if got != want {
				t.Errorf("SampleIRIs(%+v) =\n%+v\nwant (counted from the output)\n%+v", tc.opts, got, want)
			}
			if s.SubjectTriples < 10 || s.ObjectRows == 0 || s.TwoHopRows == 0 || s.ScanRows == 0 {
				t.Errorf("SampleIRIs(%+v) = %+v: want every query to return rows", tc.opts, s)
			}
		})
	}
}

// answer evaluates the sample's queries on the statements the slow way.
func answer(sts []statement, s generate.Sample) generate.Sample {
	iri := func(s string) string { return "<" + s + ">" }
	want := generate.Sample{Subject: s.Subject, ScanPredicate: s.ScanPredicate, ScanObject: s.ScanObject,
		Object: s.Object, Mission: s.Mission, CountPredicate: s.CountPredicate}
	names := map[string]int64{}
	served := map[string]bool{}
	for _, st := range sts {
		if st.p == iri(schema.RDFSLabel) {
			names[st.s]++
		}
		if st.p == iri(schema.PropServesMission) {
			served[st.o] = true
		}
	}
	class := map[string]*int64{
		schema.ClassAdministration: &want.Counts.Administrations, schema.ClassActor: &want.Counts.Actors,
		schema.ClassMechanism: &want.Counts.Mechanisms, schema.ClassMission: &want.Counts.Missions,
		schema.FOAFPerson: &want.Counts.Persons, schema.ClassReference: &want.Counts.References,
		schema.ClassProcurement: &want.Counts.Procurements, schema.ClassEngagement: &want.Counts.Engagements,
	}
	for _, st := range sts {
		if st.s == iri(s.Subject) {
			want.SubjectTriples++
		}
		if st.p == iri(s.ScanPredicate) && st.o == iri(s.ScanObject) {
			want.ScanRows++
		}
		if st.o == iri(s.Object) {
			want.ObjectRows++
		}
		if st.p == iri(s.CountPredicate) {
			want.CountPredicateRows++
		}
		if st.p == iri(schema.RDFType) {
			if c, ok := class[st.o[1:len(st.o)-1]]; ok {
				*c++
			}
		}
		if st.p == iri(schema.PropServesMission) && st.o == iri(s.Mission) {
			for _, b := range sts {
				if b.s == st.s && b.p == iri(schema.PropBuyer) {
					want.TwoHopRows += names[b.o]
				}
			}
		}
	}
	want.MissionsServed = int64(len(served))
	return want
}

func TestSampleIRIs_TwoHopAtOneMillion(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a million statements")
	}
	s, err := generate.SampleIRIs(t.Context(), generate.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if s.TwoHopRows < 400 || s.TwoHopRows > 600 {
		t.Errorf("SampleIRIs(DefaultOptions()).TwoHopRows = %d, want about 500", s.TwoHopRows)
	}
	if s.Counts.Engagements < 4*s.Counts.Procurements {
		t.Errorf("at 1M: %+v: want about four engagements per procurement", s.Counts)
	}
}

// countingWriter counts bytes and discards them.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(b []byte) (int, error) {
	w.n += int64(len(b))
	return len(b), nil
}

func BenchmarkWrite(b *testing.B) {
	for _, quads := range []bool{false, true} {
		name := "nt"
		if quads {
			name = "nq"
		}
		b.Run(name, func(b *testing.B) {
			opts := generate.Options{Triples: 1_000_000, Seed: 1, Quads: quads}
			var w countingWriter
			start := time.Now()
			for b.Loop() {
				if err := generate.Write(b.Context(), &w, opts); err != nil {
					b.Fatal(err)
				}
			}
			secs := time.Since(start).Seconds()
			b.ReportMetric(float64(b.N)*float64(opts.Triples)/secs, "triples/s")
			b.ReportMetric(float64(w.n)/secs/1e6, "MB/s")
		})
	}
}

func BenchmarkSampleIRIs(b *testing.B) {
	for b.Loop() {
		if _, err := generate.SampleIRIs(b.Context(), generate.DefaultOptions()); err != nil {
			b.Fatal(err)
		}
	}
}

func ExampleWrite() {
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	opts := generate.Options{Triples: 3, Seed: 1}
	if err := generate.Write(context.Background(), w, opts); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # civicgraph illustrative data: synthetic, made up by civicgraph's generator (seed 1, 3 statements); names, values and dates are not real
	// <https://w3id.org/civicgraph/graph/illustrative> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://rdfs.org/ns/void#Dataset> .
	// <https://w3id.org/civicgraph/graph/illustrative> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/ns/dcat#Dataset> .
	// <https://w3id.org/civicgraph/graph/illustrative> <http://purl.org/dc/terms/title> "civicgraph illustrative data (synthetic)"@en .
}
