package graph

import (
	"encoding/binary"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/ristretto/v2/z"
)

// kvWriter batches sorted key-value pairs for a badger StreamWriter. It
// encodes each pair's protobuf by hand (badger.KVToBuffer goes through
// reflection, which costs more than the rest of a load), and hands full
// buffers to a goroutine that calls StreamWriter.Write, so that sorting and
// encoding on the caller's goroutine overlap with badger decoding the
// buffers and building tables on the other core.
type kvWriter struct {
	buf    *z.Buffer
	stream uint32           // the stream buf holds; a buffer holds one stream
	free   chan *z.Buffer   // empty buffers
	full   []chan *z.Buffer // per writer goroutine, the buffers to write
	errc   chan error       // each writer goroutine's result, sent when its channel is closed
	// used holds the streams that received a key: badger warns of closing
	// a stream it never saw, so done skips the others.
	used map[uint32]bool
	// version is the badger version of every key written: 1 into an empty
	// store, above every version present for a load into a store with data
	// (the newest version of a key wins, whatever its level).
	version uint64
}

// kvWriters is how many goroutines call StreamWriter.Write. Each stream
// goes to one of them (so its keys stay in order); two let badger decode
// one index while it builds the tables of another.
const kvWriters = 2

// kvBufferSize is the size at which a buffer is handed over. Each buffer
// becomes a badger request of about 100,000 entries; small buffers keep
// badger's queues (three requests per stream) from holding much memory.
const kvBufferSize = 2 << 20

// kvBuffers is how many buffers circulate: one being filled, one being
// written, one waiting.
const kvBuffers = 2 + kvWriters

func newKVWriter(sw *badger.StreamWriter, tag string, version uint64) *kvWriter {
	w := &kvWriter{
		free:    make(chan *z.Buffer, kvBuffers),
		errc:    make(chan error, kvWriters),
		used:    map[uint32]bool{},
		version: version,
	}
	for range kvBuffers - 1 {
		w.free <- z.NewBuffer(kvBufferSize+1<<20, tag)
	}
	w.buf = z.NewBuffer(kvBufferSize+1<<20, tag)
	for range kvWriters {
		full := make(chan *z.Buffer, 1)
		w.full = append(w.full, full)
		go func() {
			var err error
			for b := range full {
				if err == nil {
					err = sw.Write(b)
				}
				b.Reset()
				w.free <- b
			}
			w.errc <- err
		}()
	}
	return w
}

// put adds a pair to a stream.
func (w *kvWriter) put(stream uint32, key, value []byte) error {
	if stream != w.stream {
		w.flush()
		w.stream = stream
		w.used[stream] = true
	}
	n := 1 + uvarintSize(uint64(len(key))) + len(key) + 1 + uvarintSize(w.version) + 1 + uvarintSize(uint64(stream))
	if len(value) > 0 {
		n += 1 + uvarintSize(uint64(len(value))) + len(value)
	}
	dst := w.buf.SliceAllocate(n)[:0]
	dst = append(dst, pbTag(1, pbBytes)) // field 1 key
	dst = binary.AppendUvarint(dst, uint64(len(key)))
	dst = append(dst, key...)
	if len(value) > 0 {
		dst = append(dst, pbTag(2, pbBytes)) // field 2 value
		dst = binary.AppendUvarint(dst, uint64(len(value)))
		dst = append(dst, value...)
	}
	dst = append(dst, pbTag(4, pbVarint)) // field 4 version
	dst = binary.AppendUvarint(dst, w.version)
	dst = append(dst, pbTag(10, pbVarint)) // field 10 stream_id
	_ = binary.AppendUvarint(dst, uint64(stream))
	if w.buf.LenNoPadding() >= kvBufferSize {
		w.flush()
	}
	return nil
}

// done marks the end of a stream.
func (w *kvWriter) done(stream uint32) error {
	if !w.used[stream] {
		return nil // badger never saw it: nothing to close
	}
	if stream != w.stream {
		w.flush()
		w.stream = stream
	}
	dst := w.buf.SliceAllocate(1 + uvarintSize(uint64(stream)) + 2)[:0]
	dst = append(dst, pbTag(10, pbVarint)) // field 10 stream_id
	dst = binary.AppendUvarint(dst, uint64(stream))
	_ = append(dst, pbTag(11, pbVarint), 1) // field 11 stream_done = true
	w.flush()
	return nil
}

// flush hands the current buffer to the writer goroutine.
func (w *kvWriter) flush() {
	if w.buf.LenNoPadding() == 0 {
		return
	}
	w.full[int(w.stream)%kvWriters] <- w.buf
	w.buf = <-w.free
}

// close writes what is buffered, waits for the writer goroutine and returns
// the first error of StreamWriter.Write, then frees the buffers.
func (w *kvWriter) close() error {
	w.flush()
	for _, full := range w.full {
		close(full)
	}
	var err error
	for range kvWriters {
		if e := <-w.errc; err == nil {
			err = e
		}
	}
	w.buf.Release()
	for range kvBuffers - 1 {
		(<-w.free).Release()
	}
	return err
}

// Protocol buffer wire types of the fields kvWriter writes.
const (
	pbVarint byte = 0
	pbBytes  byte = 2
)

// pbTag returns the protocol buffer tag byte of field (below 16) with wire
// type wire.
func pbTag(field, wire byte) byte { return field<<3 | wire }
