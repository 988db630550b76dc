package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func incQuads(prefix string, n int) []Quad {
	var out []Quad
	for i := range n {
		out = append(out, Quad{
			S: IRI(fmt.Sprintf("http://example.org/%s/%d", prefix, i)),
			P: IRI("http://example.org/label"),
			O: String(fmt.Sprintf("%s label number %d", prefix, i)),
			G: IRI("http://example.org/graph/" + prefix),
		})
	}
	return out
}

func dump(t *testing.T, s *Store) []string {
	t.Helper()
	var out []string
	for q, err := range s.Match(context.Background(), Pattern{}) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.String())
	}
	slices.Sort(out)
	return out
}

// TestIncremental_CrashBeforeCommit leaves an incremental load as a crash
// would between its tables reaching the disk and its commit transaction,
// and checks that the next Open deletes what it wrote, keeps what was
// there, and hands out working ids again.
func TestIncremental_CrashBeforeCommit(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := load(s, incQuads("kept", 100)); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	beforeStats := textStats(t, s)

	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	m, ok := l.mode.(*streamLoad)
	if !ok || m.inc == nil {
		t.Fatalf("second load did not take the incremental path: %T", l.mode)
	}
	for _, q := range incQuads("lost", 3000) {
		if err := l.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	// What commitIncremental does up to its transaction, then the crash.
	if err := writeMarker(m.inc.marker, uint64(m.first), uint64(m.inc.segBase), uint64(m.inc.segBase)+uint64(len(m.segOf))); err != nil {
		t.Fatal(err)
	}
	if _, err := m.write(m.w, 0); err != nil {
		t.Fatal(err)
	}
	if err := m.endStream(); err != nil {
		t.Fatal(err)
	}
	l.done = true
	l.stopTrim()
	s.writeMu.Unlock()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, markerFile)); err != nil {
		t.Fatalf("marker missing before reopen: %v", err)
	}

	s, err = Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := dump(t, s); !slices.Equal(got, before) {
		t.Errorf("after repair the store holds %d quads, want the %d from before", len(got), len(before))
	}
	if got := postingsOf(t, s, "lost", false); got != nil {
		t.Errorf("repair left %d postings of the lost load", len(got))
	}
	if got := textStats(t, s); got != beforeStats {
		t.Errorf("TextStats after repair = %v, want %v", got, beforeStats)
	}
	if _, err := os.Stat(filepath.Join(dir, markerFile)); !os.IsNotExist(err) {
		t.Errorf("marker still there after repair: %v", err)
	}
	// The lost load's ids are handed out again, to other terms.
	more := incQuads("later", 50)
	if err := s.Update(ctx, func(tx *Txn) error {
		for _, q := range more {
			if err := tx.Add(q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := len(dump(t, s)); got != len(before)+len(more) {
		t.Errorf("after a later write: %d quads, want %d", got, len(before)+len(more))
	}
	if got := postingsOf(t, s, "later", false); len(got) != len(more) {
		t.Errorf("postings of later = %d, want %d", len(got), len(more))
	}
	if got := postingsOf(t, s, "lost", false); got != nil {
		t.Errorf("%d postings of lost after ids were handed out again", len(got))
	}
}

// TestIncremental_MarkerAfterCommit checks that a marker left by a load
// that did commit (a crash just before removing it) deletes nothing.
func TestIncremental_MarkerAfterCommit(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := load(s, incQuads("first", 10)); err != nil {
		t.Fatal(err)
	}
	firstID, segBase := s.nextID, s.nextSeg
	l, err := s.NewLoader(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range incQuads("second", 10) {
		if err := l.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	st, err := l.Commit()
	if err != nil || !st.Incremental {
		t.Fatalf("commit: %+v, %v; want an incremental load", st, err)
	}
	want := dump(t, s)
	s.Close()
	if err := writeMarker(filepath.Join(dir, markerFile), firstID, segBase, segBase+1); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := dump(t, s); !slices.Equal(got, want) {
		t.Errorf("a committed load's marker made repair delete data: %d quads, want %d", len(got), len(want))
	}
}

// TestIncremental_AbortThenWrite aborts an incremental load and checks that
// writes work afterwards (badger's write block is lifted) and nothing of
// the load is left.
func TestIncremental_AbortThenWrite(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := load(s, incQuads("kept", 10)); err != nil {
		t.Fatal(err)
	}
	before := dump(t, s)
	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m, ok := l.mode.(*streamLoad); !ok || m.inc == nil {
		t.Fatalf("load did not take the incremental path: %T", l.mode)
	}
	for _, q := range incQuads("aborted", 500) {
		if err := l.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := dump(t, s); !slices.Equal(got, before) {
		t.Errorf("after abort: %d quads, want %d", len(got), len(before))
	}
	if err := s.Update(ctx, func(tx *Txn) error { return tx.Add(incQuads("after", 1)[0]) }); err != nil {
		t.Fatalf("write after an aborted incremental load: %v", err)
	}
	if err := load(s, incQuads("next", 20)); err != nil {
		t.Fatalf("load after an aborted incremental load: %v", err)
	}
	if got := len(dump(t, s)); got != len(before)+21 {
		t.Errorf("%d quads, want %d", got, len(before)+21)
	}
}

// TestIncremental_WaitsForViews commits an incremental load while a View is
// open on another goroutine: the commit must wait for it instead of
// crashing badger, and the View must see its snapshot throughout.
func TestIncremental_WaitsForViews(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := load(s, incQuads("kept", 10)); err != nil {
		t.Fatal(err)
	}
	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range incQuads("new", 100) {
		if err := l.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	opened := make(chan struct{})
	release := make(chan struct{})
	seen := make(chan int64, 2)
	go func() {
		s.View(ctx, func(v *View) error {
			close(opened)
			n, _ := v.Count(Pattern{})
			seen <- n
			<-release
			n, _ = v.Count(Pattern{})
			seen <- n
			return nil
		})
	}()
	<-opened
	done := make(chan error, 1)
	go func() {
		_, err := l.Commit()
		done <- err
	}()
	select {
	case err := <-done:
		t.Fatalf("commit finished while a View was open: %v", err)
	case <-timeAfter(300):
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if a, b := <-seen, <-seen; a != 10 || b != 10 {
		t.Errorf("the open View counted %d then %d quads, want 10 both times", a, b)
	}
	if n, err := s.Count(ctx, Pattern{}); err != nil || n != 110 {
		t.Errorf("after commit: %d quads, %v; want 110", n, err)
	}
}

func timeAfter(ms int) <-chan time.Time { return time.After(time.Duration(ms) * time.Millisecond) }

// TestReadMarker checks the marker's reading: whole, cut short by a crash
// (any prefix without its final newline counts as not started), damaged.
func TestReadMarker(t *testing.T) {
	path := filepath.Join(t.TempDir(), markerFile)
	if err := writeMarker(path, 12, 3, 5); err != nil {
		t.Fatal(err)
	}
	a, b, c, err := readMarker(path)
	if err != nil || a != 12 || b != 3 || c != 5 {
		t.Fatalf("readMarker = %d %d %d %v, want 12 3 5", a, b, c, err)
	}
	whole, _ := os.ReadFile(path)
	for n := range len(whole) - 1 {
		os.WriteFile(path, whole[:n], 0o644)
		if _, _, _, err := readMarker(path); !errors.Is(err, errShortMarker) {
			t.Errorf("marker cut to %d bytes: %v, want errShortMarker", n, err)
		}
	}
	os.WriteFile(path, []byte("civicgraph incremental load\nfirst-id x\nfirst-segment 3\nend-segment 5\n"), 0o644)
	if _, _, _, err := readMarker(path); err == nil || errors.Is(err, errShortMarker) || !strings.Contains(err.Error(), path) {
		t.Errorf("damaged marker: %v, want an error naming %s", err, path)
	}
}
