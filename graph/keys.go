package graph

import "encoding/binary"

// Key layout. Every key starts with a one-byte tag; ids are fixed-width
// big-endian uint64s, so byte order equals numeric order and a prefix of
// bound ids is a prefix of the key.
//
//	tagMeta   'm' name                      -> value (format version, counters)
//	tagTerm   't' encoded term              -> id     (dictionary, term -> id)
//	tagHash   'h' sha256(encoded term)      -> id     (same, for terms over maxInlineTerm bytes)
//	tagID     'i' id                        -> encoded term (dictionary, id -> term)
//	tagSeg    'g' segment                   -> graph term id + state
//	tagCount  'c' segment kind id           -> int64 (statistics)
//	index     one of the six tags below, then four ids in the index's order
//
// The fourth quad position in index keys holds a segment id, not the graph's
// term id: a segment is one version of one graph's content (see segments.go).
const (
	tagMeta  byte = 'm'
	tagTerm  byte = 't'
	tagHash  byte = 'h'
	tagID    byte = 'i'
	tagSeg   byte = 'g'
	tagCount byte = 'c'
)

// idWidth is the width in bytes of every id in a key.
const idWidth = 8

// maxInlineTerm is the longest encoded term kept verbatim in a dictionary
// key; longer terms (abstracts, long descriptions) are keyed by their hash,
// because badger keys must stay small.
const maxInlineTerm = 256

// Quad positions, used to describe index orders.
const (
	posS = 0
	posP = 1
	posO = 2
	posG = 3
)

// index is one ordering of the quad positions. Every pattern of bound and
// unbound positions is answered by the one index whose leading positions are
// exactly the bound ones. Six orders are the fewest that cover all sixteen
// patterns of four positions (one chain per subset of size two, by Sperner's
// theorem), and these six do:
//
//	pattern (bound)  index  why
//	-                SPOG   full scan
//	s, sp, spo, spog SPOG   a subject's description, one triple
//	p, po, pog       POGS   "all X with predicate p (and value o)"
//	o, og, ogs       OGSP   incoming links to o
//	g, gs, gsp       GSPO   a named graph, or one subject inside it
//	so               OSPG   the predicates that link s to o (paths)
//	pg, gpo          GPOS   one predicate inside a named graph
type index struct {
	tag   byte
	order [4]int // order[i] is the quad position stored at key slot i
	name  string
}

// indexes lists the six indexes. The tags are distinct from the other key
// tags above.
var indexes = [...]index{
	{tag: 0x10, order: [4]int{posS, posP, posO, posG}, name: "SPOG"},
	{tag: 0x11, order: [4]int{posP, posO, posG, posS}, name: "POGS"},
	{tag: 0x12, order: [4]int{posO, posG, posS, posP}, name: "OGSP"},
	{tag: 0x13, order: [4]int{posG, posS, posP, posO}, name: "GSPO"},
	{tag: 0x14, order: [4]int{posO, posS, posP, posG}, name: "OSPG"},
	{tag: 0x15, order: [4]int{posG, posP, posO, posS}, name: "GPOS"},
}

// indexKeyLen is the length of an index key.
const indexKeyLen = 1 + 4*idWidth

// chooseIndex returns the index whose leading positions are exactly the
// bound ones, and how many leading positions are bound.
func chooseIndex(bound [4]bool) (ix *index, n int) {
	for _, b := range bound {
		if b {
			n++
		}
	}
	for i := range indexes {
		ok := true
		for k := 0; k < n; k++ {
			if !bound[indexes[i].order[k]] {
				ok = false
				break
			}
		}
		if ok {
			return &indexes[i], n
		}
	}
	// Unreachable: the six orders cover every pattern (tested).
	return &indexes[0], 0
}

// putID writes id at b[0:idWidth].
func putID(b []byte, id uint64) { binary.BigEndian.PutUint64(b, id) }

// getID reads an id from b[0:idWidth].
func getID(b []byte) uint64 { return binary.BigEndian.Uint64(b) }

// appendIndexKey appends the key of quad q (positions S, P, O, segment) in
// index ix to dst.
func appendIndexKey(dst []byte, ix *index, q [4]uint64) []byte {
	dst = append(dst, ix.tag)
	for _, pos := range ix.order {
		dst = binary.BigEndian.AppendUint64(dst, q[pos])
	}
	return dst
}

// decodeIndexKey returns the quad (S, P, O, segment) stored in key k of
// index ix. k must be an index key of length indexKeyLen.
func decodeIndexKey(ix *index, k []byte) (q [4]uint64) {
	for slot, pos := range ix.order {
		q[pos] = getID(k[1+slot*idWidth:])
	}
	return q
}

// idKey returns the id -> term key of id.
func idKey(id uint64) []byte {
	k := make([]byte, 1+idWidth)
	k[0] = tagID
	putID(k[1:], id)
	return k
}

// segKey returns the key describing segment seg.
func segKey(seg uint64) []byte {
	k := make([]byte, 1+idWidth)
	k[0] = tagSeg
	putID(k[1:], seg)
	return k
}

// Counter kinds, the byte after the segment in a counter key.
const (
	countQuads     byte = 'q' // id 0: quads in the segment
	countSubjects  byte = 's' // id 0: distinct subjects in the segment
	countPredicate byte = 'p' // id: quads with that predicate
	countClass     byte = 'k' // id: subjects typed with that class
	countEdits     byte = 'e' // id 0: small writes that changed the segment in place
)

// counterKey returns the key of a statistics counter.
func counterKey(seg uint64, kind byte, id uint64) []byte {
	k := make([]byte, 0, 2+2*idWidth)
	k = append(k, tagCount)
	k = binary.BigEndian.AppendUint64(k, seg)
	k = append(k, kind)
	return binary.BigEndian.AppendUint64(k, id)
}

// Meta key names.
var (
	metaVersion = []byte{tagMeta, 'v'}
	metaNextID  = []byte{tagMeta, 'i'}
	metaNextSeg = []byte{tagMeta, 's'}
	metaRetired = []byte{tagMeta, 'r'} // term ids retired unused (see retireIDs)
)
