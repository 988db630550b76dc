package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/queries"
)

// requestError is a request the handler refuses before running it: the
// HTTP status and the GraphQL error of the response.
type requestError struct {
	status int
	err    *queries.Error
}

func badRequest(format string, args ...any) *requestError {
	return &requestError{http.StatusBadRequest, &queries.Error{Code: queries.CodeBadInput, Message: fmt.Sprintf(format, args...)}}
}

// isMultipart reports whether r has a multipart/form-data body.
func isMultipart(r *http.Request) bool {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return err == nil && mt == "multipart/form-data"
}

// mayUpload refuses a multipart request before its body is read unless
// the request may write: uploads are only for importData, and reading up
// to MaxUploadBytes for a request that will be refused anyway would let
// anyone make the server buffer that much. A browser sends a
// cross-origin multipart POST without a CORS preflight, so this check,
// not CORS, is what keeps such a post out.
func (h *graphqlHandler) mayUpload(r *http.Request) *requestError {
	switch {
	case h.opts.ReadOnly:
		return &requestError{http.StatusForbidden, &queries.Error{Code: queries.CodeForbidden, Message: "the server is read-only: it takes no uploads"}}
	case !authorized(r.Context()):
		return &requestError{http.StatusUnauthorized, &queries.Error{Code: queries.CodeUnauthorized, Message: "uploads need a valid bearer token"}}
	}
	return nil
}

// readMultipart reads a GraphQL multipart request
// (https://github.com/jaydenseric/graphql-multipart-request-spec): the
// field operations (the JSON request), the field map (a JSON object from
// file field names to lists of variable paths such as "variables.content"),
// then the files, each put as a string into the variables it maps to.
// The body is bounded by MaxUploadBytes, operations and map by
// MaxBodyBytes; files must be UTF-8. Batches (operations as a list) are
// not supported.
func (h *graphqlHandler) readMultipart(w http.ResponseWriter, r *http.Request) (request, *requestError) {
	var req request
	r.Body = http.MaxBytesReader(w, r.Body, h.opts.MaxUploadBytes)
	mr, err := r.MultipartReader()
	if err != nil {
		return req, badRequest("the body is not multipart/form-data: %v", err)
	}
	// operations, then map, in this order (the spec's, so that a server can
	// check them before the files arrive).
	var fields [2][]byte
	for i, name := range []string{"operations", "map"} {
		p, rerr := h.nextPart(mr, "the "+name+" field")
		if rerr != nil {
			return req, rerr
		}
		if p == nil {
			return req, badRequest("the multipart request has no %s field: it must start with the fields operations and map, then the files", name)
		}
		if p.FormName() != name {
			return req, badRequest("the multipart request has the field %q where %s must be: it must start with the fields operations and map, then the files", p.FormName(), name)
		}
		b, err := io.ReadAll(io.LimitReader(p, h.opts.MaxBodyBytes+1))
		if err != nil {
			return req, h.readError(err, "the "+name+" field")
		}
		if int64(len(b)) > h.opts.MaxBodyBytes {
			h.limits.limitHit("body size")
			return req, &requestError{http.StatusRequestEntityTooLarge, queries.LimitError("body size", h.opts.MaxBodyBytes, "the "+name+" field")}
		}
		fields[i] = b
	}
	ops := strings.TrimSpace(string(fields[0]))
	if strings.HasPrefix(ops, "[") {
		return req, badRequest("operations: batched operations (a JSON list) are not supported; send one request")
	}
	if err := json.Unmarshal([]byte(ops), &req); err != nil {
		return req, badRequest("operations: not a GraphQL request in JSON: %v", err)
	}
	var fileMap map[string][]string
	if err := json.Unmarshal(fields[1], &fileMap); err != nil {
		return req, badRequest(`map: not a JSON object from file field names to lists of paths such as {"0": ["variables.content"]}: %v`, err)
	}
	// Resolve every path before any file arrives.
	setters := make(map[string][]func(string), len(fileMap))
	for name, paths := range fileMap {
		if len(paths) == 0 {
			return req, badRequest("map: file field %q has no paths", name)
		}
		for _, path := range paths {
			set, err := req.locate(path)
			if err != nil {
				return req, badRequest("map: file field %q: path %q: %v", name, path, err)
			}
			setters[name] = append(setters[name], set)
		}
	}
	for {
		p, rerr := h.nextPart(mr, "the files")
		if rerr != nil {
			return req, rerr
		}
		if p == nil {
			break
		}
		name := p.FormName()
		set, ok := setters[name]
		if !ok {
			if _, seen := fileMap[name]; seen {
				return req, badRequest("file field %q comes twice", name)
			}
			return req, badRequest("file field %q is not in the map field", name)
		}
		delete(setters, name)
		what := fmt.Sprintf("file field %q", name)
		if fn := p.FileName(); fn != "" {
			what += fmt.Sprintf(" (%s)", fn)
		}
		var sb strings.Builder
		if _, err := io.Copy(&sb, p); err != nil {
			return req, h.readError(err, what)
		}
		content := sb.String()
		if off, line, ok := invalidUTF8(content); ok {
			return req, badRequest("%s is not UTF-8 text: byte 0x%02x at offset %d (line %d) is not valid UTF-8", what, content[off], off, line)
		}
		for _, s := range set {
			s(content)
		}
	}
	if len(setters) > 0 {
		missing := make([]string, 0, len(setters))
		for name := range setters {
			missing = append(missing, strconv.Quote(name))
		}
		return req, badRequest("map names the file field %s, but the request has no such part", strings.Join(missing, ", "))
	}
	return req, nil
}

// nextPart returns the next part of mr, or nil at the end.
func (h *graphqlHandler) nextPart(mr *multipart.Reader, what string) (*multipart.Part, *requestError) {
	p, err := mr.NextPart()
	if errors.Is(err, io.EOF) {
		return nil, nil
	}
	if err != nil {
		return nil, h.readError(err, what)
	}
	return p, nil
}

// readError turns an error reading the multipart body into the upload size
// limit or a malformed request.
func (h *graphqlHandler) readError(err error, what string) *requestError {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		h.limits.limitHit("upload size")
		return &requestError{http.StatusRequestEntityTooLarge,
			queries.LimitError("upload size", h.opts.MaxUploadBytes, "the multipart request, in "+what+",")}
	}
	return badRequest("the multipart request is malformed in %s: %v", what, err)
}

// locate finds path ("variables.f", "variables.input.files.0") in the
// request and returns a function that sets the value there. The value
// there must exist (the spec has clients put null in its place), so that a
// misspelt path is an error rather than a variable nobody reads.
func (req *request) locate(path string) (func(string), error) {
	segs := strings.Split(path, ".")
	if segs[0] != "variables" || len(segs) < 2 {
		return nil, errors.New("expected variables.NAME (batches are not supported)")
	}
	var cur any = req.Variables
	for i := 1; ; i++ {
		seg, at, last := segs[i], strings.Join(segs[:i+1], "."), i == len(segs)-1
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[seg]
			switch {
			case !ok && i == 1:
				return nil, fmt.Errorf("operations has no variable %s (give it the value null)", seg)
			case !ok:
				return nil, fmt.Errorf("operations has no %s (give it the value null)", at)
			case last:
				return func(s string) { c[seg] = s }, nil
			}
			cur = v
		case []any:
			n, err := strconv.Atoi(seg)
			switch {
			case err != nil || n < 0 || n >= len(c):
				return nil, fmt.Errorf("%s: %s is a list of %d, with no index %s", at, strings.Join(segs[:i], "."), len(c), seg)
			case last:
				return func(s string) { c[n] = s }, nil
			}
			cur = c[n]
		default:
			return nil, fmt.Errorf("%s: %s is neither an object nor a list", at, strings.Join(segs[:i], "."))
		}
	}
}

// invalidUTF8 returns the offset and line of the first byte of s that is
// not valid UTF-8, and whether there is one.
func invalidUTF8(s string) (off, line int, ok bool) {
	if utf8.ValidString(s) {
		return 0, 0, false
	}
	line = 1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i, line, true
		}
		if r == '\n' {
			line++
		}
		i += n
	}
	return 0, 0, false
}
