package seed

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strings"
)

// table is a CSV file of the seed, read whole (the files are small), with
// its columns found by header name.
type table struct {
	file   string
	cols   map[string]int
	rows   []row
	header []string
}

// row is one record of a table.
type row struct {
	t      *table
	line   int
	fields []string
}

// readTable reads the CSV file path from fsys. The header must hold every
// column in required, and no column that is not in required or optional,
// so that a misspelt column is an error rather than silently ignored.
func readTable(fsys fs.FS, path string, required, optional []string) (*table, error) {
	f, err := fsys.Open(path)
	if err != nil {
		return nil, fmt.Errorf("seed: open %s: %w", path, err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.ReuseRecord = false
	t := &table{file: path, cols: map[string]int{}}
	header, err := r.Read()
	if err != nil {
		return nil, csvReadError(path, err)
	}
	for i, h := range header {
		h = strings.TrimPrefix(h, "\ufeff")
		if !slices.Contains(required, h) && !slices.Contains(optional, h) {
			return nil, &CSVError{File: path, Line: 1, Column: h, Err: detailf("unknown column (known: %s)", strings.Join(append(slices.Clone(required), optional...), ", "))}
		}
		if _, dup := t.cols[h]; dup {
			return nil, &CSVError{File: path, Line: 1, Column: h, Err: detailf("column given twice")}
		}
		t.cols[h] = i
		t.header = append(t.header, h)
	}
	for _, c := range required {
		if _, ok := t.cols[c]; !ok {
			return nil, &CSVError{File: path, Line: 1, Column: c, Err: detailf("missing column")}
		}
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvReadError(path, err)
		}
		line, _ := r.FieldPos(0)
		t.rows = append(t.rows, row{t: t, line: line, fields: rec})
	}
	return t, nil
}

// csvReadError turns an error of encoding/csv into a CSVError.
func csvReadError(path string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &CSVError{File: path, Line: pe.Line, Err: &detail{msg: pe.Err.Error()}}
	}
	return fmt.Errorf("seed: read %s: %w", path, err)
}

// get returns the value of column c, trimmed, or "" when the table has no
// such column.
func (r row) get(c string) string {
	i, ok := r.t.cols[c]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return strings.TrimSpace(r.fields[i])
}

// list returns the values of column c separated by '|', without empty ones.
func (r row) list(c string) []string {
	var out []string
	for _, v := range strings.Split(r.get(c), "|") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// errorf returns a CSVError for column c of the row, wrapping [ErrData].
func (r row) errorf(c, format string, args ...any) error {
	return &CSVError{File: r.t.file, Line: r.line, Column: c, Err: detailf(format, args...)}
}

// need returns the value of column c, or an error when it is empty.
func (r row) need(c string) (string, error) {
	v := r.get(c)
	if v == "" {
		return "", r.errorf(c, "value required")
	}
	return v, nil
}
