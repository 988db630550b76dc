package citation

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regular expressions of the citation style. They are read-only.
var (
	// reHead matches the authors, an optional editor mark and the year:
	// "Osborne, S.P. (Ed.) (2010a)". The authors are matched lazily, so the
	// first year in the line ends them.
	reHead = regexp.MustCompile(`^(.*?)\s+(?:\((Eds?|Coords?)\.\)\s+)?\((\d{4}[a-z]?)\)`)
	// reNameSep separates names in a list of authors or editors.
	reNameSep = regexp.MustCompile(`,\s+|\s+&\s+`)
	// reInitials matches the given names of a person as initials: "A.",
	// "J.V.", "Ó.", "J.-P.".
	reInitials = regexp.MustCompile(`^(?:\p{Lu}\p{Ll}?\.[-\s]?)+$`)
	// reEditors matches the editors at the start of the container of a
	// chapter: "Osborne, S.P. (Ed.), ".
	reEditors = regexp.MustCompile(`^(.+?)\s+\((?:Eds?|Coords?)\.\),\s+`)
	// rePagesAt matches a page range after a comma, or alone.
	rePagesAt = regexp.MustCompile(`(?:^|,\s+)(\d+\s*[-–]\s*\d+)(?:\.\s+|$)`)
	// rePagesEnd matches a page range at the end of the details of an
	// article.
	rePagesEnd = regexp.MustCompile(`(?:^|,\s+)(\d+\s*[-–]\s*\d+)$`)
	// reChapter matches a chapter number at the end of a book title.
	reChapter = regexp.MustCompile(`,\s+(?:Chapter|Capítulo|Capítol|Cap\.)\s+([0-9][0-9.]*)$`)
	// reVolume matches a volume at the end of a book title.
	reVolume = regexp.MustCompile(`\.\s+(?:Volume|Vol\.|Volumen|Volum)\s+(\w+)$`)
	// reVolIssue matches the volume and issue of an article: "13 (4)",
	// "(12)", "105", "18 (1/2)".
	reVolIssue = regexp.MustCompile(`^(\d+)?\s*(?:\(([^()]+)\))?$`)
	// reDate matches a full date as a web page gives it: "22 August 2023".
	reDate = regexp.MustCompile(`^\d{1,2}\s+\p{L}+\s+\d{4}$`)
	// reMonthYear and reUpdated match notes on the date of a work.
	reMonthYear = regexp.MustCompile(`^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}$`)
	reUpdated   = regexp.MustCompile(`^(?i:updated|revised|published online|first published)\b`)
	// reEdition matches an edition: "3rd edition", "2023 edition".
	reEdition = regexp.MustCompile(`^(?:\d+(?:st|nd|rd|th)|\d{4})\s+(?i:edition|ed\.)$`)
	// reConference matches the name of a congress or conference given as
	// the container of a paper: "4th Congress of ...", "4rt Congrés ...".
	reConference = regexp.MustCompile(`^\d+\s*(?:st|nd|rd|th|rt|r|n|t|è|e|º|ª|o)?\s+(?:Congress|Congrés|Congreso|Conference|Conferència|Conferencia|Symposium|Simposi|Simposio)\b`)
	// reSeriesNo, reSeriesParen and reSeriesComma match a series with its
	// number: "OECD Working Papers on Public Governance, No. 63",
	// "..., Working Paper Series (IIPP WP 2017-01)", "Materials, 19".
	reSeriesNo    = regexp.MustCompile(`^(.+?),?\s+(?:No\.|Nº|Núm\.|núm\.|Number)\s*(\S+)$`)
	reSeriesParen = regexp.MustCompile(`^(.*(?i:series|papers?).*?)\s+\(([^()]*\d[^()]*)\)$`)
	reSeriesComma = regexp.MustCompile(`^([^,]+),\s+(\d+)$`)
	// reSeriesWord marks a segment as the name of a series.
	reSeriesWord = regexp.MustCompile(`(?i:\bseries\b|\bpapers\b|\breviews\b|col·lecció|colección|\bcollection\b)`)
	// reReportSeries marks a segment as a report series: "Informe Kaleidos".
	reReportSeries = regexp.MustCompile(`^(?:Informe|Report)\s`)
	// reReport, reWorkingPaper and reProceedings mark the type of a work.
	reReport       = regexp.MustCompile(`(?i:\breport\b|\binforme\b|llibre blanc|libro blanco|white paper|discussion paper)`)
	reWorkingPaper = regexp.MustCompile(`(?i:working papers?|\bpapers\b)`)
	reProceedings  = regexp.MustCompile(`^(?:Actes|Actas|Proceedings)\s`)
	// reNote matches a segment that is a note: "(beta)", "Discussion paper
	// prepared for ...".
	reNote = regexp.MustCompile(`^(?:\(.*\)|(?i:discussion paper)\b.*)$`)
	// reLink matches a URL or DOI at the end of a citation.
	reLink = regexp.MustCompile(`(?:^|\s)(?:(?:Retrieved from|Available at|URL:?)\s+)?((?:https?://|doi:\s?)\S+)$`)
	// reDOI matches a DOI, bare or as a doi.org link.
	reDOI = regexp.MustCompile(`^(?:doi:\s?|https?://(?:dx\.)?doi\.org/)(10\.\S+)$`)
)

// parseLine parses one citation. s is the whole line; offsets in errors are
// from its start.
func parseLine(line string) (Citation, *lineError) {
	start := len(line) - len(strings.TrimLeftFunc(line, unicode.IsSpace))
	s := strings.TrimRightFunc(line[start:], unicode.IsSpace)
	c := Citation{Raw: s}

	m := reHead.FindStringSubmatchIndex(s)
	if m == nil {
		if i := strings.IndexByte(s, '('); i >= 0 {
			return c, &lineError{start + i, "(year) such as (2019) or (2019a) after the authors"}
		}
		return c, &lineError{start + len(s), "(year) after the authors"}
	}
	names := s[m[2]:m[3]]
	if strings.TrimSpace(names) == "" {
		return c, &lineError{start, "authors or editors before (year)"}
	}
	people, err := parseNames(names, start)
	if err != nil {
		return c, err
	}
	if m[4] >= 0 {
		c.Editors = people
	} else {
		c.Authors = people
	}
	c.Year = s[m[6]:m[7]]

	pos := m[1]
	if pos >= len(s) || s[pos] != '.' {
		return c, &lineError{start + pos, "'.' after (year)"}
	}
	pos++
	rest := strings.TrimLeftFunc(s[pos:], unicode.IsSpace)
	off := start + len(s) - len(rest)
	if rest == "" {
		return c, &lineError{off, "title after (year)."}
	}
	rest = c.takeLink(rest)
	if !strings.HasSuffix(rest, ".") {
		return c, &lineError{off + len(rest), "'.' at the end of the citation"}
	}

	if strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, `"`) {
		err = c.parseQuoted(rest, off)
	} else {
		err = c.parseWork(rest, off)
	}
	if err != nil {
		return c, err
	}
	c.Language = detectLanguage(c.Title + " " + c.Container + " " + c.Series)
	return c, nil
}

// takeLink removes a URL or DOI from the end of rest into c and returns what
// is left, ending in '.'.
func (c *Citation) takeLink(rest string) string {
	body := strings.TrimSuffix(rest, ".")
	m := reLink.FindStringSubmatchIndex(body)
	if m == nil {
		return rest
	}
	link := body[m[2]:m[3]]
	if d := reDOI.FindStringSubmatch(link); d != nil {
		c.DOI = d[1]
	} else {
		c.URL = link
	}
	left := strings.TrimRightFunc(body[:m[0]], unicode.IsSpace)
	if !strings.HasSuffix(left, ".") {
		left += "."
	}
	return left
}

// parseNames parses a list of authors or editors: persons as "Family,
// Initials" and organisations by name, separated by ", " and " & ". off is
// the offset of s in the line.
func parseNames(s string, off int) ([]Person, *lineError) {
	idx := reNameSep.FindAllStringIndex(s, -1)
	var toks []string
	var offs []int
	prev := 0
	for _, m := range idx {
		toks = append(toks, s[prev:m[0]])
		offs = append(offs, prev)
		prev = m[1]
	}
	toks = append(toks, s[prev:])
	offs = append(offs, prev)

	var out []Person
	for i := 0; i < len(toks); i++ {
		t := strings.TrimSpace(toks[i])
		if t == "" {
			return nil, &lineError{off + offs[i], "a name in the list of authors"}
		}
		if reInitials.MatchString(t) {
			return nil, &lineError{off + offs[i], "a family name before the initials"}
		}
		if i+1 < len(toks) && reInitials.MatchString(strings.TrimSpace(toks[i+1])) {
			out = append(out, Person{Family: t, Given: strings.TrimSpace(toks[i+1])})
			i++
			continue
		}
		out = append(out, Person{Family: t})
	}
	return out, nil
}

// parseQuoted parses the rest of a citation whose title is in quotes: a
// chapter ("In Editors (Eds.), Book, Chapter n, pages.") or an article or
// post ("In Journal, volume (issue), pages."), then the imprint.
func (c *Citation) parseQuoted(rest string, off int) *lineError {
	end := -1
	for _, closing := range []string{"”. In ", `". In `} {
		if i := strings.Index(rest, closing); i > 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return &lineError{off + len(rest), `closing quote followed by ". In " and the container`}
	}
	_, q := utf8.DecodeRuneInString(rest)
	c.Title = strings.TrimSpace(rest[q:end])
	if c.Title == "" {
		return &lineError{off + q, "a title in the quotes"}
	}
	_, cq := utf8.DecodeRuneInString(rest[end:])
	inOff := end + cq + len(". In ")
	in := rest[inOff:]
	off += inOff

	body, ok := c.takeImprint(in)
	if !ok {
		body = strings.TrimSuffix(in, ".")
	}
	if strings.TrimSpace(body) == "" {
		return &lineError{off, "a journal or book title after In"}
	}

	if m := reEditors.FindStringSubmatchIndex(body); m != nil {
		eds, err := parseNames(body[m[2]:m[3]], off)
		if err != nil {
			return err
		}
		c.Type = TypeChapter
		c.ContainerEditors = eds
		book := body[m[1]:]
		if p := rePagesAt.FindStringSubmatchIndex(book); p != nil {
			c.Pages = normPages(book[p[2]:p[3]])
			c.Note = strings.TrimSpace(book[p[1]:])
			book = book[:p[0]]
		}
		if v := reVolume.FindStringSubmatchIndex(book); v != nil {
			c.Volume = book[v[2]:v[3]]
			book = book[:v[0]]
		}
		if ch := reChapter.FindStringSubmatchIndex(book); ch != nil {
			c.Chapter = book[ch[2]:ch[3]]
			book = book[:ch[0]]
		}
		c.Container = strings.TrimSpace(book)
		if c.Container == "" {
			return &lineError{off + m[1], "the title of the book after the editors"}
		}
		return nil
	}

	c.Type = TypeArticle
	container, details, _ := strings.Cut(body, ", ")
	c.Container = strings.TrimSpace(container)
	details = strings.TrimSpace(details)
	if p := rePagesEnd.FindStringSubmatchIndex(details); p != nil {
		c.Pages = normPages(details[p[2]:p[3]])
		details = details[:p[0]]
	}
	switch {
	case details == "":
	case reVolIssue.MatchString(details):
		m := reVolIssue.FindStringSubmatch(details)
		c.Volume, c.Issue = m[1], strings.TrimSpace(m[2])
	case reUpdated.MatchString(details):
		c.Note = details
	case reDate.MatchString(details):
		c.Date = details
		c.Type = TypeWebPage
	default:
		c.Issue = details
	}
	return nil
}

// parseWork parses the rest of a citation whose title is not in quotes: a
// book, report or paper, "Title. Subtitle. Series, No. n. Place: Publisher."
func (c *Citation) parseWork(rest string, off int) *lineError {
	body, ok := c.takeImprint(rest)
	if !ok {
		body = strings.TrimSuffix(rest, ".")
	}
	segs := splitSentences(body)
	editedOnly := len(c.Authors) == 0
	n := len(segs)
walk:
	for n > 1 {
		seg := segs[n-1]
		switch {
		case reEdition.MatchString(seg):
			c.Edition = seg
		case reMonthYear.MatchString(seg), reUpdated.MatchString(seg), reNote.MatchString(seg):
			c.Note = joinNote(seg, c.Note)
		case reVolume.MatchString(". " + seg):
			c.Volume = reVolume.FindStringSubmatch(". " + seg)[1]
		case !editedOnly && reConference.MatchString(seg):
			c.Container = seg
		case reSeriesNo.MatchString(seg) && reSeriesWord.MatchString(seg):
			m := reSeriesNo.FindStringSubmatch(seg)
			c.Series, c.Number = m[1], m[2]
		case reSeriesParen.MatchString(seg):
			m := reSeriesParen.FindStringSubmatch(seg)
			c.Series, c.Number = strings.TrimSuffix(m[1], ","), m[2]
		case reSeriesComma.MatchString(seg):
			m := reSeriesComma.FindStringSubmatch(seg)
			c.Series, c.Number = m[1], m[2]
		case reSeriesWord.MatchString(seg), reReportSeries.MatchString(seg):
			c.Series = seg
		default:
			break walk
		}
		n--
	}
	c.Title = strings.Join(segs[:n], ". ")
	if strings.TrimSpace(c.Title) == "" {
		return &lineError{off, "a title after (year)."}
	}

	all := c.Title + " " + c.Series + " " + c.Note
	switch {
	case c.Container != "":
		c.Type = TypePaper
	case reWorkingPaper.MatchString(c.Series):
		c.Type = TypeWorkingPaper
	case reReport.MatchString(all) || reReportSeries.MatchString(c.Series):
		c.Type = TypeReport
	case reProceedings.MatchString(afterFirstSentence(c.Title)):
		c.Type = TypeBook
	case hasOrganization(c.Authors):
		c.Type = TypeReport
	default:
		c.Type = TypeBook
	}
	return nil
}

// takeImprint looks for the imprint, "Place: Publisher.", as the last
// sentence of s (which ends in '.'). It fills Place, Publisher and
// Publishers and returns the text before the imprint; ok is false when the
// last sentence is not an imprint.
func (c *Citation) takeImprint(s string) (body string, ok bool) {
	s = strings.TrimSuffix(s, ".")
	i := strings.LastIndex(s, ". ")
	if i < 0 {
		return s, false
	}
	imprint := strings.TrimSpace(s[i+2:])
	var places, pubs []string
	for _, part := range splitImprints(imprint) {
		place, pub, found := strings.Cut(part, ": ")
		place = strings.TrimSpace(place)
		pub = strings.Trim(pub, " ,")
		if !found || !isPlace(place) || pub == "" || unicode.IsDigit(firstRune(pub)) {
			return s, false
		}
		places = append(places, place)
		pubs = append(pubs, pub)
	}
	c.Place = strings.Join(places, "; ")
	c.Publisher = strings.Join(pubs, "; ")
	for _, p := range pubs {
		for _, name := range strings.Split(p, ", ") {
			if name = strings.Trim(name, " ,"); name != "" {
				c.Publishers = append(c.Publishers, name)
			}
		}
	}
	return s[:i], true
}

// splitImprints splits an imprint with more than one place, "A: X, and B:
// Y" or "A: X; B: Y", into its parts.
func splitImprints(s string) []string {
	var out []string
	for {
		j := -1
		sep := ""
		for _, d := range []string{", and ", "; "} {
			if k := strings.Index(s, d); k >= 0 && strings.Contains(s[k+len(d):], ": ") && (j < 0 || k < j) {
				j, sep = k, d
			}
		}
		if j < 0 || !strings.Contains(s[:j], ": ") {
			return append(out, s)
		}
		out = append(out, s[:j])
		s = s[j+len(sep):]
	}
}

// isPlace reports whether s looks like a place of publication: one to five
// words, starting with a capital letter, with no digits.
func isPlace(s string) bool {
	if s == "" || !unicode.IsUpper(firstRune(s)) || strings.ContainsAny(s, "0123456789:") {
		return false
	}
	return len(strings.Fields(s)) <= 5
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// abbreviations end in a '.' that does not end a sentence.
var abbreviations = map[string]bool{
	"No": true, "Nº": true, "Núm": true, "núm": true, "Vol": true, "vol": true,
	"pp": true, "p": true, "Ed": true, "Eds": true, "ed": true, "eds": true,
	"Coord": true, "Coords": true, "St": true, "Dr": true, "Mr": true, "Ms": true,
}

// splitSentences splits s at ". " where the word before the '.' is not an
// abbreviation or an initial.
func splitSentences(s string) []string {
	var out []string
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' {
			continue
		}
		w := s[last:i]
		if k := strings.LastIndexFunc(w, func(r rune) bool { return unicode.IsSpace(r) || r == '(' }); k >= 0 {
			w = w[k+1:]
		}
		if abbreviations[w] || utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w)) {
			continue
		}
		out = append(out, strings.TrimSpace(s[last:i]))
		last = i + 2
	}
	return append(out, strings.TrimSpace(s[last:]))
}

// afterFirstSentence returns the part of title after its first ". ", or "".
func afterFirstSentence(title string) string {
	_, after, _ := strings.Cut(title, ". ")
	return after
}

// joinNote puts note a before note b, when b is not empty.
func joinNote(a, b string) string {
	if b == "" {
		return a
	}
	return a + ". " + b
}

// normPages removes the spaces around the dash of a page range.
func normPages(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// hasOrganization reports whether any of ps is an organisation.
func hasOrganization(ps []Person) bool {
	for _, p := range ps {
		if p.IsOrganization() {
			return true
		}
	}
	return false
}
