package graph_test

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"civicgraph/graph"
)

const durabilityEnv = "CIVICGRAPH_DURABILITY_CHILD_DIR"

// graphSize is the number of quads in each graph the child replaces with a
// Loader; a graph must always be seen whole.
const graphSize = 300

func itemQuad(n int) graph.Quad {
	return graph.Quad{S: graph.IRI(fmt.Sprintf("http://example.org/item/%d", n)), P: graph.IRI("http://example.org/n"), O: graph.Literal(strconv.Itoa(n), "http://www.w3.org/2001/XMLSchema#integer")}
}

func graphQuads(g, round int) []graph.Quad {
	gt := graph.IRI(fmt.Sprintf("http://example.org/graph/%d", g))
	out := make([]graph.Quad, graphSize)
	for i := range out {
		out[i] = graph.Quad{S: graph.IRI(fmt.Sprintf("http://example.org/g%d/s%d", g, i)), P: graph.IRI("http://example.org/round"), O: graph.String(strconv.Itoa(round)), G: gt}
	}
	return out
}

// childOptions open the child's store. Its loads are small, so that a load
// after a reopen (badger's level 0 then holds the flushed memtable) takes
// the incremental path, FlattenMinQuads is below their size.
var childOptions = graph.Options{GCInterval: -1, FlattenMinQuads: graphSize / 2}

// TestDurability_Child is the writer that TestDurability_KillNine kills. It
// writes forever and prints a line for each write once it is acknowledged.
func TestDurability_Child(t *testing.T) {
	dir := os.Getenv(durabilityEnv)
	if dir == "" {
		t.Skip("runs only as the child of TestDurability_KillNine")
	}
	s, err := graph.Open(dir, childOptions)
	if err != nil {
		fmt.Println("open error:", err)
		os.Exit(2)
	}
	start, _ := strconv.Atoi(os.Getenv(durabilityEnv + "_START"))
	ctx := context.Background()
	for n := start; ; n++ {
		if n%7 == 0 {
			g, round := n%3, n
			if n%14 == 0 {
				// Closing flushes badger's memtables, so the load that
				// follows goes through sorted tables (incremental.go).
				s.Close()
				if s, err = graph.Open(dir, childOptions); err != nil {
					fmt.Println("reopen error:", err)
					os.Exit(2)
				}
			}
			l, err := s.NewLoader(ctx)
			if err != nil {
				fmt.Println("loader error:", err)
				os.Exit(2)
			}
			for _, q := range graphQuads(g, round) {
				if err := l.Add(q); err != nil {
					fmt.Println("add error:", err)
					os.Exit(2)
				}
			}
			st, err := l.Commit()
			if err != nil {
				fmt.Println("commit error:", err)
				os.Exit(2)
			}
			how := "batch"
			if st.Incremental {
				how = "incremental"
			}
			fmt.Printf("graph %d %d %s\n", g, round, how)
			continue
		}
		err := s.Update(ctx, func(tx *graph.Txn) error { return tx.Add(itemQuad(n)) })
		if err != nil {
			fmt.Println("update error:", err)
			os.Exit(2)
		}
		fmt.Printf("item %d\n", n)
	}
}

// TestDurability_KillNine kills a writing child with SIGKILL at random
// moments, then checks that the store opens cleanly, that every
// acknowledged write is there, and that every bulk-loaded graph is whole.
func TestDurability_KillNine(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: kills a child process 20 times")
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	acked := map[int]bool{}
	lastRound := map[int]int{} // graph -> last acknowledged round
	next := 0
	incremental := 0 // acknowledged loads that took the incremental path
	for round := 0; round < 20; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDurability_Child$", "-test.count=1")
		cmd.Env = append(os.Environ(), durabilityEnv+"="+dir, fmt.Sprintf("%s_START=%d", durabilityEnv, next))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		lines := make(chan string, 1024)
		go func() {
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				lines <- sc.Text()
			}
			close(lines)
		}()
		// The kill comes after a random number of acknowledged writes
		// and a random few milliseconds, so that it lands at any point
		// of a write, of a bulk load or of a reopen; counting writes
		// rather than time keeps every kind of write (the incremental
		// loads included) in the test on a slow or loaded machine.
		var early []string
		for wait, deadline := 3+rng.IntN(40), time.After(20*time.Second); len(early) < wait; {
			select {
			case line, ok := <-lines:
				if !ok {
					wait = 0
					continue
				}
				early = append(early, line)
			case <-deadline:
				wait = 0
			}
		}
		time.Sleep(time.Duration(rng.IntN(15)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		rest := make(chan string, 1024)
		go func() {
			for _, l := range early {
				rest <- l
			}
			for l := range lines {
				rest <- l
			}
			close(rest)
		}()
		for line := range rest {
			f := strings.Fields(line)
			switch {
			case len(f) == 2 && f[0] == "item":
				n, _ := strconv.Atoi(f[1])
				acked[n] = true
				next = max(next, n+1)
			case len(f) == 4 && f[0] == "graph":
				g, _ := strconv.Atoi(f[1])
				r, _ := strconv.Atoi(f[2])
				lastRound[g] = r
				next = max(next, r+1)
				if f[3] == "incremental" {
					incremental++
				}
			case strings.HasPrefix(line, "---") || strings.HasPrefix(line, "=== "):
			default:
				t.Fatalf("child said: %s", line)
			}
		}
		cmd.Wait()
		next++ // the write in flight may or may not have landed: never reuse its number

		s, err := graph.Open(dir, graph.Options{GCInterval: -1})
		if err != nil {
			t.Fatalf("round %d: reopen after kill: %v", round, err)
		}
		ctx := t.Context()
		for n := range acked {
			q := itemQuad(n)
			c, err := s.Count(ctx, graph.Pattern{S: q.S, P: q.P, O: q.O})
			if err != nil || c != 1 {
				t.Errorf("round %d: acknowledged item %d: count %d, %v", round, n, c, err)
			}
		}
		for g := 0; g < 3; g++ {
			gt := graph.IRI(fmt.Sprintf("http://example.org/graph/%d", g))
			rounds := map[string]int{}
			for q, err := range s.Match(ctx, graph.Pattern{G: gt}) {
				if err != nil {
					t.Fatal(err)
				}
				rounds[q.O.Value]++
			}
			if len(rounds) > 1 {
				t.Errorf("round %d: graph %d mixes loads: %v", round, g, rounds)
			}
			for r, n := range rounds {
				if n != graphSize {
					t.Errorf("round %d: graph %d load %s has %d quads, want %d", round, g, r, n, graphSize)
				}
				if rn, _ := strconv.Atoi(r); rn < lastRound[g] {
					t.Errorf("round %d: graph %d holds load %d, older than acknowledged load %d", round, g, rn, lastRound[g])
				}
			}
			if _, ok := lastRound[g]; ok && len(rounds) == 0 {
				t.Errorf("round %d: acknowledged graph %d is missing", round, g)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d acknowledged item writes and %d graphs (%d incremental loads) survived 20 kills", len(acked), len(lastRound), incremental)
	if incremental == 0 {
		t.Errorf("no load took the incremental path")
	}
	if len(acked) < 20 {
		t.Errorf("only %d writes were acknowledged: the child barely ran", len(acked))
	}
}
