package graph

import (
	"encoding/binary"
	"slices"
)

// GraphState identifies the content of one graph as a View sees it. Two
// Views of one Store that give a graph equal GraphStates see the same
// quads in it: a load that replaces the graph gives it a new segment, and
// every write that changes a segment in place ([Store.Update], a load's
// appended and deleted quads) moves the segment's edit count on in the
// same transaction. A reader can so keep what it derived from each graph
// (a column of a summary, an index) and redo only the graphs a write
// changed. GraphStates are comparable with ==.
type GraphState struct {
	seg   uint64
	edits int64
}

// GraphStates returns the state of every graph that has a live segment,
// by the graph's term id; the default graph is under id 0.
func (v *View) GraphStates() (map[ID]GraphState, error) {
	out := make(map[ID]GraphState, len(v.segs.byGraph))
	for g, seg := range v.segs.byGraph {
		n, err := readCounter(v.txn, counterKey(seg, countEdits, 0))
		if err != nil {
			return nil, err
		}
		out[g] = GraphState{seg: seg, edits: n}
	}
	return out, nil
}

// Content identifies the quads a View sees, across every graph. Two Views
// of one Store with equal Contents see the same quads even when their
// [Version]s differ: writes that readers cannot see yet (a load writing
// its pending segment through a WriteBatch, the dictionary's new terms
// and their text postings, the background deletion of a dead segment's
// keys) each commit a badger transaction and so move the Version on, but
// leave every [GraphState], and so the Content, as it was. A reader that
// keeps something derived from the quads (a list index, a search index, a
// summary) keys it by Content, so that it goes on using it while a large
// load is written instead of deriving it again at every batch of the
// load. Contents are comparable with ==.
type Content string

// contentMemo is the Content of one Version.
type contentMemo struct {
	ver     Version
	content Content
}

// Content returns the Content v sees: the state of every graph with a
// live segment, in graph id order. The Store remembers the Content of the
// latest Version asked, so that the readers of one version read the
// graphs' states once, not once per request.
func (v *View) Content() (Content, error) {
	ver := v.Version()
	if m := v.s.content.Load(); m != nil && m.ver == ver {
		return m.content, nil
	}
	states, err := v.GraphStates()
	if err != nil {
		return "", err
	}
	ids := make([]ID, 0, len(states))
	for g := range states {
		ids = append(ids, g)
	}
	slices.Sort(ids)
	b := make([]byte, 0, 24*len(ids))
	for _, g := range ids {
		st := states[g]
		b = binary.BigEndian.AppendUint64(b, uint64(g))
		b = binary.BigEndian.AppendUint64(b, st.seg)
		b = binary.BigEndian.AppendUint64(b, uint64(st.edits))
	}
	c := Content(b)
	v.s.content.Store(&contentMemo{ver: ver, content: c})
	return c, nil
}
