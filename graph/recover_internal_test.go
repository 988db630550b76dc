package graph

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// syncBuffer collects log output from the store's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *syncBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// segmentKeys counts the keys of segment seg in every index, its counters
// and its record.
func segmentKeys(t *testing.T, s *Store, seg uint64) (index, counters int, record bool) {
	t.Helper()
	err := s.db.View(func(txn *badger.Txn) error {
		for i := range indexes {
			ix := &indexes[i]
			it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{ix.tag}})
			for it.Rewind(); it.Valid(); it.Next() {
				if decodeIndexKey(ix, it.Item().Key())[posG] == seg {
					index++
				}
			}
			it.Close()
		}
		cp := make([]byte, 1+idWidth)
		cp[0] = tagCount
		putID(cp[1:], seg)
		it := txn.NewIterator(badger.IteratorOptions{Prefix: cp})
		for it.Rewind(); it.Valid(); it.Next() {
			counters++
		}
		it.Close()
		_, err := txn.Get(segKey(seg))
		record = err == nil
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return index, counters, record
}

// waitForLog waits until the log says want (the background clean-up runs
// on its own goroutine) or fails after a minute.
func waitForLog(t *testing.T, logs *syncBuffer, want string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !strings.Contains(logs.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the log never said %q:\n%s", want, logs.String())
		}
	}
}

// TestOpen_CleansUnusedSegmentsInBackground leaves a graph's old content in
// a dead segment, as a process killed after a load's commit and before the
// clean-up leaves it (or part of it, when the clean-up had begun). Open
// used to delete it, six tombstones a quad, before it returned: the next
// serve listened 85 s later, having logged nothing. Now Open leaves it to a
// background goroutine that logs its progress; readers never see it, and
// once done no key of it is left.
func TestOpen_CleansUnusedSegmentsInBackground(t *testing.T) {
	const quads = 3000
	for _, tc := range []struct {
		name    string
		partial int // quads deleted before the "crash"
	}{{"Untouched", 0}, {"PartlyDeleted", 1000}, {"AllButOne", quads - 1}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			s, err := Open(dir, Options{GCInterval: -1})
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			g := IRI("http://example.org/g")
			load := func(round int) {
				l, err := s.NewLoader(ctx)
				if err != nil {
					t.Fatal(err)
				}
				for i := range quads {
					if err := l.Add(Quad{S: IRI(fmt.Sprintf("http://example.org/s%d", i)), P: IRI("http://example.org/p"), O: String(fmt.Sprint(round)), G: g}); err != nil {
						t.Fatal(err)
					}
				}
				if _, err := l.Commit(); err != nil {
					t.Fatal(err)
				}
			}
			load(1)
			gid, err := lookupID(s.db.NewTransaction(false), encodeTerm(nil, g))
			if err != nil {
				t.Fatal(err)
			}
			old := s.segs.byGraph[gid]
			// Replace the graph, then put its old segment back as a crash
			// before the clean-up would have left it: dead, keys in place.
			load(2)
			s.Close()
			s, err = Open(dir, Options{GCInterval: -1})
			if err != nil {
				t.Fatal(err)
			}
			err = s.db.Update(func(txn *badger.Txn) error {
				for i := range quads {
					var q [4]uint64
					q[posS], _ = lookupID(txn, encodeTerm(nil, IRI(fmt.Sprintf("http://example.org/s%d", i))))
					q[posP], _ = lookupID(txn, encodeTerm(nil, IRI("http://example.org/p")))
					q[posO], _ = lookupID(txn, encodeTerm(nil, String("1")))
					q[posG] = old
					for j := range indexes {
						if err := txn.Set(appendIndexKey(nil, &indexes[j], q), nil); err != nil {
							return err
						}
					}
				}
				if err := txn.Set(counterKey(old, countQuads, 0), be64(quads)); err != nil {
					return err
				}
				return txn.Set(segKey(old), segValue(gid, segDead))
			})
			if err != nil {
				t.Fatal(err)
			}
			if n, _, _ := segmentKeys(t, s, old); n != 6*quads {
				t.Fatalf("setup: %d keys in the dead segment, want %d", n, 6*quads)
			}
			if tc.partial > 0 {
				if _, _, _, err := s.deleteSegmentChunk(ctx, old, nil, tc.partial); err != nil {
					t.Fatal(err)
				}
			}
			s.Close()

			var logs syncBuffer
			s, err = Open(dir, Options{GCInterval: -1, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			// Readers see the new content only, whatever the clean-up has done.
			n, err := s.Count(ctx, Pattern{G: g})
			if err != nil || n != quads {
				t.Errorf("graph holds %d quads (%v), want %d", n, err, quads)
			}
			if n, err := s.Count(ctx, Pattern{O: String("1")}); err != nil || n != 0 {
				t.Errorf("%d quads of the dead segment visible (%v)", n, err)
			}
			waitForLog(t, &logs, "background clean-up done")
			if !strings.Contains(logs.String(), "deleting in the background") {
				t.Errorf("the clean-up's start is not logged:\n%s", logs.String())
			}
			if want := fmt.Sprintf("quads_deleted=%d", quads-tc.partial); !strings.Contains(logs.String(), want) {
				t.Errorf("the log does not say %s:\n%s", want, logs.String())
			}
			if idx, counters, record := segmentKeys(t, s, old); idx != 0 || counters != 0 || record {
				t.Errorf("after the clean-up: %d index keys, %d counters, record %v; want none", idx, counters, record)
			}
			if n, err := s.Count(ctx, Pattern{G: g}); err != nil || n != quads {
				t.Errorf("after the clean-up the graph holds %d quads (%v), want %d", n, err, quads)
			}
		})
	}
}
