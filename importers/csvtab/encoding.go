package csvtab

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// windows1252 maps bytes 0x80-0x9F of Windows-1252 to runes; the other
// bytes are Latin-1. Zero entries are undefined in Windows-1252.
var windows1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

// decode returns a reader of UTF-8 text from r in the named encoding ("" or
// utf-8: checked as it is read; latin1; windows-1252), without a byte
// order mark.
func decode(r io.Reader, name, encoding string) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte{0xEF, 0xBB, 0xBF}) {
		br.Discard(3)
	}
	switch strings.ToLower(encoding) {
	case "", "utf-8", "utf8":
		return &utf8Checker{r: br, name: name, line: 1}, nil
	case "latin1", "iso-8859-1":
		return &byteDecoder{r: br, table: nil}, nil
	case "windows-1252", "cp1252":
		return &byteDecoder{r: br, table: &windows1252}, nil
	}
	return nil, &Error{File: name, Found: encoding, Expected: "an encoding of utf-8, latin1 or windows-1252"}
}

// utf8Checker passes UTF-8 through and fails on the first invalid byte,
// naming its line.
type utf8Checker struct {
	r    *bufio.Reader
	name string
	line int
	tail []byte // an incomplete rune held back from the previous read
}

func (c *utf8Checker) Read(p []byte) (int, error) {
	if len(p) < 8 {
		return 0, fmt.Errorf("csvtab: read buffer too small")
	}
	n := copy(p, c.tail)
	c.tail = c.tail[:0]
	m, err := c.r.Read(p[n : len(p)-4])
	n += m
	// Hold back an incomplete rune at the end, unless the input ended.
	keep := 0
	if err == nil {
		for k := 1; k <= 3 && k <= n; k++ {
			if b := p[n-k]; b >= 0xC0 {
				if size := runeLen(b); size > k {
					keep = k
				}
				break
			} else if b < 0x80 {
				break
			}
		}
	}
	c.tail = append(c.tail, p[n-keep:n]...)
	n -= keep
	for i := 0; i < n; {
		if p[i] == '\n' {
			c.line++
		}
		if p[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(p[i:n])
		if r == utf8.RuneError && size <= 1 {
			return i, &Error{File: c.name, Row: c.line, Found: fmt.Sprintf("byte 0x%02X", p[i]),
				Expected: "UTF-8 text (convert the file, or name its encoding with --encoding latin1 or windows-1252)"}
		}
		i += size
	}
	return n, err
}

func runeLen(b byte) int {
	switch {
	case b >= 0xF0:
		return 4
	case b >= 0xE0:
		return 3
	}
	return 2
}

// byteDecoder turns a single-byte encoding into UTF-8.
type byteDecoder struct {
	r     *bufio.Reader
	table *[32]rune
	out   []byte
}

func (d *byteDecoder) Read(p []byte) (int, error) {
	for len(d.out) < len(p) {
		b, err := d.r.ReadByte()
		if err != nil {
			if len(d.out) > 0 {
				break
			}
			return 0, err
		}
		r := rune(b)
		if d.table != nil && b >= 0x80 && b < 0xA0 && d.table[b-0x80] != 0 {
			r = d.table[b-0x80]
		}
		d.out = utf8.AppendRune(d.out, r)
	}
	n := copy(p, d.out)
	d.out = d.out[n:]
	return n, nil
}
