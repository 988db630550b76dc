package csvtab_test

import (
	"strings"
	"testing"

	"civicgraph/importers/csvtab"
	"civicgraph/internal/hostile"
)

// TestRead_errorsShortAndSafe checks that an error about a huge cell or a
// header with control characters quotes a short excerpt, escapes the
// control characters, and that reading allocates at most a stated
// multiple of the input (issue 14).
func TestRead_errorsShortAndSafe(t *testing.T) {
	sc := newSchema(t)
	huge := strings.Repeat("v", 2000)
	cases := []hostile.Case{
		{Name: "HugeCell", In: "id,title,buyer,riskClass\np,T,https://e.org/b," + huge + "\n", Want: `found "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"...`},
		{Name: "EscapeInHeader", In: "id,title,col\x1b[31mour\np,T,red\n", Want: `found "col\x1b[31mour"`},
		{Name: "EscapeInColumnName", In: "id,title,buyer,wasDerivedFrom@\x1b]0;x\a\np,T,https://e.org/b,x\n", Want: `column wasDerivedFrom@\x1b]0;x\a`},
	}
	for i := range cases {
		cases[i].MaxAlloc = uint64(8*len(cases[i].In) + 8<<20) // a small multiple of the input
	}
	hostile.Check(t, cases, func(in string) error {
		_, err := csvtab.Read(strings.NewReader(in), "procurements.csv", sc, csvtab.Options{})
		return err
	})
}
