package nquads_test

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"civicgraph/internal/hostile"
	"civicgraph/rdf/nquads"
	"civicgraph/rdf/problems"
)

// TestReader_memoryBound checks that input built to make the reader hold
// much (one 10 MB token, a million bad lines) allocates at most a stated
// multiple of its size, and that its errors quote a short excerpt and keep
// no more than problems.Max of them.
func TestReader_memoryBound(t *testing.T) {
	long := strings.Repeat("a", 10<<20)
	tests := []struct {
		name      string
		in        string
		wantFound string // of the first error
		wantTotal int    // errors in all
	}{
		{"LongRelativeIRI", "<" + long + "> <http://a/p> <http://a/o> .\n", "<" + long[:problems.MaxExcerpt+3], 1},
		{"LongUnclosedLiteral", `<http://a/s> <http://a/p> "` + long + "\n", "", 1},
		{"LongBadEscape", "<http://a/s> <http://a/p> <http://a/" + strings.Repeat(`\u0020`, 1<<20) + "> .\n", `\u0020`, 1},
		{"ManyBadLines", strings.Repeat("<s> <http://a/p> <http://a/o> .\n", 300000), "<s>", 300000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := hostile.AllocDuring(func() {
				_, err = readAll(t, strings.NewReader(tc.in), "big.nt", false)
			})
			// The line being parsed is held whole, and grows by doubling.
			bound := uint64(4*len(tc.in) + 4<<20)
			hostile.CheckAlloc(t, len(tc.in), alloc, bound)
			var pe *nquads.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %.300v, want a *ParseError", err)
			}
			if pe.Found != tc.wantFound {
				t.Errorf("first error found %.80q, want %.80q", pe.Found, tc.wantFound)
			}
			var all *problems.List
			if errors.As(err, &all) && (all.Total != tc.wantTotal || len(all.Errors) > problems.Max) || all == nil && tc.wantTotal != 1 {
				t.Errorf("error = %.300v, want %d errors in all, at most %d kept", err, tc.wantTotal, problems.Max)
			}
			if n := len(err.Error()); n > 200*problems.Max {
				t.Errorf("error message has %d bytes, want at most %d", n, 200*problems.Max)
			}
		})
	}
}

// chunkings are the ways FuzzChunking hands the input to the reader
// besides whole: a byte at a time, in halves of each read, and with the
// last data together with io.EOF.
var chunkings = []struct {
	name string
	wrap func(io.Reader) io.Reader
}{
	{"OneByte", iotest.OneByteReader},
	{"Half", iotest.HalfReader},
	{"DataErr", iotest.DataErrReader},
}

// FuzzChunking checks that the reader returns the same statements and the
// same errors however the input arrives.
func FuzzChunking(f *testing.F) {
	for _, s := range []string{
		"",
		"<http://a/s> <http://a/p> <http://a/o> .",
		"_:b0 <http://a/p> \"x\\u00e9\\n\"@en-GB <http://a/g> .\r\n<s> <p> <o> .\r",
		"<http://a/s><http://a/p>\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>_:g.#c\r\r\n\n",
		"\xef\xbb\xbf<http://a/\\u0020> <http://a/p> \"\\U0001F600\\\"\" .\r",
		"_:a.b <http://a/p> _:c.\n\xff\n",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, quads bool) {
		want, wantErr := readAll(t, bytes.NewReader(data), "fuzz", quads)
		for _, c := range chunkings {
			got, err := readAll(t, c.wrap(bytes.NewReader(data)), "fuzz", quads)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(err, wantErr) {
				t.Fatalf("%s: read %v, %v\nwhole input: %v, %v", c.name, got, err, want, wantErr)
			}
		}
	})
}
