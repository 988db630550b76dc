package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// The text index maps each word to the literals that contain it. It is kept
// at the level of dictionary terms: a literal is indexed once, when it gets
// its id, by whichever write creates it (a transaction, a bulk load of
// either kind), in the same commit. Which subjects use a literal, and
// through which predicates, is then read from the quad indexes, so deleting
// quads needs no index update: a literal no quad uses any more matches
// nothing. Term ids are handed out once, and the postings of terms that an
// aborted load created are deleted with those terms.
//
// Keys are tagWord, the word, a 0 byte (words hold none), and the first
// literal id of a chunk of postings; the value is the chunk. A transaction
// writes a chunk of one posting per word of each new literal, a load chunks
// of up to chunkPostings. A posting is uvarint(id - previous id; the first
// is 0 after the chunk's first id), uvarint(times the word occurs),
// uvarint(words in the literal).

const tagWord byte = 'w'

// chunkPostings is the most postings a load writes under one key.
const chunkPostings = 1024

// textIndexVersion is the version of the text index a store holds, in
// metaText; a store without it gets the index built when opened.
const textIndexVersion = 1

var (
	metaText      = []byte{tagMeta, 'w'} // text index version
	metaTextDocs  = []byte{tagMeta, 'x'} // literals indexed
	metaTextWords = []byte{tagMeta, 'y'} // words in them
)

// wordKey returns the key of the chunk of word starting at literal id first.
func wordKey(word string, first uint64) []byte {
	k := make([]byte, 0, 2+len(word)+idWidth)
	k = append(k, tagWord)
	k = append(k, word...)
	k = append(k, 0)
	return binary.BigEndian.AppendUint64(k, first)
}

// wordCounts returns the distinct words of text with how often each occurs,
// in first-occurrence order, and the number of words.
func wordCounts(text string, scratch []string) (words []string, counts []int, total int) {
	all := appendWords(scratch[:0], text, nil)
	for _, w := range all {
		if i := slices.Index(words, w); i >= 0 {
			counts[i]++
			continue
		}
		words = append(words, w)
		counts = append(counts, 1)
	}
	return words, counts, len(all)
}

// appendPosting appends one posting to a chunk.
func appendPosting(dst []byte, delta uint64, count, length int) []byte {
	dst = binary.AppendUvarint(dst, delta)
	dst = binary.AppendUvarint(dst, uint64(count))
	return binary.AppendUvarint(dst, uint64(length))
}

// textBuilder gathers the postings of a load's new literals in memory, in
// id order, to write them as chunks at commit.
type textBuilder struct {
	lists   map[string]*postingList
	docs    int64 // literals indexed
	words   int64 // words in them
	buf     []byte
	touched []*postingList // the lists of the literal being added
}

// postingList is one word's chunks; every chunk but the last is full.
type postingList struct {
	chunks []postingChunk
	// count is how often the word occurs in the literal being added
	// (textBuilder.add), 0 between literals.
	count int
}

type postingChunk struct {
	first, last uint64
	n           int
	data        []byte
}

func newTextBuilder() *textBuilder {
	return &textBuilder{lists: map[string]*postingList{}}
}

// add indexes literal t with id; ids must come in increasing order.
func (b *textBuilder) add(id uint64, t Term) {
	if !indexable(t) {
		return
	}
	// Count each word's occurrences in its list, without a string per word
	// (a map lookup by string(bytes) does not allocate), then append one
	// posting to each list touched.
	total := 0
	b.touched = b.touched[:0]
	b.buf = eachWord(t.Value, b.buf, func(w []byte) {
		total++
		pl := b.lists[string(w)]
		if pl == nil {
			pl = &postingList{}
			b.lists[string(w)] = pl
		}
		if pl.count == 0 {
			b.touched = append(b.touched, pl)
		}
		pl.count++
	})
	if total == 0 {
		return
	}
	b.docs++
	b.words += int64(total)
	for _, pl := range b.touched {
		n := len(pl.chunks)
		if n == 0 || pl.chunks[n-1].n == chunkPostings {
			pl.chunks = append(pl.chunks, postingChunk{first: id, last: id})
			n++
		}
		c := &pl.chunks[n-1]
		c.data = appendPosting(c.data, id-c.last, pl.count, total)
		c.last = id
		c.n++
		pl.count = 0
	}
}

// sortedWords returns the builder's words in key order.
func (b *textBuilder) sortedWords() []string {
	ws := make([]string, 0, len(b.lists))
	for w := range b.lists {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	return ws
}

// each calls fn with every chunk's key and value, in key order.
func (b *textBuilder) each(fn func(key, value []byte) error) error {
	for _, w := range b.sortedWords() {
		for _, c := range b.lists[w].chunks {
			if err := fn(wordKey(w, c.first), c.data); err != nil {
				return err
			}
		}
	}
	return nil
}

// addTextCounters adds docs and words to the text counters in txn.
func addTextCounters(txn *badger.Txn, docs, words int64) error {
	if docs == 0 && words == 0 {
		return nil
	}
	for _, kv := range []struct {
		k []byte
		d int64
	}{{metaTextDocs, docs}, {metaTextWords, words}} {
		n, err := readCounter(txn, kv.k)
		if err != nil {
			return err
		}
		if err := txn.Set(kv.k, be64(uint64(n+kv.d))); err != nil {
			return err
		}
	}
	return nil
}

// indexText writes the postings of a literal created by a transaction.
func (t *Txn) indexText(id uint64, term Term) error {
	if !indexable(term) {
		return nil
	}
	words, counts, total := wordCounts(term.Value, nil)
	for i, w := range words {
		if err := t.txn.Set(wordKey(w, id), appendPosting(nil, 0, counts[i], total)); err != nil {
			return err
		}
	}
	if total > 0 {
		t.textDocs++
		t.textWords += int64(total)
	}
	return nil
}

// deleteWordsFrom deletes, in wb, the postings of words at literal ids from
// on: those of terms an aborted load or transaction created.
func deleteWordsFrom(txn *badger.Txn, wb *badger.WriteBatch, words map[string]bool, from uint64) error {
	if len(words) == 0 {
		return nil
	}
	it := txn.NewIterator(badger.IteratorOptions{})
	defer it.Close()
	for w := range words {
		prefix := wordKey(w, 0)[:2+len(w)]
		for it.Seek(wordKey(w, from)); it.ValidForPrefix(prefix); it.Next() {
			if err := wb.Delete(it.Item().KeyCopy(nil)); err != nil {
				return err
			}
		}
	}
	return nil
}

// ensureTextIndex builds the text index of a store written before it
// existed, from the dictionary, and records its version.
func (s *Store) ensureTextIndex(ctx context.Context) error {
	var version uint64
	err := s.db.View(func(txn *badger.Txn) error {
		v, err := getUint64(txn, metaText)
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		version = v
		return err
	})
	if err != nil {
		return fmt.Errorf("graph: read text index version: %w", err)
	}
	if version == textIndexVersion {
		return nil
	}
	if version > textIndexVersion {
		return fmt.Errorf("%w: store %s has a text index of version %d, this build reads %d (a newer civicgraph wrote it; use that one)", ErrFormatVersion, s.dir, version, textIndexVersion)
	}
	s.opts.Logger.Info("building the text index", "dir", s.dir)
	b := newTextBuilder()
	err = s.db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{PrefetchValues: true, Prefix: []byte{tagID}})
		defer it.Close()
		n := 0
		for it.Rewind(); it.Valid(); it.Next() {
			if n++; n&1023 == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			item := it.Item()
			err := item.Value(func(v []byte) error {
				t, err := decodeTerm(v)
				if err == nil {
					b.add(getID(item.Key()[1:]), t)
				}
				return err
			})
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: build text index: %w", err)
	}
	// Chunks left by an earlier, interrupted build are overwritten: a
	// build writes the same keys.
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	if err := b.each(func(k, v []byte) error { return wb.Set(k, v) }); err != nil {
		return fmt.Errorf("graph: build text index: %w", noSpace(err))
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("graph: build text index: %w", noSpace(err))
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		if err := txn.Set(metaTextDocs, be64(uint64(b.docs))); err != nil {
			return err
		}
		if err := txn.Set(metaTextWords, be64(uint64(b.words))); err != nil {
			return err
		}
		return txn.Set(metaText, be64(textIndexVersion))
	})
	if err != nil {
		return fmt.Errorf("graph: build text index: %w", noSpace(err))
	}
	return nil
}

// Posting is one literal that holds a word: how often, and how many words
// the literal has in all.
type Posting struct {
	Literal ID
	Word    string // the word of the index that matched
	Count   int    // occurrences of the word in the literal
	Length  int    // words in the literal
}

// Postings iterates over the literals that hold word, in id order, or with
// prefix set, over those that hold any word starting with word, word by
// word (in byte order); an empty prefix gives every word's. word should be
// one of the results of [Words]. Literals stay in the index when no quad
// uses them any more; match them against quads.
func (v *View) Postings(word string, prefix bool) iter.Seq2[Posting, error] {
	return func(yield func(Posting, error) bool) {
		if word == "" && !prefix {
			return
		}
		start := append([]byte{tagWord}, word...)
		if !prefix {
			start = append(start, 0)
		}
		it := v.iterator(tagWord)
		defer v.release(tagWord, it)
		n := 0
		for it.Seek(start); it.ValidForPrefix(start); it.Next() {
			if n++; n&255 == 0 {
				if err := v.ctx.Err(); err != nil {
					yield(Posting{}, err)
					return
				}
			}
			item := it.Item()
			key := item.Key()
			z := bytes.IndexByte(key, 0)
			if z < 0 || len(key) != z+1+idWidth {
				yield(Posting{}, fmt.Errorf("graph: malformed text index key %q", key))
				return
			}
			w := string(key[1:z])
			id := getID(key[z+1:])
			var ps []Posting
			err := item.Value(func(val []byte) error {
				for len(val) > 0 {
					var x [3]uint64
					for i := range x {
						u, k := binary.Uvarint(val)
						if k <= 0 {
							return fmt.Errorf("graph: malformed postings of %q", w)
						}
						x[i], val = u, val[k:]
					}
					id += x[0]
					ps = append(ps, Posting{Literal: id, Word: w, Count: int(x[1]), Length: int(x[2])})
				}
				return nil
			})
			if err != nil {
				yield(Posting{}, err)
				return
			}
			for _, p := range ps {
				if !yield(p, nil) {
					return
				}
			}
		}
	}
}

// TextStats returns how many literals the text index holds and how many
// words they have in all (for the average length that ranking needs).
func (v *View) TextStats() (literals, words int64, err error) {
	if literals, err = readCounter(v.txn, metaTextDocs); err != nil {
		return 0, 0, err
	}
	if words, err = readCounter(v.txn, metaTextWords); err != nil {
		return 0, 0, err
	}
	return literals, words, nil
}
