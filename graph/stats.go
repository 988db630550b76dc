package graph

import (
	"cmp"
	"context"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// Stats summarises the store. Most figures come from counters kept current
// on every write, which cost a few reads per graph; the instances of a
// class that several graphs type are counted on the index of rdf:type
// assertions (see View.classInstances), since a subject typed in several
// graphs is one instance.
type Stats struct {
	Quads      int64        // quads in all graphs
	Terms      int64        // terms in the dictionary
	Graphs     []GraphStats // per graph, the default graph first
	Predicates []TermCount  // quads per predicate, most used first
	Classes    []TermCount  // distinct subjects typed with each class, most first
	DiskBytes  int64        // bytes the store's files take on disk (Store.DiskBytes)
}

// GraphStats describes one graph.
type GraphStats struct {
	Graph    Term // zero for the default graph
	Quads    int64
	Subjects int64 // distinct subjects in this graph
}

// TermCount is a term with a count.
type TermCount struct {
	Term  Term
	Count int64
}

// Stats returns the store's statistics.
func (v *View) Stats() (Stats, error) {
	disk, err := v.s.DiskBytes()
	if err != nil {
		return Stats{}, err
	}
	st := Stats{DiskBytes: disk}
	preds := map[uint64]int64{}
	classes := map[uint64]int64{}
	classSegs := map[uint64]int{} // class -> live graphs that type instances with it
	for g, seg := range v.segs.byGraph {
		gs := GraphStats{}
		if gs.Graph, err = v.Resolve(g); err != nil {
			return st, err
		}
		prefix := counterKey(seg, 0, 0)[:1+idWidth]
		it := v.txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, Prefix: prefix})
		for it.Rewind(); it.Valid(); it.Next() {
			k := it.Item().Key()
			if len(k) != 2+2*idWidth {
				continue
			}
			var n int64
			err = it.Item().Value(func(b []byte) error {
				if len(b) == 8 {
					n = int64(getID(b))
				}
				return nil
			})
			if err != nil {
				it.Close()
				return st, err
			}
			id := getID(k[2+idWidth:])
			switch k[1+idWidth] {
			case countQuads:
				gs.Quads = n
			case countSubjects:
				gs.Subjects = n
			case countPredicate:
				preds[id] += n
			case countClass:
				classes[id] += n
				if n > 0 {
					classSegs[id]++
				}
			}
		}
		it.Close()
		if gs.Quads == 0 {
			continue
		}
		st.Quads += gs.Quads
		st.Graphs = append(st.Graphs, gs)
	}
	slices.SortFunc(st.Graphs, func(a, b GraphStats) int { return Compare(a.Graph, b.Graph) })
	// The counters count a class's instances per graph; a subject typed in
	// two graphs (the seed and an import, say) is one instance. A class
	// typed in one graph only needs no more.
	for class, n := range classSegs {
		if n < 2 {
			continue
		}
		if classes[class], err = v.classInstances(class); err != nil {
			return st, err
		}
	}
	if st.Predicates, err = v.termCounts(preds); err != nil {
		return st, err
	}
	if st.Classes, err = v.termCounts(classes); err != nil {
		return st, err
	}
	next, err := getUint64(v.txn, metaNextID)
	if err != nil {
		return st, err
	}
	retired, err := readCounter(v.txn, metaRetired)
	if err != nil {
		return st, err
	}
	st.Terms = int64(next) - 1 - retired
	return st, nil
}

func (v *View) termCounts(m map[uint64]int64) ([]TermCount, error) {
	out := make([]TermCount, 0, len(m))
	for id, n := range m {
		if n == 0 {
			continue
		}
		t, err := v.Resolve(id)
		if err != nil {
			return nil, err
		}
		out = append(out, TermCount{t, n})
	}
	slices.SortFunc(out, func(a, b TermCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return Compare(a.Term, b.Term)
	})
	return out, nil
}

// classInstances counts the distinct subjects that live graphs type with
// class. It reads the POGS keys under (rdf:type, class), in order, with
// no seek: a subject typed in several graphs shows once per graph, so the
// subjects are sorted and counted once each.
func (v *View) classInstances(class uint64) (int64, error) {
	typeID, err := v.Lookup(IRI(RDFType))
	if err != nil || typeID == 0 {
		return 0, err
	}
	ix := &indexes[1]
	prefix := make([]byte, 1+2*idWidth)
	prefix[0] = ix.tag
	putID(prefix[1:], typeID)
	putID(prefix[1+idWidth:], class)
	it := v.txn.NewIterator(badger.IteratorOptions{Prefix: prefix})
	defer it.Close()
	var subjects []uint64
	for it.Rewind(); it.Valid(); it.Next() {
		if len(subjects)&1023 == 0 && v.ctx.Err() != nil {
			return 0, v.ctx.Err()
		}
		q := decodeIndexKey(ix, it.Item().Key())
		if _, live := v.segs.graphOf[q[posG]]; live {
			subjects = append(subjects, q[posS])
		}
	}
	slices.Sort(subjects)
	return int64(len(slices.Compact(subjects))), nil
}

// DistinctSubjects counts the distinct subjects across all graphs. A subject
// in two graphs counts once, so this is not a sum of counters: it walks the
// SPOG index, seeking past each subject once it has found a live quad.
func (v *View) DistinctSubjects() (int64, error) {
	ix := &indexes[0]
	it := v.txn.NewIterator(badger.IteratorOptions{Prefix: []byte{ix.tag}})
	defer it.Close()
	var n int64
	seek := make([]byte, 1+idWidth)
	seek[0] = ix.tag
	for it.Rewind(); it.Valid(); {
		if n&1023 == 0 && v.ctx.Err() != nil {
			return 0, v.ctx.Err()
		}
		k := it.Item().Key()
		q := decodeIndexKey(ix, k)
		if _, live := v.segs.graphOf[q[posG]]; !live {
			it.Next()
			continue
		}
		n++
		if q[posS] == ^uint64(0) {
			break
		}
		putID(seek[1:], q[posS]+1)
		it.Seek(seek)
	}
	return n, nil
}

// Stats returns the store's statistics.
func (s *Store) Stats(ctx context.Context) (st Stats, err error) {
	err = s.View(ctx, func(v *View) error {
		st, err = v.Stats()
		return err
	})
	return st, err
}
