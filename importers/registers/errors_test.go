package registers_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"civicgraph/importers/registers"
)

const t6xHeader = "id,name,type,url,contact,description,geoextent,geocoverage,lead_organisation_name,lead_organisation_category,start_date,active,end_date,primary_sector,secondary_sector,cross_sector,cross_border,technology,status,uptake\n"

// TestReader_Errors checks the position, path and text of the errors on
// bad input.
func TestReader_Errors(t *testing.T) {
	tests := []struct {
		name   string
		format registers.Format
		in     string
		want   registers.Error // File is always "in"
	}{
		{"JSONEmpty", registers.Algoritmeregister, "", registers.Error{Line: 1, Col: 1, Found: "end of input", Expected: `a JSON object with an "algoritmes" array`}},
		{"JSONNotObject", registers.Algoritmeregister, `"x"`, registers.Error{Line: 1, Col: 4, Found: `string "x"`, Expected: `a JSON object with an "algoritmes" array`}},
		{"JSONNoArray", registers.Algoritmeregister, `{"count": 1}`, registers.Error{Path: "algoritmes", Found: "no such key", Expected: `an "algoritmes" array`}},
		{"JSONArrayNotArray", registers.Algoritmeregister, `{"algoritmes": 3}`, registers.Error{Line: 1, Col: 16, Path: "algoritmes", Found: "number 3", Expected: "an array"}},
		{"JSONSyntax", registers.Algoritmeregister, "{\"algoritmes\": [\n  {\"id\": 1,}]}", registers.Error{Line: 2, Col: 12, Path: "algoritmes[0]", Found: "invalid JSON (invalid character '}' looking for beginning of object key string)", Expected: "JSON text"}},
		{"JSONTruncated", registers.Algoritmeregister, `{"algoritmes": [{"id": "1"`, registers.Error{Line: 1, Col: 17, Path: "algoritmes[0]", Found: "end of input", Expected: "the rest of the JSON value"}},
		{"JSONElementNotObject", registers.Algoritmeregister, "{\"algoritmes\": [\n  7]}", registers.Error{Line: 2, Col: 3, Path: "algoritmes[0]", Found: "a number", Expected: "an object"}},
		{"JSONFieldType", registers.Algoritmeregister, `[{"id": "1", "title": ["x"], "organisatie": "o"}]`, registers.Error{Line: 1, Col: 2, Path: "[0].title", Found: "an array", Expected: "a string in UTF-8"}},
		{"JSONNoTitle", registers.Algoritmeregister, `[{"id": "1", "title": " ", "organisatie": "o"}]`, registers.Error{Line: 1, Col: 2, Path: "[0].title", Found: "an empty value", Expected: "a non-empty title"}},
		{"JSONNoOrganisation", registers.Algoritmeregister, `[{"id": "1", "title": "t"}]`, registers.Error{Line: 1, Col: 2, Path: "[0].organisatie", Found: "an empty value", Expected: "the name of the organisation"}},
		{"JSONTrailing", registers.Algoritmeregister, `[] x`, registers.Error{Line: 1, Col: 4, Found: "invalid JSON (invalid character 'x' looking for beginning of value)", Expected: "JSON text"}},
		{"CSVEmpty", registers.T6XServices, "", registers.Error{Line: 1, Found: "end of input", Expected: "a header row"}},
		{"CSVMissingColumn", registers.JRCCases, "ID,Title\n1,x\n", registers.Error{Line: 1, Col: 1, Path: "name", Found: "no such column", Expected: `a "name" column (is this a jrc-cases file?)`}},
		{"CSVFieldCount", registers.T6XServices, t6xHeader + "1,x\n", registers.Error{Line: 2, Col: 2, Found: "2 fields", Expected: "20 fields, as in the header"}},
		{"CSVQuote", registers.T6XServices, t6xHeader + "1,\"x\"y,,,,,,,,,,,,,,,,,,\n", registers.Error{Line: 2, Col: 5, Found: `extraneous or missing " in quoted-field`, Expected: "CSV text (RFC 4180)"}},
		{"CSVNoName", registers.T6XServices, t6xHeader + "1,,,,,,Local,Finland,Org,Governmental,,,,,,,,,,\n", registers.Error{Line: 2, Col: 2, Path: "name", Found: "an empty value", Expected: "the name of the service"}},
		{"UnknownFormat", registers.Format("xml"), "<x/>", registers.Error{Found: `format "xml"`, Expected: "a register format (see Formats)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, r, err := readAll(t, []byte(tc.in), "in", tc.format)
			if err == nil {
				t.Fatal("read: no error")
			}
			got := *asError(t, err)
			tc.want.File = "in"
			if got != tc.want {
				t.Errorf("Read() error = %#v, want %#v", got, tc.want)
			}
			if _, again := r.Read(); again != err {
				t.Errorf("second Read() = %v, want the same error", again)
			}
			if !strings.HasPrefix(err.Error(), "registers: in:") {
				t.Errorf("Error() = %q, want it to start with the file name", err)
			}
		})
	}
}

// errReader fails after giving its data.
type errReader struct{ data string }

var errDisk = errors.New("disk on fire")

func (e *errReader) Read(p []byte) (int, error) {
	if e.data == "" {
		return 0, errDisk
	}
	n := copy(p, e.data)
	e.data = e.data[n:]
	return n, nil
}

// TestReader_IOError checks that errors of the underlying reader are
// returned wrapped, not as [registers.ErrInvalid].
func TestReader_IOError(t *testing.T) {
	for _, f := range registers.Formats() {
		t.Run(string(f), func(t *testing.T) {
			in := `{"algoritmes": [`
			switch f {
			case registers.JRCCases:
				in = "ID,Name,Responsible Organization\n"
			case registers.T6XServices:
				in = t6xHeader
			}
			r := registers.NewReader(&errReader{data: in}, "in", f, testBase)
			var err error
			for err == nil {
				_, err = r.Read()
			}
			if err == io.EOF || !errors.Is(err, errDisk) || errors.Is(err, registers.ErrInvalid) {
				t.Errorf("Read() error = %v, want one wrapping %v and not ErrInvalid", err, errDisk)
			}
		})
	}
}

// TestDetect checks format detection on heads of each format and of
// files that are none.
func TestDetect(t *testing.T) {
	tests := []struct {
		name, file, head string
		want             registers.Format
		ok               bool
	}{
		{"Algoritmeregister", "a.json", "{\n  \"algoritmes\": [", registers.Algoritmeregister, true},
		{"AlgoritmeregisterBOM", "a.json", "\uFEFF[{\"organisatie\": \"x\"", registers.Algoritmeregister, true},
		{"AlgoritmeregisterShortHead", "algoritmes.json", "{", registers.Algoritmeregister, true},
		{"OtherJSON", "schema.json", `{"$schema": "x", "algoritme": 1}`, "", false},
		{"JRC", "x.csv", "ID,Name,Website,Description,Geographical extent,\"Geographic coverage\nCountry\"", registers.JRCCases, true},
		{"T6X", "x.csv", t6xHeader, registers.T6XServices, true},
		{"T6XCRLF", "x.csv", strings.ReplaceAll(t6xHeader, "\n", "\r\n"), registers.T6XServices, true},
		{"Catalogue", "c.csv", "c_name,c_description,c_contact\n", "", false},
		{"Empty", "", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := registers.Detect([]byte(tc.head), tc.file)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Detect(%q) = %q, %v, want %q, %v", tc.head, got, ok, tc.want, tc.ok)
			}
		})
	}
}
