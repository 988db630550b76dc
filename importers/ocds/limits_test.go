package ocds_test

import (
	"strings"
	"testing"

	"civicgraph/importers/ocds"
	"civicgraph/internal/hostile"
)

// TestReader_memoryBound feeds input built to make the reader hold much
// (nesting a million deep, a 10 MB value in error) or write terminal
// escapes through its errors, and checks that reading allocates at most
// the stated bound and that the error is short and has no control
// characters (issue 14).
func TestReader_memoryBound(t *testing.T) {
	big := strings.Repeat("k", 10<<20)
	hostile.Check(t, []hostile.Case{
		{Name: "DeepObjects", In: `{"releases":[{"ocid":"x","tender":` + strings.Repeat(`{"a":`, 1<<18) + "1" + strings.Repeat("}", 1<<18) + "}]}", MaxAlloc: 16 << 20, Want: "exceeded max depth"},
		{Name: "DeepArrays", In: `{"releases":[{"ocid":"x","tender":` + strings.Repeat("[", 1<<20) + "}]}", MaxAlloc: 16 << 20, Want: "exceeded max depth"},
		{Name: "LongBadDate", In: `{"releases":[{"ocid":"x","date":"` + big + `"}]}`, MaxAlloc: 192 << 20, Want: `found string "kkkk`},
		{Name: "EscapeInBadDate", In: `{"releases":[{"ocid":"x","date":"\u001b[2J"}]}`, MaxAlloc: 1 << 20, Want: `\x1b[2J`},
	}, func(in string) error {
		r := ocds.NewReader(strings.NewReader(in), "ocds.json", "http://ex/")
		for {
			if _, err := r.Read(); err != nil {
				return err
			}
		}
	})
}
