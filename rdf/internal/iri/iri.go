// Package iri resolves IRI references against a base IRI, as RFC 3986
// section 5 says: the one resolver the RDF parsers share.
package iri

import (
	"strings"

	"civicgraph/graph"
)

// Ref is an IRI reference split into the five components of RFC 3986
// section 3. Each has a flag, since an empty component and an absent one
// resolve differently ("http://a/b?" keeps its empty query).
type Ref struct {
	scheme    string // "" when absent
	authority string
	path      string
	query     string
	fragment  string
	hasAuth   bool
	hasQuery  bool
	hasFrag   bool
}

// Parse splits s with the regular expression of RFC 3986 appendix B.
func Parse(s string) Ref {
	var u Ref
	if graph.IsAbsoluteIRI(s) {
		i := strings.IndexByte(s, ':')
		u.scheme, s = s[:i], s[i+1:]
	}
	if strings.HasPrefix(s, "//") {
		s = s[2:]
		i := strings.IndexAny(s, "/?#")
		if i < 0 {
			i = len(s)
		}
		u.authority, s, u.hasAuth = s[:i], s[i:], true
	}
	if i := strings.IndexByte(s, '#'); i >= 0 {
		u.fragment, s, u.hasFrag = s[i+1:], s[:i], true
	}
	if i := strings.IndexByte(s, '?'); i >= 0 {
		u.query, s, u.hasQuery = s[i+1:], s[:i], true
	}
	u.path = s
	return u
}

// AppendResolved appends the IRI that ref resolves to against base, by the
// algorithm of RFC 3986 section 5.2.2, and recomposes it as in section 5.3.
// base must have a scheme.
func AppendResolved(dst []byte, base *Ref, ref string) []byte {
	r := Parse(ref)
	var (
		scheme       = base.scheme
		authority    = base.authority
		hasAuth      = base.hasAuth
		query        = r.query
		hasQuery     = r.hasQuery
		path, merged string
		removeDots   = true
	)
	switch {
	case r.scheme != "":
		scheme, authority, hasAuth, path = r.scheme, r.authority, r.hasAuth, r.path
	case r.hasAuth:
		authority, hasAuth, path = r.authority, true, r.path
	case r.path == "":
		path, removeDots = base.path, false
		if !r.hasQuery {
			query, hasQuery = base.query, base.hasQuery
		}
	case r.path[0] == '/':
		path = r.path
	default:
		// Merge (section 5.2.3): the base path up to its last '/', or "/"
		// when the base has an authority and an empty path.
		if base.hasAuth && base.path == "" {
			merged = "/" + r.path
		} else {
			merged = base.path[:strings.LastIndexByte(base.path, '/')+1] + r.path
		}
		path = merged
	}
	dst = append(dst, scheme...)
	dst = append(dst, ':')
	if hasAuth {
		dst = append(dst, "//"...)
		dst = append(dst, authority...)
	}
	if removeDots {
		dst = appendRemoveDots(dst, path)
	} else {
		dst = append(dst, path...)
	}
	if hasQuery {
		dst = append(dst, '?')
		dst = append(dst, query...)
	}
	if r.hasFrag {
		dst = append(dst, '#')
		dst = append(dst, r.fragment...)
	}
	return dst
}

// appendRemoveDots appends path without its "." and ".." segments, by the
// algorithm of RFC 3986 section 5.2.4; dst's existing bytes are never
// removed.
func appendRemoveDots(dst []byte, in string) []byte {
	start := len(dst)
	dropLast := func() {
		i := len(dst) - 1
		for i >= start && dst[i] != '/' {
			i--
		}
		dst = dst[:max(i, start)]
	}
	for in != "" {
		switch {
		case strings.HasPrefix(in, "../"):
			in = in[3:]
		case strings.HasPrefix(in, "./"):
			in = in[2:]
		case strings.HasPrefix(in, "/./"):
			in = in[2:]
		case in == "/.":
			in = "/"
		case strings.HasPrefix(in, "/../"):
			in = in[3:]
			dropLast()
		case in == "/..":
			in = "/"
			dropLast()
		case in == "." || in == "..":
			in = ""
		default:
			i := 0
			if in[0] == '/' {
				i = 1
			}
			j := strings.IndexByte(in[i:], '/')
			if j < 0 {
				j = len(in)
			} else {
				j += i
			}
			dst = append(dst, in[:j]...)
			in = in[j:]
		}
	}
	return dst
}
