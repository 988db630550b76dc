package ocds

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
)

// The types below hold the fields of an OCDS release that the mapping
// reads, for both OCDS 1.0 (organisations embedded where they are named)
// and 1.1 (a parties list, referred to by id). Fields the standard types
// strictly are decoded strictly, so a title that is a number is an error;
// identifiers, which the standard lets be strings or integers, and fields
// from extensions are decoded leniently. Unexported fields are filled by
// check.

// release is an OCDS release, a compiled release, or a linked release
// (url, date and tag only) in a record.
type release struct {
	OCID      string     `json:"ocid"`
	Date      string     `json:"date"`
	Tag       tags       `json:"tag"`
	Language  string     `json:"language"`
	URL       string     `json:"url"`
	Buyer     *org       `json:"buyer"`
	Parties   []org      `json:"parties"`
	Planning  *planning  `json:"planning"`
	Tender    *tender    `json:"tender"`
	Awards    []award    `json:"awards"`
	Contracts []contract `json:"contracts"`

	date when
}

// linked reports whether r is a linked release: a url pointing to a
// release, with no ocid and no content of its own.
func (r *release) linked() bool {
	return strings.TrimSpace(r.OCID) == "" && strings.TrimSpace(r.URL) != "" && r.Buyer == nil &&
		len(r.Parties) == 0 && r.Planning == nil && r.Tender == nil && len(r.Awards) == 0 && len(r.Contracts) == 0
}

// org is an OCDS Organization (1.0, or a 1.1 party) or an
// OrganizationReference (1.1).
type org struct {
	ID                    flexString          `json:"id"`
	Name                  string              `json:"name"`
	Identifier            *identifier         `json:"identifier"`
	AdditionalIdentifiers []identifier        `json:"additionalIdentifiers"`
	Address               *address            `json:"address"`
	Roles                 []string            `json:"roles"`
	Details               lenient[orgDetails] `json:"details"`
}

type identifier struct {
	Scheme    string     `json:"scheme"`
	ID        flexString `json:"id"`
	LegalName string     `json:"legalName"`
}

type address struct {
	CountryName string `json:"countryName"`
}

// orgDetails is the details object of the Organization classification
// extension (parties[].details.classifications), which OCDS for eForms
// and for TED use for the buyer legal type.
type orgDetails struct {
	Classifications []classification `json:"classifications"`
}

type classification struct {
	Scheme      string     `json:"scheme"`
	Schema      string     `json:"schema"` // a misspelling of scheme some publishers use
	ID          flexString `json:"id"`
	Description string     `json:"description"`
	URI         string     `json:"uri"`
}

// scheme returns the scheme, or the misspelt schema field when scheme is
// blank.
func (c *classification) scheme() string {
	if s := text(c.Scheme); s != "" {
		return s
	}
	return text(c.Schema)
}

type planning struct {
	Rationale  string     `json:"rationale"`
	Budget     present    `json:"budget"`
	Documents  []document `json:"documents"`
	Milestones present    `json:"milestones"`
}

// any reports whether the planning section says anything.
func (p *planning) any() bool {
	return p != nil && (strings.TrimSpace(p.Rationale) != "" || bool(p.Budget) || len(p.Documents) > 0 || bool(p.Milestones))
}

type tender struct {
	Title             string     `json:"title"`
	Description       string     `json:"description"`
	Status            string     `json:"status"`
	ProcurementMethod string     `json:"procurementMethod"`
	Value             *value     `json:"value"`
	TenderPeriod      *period    `json:"tenderPeriod"`
	Items             []item     `json:"items"`
	Documents         []document `json:"documents"`
	Tenderers         []org      `json:"tenderers"`
	ProcuringEntity   *org       `json:"procuringEntity"`
}

type award struct {
	Title     string     `json:"title"`
	Status    string     `json:"status"`
	Date      string     `json:"date"`
	Value     *value     `json:"value"`
	Suppliers []org      `json:"suppliers"`
	Items     []item     `json:"items"`
	Documents []document `json:"documents"`

	date when
}

type contract struct {
	Title          string          `json:"title"`
	Status         string          `json:"status"`
	DateSigned     string          `json:"dateSigned"`
	Period         *period         `json:"period"`
	Value          *value          `json:"value"`
	Items          []item          `json:"items"`
	Documents      []document      `json:"documents"`
	Suppliers      lenient[[]org]  `json:"suppliers"` // an extension; 1.1 has suppliers on awards
	Implementation *implementation `json:"implementation"`

	dateSigned when
}

type implementation struct {
	Transactions []transaction `json:"transactions"`
	Milestones   present       `json:"milestones"`
	Documents    []document    `json:"documents"`
}

// any reports whether the implementation section says anything.
func (im *implementation) any() bool {
	return im != nil && (len(im.Transactions) > 0 || bool(im.Milestones) || len(im.Documents) > 0)
}

type transaction struct {
	Date string `json:"date"`

	date when
}

type period struct {
	StartDate string `json:"startDate"`
	EndDate   string `json:"endDate"`

	start, end when
}

type item struct {
	Classification            *classification  `json:"classification"`
	AdditionalClassifications []classification `json:"additionalClassifications"`
}

type document struct {
	URL   string `json:"url"`
	Title string `json:"title"`
}

// value is an OCDS Value. Amount is kept raw so that a value that is not a
// number can be reported with its path; check sets amount.
type value struct {
	Amount   json.RawMessage `json:"amount"`
	Currency string          `json:"currency"`

	amount string // xsd:decimal lexical form, "" when absent
}

// flexString is a JSON string or number, kept as text; other JSON values
// give "". OCDS identifiers may be either.
type flexString string

// UnmarshalJSON implements json.Unmarshaler and never fails.
func (f *flexString) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) > 0 && b[0] == '"':
		var s string
		if json.Unmarshal(b, &s) == nil {
			*f = flexString(s)
		}
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		*f = flexString(b)
	}
	return nil
}

// tags is a release tag list; a single string is taken as a list of one,
// and anything else as no tags.
type tags []string

// UnmarshalJSON implements json.Unmarshaler and never fails.
func (t *tags) UnmarshalJSON(b []byte) error {
	var list []flexString
	if json.Unmarshal(b, &list) == nil {
		for _, s := range list {
			*t = append(*t, string(s))
		}
		return nil
	}
	var s flexString
	if json.Unmarshal(b, &s) == nil && s != "" {
		*t = tags{string(s)}
	}
	return nil
}

// present records whether a field holds anything but null, "", {} or [].
type present bool

// UnmarshalJSON implements json.Unmarshaler and never fails.
func (p *present) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null" || string(b) == `""`:
		*p = false
	case len(b) > 1 && (b[0] == '{' || b[0] == '['):
		*p = len(bytes.TrimSpace(b[1:len(b)-1])) > 0
	default:
		*p = true
	}
	return nil
}

// lenient decodes a field from an extension: a value of an unexpected
// shape is dropped instead of failing the release.
type lenient[T any] struct{ v T }

// UnmarshalJSON implements json.Unmarshaler and never fails.
func (l *lenient[T]) UnmarshalJSON(b []byte) error {
	var v T
	if json.Unmarshal(b, &v) == nil {
		l.v = v
	}
	return nil
}

// check validates the values the mapping reads and fills the unexported
// fields: amounts become xsd:decimal lexical forms and dates are parsed.
// It returns the first problem, with its path relative to the release.
func (r *release) check() *fieldError {
	var err *fieldError
	date := func(path, s string, w *when) {
		if err == nil {
			*w, err = parseWhen(path, s)
		}
	}
	amount := func(path string, v *value) {
		if err == nil && v != nil {
			v.amount, err = parseAmount(path+".amount", v.Amount)
		}
	}
	date("date", r.Date, &r.date)
	if t := r.Tender; t != nil {
		amount("tender.value", t.Value)
		if t.TenderPeriod != nil {
			date("tender.tenderPeriod.startDate", t.TenderPeriod.StartDate, &t.TenderPeriod.start)
			date("tender.tenderPeriod.endDate", t.TenderPeriod.EndDate, &t.TenderPeriod.end)
		}
	}
	for i := range r.Awards {
		a := &r.Awards[i]
		p := "awards[" + strconv.Itoa(i) + "]"
		date(p+".date", a.Date, &a.date)
		amount(p+".value", a.Value)
	}
	for i := range r.Contracts {
		c := &r.Contracts[i]
		p := "contracts[" + strconv.Itoa(i) + "]"
		date(p+".dateSigned", c.DateSigned, &c.dateSigned)
		if c.Period != nil {
			date(p+".period.startDate", c.Period.StartDate, &c.Period.start)
			date(p+".period.endDate", c.Period.EndDate, &c.Period.end)
		}
		amount(p+".value", c.Value)
		if c.Implementation != nil {
			for j := range c.Implementation.Transactions {
				tr := &c.Implementation.Transactions[j]
				date(p+".implementation.transactions["+strconv.Itoa(j)+"].date", tr.Date, &tr.date)
			}
		}
	}
	return err
}
