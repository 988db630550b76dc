package graph

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"Peña-López: Data, “Open”", []string{"pena", "lopez", "data", "open"}},
		{"AI in the public sector (2023)", []string{"ai", "in", "the", "public", "sector", "2023"}},
		{"a b c x1", []string{"x1"}},
		{"Straße Œuvre", []string{"strasse", "oeuvre"}},
		{"Ж Москва", []string{"ж", "москва"}},
		{"e\u0301te\u0301", []string{"ete"}},
		{"data data DATA", []string{"data", "data", "data"}},
		{strings.Repeat("x", 70), []string{strings.Repeat("x", 64)}},
		{strings.Repeat("ж", 40), []string{strings.Repeat("ж", 32)}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Peña-López", "ж x", "\xff\xfe", strings.Repeat("é", 40), "a1 b2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws := Words(s)
		for _, w := range ws {
			if w == "" || len(w) > maxWordBytes || !utf8.ValidString(w) || strings.ContainsRune(w, 0) {
				t.Fatalf("Words(%q) has bad word %q", s, w)
			}
		}
		// Splitting the words again gives the same words.
		if again := Words(strings.Join(ws, " ")); !slices.Equal(again, ws) {
			t.Fatalf("Words(Words(%q)) = %q, want %q", s, again, ws)
		}
	})
}

// postingsOf returns the literals holding word, as their text.
func postingsOf(t *testing.T, s *Store, word string, prefix bool) []string {
	t.Helper()
	var out []string
	err := s.View(context.Background(), func(v *View) error {
		for p, err := range v.Postings(word, prefix) {
			if err != nil {
				return err
			}
			lit, err := v.Resolve(p.Literal)
			if err != nil {
				return err
			}
			out = append(out, fmt.Sprintf("%s:%s×%d/%d", p.Word, lit.Value, p.Count, p.Length))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

func textStats(t *testing.T, s *Store) [2]int64 {
	t.Helper()
	var st [2]int64
	err := s.View(context.Background(), func(v *View) error {
		var err error
		st[0], st[1], err = v.TextStats()
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// TestTextIndex_EveryWritePath writes the same literals through each way
// of writing and checks the postings and counters.
func TestTextIndex_EveryWritePath(t *testing.T) {
	ex := func(s string) Term { return IRI("http://example.org/" + s) }
	quads := []Quad{
		{S: ex("a"), P: ex("label"), O: LangLiteral("Public data, open data", "en")},
		{S: ex("b"), P: ex("label"), O: String("Publicly procured AI")},
		{S: ex("b"), P: ex("date"), O: Literal("2024", "http://www.w3.org/2001/XMLSchema#gYear")},
		{S: ex("c"), P: ex("label"), O: String("Dades públiques"), G: ex("g")},
	}
	wantData := []string{"data:Public data, open data×2/4"}
	wantPubl := []string{
		"public:Public data, open data×1/4",
		"publicly:Publicly procured AI×1/3",
		"publiques:Dades públiques×1/2",
	}
	wantStats := [2]int64{3, 9}
	writers := map[string]func(s *Store) error{
		"transaction": func(s *Store) error {
			return s.Update(context.Background(), func(tx *Txn) error {
				for _, q := range quads {
					if err := tx.Add(q); err != nil {
						return err
					}
				}
				return nil
			})
		},
		"stream load": func(s *Store) error { return load(s, quads) },
		"batch load": func(s *Store) error {
			// A first write makes the store non-empty, so the load batches.
			if err := s.Update(context.Background(), func(tx *Txn) error {
				return tx.Add(Quad{S: ex("z"), P: ex("p"), O: ex("o")})
			}); err != nil {
				return err
			}
			return load(s, quads)
		},
	}
	for _, name := range slices.Sorted(maps.Keys(writers)) {
		t.Run(name, func(t *testing.T) {
			s, err := Open(t.TempDir(), Options{GCInterval: -1})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if err := writers[name](s); err != nil {
				t.Fatal(err)
			}
			if got := postingsOf(t, s, "data", false); !slices.Equal(got, wantData) {
				t.Errorf("postings of data = %q, want %q", got, wantData)
			}
			if got := postingsOf(t, s, "publ", true); !slices.Equal(got, wantPubl) {
				t.Errorf("postings of publ* = %q, want %q", got, wantPubl)
			}
			if got := postingsOf(t, s, "publ", false); got != nil {
				t.Errorf("postings of publ (whole word) = %q, want none", got)
			}
			// The empty prefix gives every posting: 9 words in 3 literals,
			// "data" twice in one literal counted once.
			if got := postingsOf(t, s, "", true); len(got) != 8 || !slices.Contains(got, wantData[0]) || !slices.Contains(got, wantPubl[2]) {
				t.Errorf("every posting = %q, want the 8 of the 3 literals", got)
			}
			if got := postingsOf(t, s, "", false); got != nil {
				t.Errorf("postings of the empty word = %q, want none", got)
			}
			if got := postingsOf(t, s, "2024", false); got != nil {
				t.Errorf("a gYear literal was indexed: %q", got)
			}
			if got := textStats(t, s); got != wantStats {
				t.Errorf("TextStats = %v, want %v", got, wantStats)
			}
		})
	}
}

func load(s *Store, quads []Quad) error {
	l, err := s.NewLoader(context.Background())
	if err != nil {
		return err
	}
	for _, q := range quads {
		if err := l.Add(q); err != nil {
			l.Abort()
			return err
		}
	}
	_, err = l.Commit()
	return err
}

// TestTextIndex_AbortedLoadLeavesNoPostings checks that the postings of an
// aborted load go with its terms, so the ids they name, handed out again,
// do not match words they do not hold.
func TestTextIndex_AbortedLoadLeavesNoPostings(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ex := func(s string) Term { return IRI("http://example.org/" + s) }
	if err := s.Update(ctx, func(tx *Txn) error {
		return tx.Add(Quad{S: ex("a"), P: ex("label"), O: String("kept words")})
	}); err != nil {
		t.Fatal(err)
	}
	before := textStats(t, s)
	l, err := s.NewLoader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3000 { // more than a chunk
		if err := l.Add(Quad{S: ex(fmt.Sprint(i)), P: ex("label"), O: String(fmt.Sprintf("ephemeral %d", i))}); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Abort(); err != nil {
		t.Fatal(err)
	}
	if got := postingsOf(t, s, "ephemeral", false); got != nil {
		t.Errorf("aborted load left %d postings of ephemeral", len(got))
	}
	// The ids of the aborted terms are handed out again.
	if err := s.Update(ctx, func(tx *Txn) error {
		return tx.Add(Quad{S: ex("b"), P: ex("label"), O: String("later words")})
	}); err != nil {
		t.Fatal(err)
	}
	if got, want := postingsOf(t, s, "words", false), []string{"words:kept words×1/2", "words:later words×1/2"}; !slices.Equal(got, want) {
		t.Errorf("postings of words = %q, want %q", got, want)
	}
	if got := textStats(t, s); got != [2]int64{before[0] + 1, before[1] + 2} {
		t.Errorf("TextStats = %v, want %v plus one literal of two words", got, before)
	}
}

// TestTextIndex_BuiltForOlderStores removes the index, as a store written
// before it existed lacks it, and checks that Open builds it again with
// the same content.
func TestTextIndex_BuiltForOlderStores(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	ex := func(s string) Term { return IRI("http://example.org/" + s) }
	var quads []Quad
	for i := range 2500 {
		quads = append(quads, Quad{S: ex(fmt.Sprint(i)), P: ex("label"), O: String(fmt.Sprintf("item %d of the register", i%7))})
	}
	if err := load(s, quads); err != nil {
		t.Fatal(err)
	}
	want := postingsOf(t, s, "register", false)
	wantStats := textStats(t, s)
	if len(want) != 7 || wantStats != [2]int64{7, 28} {
		t.Fatalf("before: %d postings of register, stats %v; want 7 and [7 28]", len(want), wantStats)
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{tagWord}})
		var keys [][]byte
		for it.Rewind(); it.Valid(); it.Next() {
			keys = append(keys, it.Item().KeyCopy(nil))
		}
		it.Close()
		for _, k := range append(keys, metaText, metaTextDocs, metaTextWords) {
			if err := txn.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := postingsOf(t, s, "register", false); got != nil {
		t.Fatalf("postings survived deletion: %q", got)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(dir, Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := postingsOf(t, s, "register", false); !slices.Equal(got, want) {
		t.Errorf("rebuilt postings = %q, want %q", got, want)
	}
	if got := textStats(t, s); got != wantStats {
		t.Errorf("rebuilt TextStats = %v, want %v", got, wantStats)
	}
	// A store that says its index is of a later version is refused.
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Set(metaText, be64(textIndexVersion+1)) }); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(dir, Options{GCInterval: -1}); !errors.Is(err, ErrFormatVersion) {
		t.Errorf("Open with a later text index version = %v, want ErrFormatVersion", err)
	}
}
