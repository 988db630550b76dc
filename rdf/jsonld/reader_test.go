package jsonld_test

import (
	"civicgraph/internal/rdftest"
	"errors"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/graph/graphtest"
	"civicgraph/rdf/jsonld"
	"civicgraph/rdf/nquads"
)

// parseNQuads parses the expected output of a test.
func parseNQuads(tb testing.TB, s string) []graph.Quad {
	tb.Helper()
	qs, err := rdftest.ReadAll(nquads.NewReader(strings.NewReader(s), "want", true))
	if err != nil {
		tb.Fatalf("bad expected N-Quads: %v", err)
	}
	return qs
}

func lines(qs []graph.Quad) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}

const xsd = "http://www.w3.org/2001/XMLSchema#"

func TestReader_Read(t *testing.T) {
	tests := []struct {
		name string
		base string
		in   string
		want string // N-Quads, compared as a set up to blank node labels
	}{
		{
			name: "ContextIDType",
			in: `{"@context": {"name": "http://xmlns.com/foaf/0.1/name", "Person": "http://xmlns.com/foaf/0.1/Person",
				"age": {"@id": "http://xmlns.com/foaf/0.1/age", "@type": "http://www.w3.org/2001/XMLSchema#integer"}},
				"@id": "http://example.org/alice", "@type": "Person", "name": "Alice", "age": "42"}`,
			want: `<http://example.org/alice> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .
<http://example.org/alice> <http://xmlns.com/foaf/0.1/name> "Alice" .
<http://example.org/alice> <http://xmlns.com/foaf/0.1/age> "42"^^<` + xsd + `integer> .
`,
		},
		{
			name: "NativeValues",
			in:   `{"@id": "http://ex/s", "http://ex/i": 7, "http://ex/d": 1.5, "http://ex/b": true, "http://ex/big": 12345678901234567890, "http://ex/str": {"@value": "x", "@type": "` + xsd + `string"}}`,
			want: `<http://ex/s> <http://ex/i> "7"^^<` + xsd + `integer> .
<http://ex/s> <http://ex/d> "1.5E0"^^<` + xsd + `double> .
<http://ex/s> <http://ex/b> "true"^^<` + xsd + `boolean> .
<http://ex/s> <http://ex/big> "1.234567890123457E19"^^<` + xsd + `double> .
<http://ex/s> <http://ex/str> "x" .
`,
		},
		{
			name: "DefaultGraph",
			in: `{"@context": {"@vocab": "http://ex/"}, "@graph": [
				{"@id": "http://ex/a", "knows": {"@id": "http://ex/b"}},
				{"@id": "http://ex/b", "label": "B"}]}`,
			want: `<http://ex/a> <http://ex/knows> <http://ex/b> .
<http://ex/b> <http://ex/label> "B" .
`,
		},
		{
			name: "NamedGraphs",
			in: `[{"@id": "http://ex/g1", "http://ex/created": "2024", "@graph": [{"@id": "http://ex/a", "http://ex/p": "in g1"}]},
				{"@id": "_:g2", "@graph": {"@id": "http://ex/a", "http://ex/p": "in g2"}}]`,
			want: `<http://ex/g1> <http://ex/created> "2024" .
<http://ex/a> <http://ex/p> "in g1" <http://ex/g1> .
<http://ex/a> <http://ex/p> "in g2" _:g .
`,
		},
		{
			name: "LanguageMap",
			in: `{"@context": {"@language": "nl", "title": {"@id": "http://purl.org/dc/terms/title", "@container": "@language"},
				"note": "http://ex/note"}, "@id": "http://ex/s", "title": {"en": "Tender", "fr": "Appel d'offres"}, "note": "aanbesteding"}`,
			want: `<http://ex/s> <http://purl.org/dc/terms/title> "Tender"@en .
<http://ex/s> <http://purl.org/dc/terms/title> "Appel d'offres"@fr .
<http://ex/s> <http://ex/note> "aanbesteding"@nl .
`,
		},
		{
			name: "List",
			in:   `{"@id": "http://ex/s", "http://ex/steps": {"@list": ["one", {"@id": "http://ex/two"}]}, "http://ex/none": {"@list": []}}`,
			want: `<http://ex/s> <http://ex/steps> _:l1 .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> "one" .
_:l1 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l2 .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#first> <http://ex/two> .
_:l2 <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
<http://ex/s> <http://ex/none> <http://www.w3.org/1999/02/22-rdf-syntax-ns#nil> .
`,
		},
		{
			name: "BlankNodes",
			in: `{"@id": "_:a", "http://ex/knows": [{"@id": "_:b"}, {"http://ex/name": "anon"}],
				"@reverse": {"http://ex/knows": {"@id": "_:b"}}}`,
			want: `_:a <http://ex/knows> _:b .
_:a <http://ex/knows> _:c .
_:c <http://ex/name> "anon" .
_:b <http://ex/knows> _:a .
`,
		},
		{
			name: "BaseFromSetBase",
			base: "http://ex/doc/",
			in:   `{"@id": "item/1", "@type": "../Thing", "http://ex/p": {"@id": "#frag"}}`,
			want: `<http://ex/doc/item/1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex/Thing> .
<http://ex/doc/item/1> <http://ex/p> <http://ex/doc/#frag> .
`,
		},
		{
			name: "RelativeWithoutBaseDropped",
			in:   `{"@id": "item/1", "http://ex/p": "dropped", "http://ex/q": {"@id": "http://ex/o", "http://ex/r": "kept"}}`,
			want: `<http://ex/o> <http://ex/r> "kept" .
`,
		},
		{
			name: "BOMAndEmpty",
			in:   "\xEF\xBB\xBF{}",
			want: "",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := jsonld.NewReader(strings.NewReader(tc.in), tc.name+".jsonld")
			if tc.base != "" {
				r.SetBase(tc.base)
			}
			got, err := rdftest.ReadAll(r)
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			want := parseNQuads(t, tc.want)
			if !graphtest.Isomorphic(got, want) {
				t.Errorf("Read(%s) =\n%s\nwant\n%s", tc.name, lines(got), lines(want))
			}
			if r.BytesRead() != int64(len(tc.in)) {
				t.Errorf("BytesRead() = %d, want %d", r.BytesRead(), len(tc.in))
			}
		})
	}
}

func TestReader_Errors(t *testing.T) {
	tests := []struct {
		name     string
		base     string
		in       string
		wantErr  error
		wantLine int
		wantCol  int
		wantPath string
		contains string // in the error message
	}{
		{name: "BadJSON", in: "{\n  \"@id\": \"http://ex/s\",\n  \"http://ex/p\": tru\n}", wantErr: jsonld.ErrSyntax, wantLine: 3, wantCol: 21, contains: "bad.jsonld:3:21: expected valid JSON"},
		{name: "Truncated", in: `{"@id": "http://ex/s"`, wantErr: jsonld.ErrSyntax, wantLine: 1, contains: "expected a JSON object or array"},
		{name: "Empty", in: "", wantErr: jsonld.ErrSyntax, wantLine: 1, wantCol: 1},
		{name: "TrailingData", in: `{} {}`, wantErr: jsonld.ErrSyntax, wantLine: 1, wantCol: 4, contains: "end of input after the JSON value"},
		{name: "Scalar", in: `"http://ex/s"`, wantErr: jsonld.ErrSyntax, wantPath: "$", contains: "a JSON object or array"},
		{name: "InvalidUTF8", in: "{\"a\": \"\xff\"}", wantErr: jsonld.ErrSyntax, wantLine: 1, wantCol: 8},
		{name: "RemoteContext", in: `{"@context": "https://schema.org/", "name": "x"}`, wantErr: jsonld.ErrRemoteContext, contains: "https://schema.org/"},
		{name: "RemoteImport", in: `{"@context": {"@import": "http://ex/ctx.jsonld"}, "name": "x"}`, wantErr: jsonld.ErrRemoteContext, contains: "http://ex/ctx.jsonld"},
		{name: "InvalidID", in: `{"@id": 5, "http://ex/p": "x"}`, wantErr: jsonld.ErrSyntax, contains: "expected valid JSON-LD (invalid @id value)"},
		{name: "InvalidLanguageMapValue", in: `{"@context": {"t": {"@id": "http://ex/t", "@container": "@language"}}, "t": {"en": 5}}`, wantErr: jsonld.ErrSyntax},
		{name: "TooDeep", in: `{"http://ex/p": ` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `}`, wantErr: jsonld.ErrSyntax, wantPath: "$.http://ex/p" + strings.Repeat("[0]", 255)},
		{name: "RelativeBase", base: "doc/", in: `{}`, wantErr: jsonld.ErrBaseIRI},
		{name: "SpaceInBase", base: "http://ex/a b/", in: `{}`, wantErr: jsonld.ErrBaseIRI},
		// RDF forbids these characters in IRIs (issue 11).
		{name: "SpaceInID", in: "{\n  \"@id\": \"http://ex/a b\",\n  \"http://ex/p\": \"x\"}", wantErr: jsonld.ErrSyntax, wantLine: 2, wantCol: 10, contains: `bad.jsonld:2:10: expected an IRI without spaces, control characters or <>"{}|^` + "`" + `\, found "http://ex/a b"`},
		{name: "SpaceInCompactObject", in: "{\"@context\": {\"ex\": \"http://ex/\"},\n \"@id\": \"ex:s\", \"ex:p\": {\"@id\": \"ex:o p\"}}", wantErr: jsonld.ErrSyntax, wantLine: 2, wantCol: 33},
		{name: "BraceInDatatype", in: `{"@id": "http://ex/s", "http://ex/p": {"@value": "1", "@type": "http://ex/{t}"}}`, wantErr: jsonld.ErrSyntax, wantLine: 1, contains: "an IRI without spaces"},
		{name: "ControlInPredicate", in: `{"@id": "http://ex/s", "http://ex/\u0007p": "x"}`, wantErr: jsonld.ErrSyntax, contains: `found "http://ex/\ap"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := jsonld.NewReader(strings.NewReader(tc.in), "bad.jsonld")
			if tc.base != "" {
				r.SetBase(tc.base)
			}
			got, err := rdftest.ReadAll(r)
			if len(got) != 0 {
				t.Errorf("Read returned %d statements before the error, want none", len(got))
			}
			if !errors.Is(err, tc.wantErr) {
				t.Fatalf("Read(%q) error = %v, want %v", tc.in, err, tc.wantErr)
			}
			if _, again := r.Read(); again != err {
				t.Errorf("second Read error = %v, want the same error %v", again, err)
			}
			if tc.contains != "" && !strings.Contains(err.Error(), tc.contains) {
				t.Errorf("error %q does not contain %q", err, tc.contains)
			}
			var pe *jsonld.ParseError
			if !errors.As(err, &pe) {
				return
			}
			if pe.File != "bad.jsonld" || pe.Expected == "" {
				t.Errorf("ParseError %#v: want File and Expected set", pe)
			}
			if tc.wantLine != 0 && pe.Line != tc.wantLine || tc.wantCol != 0 && pe.Col != tc.wantCol {
				t.Errorf("ParseError at %d:%d, want %d:%d (%v)", pe.Line, pe.Col, tc.wantLine, tc.wantCol, err)
			}
			if tc.wantPath != "" && pe.Path != tc.wantPath {
				t.Errorf("ParseError.Path = %q, want %q", pe.Path, tc.wantPath)
			}
		})
	}
}

// TestReader_BlankScope checks that two readers of the same document give
// blank nodes that do not collide.
func TestReader_BlankScope(t *testing.T) {
	const doc = `{"@id": "_:b0", "http://ex/p": {"http://ex/q": "x"}}`
	seen := map[graph.Term]int{}
	for i := range 2 {
		qs, err := rdftest.ReadAll(jsonld.NewReader(strings.NewReader(doc), "doc"))
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range qs {
			for _, term := range []graph.Term{q.S, q.O} {
				if term.Kind != graph.KindBlank {
					continue
				}
				if j, ok := seen[term]; ok && j != i {
					t.Errorf("blank node %v appears in the output of two readers", term)
				}
				seen[term] = i
			}
		}
	}
	if len(seen) != 4 {
		t.Errorf("%d distinct blank nodes, want 4", len(seen))
	}
}

// TestReader_TooLarge checks the size cap without holding that much: the
// input is a reader that never ends.
func TestReader_TooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 256 MiB")
	}
	r := jsonld.NewReader(endless{}, "huge.jsonld")
	_, err := r.Read()
	if !errors.Is(err, jsonld.ErrTooLarge) {
		t.Fatalf("Read error = %v, want ErrTooLarge", err)
	}
	if r.BytesRead() != jsonld.MaxInputSize+1 {
		t.Errorf("BytesRead() = %d, want %d", r.BytesRead(), jsonld.MaxInputSize+1)
	}
}

// endless is a reader of spaces that never ends.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}
