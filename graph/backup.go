package graph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"

	"github.com/dgraph-io/badger/v4"
)

// backupMagic starts every backup file: a name and the format version.
var backupMagic = []byte("civicgraph-backup\x00\x00\x00\x00\x00\x00\x01")

// The backup format, after the magic: every key of the store in key order,
// each as uvarint(len(key)) key uvarint(len(value)) value; then a zero
// length, the number of records (8 bytes, big-endian) and the CRC-32C of
// everything between the magic and the zero (4 bytes). The trailer lets
// Restore refuse a truncated or damaged file. badger's own backup format is
// not used because a failed badger Load leaves its transaction watermark
// waiting for ever (badger v4.9.6, backup.go), which hangs the store.

// Backup writes a consistent snapshot of the whole store to w. Writers may
// go on meanwhile; the backup holds what was committed when it started.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if _, err := w.Write(backupMagic); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	crc := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	bw := bufio.NewWriterSize(io.MultiWriter(w, crc), 1<<20)
	var n uint64
	err := s.View(ctx, func(v *View) error {
		it := v.txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, PrefetchSize: 256})
		defer it.Close()
		var hdr []byte
		for it.Rewind(); it.Valid(); it.Next() {
			if n&1023 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			item := it.Item()
			k := item.Key()
			err := item.Value(func(val []byte) error {
				hdr = binary.AppendUvarint(hdr[:0], uint64(len(k)))
				bw.Write(hdr)
				bw.Write(k)
				hdr = binary.AppendUvarint(hdr[:0], uint64(len(val)))
				bw.Write(hdr)
				_, err := bw.Write(val)
				return err
			})
			if err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	trailer := binary.BigEndian.AppendUint64([]byte{0}, n)
	trailer = binary.BigEndian.AppendUint32(trailer, crcSum(crc, []byte{0}))
	if _, err := w.Write(trailer); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	return nil
}

// crcSum adds b to the running checksum and returns it.
func crcSum(h hash.Hash32, b []byte) uint32 {
	h.Write(b)
	return h.Sum32()
}

// Restore loads a backup made by [Store.Backup] into this store, which must
// be empty. On error the store is empty again.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if err := s.checkWritable(); err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.nextID != 1 || len(s.segs.byGraph) != 0 {
		return ErrNotEmpty
	}
	if err := s.checkSpace(0); err != nil {
		return err
	}
	br := bufio.NewReaderSize(r, 1<<20)
	head := make([]byte, len(backupMagic))
	if _, err := io.ReadFull(br, head); err != nil || !bytes.Equal(head[:len(head)-1], backupMagic[:len(backupMagic)-1]) {
		return fmt.Errorf("graph: restore: input is not a civicgraph backup (it does not start with %q)", backupMagic[:17])
	}
	if v, want := head[len(head)-1], backupMagic[len(backupMagic)-1]; v != want {
		return fmt.Errorf("%w: backup has version %d, this build reads %d", ErrFormatVersion, v, want)
	}
	sw := s.db.NewStreamWriter()
	if err := sw.Prepare(); err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	w := newKVWriter(sw, "civicgraph.restore", 1)
	err := readBackup(ctx, br, w, s.checkSpace)
	if err == nil {
		err = w.done(1)
	}
	if cerr := w.close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = sw.Flush()
	}
	if err != nil {
		sw.Cancel()
		return s.resetEmpty(fmt.Errorf("graph: restore: %w", noSpace(err)))
	}
	s.mu.Lock()
	err = s.readMeta()
	s.mu.Unlock()
	if err != nil {
		return s.resetEmpty(fmt.Errorf("graph: restore: %w", err))
	}
	s.terms.clear()
	if err := s.repair(); err != nil {
		return s.resetEmpty(fmt.Errorf("graph: restore: %w", err))
	}
	// A backup made before the text index existed restores without it.
	if err := s.ensureTextIndex(ctx); err != nil {
		return s.resetEmpty(fmt.Errorf("graph: restore: %w", err))
	}
	return nil
}

// errBadBackup is wrapped by errors about the content of a backup.
var errBadBackup = errors.New("damaged or truncated backup")

// readBackup copies the records of a backup into w, checking order, count
// and checksum.
func readBackup(ctx context.Context, br *bufio.Reader, w *kvWriter, checkSpace func(int64) error) error {
	crc := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	var hdr []byte
	var prev []byte
	var n uint64
	buf := make([]byte, 0, 1<<10)
	for {
		klen, err := binary.ReadUvarint(br)
		if err != nil {
			return fmt.Errorf("%w: record %d: %v", errBadBackup, n+1, err)
		}
		if klen == 0 {
			break
		}
		if klen > 1<<16 {
			return fmt.Errorf("%w: record %d: key of %d bytes", errBadBackup, n+1, klen)
		}
		buf = append(buf[:0], make([]byte, klen)...)
		if _, err := io.ReadFull(br, buf); err != nil {
			return fmt.Errorf("%w: record %d: %v", errBadBackup, n+1, err)
		}
		key := bytes.Clone(buf)
		if prev != nil && bytes.Compare(prev, key) >= 0 {
			return fmt.Errorf("%w: record %d: keys out of order", errBadBackup, n+1)
		}
		vlen, err := binary.ReadUvarint(br)
		if err != nil || vlen > 1<<30 {
			return fmt.Errorf("%w: record %d: bad value length", errBadBackup, n+1)
		}
		val := make([]byte, vlen)
		if _, err := io.ReadFull(br, val); err != nil {
			return fmt.Errorf("%w: record %d: %v", errBadBackup, n+1, err)
		}
		hdr = binary.AppendUvarint(hdr[:0], klen)
		crc.Write(hdr)
		crc.Write(key)
		hdr = binary.AppendUvarint(hdr[:0], vlen)
		crc.Write(hdr)
		crc.Write(val)
		if err := w.put(1, key, val); err != nil {
			return err
		}
		prev = key
		if n++; n%spaceCheckEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := checkSpace(spaceCheckEvery * 64); err != nil {
				return err
			}
		}
	}
	return checkTrailer(br, crcSum(crc, []byte{0}), n)
}

// checkTrailer reads the count and checksum after the zero length and
// compares them with what was read.
func checkTrailer(br *bufio.Reader, sum uint32, n uint64) error {
	trailer := make([]byte, 12)
	if _, err := io.ReadFull(br, trailer); err != nil {
		return fmt.Errorf("%w: no trailer: %v", errBadBackup, err)
	}
	if got := binary.BigEndian.Uint64(trailer); got != n {
		return fmt.Errorf("%w: %d records, the trailer says %d", errBadBackup, n, got)
	}
	if got := binary.BigEndian.Uint32(trailer[8:]); got != sum {
		return fmt.Errorf("%w: checksum %08x, the trailer says %08x", errBadBackup, sum, got)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return fmt.Errorf("%w: data after the trailer", errBadBackup)
	}
	return nil
}

// resetEmpty empties the store after a failed bulk write into it (it was
// empty before) and returns cause, joined with any error of its own.
func (s *Store) resetEmpty(cause error) error {
	if err := s.db.DropAll(); err != nil {
		return errors.Join(cause, fmt.Errorf("graph: empty the store after a failed write: %w", err))
	}
	if err := s.writeInitialMeta(); err != nil {
		return errors.Join(cause, err)
	}
	s.mu.Lock()
	err := s.readMeta()
	s.mu.Unlock()
	return errors.Join(cause, err)
}
