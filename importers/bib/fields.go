package bib

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"civicgraph/importers/citation"
)

// entry is one bibliography entry as a format decoder has taken it apart:
// text fields already decoded (LaTeX, JSON escapes, RIS continuation lines)
// but not yet normalised. [entry.citation] normalises it the same way for
// every format.
type entry struct {
	line int    // line the entry starts on
	raw  string // the entry as written
	key  string // citation key, CSL id or RIS ID: a year suffix may hide in it

	typ citation.Type

	authors, editors []citation.Person
	// editorsOfContainer says the editors are those of the book or
	// proceedings the work is in (a chapter, a conference paper).
	editorsOfContainer bool

	title, container, series, number, volume, issue, pages, chapter, edition string
	// year, month and day are the date of publication as given: the year
	// may carry a letter suffix ("2019a"), the month may be a number or an
	// English month name.
	year, yearSuffix, month, day string
	publishers                   []string
	place, url, doi, language    string
	// urls are further web addresses, after url (RIS gives several).
	urls  []string
	notes []string

	// bibType and fields are a BibTeX entry's type and raw fields, for
	// the entries that cross-reference it (see bibtexDecoder.crossref).
	bibType string
	fields  map[string]string
}

// citation normalises e into a Citation. A value that cannot be normalised
// (a year that is not a year, a DOI that is not a DOI, an address that is
// not a web address, a language that is not a language) is not lost: it is
// kept in the Note as "field: value", so that the Citation maps to quads
// the shapes accept.
func (e *entry) citation() citation.Citation {
	c := citation.Citation{
		Line:      e.line,
		Raw:       e.raw,
		Type:      e.typ,
		Title:     cleanText(e.title),
		Container: cleanText(e.container),
		Series:    cleanText(e.series),
		Number:    cleanText(e.number),
		Volume:    cleanText(e.volume),
		Issue:     cleanText(e.issue),
		Pages:     normPages(e.pages),
		Chapter:   cleanText(e.chapter),
		Edition:   cleanText(e.edition),
		Place:     cleanText(e.place),
	}
	if c.Type == "" {
		c.Type = citation.TypeReport
	}
	c.Authors = cleanPeople(e.authors)
	if e.editorsOfContainer {
		c.ContainerEditors = cleanPeople(e.editors)
	} else {
		c.Editors = cleanPeople(e.editors)
	}
	notes := make([]string, 0, len(e.notes)+2)
	for _, n := range e.notes {
		if n = cleanText(n); n != "" {
			notes = append(notes, n)
		}
	}

	year := cleanText(e.year)
	switch {
	case year == "":
	case reYear.MatchString(year):
		c.Year = year
	default:
		// "Spring 2022", "c. 1887": the one year in the text is the year.
		if ys := reYearIn.FindAllStringSubmatch(year, 2); len(ys) == 1 {
			c.Year = ys[0][1]
			notes = append(notes, "date: "+year)
		} else {
			notes = append(notes, "year: "+year)
		}
	}
	if c.Year != "" && len(c.Year) == 4 {
		if s := cleanText(e.yearSuffix); len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' {
			c.Year += s
		} else {
			c.Year += yearSuffixIn(e.key, c.Year)
		}
	}
	if c.Year != "" {
		if m := monthNumber(cleanText(e.month)); m > 0 {
			if d, err := strconv.Atoi(cleanText(e.day)); err == nil {
				t := time.Date(atoi(c.Year[:4]), time.Month(m), d, 0, 0, 0, 0, time.UTC)
				if t.Day() == d && t.Month() == time.Month(m) {
					c.Date = t.Format("2 January 2006")
				}
			}
		}
	}

	for _, p := range e.publishers {
		if p = cleanText(p); p != "" && !containsString(c.Publishers, p) {
			c.Publishers = append(c.Publishers, p)
		}
	}
	c.Publisher = strings.Join(c.Publishers, "; ")

	for _, u := range append([]string{e.url}, e.urls...) {
		u = cleanText(u)
		if u == "" {
			continue
		}
		n, ok := normURL(u)
		switch {
		case !ok:
			notes = append(notes, "url: "+u)
		case c.URL == "":
			c.URL = n
		case n != c.URL && !containsString(c.OtherURLs, n):
			c.OtherURLs = append(c.OtherURLs, n)
		}
	}
	if d := cleanText(e.doi); d != "" {
		if n, ok := normDOI(d); ok {
			c.DOI = n
		} else {
			notes = append(notes, "doi: "+d)
		}
	}
	if c.DOI == "" && c.URL != "" {
		if n, ok := doiFromURL(c.URL); ok {
			c.DOI = n
		}
	}
	if l := cleanText(e.language); l != "" {
		if n, ok := normLanguage(l); ok {
			c.Language = n
		} else {
			notes = append(notes, "language: "+l)
		}
	}
	c.Note = strings.Join(notes, "; ")
	return c
}

// cleanPeople cleans the names of people and drops empty ones. A person
// with given names only is taken by that name, as an organisation would be.
func cleanPeople(ps []citation.Person) []citation.Person {
	var out []citation.Person
	for _, p := range ps {
		p.Family, p.Given = cleanText(p.Family), initials(cleanText(p.Given))
		if p.Family == "" {
			p.Family, p.Given = p.Given, ""
		}
		if p.Family != "" {
			out = append(out, p)
		}
	}
	return out
}

// initials writes the initials in given names one way, the way of the
// seed's citations, so that one person cited as "J. R.", "J.R." or "J R"
// gets one IRI and one name: a lone capital letter gets a period ("J" →
// "J."), and names that are all initials lose the spaces between them
// ("J. R." → "J.R."). Other names are kept ("Christian S" → "Christian S.").
func initials(given string) string {
	if given == "" {
		return ""
	}
	words := strings.Fields(given)
	all := true
	for i, w := range words {
		if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
			words[i] = w + "."
			continue
		}
		if !isInitials(w) {
			all = false
		}
	}
	if all {
		return strings.Join(words, "")
	}
	return strings.Join(words, " ")
}

// isInitials reports whether w is initials with periods: "J.", "J.R.",
// "J.-P.".
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	for w != "" {
		w = strings.TrimPrefix(w, "-")
		r, n := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || n >= len(w) || w[n] != '.' {
			return false
		}
		w = w[n+1:]
	}
	return true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// Patterns of normalised values; they are read-only. reYear and reDOI are
// the patterns of cg:yearLabel and bibo:doi in the shapes.
var (
	reYear = regexp.MustCompile(`^[0-9]{4}[a-z]?$`)
	reDOI  = regexp.MustCompile(`^10\.[0-9]{4,9}/\S+$`)
	reLang = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$`)
	// reYearIn finds a year from 1000 to 2999 standing alone in a text.
	reYearIn = regexp.MustCompile(`(?:^|[^0-9])([12][0-9]{3})(?:$|[^0-9])`)
)

// yearSuffixIn returns the letter that follows year in a citation key such
// as "smith2019a" or "Smith_2019b_title", or "" when there is none: the
// letter must be a lower-case one, and not followed by another lower-case
// letter (so "smith2019about" has none).
func yearSuffixIn(key, year string) string {
	for i := 0; i+len(year) < len(key); {
		j := strings.Index(key[i:], year)
		if j < 0 {
			return ""
		}
		j += i
		after := j + len(year)
		if (j == 0 || !isDigit(key[j-1])) && after < len(key) && key[after] >= 'a' && key[after] <= 'z' &&
			(after+1 == len(key) || !(key[after+1] >= 'a' && key[after+1] <= 'z')) {
			return key[after : after+1]
		}
		i = j + 1
	}
	return ""
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// monthNumber returns the month 1-12 of a month number ("4", "04") or an
// English month name or its abbreviation ("April", "apr", "Apr."), and 0
// otherwise.
func monthNumber(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		if n >= 1 && n <= 12 {
			return n
		}
		return 0
	}
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	for i, m := range [...]string{"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december"} {
		if strings.HasPrefix(m, s) {
			return i + 1
		}
	}
	return 0
}

// splitDate takes a date as "2019", "2019-05", "2019-05-03", "2019/05/03/"
// (RIS), with an optional EDTF "~" or "?" qualifier, apart into its year,
// month and day, and reports whether it starts with a year of four digits.
func splitDate(s string) (year, month, day string, ok bool) {
	s = strings.TrimRight(strings.TrimSpace(s), "~?%")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) == 0 || len(parts[0]) != 4 || strings.HasPrefix(s, "-") {
		return "", "", "", false
	}
	for _, b := range []byte(parts[0]) {
		if !isDigit(b) {
			return "", "", "", false
		}
	}
	year = parts[0]
	if len(parts) > 1 {
		month = parts[1]
	}
	if len(parts) > 2 {
		day = parts[2]
	}
	return year, month, day, true
}

// cleanText repairs mojibake, turns every run of white space into one
// space and trims the ends.
func cleanText(s string) string {
	if s == "" {
		return ""
	}
	s = fixMojibake(s)
	clean := true
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f' ||
			b == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// normPages writes a page range with a plain hyphen: "12--34", "12–34" and
// "12 - 34" all become "12-34".
func normPages(s string) string {
	s = cleanText(s)
	if s == "" {
		return ""
	}
	s = strings.NewReplacer("--", "-", "–", "-", "—", "-").Replace(s)
	return strings.ReplaceAll(strings.ReplaceAll(s, " -", "-"), "- ", "-")
}

// normDOI returns the DOI in s, lower-cased, without "doi:" or a resolver's
// address, and reports whether it is a DOI ("10.", a registrant code of
// four to nine digits, "/", a suffix without spaces).
func normDOI(s string) (string, bool) {
	s = strings.TrimSpace(s)
	lower := strings.ToLower(s)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
		"http://dx.doi.org/", "doi.org/", "dx.doi.org/", "doi:", "doi "} {
		if strings.HasPrefix(lower, p) {
			s = strings.TrimSpace(s[len(p):])
			if strings.Contains(p, "/") {
				if u, err := url.PathUnescape(s); err == nil {
					s = u
				}
			}
			break
		}
	}
	s = strings.ToLower(s)
	return s, reDOI.MatchString(s)
}

// doiFromURL returns the DOI of a doi.org address.
func doiFromURL(u string) (string, bool) {
	lower := strings.ToLower(u)
	for _, p := range []string{"https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/"} {
		if strings.HasPrefix(lower, p) {
			return normDOI(u)
		}
	}
	return "", false
}

// normURL returns s as an http or https address that is a valid IRI, with
// spaces and the characters IRIs forbid percent-encoded, and reports
// whether s is such an address. An address without a scheme that starts
// with "www." is taken as https.
func normURL(s string) (string, bool) {
	lower := strings.ToLower(s)
	if strings.HasPrefix(lower, "www.") {
		s, lower = "https://"+s, "https://"+lower
	}
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return "", false
	}
	rest := s[strings.Index(s, "//")+2:]
	if rest == "" || rest[0] == '/' {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '<', '>', '"', '{', '}', '|', '^', '`', '\\':
			b.WriteString("%" + strings.ToUpper(strconv.FormatUint(uint64(c), 16)))
		default:
			if c < 0x20 || c == 0x7f {
				return "", false
			}
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// languages maps language names (English and native) and ISO 639-2 codes,
// lower-cased, to ISO 639-1 codes. It is a read-only table.
var languages = map[string]string{
	"english": "en", "eng": "en", "anglais": "en", "inglés": "en", "ingles": "en", "anglès": "en", "englisch": "en",
	"spanish": "es", "spa": "es", "español": "es", "espanol": "es", "castellano": "es", "castilian": "es", "castellà": "es",
	"catalan": "ca", "cat": "ca", "català": "ca", "catala": "ca", "catalán": "ca",
	"french": "fr", "fre": "fr", "fra": "fr", "français": "fr", "francais": "fr", "francés": "fr",
	"german": "de", "ger": "de", "deu": "de", "deutsch": "de", "alemán": "de",
	"italian": "it", "ita": "it", "italiano": "it",
	"portuguese": "pt", "por": "pt", "português": "pt", "portugues": "pt",
	"dutch": "nl", "dut": "nl", "nld": "nl", "nederlands": "nl",
	"russian": "ru", "rus": "ru", "русский": "ru",
	"chinese": "zh", "chi": "zh", "zho": "zh",
	"japanese": "ja", "jpn": "ja",
	"korean": "ko", "kor": "ko",
	"arabic": "ar", "ara": "ar",
	"polish": "pl", "pol": "pl", "polski": "pl",
	"czech": "cs", "cze": "cs", "ces": "cs",
	"swedish": "sv", "swe": "sv", "svenska": "sv",
	"danish": "da", "dan": "da", "dansk": "da",
	"norwegian": "no", "nor": "no", "norsk": "no",
	"finnish": "fi", "fin": "fi", "suomi": "fi",
	"greek": "el", "gre": "el", "ell": "el",
	"turkish": "tr", "tur": "tr",
	"hungarian": "hu", "hun": "hu",
	"romanian": "ro", "rum": "ro", "ron": "ro",
	"ukrainian": "uk", "ukr": "uk",
	"basque": "eu", "baq": "eu", "eus": "eu", "euskara": "eu",
	"galician": "gl", "glg": "gl", "galego": "gl",
	"estonian": "et", "est": "et",
	"latin": "la", "lat": "la",
	"hebrew": "he", "heb": "he",
	"hindi": "hi", "hin": "hi",
}

// normLanguage returns s as a BCP 47 language tag: a language name or ISO
// 639-2 code becomes its two-letter code ("English", "eng" → "en"), "en_US"
// becomes "en-US", and a tag is kept. It reports false for anything else.
func normLanguage(s string) (string, bool) {
	if l, ok := languages[strings.ToLower(s)]; ok {
		return l, true
	}
	s = strings.ReplaceAll(s, "_", "-")
	if !reLang.MatchString(s) {
		return "", false
	}
	primary, rest, _ := strings.Cut(s, "-")
	primary = strings.ToLower(primary)
	if l, ok := languages[primary]; ok {
		primary = l
	}
	if rest != "" {
		return primary + "-" + rest, true
	}
	return primary, true
}

// cp1252 maps the characters Windows-1252 puts at 0x80-0x9F to their bytes.
// It is a read-only table.
var cp1252 = map[rune]byte{
	'€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88,
	'‰': 0x89, 'Š': 0x8A, '‹': 0x8B, 'Œ': 0x8C, 'Ž': 0x8E, '‘': 0x91, '’': 0x92, '“': 0x93,
	'”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9A, '›': 0x9B,
	'œ': 0x9C, 'ž': 0x9E, 'Ÿ': 0x9F,
}

// fixMojibake undoes UTF-8 text decoded as Latin-1 or Windows-1252 and
// encoded again, once or twice: "Ã©" becomes "é", "Ã¢Â\u0080Â\u0098"
// becomes "‘". Each run of non-ASCII characters is repaired on its own,
// and only when every character maps back to one byte and the bytes are
// valid UTF-8, which text in those encodings almost never is.
func fixMojibake(s string) string {
	suspect := false
	for _, r := range s {
		if r >= 0xC2 && r <= 0xF4 {
			suspect = true
			break
		}
	}
	if !suspect {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= utf8.RuneSelf {
			j++
		}
		b.WriteString(unmojibake(s[i:j]))
		i = j
	}
	return b.String()
}

// unmojibake repairs one run of non-ASCII characters, up to three times.
func unmojibake(run string) string {
	for range 3 {
		b := make([]byte, 0, len(run))
		for _, r := range run {
			switch c, ok := cp1252[r]; {
			case r < 0x100:
				b = append(b, byte(r))
			case ok:
				b = append(b, c)
			default:
				return run
			}
		}
		if !utf8.Valid(b) {
			return run
		}
		run = string(b)
	}
	return run
}

// typeTable turns lists of type names, comma-separated, by citation type
// into a map from name to type.
func typeTable(names map[citation.Type]string) map[string]citation.Type {
	m := map[string]citation.Type{}
	for t, list := range names {
		for _, n := range strings.Split(list, ",") {
			m[n] = t
		}
	}
	return m
}
