package ocds_test

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"civicgraph/importers/ocds"
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

// TestReader_memoryBound feeds input built to make the reader hold much
// (nesting a million deep, a 10 MB value in error) or write terminal
// escapes through its errors, and checks that reading allocates at most
// the stated bound and that the error is short and has no control
// characters (issue 14).
func TestReader_memoryBound(t *testing.T) {
	big := strings.Repeat("k", 10<<20)
	tests := []struct {
		name     string
		in       string
		maxAlloc uint64
		want     string // in the message
	}{
		{"DeepObjects", `{"releases":[{"ocid":"x","tender":` + strings.Repeat(`{"a":`, 1<<18) + "1" + strings.Repeat("}", 1<<18) + "}]}", 16 << 20, "exceeded max depth"},
		{"DeepArrays", `{"releases":[{"ocid":"x","tender":` + strings.Repeat("[", 1<<20) + "}]}", 16 << 20, "exceeded max depth"},
		{"LongBadDate", `{"releases":[{"ocid":"x","date":"` + big + `"}]}`, 192 << 20, `found string "kkkk`},
		{"EscapeInBadDate", `{"releases":[{"ocid":"x","date":"\u001b[2J"}]}`, 1 << 20, `\x1b[2J`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			alloc := allocDuring(func() {
				r := ocds.NewReader(strings.NewReader(tc.in), "ocds.json", "http://ex/")
				for err == nil {
					_, err = r.Read()
				}
			})
			t.Logf("%d bytes of input: %.1f MiB allocated, err %.200v", len(tc.in), float64(alloc)/(1<<20), err)
			if alloc > tc.maxAlloc {
				t.Errorf("reading %d bytes allocated %d MiB, want at most %d MiB", len(tc.in), alloc>>20, tc.maxAlloc>>20)
			}
			if err == io.EOF {
				t.Fatalf("Read ended without an error, want one with %q", tc.want)
			}
			msg := err.Error()
			if len(msg) > 1024 || strings.ContainsAny(msg, "\x1b") || !strings.Contains(msg, tc.want) {
				t.Errorf("error = %.300q (%d bytes), want a short one with %q and no control characters", msg, len(msg), tc.want)
			}
		})
	}
}
