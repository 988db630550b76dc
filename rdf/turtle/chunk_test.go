package turtle_test

import (
	"bytes"
	"io"
	"reflect"
	"testing"
	"testing/iotest"
)

// chunkings are the ways chunk tests and FuzzChunking hand the input to
// the reader: whole, a byte at a time, and in halves of each read.
var chunkings = []struct {
	name string
	wrap func(io.Reader) io.Reader
}{
	{"OneByte", iotest.OneByteReader},
	{"Half", iotest.HalfReader},
	{"DataErr", iotest.DataErrReader},
}

// TestReader_chunking checks that the statements and errors Read reports
// do not depend on how the input arrives: "(A. )" read a byte at a time
// gave a second error, at ")", that the whole input did not.
func TestReader_chunking(t *testing.T) {
	tests := []struct {
		name string
		in   string
		trig bool
	}{
		{"DotInCollection", "(A. )", false},
		{"DotInCollectionTriG", "(A. )", true},
		{"DotInPropertyList", "[A. ]", false},
		{"DotInCollectionSpaced", "( A .\n\n  ) .", false},
		{"NestedThenStatement", "@prefix : <http://a/> . :s :p ( ( :x. ) ) . :s :p :o .", false},
		{"LongStringSkip", ":s :p '''a . ) ''' . <http://a/s> <http://a/p> 1 .", false},
		{"GraphBlock", "<http://a/g> { (A. ) <http://a/s> <http://a/p> 2 }", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, _, wantErr := fuzzRead(t, bytes.NewReader([]byte(tc.in)), tc.trig, true)
			for _, c := range chunkings {
				got, _, err := fuzzRead(t, c.wrap(bytes.NewReader([]byte(tc.in))), tc.trig, true)
				if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(err, wantErr) {
					t.Errorf("%s: read %v, %v\nwhole input: %v, %v", c.name, got, err, want, wantErr)
				}
			}
		})
	}
}

// FuzzChunking checks that the reader returns the same statements and the
// same errors whether the input arrives whole, a byte at a time, or in
// halves of each read.
func FuzzChunking(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s), false)
		f.Add([]byte(s), true)
	}
	f.Add([]byte("(A. )"), false)
	f.Fuzz(func(t *testing.T, data []byte, trig bool) {
		want, _, wantErr := fuzzRead(t, bytes.NewReader(data), trig, true)
		for _, c := range chunkings {
			got, _, err := fuzzRead(t, c.wrap(bytes.NewReader(data)), trig, true)
			if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(err, wantErr) {
				t.Fatalf("%s: read %v, %v\nwhole input: %v, %v", c.name, got, err, want, wantErr)
			}
		}
	})
}
