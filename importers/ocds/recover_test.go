package ocds_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"civicgraph/graph"
	"civicgraph/importers/ocds"
	"civicgraph/rdf/problems"
	"civicgraph/schema"
)

// rel returns a one-line release of ocid ocds-x-<n> with extra fields.
func rel(n int, extra string) string {
	if extra != "" {
		extra = ", " + extra
	}
	return fmt.Sprintf(`{"ocid": "ocds-x-%d", "date": "2024-01-01T00:00:00Z", "tender": {"title": "T%d"}%s}`, n, n, extra)
}

// ocids returns the ocids mapped, in order.
func ocids(quads []graph.Quad) []string {
	var out []string
	for _, q := range quads {
		if q.P.Value == schema.PropOCID {
			out = append(out, q.O.Value)
		}
	}
	return out
}

// TestReader_Read_recovers checks that the reader goes on after a release
// or record it cannot map, and after a syntax error in JSON Lines: every
// problem is reported, in order, with its file, line, column and path, and
// the good releases are mapped.
func TestReader_Read_recovers(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		in    string
		ocids []string // the processes mapped
		errs  []string // the lines of the error
	}{
		{"ReleasePackage", "p.json", "{\"releases\": [\n  " + strings.Join([]string{
			rel(1, ""),
			rel(2, `"awards": [{"id": "a", "date": "15/03/2020"}]`),
			rel(3, ""),
			rel(4, `"tender": {"value": {"amount": "lots", "currency": "EUR"}}`),
			rel(5, `"tender": {"title": 42}`),
			rel(6, ""),
		}, ",\n  ") + "\n]}\n", []string{"ocds-x-1", "ocds-x-3", "ocds-x-6"}, []string{
			`ocds: p.json:3:114: releases[1].awards[0].date: expected an RFC 3339 date-time such as 2024-05-01T09:30:00Z, found string "15/03/2020"`,
			`ocds: p.json:5:114: releases[3].tender.value.amount: expected a number (with an exponent of at most 1000), found string "lots"`,
			`ocds: p.json:6:103: releases[4].tender.title: expected a string, found number 42`,
		}},
		{"MissingOCIDAndRepeated", "p.json", "{\"releases\": [\n" + strings.Join([]string{
			rel(1, ""), `{"date": "2024-01-01T00:00:00Z"}`, rel(2, ""), rel(1, ""), rel(3, ""),
		}, ",\n") + "\n]}", []string{"ocds-x-1", "ocds-x-2", "ocds-x-3"}, []string{
			`ocds: p.json:3:1: releases[1].ocid: expected the release's ocid, a non-empty string, found no ocid`,
			`ocds: p.json:5:10: releases[3].ocid: expected the releases of one ocid next to each other (sort them by ocid, or give a record package), found string "ocds-x-1" again, after other ocids`,
		}},
		{"TopLevelArray", "a.json", "[" + rel(1, `"date": "soon"`) + ", " + rel(2, "") + "]", []string{"ocds-x-2"}, []string{
			`ocds: a.json:1:90: [0].date: expected an RFC 3339 date-time such as 2024-05-01T09:30:00Z, found string "soon"`,
		}},
		{"BareReleases", "b.json", rel(1, `"tender": []`) + "\n" + rel(2, "") + "\n" + `"x"` + "\n" + rel(3, ""), []string{"ocds-x-2", "ocds-x-3"}, []string{
			`ocds: b.json:1:91: tender: expected an object, found an array`,
			`ocds: b.json:3:1: expected a JSON object or array (an OCDS release, record or package), found string "x"`,
		}},
		{"RecordPackage", "r.json", `{"records": [` + "\n" +
			`{"ocid": "ocds-x-1", "compiledRelease": ` + rel(1, `"date": 5`) + "},\n" +
			`{"ocid": "ocds-x-2", "compiledRelease": ` + rel(2, "") + "}\n]}", []string{"ocds-x-2"}, []string{
			`ocds: r.json:2:129: records[0].compiledRelease.date: expected a string, found number 5`,
		}},
		{"ReleasesNotArray", "p.json", `{"releases": {"a": [1, {"b": 2}]}}` + "\n" + rel(1, ""), []string{"ocds-x-1"}, []string{
			`ocds: p.json:1:14: releases: expected an array, found an object`,
		}},
		{"JSONLinesSyntax", "l.json", strings.Join([]string{
			rel(1, ""),
			`{"ocid": "ocds-x-2", "date": }`,
			rel(3, ""),
			`{"ocid": "ocds-x-4", "tender": {"title": "unclosed}`,
			rel(5, `"date": "never"`),
			`{"ocid": "ocds-x-6"`,
			rel(7, ""),
		}, "\n") + "\n", []string{"ocds-x-1", "ocds-x-3", "ocds-x-7"}, []string{
			`ocds: l.json:2:30: expected valid JSON, found '}' looking for beginning of value`,
			`ocds: l.json:4:52: expected valid JSON, found '\n' in string literal`,
			`ocds: l.json:5:89: date: expected an RFC 3339 date-time such as 2024-05-01T09:30:00Z, found string "never"`,
			`ocds: l.json:7:1: expected valid JSON, found '{' after object key:value pair`,
		}},
		{"JSONLinesByName", "l.jsonl", `{"ocid": "ocds-x-1",` + "\n" + `"x" x}` + "\n" + rel(2, ""), []string{"ocds-x-2"}, []string{
			`ocds: l.jsonl:2:5: expected valid JSON: colon after object key, found 'x'`,
		}},
		{"SyntaxInDocumentIsFatal", "p.json", "{\"releases\": [\n  " + rel(1, `"date": "x"`) + ",\n  " + rel(2, "") + "\n  " + `{"ocid": "ocds-x-3"}` + ",\n  " + rel(4, "") + "\n]}", nil, []string{
			`ocds: p.json:2:91: releases[0].date: expected an RFC 3339 date-time such as 2024-05-01T09:30:00Z, found string "x"`,
			`ocds: p.json:4:3: expected valid JSON: comma after array element, found '{'`,
		}},
		{"SyntaxAtStartOfDocument", "p.json", "{\"releases\" [\n  " + rel(1, "") + "\n]}\n", nil, []string{
			`ocds: p.json:1:13: expected valid JSON, found '[' after object key`,
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quads, r, err := readAll(t, []byte(tc.in), tc.file)
			if err == nil {
				t.Fatalf("Read gave no error, want\n%s", strings.Join(tc.errs, "\n"))
			}
			if lines := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(lines, tc.errs) {
				t.Errorf("Read error =\n%s\nwant\n%s", err, strings.Join(tc.errs, "\n"))
			}
			if got := ocids(quads); !slices.Equal(got, tc.ocids) {
				t.Errorf("Read mapped %v, want %v", got, tc.ocids)
			}
			checkQuads(t, quads)
			if first := asError(t, err); first.Error() != tc.errs[0] {
				t.Errorf("errors.As(err, *ocds.Error) = %v, want the first error", first)
			}
			if _, again := r.Read(); again != err {
				t.Errorf("Read after the error = %v, want the same error", again)
			}
		})
	}
}

// TestReader_Read_manyErrors checks that past problems.Max problems the
// rest are counted.
func TestReader_Read_manyErrors(t *testing.T) {
	for _, n := range []int{2, problems.Max, 150} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`{"releases": [` + "\n")
			for i := range n {
				fmt.Fprintf(&b, "%s,\n%s,\n", rel(2*i, ""), rel(2*i+1, `"date": "bad"`))
			}
			b.WriteString(rel(2*n, "") + "\n]}")
			quads, _, err := readAll(t, []byte(b.String()), "many.json")
			if got := len(ocids(quads)); got != n+1 {
				t.Errorf("Read mapped %d processes, want %d", got, n+1)
			}
			var all *problems.List
			if !errors.As(err, &all) || all.Total != n || len(all.Errors) != min(n, problems.Max) {
				t.Fatalf("Read error = %v, want a list of %d", err, n)
			}
			lines := strings.Split(err.Error(), "\n")
			for i, line := range lines[:min(n, problems.Max)] {
				col := 87 + 2*len(fmt.Sprint(2*i+1)) // the second "date" of rel
				want := fmt.Sprintf(`ocds: many.json:%d:%d: releases[%d].date: expected an RFC 3339 date-time such as 2024-05-01T09:30:00Z, found string "bad"`, 2*i+3, col, 2*i+1)
				if line != want {
					t.Errorf("error %d = %s, want %s", i+1, line, want)
				}
			}
			if n > problems.Max {
				want := fmt.Sprintf("... and %d more problems (%d in all)", n-problems.Max, n)
				if len(lines) != problems.Max+1 || lines[problems.Max] != want {
					t.Errorf("Read error has %d lines, ending %q; want %d ending %q", len(lines), lines[len(lines)-1], problems.Max+1, want)
				}
			}
			if !errors.Is(err, ocds.ErrInvalid) {
				t.Errorf("errors.Is(err, ErrInvalid) = false")
			}
		})
	}
}
