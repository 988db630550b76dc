package iri

import "testing"

// TestAppendResolved checks reference resolution against the examples of
// RFC 3986 section 5.4, and a few cases without an authority.
func TestAppendResolved(t *testing.T) {
	tests := []struct {
		base, ref, want string
	}{
		// 5.4.1 Normal Examples
		{"http://a/b/c/d;p?q", "g:h", "g:h"},
		{"http://a/b/c/d;p?q", "g", "http://a/b/c/g"},
		{"http://a/b/c/d;p?q", "./g", "http://a/b/c/g"},
		{"http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"},
		{"http://a/b/c/d;p?q", "/g", "http://a/g"},
		{"http://a/b/c/d;p?q", "//g", "http://g"},
		{"http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"},
		{"http://a/b/c/d;p?q", "g?y", "http://a/b/c/g?y"},
		{"http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"},
		{"http://a/b/c/d;p?q", "g#s", "http://a/b/c/g#s"},
		{"http://a/b/c/d;p?q", "g?y#s", "http://a/b/c/g?y#s"},
		{"http://a/b/c/d;p?q", ";x", "http://a/b/c/;x"},
		{"http://a/b/c/d;p?q", "g;x", "http://a/b/c/g;x"},
		{"http://a/b/c/d;p?q", "g;x?y#s", "http://a/b/c/g;x?y#s"},
		{"http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"},
		{"http://a/b/c/d;p?q", ".", "http://a/b/c/"},
		{"http://a/b/c/d;p?q", "./", "http://a/b/c/"},
		{"http://a/b/c/d;p?q", "..", "http://a/b/"},
		{"http://a/b/c/d;p?q", "../", "http://a/b/"},
		{"http://a/b/c/d;p?q", "../g", "http://a/b/g"},
		{"http://a/b/c/d;p?q", "../..", "http://a/"},
		{"http://a/b/c/d;p?q", "../../", "http://a/"},
		{"http://a/b/c/d;p?q", "../../g", "http://a/g"},
		// 5.4.2 Abnormal Examples
		{"http://a/b/c/d;p?q", "../../../g", "http://a/g"},
		{"http://a/b/c/d;p?q", "../../../../g", "http://a/g"},
		{"http://a/b/c/d;p?q", "/./g", "http://a/g"},
		{"http://a/b/c/d;p?q", "/../g", "http://a/g"},
		{"http://a/b/c/d;p?q", "g.", "http://a/b/c/g."},
		{"http://a/b/c/d;p?q", ".g", "http://a/b/c/.g"},
		{"http://a/b/c/d;p?q", "g..", "http://a/b/c/g.."},
		{"http://a/b/c/d;p?q", "..g", "http://a/b/c/..g"},
		{"http://a/b/c/d;p?q", "./../g", "http://a/b/g"},
		{"http://a/b/c/d;p?q", "./g/.", "http://a/b/c/g/"},
		{"http://a/b/c/d;p?q", "g/./h", "http://a/b/c/g/h"},
		{"http://a/b/c/d;p?q", "g/../h", "http://a/b/c/h"},
		{"http://a/b/c/d;p?q", "g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"http://a/b/c/d;p?q", "g;x=1/../y", "http://a/b/c/y"},
		{"http://a/b/c/d;p?q", "g?y/./x", "http://a/b/c/g?y/./x"},
		{"http://a/b/c/d;p?q", "g?y/../x", "http://a/b/c/g?y/../x"},
		{"http://a/b/c/d;p?q", "g#s/./x", "http://a/b/c/g#s/./x"},
		{"http://a/b/c/d;p?q", "g#s/../x", "http://a/b/c/g#s/../x"},
		{"http://a/b/c/d;p?q", "http:g", "http:g"},
		// No authority, an empty path, a fragment in the base.
		{"urn:ex:a", "b", "urn:b"}, // no "/": the whole base path goes
		{"http://a", "b", "http://a/b"},
		{"http://a/b#f", "", "http://a/b"},
		{"http://a/b?q#f", "#g", "http://a/b?q#g"},
		{"file:///d/e", "../../x", "file:///x"},
	}
	for _, tc := range tests {
		base := Parse(tc.base)
		if got := string(AppendResolved(nil, &base, tc.ref)); got != tc.want {
			t.Errorf("resolve(%q, %q) = %q, want %q", tc.base, tc.ref, got, tc.want)
		}
	}
}
