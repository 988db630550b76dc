package server_test

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"civicgraph/server"
)

// TestCompare_Downloads fetches /compare.csv and /compare.json from a real
// server over the fixture store: the same figures both ways, the groups
// adding up to the total row, and bad parameters refused with what was
// expected.
func TestCompare_Downloads(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	const params = "?groupBy=country&measures=procurements,engagements,coverage,impactAssessment"
	resp, b := get(t, ts, http.MethodGet, "/compare.csv"+params, "")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("csv: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	lines, err := csv.NewReader(strings.NewReader(string(b))).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, b)
	}
	wantHead := "key,label,administrations,procurements,procurements:basis,procurements:missing,engagements,engagements:basis,engagements:missing,coverage,coverage:basis,coverage:missing,impactAssessment,impactAssessment:basis,impactAssessment:missing"
	if got := strings.Join(lines[0], ","); got != wantHead {
		t.Errorf("header = %s, want %s", got, wantHead)
	}
	total := lines[len(lines)-1]
	if total[0] != "total" {
		t.Fatalf("last line %v, want the total", total)
	}
	sum := 0
	for _, l := range lines[1 : len(lines)-1] {
		n, _ := strconv.Atoi(l[3])
		sum += n
	}
	if strconv.Itoa(sum) != total[3] || sum == 0 {
		t.Errorf("procurements add to %d, total %s", sum, total[3])
	}

	resp, b = get(t, ts, http.MethodGet, "/compare.json"+params, "")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("json: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	var m struct {
		GroupBy  string
		Measures []struct{ ID string }
		Rows     []struct {
			Key   string
			Cells []struct {
				Measure string
				Value   *float64
				Basis   int
				Missing int
			}
		}
		Total struct {
			Cells []struct {
				Value *float64
				Basis int
			}
		}
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("json: %v\n%s", err, b)
	}
	if m.GroupBy != "country" || len(m.Measures) != 4 || len(m.Rows) != len(lines)-2 {
		t.Errorf("json: groupBy %s, %d measures, %d rows; csv has %d rows", m.GroupBy, len(m.Measures), len(m.Rows), len(lines)-2)
	}
	if got := strconv.Itoa(int(*m.Total.Cells[0].Value)); got != total[3] {
		t.Errorf("json total procurements %s, csv %s", got, total[3])
	}
	for i, r := range m.Rows {
		if r.Key != lines[i+1][0] {
			t.Errorf("row %d: json %s, csv %s", i, r.Key, lines[i+1][0])
		}
		if c := r.Cells[3]; c.Value == nil && lines[i+1][12] != "" || c.Value != nil && lines[i+1][12] == "" {
			t.Errorf("row %s: a missing figure must be empty in the CSV, null in JSON: %v, %q", r.Key, c.Value, lines[i+1][12])
		}
	}

	for _, tc := range []struct {
		query  string
		status int
		want   string
	}{
		{"?sector=civil+societies", http.StatusBadRequest, "civil-society"},
		{"?colour=red", http.StatusBadRequest, "groupBy"},
		{"?groupBy=colour", http.StatusBadRequest, "country"},
		{"?measures=beauty", http.StatusBadRequest, "involveShare"},
		{"?from=twenty", http.StatusBadRequest, "year"},
		{"?weights=coverage", http.StatusBadRequest, "PART=WEIGHT"},
		{"?ids=actor/nobody", http.StatusNotFound, "actor/nobody"},
	} {
		for _, ext := range []string{".csv", ".json"} {
			resp, b := get(t, ts, http.MethodGet, "/compare"+ext+tc.query, "")
			if resp.StatusCode != tc.status || !strings.Contains(string(b), tc.want) {
				t.Errorf("%s%s: %d %s, want %d naming %s", ext, tc.query, resp.StatusCode, b, tc.status, tc.want)
			}
		}
	}
}

// TestCompare_GraphQLOverHTTP asks the comparison and a profile through
// POST /graphql, with a drill-down.
func TestCompare_GraphQLOverHTTP(t *testing.T) {
	ts, _ := newTestServer(t, server.Options{})
	r := query(t, ts, `{ compare(groupBy: "level", measures: ["engagements", "coverage"]) {
		rows { key cells { measure value basis counted records(which: COUNTED) { totalCount nodes { id } } } }
		total { cell(measure: "engagements") { value } } } }`, nil)
	if len(r.Errors) > 0 {
		t.Fatalf("errors: %+v", r.Errors)
	}
	var d struct {
		Compare struct {
			Rows []struct {
				Key   string
				Cells []struct {
					Measure string
					Value   *float64
					Counted int
					Records struct{ TotalCount int }
				}
			}
			Total struct{ Cell struct{ Value *float64 } }
		}
	}
	if err := json.Unmarshal(r.Data, &d); err != nil {
		t.Fatal(err)
	}
	engs := 0.0
	for _, row := range d.Compare.Rows {
		for _, c := range row.Cells {
			if c.Records.TotalCount != c.Counted {
				t.Errorf("%s %s: %d records, counted %d", row.Key, c.Measure, c.Records.TotalCount, c.Counted)
			}
		}
		engs += *row.Cells[0].Value
	}
	if d.Compare.Total.Cell.Value == nil || engs != *d.Compare.Total.Cell.Value || engs == 0 {
		t.Errorf("engagements add to %v, total %v", engs, d.Compare.Total.Cell.Value)
	}
	r = query(t, ts, `{ administrations(first: 1) { nodes { id } } }`, nil)
	var a struct {
		Administrations struct{ Nodes []struct{ ID string } }
	}
	if err := json.Unmarshal(r.Data, &a); err != nil || len(a.Administrations.Nodes) == 0 {
		t.Fatalf("administrations: %v %s", err, r.Data)
	}
	r = query(t, ts, `query($id: String!) { administrationProfile(id: $id) { administration { id } peers ranks { measure rank of } trend { year } } }`,
		map[string]any{"id": a.Administrations.Nodes[0].ID})
	if len(r.Errors) > 0 || !strings.Contains(string(r.Data), a.Administrations.Nodes[0].ID) {
		t.Errorf("profile: %s %+v", r.Data, r.Errors)
	}
}
