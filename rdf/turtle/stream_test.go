package turtle_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"testing/iotest"

	"civicgraph/graph"
	"civicgraph/rdf/turtle"
)

// mixedDoc uses every production, so that reading it a byte at a time
// splits every kind of token across reads.
const mixedDoc = "\ufeff# comment \u00e9\r\n" + prefix + `@base <http://a/b/> .
PREFIX x: <http://x/>
:s :p :o , <rel> , x:a\.b%20 ; a :C ;
   :q "plain" , 'single' , """long "quoted"
string""" , '''long
single''' , "esc\t\u00e9\U0001F600"@en-GB , "typed"^^x:dt , "t2" ^^ <http://x/dt2> ,
      1 , -2.5 , +3e-4 , .5E1 , true , false ;
   :r [ :p _:b1 ; :q ( 1 ( ) [ ] ) ] .
( "x" ) :p [] .
[ :p :o ] .
`

func TestReader_Read_readers(t *testing.T) {
	want, err := readAll(t, mixedDoc, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 30 {
		t.Fatalf("mixedDoc gives %d statements, want 30:\n%s", len(want), nqOrdered(want))
	}
	for _, tc := range []struct {
		name string
		wrap func(io.Reader) io.Reader
	}{
		{"OneByte", iotest.OneByteReader},
		{"Half", iotest.HalfReader},
		{"DataErr", iotest.DataErrReader},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := turtle.NewReader(tc.wrap(strings.NewReader(mixedDoc)), "mixed.ttl", false)
			got, err := readFrom(r)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%s\nwant\n%s", nqOrdered(got), nqOrdered(want))
			}
			if n := r.BytesRead(); n != int64(len(mixedDoc)) {
				t.Errorf("BytesRead() = %d at the end, want %d", n, len(mixedDoc))
			}
		})
	}
}

func TestReader_Read_readError(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name string
		in   io.Reader
		want error
	}{
		{"Timeout", iotest.TimeoutReader(strings.NewReader(prefix + ":s :p :o .")), iotest.ErrTimeout},
		{"Immediate", iotest.ErrReader(boom), boom},
		{"MidToken", io.MultiReader(strings.NewReader(`<http://a/s> <http://a/p> "abc`), iotest.ErrReader(boom)), boom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := turtle.NewReader(tc.in, "in.ttl", false)
			_, err := readFrom(r)
			if !errors.Is(err, tc.want) {
				t.Errorf("Read error = %v, want %v", err, tc.want)
			}
			if errors.Is(err, turtle.ErrSyntax) {
				t.Errorf("Read error %v is a syntax error", err)
			}
		})
	}
}

func TestReader_Line(t *testing.T) {
	in := prefix + ":s :p :o ;\n  :q :o2 ,\n\n  \"\"\"a\nb\"\"\" .\n:s :p [\n :q :o\n] .\n"
	r := turtle.NewReader(strings.NewReader(in), "", false)
	var lines []int
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, r.Line())
	}
	// The line of the token that completed each statement.
	if want := []int{2, 3, 5, 8, 9}; !reflect.DeepEqual(lines, want) {
		t.Errorf("Line() after each Read = %v, want %v", lines, want)
	}
}

// genReader produces its input on the fly, so a test can read far more
// than it holds.
type genReader struct {
	buf  bytes.Buffer
	n    int                               // chunks made so far
	more func(b *bytes.Buffer, n int) bool // writes chunk n, false when done
	done bool
}

func (g *genReader) Read(p []byte) (int, error) {
	for g.buf.Len() == 0 {
		if g.done || !g.more(&g.buf, g.n) {
			g.done = true
			return 0, io.EOF
		}
		g.n++
	}
	return g.buf.Read(p)
}

// heapAfterGC returns the live heap.
func heapAfterGC() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// TestReader_Read_memory reads inputs far larger than the reader may hold
// and checks that its live heap does not grow with them: many statements,
// one statement with many objects, one long collection, deep nesting, and
// a long literal.
func TestReader_Read_memory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads large generated inputs")
	}
	const blocks = 50_000
	tests := []struct {
		name string
		head string
		more func(b *bytes.Buffer, n int) bool
		tail string
	}{
		{"ManyStatements", prefix, func(b *bytes.Buffer, n int) bool {
			fmt.Fprintf(b, ":s%d :p :o%d , \"text %d\"@en ; :q [ :r %d ] .\n", n, n, n, n)
			return n < blocks
		}, ""},
		{"OneLongStatement", prefix + ":s :p :o0", func(b *bytes.Buffer, n int) bool {
			fmt.Fprintf(b, " , :o%d ; :q \"%d\"", n, n)
			return n < blocks
		}, " ."},
		{"LongCollection", prefix + ":s :p (", func(b *bytes.Buffer, n int) bool {
			fmt.Fprintf(b, " :o%d %d", n, n)
			return n < blocks
		}, " ) ."},
		{"LongGraphBlock", prefix + ":g {", func(b *bytes.Buffer, n int) bool {
			fmt.Fprintf(b, ":s%d :p :o%d .\n", n, n)
			return n < blocks
		}, "}"},
		{"LongLiteral", prefix + ":s :p \"\"\"", func(b *bytes.Buffer, n int) bool {
			b.WriteString(strings.Repeat("x", 1000) + "\n")
			return n < 4_000
		}, "\"\"\" . :s :p :o ."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A comment after each chunk makes the input many times the
			// slack below without making the test slow.
			more := func(b *bytes.Buffer, n int) bool {
				ok := tc.more(b, n)
				b.WriteString("\n# " + strings.Repeat("-", 80) + "\n")
				return ok
			}
			in := io.MultiReader(strings.NewReader(tc.head), &genReader{more: more}, strings.NewReader(tc.tail))
			r := turtle.NewReader(in, "big.ttl", tc.name == "LongGraphBlock")
			start := heapAfterGC()
			var peak uint64
			n, check := 0, int64(0)
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				n++
				if r.BytesRead() >= check {
					peak = max(peak, heapAfterGC())
					check += 256 << 10
				}
			}
			end := heapAfterGC()
			t.Logf("%d statements from %d bytes; live heap %d KiB at the start, %d KiB peak, %d KiB at the end",
				n, r.BytesRead(), start>>10, peak>>10, end>>10)
			// The reader holds a 64 KiB buffer, a 4096-string cache and
			// its small stack; 1 MiB covers them and the runtime's noise.
			const slack = 1 << 20
			if tc.name == "LongLiteral" {
				peak = 0 // it holds the literal while reading it
			}
			if peak > start+slack || end > start+slack {
				t.Errorf("live heap grew from %d to %d bytes (%d at the end) while reading", start, peak, end)
			}
		})
	}
}

// TestReader_Read_deepNesting checks that nesting as deep as the limit is
// read without recursion: a Go stack could not overflow here.
func TestReader_Read_deepNesting(t *testing.T) {
	const depth = 10_000
	in := prefix + ":s :p " + strings.Repeat("[ :p ", depth) + ":o " + strings.Repeat("] ", depth) + "."
	got, err := readAll(t, in, "", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != depth+1 {
		t.Errorf("read %d statements, want %d", len(got), depth+1)
	}
	if want := (graph.Quad{S: graph.Blank("_g10000"), P: iri("p"), O: iri("o")}); got[0] != want {
		t.Errorf("first statement %v, want %v", got[0], want)
	}
}
