package rdf

import (
	"strconv"
	"strings"
)

// Negotiate picks, among offers, the format an HTTP Accept header asks for
// most: the highest q-value; on equal q-values, the offer named by a more
// specific media range (text/turtle over text/* over */*); then the
// earlier offer. For each offer the most specific range that matches it
// gives its q-value, so "*/*, text/turtle;q=0" refuses Turtle. Media type parameters other than q are ignored. An empty header
// accepts anything (the first offer). It reports false when the header
// accepts none of offers (or offers is empty); HTTP's answer is then 406.
func Negotiate(accept string, offers []Format) (Format, bool) {
	if len(offers) == 0 {
		return Format{}, false
	}
	if strings.TrimSpace(accept) == "" {
		return offers[0], true
	}
	ranges := parseAccept(accept)
	best, bestQ, bestSpec := -1, 0.0, -1
	for i, f := range offers {
		q := 0.0
		spec := -1
		for _, r := range ranges {
			for _, mt := range f.MediaTypes {
				if s := r.match(mt); s > spec {
					spec, q = s, r.q
				}
			}
		}
		if spec >= 0 && q > 0 && (q > bestQ || q == bestQ && spec > bestSpec) {
			best, bestQ, bestSpec = i, q, spec
		}
	}
	if best < 0 {
		return Format{}, false
	}
	return offers[best], true
}

// mediaRange is one element of an Accept header.
type mediaRange struct {
	typ, sub string
	q        float64
}

// match returns how specifically r matches the media type mt: 2 exactly,
// 1 by type/*, 0 by */*, and -1 when it does not.
func (r mediaRange) match(mt string) int {
	typ, sub, _ := strings.Cut(mt, "/")
	switch {
	case r.typ == "*" && r.sub == "*":
		return 0
	case r.typ == typ && r.sub == "*":
		return 1
	case r.typ == typ && r.sub == sub:
		return 2
	}
	return -1
}

// parseAccept splits an Accept header into media ranges, lower-cased,
// with their q-values (1 when absent, 0 when unreadable).
func parseAccept(accept string) []mediaRange {
	var out []mediaRange
	for part := range strings.SplitSeq(accept, ",") {
		fields := strings.Split(part, ";")
		typ, sub, ok := strings.Cut(strings.ToLower(strings.TrimSpace(fields[0])), "/")
		if !ok || typ == "" || sub == "" {
			continue
		}
		r := mediaRange{typ: typ, sub: sub, q: 1}
		for _, p := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || q < 0 || q > 1 {
					q = 0
				}
				r.q = q
			}
		}
		out = append(out, r)
	}
	return out
}
