package importers

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLook checks what look says of the starts of inputs, and that what
// it is sure of rules out the formats that cannot read it.
func TestLook(t *testing.T) {
	tests := []struct {
		in   string
		want kind
	}{
		{"", kindEmpty},
		{"\ufeff  \n", kindEmpty},
		{"@article{smith2019,\n title={x}}", kindBibTeX},
		{"% comment\n\n@Book (k, title = {x})", kindBibTeX},
		{"1.\nTY  - JOUR\nER  - \n", kindRIS},
		{"@prefix ex: <http://e.org/> .\n", kindTurtle},
		{"PREFIX ex: <http://e.org/>\n", kindTurtle},
		{"# c\n<http://e.org/s> <http://e.org/p> \"o\" .\n", kindNTriples},
		{"<s> <http://e.org/p> <o> .\n", kindNTriples},
		{"_:b1 <http://e.org/p> _:b2 .\n", kindNTriples},
		{"{ <http://e.org/s> <http://e.org/p> <http://e.org/o> . }", kindText},
		{"[ a <http://e.org/C> ] .", kindText},
		{`{"@context": {}, "@id": "x"}`, kindJSONLD},
		{`[{"a": 1}]`, kindJSON},
		{"[]", kindJSON},
		{`<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>`, kindRDFXML},
		{`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, kindRDFXML},
		{"<root><a>1</a></root>", kindXML},
		{"<!doctype html><title>x</title>", kindHTML},
		{"<html>\n<head></head></html>", kindHTML},
		{"a,b,c\n1,\"x, y\",3\n", kindCSV},
		{"a;b\n1;2\n", kindCSV},
		{"Smith, J. (2019). A study.\n", kindText},
		{"\x1f\x8b\x08", kindBinary},
		{"PK\x03\x04rest", kindBinary},
		{"abc\x00def", kindBinary},
	}
	for _, tc := range tests {
		if got := look([]byte(tc.in)); got.kind != tc.want {
			t.Errorf("look(%q) = %d (%s), want %d", tc.in, got.kind, got.desc, tc.want)
		}
	}
	mismatch := []struct {
		f    Format
		k    kind
		want bool
	}{
		{BibTeX, kindRIS, false}, {RIS, kindBibTeX, false}, {JSONLD, kindJSON, true}, {JSONLD, kindCSV, false},
		{JSON, kindText, false}, {Register, kindCSV, true}, {Register, kindJSON, true}, {Turtle, kindNTriples, true},
		{NTriples, kindTurtle, false}, {RDFXML, kindNTriples, false}, {Citations, kindText, true}, {CSV, kindText, true},
		{Turtle, kindHTML, false}, {CSV, kindBinary, false},
	}
	for _, tc := range mismatch {
		if got := compatible(tc.f, tc.k); got != tc.want {
			t.Errorf("compatible(%s, %d) = %v, want %v", tc.f, tc.k, got, tc.want)
		}
	}
}

// FuzzLook checks that look never fails on any input and always says
// something printable and short.
func FuzzLook(f *testing.F) {
	for _, s := range []string{"", "@article{x,", "TY  - JOUR", `{"a":[1,{"b":2}]}`, "<?xml?>", "a,b\n1,2\n", "\x00", "<s> <p> <o> ."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l := look(b[:min(len(b), sniffSize)])
		if l.desc == "" || !utf8.ValidString(l.desc) || len(l.desc) > 400 || strings.ContainsAny(l.desc, "\x00\x1b\n") {
			t.Errorf("look(%q) = %q", b, l.desc)
		}
	})
}
