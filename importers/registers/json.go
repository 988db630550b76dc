package registers

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// jsonState says where the reader is in Algoritmeregister JSON.
type jsonState uint8

const (
	jsonStart  jsonState = iota // before the top-level value
	jsonObject                  // in the top-level object, before a key or its end
	jsonArray                   // in the algoritmes array
	jsonTop                     // in a top-level array of algorithms
	jsonEnd                     // after the top-level value
)

// stepJSON reads until it has mapped one algorithm or met the end.
func (r *Reader) stepJSON() error {
	for len(r.m.out) == 0 {
		switch r.jstate {
		case jsonStart:
			tok, err := r.token()
			if err == io.EOF {
				return r.errAt(r.dec.InputOffset(), "", "end of input", "a JSON object with an \"algoritmes\" array")
			}
			if err != nil {
				return err
			}
			switch tok {
			case json.Delim('{'):
				r.jstate = jsonObject
			case json.Delim('['):
				r.jstate, r.found = jsonTop, true
			default:
				return r.errAt(r.dec.InputOffset(), "", describe(tok), "a JSON object with an \"algoritmes\" array")
			}
		case jsonObject:
			if !r.dec.More() {
				if _, err := r.token(); err != nil {
					return err
				}
				r.jstate = jsonEnd
				continue
			}
			tok, err := r.token()
			if err != nil {
				return err
			}
			key, _ := tok.(string)
			if key != "algoritmes" {
				var skip json.RawMessage
				if err := r.dec.Decode(&skip); err != nil {
					return r.jsonErr(err, key)
				}
				continue
			}
			at := r.src.skipSpace(r.dec.InputOffset())
			tok, err = r.token()
			if err != nil {
				return err
			}
			if tok != json.Delim('[') {
				return r.errAt(at, "algoritmes", describe(tok), "an array")
			}
			r.jstate, r.found, r.idx = jsonArray, true, 0
		case jsonArray, jsonTop:
			if !r.dec.More() {
				if _, err := r.token(); err != nil {
					return err
				}
				if r.jstate == jsonArray {
					r.jstate = jsonObject
				} else {
					r.jstate = jsonEnd
				}
				continue
			}
			if err := r.record(); err != nil {
				return err
			}
		case jsonEnd:
			at := r.dec.InputOffset()
			tok, err := r.token()
			if err == nil {
				return r.errAt(at, "", describe(tok), "end of input")
			}
			if err != io.EOF {
				return err
			}
			if !r.found {
				return &Error{File: r.name, Path: "algoritmes", Found: "no such key", Expected: "an \"algoritmes\" array"}
			}
			return io.EOF
		}
	}
	return nil
}

// record decodes and maps one element of the algorithms array.
func (r *Reader) record() error {
	path := "[" + strconv.Itoa(r.idx) + "]"
	if r.jstate == jsonArray {
		path = "algoritmes" + path
	}
	r.idx++
	start := r.src.skipSpace(r.dec.InputOffset())
	line, col := r.src.advance(start)
	r.line = line
	var raw json.RawMessage
	if err := r.dec.Decode(&raw); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			// The decoder's offsets inside a value are not always from
			// the start of the input; decoding the kept bytes again from
			// the start of the record gives a reliable one.
			if off, ok := syntaxOffset(r.src.tail(start)); ok {
				return r.errAt(start+off, path, "invalid JSON ("+se.Error()+")", "JSON text")
			}
		}
		return r.jsonErr(err, path)
	}
	r.records++
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return &Error{File: r.name, Line: line, Col: col, Path: path, Found: kind(raw), Expected: "an object"}
	}
	rec := map[string]string{}
	for k, v := range fields {
		s, ok := jsonString(v)
		if !ok {
			return &Error{File: r.name, Line: line, Col: col, Path: path + "." + k, Found: kind(v), Expected: "a string in UTF-8"}
		}
		rec[k] = s
	}
	if fe := r.m.algoritme(rec); fe != nil {
		return &Error{File: r.name, Line: line, Col: col, Path: path + "." + fe.field, Found: fe.found, Expected: fe.expected}
	}
	return nil
}

// jsonString returns a JSON string, number or null as text.
func jsonString(v json.RawMessage) (string, bool) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0, string(v) == "null":
		return "", true
	case v[0] == '"':
		if !utf8.Valid(v) {
			return "", false
		}
		var s string
		if json.Unmarshal(v, &s) != nil {
			return "", false
		}
		return s, true
	case v[0] == '-' || v[0] >= '0' && v[0] <= '9':
		return string(v), true
	}
	return "", false
}

// kind names the JSON type of a value for an error.
func kind(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		if !utf8.Valid(v) {
			return "text that is not UTF-8"
		}
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// describe names a JSON token for an error.
func describe(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return "'" + t.String() + "'"
	case string:
		return "string " + strconv.Quote(t)
	case json.Number:
		return "number " + t.String()
	case bool:
		return "a boolean"
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}

// token reads the next JSON token, turning syntax errors into [*Error].
func (r *Reader) token() (json.Token, error) {
	before := r.dec.InputOffset()
	tok, err := r.dec.Token()
	if err == nil || err == io.EOF {
		return tok, err
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		// Errors between values carry the absolute offset of the bad
		// byte; errors inside a value the decoder started carry one
		// counted from the start of that value, past the bad byte.
		at := se.Offset
		if at <= before {
			at = r.src.skipSpace(before) + max(se.Offset-1, 0)
		}
		return nil, r.errAt(at, "", "invalid JSON ("+se.Error()+")", "JSON text")
	}
	return nil, r.jsonErr(err, "")
}

// syntaxOffset returns the offset in b of the byte at which the JSON
// value b starts with stops being valid, and false when b holds a whole
// valid value or ends before the error.
func syntaxOffset(b []byte) (int64, bool) {
	var raw json.RawMessage
	err := json.NewDecoder(bytes.NewReader(b)).Decode(&raw)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return max(se.Offset-1, 0), true
	}
	return 0, false
}

// jsonErr turns an error of the JSON decoder into an [*Error] with the
// position; errors of the underlying reader are returned wrapped.
func (r *Reader) jsonErr(err error, path string) error {
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		return r.errAt(max(se.Offset-1, 0), path, "invalid JSON ("+se.Error()+")", "JSON text")
	case errors.Is(err, io.ErrUnexpectedEOF), err == io.EOF:
		return r.errAt(r.dec.InputOffset(), path, "end of input", "the rest of the JSON value")
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return r.errAt(te.Offset, path, te.Value, "a JSON value")
	}
	return fmt.Errorf("registers: read %s: %w", r.name, err)
}

// errAt returns an [*Error] at decoder offset at.
func (r *Reader) errAt(at int64, path, found, expected string) *Error {
	line, col := r.src.pos(at)
	return &Error{File: r.name, Line: line, Col: col, Path: path, Found: found, Expected: expected}
}
