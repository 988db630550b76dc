// Package graph is civicgraph's quad store on badger. It knows nothing of
// the domain or of HTTP: terms, quads, named graphs, indexes, statistics.
//
// # Terms and the dictionary
//
// A [Term] is an IRI, a blank node or a literal (lexical form, datatype IRI,
// language tag), and round-trips exactly. Every term is interned to a fixed
// 8-byte id in a dictionary kept both ways (term -> id, id -> term), so
// index keys are short and joins compare integers. Terms longer than 256
// bytes are keyed by their SHA-256.
//
// # Indexes
//
// A quad is stored as six keys, one per index, each the four ids in the
// index's order. Every one of the sixteen patterns of bound and unbound
// positions is one prefix scan of the index whose leading positions are
// exactly the bound ones (six is the fewest orders that can do this for four
// positions):
//
//	bound positions   index  the question it answers
//	none              SPOG   everything (a dump)
//	s, sp, spo, spog  SPOG   what is said about s; does this triple exist
//	p, po, pog        POGS   everything with predicate p, or with value o ("all missions")
//	o, og, ogs        OGSP   what points at o (incoming links, backlinks)
//	g, gs, gsp        GSPO   a named graph; one subject inside it
//	so                OSPG   how s is linked to o (paths)
//	pg, gpo           GPOS   one predicate inside a named graph
//
// keys.go holds the encoding; TestChooseIndex_CoversAllPatterns checks the
// table.
//
// # Named graphs and atomic replacement
//
// The graph position of an index key holds a segment id, not the graph's
// term id. A segment is one version of one graph's content, and a small
// table maps each graph to its live segment. A [Loader] writes into new
// segments that readers cannot see, then one transaction makes them live and
// the graphs' old segments dead; dead segments are deleted afterwards. So a
// graph is replaced atomically whatever its size, a failed or aborted load
// leaves nothing visible, and a crash in the middle of one leaves segments
// that the next [Open] deletes.
//
// # Writing
//
// [Store.Update] runs a small atomic transaction (add, delete), durable when
// it returns: badger syncs its log on every commit, so an acknowledged write
// survives kill -9 (tested by killing a writer twenty times). One writer at
// a time; any number of readers.
//
// [Store.NewLoader] starts a bulk load. Into an empty store it keeps the
// quads in memory (16 bytes each), streams the id -> term dictionary as
// terms arrive, and at Commit sorts the quads once per index and writes
// sorted tables through badger's StreamWriter. Into a store with data it
// does the same on top of the store's tables when badger allows (its
// memtables empty; see incremental.go), into pending segments that the
// commit makes live; otherwise it writes through a WriteBatch into pending
// segments, then counts them. A marker file lets [Open] delete what an
// interrupted load into a store with data wrote.
//
// # Reading
//
// [Store.View] gives a consistent snapshot: a badger read transaction
// paired with the segment table of the same moment. [View.Match] and
// [View.MatchIDs] iterate lazily (break to stop; the View's context cancels
// the scan, checked every 1024 keys); [View.Count] is exact.
//
// # Statistics
//
// Counters per segment (quads, distinct subjects, quads per predicate,
// subjects per class) are updated in the same transaction as every write
// and computed once per segment by loads, so [View.Stats] reads counters
// instead of scanning. Distinct subjects across graphs is not a sum of
// counters: [View.DistinctSubjects] walks the SPOG index, seeking past each
// subject.
//
// # Text index
//
// Every string literal (plain or language-tagged) is split into words by
// [Words] when it enters the dictionary, and each word keeps a posting list
// of the literals that hold it, with counts for ranking. The postings are
// written by the same commit as the literal, whichever way it is written,
// so the index is always current; [View.Postings] reads them (a word, or
// every word with a prefix) and [View.TextStats] gives the totals ranking
// needs. The index is per literal, not per subject: who uses a literal, and
// through which predicate, comes from the quad indexes, so a search sees
// deletes without an index update. A store written before the index
// existed gets it built when opened. text.go has the key layout.
//
// # Caveats
//
//   - A bulk load into an empty store holds its quads and the dictionary of
//     short terms in memory until Commit (about 40 bytes a triple on the
//     generator's data); long literals are held only as hashes.
//   - Loads replace whole graphs. To add a few quads to a graph, use
//     [Store.Update]; a transaction is bounded by badger's transaction size
//     ([ErrTooBig]).
//   - badger maps its tables into memory, so a load that writes a large
//     store would count the whole store in the process's resident memory.
//     While a load of a million quads or more runs, and when it ends, the
//     store asks the kernel (MADV_PAGEOUT, Linux) to reclaim the mapped
//     pages of its files; reads fault them in again, from disk. Pages that queries touch later stay resident as
//     usual: they are page cache the kernel can reclaim.
//   - badger writes its memtables and tables through mmap, and a disk that
//     fills up under a mapped write kills the process with SIGBUS instead of
//     returning an error. The store therefore checks free space before every
//     write and during loads, and refuses with [ErrNoSpace] while
//     Options.MinFreeBytes would not be left; if something else fills the
//     disk in the middle of a write, SIGBUS can still happen (nothing
//     acknowledged is lost: commits are synced, loads are invisible until
//     they commit).
package graph
