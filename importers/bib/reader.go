package bib

import (
	"errors"
	"fmt"
	"io"

	"civicgraph/graph"
	"civicgraph/importers/citation"
	"civicgraph/rdf/problems"
)

// maxEntrySize bounds the text of one entry (a BibTeX entry or field value
// after @string macros, a RIS record or line, a CSL-JSON item), so that a
// broken or hostile input cannot make the Reader hold all of it in memory
// (or expand macros without end).
const maxEntrySize = 8 << 20

// tooBigExpected is ParseError.Expected for an entry above maxEntrySize.
const tooBigExpected = "an entry of at most 8 MiB"

// decoder reads the entries of one format.
type decoder interface {
	// decode returns the next entry, and io.EOF after the last one. After
	// a *ParseError it goes on with the next entry it can find, or
	// returns io.EOF when the error left nothing it can read; after any
	// other error (a read error) it must not be called again.
	decode() (*entry, error)
	// lineNo is the line the decoder has reached, from 1.
	lineNo() int
	// offset is the number of input bytes the decoder has consumed.
	offset() int64
}

// newDecoder returns the decoder of format, or an error for a format it
// does not know.
func newDecoder(r io.Reader, name string, format Format) (decoder, error) {
	switch format {
	case BibTeX:
		return newBibTeXDecoder(r, name), nil
	case CSLJSON:
		return newCSLDecoder(r, name), nil
	case RIS:
		return newRISDecoder(r, name), nil
	}
	return nil, fmt.Errorf("%w %q: expected %s, %s or %s", ErrUnknownFormat, string(format), BibTeX, CSLJSON, RIS)
}

// Entry is one entry of a bibliography, as [Reader.Next] returns it.
type Entry struct {
	// Citation is the entry as a citation. For an entry that repeats an
	// earlier one it is the earlier citation with the fields it lacked
	// taken from this one (see [Key]), with this entry's Line and Raw.
	Citation citation.Citation
	// Key is [Key] of Citation.
	Key string
	// ID is the entry's own name in the input: the BibTeX citation key, the
	// CSL-JSON id, the RIS ID ("" when it has none), for messages.
	ID string
	// DuplicateOf is, for an entry that repeats an earlier one of the same
	// input, the line of the earlier one; it is 0 otherwise.
	DuplicateOf int
	// Quads are the quads the entry adds, in the default graph: all those
	// of [citation.Citation.Quads] for a new entry, and for a repeat only
	// those its fields added to the earlier entry's (often none).
	Quads []graph.Quad
}

// Reader reads a bibliography in one [Format] and yields the quads of its
// entries, one entry at a time, so that memory does not grow with the
// entries' text. Entries that repeat an earlier one (same [Key]) are
// merged into it rather than written again; for that the Reader keeps a
// copy of each distinct citation, without its Raw text. Bad entries are
// skipped and their errors returned at the end (see [Reader.Next]).
type Reader struct {
	d    decoder
	base string
	err  error // sticky: the error at the end, returned by every later call

	problems problems.List // the syntax errors found so far

	seen    *dedup
	names   *variants // the first spelling of each agent's name
	entries int

	pending []graph.Quad // quads of the current entry Read has not returned
}

// NewReader returns a Reader of the bibliography in r, written in format.
// The name, usually a file name, is put in errors. IRIs are minted under
// base, as [citation.Citation.Quads] does. An unknown format makes the
// first Read return an error that matches [ErrUnknownFormat].
func NewReader(r io.Reader, name string, format Format, base string) *Reader {
	d, err := newDecoder(r, name, format)
	return &Reader{d: d, base: base, err: err, seen: newDedup(), names: newVariants()}
}

// Read returns the next quad, in the default graph (the zero Term): the
// caller puts it in the graph of the source. It returns io.EOF after the
// last one. An entry that is not a bibliography entry is skipped and its
// [*ParseError] kept; at the end of the input Read returns, instead of
// io.EOF, the error that lists them (see [Reader.Next]). A read error ends
// the input at once. The error is returned by every later call too.
//
// Read and [Reader.Next] read the same input: a program uses one of them.
func (r *Reader) Read() (graph.Quad, error) {
	for len(r.pending) == 0 {
		e, err := r.Next()
		if err != nil {
			return graph.Quad{}, err
		}
		r.pending = e.Quads
	}
	q := r.pending[0]
	r.pending = r.pending[1:]
	return q, nil
}

// Next returns the next entry with its quads. An entry that repeats an
// earlier one is returned too, with [Entry.DuplicateOf] set and only the
// quads it adds. Next returns io.EOF after the last entry.
//
// A syntax error does not stop the Reader: it is kept, and reading goes on
// with the next entry (BibTeX: the next '@' entry; RIS: the next TY line;
// CSL-JSON: the next item, unless the error is malformed JSON, after which
// nothing can be read). At the end of the input Next returns, instead of
// io.EOF, the syntax errors: the [*ParseError] itself when there was one,
// and otherwise an error listing the first 100 and counting the rest, that
// errors.As finds the first ParseError in. A read error ends the input at
// once and is returned with the syntax errors found before it. Whatever
// Next returns at the end it returns on every later call.
func (r *Reader) Next() (Entry, error) {
	if r.err != nil {
		return Entry{}, r.err
	}
	var e *entry
	for {
		var err error
		e, err = r.d.decode()
		if err == nil {
			break
		}
		var pe *ParseError
		if errors.Is(err, io.EOF) {
			if r.err = r.problems.Err(); r.err == nil {
				r.err = io.EOF
			}
			return Entry{}, r.err
		}
		r.problems.Add(err)
		if !errors.As(err, &pe) {
			r.err = r.problems.Err()
			return Entry{}, r.err
		}
	}
	r.entries++
	c := e.citation()
	i := r.seen.find(c)
	if i < 0 {
		stored := c
		stored.Raw = ""
		r.seen.list = append(r.seen.list, stored)
		r.seen.index(len(r.seen.list) - 1)
		return Entry{Citation: c, Key: Key(c), ID: e.key, Quads: r.names.fold(c.Quads(r.base, graph.Term{}))}, nil
	}
	prev := r.seen.list[i]
	merged := merge(prev, c)
	r.seen.list[i] = merged
	r.seen.index(i)
	written := map[graph.Quad]bool{}
	for _, q := range prev.Quads(r.base, graph.Term{}) {
		written[q] = true
	}
	var added []graph.Quad
	for _, q := range merged.Quads(r.base, graph.Term{}) {
		if !written[q] {
			written[q] = true
			added = append(added, q)
		}
	}
	out := merged
	out.Line, out.Raw = c.Line, c.Raw
	return Entry{Citation: out, Key: Key(merged), ID: e.key, DuplicateOf: prev.Line, Quads: r.names.fold(added)}, nil
}

// Line returns the line of the input the Reader has reached, counting from
// 1: for a progress report, or to say where an error that is not a
// ParseError happened.
func (r *Reader) Line() int {
	if r.d == nil {
		return 0
	}
	return r.d.lineNo()
}

// BytesRead returns how many bytes of input the Reader has consumed, for a
// progress report against the size of the input.
func (r *Reader) BytesRead() int64 {
	if r.d == nil {
		return 0
	}
	return r.d.offset()
}

// Entries returns how many entries the Reader has read so far, repeats
// included.
func (r *Reader) Entries() int { return r.entries }

// Parse reads every entry of the bibliography in r, written in format, and
// returns one citation per distinct entry, in the order of their first
// appearance, repeats merged as [Reader] merges them. The name, usually a
// file name, is put in errors. Entries with syntax errors are skipped, as
// [Reader.Next] skips them: Parse returns the citations of the other
// entries and the errors, a [*ParseError] when there was one and an error
// listing them when there were more. A read error ends the input.
func Parse(r io.Reader, name string, format Format) ([]citation.Citation, error) {
	d, err := newDecoder(r, name, format)
	if err != nil {
		return nil, err
	}
	seen := newDedup()
	var list problems.List
	for {
		e, err := d.decode()
		if errors.Is(err, io.EOF) {
			return seen.list, list.Err()
		}
		if err != nil {
			list.Add(err)
			var pe *ParseError
			if !errors.As(err, &pe) {
				return seen.list, list.Err()
			}
			continue
		}
		c := e.citation()
		if i := seen.find(c); i >= 0 {
			m := merge(seen.list[i], c)
			m.Raw = seen.list[i].Raw
			seen.list[i] = m
			seen.index(i)
			continue
		}
		seen.list = append(seen.list, c)
		seen.index(len(seen.list) - 1)
	}
}
