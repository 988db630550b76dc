package graph

import (
	"errors"
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
