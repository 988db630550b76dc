package main

import (
	"bytes"
	"errors"
	"math"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestRun_BackupServer backs up a running server's store through
// --server, restores it elsewhere and compares exports; the store the
// server holds is locked, and stats, export and backup say to use
// --server.
func TestRun_BackupServer(t *testing.T) {
	file := writeFile(t, "g.nt", mustCLI(t, "generate", "--triples", "500"))
	src := filepath.Join(t.TempDir(), "src")
	mustCLI(t, "import", "--quiet", "--data", src, file)
	want := mustCLI(t, "export", "--data", src)
	const token = "backup-token-0123456789"
	url, stop := startServe(t, map[string]string{"CIVICGRAPH_TOKEN": token}, "--data", src, "--addr", "127.0.0.1:0", "--log-level", "error")
	for _, cmd := range [][]string{{"stats"}, {"export"}, {"backup", filepath.Join(t.TempDir(), "x.backup")}} {
		_, _, err := cli(t, nil, append([]string{cmd[0], "--data", src}, cmd[1:]...)...)
		if err == nil || !strings.Contains(err.Error(), "--server") {
			t.Errorf("%s on the served store: %v; want a locked error naming --server", cmd[0], err)
		}
	}
	bk := filepath.Join(t.TempDir(), "served.backup")
	var out, errOut bytes.Buffer
	getenv := func(k string) string {
		if k == "CIVICGRAPH_TOKEN" {
			return token
		}
		return ""
	}
	if err := run(t.Context(), []string{"backup", "--server", url, bk}, getenv, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("backup --server: %v\n%s", err, errOut.String())
	}
	// Without the token, or with a wrong one, the server refuses.
	for _, tok := range []string{"", "wrong-token-0123456789"} {
		env := func(k string) string {
			if k == "CIVICGRAPH_TOKEN" {
				return tok
			}
			return ""
		}
		err := run(t.Context(), []string{"backup", "--server", url, filepath.Join(t.TempDir(), "no.backup")}, env, strings.NewReader(""), &out, &errOut)
		if err == nil {
			t.Errorf("backup --server with token %q succeeded", tok)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "dst")
	mustCLI(t, "restore", "--data", dst, bk)
	if got := mustCLI(t, "export", "--data", dst); got != want || want == "" {
		t.Errorf("the store restored from the server's backup exports %d bytes, the original %d", len(got), len(want))
	}
}

func TestRun_ServeMemoryLimit(t *testing.T) {
	prev := debug.SetMemoryLimit(-1)
	dir := filepath.Join(t.TempDir(), "store")
	_, stop := startServe(t, nil, "--data", dir, "--addr", "127.0.0.1:0", "--log-level", "error", "--memory-limit", "512MiB")
	if got := debug.SetMemoryLimit(-1); got != 512<<20 {
		t.Errorf("memory limit while serving %d, want %d", got, 512<<20)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetMemoryLimit(-1); got != prev {
		t.Errorf("memory limit after serve %d, want the previous %d", got, prev)
	}
	if _, _, err := cli(t, nil, "serve", "--data", dir, "--memory-limit", "lots"); !errors.Is(err, errBadFlags) {
		t.Errorf("--memory-limit lots: %v, want a flag error", err)
	}
}

func TestParseBytes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1GiB", 1 << 30, true},
		{"512MiB", 512 << 20, true},
		{"1.5GB", 1500000000, true},
		{"123456", 123456, true},
		{"64 KiB", 64 << 10, true},
		{"off", math.MaxInt64, true},
		{"0", math.MaxInt64, true},
		{"", 0, false},
		{"-1GiB", 0, false},
		{"lots", 0, false},
		{"1e300GiB", 0, false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := parseBytes(tc.in)
			if (err == nil) != tc.ok || got != tc.want {
				t.Errorf("parseBytes(%q) = %d, %v; want %d, ok %v", tc.in, got, err, tc.want, tc.ok)
			}
		})
	}
}
