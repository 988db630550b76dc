package graph

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
)

// backupMagic starts every backup file: a name and the format version.
var backupMagic = []byte("civicgraph-backup\x00\x00\x00\x00\x00\x00\x01")

// Backup writes a consistent snapshot of the whole store to w, in badger's
// backup format behind a civicgraph header. Writers may go on meanwhile; the
// backup holds what was committed when it started.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if s.ctx.Err() != nil {
		return ErrClosed
	}
	if _, err := w.Write(backupMagic); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	stream := s.db.NewStream()
	stream.LogPrefix = "civicgraph.backup"
	stream.SinceTs = 0
	if _, err := stream.Backup(w, 0); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	return ctx.Err()
}

// Restore loads a backup made by [Store.Backup] into this store, which must
// be empty. On error the store is emptied again.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if err := s.checkWritable(); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.nextID != 1 || len(s.segs.byGraph) != 0 {
		return ErrNotEmpty
	}
	br := bufio.NewReaderSize(r, 1<<20)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil || !bytes.Equal(head[:len(head)-1], backupMagic[:len(backupMagic)-1]) {
		return fmt.Errorf("graph: restore: input is not a civicgraph backup (it does not start with %q)", backupMagic[:17])
	}
	if head[len(head)-1] != backupMagic[len(backupMagic)-1] {
		return fmt.Errorf("%w: backup has version %d, this build reads %d", ErrFormatVersion, head[len(head)-1], backupMagic[len(backupMagic)-1])
	}
	fail := func(err error) error {
		if derr := s.db.DropAll(); derr != nil {
			return fmt.Errorf("graph: restore: %w (and emptying the store: %v)", err, derr)
		}
		if ierr := s.writeInitialMeta(); ierr != nil {
			return fmt.Errorf("graph: restore: %w (and re-initialising: %v)", err, ierr)
		}
		s.mu.Lock()
		s.readMeta()
		s.mu.Unlock()
		return fmt.Errorf("graph: restore: %w", err)
	}
	if err := s.db.DropAll(); err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	if err := s.db.Load(ctxReader{ctx, br}, 256); err != nil {
		return fail(noSpace(err))
	}
	s.mu.Lock()
	err := s.readMeta()
	s.mu.Unlock()
	if err != nil {
		return fail(err)
	}
	s.terms.clear()
	if err := s.repair(); err != nil {
		return fail(err)
	}
	return nil
}

// ctxReader stops reading when ctx is cancelled.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
