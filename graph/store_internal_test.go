package graph

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dgraph-io/badger/v4"
)

func TestOpen_RefusesUnknownFormatVersion(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(metaVersion, be64(99)) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = Open(dir, Options{GCInterval: -1})
	if !errors.Is(err, ErrFormatVersion) {
		t.Fatalf("Open of a version-99 store = %v, want ErrFormatVersion", err)
	}
}

func TestOpen_EmptiesInterruptedStreamLoad(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	// What a crash in the middle of a stream load leaves: data, no version.
	err = s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set(idKey(1), encodeTerm(nil, IRI("http://example.org/x"))); err != nil {
			return err
		}
		return txn.Delete(metaVersion)
	})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if s.nextID != 1 {
		t.Errorf("nextID after repair = %d, want 1", s.nextID)
	}
	err = s.db.View(func(txn *badger.Txn) error {
		_, err := txn.Get(idKey(1))
		return err
	})
	if !errors.Is(err, badger.ErrKeyNotFound) {
		t.Errorf("interrupted load's key survived: %v", err)
	}
}

// TestStore_RefusesWritesWhenDiskIsLow makes the store believe the disk is
// nearly full: every kind of write must fail with ErrNoSpace before it
// starts, and leave the store as it was.
func TestStore_RefusesWritesWhenDiskIsLow(t *testing.T) {
	for _, empty := range []bool{true, false} {
		s, err := Open(t.TempDir(), Options{GCInterval: -1})
		if err != nil {
			t.Fatal(err)
		}
		q := Quad{S: IRI("http://e.org/s"), P: IRI("http://e.org/p"), O: String("o")}
		if !empty {
			if err := s.Update(t.Context(), func(tx *Txn) error { return tx.Add(q) }); err != nil {
				t.Fatal(err)
			}
		}
		s.opts.MinFreeBytes = 1 << 60 // more than any disk has
		q2 := Quad{S: IRI("http://e.org/s2"), P: IRI("http://e.org/p"), O: String("o")}
		err = s.Update(t.Context(), func(tx *Txn) error { return tx.Add(q2) })
		if !errors.Is(err, ErrNoSpace) {
			t.Errorf("Update on a full disk = %v, want ErrNoSpace", err)
		}
		if _, err := s.NewLoader(t.Context()); !errors.Is(err, ErrNoSpace) {
			t.Errorf("NewLoader on a full disk = %v, want ErrNoSpace", err)
		}
		if err := s.Restore(t.Context(), nil); empty && !errors.Is(err, ErrNoSpace) {
			t.Errorf("Restore on a full disk = %v, want ErrNoSpace", err)
		}
		// The check names the directory and the sizes.
		if err := s.checkSpace(0); err == nil || !strings.Contains(err.Error(), s.dir) {
			t.Errorf("checkSpace error %q does not name the store directory", err)
		}
		s.opts.MinFreeBytes = -1
		n, err := s.Count(t.Context(), Pattern{})
		if err != nil || (empty && n != 0) || (!empty && n != 1) {
			t.Errorf("store holds %d quads after refused writes (%v)", n, err)
		}
		s.Close()
	}
}

// TestStore_LoadRefusedAtCommitWhenDiskIsLow fills a stream load, then makes
// the disk look too small for its indexes: Commit must fail with ErrNoSpace
// and the store must be empty and usable.
func TestStore_LoadRefusedAtCommitWhenDiskIsLow(t *testing.T) {
	s, err := Open(t.TempDir(), Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	l, err := s.NewLoader(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	for i := range 1000 {
		q := Quad{S: IRI(fmt.Sprintf("http://e.org/s%d", i)), P: IRI("http://e.org/p"), O: String("o")}
		if err := l.Add(q); err != nil {
			t.Fatal(err)
		}
	}
	var st syscall.Statfs_t
	if err := syscall.Statfs(s.dir, &st); err != nil {
		t.Skip("statfs: ", err)
	}
	// Leave just under what 1000 quads are estimated to need.
	s.opts.MinFreeBytes = int64(st.Bavail)*int64(st.Bsize) - 1000*bytesPerQuad + 1
	if _, err := l.Commit(); !errors.Is(err, ErrNoSpace) {
		t.Fatalf("Commit on a nearly full disk = %v, want ErrNoSpace", err)
	}
	s.opts.MinFreeBytes = -1
	if n, err := s.Count(t.Context(), Pattern{}); err != nil || n != 0 {
		t.Fatalf("store holds %d quads after a refused load (%v)", n, err)
	}
	if err := s.Update(t.Context(), func(tx *Txn) error {
		return tx.Add(Quad{S: IRI("http://e.org/x"), P: IRI("http://e.org/p"), O: String("o")})
	}); err != nil {
		t.Fatalf("store unusable after a refused load: %v", err)
	}
}

// TestOpen_RemovesEmptyLogFiles leaves the empty memtable file a process
// killed while badger created it would leave, and checks that the store
// opens with its data.
func TestOpen_RemovesEmptyLogFiles(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	q := Quad{S: IRI("http://example.org/s"), P: IRI("http://example.org/p"), O: String("kept")}
	if err := s.Update(context.Background(), func(tx *Txn) error { return tx.Add(q) }); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"00099.mem", "000099.vlog"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err = Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatalf("open with empty log files: %v", err)
	}
	defer s.Close()
	if n, err := s.Count(context.Background(), Pattern{S: q.S}); err != nil || n != 1 {
		t.Errorf("count after reopen = %d, %v; want 1", n, err)
	}
}
