// Package hostile checks, in tests, that a reader fed input built to hurt
// (deep nesting, long tokens, terminal escapes in what it echoes) keeps
// its memory within a stated bound and answers with a short error that
// writes no control character to a terminal (issue 14). Each parser's
// tests describe their inputs as Cases and hand them to Check.
package hostile

import (
	"errors"
	"io"
	"runtime"
	"strings"
	"testing"
)

// Case is one hostile input.
type Case struct {
	// Name names the subtest.
	Name string
	// In is the input.
	In string
	// MaxAlloc bounds the bytes reading In may allocate.
	MaxAlloc uint64
	// Want is a part of the error's message ("" checks only that it is
	// short and safe).
	Want string
	// MayEnd is true when reading may also end without an error.
	MayEnd bool
}

// AllocDuring returns how many bytes f allocates (runtime.MemStats.
// TotalAlloc), which bounds the memory it can have used.
func AllocDuring(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// CheckAlloc fails t when reading n bytes of input allocated more than
// bound bytes. Under the race detector it only logs: the bound is the
// program's, which a run without -race checks (.ci/run runs the memory
// tests once so).
func CheckAlloc(t testing.TB, n int, alloc, bound uint64) {
	t.Helper()
	t.Logf("%d bytes of input: %.1f MiB allocated (bound %.1f MiB)", n, float64(alloc)/(1<<20), float64(bound)/(1<<20))
	if alloc <= bound {
		return
	}
	if RaceEnabled {
		t.Logf("over the bound, but allocation under -race is not the program's; the run without -race checks it")
		return
	}
	t.Errorf("reading %d bytes allocated %d MiB, want at most %d MiB", n, alloc>>20, bound>>20)
}

// MaxMessage bounds the length of an error's message.
const MaxMessage = 1024

// Check runs each case as a subtest: read consumes the whole input and
// returns the error that ended it (nil or io.EOF when none). The
// allocation must stay within MaxAlloc; the error must be at most
// MaxMessage bytes, hold Want and no escape or bell character.
func Check(t *testing.T, cases []Case, read func(in string) error) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			var err error
			alloc := AllocDuring(func() { err = read(tc.In) })
			t.Logf("err %.200v", err)
			CheckAlloc(t, len(tc.In), alloc, tc.MaxAlloc)
			if err == nil || errors.Is(err, io.EOF) {
				if !tc.MayEnd {
					t.Fatalf("reading ended without an error, want one with %q", tc.Want)
				}
				return
			}
			msg := err.Error()
			if len(msg) > MaxMessage || strings.ContainsAny(msg, "\x1b\a") || !strings.Contains(msg, tc.Want) {
				t.Errorf("error = %.300q (%d bytes), want a short one with %q and no control characters", msg, len(msg), tc.Want)
			}
		})
	}
}
