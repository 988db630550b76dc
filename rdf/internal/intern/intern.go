// Package intern turns the byte slices a parser reads into strings, reusing
// the string made for the same bytes shortly before: the RDF parsers share
// it.
package intern

import "hash/maphash"

// internSlots is the number of strings the interner keeps: a power of two.
const internSlots = 1 << 12

// maxIntern is the longest string the interner keeps; longer ones rarely
// repeat and would only push out the ones that do.
const maxIntern = 256

// maxInternLexical is the longest literal lexical form the interner keeps.
// Short values (codes, numbers, booleans, keywords) repeat; longer text
// mostly does not, and hashing it would cost more than it saves.
const maxInternLexical = 24

// Interner turns byte slices into strings, reusing the string made last
// time for the same bytes. It is a direct-mapped cache, one string per hash
// slot, so its size is fixed and a lookup costs one hash and one compare.
// Predicates, classes, datatypes, language tags and graph names repeat on
// nearly every line, and sorted dumps repeat subjects, so most terms are
// found here instead of allocated.
type Interner struct {
	seed  maphash.Seed
	slots [internSlots]string
}

// New returns an empty Interner.
func New() *Interner { return &Interner{seed: maphash.MakeSeed()} }

// Get returns string(b), from the cache when it is there.
func (in *Interner) Get(b []byte) string {
	if len(b) > maxIntern {
		return string(b)
	}
	s := &in.slots[maphash.Bytes(in.seed, b)&(internSlots-1)]
	if *s != string(b) {
		*s = string(b)
	}
	return *s
}

// Lexical returns string(b) for a literal's lexical form, from the cache
// only when it is short.
func (in *Interner) Lexical(b []byte) string {
	if len(b) > maxInternLexical {
		return string(b)
	}
	return in.Get(b)
}
