package ocds_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"civicgraph/importers/ocds"
)

// TestReader_Errors reads one bad input per kind of error from
// testdata/TestReader_Errors and checks where the error points and what
// it says was found and expected.
func TestReader_Errors(t *testing.T) {
	tests := []struct {
		file      string
		path      string
		line, col int
		found     string // a part of Error.Found
		expected  string // a part of Error.Expected
	}{
		{"missing-ocid.json", "releases[1].ocid", 3, 3, "no ocid", "ocid"},
		{"ocid-no-letters.json", "ocid", 1, 10, `"--"`, "letters or digits"},
		{"repeated-ocid.json", "releases[2].ocid", 4, 12, `"ocds-x-1" again`, "next to each other"},
		{"ocid-collision.json", "releases[1].ocid", 3, 12, `same procurement as the earlier ocid "ocds-x-1"`, "differ in more than case"},
		{"amount-not-number.json", "releases[0].tender.value.amount", 7, 29, `string "about 5000"`, "a number"},
		{"award-amount-bool.json", "awards[1].value.amount", 2, 58, "true", "a number"},
		{"amount-exponent.json", "[0].tender.value.amount", 1, 54, "1e5000", "exponent"},
		{"date-not-rfc3339.json", "releases[0].awards[0].date", 3, 35, `"15/03/2020"`, "RFC 3339"},
		{"release-date.json", "date", 2, 10, `"2024-13-01T00:00:00Z"`, "RFC 3339"},
		{"transaction-date.json", "records[0].compiledRelease.contracts[0].implementation.transactions[0].date", 2, 85, `"yesterday"`, "RFC 3339"},
		{"title-not-string.json", "releases[0].tender.title", 1, 56, "number 42", "a string"},
		{"tender-not-object.json", "releases[0].tender", 1, 46, "an array", "an object"},
		{"releases-not-array.json", "releases", 1, 14, "an object", "an array"},
		{"syntax.json", "", 3, 3, "'{'", "comma after array element"},
		{"syntax-in-value.json", "", 2, 49, "'}'", "valid JSON"},
		{"truncated.json", "", 2, 47, "end of input", "rest of the JSON value"},
		{"latin1.json", "releases[0].tender.title", 1, 67, "0xF3", "UTF-8"},
		{"utf16.json", "", 1, 1, "UTF-16", "UTF-8"},
		{"not-ocds.json", "", 1, 1, `string "hello"`, "JSON object or array"},
		{"empty-object.json", "", 1, 1, "no ocid, releases or records", "OCDS release"},
		{"package-in-array.json", "[0]", 1, 2, "a package", "a release or a record"},
		{"linked-only.json", "releases[0].ocid", 2, 3, "only linked releases", "embedded release"},
		{"record-linked-only.json", "records[0].releases", 2, 36, "only linked releases", "compiledRelease"},
	}
	seen := map[string]bool{}
	for _, tc := range tests {
		seen[tc.file] = true
		t.Run(strings.TrimSuffix(tc.file, ".json"), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "TestReader_Errors", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			r := ocds.NewReader(strings.NewReader(string(data)), tc.file, testBase)
			var readErr error
			for readErr == nil {
				_, readErr = r.Read()
			}
			if readErr == io.EOF {
				t.Fatalf("Read(%s) = io.EOF, want an error", tc.file)
			}
			e := asError(t, readErr)
			if e.File != tc.file || e.Path != tc.path || e.Line != tc.line || e.Col != tc.col {
				t.Errorf("Read(%s) error at %s:%d:%d path %q, want %s:%d:%d path %q (%v)",
					tc.file, e.File, e.Line, e.Col, e.Path, tc.file, tc.line, tc.col, tc.path, e)
			}
			if !strings.Contains(e.Found, tc.found) {
				t.Errorf("Read(%s) Found = %q, want it to contain %q", tc.file, e.Found, tc.found)
			}
			if !strings.Contains(e.Expected, tc.expected) {
				t.Errorf("Read(%s) Expected = %q, want it to contain %q", tc.file, e.Expected, tc.expected)
			}
			if !strings.Contains(e.Error(), tc.file) || !strings.Contains(e.Error(), tc.path) {
				t.Errorf("Error() = %q, want it to name the file and the path", e.Error())
			}
			if _, again := r.Read(); again != readErr {
				t.Errorf("second Read after an error = %v, want the same error %v", again, readErr)
			}
		})
	}
	files, err := filepath.Glob(filepath.Join("testdata", "TestReader_Errors", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if !seen[filepath.Base(f)] {
			t.Errorf("testdata file %s has no test case", f)
		}
	}
}

// TestReader_ReadError checks that an error of the underlying reader is
// returned wrapped, and is not an *ocds.Error.
func TestReader_ReadError(t *testing.T) {
	boom := errors.New("disk on fire")
	in := io.MultiReader(strings.NewReader(`{"releases": [{"ocid": "ocds-x-1", "tender": {"title": "A"}},`), iotest.ErrReader(boom))
	r := ocds.NewReader(in, "in.json", testBase)
	var err error
	for err == nil {
		_, err = r.Read()
	}
	if !errors.Is(err, boom) {
		t.Errorf("Read error = %v, want it to wrap %v", err, boom)
	}
	if errors.Is(err, ocds.ErrInvalid) {
		t.Errorf("Read error %v wraps ErrInvalid, want an I/O error", err)
	}
}

// TestError_Error checks the text of an error.
func TestError_Error(t *testing.T) {
	tests := []struct {
		name string
		e    ocds.Error
		want string
	}{
		{"Full", ocds.Error{File: "a.json", Path: "releases[1].date", Line: 3, Col: 7, Found: `string "x"`, Expected: "a date"},
			`ocds: a.json:3:7: releases[1].date: expected a date, found string "x"`},
		{"NoFile", ocds.Error{Line: 1, Col: 1, Found: "end of input", Expected: "valid JSON"},
			"ocds: 1:1: expected valid JSON, found end of input"},
		{"NoPosition", ocds.Error{Path: "ocid", Found: "no ocid", Expected: "an ocid"},
			"ocds: ocid: expected an ocid, found no ocid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.e.Error(); got != tc.want {
				t.Errorf("Error() = %q, want %q", got, tc.want)
			}
		})
	}
}
