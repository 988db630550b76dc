package queries_test

import (
	"strings"
	"testing"

	"civicgraph/graph/graphtest"
	"civicgraph/importers"
	"civicgraph/queries"
	"civicgraph/schema"
)

// classified is an OCDS release with a CPV and a UNSPSC item
// classification, written for this test.
const classified = `{"ocid": "ocds-t-1", "buyer": {"name": "Town Hall"},
  "tender": {"title": "Chatbot", "items": [
    {"id": "1", "classification": {"scheme": "CPV", "id": "72000000-5", "description": "IT services"},
     "additionalClassifications": [{"scheme": "UNSPSC", "id": "43232000"}]}]}}`

// TestResolver_Classifications imports a release into a real store and
// checks Procurement.classifications and the classification filter.
func TestResolver_Classifications(t *testing.T) {
	s := graphtest.NewStore(t)
	in := []importers.Input{{Name: "classified.json", R: strings.NewReader(classified)}}
	if _, err := importers.Import(t.Context(), s, in, importers.Options{}); err != nil {
		t.Fatal(err)
	}
	sc, err := schema.New()
	if err != nil {
		t.Fatal(err)
	}
	r := queries.New(s, sc, queries.Options{MaxPage: 100})
	tests := []struct {
		filter  []string
		want    int32
		wantErr string // a part of the error, when the filter is refused
	}{
		{[]string{"CPV:72000000"}, 1, ""},
		{[]string{"cpv:72000000-5"}, 1, ""},
		{[]string{"UNSPSC:43232000"}, 1, ""},
		{[]string{schema.CPVScheme + "/72000000"}, 1, ""},
		{[]string{"CPV:33600000"}, 0, `"CPV:33600000" is no classification concept in the store`},
		{[]string{"UNSPSC:43232000", "CPV:33600000"}, 0, `"CPV:33600000" is no classification concept in the store`},
		{[]string{"CPV:72000000", "UNSPSC:43232000"}, 1, ""},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.filter, ","), func(t *testing.T) {
			f := tc.filter
			conn, err := r.Procurements(t.Context(), queries.ListArgs{First: 10, Filter: &queries.Filter{Classification: &f}})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one saying %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if conn.TotalCount() != tc.want {
				t.Errorf("totalCount = %d, want %d", conn.TotalCount(), tc.want)
			}
		})
	}
	conn, err := r.Procurements(t.Context(), queries.ListArgs{First: 10})
	if err != nil || len(conn.Nodes()) != 1 {
		t.Fatalf("procurements: %v, %d nodes", err, len(conn.Nodes()))
	}
	cls, err := conn.Nodes()[0].Classifications(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cls {
		code, label := "", ""
		if p := c.Code(); p != nil {
			code = *p
		}
		if p := c.Label(queries.LangArgs{Lang: "en"}); p != nil {
			label = *p
		}
		got = append(got, c.Scheme()+"|"+code+"|"+label)
	}
	want := "CPV|72000000|IT services UNSPSC|43232000|"
	if strings.Join(got, " ") != want {
		t.Errorf("classifications = %q, want %q", strings.Join(got, " "), want)
	}
}
