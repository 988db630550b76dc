package graph

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
