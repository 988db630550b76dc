package jsonld_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"civicgraph/internal/hostile"
	"civicgraph/internal/rdftest"
	"civicgraph/rdf/jsonld"
)

// graphOf returns a document with context ctx and n node objects made by
// node(i).
func graphOf(ctx string, n int, node func(i int) string) string {
	var b strings.Builder
	b.WriteString(`{"@context":` + ctx + `,"@graph":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(node(i))
	}
	b.WriteString("]}")
	return b.String()
}

// TestReader_memoryBound feeds documents built to make the JSON-LD
// processor use memory out of proportion to their size, and checks that
// reading them allocates at most the stated bound, and that the ones past
// a limit fail with a short error that says which limit.
func TestReader_memoryBound(t *testing.T) {
	long := `"http://ex/` + strings.Repeat("x", 4000) + `/"`
	var manyTerms strings.Builder
	manyTerms.WriteString("{")
	for i := range 3000 {
		if i > 0 {
			manyTerms.WriteByte(',')
		}
		fmt.Fprintf(&manyTerms, `"t%d":"http://ex/t%d"`, i, i)
	}
	manyTerms.WriteString("}")
	var chain strings.Builder // each prefix defined by the one before: the IRIs grow
	chain.WriteString(`{"p0":` + long)
	for i := 1; i < 200; i++ {
		fmt.Fprintf(&chain, `,"p%d":"p%d:%s"`, i, i-1, strings.Repeat("y", 100))
	}
	chain.WriteString("}")

	tests := []struct {
		name      string
		in        string
		maxAlloc  uint64 // bytes
		wantQuads int    // when no error is wanted
		wantFound string // in the error's Found, "" for no error
	}{
		// 842 KB that made the processor allocate 472 MB: a 4 KB
		// prefix used 60,000 times.
		{name: "LongPrefix", in: graphOf(`{"p":`+long+`}`, 20000, func(i int) string {
			return fmt.Sprintf(`{"@id":"p:%d","p:b":{"@id":"p:c%d"}}`, i, i)
		}), maxAlloc: 64 << 20, wantFound: `term "p", 4011 bytes as an IRI`},
		{name: "ChainedPrefixes", in: graphOf(chain.String(), 2000, func(i int) string {
			return fmt.Sprintf(`{"@id":"p199:%d","p199:b":"x"}`, i)
		}), maxAlloc: 64 << 20, wantFound: `term "p199", 23911 bytes as an IRI`},
		// 264 KB that made the processor allocate 645 MB: 3,000
		// embedded contexts, each copying 3,000 term definitions.
		{name: "EmbeddedContexts", in: graphOf(manyTerms.String(), 3000, func(i int) string {
			return fmt.Sprintf(`{"@context":{"z":"http://z/"},"@id":"http://ex/%d","t1":"v"}`, i)
		}), maxAlloc: 64 << 20, wantFound: "3001 contexts and 6000 term definitions"},
		{name: "DeepArrays", in: `{"http://ex/p":` + strings.Repeat("[", 1<<20) + strings.Repeat("]", 1<<20) + "}", maxAlloc: 64 << 20, wantFound: "["},
		{name: "DeepObjects", in: `{"@id":"http://ex/s",` + strings.Repeat(`"http://ex/p":{`, 5000) + strings.Repeat("}", 5000) + "}", maxAlloc: 64 << 20, wantFound: "a nested array or object"},
		{name: "LongTokenInError", in: `{"http://ex/p": "` + strings.Repeat("v", 10<<20) + `" x}`, maxAlloc: 96 << 20, wantFound: "x"},
		// A short prefix used as often: within the limit.
		{name: "ShortPrefix", in: graphOf(`{"p":"http://example.org/a/rather/long/namespace/of/an/ontology#"}`, 20000, func(i int) string {
			return fmt.Sprintf(`{"@id":"p:%d","p:b":{"@id":"p:c%d"}}`, i, i)
		}), maxAlloc: 256 << 20, wantQuads: 20000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var n int
			var err error
			alloc := hostile.AllocDuring(func() {
				qs, e := rdftest.ReadAll(jsonld.NewReader(strings.NewReader(tc.in), "bomb.jsonld"))
				n, err = len(qs), e
			})
			t.Logf("%d bytes of input: %d quads, %.1f MiB allocated, err %.300v", len(tc.in), n, float64(alloc)/(1<<20), err)
			hostile.CheckAlloc(t, len(tc.in), alloc, tc.maxAlloc)
			if tc.wantFound == "" {
				if err != nil || n != tc.wantQuads {
					t.Fatalf("read %d quads, err %.300v; want %d, nil", n, err, tc.wantQuads)
				}
				return
			}
			var pe *jsonld.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("err = %.300v, want a *ParseError", err)
			}
			if !strings.Contains(pe.Found, tc.wantFound) {
				t.Errorf("error found %.200q, want it to contain %q", pe.Found, tc.wantFound)
			}
			if len(err.Error()) > 4*256+100 || len(pe.Found) > 256 {
				t.Errorf("error has %d bytes, Found %d: want short ones: %.300s...", len(err.Error()), len(pe.Found), err)
			}
		})
	}
}
