package bib_test

import (
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/internal/hostile"
)

// TestReader_memoryBound feeds each format input built to make the reader
// hold much (deep nesting, long tokens) or to write terminal escapes
// through its errors, and checks that reading allocates at most the stated
// bound and that the error is short and has no control characters
// (issue 14).
func TestReader_memoryBound(t *testing.T) {
	big := strings.Repeat("k", 10<<20)
	byFormat := map[bib.Format][]hostile.Case{}
	for _, tc := range []struct {
		format bib.Format
		hostile.Case
	}{
		{bib.BibTeX, hostile.Case{Name: "BibTeXEscapeInKey", In: "@article{k\x1b[31mRED title={x}}", MaxAlloc: 1 << 20, Want: `key k\x1b[31mRED`}},
		{bib.BibTeX, hostile.Case{Name: "BibTeXLongKey", In: "@article{" + big + " title={x}}", MaxAlloc: 128 << 20, Want: `found "kkkk`}},
		{bib.BibTeX, hostile.Case{Name: "BibTeXDeepBraces", In: "@article{k, title=" + strings.Repeat("{", 1<<20) + "}", MaxAlloc: 32 << 20, Want: "'}' to close field title"}},
		// CSL-JSON nested 262,144 deep allocated 50 MB before the
		// depth limit.
		{bib.CSLJSON, hostile.Case{Name: "CSLDeepObjects", In: "[" + strings.Repeat(`{"a":`, 1<<18) + "1" + strings.Repeat("}", 1<<18) + "]", MaxAlloc: 4 << 20, Want: "nested at most 64 deep"}},
		{bib.CSLJSON, hostile.Case{Name: "CSLDeepArrays", In: `[{"type":"book","title":` + strings.Repeat("[", 1<<20) + "]}]", MaxAlloc: 4 << 20, Want: "nested at most 64 deep"}},
		{bib.CSLJSON, hostile.Case{Name: "CSLEscapeInKey", In: `[{"type":"book","ti\u001b[2Jtle":1}]`, MaxAlloc: 1 << 20, Want: "", MayEnd: true}},
		{bib.RIS, hostile.Case{Name: "RISLongLine", In: "TY  - JOUR\nT1  - " + big + "\nER  -\n", MaxAlloc: 128 << 20, Want: "a line of at most"}},
	} {
		byFormat[tc.format] = append(byFormat[tc.format], tc.Case)
	}
	for _, f := range []bib.Format{bib.BibTeX, bib.CSLJSON, bib.RIS} {
		hostile.Check(t, byFormat[f], func(in string) error {
			r := bib.NewReader(strings.NewReader(in), "refs", f, "http://ex/")
			for {
				if _, err := r.Read(); err != nil {
					return err
				}
			}
		})
	}
}
