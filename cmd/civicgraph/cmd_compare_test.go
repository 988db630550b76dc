package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestRun_Compare generates a small comparison dataset, imports it and
// compares its administrations by country as CSV and by level as JSON,
// the way a data team would; bad flags are refused with exit code 2.
func TestRun_Compare(t *testing.T) {
	gen := mustCLI(t, "generate", "--administrations", "20", "--procurements", "200", "--engagements", "800", "--format", "nq")
	file := writeFile(t, "g.nq", gen)
	dir := filepath.Join(t.TempDir(), "store")
	mustCLI(t, "import", "--quiet", "--data", dir, file)

	out := mustCLI(t, "compare", "--data", dir, "--group-by", "country", "--measures", "procurements,engagements,coverage.delivery,diversity", "--format", "csv")
	lines, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("csv: %v\n%s", err, out)
	}
	if got := strings.Join(lines[0][:6], ","); got != "key,label,administrations,procurements,procurements:basis,procurements:missing" {
		t.Errorf("header = %s", got)
	}
	if last := lines[len(lines)-1]; last[0] != "total" || last[3] != "200" || last[6] != "800" {
		t.Errorf("total line = %v, want 200 procurements and 800 engagements", last)
	}

	out = mustCLI(t, "compare", "--data", dir, "--group-by", "level", "--phase", "Provisió", "--from", "2018", "--format", "json")
	var m struct {
		GroupBy  string
		YearFrom *int
		Rows     []struct{ Key string }
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if m.GroupBy != "level" || m.YearFrom == nil || *m.YearFrom != 2018 || len(m.Rows) == 0 {
		t.Errorf("json: %+v", m)
	}

	for _, args := range [][]string{
		{"--format", "xml"},
		{"--phase", "tendering"},
		{"--weights", "beauty=2"},
		{"extra"},
	} {
		_, _, err := cli(t, nil, append([]string{"compare", "--data", dir}, args...)...)
		if code := exitCode(err); code != 2 {
			t.Errorf("compare %v = %v (exit %d), want exit 2", args, err, code)
		}
	}
	_, _, err = cli(t, nil, "compare", "--data", filepath.Join(t.TempDir(), "none"))
	if err == nil || !strings.Contains(err.Error(), "no store") {
		t.Errorf("compare on no store = %v", err)
	}
}
