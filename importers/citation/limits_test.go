package citation_test

import (
	"runtime"
	"strings"
	"testing"

	"civicgraph/importers/citation"
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

// TestParse_memoryBound checks that a 10 MB line, or one with terminal
// escapes, gives a short error without control characters, and that
// reading it allocates at most the stated bound (issue 14).
func TestParse_memoryBound(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		maxAlloc uint64
	}{
		{"LongLine", strings.Repeat("k", 10<<20) + "\n", 96 << 20},
		{"Escapes", "Smith, J. \x1b[31m(20x1). Title\n", 1 << 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() {
				_, err = citation.Parse(strings.NewReader(tc.in), "refs.txt")
			})
			t.Logf("%d bytes of input: %.1f MiB allocated, err %.200v", len(tc.in), float64(alloc)/(1<<20), err)
			if alloc > tc.maxAlloc {
				t.Errorf("reading %d bytes allocated %d MiB, want at most %d MiB", len(tc.in), alloc>>20, tc.maxAlloc>>20)
			}
			if err == nil {
				t.Fatal("Parse = nil error, want one")
			}
			if msg := err.Error(); len(msg) > 1024 || strings.ContainsAny(msg, "\x1b") {
				t.Errorf("error = %.300q (%d bytes), want a short one without control characters", msg, len(msg))
			}
		})
	}
}
