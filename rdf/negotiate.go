package rdf

import (
	"strconv"
	"strings"
)

// Negotiate picks, among offers, the format an HTTP Accept header asks for
// most, considering every media type of each format (its aliases too); the
// rules are those of [NegotiateType]. It reports false when the header
// accepts none of offers (or offers is empty); HTTP's answer is then 406.
func Negotiate(accept string, offers []Format) (Format, bool) {
	i, ok := pick(accept, len(offers), func(i int) []string { return offers[i].MediaTypes })
	if !ok {
		return Format{}, false
	}
	return offers[i], true
}

// NegotiateType picks, among offered media types (an RDF syntax's or any
// other, such as text/html for a page), the one an HTTP Accept header asks
// for most: the highest q-value; on equal q-values, the offer named by a
// more specific media range (text/turtle over text/* over */*); then the
// earlier offer. For each offer the most specific range that matches it
// gives its q-value, so "*/*, text/turtle;q=0" refuses Turtle. Media type
// parameters other than q are ignored, and an element whose q is not a
// number from 0 to 1 is dropped. An empty header, or one with no
// readable element, accepts anything (the first offer). It reports false
// when the header accepts none of offered.
func NegotiateType(accept string, offered []string) (string, bool) {
	i, ok := pick(accept, len(offered), func(i int) []string { return offered[i : i+1] })
	if !ok {
		return "", false
	}
	return offered[i], true
}

// pick returns the index of the offer, among n whose media types typesOf
// gives, that accept prefers.
func pick(accept string, n int, typesOf func(i int) []string) (int, bool) {
	if n == 0 {
		return 0, false
	}
	ranges := parseAccept(accept)
	if len(ranges) == 0 {
		return 0, true
	}
	best, bestQ, bestSpec := -1, 0.0, -1
	for i := range n {
		q, spec := 0.0, -1
		for _, r := range ranges {
			for _, mt := range typesOf(i) {
				if s := r.match(strings.ToLower(mt)); s > spec {
					spec, q = s, r.q
				}
			}
		}
		if spec >= 0 && q > 0 && (q > bestQ || q == bestQ && spec > bestSpec) {
			best, bestQ, bestSpec = i, q, spec
		}
	}
	return best, best >= 0
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

// parseAccept splits an Accept header (RFC 9110, section 12.5.1) into
// media ranges, lower-cased, with their q-values (1 when absent). An
// element that is not type/subtype, or whose q is not a number from 0 to
// 1, is dropped: clients' headers are often sloppy.
func parseAccept(accept string) []mediaRange {
	var out []mediaRange
	for part := range strings.SplitSeq(accept, ",") {
		fields := strings.Split(part, ";")
		typ, sub, ok := strings.Cut(strings.ToLower(strings.TrimSpace(fields[0])), "/")
		if !ok || typ == "" || sub == "" || typ == "*" && sub != "*" {
			continue
		}
		r := mediaRange{typ: typ, sub: sub, q: 1}
		for _, p := range fields[1:] {
			k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || q < 0 || q > 1 {
					ok = false
				}
				r.q = q
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}
