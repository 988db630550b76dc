package bib_test

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"civicgraph/importers/bib"
)

// allocDuring returns how many bytes f allocates (runtime.MemStats.
// TotalAlloc), which bounds the memory it can have used.
func allocDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestReader_memoryBound feeds each format input built to make the reader
// hold much (deep nesting, long tokens) or to write terminal escapes
// through its errors, and checks that reading allocates at most the stated
// bound and that the error is short and has no control characters
// (issue 14).
func TestReader_memoryBound(t *testing.T) {
	big := strings.Repeat("k", 10<<20)
	tests := []struct {
		name     string
		format   bib.Format
		in       string
		maxAlloc uint64
		want     string // in the message
	}{
		{"BibTeXEscapeInKey", bib.BibTeX, "@article{k\x1b[31mRED title={x}}", 1 << 20, `key k\x1b[31mRED`},
		{"BibTeXLongKey", bib.BibTeX, "@article{" + big + " title={x}}", 128 << 20, `found "kkkk`},
		{"BibTeXDeepBraces", bib.BibTeX, "@article{k, title=" + strings.Repeat("{", 1<<20) + "}", 32 << 20, "'}' to close field title"},
		// CSL-JSON nested 262,144 deep allocated 50 MB before the
		// depth limit.
		{"CSLDeepObjects", bib.CSLJSON, "[" + strings.Repeat(`{"a":`, 1<<18) + "1" + strings.Repeat("}", 1<<18) + "]", 4 << 20, "nested at most 64 deep"},
		{"CSLDeepArrays", bib.CSLJSON, `[{"type":"book","title":` + strings.Repeat("[", 1<<20) + "]}]", 4 << 20, "nested at most 64 deep"},
		{"CSLEscapeInKey", bib.CSLJSON, `[{"type":"book","ti\u001b[2Jtle":1}]`, 1 << 20, ""},
		{"RISLongLine", bib.RIS, "TY  - JOUR\nT1  - " + big + "\nER  -\n", 128 << 20, "a line of at most"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() {
				r := bib.NewReader(strings.NewReader(tc.in), "refs", tc.format, "http://ex/")
				for err == nil {
					_, err = r.Read()
				}
			})
			t.Logf("%d bytes of input: %.1f MiB allocated, err %.200v", len(tc.in), float64(alloc)/(1<<20), err)
			if alloc > tc.maxAlloc {
				t.Errorf("reading %d bytes allocated %d MiB, want at most %d MiB", len(tc.in), alloc>>20, tc.maxAlloc>>20)
			}
			if err == io.EOF {
				if tc.want != "" {
					t.Fatalf("Read ended without an error, want one with %q", tc.want)
				}
				return
			}
			msg := err.Error()
			if len(msg) > 1024 || strings.ContainsAny(msg, "\x1b") || !strings.Contains(msg, tc.want) {
				t.Errorf("error = %.300q (%d bytes), want a short one with %q and no control characters", msg, len(msg), tc.want)
			}
		})
	}
}
