package bib

import (
	"errors"
	"io"
	"strings"
	"testing"
)

// TestCSLDecoder_Bounded checks that the CSL-JSON decoder keeps only about
// one item's bytes, however long the array, and still counts lines right.
func TestCSLDecoder_Bounded(t *testing.T) {
	const n = 20000
	item := `{"type": "book", "title": "` + strings.Repeat("t", 200) + `"}`
	in := "[\n" + strings.Repeat(item+",\n", n-1) + item + "\n]\n"
	d := newCSLDecoder(strings.NewReader(in), "big.json")
	most := 0
	for i := 0; ; i++ {
		e, err := d.decode()
		if errors.Is(err, io.EOF) {
			if i != n {
				t.Fatalf("read %d items, want %d", i, n)
			}
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if e.line != i+2 {
			t.Fatalf("item %d on line %d, want %d", i, e.line, i+2)
		}
		most = max(most, cap(d.t.buf))
	}
	if most > 256<<10 {
		t.Errorf("the tracker held up to %d bytes of a %d-byte input, want about one item and the read-ahead", most, len(in))
	}
	if d.offset() != int64(len(in)) {
		t.Errorf("offset %d at the end, want %d", d.offset(), len(in))
	}
}
