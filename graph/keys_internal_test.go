package graph

import (
	"bytes"
	"testing"
)

func TestChooseIndex_CoversAllPatterns(t *testing.T) {
	for mask := 0; mask < 16; mask++ {
		var bound [4]bool
		for pos := 0; pos < 4; pos++ {
			bound[pos] = mask&(1<<pos) != 0
		}
		ix, n := chooseIndex(bound)
		want := 0
		for _, b := range bound {
			if b {
				want++
			}
		}
		if n != want {
			t.Errorf("pattern %04b: %d bound positions, want %d", mask, n, want)
		}
		for k := 0; k < n; k++ {
			if !bound[ix.order[k]] {
				t.Errorf("pattern %04b: index %s slot %d holds an unbound position", mask, ix.name, k)
			}
		}
	}
}

func TestIndexKey_RoundTrip(t *testing.T) {
	q := [4]uint64{1, 1 << 40, 0xdeadbeef, 7}
	for i := range indexes {
		k := appendIndexKey(nil, &indexes[i], q)
		if len(k) != indexKeyLen {
			t.Fatalf("%s key has %d bytes, want %d", indexes[i].name, len(k), indexKeyLen)
		}
		if got := decodeIndexKey(&indexes[i], k); got != q {
			t.Errorf("%s: decode(encode(%v)) = %v", indexes[i].name, q, got)
		}
	}
}

func TestIndexKey_OrderMatchesIDOrder(t *testing.T) {
	a := appendIndexKey(nil, &indexes[0], [4]uint64{1, 2, 255, 1})
	b := appendIndexKey(nil, &indexes[0], [4]uint64{1, 2, 256, 1})
	if bytes.Compare(a, b) >= 0 {
		t.Errorf("key order disagrees with id order: %x >= %x", a, b)
	}
}

func TestTermEncoding_RoundTrip(t *testing.T) {
	tests := []Term{
		IRI("http://example.org/a"),
		IRI(""),
		Blank("b0"),
		String(""),
		String("plain"),
		Literal("42", "http://www.w3.org/2001/XMLSchema#integer"),
		LangLiteral("bonjour", "fr-BE"),
		String("with\x00nul and \"quotes\" and é and 😀"),
		String(string(bytes.Repeat([]byte("long "), 200))),
	}
	for _, tc := range tests {
		got, err := decodeTerm(encodeTerm(nil, tc))
		if err != nil || got != tc {
			t.Errorf("decode(encode(%#v)) = %#v, %v", tc, got, err)
		}
	}
}

func TestDecodeTerm_Malformed(t *testing.T) {
	for _, b := range [][]byte{nil, {0}, {9, 'a'}, {byte(KindLiteral)}, {byte(KindLiteral), 5, 'a'}, {byte(KindLiteral), 1, 'a', 9}} {
		if _, err := decodeTerm(b); err == nil {
			t.Errorf("decodeTerm(%x) succeeded, want error", b)
		}
	}
}

func FuzzTermEncoding(f *testing.F) {
	f.Add(uint8(1), "http://example.org/", "", "")
	f.Add(uint8(3), "x", "http://www.w3.org/2001/XMLSchema#integer", "")
	f.Add(uint8(3), "x", "", "en")
	f.Add(uint8(2), "b1", "", "")
	f.Fuzz(func(t *testing.T, kind uint8, value, datatype, lang string) {
		term := Term{Kind: TermKind(kind%3 + 1), Value: value}
		if term.Kind == KindLiteral {
			term.Datatype, term.Lang = datatype, lang
		}
		enc := encodeTerm(nil, term)
		got, err := decodeTerm(enc)
		if err != nil || got != term {
			t.Fatalf("decode(encode(%#v)) = %#v, %v", term, got, err)
		}
		// Distinct terms have distinct keys.
		other := term
		other.Value += "x"
		if bytes.Equal(termKey(enc), termKey(encodeTerm(nil, other))) {
			t.Fatalf("terms %#v and %#v share a dictionary key", term, other)
		}
	})
}

func FuzzDecodeTerm(f *testing.F) {
	f.Add(encodeTerm(nil, LangLiteral("a", "en")))
	f.Add([]byte{3, 0xff})
	f.Fuzz(func(t *testing.T, b []byte) {
		term, err := decodeTerm(b)
		if err != nil {
			return
		}
		if again := encodeTerm(nil, term); !bytes.Equal(again, b) {
			t.Fatalf("decode(%x) = %#v re-encodes as %x", b, term, again)
		}
	})
}

func FuzzIndexKey(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint64(3), uint64(4))
	f.Fuzz(func(t *testing.T, s, p, o, g uint64) {
		q := [4]uint64{s, p, o, g}
		for i := range indexes {
			if got := decodeIndexKey(&indexes[i], appendIndexKey(nil, &indexes[i], q)); got != q {
				t.Fatalf("%s: round trip of %v gave %v", indexes[i].name, q, got)
			}
		}
	})
}
