package graph

// Version identifies the state of the store that a [View] sees, so that a
// reader can keep something derived from the store (a sorted list, a
// count) and know for certain whether it still holds: two Views with
// equal Versions see the same quads. Versions are comparable with ==;
// there is no order between them.
//
// A Version is the pair of the View's badger read timestamp and its
// segment table. Every write that readers can see either commits a badger
// transaction, which moves the timestamp on (Store.Update, the commit of
// every load into a store with data, dropping a graph), or replaces the
// segment table (a load into an empty store and a restore, which write
// through badger's StreamWriter and then read the table again). Holding a
// Version keeps its segment table alive, so a later table cannot take the
// same address.
type Version struct {
	ts   uint64
	segs *segTable
}

// Version returns the version of the store v sees.
func (v *View) Version() Version {
	return Version{ts: v.txn.ReadTs(), segs: v.segs}
}
