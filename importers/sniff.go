package importers

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sniffSize is how much of an input's start [look] reads.
const sniffSize = 8 << 10

// kind is what the start of an input looks like.
type kind int

const (
	kindText     kind = iota // text that none of the rules below recognise
	kindEmpty                // nothing, or only white space
	kindBinary               // not text: NUL or control bytes, a known archive
	kindJSON                 // a JSON object or array
	kindJSONLD               // a JSON object with @context or @id
	kindXML                  // XML that is not RDF/XML
	kindRDFXML               // RDF/XML
	kindHTML                 // an HTML page
	kindBibTeX               // BibTeX entries (@article{...)
	kindRIS                  // RIS records (TY  - ...)
	kindTurtle               // Turtle or TriG directives (@prefix, PREFIX)
	kindNTriples             // lines that start with an IRI or blank node
	kindCSV                  // delimited lines with the same number of fields
)

// looks is what [look] found: the kind, and a phrase for messages ("BibTeX
// (it starts with "@article{smith,")").
type looks struct {
	kind kind
	desc string
}

var (
	reBibTeXEntry = regexp.MustCompile(`(?m)^[ \t]*@[A-Za-z]+[ \t]*[{(]`)
	reRISType     = regexp.MustCompile(`(?m)^TY {1,3}- `)
	reTurtleDir   = regexp.MustCompile(`^(@prefix|@base)\s|^(?i:prefix|base)\s+[A-Za-z0-9_.-]*:?\s*<`)
	reXMLDecl     = regexp.MustCompile(`^<(\?xml|!--|(?i:!doctype))`)
	reXMLElement  = regexp.MustCompile(`^<[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?[\s>/]`)
	reNTStart     = regexp.MustCompile(`^(<[^<>"{}|^\x60\\\s]*>|_:[A-Za-z0-9_])`)
	// reStatement is a subject IRI or blank node followed, on the same
	// line, by another term: "<s> <p> ..." is a statement, not an element.
	reStatement = regexp.MustCompile(`^(<[^<>\s"]*>|_:\S+)[ \t]+(<|_:|"|[A-Za-z][\w.-]*:|a[ \t]|\[)`)
)

// look tells what the start of an input (at most sniffSize bytes of it)
// looks like, for messages that say what a file is when it is not what it
// was read as. It is a guess from the first bytes; kindText means "no rule
// fits", not "plain text for sure".
func look(head []byte) looks {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	t := bytes.TrimLeft(head, " \t\r\n")
	if len(t) == 0 {
		if len(head) == 0 {
			return looks{kindEmpty, "empty (0 bytes)"}
		}
		return looks{kindEmpty, "empty (only white space)"}
	}
	switch {
	case bytes.HasPrefix(t, []byte{0x1f, 0x8b}):
		return looks{kindBinary, "gzip-compressed data (decompress it first)"}
	case bytes.HasPrefix(t, []byte("PK\x03\x04")):
		return looks{kindBinary, "a ZIP archive (a spreadsheet or zipped files?)"}
	case bytes.HasPrefix(t, []byte("%PDF")):
		return looks{kindBinary, "a PDF document"}
	}
	if isBinary(t) {
		return looks{kindBinary, "binary data, not text"}
	}
	starts := "it starts with " + excerpt(t)
	switch c := t[0]; {
	case (c == '{' || c == '[') && isJSONStart(t):
		return lookJSON(t)
	case c == '<' && !reStatement.Match(t) && (reXMLDecl.Match(t) ||
		reXMLElement.Match(t) && (bytes.Contains(t, []byte("</")) || bytes.Contains(t, []byte("xmlns")))):
		low := bytes.ToLower(t[:min(len(t), 512)])
		switch {
		case bytes.Contains(low, []byte("<!doctype html")) || bytes.Contains(low, []byte("<html")):
			return looks{kindHTML, "an HTML page (" + starts + ")"}
		case bytes.Contains(t, []byte("http://www.w3.org/1999/02/22-rdf-syntax-ns#")):
			return looks{kindRDFXML, "RDF/XML (" + starts + ")"}
		}
		return looks{kindXML, "XML that is not RDF/XML (" + starts + ")"}
	}
	if loc := reBibTeXEntry.FindIndex(t); loc != nil && !reTurtleDir.Match(firstLine(t)) {
		return looks{kindBibTeX, "BibTeX (entries such as " + excerpt(t[loc[0]:]) + ")"}
	}
	if loc := reRISType.FindIndex(t); loc != nil {
		return looks{kindRIS, "RIS (records such as " + excerpt(t[loc[0]:]) + ")"}
	}
	first := firstLine(skipComments(t))
	switch {
	case reTurtleDir.Match(first):
		return looks{kindTurtle, "Turtle (" + starts + ")"}
	case reNTStart.Match(first):
		return looks{kindNTriples, "N-Triples or Turtle statements (" + starts + ")"}
	}
	if n, cols := csvColumns(t); n > 1 {
		return looks{kindCSV, fmt.Sprintf("CSV with %d columns (%s)", n, cols)}
	}
	return looks{kindText, "plain text (" + starts + ")"}
}

// isBinary reports whether b holds a NUL byte, or many control bytes
// other than white space. Text in a legacy 8-bit encoding (Latin-1,
// Windows-1252) is not binary.
func isBinary(b []byte) bool {
	b = b[:min(len(b), 1024)]
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b:
			ctl++
		}
	}
	return ctl*10 > len(b)
}

// isJSONStart reports whether t, which starts with '{' or '[', starts a
// JSON value (and not a TriG graph block or a Turtle blank node).
func isJSONStart(t []byte) bool {
	rest := bytes.TrimLeft(t[1:], " \t\r\n")
	if len(rest) == 0 {
		return true
	}
	c := rest[0]
	if t[0] == '{' {
		return c == '"' || c == '}'
	}
	return c == '{' || c == '[' || c == '"' || c == ']' || c == '-' || c >= '0' && c <= '9' ||
		bytes.HasPrefix(rest, []byte("true")) || bytes.HasPrefix(rest, []byte("false")) || bytes.HasPrefix(rest, []byte("null"))
}

// lookJSON describes a JSON value by its first keys.
func lookJSON(t []byte) looks {
	if bytes.Contains(t, []byte(`"@context"`)) || bytes.Contains(t, []byte(`"@id"`)) {
		return looks{kindJSONLD, "JSON-LD (it has @context or @id)"}
	}
	d := json.NewDecoder(bytes.NewReader(t))
	tok, _ := d.Token()
	what := "a JSON object"
	if tok == json.Delim('[') {
		what = "a JSON array"
		if tok, _ = d.Token(); tok != json.Delim('{') {
			return looks{kindJSON, what}
		}
		what += " of objects"
	}
	var keys []string
	depth, wantKey := 1, true // depth 1 is inside the first object
keys:
	for len(keys) < 6 {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch tok {
		case json.Delim('{'), json.Delim('['):
			depth++
			continue
		case json.Delim('}'), json.Delim(']'):
			depth--
			wantKey = true
			if depth == 0 {
				break keys
			}
			continue
		}
		if depth != 1 {
			continue
		}
		if k, ok := tok.(string); ok && wantKey {
			keys = append(keys, short(k))
			wantKey = false
		} else {
			wantKey = true
		}
	}
	if len(keys) == 0 {
		return looks{kindJSON, what}
	}
	return looks{kindJSON, what + " with keys " + strings.Join(keys, ", ")}
}

// firstLine returns t up to its first line end.
func firstLine(t []byte) []byte {
	if i := bytes.IndexAny(t, "\r\n"); i >= 0 {
		return t[:i]
	}
	return t
}

// skipComments drops the lines at the start of t that are comments (#)
// or blank.
func skipComments(t []byte) []byte {
	for len(t) > 0 {
		t = bytes.TrimLeft(t, " \t\r\n")
		if len(t) == 0 || t[0] != '#' {
			return t
		}
		i := bytes.IndexAny(t, "\r\n")
		if i < 0 {
			return nil
		}
		t = t[i:]
	}
	return t
}

// csvColumns returns the number of fields of t's first record, and the
// first few, when the first two records have the same number of fields
// (separated by commas, semicolons or tabs), or 0.
func csvColumns(t []byte) (int, string) {
	for _, sep := range []rune{',', ';', '\t'} {
		r := csv.NewReader(bytes.NewReader(t))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = sep, -1, true
		first, err := r.Read()
		if err != nil || len(first) < 2 {
			continue
		}
		second, err := r.Read()
		if err != nil || len(second) != len(first) {
			continue
		}
		shown := make([]string, 0, 4)
		for _, f := range first[:min(len(first), 4)] {
			shown = append(shown, short(strings.TrimSpace(f)))
		}
		s := "first " + strings.Join(shown, ", ")
		if len(first) > len(shown) {
			s += ", ..."
		}
		return len(first), s
	}
	return 0, ""
}

// excerpt quotes the start of t: at most 40 bytes of its first line, cut
// at a rune boundary, control characters escaped by the quoting.
func excerpt(t []byte) string {
	l := firstLine(t)
	cut := len(l) > 40
	if cut {
		l = l[:40]
		for len(l) > 0 && !utf8.Valid(l) {
			l = l[:len(l)-1]
		}
	}
	s := strconv.Quote(string(l))
	if cut {
		s += "..."
	}
	return s
}

// compatible reports whether content that looks like k can be read as
// format f. Only kinds that are sure enough of themselves rule a format
// out; text that no rule recognises is left to the format's reader (and to
// the check that an input gives statements).
func compatible(f Format, k kind) bool {
	jsonFormat := false
	switch f.base() {
	case JSONLD, CSLJSON, OCDS, JSON:
		jsonFormat = true
	}
	switch k {
	case kindJSON, kindJSONLD:
		return jsonFormat || f.base() == Register || f.base() == Mapped
	case kindXML, kindRDFXML:
		return f.base() == RDFXML
	case kindHTML, kindBinary:
		return false
	case kindBibTeX:
		return f.base() == BibTeX
	case kindRIS:
		return f.base() == RIS
	case kindTurtle:
		return f.base() == Turtle || f.base() == TriG
	case kindNTriples:
		switch f.base() {
		case NTriples, NQuads, Turtle, TriG:
			return true
		}
		return false
	}
	// Text and CSV: a format that needs JSON or XML cannot read them.
	return !jsonFormat && f.base() != RDFXML
}

// formatName names a format in messages.
func formatName(f Format) string {
	switch f.base() {
	case NTriples:
		return "N-Triples"
	case NQuads:
		return "N-Quads"
	case Turtle:
		return "Turtle"
	case TriG:
		return "TriG"
	case RDFXML:
		return "RDF/XML"
	case JSONLD:
		return "JSON-LD"
	case CSV:
		return "CSV"
	case BibTeX:
		return "BibTeX"
	case RIS:
		return "RIS"
	case CSLJSON:
		return "CSL-JSON"
	case Citations:
		return "a plain citation list"
	case OCDS:
		return "OCDS"
	case Register:
		return "an AI register"
	case CodeList:
		return "a code list"
	case JSON:
		return "JSON"
	}
	return string(f)
}

// suggest returns the --format that reads content of kind k, or "".
func suggest(k kind) string {
	switch k {
	case kindJSONLD:
		return "jsonld"
	case kindRDFXML:
		return "rdfxml"
	case kindBibTeX:
		return "bibtex"
	case kindRIS:
		return "ris"
	case kindTurtle:
		return "ttl"
	case kindNTriples:
		return "nt"
	case kindCSV:
		return "csv"
	}
	return ""
}

// short quotes s, cut to 30 bytes at a rune boundary.
func short(s string) string {
	if len(s) <= 30 {
		return strconv.Quote(s)
	}
	s = s[:30]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return strconv.Quote(s) + "..."
}
