package generate_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"civicgraph/internal/generate"
	"civicgraph/schema"
)

// TestWrite_Plan writes fixed numbers of administrations, procurements and
// engagements (the comparison benchmark's shape, scaled down), each in its
// illustrative named graph, and refuses a plan with a record format.
func TestWrite_Plan(t *testing.T) {
	plan := generate.PlanFor(10, 200, 1000)
	out := generateBytes(t, generate.Options{Seed: 1, Plan: &plan, Format: generate.NQuads})
	count := func(class, graph string) int {
		return bytes.Count(out, []byte("<"+schema.RDFType+"> <"+class+"> <"+graph+"> .\n"))
	}
	for _, tc := range []struct {
		class, graph string
		want         int
	}{
		{schema.ClassAdministration, generate.GraphActors, 10},
		{schema.ClassProcurement, generate.GraphProcurements, 200},
		{schema.ClassEngagement, generate.GraphEngagements, 1000},
	} {
		if got := count(tc.class, tc.graph); got != tc.want {
			t.Errorf("%s in %s: %d, want %d", tc.class, tc.graph, got, tc.want)
		}
	}
	first, _, _ := bytes.Cut(out, []byte("\n"))
	if !strings.Contains(string(first), "synthetic") || !strings.Contains(string(first), "1000 engagements") {
		t.Errorf("header = %s", first)
	}
	if again := generateBytes(t, generate.Options{Seed: 1, Plan: &plan, Format: generate.NQuads}); !bytes.Equal(again, out) {
		t.Error("a plan is not deterministic")
	}
	var buf bytes.Buffer
	err := generate.Write(t.Context(), &buf, generate.Options{Seed: 1, Plan: &plan, Format: generate.OCDS})
	if !errors.Is(err, generate.ErrUnknownFormat) {
		t.Errorf("plan with OCDS: %v, want ErrUnknownFormat", err)
	}
}
