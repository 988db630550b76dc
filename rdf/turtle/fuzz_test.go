package turtle_test

import (
	"bytes"
	"civicgraph/internal/rdftest"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/iotest"

	"civicgraph/graph"
	"civicgraph/rdf/problems"
	"civicgraph/rdf/turtle"
)

// fuzzBase is the base IRI FuzzReader sets when its base argument is true.
const fuzzBase = "http://example.org/dir/doc.ttl?q#f"

// fuzzSeeds are small inputs covering each production, for FuzzReader.
var fuzzSeeds = []string{
	"",
	"<http://a/s> <http://a/p> <http://a/o> .",
	"@prefix : <http://a/> . :s :p :o , 'x' , \"y\"@en-GB , 1 , -2.5 , +3e-4 , true ; a :C .",
	"PREFIX ex: <http://a/> BASE <http://b/> ex:s <p> ( 1 [ ex:q \"\"\"a\nb\"\"\" ] () ) .",
	"@base <http://a/b/c/d;p?q> . <../g> <./h> <//x/y> , <?z> , <#f> , <> .",
	"[ <http://a/p> _:b0 ] . [] <http://a/p> [] .",
	"@prefix p: <http://a/> . p:a\\~b p:c%20d p:e.f. p: p:g _:x.y .",
	"<http://a/s> <http://a/p> \"\\u00e9\\U0001F600\\t\\\"\"^^<http://a/dt> . # comment\r\n",
	"<http://a/g> { <http://a/s> <http://a/p> <http://a/o> } GRAPH _:g { [] <http://a/p> 1 . } { <http://a/s> <http://a/p> 2 }",
	"<http://a/s> <http://a/p> '''it''s''' , \"\"\"\"q\"\"\" .",
	"_:_g1 <http://a/p> (<http://a/x>) .",
	"<http://a/s> <http://a/p> \"\\ud800\" .",
	"@prefix : <http://a/> . :s :p .5, 1.e3, 1., 0x1 .",
	"<http://a/s> <http://a/p> <http://a/o> ; ; .",
	"\xef\xbb\xbf<http://a/s> <http://a/p> \"\xff\" .",
	"\"\"\"\"0\"\"\"",
	".0$i~C$z\xd1",
	"<rel\\u0061tive> <http://a/p> <http://a/o> .",
	// Several errors, for the recovery.
	"@prefix : <http://a/> . :s :p <http://a/ b> . :s :p :o .\n:s :p \"\\q\" , :o .\nex:s :p :o . ex:s :p :o",
	":s :p [ :q :o . ] . :s :p ( :o . :s :p \"abc .\n:s :p '''a.\\q.''' .\n@prefix ex <x> .\n:s :p :o\nPREFIX : <http://a/>\n",
	"<http://a/g> { <http://a/s> <http://a/p> <http://a/ o> . { } @prefix : <http://a/> . :s :p :o } } GRAPH <x y> { :s :p :o . . }",
	"# \xff\n<http://a/s> # \xfe\n <http://a/p> <http://a/o> . <x> <y> <z> . <http://a/s> <http://a/p> \"\"\"\n\\x",
}

// FuzzReader checks that the reader never panics or loops and fails only
// with ParseErrors at sane positions, no more of them than the input has
// bytes (each recovery consumes input); that it reads the same statements
// and errors whether the input arrives whole or a byte at a time; and that
// what it reads, written as N-Quads by the export writer and read back by
// rdf/nquads, comes back unchanged.
func FuzzReader(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), false, true)
		f.Add([]byte(s), true, false)
	}
	// Some suite files, when the suites are present; the seeds above do
	// without them.
	if dir, ok := suiteDir(); ok {
		for _, name := range []string{
			"turtle-syntax-bnode-10.ttl", "turtle-syntax-pname-esc-01.ttl", "turtle-syntax-string-11.ttl",
			"turtle-eval-lists-02.ttl", "turtle-subm-27.ttl", "IRI-resolution-01.ttl",
			"localName_with_nfc_PN_CHARS_BASE_character_boundaries.ttl", "turtle-syntax-bad-struct-01.ttl",
		} {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				f.Add(data, false, true)
				f.Add(data, true, true)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte, trig, base bool) {
		got, r, err := fuzzRead(t, bytes.NewReader(data), trig, base)
		if err != nil {
			checkErrors(t, err, r.Line(), len(data))
		}
		if r.BytesRead() > int64(len(data)) {
			t.Fatalf("BytesRead() = %d > input length %d", r.BytesRead(), len(data))
		}
		for _, q := range got {
			if err := q.Validate(); err != nil {
				t.Fatalf("Read returned an invalid quad: %v", err)
			}
			if !trig && !q.G.IsZero() {
				t.Fatalf("Turtle Read returned a graph name: %v", q)
			}
		}

		slow, _, slowErr := fuzzRead(t, iotest.OneByteReader(bytes.NewReader(data)), trig, base)
		if !reflect.DeepEqual(got, slow) || !reflect.DeepEqual(err, slowErr) {
			t.Fatalf("byte-at-a-time read differs:\n got %v, %v\nthen %v, %v", got, err, slow, slowErr)
		}

		if err != nil {
			return
		}
		rdftest.RoundTrip(t, got)
	})
}

// fuzzRead reads in to the end, or to a read error.
func fuzzRead(t *testing.T, in io.Reader, trig, base bool) ([]graph.Quad, *turtle.Reader, error) {
	r := turtle.NewReader(in, "fuzz", trig)
	if base {
		if err := r.SetBase(fuzzBase); err != nil {
			t.Fatal(err)
		}
	}
	got, err := readFrom(r)
	return got, r, err
}

// suiteDir returns the W3C Turtle suite's folder if it is present.
func suiteDir() (string, bool) {
	dir := filepath.Join("..", "..", "..", "shared", "realdata", "w3c-rdf-tests", "rdf-turtle")
	_, err := os.Stat(dir)
	return dir, err == nil
}

// checkErrors checks the error Read ended with: one *ParseError, or a list
// of them, at most one per input byte and one more at its end, with sane
// positions; and line, the reader's Line() at the end, the first error's
// line.
func checkErrors(t *testing.T, err error, line, size int) {
	t.Helper()
	errs := []error{err}
	var all *problems.List
	if errors.As(err, &all) {
		errs = all.Errors
		if all.Total < 2 || all.Total > size+1 || len(errs) != min(all.Total, problems.Max) {
			t.Fatalf("Read error lists %d of %d errors for %d bytes of input", len(errs), all.Total, size)
		}
	}
	for _, e := range errs {
		pe, ok := e.(*turtle.ParseError)
		if !ok {
			t.Fatalf("Read error %v is not a *ParseError", e)
		}
		if pe.Line < 1 || pe.Col < 1 {
			t.Fatalf("ParseError %#v: bad position", pe)
		}
	}
	if first := errs[0].(*turtle.ParseError); first.Line != line {
		t.Fatalf("Line() = %d at the end, want the first error's line %d", line, first.Line)
	}
}
