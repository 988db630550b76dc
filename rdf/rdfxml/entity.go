package rdfxml

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
)

// Limits on the expansion of entities declared in the internal DTD subset.
// encoding/xml replaces each reference by the entity's value as it reads,
// so a short document that refers many times to a long entity would make
// the decoder build text thousands of times the size of the input (a
// 104 KB document made 1.1 GB). The guard charges every reference with its
// value's length and refuses the document once the total passes
// expansionFloor + expansionFactor × the bytes read so far, or
// expansionCeiling, whichever is smaller.
const (
	expansionFactor  = 8
	expansionFloor   = 1 << 20
	expansionCeiling = 1 << 30

	// maxEntityValue and maxEntities bound what declareEntities keeps:
	// longer values and further entities are not declared (a reference
	// to them is then an error).
	maxEntityValue = 4096
	maxEntities    = 1024
	// maxEntityName bounds the names declareEntities keeps, and so the
	// names the guard must remember while it reads a reference.
	maxEntityName = 256
)

// entityGuard sits between the input and the XML decoder. It is an
// io.ByteReader, so the decoder reads from it a byte at a time and adds no
// buffer of its own: the guard sees each reference "&name;" just before
// the decoder expands it, and fails the read that would end a reference
// past the limit.
type entityGuard struct {
	src *bufio.Reader
	dec *xml.Decoder // for the entities declared so far, and the position

	expanded int64 // bytes the references read so far expand to

	inRef bool
	name  []byte // the name of the reference being read
	err   error  // sticky
}

func newEntityGuard(in io.Reader) *entityGuard {
	return &entityGuard{src: bufio.NewReader(in)}
}

// expansionError is what the guard returns to the decoder when a reference
// would expand past the limit; the Reader turns it into a [*ParseError].
type expansionError struct {
	name  string
	limit int64
}

func (e *expansionError) Error() string {
	return fmt.Sprintf("rdfxml: entity &%s; expands past %d bytes", e.name, e.limit)
}

// expected is the ParseError.Expected for the error.
func (e *expansionError) expected() string {
	return fmt.Sprintf("entity references expanding to at most %d bytes in all here (%d times the input read so far plus 1 MiB, at most 1 GiB)",
		e.limit, expansionFactor)
}

// ReadByte returns the next byte of input, or an [*expansionError] in place
// of the ';' that ends a reference past the limit.
func (g *entityGuard) ReadByte() (byte, error) {
	if g.err != nil {
		return 0, g.err
	}
	b, err := g.src.ReadByte()
	if err != nil {
		return 0, err
	}
	if g.inRef {
		switch {
		case b == ';':
			g.inRef = false
			if err := g.charge(); err != nil {
				g.err = err
				return 0, err
			}
		case isRefNameByte(b) && len(g.name) < maxEntityName:
			g.name = append(g.name, b)
		default:
			g.inRef = false
		}
	} else if b == '&' {
		g.inRef, g.name = true, g.name[:0]
	}
	return b, nil
}

// Read reads into p a byte at a time through ReadByte. The decoder hands
// the guard, as an io.Reader, to charsetReader only.
func (g *entityGuard) Read(p []byte) (int, error) {
	for i := range p {
		b, err := g.ReadByte()
		if err != nil {
			return i, err
		}
		p[i] = b
	}
	return len(p), nil
}

// charge adds the length of the value of the reference just read, if it
// names a declared entity, and fails past the limit.
func (g *entityGuard) charge() error {
	if g.dec == nil || g.dec.Entity == nil || len(g.name) == 0 || g.name[0] == '#' {
		return nil
	}
	v, ok := g.dec.Entity[string(g.name)]
	if !ok {
		return nil
	}
	g.expanded += int64(len(v))
	limit := min(expansionFloor+expansionFactor*g.dec.InputOffset(), expansionCeiling)
	if g.expanded > limit {
		return &expansionError{name: string(g.name), limit: limit}
	}
	return nil
}

// isRefNameByte reports whether b may be part of an entity name as the
// guard reads it: any byte but white space and XML punctuation (non-ASCII
// bytes included, since names may be).
func isRefNameByte(b byte) bool {
	switch b {
	case ' ', '\t', '\r', '\n', '&', '<', '>', '"', '\'', '=', '/', ';':
		return false
	}
	return true
}
