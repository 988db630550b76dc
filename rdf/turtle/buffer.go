package turtle

import "io"

// The read buffer starts at minBuf bytes and doubles when one token does
// not fit. Once the long token is consumed, a buffer above maxKeepBuf is
// dropped for a fresh minBuf one, so one huge literal does not pin memory.
const (
	minBuf     = 64 << 10
	maxKeepBuf = 1 << 20
)

// maxEmptyReads is how many (0, nil) reads in a row count as a broken reader.
const maxEmptyReads = 100

// window returns the unread input held in the buffer. The scanners index
// it relative to r.pos, the start of the token they scan; after a call to
// more or ensure they must take the window again.
func (r *Reader) window() []byte { return r.buf[r.pos:r.end] }

// more reads more input into the buffer and reports whether it got any.
// It keeps buf[r.pos:], moving it to the front, so indexes relative to
// r.pos stay valid; the buffer grows when the token being scanned fills it.
// At the end of the input, or on a read error, it returns false and leaves
// the error in r.rerr.
func (r *Reader) more() bool {
	if r.rerr != nil {
		return false
	}
	if r.pos > 0 {
		// Keep the start of the token being scanned, for a ParseError's
		// Found, before the buffer lets it go.
		if from := r.tokOff - r.off; from < int64(r.pos) && len(r.saved) < maxFound+4 {
			from = max(from, 0)
			to := min(int64(r.pos), from+int64(maxFound+4-len(r.saved)))
			r.saved = append(r.saved, r.buf[from:to]...)
		}
		n := r.end - r.pos
		if len(r.buf) > maxKeepBuf && n < minBuf/2 {
			buf := make([]byte, minBuf)
			copy(buf, r.buf[r.pos:r.end])
			r.buf = buf
		} else {
			copy(r.buf, r.buf[r.pos:r.end])
		}
		r.off += int64(r.pos)
		r.pos, r.end = 0, n
	}
	if r.end == len(r.buf) {
		buf := make([]byte, max(2*len(r.buf), minBuf))
		copy(buf, r.buf[:r.end])
		r.buf = buf
	}
	for range maxEmptyReads {
		n, err := r.rd.Read(r.buf[r.end:])
		r.end += n
		if err != nil {
			r.rerr = err
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
	r.rerr = io.ErrNoProgress
	return false
}

// refill calls more and points *b at the new window. The window moves
// even when more finds no input, so callers must not keep the old one.
func (r *Reader) refill(b *[]byte) bool {
	ok := r.more()
	*b = r.window()
	return ok
}

// ensure reads until at least n bytes from r.pos are buffered, or the
// input ends, and returns the window.
func (r *Reader) ensure(n int) []byte {
	for r.end-r.pos < n && r.more() {
	}
	return r.buf[r.pos:r.end]
}

// advance consumes n bytes. With lines true they may hold line ends, which
// are counted; tokens other than long strings never do.
func (r *Reader) advance(n int, lines bool) {
	if lines {
		r.ln, r.lineStart, r.crAt = r.countLines(r.pos + n)
	}
	r.pos += n
}

// countLines returns the line number, the offset where that line starts
// and the offset of the last CR, at buffer index i >= r.pos, counting the
// line ends in buf[r.pos:i]. LF, CRLF and a lone CR each end a line.
func (r *Reader) countLines(i int) (ln int, lineStart, crAt int64) {
	ln, lineStart, crAt = r.ln, r.lineStart, r.crAt
	for j := r.pos; j < i; j++ {
		switch r.buf[j] {
		case '\n':
			at := r.off + int64(j)
			if crAt != at-1 {
				ln++
			}
			lineStart = at + 1
		case '\r':
			at := r.off + int64(j)
			ln++
			lineStart, crAt = at+1, at
		}
	}
	return ln, lineStart, crAt
}
