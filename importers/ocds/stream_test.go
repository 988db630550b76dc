package ocds_test

import (
	"io"
	"runtime"
	"testing"

	"civicgraph/importers/ocds"
)

// packageStream is a release package of n generated releases, made as it
// is read, so that the test holds no copy of it.
type packageStream struct {
	n, i          int
	buf           []byte
	started, done bool
}

func (p *packageStream) Read(b []byte) (int, error) {
	for len(p.buf) == 0 {
		switch {
		case !p.started:
			p.buf, p.started = []byte(`{"version": "1.1", "releases": [`), true
		case p.i < p.n:
			if p.i > 0 {
				p.buf = append(p.buf, ',')
			}
			p.buf = append(p.buf, releaseBytes(p.i)...)
			p.i++
		case !p.done:
			p.buf, p.done = []byte("]}\n"), true
		default:
			return 0, io.EOF
		}
	}
	n := copy(b, p.buf)
	p.buf = p.buf[n:]
	return n, nil
}

// TestReader_Streaming reads a package of 10,000 releases (about 16 MB)
// and checks that the heap after the last one is within a few MB of the
// heap after the first thousand: the reader holds one release at a time,
// plus the set of ocids and actors it has mapped.
func TestReader_Streaming(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 16 MB; skipped with -short")
	}
	const n = 10000
	in := &packageStream{n: n}
	r := ocds.NewReader(in, "stream.json", testBase)
	heap := func() uint64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var early uint64
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if early == 0 && r.Records() == 1000 {
			early = heap()
		}
	}
	late := heap()
	if r.Records() != n {
		t.Fatalf("Records() = %d, want %d", r.Records(), n)
	}
	const slack = 8 << 20
	t.Logf("%d releases, %d bytes read; heap after 1,000 releases %d KB, after %d %d KB", n, r.BytesRead(), early>>10, n, late>>10)
	if late > early+slack {
		t.Errorf("heap grew from %d KB to %d KB over %d releases, want at most %d KB more", early>>10, late>>10, n, slack>>10)
	}
	runtime.KeepAlive(r)
}
