package ocds

import (
	"encoding/json"
	"io"
)

// decodeError is an error of the JSON decoder, which cannot go on after
// it: a syntax error, input cut short, text that is not UTF-8.
type decodeError struct {
	err *Error
	// at is the offset of the error and from where the failed call
	// started reading, for resync.
	at, from int64
	// resync says whether JSON Lines input may go on at the next line.
	resync bool
}

// Error returns the text of err.
func (e *decodeError) Error() string { return e.err.Error() }

// Unwrap returns err.
func (e *decodeError) Unwrap() error { return e.err }

// recover handles err, an error of a step, so the reader can go on. A
// problem with a decoded value (a release, a record, a field of a bare
// one) is kept and the value left out: recover returns nil and the step
// after it reads on. A JSON syntax error in JSON Lines input is kept and
// the reader starts again at the next line; see resync. Any other error
// is returned, and ends the input: a syntax error elsewhere (there is no
// telling where the next value starts), io.EOF, an error of the
// underlying reader.
//
// Every path consumes input: a value with a problem was decoded whole
// before the problem was found, and resync starts after the line of the
// syntax error.
func (r *Reader) recover(err error) error {
	switch e := err.(type) {
	case *decodeError:
		if !e.resync || !r.canResync(e) {
			return e.err
		}
		r.errs.Add(e.err)
		return r.resync(e)
	case *Error:
		r.errs.Add(e)
		if r.state == inObject && r.obj != nil {
			// A field of a bare release or record: leave it all out,
			// so it does not give more errors as a release without
			// that field.
			r.obj.bad = true
		}
		return nil
	}
	return err
}

// finalError returns the error Read returns when the input ends with err:
// the problems kept, and err unless it is io.EOF.
func (r *Reader) finalError(err error) error {
	if r.errs.Len() == 0 {
		return err
	}
	if err != io.EOF {
		r.errs.Add(err)
	}
	return r.errs.Err()
}

// startTop notes where a top-level object or array starts: at, whose byte
// the reader still holds.
func (r *Reader) startTop(at int64) {
	line, col := r.src.rawPos(at)
	r.top, r.topLine, r.topAtLine = at, line, col == 1
}

// endTop notes that the top-level value ended with the byte just read: if
// it took one line, from the start of the line, the input is JSON Lines.
func (r *Reader) endTop() {
	if line, _ := r.src.rawPos(r.offset() - 1); r.topAtLine && line == r.topLine {
		r.jsonLines = true
	}
}

// canResync reports whether the reader may go on after the syntax error
// e: when the top-level value in error starts a line and the input is
// JSON Lines, or the error is on that value's first line (so it may be
// the first line of JSON Lines). A syntax error in a pretty-printed
// document is not on the first line of its value, or its value is not
// at the start of a line, and ends the input.
func (r *Reader) canResync(e *decodeError) bool {
	start, line, atLine := r.top, r.topLine, r.topAtLine
	if r.state == atTop {
		// The value in error is the one the failed call started.
		start = r.valueStart(e.from)
		var col int
		line, col = r.src.rawPos(start)
		atLine = col == 1
	}
	if !atLine || line == 0 {
		return false
	}
	errLine, _ := r.src.rawPos(e.at)
	if r.jsonLines || errLine == line {
		r.top = start
		return true
	}
	return false
}

// resync starts a new JSON decoder at the first line, at or after the line
// of the syntax error e and after the start of the value in error, that
// starts with '{' or '[' (a JSON Lines line), or ends the input when there
// is none. Releases pending from earlier lines stay pending: the next
// line may go on with their ocid.
func (r *Reader) resync(e *decodeError) error {
	r.obj = nil
	at, ok, err := r.src.valueLine(r.top, e.at)
	if err != nil {
		return r.jsonError(err, r.src.end(), false)
	}
	if !ok {
		r.state = atEOF
		r.flush()
		return nil
	}
	r.src.restart(at)
	r.dec, r.decBase = json.NewDecoder(r.src), at
	r.state = atTop
	return nil
}

// skipRest reads past the rest of an object or array whose opening
// delimiter was just read.
func (r *Reader) skipRest() error {
	for depth := 1; depth > 0; {
		tok, err := r.token(false)
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
		case json.Delim('}'), json.Delim(']'):
			depth--
		}
	}
	return nil
}
