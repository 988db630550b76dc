package bib_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"civicgraph/importers/bib"
	"civicgraph/schema"
)

// fuzzSeeds adds the golden inputs of one extension and the given
// snippets to the corpus.
func fuzzSeeds(f *testing.F, ext string, snippets ...string) {
	files, err := filepath.Glob(filepath.Join("testdata", "TestParse_Golden", "*"+ext))
	if err != nil || len(files) == 0 {
		f.Fatalf("no %s seeds in testdata/TestParse_Golden: %v", ext, err)
	}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range snippets {
		f.Add(s)
	}
}

// fuzzRead reads in to the end and checks the properties every format
// shares: no panic; the error at the end lists ParseErrors pointing inside
// the input, in order, each with an expectation (with nothing but an
// in-memory reader, never an I/O error), at most 100 of them; every quad is well formed and in the default graph; Entries,
// Line and BytesRead stay within the input; and Parse agrees with the
// Reader.
func fuzzRead(t *testing.T, in string, format bib.Format) {
	r := bib.NewReader(strings.NewReader(in), "fuzz", format, schema.DefaultBase)
	lines := strings.Count(in, "\n") + strings.Count(in, "\r") + 1
	n := 0
	var err error
	for {
		var e bib.Entry
		e, err = r.Next()
		if err != nil {
			break
		}
		n++
		for _, q := range e.Quads {
			if verr := q.Validate(); verr != nil || !q.G.IsZero() {
				t.Fatalf("entry %d: quad %s: %v", n, q, verr)
			}
		}
		if e.Citation.Line < 1 || e.Citation.Line > lines {
			t.Fatalf("entry %d: Line %d outside the input's %d lines", n, e.Citation.Line, lines)
		}
		if e.Citation.Type == "" {
			t.Fatalf("entry %d has no type", n)
		}
	}
	if !errors.Is(err, io.EOF) {
		pes, total := parseErrors(t, err)
		if len(pes) == 0 || len(pes) > 100 || total < len(pes) {
			t.Fatalf("error lists %d of %d problems", len(pes), total)
		}
		for i, pe := range pes {
			if pe.Line < 1 || pe.Line > lines || pe.Col < 1 || pe.Expected == "" || pe.Found == "" || pe.File != "fuzz" {
				t.Fatalf("ParseError %+v has no position inside the input, or no expectation", pe)
			}
			if i > 0 && (pe.Line < pes[i-1].Line || pe.Line == pes[i-1].Line && pe.Col <= pes[i-1].Col) {
				t.Fatalf("ParseError %d at %d:%d is not after the one before, at %d:%d", i, pe.Line, pe.Col, pes[i-1].Line, pes[i-1].Col)
			}
		}
		if _, err2 := r.Next(); err2 != err {
			t.Fatalf("Next after an error = %v, want the same error", err2)
		}
	}
	if r.Entries() != n || r.Line() < 0 || r.Line() > lines || r.BytesRead() < 0 || r.BytesRead() > int64(len(in)) {
		t.Fatalf("Entries %d (read %d), Line %d (of %d), BytesRead %d (of %d)", r.Entries(), n, r.Line(), lines, r.BytesRead(), len(in))
	}
	cs, perr := bib.Parse(strings.NewReader(in), "fuzz", format)
	if (perr == nil) != errors.Is(err, io.EOF) || len(cs) > n {
		t.Fatalf("Parse gave %d citations and %v; the Reader %d entries and %v", len(cs), perr, n, err)
	}
}

func FuzzBibTeX(f *testing.F) {
	fuzzSeeds(f, ".bib",
		"", "@", "@{", "@article", "@article{", "@article{x", "@article{x,", "@article{x, title", "@article{x, title =",
		"@article{x, title = {", "@article{x, title = \"", "@article{x, title = a # b}", "@string{a = {b}} @book{x, t = a}",
		"@comment{", "@preamble{\"x\"", "@book(x, t = {a})", "@book{x, author = {a and {b} and , and others}}",
		"@book{x, title = {\\'{\\i}\\c \\v{}\\\\ $^_$ -- ``''}}", "@book{x, year = {2019a}, date = {2019-02-31}}",
		"@book{x, doi = {https://doi.org/10.1000/%zz}, url = {www.}}", "x@y.z\n@misc{k, howpublished = {\\url{http://a}}}",
	)
	f.Fuzz(func(t *testing.T, in string) { fuzzRead(t, in, bib.BibTeX) })
}

func FuzzRIS(f *testing.F) {
	fuzzSeeds(f, ".ris",
		"", "TY  -", "TY  - JOUR", "TY  - JOUR\nER  -", "TY  - JOUR\r\nAU  - a, b, c, d\r\nER  - ", "AU  - x",
		"TY  - JOUR\nTY  - BOOK", "TY  - CHAP\nPY  - 2019///\nDA  - 2019/02/30\nSP  - 1\nEP  - 2\nER  - ",
		"\ufeffTY  - X\n\n  cont\nER  - \n", "TY  - JOUR\nTI  - \xff\nER  - ",
	)
	f.Fuzz(func(t *testing.T, in string) { fuzzRead(t, in, bib.RIS) })
}

func FuzzCSLJSON(f *testing.F) {
	fuzzSeeds(f, ".json",
		"", "[", "[]", "{}", "[{}]", `[{"type": "book"}]`, `{"type": "book"}`, `[{"type": 1}]`, `[1, 2]`, `[] []`,
		`[{"type": "book", "issued": {"date-parts": [[2019, 2, 30]], "raw": "x"}}]`,
		`[{"type": "book", "author": [{"family": "A", "literal": "B", "suffix": "C"}, {}]}]`,
		`[{"type": "book", "title": ["a", "b"], "publisher": {"name": {"x": 1}}}]`,
		`[{"type": "book", "issued": "2019-02-30", "DOI": "doi:10.1000/x", "URL": "www.x"}]`,
		"\ufeff[{\"type\": \"book\", \"title\": \"\xff\"}]",
	)
	f.Fuzz(func(t *testing.T, in string) { fuzzRead(t, in, bib.CSLJSON) })
}
