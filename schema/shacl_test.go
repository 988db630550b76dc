package schema_test

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files (shapes.ttl)")

// TestSchema_WriteSHACL keeps shapes.ttl, the SHACL rendering of the shapes
// that ships beside the Go code, in step with shapes.go. Run
// go test ./schema -run WriteSHACL -update after changing the shapes, and
// review the diff.
func TestSchema_WriteSHACL(t *testing.T) {
	s := newSchema(t)
	var buf bytes.Buffer
	if err := s.WriteSHACL(&buf); err != nil {
		t.Fatal(err)
	}
	const golden = "shapes.ttl"
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("WriteSHACL output differs from %s; run go test ./schema -run WriteSHACL -update and review the diff", golden)
	}
}
