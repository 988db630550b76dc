package compare

import "civicgraph/graph"

// posIndex gives the position of each id of a sorted list of distinct
// ids. When the ids are dense enough in their range (as the ids of one
// class's instances, interned as a load met them, mostly are) it is a
// table over the range, read with one subtraction; otherwise a map. At
// half a million engagements the table is several times faster than the
// map, whose lookups were most of a summary's build.
type posIndex struct {
	base  graph.ID
	table []int32 // position+1 of id base+i, 0 for none; nil: use m
	m     map[graph.ID]int32
}

// maxSpread is how many table entries per id the table may spend.
const maxSpread = 16

func newPosIndex(ids []graph.ID) posIndex {
	if len(ids) == 0 {
		return posIndex{}
	}
	span := uint64(ids[len(ids)-1]-ids[0]) + 1
	if span > uint64(len(ids))*maxSpread+4096 {
		m := make(map[graph.ID]int32, len(ids))
		for i, id := range ids {
			m[id] = int32(i)
		}
		return posIndex{m: m}
	}
	x := posIndex{base: ids[0], table: make([]int32, span)}
	for i, id := range ids {
		x.table[id-x.base] = int32(i) + 1
	}
	return x
}

// get returns the position of id, and whether the list holds it.
func (x posIndex) get(id graph.ID) (int32, bool) {
	if x.table == nil {
		p, ok := x.m[id]
		return p, ok
	}
	if id < x.base || uint64(id-x.base) >= uint64(len(x.table)) {
		return 0, false
	}
	p := x.table[id-x.base]
	return p - 1, p != 0
}
