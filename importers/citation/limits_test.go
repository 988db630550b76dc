package citation_test

import (
	"strings"
	"testing"

	"civicgraph/importers/citation"
	"civicgraph/internal/hostile"
)

// TestParse_memoryBound checks that a 10 MB line, or one with terminal
// escapes, gives a short error without control characters, and that
// reading it allocates at most the stated bound (issue 14).
func TestParse_memoryBound(t *testing.T) {
	hostile.Check(t, []hostile.Case{
		{Name: "LongLine", In: strings.Repeat("k", 10<<20) + "\n", MaxAlloc: 96 << 20},
		{Name: "Escapes", In: "Smith, J. \x1b[31m(20x1). Title\n", MaxAlloc: 1 << 20},
	}, func(in string) error {
		_, err := citation.Parse(strings.NewReader(in), "refs.txt")
		return err
	})
}
