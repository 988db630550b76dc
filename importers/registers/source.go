package registers

import (
	"bytes"
	"io"
)

// source is the io.Reader the JSON decoder reads from. It skips a UTF-8
// byte order mark and keeps the bytes from offset base on, so that a
// decoder offset can still be turned into a line and column after the
// decoder has read past it. The reader drops what it no longer needs with
// [source.advance] before each record, so the bytes kept are about one
// record plus the decoder's read-ahead.
type source struct {
	r       io.Reader
	started bool
	bom     int

	buf  []byte // input from offset base on
	base int64
	line int // line of offset base, from 1
	col  int // column of offset base, from 1
}

func newSource(r io.Reader) *source { return &source{r: r, line: 1, col: 1} }

// Read gives the decoder the next bytes of the input and keeps a copy.
func (s *source) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if !s.started && n > 0 {
		s.started = true
		if bytes.HasPrefix(p[:n], []byte{0xEF, 0xBB, 0xBF}) {
			s.bom = 3
			n = copy(p, p[3:n])
		}
	}
	s.buf = append(s.buf, p[:n]...)
	return n, err
}

// advance drops the bytes before offset to and returns its line and
// column.
func (s *source) advance(to int64) (line, col int) {
	k := min(max(to-s.base, 0), int64(len(s.buf)))
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
	k = min(k, int64(len(s.buf)))
	return s.lineCol(movePos(s.line, s.col, s.buf[:k]))
}

// skipSpace returns the offset of the first byte at or after at that is
// neither white space, a comma nor a colon: where the next JSON value starts.
func (s *source) skipSpace(at int64) int64 {
	k := at - s.base
	for k >= 0 && k < int64(len(s.buf)) {
		switch s.buf[k] {
		case ' ', '\t', '\r', '\n', ',', ':':
			k++
			continue
		}
		break
	}
	return s.base + k
}

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
		return line + n, len(b) - bytes.LastIndexByte(b, '\n')
	}
	return line, col + len(b)
}

// tail returns the bytes kept from offset at on, or nil when they are gone.
func (s *source) tail(at int64) []byte {
	k := at - s.base
	if k < 0 || k > int64(len(s.buf)) {
		return nil
	}
	return s.buf[k:]
}
