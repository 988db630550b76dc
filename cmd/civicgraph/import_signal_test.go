//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"civicgraph/graph"
	"civicgraph/importers"
)

// hangGuard is how long a test waits for an import that should end at
// once before it calls it hung. It asserts no speed: before the fixes
// these imports never ended.
const hangGuard = 2 * time.Minute

const pipedLine = "<http://e.org/s> <http://e.org/p> \"o\" .\n"

// storeStats returns the stats of the store in dir, opened and closed.
func storeStats(t *testing.T, dir string) graph.Stats {
	t.Helper()
	s, err := graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// newStoreWith makes a bare store in a temporary folder holding one
// imported file, and returns its folder.
func newStoreWith(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	mustCLI(t, "import", "--quiet", "--empty", "--data", dir, writeFile(t, "first.nt", pipedLine))
	return dir
}

// TestRun_ImportNonRegular checks that a FIFO (which would block the
// import for ever while it holds the store's lock), a directory or a
// device is refused with a message that names it and points to "-".
func TestRun_ImportNonRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.nt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a FIFO here: %v", err)
	}
	tests := []struct{ name, path, want string }{
		{"FIFO", fifo, "is a named pipe (FIFO)"},
		{"Directory", t.TempDir(), "is a directory"},
		{"Device", os.DevNull, "is a character device"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := newStoreWith(t)
			before := storeStats(t, dir)
			done := make(chan error, 1)
			go func() {
				_, _, err := cli(t, nil, "import", "--quiet", "--format", "nt", "--data", dir, tc.path)
				done <- err
			}()
			select {
			case err := <-done:
				if !errors.Is(err, importers.ErrNotRegular) || !strings.Contains(err.Error(), tc.want) ||
					!strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), `"-"`) {
					t.Errorf("import %s = %v, want ErrNotRegular saying %q", tc.path, err, tc.want)
				}
			case <-time.After(hangGuard):
				// Unblock the open, so that the test ends.
				if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
					f.Close()
				}
				t.Fatalf("import %s hangs", tc.path)
			}
			if after := storeStats(t, dir); after.Quads != before.Quads {
				t.Errorf("refused import changed the store: %d -> %d quads", before.Quads, after.Quads)
			}
		})
	}
}

// TestRun_ImportStdinCancelled cancels, in-process, an import reading
// standard input from a pipe that stays open: the import ends with
// context.Canceled and the store is as it was.
func TestRun_ImportStdinCancelled(t *testing.T) {
	dir := newStoreWith(t)
	before := storeStats(t, dir)
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		var out, errOut bytes.Buffer
		done <- run(ctx, []string{"import", "--quiet", "--format", "nt", "--graph", "http://e.org/piped", "--data", dir, "-"},
			func(string) string { return "" }, pr, &out, &errOut)
	}()
	// Some statements, then the pipe stays open and the reader waits.
	if _, err := io.WriteString(pw, strings.Repeat(pipedLine, 5000)); err != nil {
		t.Fatal(err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled import = %v, want context.Canceled", err)
		}
	case <-time.After(hangGuard):
		t.Fatal("a cancelled import reading an open pipe does not end")
	}
	if after := storeStats(t, dir); after.Quads != before.Quads || after.Terms != before.Terms {
		t.Errorf("cancelled import changed the store: %+v -> %+v", before, after)
	}

	// The same with a pipe that is closed: stdin is imported.
	out := mustCLIStdin(t, strings.NewReader(pipedLine), "import", "--quiet", "--format", "nt", "--graph", "http://e.org/piped", "--data", dir, "-")
	if !strings.Contains(out, "imported 1 file: 1 statement read") {
		t.Errorf("import of stdin printed %q", out)
	}
}

func mustCLIStdin(t *testing.T, stdin io.Reader, args ...string) string {
	t.Helper()
	out, errOut, err := cli(t, stdin, args...)
	if err != nil {
		t.Fatalf("civicgraph %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

// TestHelperProcess is not a test: run by the tests below as a separate
// process, with CIVICGRAPH_HELPER_PROCESS=1, it runs main with the
// arguments after "--".
func TestHelperProcess(t *testing.T) {
	if os.Getenv("CIVICGRAPH_HELPER_PROCESS") != "1" {
		return
	}
	i := 0
	for i < len(os.Args) && os.Args[i] != "--" {
		i++
	}
	os.Args = append([]string{"civicgraph"}, os.Args[i+1:]...)
	main()
}

// TestMain_ImportSignal runs "civicgraph import -" as a process reading a
// pipe that stays open, waits until it is importing, and sends it
// SIGINT or SIGTERM: the process must end (exit 1, saying it was
// cancelled), release the store and leave it as it was.
func TestMain_ImportSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts processes")
	}
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := newStoreWith(t)
			before := storeStats(t, dir)
			cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$", "--",
				"import", "--quiet", "--format", "nt", "--graph", "http://e.org/piped", "--data", dir, "-")
			cmd.Env = append(os.Environ(), "CIVICGRAPH_HELPER_PROCESS=1", "CIVICGRAPH_DATA=", "CIVICGRAPH_BASE=")
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			// A megabyte of statements: the write returns once the
			// process has read all but a pipe's buffer of it, so it is
			// then importing, holding the store, and waits for more.
			if _, err := io.WriteString(stdin, strings.Repeat(pipedLine, 1<<20/len(pipedLine))); err != nil {
				t.Fatalf("write to the import: %v; stderr: %s", err, stderr.String())
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			waited := make(chan error, 1)
			go func() { waited <- cmd.Wait() }()
			select {
			case err := <-waited:
				var ee *exec.ExitError
				if !errors.As(err, &ee) || ee.ExitCode() != 1 {
					t.Errorf("import after %v exited with %v, want exit status 1; stderr: %s", sig, err, stderr.String())
				}
				if !strings.Contains(stderr.String(), "context canceled") {
					t.Errorf("stderr does not say the import was cancelled: %s", stderr.String())
				}
			case <-time.After(hangGuard):
				t.Fatalf("import ignores %v while reading an open pipe", sig)
			}
			if after := storeStats(t, dir); after.Quads != before.Quads || after.Terms != before.Terms {
				t.Errorf("interrupted import changed the store: %+v -> %+v", before, after)
			}
		})
	}
}
