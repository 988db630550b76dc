package graph

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// The dictionary maps terms to ids and back. Ids start at 1 and are never
// reused; 0 means "no term" (and, in the graph position, the default graph).

// termKey returns the term -> id key of an encoded term.
func termKey(enc []byte) []byte {
	if len(enc) <= maxInlineTerm {
		k := make([]byte, 1+len(enc))
		k[0] = tagTerm
		copy(k[1:], enc)
		return k
	}
	h := sha256.Sum256(enc)
	k := make([]byte, 1+len(h))
	k[0] = tagHash
	copy(k[1:], h[:])
	return k
}

// lookupID returns the id of the encoded term enc, or 0 when the dictionary
// has none.
func lookupID(txn *badger.Txn, enc []byte) (uint64, error) {
	item, err := txn.Get(termKey(enc))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var id uint64
	err = item.Value(func(v []byte) error {
		if len(v) != idWidth {
			return fmt.Errorf("graph: malformed dictionary entry %x", v)
		}
		id = getID(v)
		return nil
	})
	return id, err
}

// loadTerm reads term id from the dictionary.
func loadTerm(txn *badger.Txn, id uint64) (Term, error) {
	item, err := txn.Get(idKey(id))
	if err != nil {
		return Term{}, fmt.Errorf("graph: term id %d: %w", id, err)
	}
	var t Term
	err = item.Value(func(v []byte) error {
		var err error
		t, err = decodeTerm(v)
		return err
	})
	return t, err
}

// termCache caches id -> term lookups. It holds two generations of a map
// and drops the older one when the newer is full: bounded memory, no
// per-entry bookkeeping, and recently used terms survive.
type termCache struct {
	max    int
	shards [16]cacheShard
}

// cacheShard is one lock's worth of a termCache.
type cacheShard struct {
	mu       sync.Mutex // guards cur and old
	cur, old map[uint64]Term
}

func newTermCache(size int) *termCache {
	if size <= 0 {
		return nil
	}
	c := &termCache{max: size/len(termCache{}.shards) + 1}
	for i := range c.shards {
		c.shards[i].cur = map[uint64]Term{}
	}
	return c
}

func (c *termCache) get(id uint64) (Term, bool) {
	if c == nil {
		return Term{}, false
	}
	sh := &c.shards[id%uint64(len(c.shards))]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if t, ok := sh.cur[id]; ok {
		return t, true
	}
	if t, ok := sh.old[id]; ok {
		sh.put(id, t, c.max)
		return t, true
	}
	return Term{}, false
}

func (c *termCache) put(id uint64, t Term) {
	if c == nil {
		return
	}
	sh := &c.shards[id%uint64(len(c.shards))]
	sh.mu.Lock()
	sh.put(id, t, c.max)
	sh.mu.Unlock()
}

func (sh *cacheShard) put(id uint64, t Term, max int) {
	if len(sh.cur) >= max {
		sh.old, sh.cur = sh.cur, make(map[uint64]Term, max)
	}
	sh.cur[id] = t
}

// clear empties the cache (after a restore).
func (c *termCache) clear() {
	if c == nil {
		return
	}
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		sh.cur, sh.old = map[uint64]Term{}, nil
		sh.mu.Unlock()
	}
}
