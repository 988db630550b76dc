package nquads

import (
	"bytes"
	"io"
	"slices"
)

// The read buffer starts at minLineBuf bytes, so a reader for a small
// input stays small, and doubles, up to maxLineBuf, when a line does not
// fit. Lines up to maxLineBuf are parsed in place; longer ones are
// assembled in lineReader.long.
const (
	minLineBuf = 32 << 10
	maxLineBuf = 1 << 20
)

// maxEmptyReads is how many (0, nil) reads in a row count as a broken reader.
const maxEmptyReads = 100

// lineReader splits its input into lines ended by LF, CRLF or a lone CR,
// reading through one fixed buffer. bufio.Reader.ReadSlice cannot split on
// a lone CR, and bufio.Scanner grows its buffer to the longest line; this
// keeps memory fixed for the common case and reuses one side buffer for
// very long lines.
type lineReader struct {
	rd     io.Reader
	buf    []byte
	r, w   int    // buf[r:w] is read but not yet returned
	seen   int    // buf[r:r+seen] is known to hold no line end
	err    error  // sticky error from rd
	long   []byte // the line so far, when it did not fit in buf
	skipLF bool   // the last line ended with a CR at the end of buf; drop one LF that follows
	n      int64  // bytes consumed by the lines returned so far
}

func newLineReader(rd io.Reader) lineReader {
	return lineReader{rd: rd, buf: make([]byte, minLineBuf)}
}

// next returns the next line without its line end. The slice is valid until
// the next call. At the end of input it returns io.EOF, or the error of the
// underlying reader.
func (lr *lineReader) next() ([]byte, error) {
	if cap(lr.long) > 4*maxLineBuf {
		lr.long = nil // let one huge line's memory go
	}
	lr.long = lr.long[:0]
	for {
		if lr.skipLF && lr.r < lr.w {
			if lr.buf[lr.r] == '\n' {
				lr.r++
				lr.n++
			}
			lr.skipLF = false
		}
		seg := lr.buf[lr.r:lr.w]
		end, term := -1, 1
		if i := bytes.IndexByte(seg[lr.seen:], '\n'); i >= 0 {
			end = lr.seen + i
			if j := bytes.IndexByte(seg[lr.seen:end], '\r'); j >= 0 {
				if j+1 == i {
					term = 2
				}
				end = lr.seen + j
			}
		} else if j := bytes.IndexByte(seg[lr.seen:], '\r'); j >= 0 {
			end = lr.seen + j
			lr.skipLF = end+1 == len(seg)
		}
		if end >= 0 {
			lr.seen = 0
			lr.r += end + term
			lr.n += int64(end + term)
			if len(lr.long) > 0 {
				lr.long = append(lr.long, seg[:end]...)
				return lr.long, nil
			}
			return seg[:end], nil
		}
		if lr.err != nil {
			lr.r, lr.seen = lr.w, 0
			lr.n += int64(len(seg))
			if len(lr.long) > 0 {
				lr.long = append(lr.long, seg...)
				return lr.long, nil
			}
			if len(seg) > 0 && lr.err == io.EOF {
				return seg, nil
			}
			return nil, lr.err
		}
		lr.seen = len(seg)
		lr.fill()
	}
}

// fill reads more input into buf, first making room: it moves the unread
// part to the front, or, when the buffer holds one unfinished line, grows
// the buffer or moves that line to long.
func (lr *lineReader) fill() {
	if lr.r > 0 {
		lr.w = copy(lr.buf, lr.buf[lr.r:lr.w])
		lr.r = 0
	}
	if lr.w == len(lr.buf) && len(lr.buf) < maxLineBuf {
		buf := make([]byte, 2*len(lr.buf))
		copy(buf, lr.buf)
		lr.buf = buf
	}
	if lr.w == len(lr.buf) {
		// Double long when it is full: append's own growth, a quarter
		// at a time for large slices, would copy a 10 MB line about
		// five times over.
		if cap(lr.long)-len(lr.long) < len(lr.buf) {
			lr.long = slices.Grow(lr.long, max(len(lr.long), len(lr.buf)))
		}
		lr.long = append(lr.long, lr.buf...)
		lr.n += int64(len(lr.buf))
		lr.w, lr.seen = 0, 0
	}
	for range maxEmptyReads {
		n, err := lr.rd.Read(lr.buf[lr.w:])
		lr.w += n
		if err != nil {
			lr.err = err
			return
		}
		if n > 0 {
			return
		}
	}
	lr.err = io.ErrNoProgress
}
