package ocds

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// unit is one contracting process as the input gives it: the embedded
// releases of one ocid found next to each other, or a record. It is mapped
// when it is complete.
type unit struct {
	ocid     string
	at       *loc       // the first release or the record, for errors
	rels     []*release // embedded releases, in input order
	raws     [][]byte   // their JSON, for merging
	compiled *release   // a record's compiled release
	linkedAt *loc       // the first linked release, for errors
	ev       evidence
}

// content returns the release to map: the compiled release when there is
// one, the only release, or the releases merged.
func (u *unit) content() (*release, *fieldError) {
	switch {
	case u.compiled != nil:
		return u.compiled, nil
	case len(u.rels) == 1:
		return u.rels[0], nil
	case len(u.rels) == 0:
		return nil, &fieldError{path: "ocid", found: "only linked releases (url, no ocid)",
			expected: "an embedded release with an ocid, or a record with a compiledRelease"}
	}
	return mergeReleases(u.rels, u.raws)
}

// mergeReleases compiles releases of one contracting process the way
// OCDS merging does: in order of date (undated first, then input order),
// later values override earlier ones field by field; objects merge
// recursively; arrays of objects that all have an id merge item by item
// on the id; other arrays are replaced whole; null removes a field.
func mergeReleases(rels []*release, raws [][]byte) (*release, *fieldError) {
	order := make([]int, len(rels))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return rels[a].date.t.Compare(rels[b].date.t)
	})
	merged := map[string]any{}
	for _, i := range order {
		dec := json.NewDecoder(bytes.NewReader(raws[i]))
		dec.UseNumber()
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			return nil, &fieldError{found: err.Error(), expected: "releases that can be merged"}
		}
		mergeObject(merged, m)
	}
	b, err := json.Marshal(merged)
	if err != nil {
		return nil, &fieldError{found: err.Error(), expected: "releases that can be merged"}
	}
	rel := new(release)
	if err := json.Unmarshal(b, rel); err != nil {
		return nil, &fieldError{found: err.Error(), expected: "releases that merge into a valid release"}
	}
	if fe := rel.check(); fe != nil {
		return nil, fe
	}
	return rel, nil
}

// mergeObject merges src into dst.
func mergeObject(dst, src map[string]any) {
	for k, v := range src {
		switch sv := v.(type) {
		case nil:
			delete(dst, k)
		case map[string]any:
			if dv, ok := dst[k].(map[string]any); ok {
				mergeObject(dv, sv)
			} else {
				dst[k] = sv
			}
		case []any:
			if dv, ok := dst[k].([]any); ok && identified(sv) && identified(dv) {
				dst[k] = mergeByID(dv, sv)
			} else {
				dst[k] = sv
			}
		default:
			dst[k] = v
		}
	}
}

// identified reports whether every item of list is an object with an id.
func identified(list []any) bool {
	for _, it := range list {
		m, ok := it.(map[string]any)
		if !ok || m["id"] == nil {
			return false
		}
	}
	return true
}

// mergeByID merges the items of src into those of dst with the same id,
// and appends the others.
func mergeByID(dst, src []any) []any {
	pos := map[string]int{}
	for i, it := range dst {
		pos[fmt.Sprint(it.(map[string]any)["id"])] = i
	}
	for _, it := range src {
		m := it.(map[string]any)
		id := fmt.Sprint(m["id"])
		if i, ok := pos[id]; ok {
			mergeObject(dst[i].(map[string]any), m)
			continue
		}
		pos[id] = len(dst)
		dst = append(dst, m)
	}
	return dst
}
