package graph_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"civicgraph/graph"
)

const recoverEnv = "CIVICGRAPH_RECOVER_CHILD"

// TestRecover_Child holds a store read-write for TestRecover_ReadOnlyAfterKill
// to kill. Its mode says what it does: "idle" writes a few quads and then
// waits, "writing" writes until it is killed, "loaded" commits a Loader and
// waits. It prints "acked N" after each acknowledged write.
func TestRecover_Child(t *testing.T) {
	dir := os.Getenv(recoverEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestRecover_ReadOnlyAfterKill")
	}
	mode := os.Getenv(recoverEnv + "_MODE")
	s, err := graph.Open(dir, graph.Options{GCInterval: -1})
	if err != nil {
		fmt.Println("open error:", err)
		os.Exit(2)
	}
	ctx := context.Background()
	write := func(n int) {
		if err := s.Update(ctx, func(tx *graph.Txn) error { return tx.Add(itemQuad(n)) }); err != nil {
			fmt.Println("update error:", err)
			os.Exit(2)
		}
		fmt.Printf("acked %d\n", n)
	}
	switch mode {
	case "idle":
		for n := range 5 {
			write(n)
		}
	case "writing":
		for n := 0; ; n++ {
			write(n)
		}
	case "loaded":
		l, err := s.NewLoader(ctx)
		if err == nil {
			for _, q := range graphQuads(0, 1) {
				if err = l.Add(q); err != nil {
					break
				}
			}
		}
		if err == nil {
			_, err = l.Commit()
		}
		if err != nil {
			fmt.Println("load error:", err)
			os.Exit(2)
		}
		write(0)
	}
	fmt.Println("waiting")
	time.Sleep(time.Hour)
}

// killedChild runs TestRecover_Child in mode on dir, kills it with SIGKILL
// once it has acknowledged a write (and, for "idle" and "loaded", once it
// is done writing), and returns the writes it acknowledged.
func killedChild(t *testing.T, dir, mode string) []int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRecover_Child$", "-test.count=1")
	cmd.Env = append(os.Environ(), recoverEnv+"="+dir, recoverEnv+"_MODE="+mode)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var acked []int
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "acked "); ok {
			i, _ := strconv.Atoi(n)
			acked = append(acked, i)
			if mode == "writing" && len(acked) == 20 {
				break
			}
			continue
		}
		if line == "waiting" {
			break
		}
		if strings.Contains(line, "error") {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child: %s", line)
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	go func() {
		for sc.Scan() {
			if n, ok := strings.CutPrefix(sc.Text(), "acked "); ok {
				i, _ := strconv.Atoi(n)
				acked = append(acked, i)
			}
		}
	}()
	cmd.Wait()
	if len(acked) == 0 {
		t.Fatal("the child acknowledged no write")
	}
	return acked
}

// logBuffer is a slog handler's output, safe for the store's goroutines.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRecover_ReadOnlyAfterKill kills a process that holds the store
// read-write, then opens the store read-only, as stats, export, query,
// backup and serve --read-only do. badger refused that ("Log truncate
// required ... data loss") until something opened the store read-write;
// now Open recovers on its own, says so, and every acknowledged write is
// there.
func TestRecover_ReadOnlyAfterKill(t *testing.T) {
	for _, mode := range []string{"idle", "writing", "loaded"} {
		t.Run(mode, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "store")
			acked := killedChild(t, dir, mode)
			var logs logBuffer
			logger := slog.New(slog.NewTextHandler(&logs, nil))
			s, err := graph.Open(dir, graph.Options{ReadOnly: true, Logger: logger})
			if err != nil {
				t.Fatalf("read-only open after kill -9: %v", err)
			}
			defer s.Close()
			for _, want := range []string{"was not closed cleanly", "recovered the store"} {
				if !strings.Contains(logs.String(), want) {
					t.Errorf("the log does not say %q:\n%s", want, logs.String())
				}
			}
			ctx := t.Context()
			for _, n := range acked[:len(acked)-1] { // the last may be in flight
				q := itemQuad(n)
				if c, err := s.Count(ctx, graph.Pattern{S: q.S, P: q.P, O: q.O}); err != nil || c != 1 {
					t.Errorf("acknowledged write %d: count %d, %v", n, c, err)
				}
			}
			if mode == "loaded" {
				if c, err := s.Count(ctx, graph.Pattern{G: graph.IRI("http://example.org/graph/0")}); err != nil || c != graphSize {
					t.Errorf("loaded graph: %d quads, %v; want %d", c, err, graphSize)
				}
			}
			if err := s.Update(ctx, func(*graph.Txn) error { return nil }); !errors.Is(err, graph.ErrReadOnly) {
				t.Errorf("write to the read-only store = %v, want ErrReadOnly", err)
			}
			// A second reader opens beside the first, without recovering.
			s2, err := graph.Open(dir, graph.Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("second read-only open: %v", err)
			}
			s2.Close()
		})
	}
}

// TestRecover_ReadOnlyAfterKillWhileShared: when another process has the
// store open (read-only, a shared lock), the recovery cannot take it alone;
// the open fails with ErrLocked and says why, and changes nothing.
func TestRecover_ReadOnlyAfterKillWhileShared(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	killedChild(t, dir, "idle")
	f, err := os.Open(filepath.Join(dir, "civicgraph.lock"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH); err != nil {
		t.Fatal(err)
	}
	_, err = graph.Open(dir, graph.Options{ReadOnly: true})
	if !errors.Is(err, graph.ErrLocked) || !strings.Contains(err.Error(), "not closed cleanly") {
		t.Fatalf("read-only open of a killed store held by another reader = %v, want ErrLocked saying it was not closed cleanly", err)
	}
	syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	s, err := graph.Open(dir, graph.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open once the other reader left: %v", err)
	}
	s.Close()
}
