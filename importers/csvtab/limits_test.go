package csvtab_test

import (
	"runtime"
	"strings"
	"testing"

	"civicgraph/importers/csvtab"
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

// TestRead_errorsShortAndSafe checks that an error about a huge cell or a
// header with control characters quotes a short excerpt, escapes the
// control characters, and that reading allocates at most a stated
// multiple of the input (issue 14).
func TestRead_errorsShortAndSafe(t *testing.T) {
	sc := newSchema(t)
	huge := strings.Repeat("v", 2000)
	tests := []struct {
		name, csv string
		want      string // in the message
	}{
		{"HugeCell", "id,title,buyer,riskClass\np,T,https://e.org/b," + huge + "\n", `found "vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv"...`},
		{"EscapeInHeader", "id,title,col\x1b[31mour\np,T,red\n", `found "col\x1b[31mour"`},
		{"EscapeInColumnName", "id,title,buyer,wasDerivedFrom@\x1b]0;x\a\np,T,https://e.org/b,x\n", `column wasDerivedFrom@\x1b]0;x\a`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() {
				_, err = csvtab.Read(strings.NewReader(tc.csv), "procurements.csv", sc, csvtab.Options{})
			})
			if bound := uint64(8*len(tc.csv) + 8<<20); alloc > bound {
				t.Errorf("reading %d bytes allocated %d MiB, want at most %d MiB", len(tc.csv), alloc>>20, bound>>20)
			}
			if err == nil {
				t.Fatal("Read = nil, want an error")
			}
			msg := err.Error()
			if len(msg) > 1024 || strings.ContainsAny(msg, "\x1b\a") || !strings.Contains(msg, tc.want) {
				t.Errorf("error = %.300q (%d bytes), want a short one with %q and no control characters", msg, len(msg), tc.want)
			}
		})
	}
}
