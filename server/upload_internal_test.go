package server

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRequest_Locate(t *testing.T) {
	const vars = `{"f": null, "input": {"files": [null, null], "meta": {"name": "x"}}, "n": 3}`
	for _, tc := range []struct {
		name, path string
		want       string // the variables after setting "F", or the error's text
		wantErr    bool
	}{
		{"Variable", "variables.f", `{"f":"F","input":{"files":[null,null],"meta":{"name":"x"}},"n":3}`, false},
		{"Nested", "variables.input.meta.name", `{"f":null,"input":{"files":[null,null],"meta":{"name":"F"}},"n":3}`, false},
		{"ListItem", "variables.input.files.1", `{"f":null,"input":{"files":[null,"F"],"meta":{"name":"x"}},"n":3}`, false},
		{"NoVariable", "variables.g", "operations has no variable g (give it the value null)", true},
		{"NoField", "variables.input.other", "operations has no variables.input.other (give it the value null)", true},
		{"IndexOut", "variables.input.files.2", "variables.input.files.2: variables.input.files is a list of 2, with no index 2", true},
		{"IndexNotNumber", "variables.input.files.x", "with no index x", true},
		{"IntoScalar", "variables.n.m", "variables.n.m: variables.n is neither an object nor a list", true},
		{"IntoNull", "variables.f.g", "variables.f is neither an object nor a list", true},
		{"NotVariables", "query", "expected variables.NAME", true},
		{"Batch", "0.variables.f", "expected variables.NAME", true},
		{"VariablesOnly", "variables", "expected variables.NAME", true},
		{"Empty", "", "expected variables.NAME", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var req request
			if err := json.Unmarshal([]byte(`{"variables":`+vars+`}`), &req); err != nil {
				t.Fatal(err)
			}
			set, err := req.locate(tc.path)
			if tc.wantErr {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("locate(%q) error = %v, want %q", tc.path, err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatalf("locate(%q): %v", tc.path, err)
			}
			set("F")
			got, _ := json.Marshal(req.Variables)
			if string(got) != tc.want {
				t.Errorf("locate(%q) then set: %s, want %s", tc.path, got, tc.want)
			}
		})
	}
}

func TestInvalidUTF8(t *testing.T) {
	for _, tc := range []struct {
		in        string
		off, line int
		wantFound bool
	}{
		{"", 0, 0, false},
		{"plain\nascii", 0, 0, false},
		{"café\n日本", 0, 0, false},
		{"\xff", 0, 1, true},
		{"a\nb\nc\xc3", 5, 3, true},    // a truncated sequence at the end
		{"é\n\xe2\x82x", 3, 2, true},   // a truncated sequence inside
		{"ok\xed\xa0\x80", 2, 1, true}, // a surrogate
		{"x\xc0\xaf", 1, 1, true},      // an overlong encoding
	} {
		off, line, found := invalidUTF8(tc.in)
		if found != tc.wantFound || off != tc.off || line != tc.line {
			t.Errorf("invalidUTF8(%q) = %d, %d, %v, want %d, %d, %v", tc.in, off, line, found, tc.off, tc.line, tc.wantFound)
		}
	}
}
