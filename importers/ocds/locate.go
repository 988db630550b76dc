package ocds

import (
	"encoding/json"
	"strconv"
	"strings"
)

// This file finds values in JSON text by path and paths by offset. It is
// used only to report errors, so it favours simplicity over speed. The
// text must be valid JSON (it was decoded already).

// walkJSON calls visit for every value in b, children before their
// parent, with the value's path (as in [Error.Path], relative to b) and
// its span b[start:end]. It stops when visit returns false.
func walkJSON(b []byte, visit func(path string, start, end int) bool) {
	w := jsonWalker{b: b, visit: visit}
	w.value(0, "")
}

type jsonWalker struct {
	b       []byte
	visit   func(path string, start, end int) bool
	stopped bool
}

func (w *jsonWalker) ws(i int) int {
	for i < len(w.b) {
		switch w.b[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// str returns the end of the string starting at b[i] == '"'.
func (w *jsonWalker) str(i int) int {
	for i++; i < len(w.b); i++ {
		switch w.b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(w.b)
}

// value walks the value at or after i and returns the offset after it.
func (w *jsonWalker) value(i int, path string) int {
	i = w.ws(i)
	if i >= len(w.b) || w.stopped {
		return len(w.b)
	}
	start := i
	switch w.b[i] {
	case '{':
		i = w.ws(i + 1)
		for i < len(w.b) && w.b[i] != '}' && !w.stopped {
			kEnd := w.str(i)
			var key string
			if json.Unmarshal(w.b[i:kEnd], &key) != nil {
				key = string(w.b[i:kEnd])
			}
			i = w.ws(kEnd)
			if i < len(w.b) && w.b[i] == ':' {
				i++
			}
			child := key
			if path != "" {
				child = path + "." + key
			}
			i = w.ws(w.value(i, child))
			if i < len(w.b) && w.b[i] == ',' {
				i = w.ws(i + 1)
			}
		}
		i++
	case '[':
		i = w.ws(i + 1)
		for n := 0; i < len(w.b) && w.b[i] != ']' && !w.stopped; n++ {
			i = w.ws(w.value(i, path+"["+strconv.Itoa(n)+"]"))
			if i < len(w.b) && w.b[i] == ',' {
				i = w.ws(i + 1)
			}
		}
		i++
	case '"':
		i = w.str(i)
	default:
		for i < len(w.b) && !strings.ContainsRune(",}] \t\r\n", rune(w.b[i])) {
			i++
		}
	}
	if i > len(w.b) {
		i = len(w.b)
	}
	if !w.stopped && !w.visit(path, start, i) {
		w.stopped = true
	}
	return i
}

// locate returns the offset in b of the value at path, matching keys
// without regard to case as encoding/json does. When there is no such
// value (a missing ocid) it returns the offset of the nearest enclosing
// value that exists.
func locate(b []byte, path string) int {
	for p := path; ; p = parentPath(p) {
		found := -1
		walkJSON(b, func(vp string, start, _ int) bool {
			if strings.EqualFold(vp, p) {
				found = start // the last duplicate key wins, as in encoding/json
			}
			return true
		})
		if found >= 0 || p == "" {
			return max(found, 0)
		}
	}
}

// parentPath drops the last step of a path: a.b[2] → a.b → a → "".
func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// pathAt returns the path and span of the innermost value of b that
// holds offset off, as reported by json.UnmarshalTypeError (just after
// the opening bracket of an object or array, or at or just after the end
// of a scalar).
func pathAt(b []byte, off int) (path string, start, end int) {
	end = len(b)
	walkJSON(b, func(vp string, s, e int) bool {
		if s < off && off <= e+1 {
			path, start, end = vp, s, e
			return false
		}
		return true
	})
	return path, start, end
}

// joinPath appends a relative path to a prefix.
func joinPath(prefix, rel string) string {
	switch {
	case prefix == "":
		return rel
	case rel == "":
		return prefix
	case rel[0] == '[':
		return prefix + rel
	}
	return prefix + "." + rel
}
