package graph

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// rssFile returns the process's resident file-backed memory in bytes.
func rssFile(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc/self/status: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "RssFile:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Skip("no RssFile in /proc/self/status")
	return 0
}

// TestDropMappedPages reads a store's tables into memory, drops them, and
// checks that the resident file-backed memory falls and that every quad
// reads back the same afterwards.
func TestDropMappedPages(t *testing.T) {
	ctx := context.Background()
	s, err := Open(t.TempDir(), Options{GCInterval: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var quads []Quad
	for i := range 200_000 {
		quads = append(quads, Quad{
			S: IRI(fmt.Sprintf("http://example.org/s%d", i%5000)),
			P: IRI(fmt.Sprintf("http://example.org/p%d", i%13)),
			O: String(fmt.Sprintf("value %d", i)),
		})
	}
	if err := load(s, quads); err != nil {
		t.Fatal(err)
	}
	scan := func() int {
		n := 0
		for _, err := range s.Match(ctx, Pattern{}) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		return n
	}
	if n := scan(); n != len(quads) {
		t.Fatalf("scan read %d quads, want %d", n, len(quads))
	}
	before := rssFile(t)
	advised := s.ReleaseMappedPages()
	after := rssFile(t)
	t.Logf("advised %d bytes; RssFile %d -> %d", advised, before, after)
	if advised == 0 {
		t.Fatal("no mapping of the store's files was found in /proc/self/maps")
	}
	if after >= before {
		t.Errorf("RssFile did not fall: %d -> %d bytes (kernel without MADV_PAGEOUT?)", before, after)
	}
	if n := scan(); n != len(quads) {
		t.Fatalf("after dropping pages, scan read %d quads, want %d", n, len(quads))
	}
}
