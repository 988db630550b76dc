package ocds_test

import (
	"civicgraph/internal/rdftest"
	"io"
	"strings"
	"testing"

	"civicgraph/importers/ocds"
	"civicgraph/schema"
)

// TestReader_Shapes reads one contracting process given in every shape
// of input the reader takes and checks that each gives the same quads.
func TestReader_Shapes(t *testing.T) {
	const release = `{"ocid": "ocds-x-7", "id": "7-1", "date": "2024-03-01T10:00:00Z", "tag": ["tender"],
  "parties": [{"id": "XX-ORG-1", "name": "Gemeente Utrecht", "roles": ["buyer"], "address": {"countryName": "NL"}}],
  "buyer": {"id": "XX-ORG-1", "name": "Gemeente Utrecht"},
  "tender": {"title": "Chatbot", "status": "active", "value": {"amount": 10, "currency": "EUR"}}}`
	flat := strings.Join(strings.Fields(release), " ")
	tests := []struct {
		name string
		in   string
	}{
		{"BareRelease", release},
		{"ReleasePackage", `{"version": "1.1", "releases": [` + release + `]}`},
		{"ReleasePackageReleasesLast", `{"uri": "u", "publisher": {"name": "p"}, "extensions": ["e"], "releases": [` + release + `], "version": "1.1"}`},
		{"Array", `[` + release + `]`},
		{"JSONLines", flat + "\n"},
		{"JSONLinesPackage", `{"releases": [` + flat + `]}` + "\n"},
		{"RecordPackage", `{"records": [{"ocid": "ocds-x-7", "releases": [` + release + `]}]}`},
		{"RecordPackageCompiled", `{"records": [{"ocid": "ocds-x-7", "releases": [{"url": "http://x/7-1", "date": "2024-03-01T10:00:00Z", "tag": ["tender"]}], "compiledRelease": ` + release + `}]}`},
		{"BareRecord", `{"ocid": "ocds-x-7", "releases": [` + release + `]}`},
		{"BareRecordCompiledFirst", `{"compiledRelease": ` + release + `, "ocid": "ocds-x-7", "releases": [{"url": "http://x/7-1", "date": "2024-03-01T10:00:00Z", "tag": ["tender"]}]}`},
		{"ArrayOfRecords", `[{"ocid": "ocds-x-7", "compiledRelease": ` + release + `}]`},
		{"ByteOrderMark", "\uFEFF" + release},
		{"CRLF", strings.ReplaceAll(release, "\n", "\r\n")},
		{"SplitReleases", `{"releases": [{"ocid": "ocds-x-7", "id": "7-0", "date": "2024-02-01T10:00:00Z", "tender": {"title": "Old title", "status": "planned"}},` + release + `]}`},
		{"SplitLines", `{"ocid": "ocds-x-7", "id": "7-0", "date": "2024-02-01T10:00:00Z", "tender": {"title": "Old title", "status": "planned"}}` + "\n" + flat},
	}
	var want string
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quads, _, err := readAll(t, []byte(tc.in), tc.name)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			checkQuads(t, quads)
			got := rdftest.NQuadsLines(t, quads)
			if want == "" {
				want = got
				if vs := loadSchema(t).Validate(quads); len(vs) > 0 {
					t.Errorf("violations: %v", vs.Err())
				}
				return
			}
			if got != want {
				t.Errorf("%s gives other quads than %s:\n%s", tc.name, tests[0].name, lineDiff(want, got))
			}
		})
	}
}

// TestReader_GovernmentLevel checks the fallback level of government of
// a buyer whose data tells none.
func TestReader_GovernmentLevel(t *testing.T) {
	const in = `{"ocid": "ocds-x-8", "buyer": {"name": "Met Office"}, "tender": {"title": "Forecasts"}}`
	tests := []struct {
		name     string
		fallback string
		want     string // the level, or "" for none
	}{
		{"None", "", ""},
		{"National", schema.LevelNational, schema.LevelNational},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ocds.NewReader(strings.NewReader(in), "in.json", testBase)
			r.GovernmentLevel = tc.fallback
			var got []string
			for {
				q, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				if q.P.Value == schema.PropGovernmentLevel {
					got = append(got, q.O.Value)
				}
			}
			switch {
			case tc.want == "" && len(got) > 0:
				t.Errorf("levels %v, want none", got)
			case tc.want != "" && (len(got) != 1 || got[0] != tc.want):
				t.Errorf("levels %v, want [%s]", got, tc.want)
			}
		})
	}
}

// TestReader_NotStated checks that what a release does not say is
// recorded as missing (cg:notStated), never guessed, and that the result
// meets the shapes: a buyer whose level no code gives (a name ending in
// "Region" is no evidence), and a release that names no buyer at all.
func TestReader_NotStated(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // the properties stated as missing, in order
	}{
		{"NameIsNotEvidence", `{"ocid": "ocds-x-9", "buyer": {"name": "Acme Region"}, "tender": {"title": "T"}}`,
			[]string{schema.PropGovernmentLevel}},
		{"NoBuyer", `{"ocid": "ocds-x-9", "tender": {"title": "T"}}`, []string{schema.PropBuyer}},
		{"CodeGivesLevel", `{"ocid": "ocds-x-9", "parties": [{"id": "P1", "name": "Acme Region", "roles": ["buyer"],
  "details": {"classifications": [{"scheme": "eu-buyer-legal-type", "id": "ra"}]}}], "tender": {"title": "T"}}`, nil},
	}
	s := loadSchema(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			quads, _, err := readAll(t, []byte(tc.in), tc.name)
			if err != nil {
				t.Fatalf("read: %v", err)
			}
			var got []string
			for _, q := range quads {
				if q.P.Value == schema.PropNotStated {
					got = append(got, q.O.Value)
				}
			}
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				t.Errorf("not stated %v, want %v", got, tc.want)
			}
			if vs := s.Validate(quads); len(vs) > 0 {
				t.Errorf("violations: %v", vs.Err())
			}
		})
	}
}
