package registers

import (
	"bytes"
	"strings"
)

// Format is a register file format the [Reader] reads.
type Format string

// The formats the reader reads.
const (
	// Algoritmeregister is the JSON of the Dutch national Algoritmeregister
	// (algoritmes.overheid.nl) as scraped daily: an object whose
	// "algoritmes" array holds one object per algorithm with the fields
	// id, title, organisatie, doel, status, impactassessment,
	// juridische_basis and url; a bare array of such objects is read too.
	Algoritmeregister Format = "algoritmeregister"
	// JRCCases is the CSV export of the JRC AI Watch "selected AI cases in
	// the public sector" catalogue: 46 columns, headers quoted over several
	// lines, Windows-1252 text, mixed CRLF and LF line ends.
	JRCCases Format = "jrc-cases"
	// T6XServices is the harmonised services CSV of the AI Watch T6-X
	// explorer, in which the Amsterdam algorithm register and the Helsinki
	// AI register are published (id, name, type, url, ..., status).
	T6XServices Format = "t6x-services"
)

// Formats returns the formats the reader reads, in a fixed order.
func Formats() []Format { return []Format{Algoritmeregister, JRCCases, T6XServices} }

// Detect tells the format of a file from its first bytes (a few KiB are
// plenty) and, as a tie-breaker only, its name. It reports false when the
// bytes are of none of the formats, such as the catalogue or metadata CSVs
// published beside the registers.
func Detect(head []byte, name string) (Format, bool) {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	trimmed := bytes.TrimLeft(head, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		if bytes.Contains(head, []byte(`"algoritmes"`)) || bytes.Contains(head, []byte(`"organisatie"`)) {
			return Algoritmeregister, true
		}
		// A head too short to hold a key leaves it to the name.
		if !bytes.ContainsRune(head, '"') && strings.Contains(strings.ToLower(name), "algoritme") {
			return Algoritmeregister, true
		}
		return "", false
	}
	h := normHeader(string(firstRecord(trimmed)))
	switch {
	case strings.HasPrefix(h, "id,name,website,description,geographical extent,"):
		return JRCCases, true
	case strings.HasPrefix(h, "id,name,type,url,contact,description,geoextent,"):
		return T6XServices, true
	}
	return "", false
}

// firstRecord returns the bytes of the first CSV record of b: up to the
// first line end outside double quotes.
func firstRecord(b []byte) []byte {
	quoted := false
	for i, c := range b {
		switch {
		case c == '"':
			quoted = !quoted
		case (c == '\n' || c == '\r') && !quoted:
			return b[:i]
		}
	}
	return b
}

// normHeader lower-cases a header and turns every run of white space into
// one space, with none beside commas, quotes dropped, so that headers
// quoted over several lines compare equal to their one-line form.
func normHeader(s string) string {
	s = strings.ReplaceAll(s, `"`, "")
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = true
		case r == ',':
			space = false
			b.WriteRune(r)
		default:
			if space && b.Len() > 0 && !strings.HasSuffix(b.String(), ",") {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}
