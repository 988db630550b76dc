package ocds

import (
	"bytes"
	"errors"
	"io"
)

// source is the io.Reader the JSON decoder reads from. It skips a UTF-8
// byte order mark, refuses UTF-16 and UTF-32, counts the bytes read, and
// keeps the bytes from offset base on, so that a decoder offset can still
// be turned into a line and column after the decoder has read past it.
// The reader drops what it no longer needs with [source.advance] before
// each value it decodes, so the bytes kept are about one release plus the
// decoder's read-ahead.
//
// Offsets are in decoder coordinates: the byte order mark is not counted.
type source struct {
	r       io.Reader
	started bool
	pending []byte // the header bytes read to look for a byte order mark
	replay  []byte // bytes of buf to give a new decoder again (see restart)
	bom     int    // 3 when a byte order mark was skipped, for columns on line 1
	read    int64  // bytes read from r, byte order mark included
	// encErr is set when the header shows an encoding other than UTF-8.
	encErr *Error

	buf  []byte // input from offset base on
	base int64
	line int // line of offset base, from 1
	col  int // column of offset base, from 1
}

func newSource(r io.Reader) *source {
	return &source{r: r, line: 1, col: 1}
}

// Read gives the decoder the next bytes of the input and keeps a copy.
func (s *source) Read(p []byte) (int, error) {
	if !s.started {
		s.started = true
		if err := s.start(); err != nil {
			return 0, err
		}
	}
	if len(s.replay) > 0 {
		n := copy(p, s.replay) // in buf already
		s.replay = s.replay[n:]
		return n, nil
	}
	var n int
	var err error
	if len(s.pending) > 0 {
		n = copy(p, s.pending)
		s.pending = s.pending[n:]
	} else {
		n, err = s.r.Read(p)
		s.read += int64(n)
	}
	s.buf = append(s.buf, p[:n]...)
	return n, err
}

// start reads the first bytes and checks the encoding: a UTF-8 byte order
// mark is dropped; UTF-16 or UTF-32, with a mark or without (a zero byte
// among the first two), is an error, since JSON text exchanged between
// systems must be UTF-8 (RFC 8259).
func (s *source) start() error {
	var hdr [4]byte
	n, err := io.ReadAtLeast(s.r, hdr[:], len(hdr))
	s.read += int64(n)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return err
	}
	h := hdr[:n]
	switch {
	case bytes.HasPrefix(h, []byte{0xEF, 0xBB, 0xBF}):
		s.bom = 3
		h = h[3:]
	case bytes.HasPrefix(h, []byte{0xFE, 0xFF}), bytes.HasPrefix(h, []byte{0xFF, 0xFE}),
		len(h) >= 2 && (h[0] == 0 || h[1] == 0):
		s.encErr = &Error{Line: 1, Col: 1, Found: "UTF-16 or UTF-32 text", Expected: "JSON in UTF-8"}
		return errEncoding
	}
	s.pending = append([]byte(nil), h...)
	return nil
}

// errEncoding is returned by Read when the input is not UTF-8; the reader
// reports source.encErr instead.
var errEncoding = errors.New("ocds: input is not UTF-8")

// advance drops the bytes before offset to, which the reader will not need
// again, and returns the line and column of to.
func (s *source) advance(to int64) (line, col int) {
	k := to - s.base
	if k < 0 {
		return 0, 0
	}
	if k > int64(len(s.buf)) {
		k = int64(len(s.buf))
	}
	s.line, s.col = movePos(s.line, s.col, s.buf[:k])
	n := copy(s.buf, s.buf[k:])
	s.buf = s.buf[:n]
	s.base += k
	return s.lineCol(s.line, s.col)
}

// pos returns the line and column of offset at, or 0, 0 when the bytes
// before it are gone.
func (s *source) pos(at int64) (line, col int) {
	k := at - s.base
	if k < 0 {
		return 0, 0
	}
	if k > int64(len(s.buf)) {
		k = int64(len(s.buf))
	}
	return s.lineCol(movePos(s.line, s.col, s.buf[:k]))
}

// tail returns the bytes kept from offset at on, or nil when they are gone.
func (s *source) tail(at int64) []byte {
	k := at - s.base
	if k < 0 || k > int64(len(s.buf)) {
		return nil
	}
	return s.buf[k:]
}

// end returns the offset just after the last byte read.
func (s *source) end() int64 { return s.base + int64(len(s.buf)) }

// lineCol adds the byte order mark to columns on the first line.
func (s *source) lineCol(line, col int) (int, int) {
	if line == 1 {
		col += s.bom
	}
	return line, col
}

// movePos returns the line and column after b, starting at line, col.
func movePos(line, col int, b []byte) (int, int) {
	if n := bytes.Count(b, []byte{'\n'}); n > 0 {
		line += n
		col = 1 + len(b) - 1 - bytes.LastIndexByte(b, '\n')
		return line, col
	}
	return line, col + len(b)
}

// rawPos returns the line and column of offset at, not counting a byte
// order mark, or 0, 0 when the bytes before it are gone.
func (s *source) rawPos(at int64) (line, col int) {
	k := at - s.base
	if k < 0 || k > int64(len(s.buf)) {
		return 0, 0
	}
	return movePos(s.line, s.col, s.buf[:k])
}

// maxEmptyReads is how many (0, nil) reads in a row count as a broken
// reader.
const maxEmptyReads = 100

// fill reads more input into buf, for valueLine. It returns io.EOF at the
// end of the input.
func (s *source) fill() error {
	if len(s.pending) > 0 {
		s.buf = append(s.buf, s.pending...)
		s.pending = nil
		return nil
	}
	var chunk [32 << 10]byte
	for range maxEmptyReads {
		n, err := s.r.Read(chunk[:])
		s.read += int64(n)
		s.buf = append(s.buf, chunk[:n]...)
		if n > 0 {
			return nil
		}
		if err != nil {
			return err
		}
	}
	return io.ErrNoProgress
}

// valueLine returns the offset of the first line, at or after the line of
// offset at and starting after offset after, whose first byte is '{' or
// '[', reading more input as needed and dropping what it passes over. It
// reports false when the input ends first.
func (s *source) valueLine(after, at int64) (int64, bool, error) {
	k := min(max(at-s.base, 0), int64(len(s.buf)))
	for k > 0 && s.buf[k-1] != '\n' {
		k--
	}
	lineStart := k > 0 || s.col == 1
	for {
		for ; k < int64(len(s.buf)); k++ {
			c := s.buf[k]
			if lineStart && s.base+k > after && (c == '{' || c == '[') {
				return s.base + k, true, nil
			}
			lineStart = c == '\n'
		}
		s.advance(s.base + k)
		k = 0
		if err := s.fill(); err == io.EOF {
			return 0, false, nil
		} else if err != nil {
			return 0, false, err
		}
	}
}

// restart drops the input before offset at and gives the bytes held from
// there on again to the next Read, for a new decoder that starts at at.
func (s *source) restart(at int64) {
	s.advance(at)
	s.replay = append(s.replay[:0:0], s.buf...)
}
