package registers

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"civicgraph/importers/internal/charset"
)

// Columns each CSV format needs, by normalised header (see normHeader).
var requiredCols = map[Format][]string{
	JRCCases:    {"id", "name", "responsible organization"},
	T6XServices: {"id", "name", "lead_organisation_name"},
}

// stepCSV reads the header when it has not yet, then one row, and maps it.
func (r *Reader) stepCSV() error {
	for len(r.m.out) == 0 {
		rec, err := r.cr.Read()
		if err == io.EOF {
			if r.cols == nil {
				return &Error{File: r.name, Line: 1, Found: "end of input", Expected: "a header row"}
			}
			return io.EOF
		}
		if err != nil {
			return r.csvErr(err)
		}
		line, _ := r.cr.FieldPos(0)
		r.line = line
		for i, f := range rec {
			rec[i] = decodeText(f)
		}
		if r.cols == nil {
			if err := r.header(rec); err != nil {
				return err
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // a blank line
		}
		if len(rec) != r.ncol {
			return &Error{File: r.name, Line: line, Col: len(rec), Found: strconv.Itoa(len(rec)) + " fields",
				Expected: strconv.Itoa(r.ncol) + " fields, as in the header"}
		}
		r.records++
		get := func(col string) string {
			if i, ok := r.cols[col]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		var fe *fieldError
		var skipped bool
		if r.format == JRCCases {
			skipped, fe = r.m.jrcCase(get, func(col string) string { return r.heads[col] })
		} else {
			skipped, fe = r.m.t6xService(get)
		}
		if fe != nil {
			col := r.cols[fe.field] + 1
			l, _ := r.cr.FieldPos(col - 1)
			return &Error{File: r.name, Line: l, Col: col, Path: fe.field, Found: fe.found, Expected: fe.expected}
		}
		if skipped {
			r.skipped++
		}
	}
	return nil
}

// header reads the header row and checks it has the columns needed.
func (r *Reader) header(rec []string) error {
	r.cols = map[string]int{}
	r.heads = map[string]string{}
	r.ncol = len(rec)
	for i, raw := range rec {
		h := normHeader(raw)
		if _, dup := r.cols[h]; !dup {
			r.cols[h] = i
			r.heads[h] = strings.Join(strings.Fields(raw), " ")
		}
	}
	for _, c := range requiredCols[r.format] {
		if _, ok := r.cols[c]; !ok {
			return &Error{File: r.name, Line: 1, Col: 1, Path: c, Found: "no such column",
				Expected: fmt.Sprintf("a %q column (is this a %s file?)", c, r.format)}
		}
	}
	return nil
}

// csvErr turns a CSV syntax error into an [*Error]; errors of the
// underlying reader are returned wrapped.
func (r *Reader) csvErr(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: r.name, Line: pe.Line, Col: pe.Column, Found: pe.Err.Error(), Expected: "CSV text (RFC 4180)"}
	}
	return fmt.Errorf("registers: read %s: %w", r.name, err)
}

// decodeText returns f as UTF-8: unchanged when it is valid UTF-8, else
// read as Windows-1252, the encoding of the JRC export. Deciding per
// field lets a file re-saved as UTF-8 read the same.
func decodeText(f string) string {
	if utf8.ValidString(f) {
		return f
	}
	return charset.Decode1252(f)
}
